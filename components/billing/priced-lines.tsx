import type { ReactNode } from "react";

/**
 * One priced line as customers read it, on the bill page and in the simulator alike: what it
 * is and its total, why it costs that (tranche, days, cap), then quantity × price and the VAT.
 */
export function PricedLineRow({
  label,
  total,
  why,
  children,
}: {
  label: string;
  total: string;
  why?: string;
  /** The small print: quantity × unit price, amount before tax, VAT. */
  children: ReactNode;
}) {
  return (
    <li className="grid grid-cols-[1fr_auto] gap-x-3 py-2">
      <span className="font-semibold">{label}</span>
      <span className="ltr-nums text-end font-semibold whitespace-nowrap">
        <bdi>{total}</bdi>
      </span>
      {why ? <span className="col-span-2 text-sm text-slate-700">{why}</span> : null}
      <span className="col-span-2 text-xs text-slate-600">{children}</span>
    </li>
  );
}

/** Total before tax, VAT and the total, and optional rows after (arrears). */
export function PricedTotals({
  rows,
  testId,
}: {
  rows: { label: string; amount: string; tone?: "total" | "warning" }[];
  testId?: string;
}) {
  return (
    <dl className="mt-4 flex flex-col gap-1 border-t border-slate-200 pt-3">
      {rows.map((r) => (
        <div
          key={r.label}
          className={`flex justify-between gap-4 ${r.tone === "total" ? "text-lg font-bold" : r.tone === "warning" ? "text-red-800" : ""}`}
        >
          <dt>{r.label}</dt>
          <dd className="ltr-nums" data-testid={r.tone === "total" ? testId : undefined}>
            <bdi>{r.amount}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}
