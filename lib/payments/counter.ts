import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Db } from "@/db/client";
import {
  bills,
  contracts,
  customers,
  paymentAllocations,
  payments,
  type Payment,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { billingActorOf, type BillingStaff } from "@/lib/billing/admin-access";
import { searchBills, type BillSummary } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { canonicalCode } from "@/lib/validation/fields";
import { isUuid } from "@/lib/validation/ids";
import { parseAmount, type CounterPaymentInput } from "./admin-schemas";
import { createPendingPayment, dueByBill, settlePayment } from "./ledger";

/**
 * Payments taken at a counter: a clerk of the billing department finds the contract, takes
 * cash or a cheque, and the payment is settled at once through the ledger, like any other.
 */

export type CounterAccount = {
  contract: {
    id: string;
    contractNo: string;
    service: string;
    customerName: string;
    customerCode: string;
  };
  /** Bills with something still due, oldest first: the order a payment settles them. */
  openBills: BillSummary[];
  /** The bill the clerk typed (its number or payment reference), whatever its state. */
  matched: BillSummary | null;
  totalDueMinor: number;
  /** The contract's billing currency; null before its first bill. */
  currency: string | null;
};

/**
 * The account a clerk is looking for: a contract number, a bill number or a bill's payment
 * reference (spaces, dashes and Arabic-Indic digits tolerated). Null when nothing matches.
 */
export async function findCounterAccount(
  db: DbOrTx,
  params: { query: string; today: string },
): Promise<CounterAccount | null> {
  const q = canonicalCode(params.query);
  if (!q || q.length > 40) return null;
  const contractColumns = {
    id: contracts.id,
    contractNo: contracts.contractNo,
    service: contracts.service,
    customerName: customers.name,
    customerCode: customers.customerCode,
  };
  let [contract] = await db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(sql`upper(regexp_replace(${contracts.contractNo}, '[[:space:]_./-]', '', 'g')) = ${q}`);
  let matched: BillSummary | null = null;
  if (!contract) {
    [matched = null] = await searchBills(db, { query: q, today: params.today, limit: 1 });
    if (!matched) return null;
    [contract] = await db
      .select(contractColumns)
      .from(contracts)
      .innerJoin(customers, eq(customers.id, contracts.customerId))
      .where(eq(contracts.id, matched.contractId));
    if (!contract) return null;
  }
  const all = await searchBills(db, {
    query: contract.contractNo,
    today: params.today,
    limit: 500,
  });
  const openBills = all
    .filter((b) => b.status === "issued" && b.amountDueMinor > 0)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.billNo.localeCompare(b.billNo));
  return {
    contract,
    openBills,
    matched,
    totalDueMinor: openBills.reduce((s, b) => s + b.amountDueMinor, 0),
    currency: all[0]?.currency ?? null,
  };
}

/** A refusal the counter form shows (paymentsAdmin.errors.<key>). */
function refusal(
  code: "VALIDATION_FAILED" | "NOT_FOUND" | "CONFLICT" | "BILL_CANCELLED",
  key: string,
  field = "_form",
) {
  return new AppError(code, key, { [field]: key });
}

/**
 * Record a cash or cheque payment and settle it, in one transaction: the pending payment
 * (provider "counter", reference from the form's token, so a double submit is one payment),
 * its allocation to the chosen bill or to every open bill oldest first, the receipt number
 * and the audit rows. Bad input changes nothing.
 */
export async function recordCounterPayment(
  db: Db,
  clerk: BillingStaff,
  input: CounterPaymentInput,
  context: { locale: Locale; meta?: RequestMeta; now?: Date },
): Promise<{ payment: Payment; replayed: boolean; creditMinor: number }> {
  const actor = await billingActorOf(db, clerk);
  const now = context.now ?? new Date();
  const providerRef = `CTR-${input.token}`;
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, "counter"), eq(payments.providerRef, providerRef)));
    if (existing) {
      if (existing.contractId !== input.contractId) throw refusal("CONFLICT", "formReused");
      return { payment: existing, replayed: true, creditMinor: 0 };
    }
    const [contract] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(eq(contracts.id, input.contractId));
    if (!contract) throw refusal("NOT_FOUND", "contractUnknown");

    let billIds: string[];
    let currency: string;
    if (input.billId) {
      const [bill] = await tx
        .select({ id: bills.id, status: bills.status, currency: bills.currency })
        .from(bills)
        .where(and(eq(bills.id, input.billId), eq(bills.contractId, contract.id)));
      if (!bill) throw refusal("NOT_FOUND", "billUnknown");
      if (bill.status === "cancelled") throw refusal("BILL_CANCELLED", "billCancelled");
      billIds = [bill.id];
      currency = bill.currency;
    } else {
      const live = await tx
        .select({ id: bills.id, currency: bills.currency })
        .from(bills)
        .where(and(eq(bills.contractId, contract.id), eq(bills.status, "issued")))
        .orderBy(asc(bills.periodStart));
      const due = await dueByBill(
        tx,
        live.map((b) => b.id),
      );
      const open = live.filter((b) => (due.get(b.id)?.dueMinor ?? 0) > 0);
      if (!open.length) throw refusal("VALIDATION_FAILED", "nothingDue");
      billIds = open.map((b) => b.id);
      currency = open[0]!.currency;
    }

    const amount = parseAmount(input.amount, currency, { lenient: true });
    if (!amount.ok) throw refusal("VALIDATION_FAILED", amount.key, "amount");

    const { payment, created } = await createPendingPayment(tx, {
      provider: "counter",
      providerRef,
      contractId: contract.id,
      billIds,
      amountMinor: amount.minor,
      currency,
      locale: context.locale,
      method: input.method,
      agency: input.agency,
      createdBy: clerk.id,
    });
    // The same form submitted twice at the same instant: the other transaction recorded it.
    if (!created) return { payment, replayed: true, creditMinor: 0 };
    const settled = await settlePayment(tx, {
      paymentId: payment.id,
      receivedAt: now,
      // A cheque's number is the "provider's" id of a counter payment: it names the cheque.
      providerPaymentId: input.chequeNo,
      actor,
    });
    await writeAudit(tx, {
      actor,
      action: "payment.counter_recorded",
      entityType: "payment",
      entityId: payment.id,
      after: {
        agency: input.agency,
        method: input.method,
        chequeNo: input.chequeNo,
        billIds,
        amountMinor: amount.minor,
      },
      meta: context.meta,
    });
    return {
      payment: settled.payment,
      replayed: false,
      creditMinor: settled.kind === "settled" ? settled.creditMinor : 0,
    };
  });
}

/** A counter payment as its success notice shows it: receipt number, amount, what is left as credit. */
export async function getCounterPayment(
  db: DbOrTx,
  paymentId: string,
): Promise<{
  id: string;
  receiptNo: string | null;
  amountMinor: number;
  currency: string;
  contractNo: string;
  allocatedMinor: number;
} | null> {
  if (!isUuid(paymentId)) return null;
  const [row] = await db
    .select({
      id: payments.id,
      receiptNo: payments.receiptNo,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      contractNo: contracts.contractNo,
      allocatedMinor: sql<number>`coalesce((select sum(${paymentAllocations.amountMinor})
        from ${paymentAllocations} where ${paymentAllocations.paymentId} = ${payments.id}), 0)::bigint`.mapWith(
        Number,
      ),
    })
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(and(eq(payments.id, paymentId), eq(payments.provider, "counter")));
  return row ?? null;
}
