// GET /api/v1/partner/bills?contractNo= - a contract's unpaid bills, for a bank or agent collecting them (scope bills:read)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { partnerFromRequest } from "@/lib/auth/partner-key";
import { AppError } from "@/lib/errors";
import { partnerBills } from "@/lib/payments/partner";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const partner = await partnerFromRequest(getDb(), request, "bills:read");
  if (!partner) throw new AppError("UNAUTHENTICATED", "partner key required");
  const contractNo = new URL(request.url).searchParams.get("contractNo") ?? "";
  if (!contractNo.trim())
    throw new AppError("VALIDATION_FAILED", "contractNo missing", { contractNo: "required" });
  const result = await partnerBills(getDb(), contractNo);
  if (!result) throw new AppError("NOT_FOUND", "contract");
  return json(result);
});
