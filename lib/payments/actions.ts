"use server";

import { randomUUID } from "node:crypto";
import { redirect, unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import { currentRequestMeta, getCurrentUser } from "@/lib/auth/guards";
import { anyLocked, recordFailure, type ThrottleKey, throttleKeys } from "@/lib/auth/throttle";
import { formatPeriod } from "@/lib/billing/present";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod, isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { findQuickPayBills, returnUrls, startCheckout } from "./checkout";
import { quotePayerReturn } from "./quote-checkout";
import { testProviderAllowed } from "./provider";
import { payFormInput, payFormSchema, quickPayLookupSchema, type QuickPayLookup } from "./schemas";
import {
  confirmationBody,
  receiveTestConfirmation,
  signConfirmation,
  type TestConfirmation,
} from "./test-provider";
import { z } from "zod";

/**
 * The payment forms' server actions, each in the order authenticate → parse → authorise →
 * change; the change itself is lib/payments' (startCheckout, the test provider's confirmation).
 * Errors come back as keys (`payments.errors.<key>`, then `errors.<code>`).
 */

export type PayFormState =
  { status: "idle" } | { status: "error"; formError?: string; fields?: Record<string, string> };

export type QuickPayState =
  | { status: "idle" }
  | { status: "error"; formError?: string; fields?: Record<string, string> }
  | {
      status: "found";
      contractNo: string;
      paymentReference: string;
      currency: string;
      bills: {
        id: string;
        billNo: string;
        /** "1 oct. 2026 – 31 oct. 2026", in the payer's language. */
        period: string;
        dueMinor: number;
      }[];
    };

async function currentLocale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : "ar";
}

function failure(error: unknown): {
  status: "error";
  formError: string;
  fields?: Record<string, string>;
} {
  unstable_rethrow(error);
  if (isAppError(error)) return { status: "error", formError: error.code, fields: error.fields };
  console.error("[payments action]", error);
  return { status: "error", formError: "INTERNAL" };
}

/** The customer's pay form (bills list, bill page): open a checkout and go to the provider. */
export async function payBillsAction(
  _prev: PayFormState,
  formData: FormData,
): Promise<PayFormState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", formError: "UNAUTHENTICATED" };
  if (user.role !== "customer") return { status: "error", formError: "FORBIDDEN" };
  const parsed = payFormSchema.safeParse(payFormInput(formData));
  if (!parsed.success) return { status: "error", fields: fieldErrorsFromZod(parsed.error) };
  let url: string;
  try {
    ({ url } = await startCheckout(getDb(), {
      payer: { userId: user.id },
      billIds: parsed.data.billIds,
      amount: parsed.data.amount,
      locale: await currentLocale(),
      origin: env().APP_URL,
      idempotencyKey: parsed.data.token,
    }));
  } catch (error) {
    return failure(error);
  }
  redirect(url);
}

function quickPayThrottle(contractNo: string, ip: string | null): ThrottleKey[] {
  // Wrong contract/reference pairs: per address, and per contract so that guessing from many
  // addresses still stops (the reading form's policy: 5 an hour).
  return [throttleKeys.ip(ip), { key: `quickpay:${contractNo}`, policy: "readingContract" }];
}

/** Quick pay, step 1: prove the contract with a bill's payment reference; see what is due. */
async function proveQuickPay(input: QuickPayLookup) {
  const db = getDb();
  const meta = await currentRequestMeta();
  const keys = quickPayThrottle(input.contractNo, meta.ip);
  if (await anyLocked(db, keys)) throw new AppError("RATE_LIMITED");
  const found = await findQuickPayBills(db, input);
  if (!found) {
    await recordFailure(db, keys);
    throw new AppError("NOT_FOUND", "quick pay pair");
  }
  return found;
}

export async function quickPayLookupAction(
  _prev: QuickPayState,
  formData: FormData,
): Promise<QuickPayState> {
  const parsed = quickPayLookupSchema.safeParse({
    contractNo: formData.get("contractNo") ?? undefined,
    paymentReference: formData.get("paymentReference") ?? undefined,
  });
  if (!parsed.success) return { status: "error", fields: fieldErrorsFromZod(parsed.error) };
  try {
    const found = await proveQuickPay(parsed.data);
    const locale = await currentLocale();
    return {
      status: "found",
      contractNo: parsed.data.contractNo,
      paymentReference: parsed.data.paymentReference,
      currency: found.bills[0]?.currency ?? "MAD",
      bills: found.bills.map((b) => ({
        id: b.id,
        billNo: b.billNo,
        period: formatPeriod(b.periodStart, b.periodEnd, locale),
        dueMinor: b.dueMinor,
      })),
    };
  } catch (error) {
    return failure(error);
  }
}

/** Quick pay, step 2: pay the chosen open bills of the proven contract. */
export async function quickPayStartAction(
  _prev: PayFormState,
  formData: FormData,
): Promise<PayFormState> {
  const proof = quickPayLookupSchema.safeParse({
    contractNo: formData.get("contractNo") ?? undefined,
    paymentReference: formData.get("paymentReference") ?? undefined,
  });
  const parsed = payFormSchema.safeParse(payFormInput(formData));
  if (!proof.success) return { status: "error", fields: fieldErrorsFromZod(proof.error) };
  if (!parsed.success) return { status: "error", fields: fieldErrorsFromZod(parsed.error) };
  let url: string;
  try {
    await proveQuickPay(proof.data);
    ({ url } = await startCheckout(getDb(), {
      payer: { quickPay: proof.data },
      billIds: parsed.data.billIds,
      amount: parsed.data.amount,
      locale: await currentLocale(),
      origin: env().APP_URL,
      idempotencyKey: parsed.data.token,
    }));
  } catch (error) {
    return failure(error);
  }
  redirect(url);
}

const testAnswerSchema = z.object({
  paymentId: z.uuid(),
  outcome: z.enum(["paid", "declined", "cancelled"]),
});

/**
 * The test provider's buttons: a signed confirmation, handled by the same verify-and-apply path
 * as its webhook route; then back to the portal, like a provider's redirect.
 */
export async function testProviderAction(
  _prev: PayFormState,
  formData: FormData,
): Promise<PayFormState> {
  if (!testProviderAllowed()) return { status: "error", formError: "NOT_FOUND" };
  const parsed = testAnswerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", formError: "VALIDATION_FAILED" };
  const db = getDb();
  let target: string;
  try {
    const [payment] = await db
      .select()
      .from(payments)
      .where(eq(payments.id, parsed.data.paymentId));
    if (!payment || payment.provider !== "test") throw new AppError("NOT_FOUND");
    const confirmation: TestConfirmation = {
      eventId: `evt_test_${randomUUID()}`,
      paymentId: payment.id,
      outcome: parsed.data.outcome,
      amountMinor: payment.amountMinor,
    };
    const body = confirmationBody(confirmation);
    await receiveTestConfirmation(db, body, signConfirmation(body));
    const locale = isLocale(payment.locale) ? payment.locale : await currentLocale();
    const urls = returnUrls("", locale, payment.id, !payment.userId);
    target = parsed.data.outcome === "cancelled" ? urls.cancel : urls.success;
    // A connection quote's payer goes back to their request, where the stage shows it paid.
    if (payment.quoteId) target = await quotePayerReturn(db, payment.quoteId, locale);
  } catch (error) {
    return failure(error);
  }
  redirect(target);
}
