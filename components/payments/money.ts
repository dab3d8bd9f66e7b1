import { minorDigits } from "@/lib/billing/engine/money";
import { intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * formatMoney (lib/billing/present) for client components, without the message catalogues
 * present.ts brings along: "413,36 MAD", Western digits, the currency's own decimals.
 */
export function formatMinor(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const abs = Math.abs(minor);
  const text = `${minor < 0 ? "-" : ""}${Math.floor(abs / scale)}${digits ? `.${String(abs % scale).padStart(digits, "0")}` : ""}`;
  const number = new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: "latn",
  }).format(Number(text));
  return `${number} ${currency}`;
}
