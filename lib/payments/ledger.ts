import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { bills, paymentAllocations, payments, processedEvents, type Payment } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { PAYMENT_RECEIPT_PREFIX } from "@/lib/workflow/reserved-prefixes";
import { allocate, reverseAllocations } from "./allocate";
import { settleQuote } from "@/lib/connections/settle-quote";
import { enqueueReceiptEmail } from "./notify-receipt";

/**
 * The payments ledger: every way money arrives (Stripe, the test provider, a counter, a bank or
 * agent) ends in these functions, inside the caller's transaction. A bill is paid only by its
 * allocations; a payment is confirmed once; a refund appends negative allocations.
 */

export type PaymentProvider = Payment["provider"];

/**
 * Record a provider event as handled, in the transaction of the change it makes. False when it
 * was handled before: the caller then changes nothing (a redelivered webhook, a double callback).
 */
export async function claimEvent(
  tx: DbOrTx,
  event: { provider: string; eventId: string; type: string; paymentId?: string | null },
): Promise<boolean> {
  const rows = await tx
    .insert(processedEvents)
    .values({
      provider: event.provider,
      eventId: event.eventId,
      type: event.type,
      paymentId: event.paymentId ?? null,
    })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return rows.length === 1;
}

/** What is still due on each bill, from its total and the allocations of payments that went through. */
export async function dueByBill(
  tx: DbOrTx,
  billIds: string[],
): Promise<
  Map<string, { dueMinor: number; status: string; contractId: string; currency: string }>
> {
  if (!billIds.length) return new Map();
  // The bill is named with its table: in a one-table select Drizzle writes ${bills.id} as a
  // bare "id", which the subquery's own tables make ambiguous (42702).
  const rows = await tx
    .select({
      id: bills.id,
      status: bills.status,
      contractId: bills.contractId,
      currency: bills.currency,
      totalMinor: bills.totalMinor,
      paidMinor: sql<number>`coalesce((
        select sum(pa.amount_minor) from ${paymentAllocations} pa
        join ${payments} p on p.id = pa.payment_id
        where pa.bill_id = "bills"."id" and p.status in ('succeeded', 'refunded')), 0)::bigint`.mapWith(
        Number,
      ),
    })
    .from(bills)
    .where(inArray(bills.id, billIds));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        dueMinor: r.status === "issued" ? Math.max(0, r.totalMinor - r.paidMinor) : 0,
        status: r.status,
        contractId: r.contractId,
        currency: r.currency,
      },
    ]),
  );
}

/** Bills in the order a payment settles them: the oldest period first. */
export async function orderBillsOldestFirst(tx: DbOrTx, billIds: string[]): Promise<string[]> {
  if (!billIds.length) return [];
  const rows = await tx
    .select({ id: bills.id })
    .from(bills)
    .where(inArray(bills.id, billIds))
    .orderBy(asc(bills.periodStart), asc(bills.billNo));
  return rows.map((r) => r.id);
}

export type NewPayment = {
  provider: PaymentProvider;
  providerRef: string;
  contractId: string;
  userId?: string | null;
  billIds: string[];
  amountMinor: number;
  currency: string;
  locale: "ar" | "fr" | "en";
  method?: string | null;
  agency?: string | null;
  createdBy?: string | null;
  /** A connection quote the payment settles (it then names no bills). */
  quoteId?: string | null;
};

/**
 * A payment waiting for its provider (a checkout opened). Returns the existing row when the
 * same provider reference was recorded before, so a retried start creates nothing twice.
 */
export async function createPendingPayment(
  tx: DbOrTx,
  input: NewPayment & { id?: string },
): Promise<{ payment: Payment; created: boolean }> {
  const [created] = await tx
    .insert(payments)
    .values({ ...input, status: "pending" })
    .onConflictDoNothing()
    .returning();
  if (created) return { payment: created, created: true };
  const [existing] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, input.provider), eq(payments.providerRef, input.providerRef)));
  return { payment: existing!, created: false };
}

export type SettleResult =
  | { kind: "settled"; payment: Payment; creditMinor: number }
  | { kind: "already"; payment: Payment };

/**
 * Confirm a payment: the provider says the money arrived. Locks the payment and its bills,
 * allocates the amount actually received to the chosen bills oldest first (only what is still
 * due: a bill another payment settled meanwhile gets nothing, the money becomes a credit),
 * gives the receipt number, and writes the audit row. A payment already confirmed is left
 * as it is: a webhook delivered three times pays once.
 */
export async function settlePayment(
  tx: Tx,
  params: {
    paymentId: string;
    /** What the provider says was paid; the payment's own amount when absent. */
    amountMinor?: number;
    currency?: string;
    providerPaymentId?: string | null;
    receivedAt: Date;
    actor: Actor;
  },
): Promise<SettleResult> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.id, params.paymentId))
    .for("update");
  if (!payment) throw new AppError("NOT_FOUND", `payment ${params.paymentId}`);
  if (payment.status === "succeeded" || payment.status === "refunded")
    return { kind: "already", payment };
  if (params.currency && params.currency.toUpperCase() !== payment.currency.toUpperCase())
    throw new AppError("VALIDATION_FAILED", `currency ${params.currency} ≠ ${payment.currency}`, {
      currency: "invalid",
    });
  const amountMinor = params.amountMinor ?? payment.amountMinor;

  // Lock the bills in one order (by id) so two payments of the same bills never deadlock.
  if (payment.billIds.length)
    await tx
      .select({ id: bills.id })
      .from(bills)
      .where(inArray(bills.id, payment.billIds))
      .orderBy(asc(bills.id))
      .for("update");
  const order = await orderBillsOldestFirst(tx, payment.billIds);
  const due = await dueByBill(tx, order);
  const { allocations, creditMinor } = allocate(
    order.map((id) => ({ id, dueMinor: due.get(id)?.dueMinor ?? 0 })),
    amountMinor,
  );
  if (allocations.length)
    await tx.insert(paymentAllocations).values(
      allocations.map((a) => ({
        paymentId: payment.id,
        billId: a.billId,
        amountMinor: a.amountMinor,
      })),
    );
  const year = params.receivedAt.getUTCFullYear();
  const receiptNo = await nextItemNumber(tx, PAYMENT_RECEIPT_PREFIX, year);
  const [settled] = await tx
    .update(payments)
    .set({
      status: "succeeded",
      amountMinor,
      receiptNo,
      receivedAt: params.receivedAt,
      providerPaymentId: params.providerPaymentId ?? payment.providerPaymentId,
      failureReason: null,
      updatedAt: new Date(),
    })
    .where(eq(payments.id, payment.id))
    .returning();
  await writeAudit(tx, {
    actor: params.actor,
    action: "payment.succeeded",
    entityType: "payment",
    entityId: payment.id,
    after: { receiptNo, amountMinor, allocations, creditMinor, provider: payment.provider },
  });
  // A quote's payment moves its connection request on, in this same transaction: the request
  // is marked paid exactly when the money is recorded, and once.
  if (settled!.quoteId)
    await settleQuote(tx, {
      quoteId: settled!.quoteId,
      paymentId: payment.id,
      amountMinor,
      at: params.receivedAt,
    });
  // The receipt e-mail is queued in this transaction: it exists exactly when the payment does.
  await enqueueReceiptEmail(tx, payment.id);
  return { kind: "settled", payment: settled!, creditMinor };
}

/** A checkout that failed or expired: the pending payment ends without touching any bill. */
export async function closePendingPayment(
  tx: Tx,
  params: { paymentId: string; status: "failed" | "cancelled"; reason: string; actor: Actor },
): Promise<Payment | null> {
  const [closed] = await tx
    .update(payments)
    .set({
      status: params.status,
      failureReason: params.reason.slice(0, 200),
      updatedAt: new Date(),
    })
    .where(and(eq(payments.id, params.paymentId), eq(payments.status, "pending")))
    .returning();
  if (closed)
    await writeAudit(tx, {
      actor: params.actor,
      action: `payment.${params.status}`,
      entityType: "payment",
      entityId: closed.id,
      after: { reason: params.reason },
    });
  return closed ?? null;
}

/**
 * A refund, as the provider reports it: `refundedTotalMinor` is the cumulative amount refunded
 * (Stripe's charge.amount_refunded), so a repeated or late event reverses only what is new.
 * The credit left on the payment goes back first, then its allocations, newest bill first.
 */
export async function refundPayment(
  tx: Tx,
  params: { paymentId: string; refundedTotalMinor: number; actor: Actor },
): Promise<{ reversedMinor: number; payment: Payment }> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.id, params.paymentId))
    .for("update");
  if (!payment) throw new AppError("NOT_FOUND", `payment ${params.paymentId}`);
  const target = Math.min(params.refundedTotalMinor, payment.amountMinor);
  const newly = target - payment.refundedMinor;
  if (payment.status !== "succeeded" && payment.status !== "refunded")
    return { reversedMinor: 0, payment };
  if (newly <= 0) return { reversedMinor: 0, payment };

  const rows = await tx
    .select({ billId: paymentAllocations.billId, amountMinor: paymentAllocations.amountMinor })
    .from(paymentAllocations)
    .where(eq(paymentAllocations.paymentId, payment.id))
    .orderBy(asc(paymentAllocations.createdAt));
  // Net allocation per bill after earlier refunds, in the order the payment settled them.
  const net = new Map<string, number>();
  for (const r of rows) net.set(r.billId, (net.get(r.billId) ?? 0) + r.amountMinor);
  const allocations = [...net].map(([billId, amountMinor]) => ({ billId, amountMinor }));
  const allocated = allocations.reduce((s, a) => s + a.amountMinor, 0);
  const creditMinor = payment.amountMinor - payment.refundedMinor - allocated;
  const { reversals } = reverseAllocations(allocations, creditMinor, newly);
  if (reversals.length)
    await tx.insert(paymentAllocations).values(
      reversals.map((r) => ({
        paymentId: payment.id,
        billId: r.billId,
        amountMinor: r.amountMinor,
      })),
    );
  const [updated] = await tx
    .update(payments)
    .set({
      refundedMinor: target,
      status: target >= payment.amountMinor ? "refunded" : "succeeded",
      updatedAt: new Date(),
    })
    .where(eq(payments.id, payment.id))
    .returning();
  await writeAudit(tx, {
    actor: params.actor,
    action: "payment.refunded",
    entityType: "payment",
    entityId: payment.id,
    after: { refundedMinor: target, reversals },
  });
  return { reversedMinor: newly, payment: updated! };
}
