import type { ReactNode } from "react";
import { inputClass } from "@/components/backoffice/admin-ui";
import type { Trend } from "@/lib/reports/present";

/** A figure with its trend against the previous period; the tone says good or bad news. */
export function FigureCard({
  label,
  value,
  trend,
  testId,
  numeric = true,
}: {
  label: string;
  value: string;
  trend: Trend;
  testId: string;
  /** A plain number reads left to right; a duration ("2 d 3 h") follows the page's direction. */
  numeric?: boolean;
}) {
  const tone =
    trend.good === null ? "text-slate-600" : trend.good ? "text-emerald-700" : "text-red-700";
  const arrow = trend.direction === "up" ? "▲" : trend.direction === "down" ? "▼" : "";
  return (
    <div
      className="flex min-w-0 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3"
      data-testid={testId}
    >
      <p className="text-sm text-slate-700">{label}</p>
      <p
        className={`${numeric ? "ltr-nums" : ""} text-2xl font-bold text-slate-900`}
        data-testid={`${testId}-value`}
      >
        {value}
      </p>
      <p className={`text-xs ${tone}`}>
        {arrow ? (
          <span aria-hidden="true" className="me-1">
            {arrow}
          </span>
        ) : null}
        {trend.text}
      </p>
    </div>
  );
}

export function FigureGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-bold text-slate-900">{title}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">{children}</div>
    </section>
  );
}

/** A labelled select of the filters form; the empty option means "all". */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold">
      {label}
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A small table (the charts' alternatives, ageing, kinds, keywords). */
export function SimpleTable({
  headers,
  rows,
  testId,
}: {
  headers: string[];
  rows: (string | number)[][];
  testId?: string;
}) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-slate-200">
          {headers.map((h, i) => (
            <th
              key={h}
              scope="col"
              className={`px-2 py-1.5 text-xs font-semibold text-slate-600 ${i === 0 ? "text-start" : "text-end"}`}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-slate-100 last:border-0">
            {r.map((c, j) => (
              // No forced direction: a cell may be a duration in words ("2 يوم و6 ساعة").
              <td
                key={j}
                className={`px-2 py-1.5 ${j === 0 ? "text-start" : "text-end tabular-nums"}`}
              >
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
