import type { Locale } from "./locales";

/**
 * Intl tags per language. Moroccan Arabic writes Western digits (ar-MA), which is also what
 * bills print; a Gulf deployment can switch to Arabic-Indic digits with "ar-AE".
 */
const TAGS: Record<Locale, string> = { ar: "ar-MA", fr: "fr-MA", en: "en-GB" };

export function intlTag(locale: Locale): string {
  return TAGS[locale];
}

export function formatDate(value: Date | string, locale: Locale, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeZone }).format(date);
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

export function formatInteger(value: number | bigint, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 0 }).format(value);
}

/** "in 3 days", "2 hours ago" — the largest unit that fits, in the reader's language. */
export function formatRelative(target: Date, now: Date, locale: Locale): string {
  const seconds = (target.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "minute")
      return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, "minute");
}
