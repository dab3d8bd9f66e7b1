import { z } from "zod";
import { minorDigits } from "@/lib/billing/engine/money";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { PAYMENT_LIMITS } from "./limits";

/**
 * An amount typed by a person ("150", "150.5", "150,50", "١٥٠٫٥٠") in minor units, or null when
 * it is not a plain positive decimal with at most the currency's digits. Never floating point.
 */
export function parseAmountMinor(input: string | number, currency: string): number | null {
  const digits = minorDigits(currency);
  const text = toAsciiDigits(String(input))
    .replace(/[\s\u00a0\u202f\u2009]/g, "")
    .replace(/[,\u066b]/g, ".");
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

const amountField = z
  .union([z.string().max(40, "tooLong"), z.number()], { error: "invalid" })
  .optional();

/** POST /api/v1/payments/checkout: the bills to pay and, optionally, another amount. */
export const checkoutRequestSchema = z.object({
  billIds: z
    .array(z.string().max(100, "invalid"), { error: "required" })
    .min(1, "required")
    .max(PAYMENT_LIMITS.maxBills, "tooMany"),
  amount: amountField,
});

export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

const token = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "invalid")
  .optional();

/**
 * The pay form: one checkbox per bill, named `bill` (several values), an optional amount
 * and the form's one-time token. Parsed from the FormData's entries, so that repeated names
 * survive (Object.fromEntries keeps only the last).
 */
export const payFormSchema = z.object({
  billIds: z.array(z.string().max(100)).min(1, "noBill").max(PAYMENT_LIMITS.maxBills, "tooMany"),
  amount: z
    .string()
    .max(40, "tooLong")
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined)),
  token,
});

export function payFormInput(formData: FormData): unknown {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : undefined;
  };
  return {
    billIds: formData.getAll("bill").filter((v): v is string => typeof v === "string"),
    amount: text("amount"),
    token: text("token"),
  };
}

/** Quick pay without signing in: the contract number and the payment reference on a bill. */
export const quickPayLookupSchema = z.object({
  contractNo: z
    .string({ error: "required" })
    .max(40, "tooLong")
    .transform((s) =>
      toAsciiDigits(s)
        .replace(/[\s_./-]/g, "")
        .toUpperCase(),
    )
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^[A-Z0-9]+$/, "invalid"),
    ),
  paymentReference: z
    .string({ error: "required" })
    .max(40, "tooLong")
    .transform((s) => toAsciiDigits(s).replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^\d{12}$/, "referenceInvalid"),
    ),
});

export type QuickPayLookup = z.infer<typeof quickPayLookupSchema>;
