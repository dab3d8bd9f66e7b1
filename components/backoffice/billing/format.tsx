import type { ReactNode } from "react";
import { formatMinor } from "@/lib/billing/engine/money";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** An amount in minor units with its currency, kept left-to-right inside Arabic text. */
export function Money({
  minor,
  currency,
  signed = false,
}: {
  minor: number;
  currency: string;
  /** Show "+" on a positive amount (a difference). */
  signed?: boolean;
}) {
  return (
    <bdi className="ltr-nums whitespace-nowrap" dir="ltr">
      {signed && minor > 0 ? "+" : ""}
      {formatMinor(minor, currency)} {currency}
    </bdi>
  );
}

/** A calendar date (YYYY-MM-DD) in the reader's language; noon UTC keeps the day whatever the zone. */
export function day(date: string, locale: Locale): string {
  return formatDate(`${date}T12:00:00Z`, locale, "UTC");
}

/** The day before an exclusive period end: bills say "1 to 31 January", not "to 1 February". */
export function lastDay(end: string): string {
  const d = new Date(`${end}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A table that scrolls sideways on a phone instead of widening the page. */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">{children}</div>;
}

export const th = "px-2 py-2 text-start text-xs font-semibold text-slate-600 uppercase";
export const td = "px-2 py-2 align-top";

/** Badge tone of a bill's payment status. */
export const STATUS_TONE = {
  paid: "success",
  unpaid: "neutral",
  partly_paid: "warning",
  overdue: "danger",
  cancelled: "neutral",
} as const;
