import { createHmac, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accountContracts, bills, contracts, payments, type Payment } from "@/db/schema";
import { luhnDigit } from "@/lib/billing/bill-contract";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { canonicalSql } from "@/lib/validation/canonical-sql";
import { isUuid } from "@/lib/validation/ids";
import { createPendingPayment, dueByBill } from "./ledger";
import { PAYMENT_LIMITS } from "./limits";
import { checkoutProvider } from "./provider";
import { parseAmountMinor } from "./schemas";
import { createStripeCheckout, stripeCheckoutUrl, type CheckoutLine } from "./stripe";

export type Payer =
  { userId: string } | { quickPay: { contractNo: string; paymentReference: string } };

export type StartCheckoutInput = {
  payer: Payer;
  billIds: string[];
  /** Another amount than the sum due, as typed ("150,50", Arabic-Indic digits) or in minor units. */
  amount?: string | number;
  amountMinor?: number;
  locale: Locale;
  /** The portal's public address, for the provider's return links. */
  origin: string;
  /** The form's one-time token or the API's Idempotency-Key: the same one is the same checkout. */
  idempotencyKey?: string;
};

export type CheckoutBill = {
  id: string;
  billNo: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  dueMinor: number;
};

const invalid = (field: string, key: string, detail: string) =>
  new AppError("VALIDATION_FAILED", detail, { [field]: key });

/**
 * The contract a quick payer proves with its number and the payment reference printed on one of
 * its bills, and that contract's open bills, oldest first. Null when the pair does not match.
 * A reference whose check digit is wrong is a typo, refused before any lookup.
 */
export async function findQuickPayBills(
  db: DbOrTx,
  params: { contractNo: string; paymentReference: string },
): Promise<{ contractId: string; contractNo: string; bills: CheckoutBill[] } | null> {
  const ref = params.paymentReference;
  if (!/^\d{12}$/.test(ref) || luhnDigit(ref.slice(0, 11)) !== ref[11])
    throw invalid("paymentReference", "referenceInvalid", "luhn");
  const [match] = await db
    .select({ contractId: contracts.id, contractNo: contracts.contractNo })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(
      and(
        eq(bills.paymentReference, ref),
        sql`${canonicalSql(contracts.contractNo)} = ${params.contractNo}`,
      ),
    );
  if (!match) return null;
  const rows = await db
    .select({
      id: bills.id,
      billNo: bills.billNo,
      periodStart: bills.periodStart,
      periodEnd: bills.periodEnd,
      currency: bills.currency,
    })
    .from(bills)
    .where(and(eq(bills.contractId, match.contractId), eq(bills.status, "issued")))
    .orderBy(asc(bills.periodStart), asc(bills.billNo));
  const due = await dueByBill(
    db,
    rows.map((r) => r.id),
  );
  return {
    ...match,
    bills: rows
      .map((r) => ({ ...r, dueMinor: due.get(r.id)?.dueMinor ?? 0 }))
      .filter((b) => b.dueMinor > 0),
  };
}

/** The payer's bills among `billIds` with what is due on each, oldest first; 404 for any other. */
async function loadPayableBills(
  db: DbOrTx,
  payer: Payer,
  billIds: string[],
): Promise<{ contractId: string; contractNo: string; bills: CheckoutBill[] }> {
  const ids = [...new Set(billIds)];
  if (!ids.length) throw invalid("billIds", "required", "no bills");
  if (ids.length !== billIds.length) throw invalid("billIds", "invalid", "duplicate bill ids");
  if (ids.length > PAYMENT_LIMITS.maxBills) throw invalid("billIds", "tooMany", "too many bills");
  // A malformed id names no bill of this payer: not found, like someone else's.
  if (!ids.every(isUuid)) throw new AppError("NOT_FOUND", "malformed bill id");

  let scope;
  if ("userId" in payer) {
    scope = inArray(
      bills.contractId,
      db
        .select({ id: accountContracts.contractId })
        .from(accountContracts)
        .where(eq(accountContracts.userId, payer.userId)),
    );
  } else {
    const proof = await findQuickPayBills(db, payer.quickPay);
    if (!proof) throw new AppError("NOT_FOUND", "quick pay pair");
    scope = eq(bills.contractId, proof.contractId);
  }
  const rows = await db
    .select({
      id: bills.id,
      billNo: bills.billNo,
      periodStart: bills.periodStart,
      periodEnd: bills.periodEnd,
      currency: bills.currency,
      status: bills.status,
      contractId: bills.contractId,
      contractNo: contracts.contractNo,
    })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(and(inArray(bills.id, ids), scope))
    .orderBy(asc(bills.periodStart), asc(bills.billNo));
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "bill not the payer's");
  // A cancelled bill has a replacement to pay instead: 409 with that advice, in every language.
  if (rows.some((r) => r.status !== "issued")) throw new AppError("BILL_CANCELLED");
  const contractIds = new Set(rows.map((r) => r.contractId));
  if (contractIds.size !== 1) throw invalid("billIds", "oneContract", "bills of several contracts");
  const due = await dueByBill(db, ids);
  const chosen = rows.map((r) => ({
    id: r.id,
    billNo: r.billNo,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    currency: r.currency,
    dueMinor: due.get(r.id)?.dueMinor ?? 0,
  }));
  if (chosen.some((b) => b.dueMinor <= 0)) throw invalid("billIds", "nothingDue", "bill paid");
  return { contractId: rows[0]!.contractId, contractNo: rows[0]!.contractNo, bills: chosen };
}

/** The amount to charge: the sum due, or the payer's own amount within the limits. */
function chosenAmount(input: StartCheckoutInput, sumDue: number, currency: string): number {
  let amount = sumDue;
  if (input.amountMinor !== undefined) amount = input.amountMinor;
  else if (input.amount !== undefined && input.amount !== "") {
    const parsed = parseAmountMinor(input.amount, currency);
    if (parsed === null) throw invalid("amount", "amountInvalid", "amount not a number");
    amount = parsed;
  }
  if (!Number.isSafeInteger(amount)) throw invalid("amount", "amountInvalid", "amount");
  if (amount < PAYMENT_LIMITS.minMinor) throw invalid("amount", "amountTooLow", "amount < min");
  if (amount > sumDue + PAYMENT_LIMITS.maxCreditMinor)
    throw invalid("amount", "amountTooHigh", "amount > due + credit");
  return amount;
}

/**
 * A payment id for a form token or Idempotency-Key: the same key from the same payer gives the
 * same id (so the same pending payment and, at Stripe, the same session), and nobody can derive
 * the id of someone else's payment from a key without the server's secret.
 */
export function paymentIdFor(scope: string, key: string | undefined): string {
  if (!key) return randomUUID();
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const h = createHmac("sha256", secret).update(`checkout|${scope}|${key}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Where the payer lands after the provider: the signed-in status page, or quick pay's own. */
export function returnUrls(origin: string, locale: Locale, paymentId: string, quick: boolean) {
  const base = origin.replace(/\/+$/, "");
  return quick
    ? {
        success: `${base}/${locale}/pay/status/${paymentId}`,
        cancel: `${base}/${locale}/pay/status/${paymentId}?cancelled=1`,
      }
    : {
        success: `${base}/${locale}/payments/${paymentId}`,
        cancel: `${base}/${locale}/payments/${paymentId}/cancelled`,
      };
}

export function testProviderUrl(origin: string, locale: Locale, paymentId: string): string {
  return `${origin.replace(/\/+$/, "")}/${locale}/pay/test/${paymentId}`;
}

/**
 * The checkout of a payment already started with this key (a double click, a retry). The same
 * key with other bills is a client bug: CONFLICT, never a silent merge.
 */
async function replay(
  existing: Payment,
  input: StartCheckoutInput,
): Promise<{ paymentId: string; url: string }> {
  const sameBills =
    [...new Set(input.billIds)].sort().join() === [...existing.billIds].sort().join();
  if (!sameBills) throw new AppError("CONFLICT", "idempotency key reused with other bills");
  const quick = !("userId" in input.payer);
  const urls = returnUrls(input.origin, input.locale, existing.id, quick);
  if (existing.status !== "pending") return { paymentId: existing.id, url: urls.success };
  if (existing.provider === "test")
    return {
      paymentId: existing.id,
      url: testProviderUrl(input.origin, input.locale, existing.id),
    };
  const url = await stripeCheckoutUrl(existing.providerRef);
  return { paymentId: existing.id, url: url ?? urls.success };
}

/**
 * Open an online checkout for some of the payer's bills: checks that every bill is theirs (404
 * otherwise), issued, of one contract, with something still due, and that the amount is within
 * the limits; then asks the provider for a checkout and records the pending payment. Nothing is
 * written on bad input. The payment is confirmed later, by the provider's webhook only.
 */
export async function startCheckout(
  db: Db,
  input: StartCheckoutInput,
): Promise<{ paymentId: string; url: string; created: boolean }> {
  const userId = "userId" in input.payer ? input.payer.userId : null;
  // A retry of a checkout already started answers with it, even once its bills are paid.
  if (input.idempotencyKey) {
    let scope: string | null = userId ? `user:${userId}` : null;
    if (!userId && "quickPay" in input.payer) {
      const proof = await findQuickPayBills(db, input.payer.quickPay);
      if (!proof) throw new AppError("NOT_FOUND", "quick pay pair");
      scope = `contract:${proof.contractId}`;
    }
    const [existing] = await db
      .select()
      .from(payments)
      .where(eq(payments.id, paymentIdFor(scope!, input.idempotencyKey)));
    if (existing) return { ...(await replay(existing, input)), created: false };
  }

  const chosen = await loadPayableBills(db, input.payer, input.billIds);
  const currency = chosen.bills[0]!.currency.toUpperCase();
  const sumDue = chosen.bills.reduce((s, b) => s + b.dueMinor, 0);
  const amountMinor = chosenAmount(input, sumDue, currency);
  const billIds = chosen.bills.map((b) => b.id);
  const scope = userId ? `user:${userId}` : `contract:${chosen.contractId}`;
  const paymentId = paymentIdFor(scope, input.idempotencyKey);

  const provider = checkoutProvider();
  const quick = !userId;
  const t = translator(input.locale);
  let providerRef: string;
  let url: string;
  if (provider === "stripe") {
    const lines: CheckoutLine[] =
      amountMinor === sumDue
        ? chosen.bills.map((b) => ({
            name: t("payments.checkout.lineBill", { billNo: b.billNo }),
            amountMinor: b.dueMinor,
          }))
        : [
            {
              name: t("payments.checkout.lineOnAccount", { contractNo: chosen.contractNo }),
              amountMinor,
            },
          ];
    const urls = returnUrls(input.origin, input.locale, paymentId, quick);
    const session = await createStripeCheckout({
      paymentId,
      billIds,
      currency,
      lines,
      locale: input.locale,
      successUrl: `${urls.success}?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: urls.cancel,
    });
    providerRef = session.sessionId;
    url = session.url;
  } else {
    providerRef = `test_${paymentId}`;
    url = testProviderUrl(input.origin, input.locale, paymentId);
  }

  const { payment, created } = await db.transaction((tx) =>
    createPendingPayment(tx, {
      id: paymentId,
      provider,
      providerRef,
      contractId: chosen.contractId,
      userId,
      billIds,
      amountMinor,
      currency,
      locale: input.locale,
      method: "card",
    }),
  );
  // A concurrent twin with the same key committed first: answer with its checkout.
  if (!created || payment.id !== paymentId)
    return { ...(await replay(payment, input)), created: false };
  return { paymentId, url, created: true };
}
