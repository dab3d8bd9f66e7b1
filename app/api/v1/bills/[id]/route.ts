// GET /api/v1/bills/{id} - one of the signed-in customer's bills with its lines (anyone else's: 404)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { presentBillDetail } from "@/lib/billing/api";
import { getBillDetail } from "@/lib/billing/queries";
import { utilityToday } from "@/lib/billing/today";
import { AppError } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const db = getDb();
  const utility = await getUtility(db);
  const detail = await getBillDetail(db, {
    billId: id,
    access: { userId: user.id },
    today: utilityToday(utility.timeZone),
  });
  if (!detail) throw new AppError("NOT_FOUND");
  const header = request.headers.get("accept-language");
  return json(presentBillDetail(detail, header ? localeFromAcceptLanguage(header) : user.locale));
});
