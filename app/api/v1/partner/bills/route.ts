// GET /api/v1/partner/bills?contractNo=&cursor= - a contract's unpaid bills, oldest first, PARTNER_BILLS_PAGE a page, for a bank or agent collecting them (scope bills:read)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { partnerFromRequest } from "@/lib/auth/partner-key";
import { AppError } from "@/lib/errors";
import { partnerBillCursor, partnerBills } from "@/lib/payments/partner";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const partner = await partnerFromRequest(getDb(), request, "bills:read");
  if (!partner) throw new AppError("UNAUTHENTICATED", "partner key required");
  const search = new URL(request.url).searchParams;
  const contractNo = search.get("contractNo") ?? "";
  if (!contractNo.trim())
    throw new AppError("VALIDATION_FAILED", "contractNo missing", { contractNo: "required" });
  const after = partnerBillCursor.read(search);
  const result = await partnerBills(getDb(), contractNo, { after });
  if (!result) throw new AppError("NOT_FOUND", "contract");
  return json(result);
});
