import type { ReactNode } from "react";
import { formatMinor } from "@/lib/billing/engine/money";

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

// Dates read the same on the staff pages as on the customer's bill.
export { formatDay as day, lastDay } from "@/lib/billing/present";

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
