// GET /api/bills/{id}/pdf?lang=ar|fr|en - the bill as PDF, to its owner or to staff (anyone else: 404)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { billDocument } from "@/lib/billing/documents";
import { contractTariffNames, getBillDetail } from "@/lib/billing/queries";
import { utilityToday } from "@/lib/billing/today";
import { renderBillPdf } from "@/lib/documents/bill-pdf";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const db = getDb();
  const utility = await getUtility(db);
  const detail = await getBillDetail(db, {
    billId: id,
    access: isStaff(user) ? "staff" : { userId: user.id },
    today: utilityToday(utility.timeZone),
  });
  if (!detail) throw new AppError("NOT_FOUND");
  const tariffName = await contractTariffNames(db, { contractId: detail.contract.id, locale });
  const doc = renderBillPdf(billDocument(detail, locale, utility, tariffName));
  return pdfResponse(doc, `${detail.bill.billNo}-${locale}.pdf`);
});
