import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bills, payments, type Payment } from "@/db/schema";
import { isUuid } from "@/lib/validation/ids";

export type CheckoutView = Pick<
  Payment,
  "id" | "provider" | "status" | "amountMinor" | "currency" | "receiptNo" | "locale" | "userId"
> & { bills: { id: string; billNo: string; periodStart: string; periodEnd: string }[] };

/**
 * A payment as its status pages show it. `access` is in the query: a customer sees only their
 * own payments; "quick" is the unguessable id of a payment made without an account (its public
 * page shows amount and status only); "provider" is the test provider's own page, which any
 * online payment's id opens, like a provider's checkout link.
 */
export async function getCheckoutView(
  db: DbOrTx,
  params: { paymentId: string; access: { userId: string } | "quick" | "provider" },
): Promise<CheckoutView | null> {
  if (!isUuid(params.paymentId)) return null;
  const [payment] = await db
    .select({
      id: payments.id,
      provider: payments.provider,
      status: payments.status,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      receiptNo: payments.receiptNo,
      locale: payments.locale,
      userId: payments.userId,
      billIds: payments.billIds,
    })
    .from(payments)
    .where(
      and(
        eq(payments.id, params.paymentId),
        params.access === "provider"
          ? undefined
          : params.access === "quick"
            ? isNull(payments.userId)
            : eq(payments.userId, params.access.userId),
      ),
    );
  if (!payment) return null;
  if (payment.provider !== "stripe" && payment.provider !== "test") return null;
  const chosen = payment.billIds.length
    ? await db
        .select({
          id: bills.id,
          billNo: bills.billNo,
          periodStart: bills.periodStart,
          periodEnd: bills.periodEnd,
        })
        .from(bills)
        .where(inArray(bills.id, payment.billIds))
        .orderBy(asc(bills.periodStart))
    : [];
  const { billIds: _ids, ...rest } = payment;
  void _ids;
  return { ...rest, bills: chosen };
}
