import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { bills, contracts, payments, type Payment } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { decimalAmount } from "@/lib/billing/present";
import { API_PAGE_SIZE, code, cursorCodec, isoDate, pageOf, uuid } from "@/lib/api/cursor";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { canonicalCode } from "@/lib/validation/fields";
import { parseAmount, type PartnerPaymentInput } from "./admin-schemas";
import { createPendingPayment, dueByBill, settlePayment } from "./ledger";

/**
 * Banks and payment agents: they look up what a contract owes and confirm the payments they
 * took. A partner sees only what it needs to collect (bill number, amount due, currency, due
 * date), never the customer's name or consumption.
 */

export type PartnerBills = {
  contractNo: string;
  bills: { billNo: string; amountDue: string; currency: string; dueDate: string }[];
  nextCursor: string | null;
};

/** How many bills a page of the partner list holds. */
export const PARTNER_BILLS_PAGE = API_PAGE_SIZE;

/** The partner list's cursor: the last bill's sort key (period start, bill number, id). */
export const partnerBillCursor = cursorCodec({ periodStart: isoDate, billNo: code, id: uuid });
export type PartnerBillKey = { periodStart: string; billNo: string; id: string };

/**
 * The unpaid bills of a contract, oldest first, a page at a time; null for an unknown contract
 * number.
 */
export async function partnerBills(
  db: DbOrTx,
  contractNo: string,
  page: { after?: PartnerBillKey; limit?: number } = {},
): Promise<PartnerBills | null> {
  const q = canonicalCode(contractNo);
  if (!/^[A-Z0-9]{1,40}$/.test(q)) return null;
  const [contract] = await db
    .select({ id: contracts.id, contractNo: contracts.contractNo })
    .from(contracts)
    .where(sql`upper(regexp_replace(${contracts.contractNo}, '[[:space:]_./-]', '', 'g')) = ${q}`);
  if (!contract) return null;
  const limit = page.limit ?? PARTNER_BILLS_PAGE;
  // What is due comes from the ledger, not a column, so an issued bill may turn out settled and
  // be left out: batches follow the keyset until one more than a page is due or none is left.
  const unpaid: {
    id: string;
    periodStart: string;
    billNo: string;
    dueMinor: number;
    currency: string;
    dueDate: string;
  }[] = [];
  let after = page.after;
  for (;;) {
    const batch = await db
      .select({
        id: bills.id,
        periodStart: bills.periodStart,
        billNo: bills.billNo,
        currency: bills.currency,
        dueDate: bills.dueDate,
      })
      .from(bills)
      .where(
        and(
          eq(bills.contractId, contract.id),
          eq(bills.status, "issued"),
          after
            ? sql`(${bills.periodStart}, ${bills.billNo}, ${bills.id}) > (${after.periodStart}, ${after.billNo}, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(asc(bills.periodStart), asc(bills.billNo), asc(bills.id))
      .limit(limit + 1);
    const due = await dueByBill(
      db,
      batch.map((b) => b.id),
    );
    for (const b of batch) {
      const dueMinor = due.get(b.id)?.dueMinor ?? 0;
      if (dueMinor > 0) unpaid.push({ ...b, dueMinor });
    }
    if (unpaid.length > limit || batch.length <= limit) break;
    after = batch.at(-1)!;
  }
  const { page: shown, nextCursor } = pageOf(unpaid, limit, partnerBillCursor.encode);
  return {
    contractNo: contract.contractNo,
    bills: shown.map((b) => ({
      billNo: b.billNo,
      amountDue: decimalAmount(b.dueMinor, b.currency),
      currency: b.currency,
      dueDate: b.dueDate,
    })),
    nextCursor,
  };
}

/** How far in the future a partner's clock may be (paidAt) before the payment is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A partner confirms a payment it took for a bill. The payment is recorded under
 * `<key prefix>:<partnerRef>` and settled at once: the same partnerRef again returns the first
 * payment (created: false) without changing anything, and the same partnerRef for another bill
 * or amount is a CONFLICT. A bill already paid by someone else still takes the money, as a
 * credit on the contract (the partner has the customer's cash; refusing it helps nobody).
 */
export async function recordPartnerPayment(
  db: Db,
  partner: { keyPrefix: string },
  input: PartnerPaymentInput,
  context: { locale: Locale; meta?: RequestMeta; now?: Date },
): Promise<{ payment: Payment; created: boolean }> {
  const now = context.now ?? new Date();
  if (input.paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError("VALIDATION_FAILED", "paidAt in the future", { paidAt: "in_future" });
  const actor: Actor = { kind: "partner", keyPrefix: partner.keyPrefix };
  const providerRef = `${partner.keyPrefix}:${input.partnerRef}`;
  const billNo = input.billNo.trim().toUpperCase();

  return db.transaction(async (tx) => {
    const [bill] = await tx
      .select({
        id: bills.id,
        contractId: bills.contractId,
        status: bills.status,
        currency: bills.currency,
      })
      .from(bills)
      .where(eq(bills.billNo, billNo));

    // A retry is answered before the bill's state is looked at: the bill may have been
    // cancelled since, yet the payment the partner made stays the one it made.
    const [existing] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, "partner"), eq(payments.providerRef, providerRef)));
    if (existing) {
      const amount = parseAmount(input.amount, existing.currency);
      const same =
        bill &&
        existing.billIds.length === 1 &&
        existing.billIds[0] === bill.id &&
        amount.ok &&
        amount.minor === existing.amountMinor &&
        input.currency === existing.currency.toUpperCase();
      if (!same) throw new AppError("CONFLICT", "partnerRef reused for another payment");
      return { payment: existing, created: false };
    }

    if (!bill) throw new AppError("NOT_FOUND", `bill ${billNo}`);
    if (bill.status === "cancelled") throw new AppError("BILL_CANCELLED", `bill ${billNo}`);
    if (input.currency !== bill.currency.toUpperCase())
      throw new AppError("CURRENCY_MISMATCH", `${input.currency} ≠ ${bill.currency}`, {
        currency: "invalid",
      });
    const amount = parseAmount(input.amount, bill.currency);
    if (!amount.ok)
      throw new AppError("VALIDATION_FAILED", amount.key, {
        amount: amount.key === "amountRequired" ? "required" : "invalid",
      });

    const { payment, created } = await createPendingPayment(tx, {
      provider: "partner",
      providerRef,
      contractId: bill.contractId,
      billIds: [bill.id],
      amountMinor: amount.minor,
      currency: bill.currency,
      locale: context.locale,
      method: "agent",
    });
    // A concurrent retry with the same partnerRef recorded it first.
    if (!created) {
      if (payment.billIds[0] !== bill.id || payment.amountMinor !== amount.minor)
        throw new AppError("CONFLICT", "partnerRef reused for another payment");
      return { payment, created: false };
    }
    const settled = await settlePayment(tx, {
      paymentId: payment.id,
      receivedAt: input.paidAt,
      actor,
    });
    await writeAudit(tx, {
      actor,
      action: "payment.partner_confirmed",
      entityType: "payment",
      entityId: payment.id,
      after: { partnerRef: input.partnerRef, billNo, paidAt: input.paidAt.toISOString() },
      meta: context.meta,
    });
    return { payment: settled.payment, created: true };
  });
}
