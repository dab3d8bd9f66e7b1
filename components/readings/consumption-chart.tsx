import { formatInteger } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * `shortLabel` is what a phone shows under each bar: twelve "déc. 25" or "دجنبر 25" in 24 px
 * each were cut to "d…", "m…" (March or May?); the month's number stays readable.
 */
export type ChartPoint = {
  label: string;
  shortLabel?: string;
  value: number;
  lastYear: number | null;
};

/**
 * Monthly consumption as bars, the same month last year as a thin bar beside it. Plain HTML
 * columns in a flex row: in Arabic the row runs right to left by itself, time included.
 */
export function ConsumptionChart({
  points,
  unit,
  locale,
  title,
  lastYearLabel,
}: {
  points: ChartPoint[];
  unit: string;
  locale: Locale;
  title: string;
  lastYearLabel: string;
}) {
  const max = Math.max(1, ...points.flatMap((p) => [p.value, p.lastYear ?? 0]));
  const hasLastYear = points.some((p) => p.lastYear !== null);
  return (
    <figure className="flex flex-col gap-2" data-testid="consumption-chart">
      <figcaption className="text-lg font-bold">{title}</figcaption>
      <div className="flex h-48 items-end gap-1 border-b border-slate-300 sm:gap-2" role="list">
        {points.map((p, i) => (
          <div
            key={i}
            role="listitem"
            className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1"
            aria-label={`${p.label}: ${formatInteger(p.value, locale)} ${unit}`}
          >
            <span className="ltr-nums text-[0.65rem] text-slate-600">
              {formatInteger(p.value, locale)}
            </span>
            <div className="flex w-full flex-1 items-end justify-center gap-0.5">
              <div
                className="w-3/5 rounded-t bg-brand-600"
                style={{ height: `${(p.value / max) * 100}%` }}
              />
              {p.lastYear !== null ? (
                <div
                  className="w-1/5 rounded-t bg-slate-300"
                  style={{ height: `${(p.lastYear / max) * 100}%` }}
                  title={`${lastYearLabel}: ${p.lastYear}`}
                />
              ) : null}
            </div>
          </div>
        ))}
      </div>
      <div className="flex gap-1 sm:gap-2" aria-hidden="true">
        {points.map((p, i) => (
          <span
            key={i}
            className="min-w-0 flex-1 truncate text-center text-[0.65rem] text-slate-600"
          >
            {p.shortLabel ? (
              <>
                <span className="ltr-nums sm:hidden">{p.shortLabel}</span>
                <span className="hidden sm:inline">{p.label}</span>
              </>
            ) : (
              p.label
            )}
          </span>
        ))}
      </div>
      {hasLastYear ? (
        <p className="flex items-center gap-2 text-xs text-slate-600">
          <span className="inline-block size-3 rounded-sm bg-slate-300" /> {lastYearLabel}
        </p>
      ) : null}
    </figure>
  );
}
