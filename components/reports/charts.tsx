import { scaleBand, scaleLinear } from "d3-scale";
import { line, stack } from "d3-shape";
import type { ReactNode } from "react";

/*
 * Server-rendered SVG charts: d3-scale places the values and d3-shape draws the paths; React
 * writes the markup. No script reaches the browser. In a right-to-left page the time axis runs
 * from right to left and the value axis sits on the right, as Arabic readers expect. Each
 * chart comes with a one-sentence summary and its figures as a table (for screen readers, for
 * copying, and for anyone who would rather read than look).
 */

const W = 640;
const H = 240;
const M = { top: 12, bottom: 28, side: 56 };

export const CHANNEL_COLORS: Record<string, string> = {
  web: "#0b5cab",
  phone: "#f2a900",
  counter: "#2f855a",
  email: "#805ad5",
  api: "#c05621",
};

type Axis = { rtl: boolean };

function xRange({ rtl }: Axis): [number, number] {
  return rtl ? [W - M.side, M.side / 2] : [M.side, W - M.side / 2];
}

/**
 * Horizontal grid lines and value labels on the start side. Counts take whole ticks only: a
 * scale from 0 to 1 would otherwise label 0.2, 0.4… as "0", "0", "1"…
 */
function ValueAxis({
  y,
  rtl,
  format,
  counts = false,
}: {
  y: ReturnType<typeof scaleLinear<number>>;
  rtl: boolean;
  format: (v: number) => string;
  counts?: boolean;
}) {
  const x1 = rtl ? M.side / 2 : M.side;
  const x2 = rtl ? W - M.side : W - M.side / 2;
  const ticks = y.ticks(4).filter((v) => !counts || Number.isInteger(v));
  return (
    <g aria-hidden="true">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x1} x2={x2} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
          <text
            x={rtl ? W - M.side + 6 : M.side - 6}
            y={y(v)}
            dy="0.32em"
            textAnchor={rtl ? "start" : "end"}
            fontSize={11}
            fill="#475569"
          >
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Labels under the bands, thinned so that they never overlap. */
function BandAxis({
  x,
  labels,
}: {
  x: ReturnType<typeof scaleBand<string>>;
  labels: { key: string; label: string }[];
}) {
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <g aria-hidden="true">
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text
            key={l.key}
            x={(x(l.key) ?? 0) + x.bandwidth() / 2}
            y={H - 8}
            textAnchor="middle"
            fontSize={11}
            fill="#475569"
          >
            {l.label}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** A titled chart with its summary and its table, one of the dashboard's cards. */
export function ChartCard({
  title,
  summary,
  table,
  tableLabel,
  testId,
  children,
}: {
  title: string;
  summary: string;
  table: ReactNode;
  tableLabel: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <figure
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <figcaption className="font-bold text-slate-900">{title}</figcaption>
      {children}
      <p className="text-sm text-slate-700">{summary}</p>
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-sky-800">{tableLabel}</summary>
        <div className="mt-2 max-h-72 overflow-auto">{table}</div>
      </details>
    </figure>
  );
}

function Svg({ label, children }: { label: string; children: ReactNode }) {
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      className="h-auto w-full"
      preserveAspectRatio="xMidYMid meet"
      // Anchors are placed explicitly for each side; an inherited rtl direction would flip them.
      direction="ltr"
    >
      {children}
    </svg>
  );
}

/** Bars per day, stacked by series (requests per day and channel). */
export function StackedBars({
  days,
  series,
  values,
  rtl,
  label,
  dayLabel,
  format,
}: {
  days: string[];
  series: { key: string; color: string }[];
  /** values[day][series] */
  values: Map<string, Map<string, number>>;
  rtl: boolean;
  label: string;
  dayLabel: (day: string) => string;
  format: (v: number) => string;
}) {
  const rows = days.map((day) => {
    const row: Record<string, number> = {};
    for (const s of series) row[s.key] = values.get(day)?.get(s.key) ?? 0;
    return row;
  });
  const layers = stack<Record<string, number>>().keys(series.map((s) => s.key))(rows);
  const max = Math.max(1, ...rows.map((r) => Object.values(r).reduce((a, b) => a + b, 0)));
  const x = scaleBand<string>().domain(days).range(xRange({ rtl })).padding(0.15);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  return (
    <Svg label={label}>
      <ValueAxis y={y} rtl={rtl} format={format} counts />
      {layers.map((layer, i) => (
        <g key={layer.key} fill={series[i]!.color}>
          {layer.map((point, j) =>
            point[1] > point[0] ? (
              <rect
                key={days[j]}
                x={x(days[j]!)}
                y={y(point[1])}
                width={x.bandwidth()}
                height={y(point[0]) - y(point[1])}
              />
            ) : null,
          )}
        </g>
      ))}
      <BandAxis x={x} labels={days.map((d) => ({ key: d, label: dayLabel(d) }))} />
    </Svg>
  );
}

/** Plain bars over named buckets (the time-to-resolution distribution). */
export function Bars({
  buckets,
  rtl,
  label,
  format,
}: {
  buckets: { key: string; label: string; value: number }[];
  rtl: boolean;
  label: string;
  format: (v: number) => string;
}) {
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range(xRange({ rtl }))
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...buckets.map((b) => b.value))])
    .nice()
    .range([H - M.bottom, M.top]);
  return (
    <Svg label={label}>
      <ValueAxis y={y} rtl={rtl} format={format} counts />
      {buckets.map((b) => (
        <rect
          key={b.key}
          x={x(b.key)}
          y={y(b.value)}
          width={x.bandwidth()}
          height={H - M.bottom - y(b.value)}
          fill="#0b5cab"
        />
      ))}
      <BandAxis x={x} labels={buckets} />
    </Svg>
  );
}

/** One or more lines over days or months (backlog; quality and speed scores). */
export function Lines({
  points,
  series,
  rtl,
  label,
  domain,
  pointLabel,
  format,
}: {
  points: string[];
  series: { key: string; color: string; values: (number | null)[] }[];
  rtl: boolean;
  label: string;
  /** Fixed value range (scores 1–5); from zero to the largest value otherwise. */
  domain?: [number, number];
  pointLabel: (p: string) => string;
  format: (v: number) => string;
}) {
  const x = scaleBand<string>().domain(points).range(xRange({ rtl })).padding(0);
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear()
    .domain(domain ?? [0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  const cx = (p: string) => (x(p) ?? 0) + x.bandwidth() / 2;
  return (
    <Svg label={label}>
      <ValueAxis y={y} rtl={rtl} format={format} counts={!domain} />
      {series.map((s) => {
        const data = points.map((p, i) => [p, s.values[i] ?? null] as const);
        const path = line<(typeof data)[number]>()
          .defined((d) => d[1] !== null)
          .x((d) => cx(d[0]))
          .y((d) => y(d[1] ?? 0))(data);
        return (
          <g key={s.key}>
            <path d={path ?? ""} fill="none" stroke={s.color} strokeWidth={2.5} />
            {data.map(([p, v]) =>
              v === null ? null : <circle key={p} cx={cx(p)} cy={y(v)} r={3} fill={s.color} />,
            )}
          </g>
        );
      })}
      <BandAxis x={x} labels={points.map((p) => ({ key: p, label: pointLabel(p) }))} />
    </Svg>
  );
}

/** The colour key under a chart. */
export function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
