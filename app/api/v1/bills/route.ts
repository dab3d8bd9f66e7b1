// GET /api/v1/bills?contractNo=&cursor= - the signed-in customer's bills, newest first
import { getDb } from "@/db/client";
import { API_PAGE_SIZE, pageOf } from "@/lib/api/cursor";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { billCursor, presentBillSummary } from "@/lib/billing/api";
import { listCustomerBills } from "@/lib/billing/queries";
import { findLinkedContractByNumber } from "@/lib/contracts/queries";
import { utilityToday } from "@/lib/billing/today";
import { AppError } from "@/lib/errors";
import { getUtility } from "@/lib/utility/get-utility";
import { printedCodeField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

const PAGE = API_PAGE_SIZE;

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const search = new URL(request.url).searchParams;
  const db = getDb();
  let contractId: string | undefined;
  const raw = search.get("contractNo");
  if (raw !== null) {
    const parsed = printedCodeField.safeParse(raw);
    // A malformed or foreign number names no contract of this customer: 404 alike.
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const row = await findLinkedContractByNumber(db, { userId: user.id, contractNo: parsed.data });
    if (!row) throw new AppError("NOT_FOUND");
    contractId = row.id;
  }
  const after = billCursor.read(search);
  const utility = await getUtility(db);
  const rows = await listCustomerBills(db, {
    userId: user.id,
    today: utilityToday(utility.timeZone),
    contractId,
    after,
    limit: PAGE + 1,
  });
  const { page, nextCursor } = pageOf(rows, PAGE, billCursor.encode);
  return json({ bills: page.map(presentBillSummary), nextCursor });
});
