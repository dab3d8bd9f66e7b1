import { z } from "zod";
import type { PartnerScope } from "@/lib/auth/partner-key";
import { minorDigits } from "@/lib/billing/engine/money";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { AGENCY_CODES } from "./agencies";

/**
 * The payments back office's forms and the partner API's body, one schema each. Message keys,
 * not sentences: forms translate them under paymentsAdmin.errors, the API under validation.
 */

/** The largest amount taken at once (1,000,000 in major units): a typo, not a payment, above. */
export const MAX_AMOUNT_MAJOR = 1_000_000;

export type AmountResult = { ok: true; minor: number } | { ok: false; key: AmountErrorKey };
export type AmountErrorKey =
  | "amountRequired"
  | "amountNegative"
  | "amountInvalid"
  | "amountDecimals"
  | "amountZero"
  | "amountTooLarge";

/**
 * An amount typed by a clerk or sent by a partner, in minor units of `currency`. Arabic-Indic
 * digits and the Arabic decimal separator pass; `lenient` (a person at a counter) also takes a
 * decimal comma and spaces ("1 250,50"). More decimals than the currency has are refused, never
 * rounded: the clerk must see what is recorded.
 */
export function parseAmount(
  raw: string,
  currency: string,
  options: { lenient?: boolean } = {},
): AmountResult {
  let text = toAsciiDigits(raw)
    .trim()
    .replace(/\u066b/g, ".");
  if (options.lenient) text = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!text) return { ok: false, key: "amountRequired" };
  if (/^[-\u2212]/.test(text)) return { ok: false, key: "amountNegative" };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, key: "amountInvalid" };
  const whole = match[1]!.replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  const digits = minorDigits(currency);
  if (fraction.length > digits) return { ok: false, key: "amountDecimals" };
  if (whole.length > String(MAX_AMOUNT_MAJOR).length) return { ok: false, key: "amountTooLarge" };
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (minor === 0) return { ok: false, key: "amountZero" };
  if (minor > MAX_AMOUNT_MAJOR * 10 ** digits) return { ok: false, key: "amountTooLarge" };
  return { ok: true, minor };
}

const uuid = z.uuid("invalid");

export const COUNTER_METHODS = ["cash", "cheque"] as const;
export type CounterMethod = (typeof COUNTER_METHODS)[number];

/**
 * A cash or cheque payment at a counter. The amount is checked against the contract's currency
 * by recordCounterPayment (only then are its decimals known). `token` is the form's own id,
 * rendered once: submitting the same form twice is one payment.
 */
export const counterPaymentSchema = z
  .object({
    contractId: uuid,
    billId: z
      .union([z.literal(""), uuid])
      .optional()
      .transform((v) => v || null),
    amount: z.string({ error: "amountRequired" }).max(40, "amountInvalid"),
    method: z.enum(COUNTER_METHODS, { error: "methodRequired" }),
    chequeNo: z
      .string()
      .max(40, "chequeNoInvalid")
      .optional()
      .transform((v) =>
        toAsciiDigits(v ?? "")
          .toUpperCase()
          .replace(/[\s-]/g, ""),
      ),
    agency: z.enum(AGENCY_CODES, { error: "agencyRequired" }),
    token: uuid,
  })
  .superRefine((v, ctx) => {
    if (v.method !== "cheque") return;
    if (!v.chequeNo)
      ctx.addIssue({ code: "custom", path: ["chequeNo"], message: "chequeNoRequired" });
    else if (!/^[A-Z0-9]{4,20}$/.test(v.chequeNo))
      ctx.addIssue({ code: "custom", path: ["chequeNo"], message: "chequeNoInvalid" });
  })
  .transform((v) => ({ ...v, chequeNo: v.method === "cheque" ? v.chequeNo : null }));
export type CounterPaymentInput = z.infer<typeof counterPaymentSchema>;

/**
 * POST /api/v1/partner/payments. The amount is a string ("413.36") so that no float ever
 * carries money; `paidAt` is when the partner took the money (ISO 8601 with an offset).
 */
export const partnerPaymentSchema = z
  .object({
    billNo: z.string({ error: "required" }).trim().min(1, "required").max(40, "tooLong"),
    amount: z.string({ error: "required" }).max(40, "invalid"),
    currency: z
      .string({ error: "required" })
      .regex(/^[A-Za-z]{3}$/, "invalid")
      .transform((c) => c.toUpperCase()),
    partnerRef: z.string({ error: "required" }).regex(/^[\x21-\x7e]{1,64}$/, "invalid"),
    paidAt: z.iso.datetime({ offset: true, error: "invalid" }).transform((s) => new Date(s)),
  })
  .strict();
export type PartnerPaymentInput = z.infer<typeof partnerPaymentSchema>;

export const PARTNER_SCOPES: readonly PartnerScope[] = [
  "readings:write",
  "bills:read",
  "payments:write",
  "items:read",
];

/** A new partner key: the partner's name and the scopes ticked (checkboxes named scope:<scope>). */
export const createApiKeySchema = z
  .looseObject({
    partnerName: z
      .string({ error: "required" })
      .trim()
      .min(2, "partnerNameRequired")
      .max(80, "tooLong"),
  })
  .transform((v) => ({
    partnerName: v.partnerName,
    scopes: PARTNER_SCOPES.filter((s) => v[`scope:${s}`] === "on"),
  }))
  .refine((v) => v.scopes.length > 0, { path: ["scopes"], message: "scopesRequired" });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: uuid });
