import { parseWholeNumber } from "@/lib/i18n/digits";

/**
 * Reading a meter index as typed by a customer: Arabic-Indic or Eastern Arabic-Indic digits,
 * spaces and thousands separators are accepted; anything else is refused with a key the form
 * shows as a message in the customer's language (`validation.<key>`).
 */

/** Why an index was refused; each is a message key under `validation.` for the UI. */
export const INDEX_ERRORS = ["required", "notWholeNumber", "tooManyDigits"] as const;

/** Why an index was refused: nothing typed, not a whole number, more digits than the dials. */
export type IndexError = (typeof INDEX_ERRORS)[number];

/** The outcome of `parseIndex`: the index as a number, or the reason it was refused. */
export type ParsedIndex = { ok: true; value: number } | { ok: false; error: IndexError };

/**
 * The largest dial count supported. Any 15-digit number is below Number.MAX_SAFE_INTEGER
 * (16 digits), so checking the digit count against the dials before converting guarantees an
 * index is never rounded; real meters have 4 to 9 dials.
 */
export const MAX_DIALS = 15;

/** Throws RangeError unless `dials` is a whole number from 1 to MAX_DIALS (a data error). */
export function assertDials(dials: number): void {
  if (!Number.isInteger(dials) || dials < 1 || dials > MAX_DIALS) {
    throw new RangeError(`A register has 1 to ${MAX_DIALS} dials; got ${dials}`);
  }
}

/**
 * Parse the index a customer typed for a register with `dials` digits. Refuses negatives,
 * decimals ("12.5", "12,5"), letters, exponents, empty or blank input and non-strings.
 * Leading zeros do not count as digits: "00130" on a 5-dial meter is 130, as the dials show it.
 * Throws RangeError when `dials` itself is invalid, which is a data error, not a typing one.
 */
export function parseIndex(raw: unknown, dials: number): ParsedIndex {
  assertDials(dials);
  if (raw === undefined || raw === null) return { ok: false, error: "required" };
  // Form fields are strings; a number here means a caller skipped the form, and guessing how it
  // was meant (1e21? 12.5?) is worse than refusing it.
  if (typeof raw !== "string") return { ok: false, error: "notWholeNumber" };
  if (raw.trim() === "") return { ok: false, error: "required" };
  const digits = parseWholeNumber(raw);
  if (digits === null) return { ok: false, error: "notWholeNumber" };
  // Compared as a string, before Number(): forty digits must be refused, not rounded to 1e39.
  if (digits.length > dials) return { ok: false, error: "tooManyDigits" };
  return { ok: true, value: Number(digits) };
}
