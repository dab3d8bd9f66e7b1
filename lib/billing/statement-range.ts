import { toAsciiDigits } from "@/lib/i18n/digits";
import { addDays, addMonths, daysBetween, isIsoDate } from "./dates";

/** The longest statement one request may ask for. */
export const MAX_STATEMENT_DAYS = 5 * 366;

/**
 * The date range of an account statement from the address bar: the last 12 months by default;
 * a start after the end, a range over five years or a date that is not one is refused.
 */
export function statementRange(
  query: { from?: string; to?: string },
  today: string,
): { ok: true; from: string; to: string } | { ok: false; from: string; to: string } {
  const to = query.to ? toAsciiDigits(query.to.trim().slice(0, 20)) : today;
  if (!isIsoDate(to)) return { ok: false, from: "", to: "" };
  const from = query.from
    ? toAsciiDigits(query.from.trim().slice(0, 20))
    : addDays(addMonths(to, -12), 1);
  if (!isIsoDate(from)) return { ok: false, from: "", to };
  const days = daysBetween(from, to);
  if (days < 0 || days > MAX_STATEMENT_DAYS) return { ok: false, from, to };
  return { ok: true, from, to };
}
