import { z } from "zod";
import { toAsciiDigits } from "@/lib/i18n/digits";

/**
 * Field builders shared by every form schema. Each failure names a message key under
 * `validation.` so the same schema yields localised errors in the browser and on the server.
 */
export const LIMITS = {
  name: 120,
  email: 254,
  phone: 32,
  passwordMin: 10,
  // argon2 hashes whatever it gets; the cap stops a megabyte "password" from costing CPU.
  passwordMax: 128,
  code: 40,
} as const;

/** Text from a form: trimmed, required, capped. NUL and other control characters are refused. */
export function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "invalid");
}

export function optionalText(max: number) {
  return (
    z
      .string({ error: "invalid" })
      .trim()
      .max(max, "tooLong")
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "invalid")
      .transform((s) => (s ? s : undefined))
      // Last, so that the key itself is optional in the parsed type.
      .optional()
  );
}

/**
 * A person's name in any script: letters with their marks, spaces, apostrophes, hyphens and
 * dots ("Fatima-Zahra El Amrani", "O'Brien", "فاطمة الزهراء"). Markup, code and digits are not
 * names: they are refused with a message saying what a name may hold.
 */
export const personNameField = requiredText(LIMITS.name).refine(
  (s) => /^[\p{L}\p{M}][\p{L}\p{M} '’.\-]*$/u.test(s),
  "nameInvalid",
);

export const emailField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(LIMITS.email, "tooLong")
  .toLowerCase()
  .pipe(z.email("emailInvalid"));

export const passwordField = z
  .string({ error: "required" })
  .min(1, "required")
  .max(LIMITS.passwordMax, "tooLong");

export const newPasswordField = z
  .string({ error: "required" })
  .min(LIMITS.passwordMin, "passwordTooShort")
  .max(LIMITS.passwordMax, "tooLong");

export const phoneField = z
  .string({ error: "invalid" })
  .trim()
  .max(LIMITS.phone, "tooLong")
  .transform((s) => toAsciiDigits(s).replace(/[\s.-]/g, ""))
  .refine((s) => s === "" || /^\+?\d{6,15}$/.test(s), "phoneInvalid")
  .transform((s) => (s ? s : undefined))
  .optional();

/**
 * An identifier printed on paper (contract number, meter serial, customer code): typed with any
 * digits, spaces or dashes, compared in one canonical form.
 */
export const printedCodeField = z
  .string({ error: "required" })
  .max(LIMITS.code, "tooLong")
  .transform((s) => canonicalCode(s))
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^[A-Z0-9]+$/, "invalid"),
  );

export function canonicalCode(input: string): string {
  return toAsciiDigits(input)
    .toUpperCase()
    .replace(/[\s\u00a0\-_/.]/g, "");
}

/**
 * The Moroccan national identity card number (CIN): one or two letters then digits, typed with
 * any digits (Arabic-Indic too), spaces or dashes, kept in one canonical form ("AB 123456" →
 * "AB123456"). The mail registry and connection requests ask for it alike.
 */
export const nationalIdField = z
  .string({ error: "required" })
  .max(20, "tooLong")
  .transform((s) => canonicalCode(s))
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^[A-Z]{1,2}\d{1,8}$/, "nationalIdInvalid"),
  );
