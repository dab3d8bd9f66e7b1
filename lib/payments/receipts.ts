import { and, desc, eq, exists, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  accountContracts,
  bills,
  contracts,
  customers,
  paymentAllocations,
  payments,
  type Payment,
  type Utility,
} from "@/db/schema";
import { decimalAmount, formatDecimal, formatPeriod } from "@/lib/billing/present";
import type { ReceiptDocument, ReceiptLabelKey } from "@/lib/documents/receipt-document";
import { intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translate";
import { utilityAddress, utilityName } from "@/lib/utility/get-utility";
import { isUuid } from "@/lib/validation/ids";
import { receiptVerifyUrl } from "./receipt-signature";

/**
 * Payment receipts: which payments a caller may see, what their receipt says, and the history
 * list. A receipt exists once a payment succeeded and got its number (settlePayment); a
 * refunded payment keeps its receipt, marked as refunded.
 */

export type ReceiptAccess = { userId: string } | "staff";

/** The access rule, in SQL: the payer, or an account linked to the payment's contract. */
function accessSql(access: ReceiptAccess): SQL | undefined {
  if (access === "staff") return undefined;
  return or(
    eq(payments.userId, access.userId),
    exists(
      sql`(select 1 from ${accountContracts} where ${accountContracts.contractId} = ${payments.contractId} and ${accountContracts.userId} = ${access.userId})`,
    ),
  );
}

export type ReceiptBill = {
  billId: string;
  billNo: string;
  periodStart: string;
  periodEnd: string;
  allocatedMinor: number;
};

export type Receipt = {
  payment: Payment & { receiptNo: string; receivedAt: Date };
  contract: { id: string; contractNo: string; service: "electricity" | "water" | "sanitation" };
  customer: { name: string; customerCode: string };
  /** What the payment settled when it was received (refunds are shown apart). */
  bills: ReceiptBill[];
  allocatedMinor: number;
  /** The part of the payment no bill needed: a credit on the account. */
  creditMinor: number;
};

/**
 * A payment's receipt, or null when the payment does not exist, has no receipt (pending,
 * failed, or a payment recorded without a number) or is not the caller's: all look the same.
 */
export async function getReceipt(
  db: DbOrTx,
  params: { paymentId: string; access: ReceiptAccess },
): Promise<Receipt | null> {
  if (!isUuid(params.paymentId)) return null;
  return findReceipt(db, and(eq(payments.id, params.paymentId), accessSql(params.access)));
}

/** A receipt by its printed number, for the public check (no access rule: it shows little). */
export async function getReceiptByNumber(db: DbOrTx, receiptNo: string): Promise<Receipt | null> {
  return findReceipt(db, eq(payments.receiptNo, receiptNo));
}

async function findReceipt(db: DbOrTx, where: SQL | undefined): Promise<Receipt | null> {
  const [row] = await db
    .select({
      payment: payments,
      contract: { id: contracts.id, contractNo: contracts.contractNo, service: contracts.service },
      customer: { name: customers.name, customerCode: customers.customerCode },
    })
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(
      and(
        where,
        inArray(payments.status, ["succeeded", "refunded"]),
        isNotNull(payments.receiptNo),
        isNotNull(payments.receivedAt),
      ),
    );
  if (!row) return null;
  // Refunds append negative allocations; the receipt shows what the payment settled when it
  // arrived, so only the positive ones count here.
  const rows = await db
    .select({
      billId: bills.id,
      billNo: bills.billNo,
      periodStart: bills.periodStart,
      periodEnd: bills.periodEnd,
      allocatedMinor: sql<number>`sum(${paymentAllocations.amountMinor})::bigint`.mapWith(Number),
    })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(
      and(
        eq(paymentAllocations.paymentId, row.payment.id),
        sql`${paymentAllocations.amountMinor} > 0`,
      ),
    )
    .groupBy(bills.id)
    .orderBy(bills.periodStart, bills.billNo);
  const allocatedMinor = rows.reduce((s, r) => s + r.allocatedMinor, 0);
  return {
    payment: row.payment as Receipt["payment"],
    contract: row.contract,
    customer: row.customer,
    bills: rows,
    allocatedMinor,
    creditMinor: Math.max(0, row.payment.amountMinor - allocatedMinor),
  };
}

export type MethodKey =
  | "onlineCard"
  | "test"
  | "cash"
  | "cheque"
  | "card"
  | "transfer"
  | "bank"
  | "agent"
  | "partner"
  | "other";

const COUNTER_METHODS = new Set(["cash", "cheque", "card", "transfer", "bank", "agent"]);

/** How the money came, as the receipt names it: the provider first, then the recorded method. */
export function paymentMethodKey(payment: Pick<Payment, "provider" | "method">): MethodKey {
  const method = payment.method?.toLowerCase() ?? "";
  if (payment.provider === "stripe") return "onlineCard";
  if (payment.provider === "test") return "test";
  if (COUNTER_METHODS.has(method)) return method as MethodKey;
  if (payment.provider === "partner") return "partner";
  if (payment.provider === "import") return "bank";
  return "other";
}

export type ReceiptStatusKey =
  "succeeded" | "pending" | "failed" | "cancelled" | "refunded" | "partlyRefunded";

/** A payment's state as a customer reads it: a partial refund leaves it "succeeded". */
export function paymentStatusKey(
  payment: Pick<Payment, "status" | "refundedMinor">,
): ReceiptStatusKey {
  if (payment.status === "succeeded" && payment.refundedMinor > 0) return "partlyRefunded";
  return payment.status;
}

/** Amounts in a PDF: the decimal with the locale's separator; the currency printed apart. */
function amount(minor: number, currency: string, locale: Locale): string {
  return formatDecimal(decimalAmount(minor, currency), locale, 2);
}

/** Currency as a customer reads it after an amount: درهم in Arabic for MAD, the code otherwise. */
export function currencyLabel(currency: string, locale: Locale): string {
  if (locale === "ar" && currency === "MAD") return "درهم";
  return currency;
}

/** A moment in the utility's time zone, Western digits as Moroccan receipts print them. */
export function formatReceivedAt(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
    numberingSystem: "latn",
  }).format(at);
}

/** What a receipt's verification link signs. */
export function receiptSignedFields(receipt: Receipt) {
  return {
    receiptNo: receipt.payment.receiptNo,
    amountMinor: receipt.payment.amountMinor,
    currency: receipt.payment.currency,
  };
}

/**
 * The display data of a receipt's PDF in one language. References that only staff use (a
 * Stripe session id) stay off the paper; a counter's own reference and agency are printed.
 */
export function receiptDocument(
  receipt: Receipt,
  locale: Locale,
  utility: Utility,
): ReceiptDocument {
  const t = translator(locale);
  const { payment } = receipt;
  const money = (minor: number) => amount(minor, payment.currency, locale);
  const counter = payment.provider === "counter" || payment.provider === "partner";
  return {
    locale,
    labels: MESSAGES[locale].receipts.pdf as Record<ReceiptLabelKey, string>,
    utility: {
      name: utilityName(utility, locale),
      address: utilityAddress(utility, locale),
      phone: utility.phone ?? undefined,
      website: utility.email ?? undefined,
    },
    receipt: {
      receiptNo: payment.receiptNo,
      receivedAt: formatReceivedAt(payment.receivedAt, locale, utility.timeZone),
      status: t(`receipts.status.${paymentStatusKey(payment)}`),
      method: t(`receipts.method.${paymentMethodKey(payment)}`),
      reference:
        counter && !payment.providerRef.startsWith("DEMO-") ? payment.providerRef : undefined,
      agency: payment.agency ?? undefined,
      currency: currencyLabel(payment.currency, locale),
    },
    payer: { name: receipt.customer.name, customerNo: receipt.customer.customerCode },
    contract: {
      contractNo: receipt.contract.contractNo,
      service: t(`billing.service.${receipt.contract.service}`),
    },
    bills: receipt.bills.map((b) => ({
      billNo: b.billNo,
      period: formatPeriod(b.periodStart, b.periodEnd, locale),
      allocated: money(b.allocatedMinor),
    })),
    totals: {
      allocated: money(receipt.allocatedMinor),
      credit: receipt.creditMinor > 0 ? money(receipt.creditMinor) : undefined,
      refunded: payment.refundedMinor > 0 ? money(payment.refundedMinor) : undefined,
      total: money(payment.amountMinor),
    },
    verifyUrl: receiptVerifyUrl(locale, receiptSignedFields(receipt)),
  };
}

export type PaymentHistoryRow = {
  id: string;
  receiptNo: string | null;
  /** When the money arrived; when the payment was started for one still pending or failed. */
  date: Date;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  method: MethodKey;
  status: ReceiptStatusKey;
  contractNo: string;
  bills: { id: string; billNo: string }[];
  /** A receipt can be downloaded. */
  hasReceipt: boolean;
};

/**
 * The payments a customer sees: those of the contracts their account has linked and those
 * they made themselves, newest first. The account is in the WHERE clause.
 */
export async function listCustomerPayments(
  db: DbOrTx,
  params: { userId: string; limit?: number },
): Promise<PaymentHistoryRow[]> {
  const rows = await db
    .select({ payment: payments, contractNo: contracts.contractNo })
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(accessSql({ userId: params.userId }))
    .orderBy(desc(sql`coalesce(${payments.receivedAt}, ${payments.createdAt})`), desc(payments.id))
    .limit(params.limit ?? 200);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.payment.id);
  const allocated = await db
    .select({ paymentId: paymentAllocations.paymentId, billId: bills.id, billNo: bills.billNo })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(
      and(inArray(paymentAllocations.paymentId, ids), sql`${paymentAllocations.amountMinor} > 0`),
    )
    .orderBy(bills.periodStart);
  // A payment not yet settled covers the bills its payer chose.
  const chosenIds = [...new Set(rows.flatMap((r) => r.payment.billIds))];
  const chosen = chosenIds.length
    ? await db
        .select({ id: bills.id, billNo: bills.billNo })
        .from(bills)
        .where(inArray(bills.id, chosenIds))
    : [];
  const billNoOf = new Map(chosen.map((b) => [b.id, b.billNo]));
  return rows.map(({ payment, contractNo }) => {
    const own = allocated.filter((a) => a.paymentId === payment.id);
    const covered = own.length
      ? [...new Map(own.map((a) => [a.billId, { id: a.billId, billNo: a.billNo }])).values()]
      : payment.billIds
          .filter((id) => billNoOf.has(id))
          .map((id) => ({ id, billNo: billNoOf.get(id)! }));
    return {
      id: payment.id,
      receiptNo: payment.receiptNo,
      date: payment.receivedAt ?? payment.createdAt,
      amountMinor: payment.amountMinor,
      refundedMinor: payment.refundedMinor,
      currency: payment.currency,
      method: paymentMethodKey(payment),
      status: paymentStatusKey(payment),
      contractNo,
      bills: covered,
      hasReceipt:
        Boolean(payment.receiptNo && payment.receivedAt) &&
        (payment.status === "succeeded" || payment.status === "refunded"),
    };
  });
}

/** "******0101": enough for the payer to recognise their contract, nothing for anyone else. */
export function maskContractNo(contractNo: string): string {
  const visible = contractNo.slice(-4);
  return `${"*".repeat(Math.max(2, contractNo.length - 4))}${visible}`;
}
