import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import type { FormState } from "@/lib/actions/form-state";
import { formatDate, formatInteger, intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ReadingReviewLabels } from "@/lib/metering/review-messages";
import type { ReadingReview, ReviewedRegister } from "@/lib/metering/review-queries";

/** A server action as ActionForm takes it. */
type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Props of ReadingReviewPanel; every text arrives translated, so the panel holds no keys. */
export type ReadingReviewPanelProps = {
  /** From getReadingReview(db, staff, itemId); render nothing when that is undefined. */
  review: ReadingReview;
  /** readingReviewLabels(locale), or the catalogue's `backoffice.readingReview` once merged. */
  labels: ReadingReviewLabels;
  locale: Locale;
  /** The utility's time zone, for the reading dates. */
  timeZone: string;
  /** The server actions of app/[locale]/(backoffice)/backoffice/items/reading-actions.ts. */
  actions: { accept: FormAction; correct: FormAction; reject: FormAction };
};

const field = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold text-slate-800";

// Twelve bars: eleven past periods and the reading under review, so the clerk sees the figure
// in question against its own recent history.
const CHART_BARS = 12;
const CHART = { width: 360, height: 170, axis: 44, top: 10, bottom: 24, gap: 4 };

type Bar = { key: string; value: number; label: string; title: string; current: boolean };

/** The smallest 1/2/5 × 10^n at or above `value`, so the axis reads in round numbers. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The consumption bars, drawn with positions computed for the reading direction rather than a
 * mirrored transform: mirrored text would read backwards. In Arabic the oldest period is on
 * the right and the axis on the right, as a reader of that language expects a timeline.
 */
function ConsumptionChart({ bars, locale, title }: { bars: Bar[]; locale: Locale; title: string }) {
  const rtl = locale === "ar";
  const max = niceCeiling(Math.max(...bars.map((b) => b.value)));
  const plotWidth = CHART.width - CHART.axis;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const slot = plotWidth / CHART_BARS;
  const barWidth = slot - CHART.gap;
  // Logical x (from the reading start) to physical x.
  const x = (logical: number, width = 0) => (rtl ? CHART.width - logical - width : logical);
  const y = (value: number) => CHART.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];
  return (
    <svg
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={title}
      className="h-auto w-full max-w-md"
    >
      <title>{title}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(CHART.axis - 4)}
            x2={x(CHART.width)}
            y1={y(tick)}
            y2={y(tick)}
            className="stroke-slate-200"
            strokeWidth={1}
          />
          <text
            x={x(CHART.axis - 6)}
            y={y(tick) + 4}
            textAnchor="end"
            direction={rtl ? "rtl" : "ltr"}
            className="fill-slate-600 text-[10px]"
          >
            {formatInteger(tick, locale)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const left = CHART.axis + i * slot + CHART.gap / 2;
        const top = y(bar.value);
        return (
          <g key={bar.key}>
            <rect
              x={x(left, barWidth)}
              y={top}
              width={barWidth}
              height={Math.max(CHART.top + plotHeight - top, bar.value > 0 ? 1 : 0)}
              className={bar.current ? "fill-amber-500" : "fill-brand-600"}
            >
              <title>{bar.title}</title>
            </rect>
            <text
              x={x(left + barWidth / 2)}
              y={CHART.height - 8}
              textAnchor="middle"
              className="fill-slate-600 text-[9px]"
            >
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function barsOf(
  register: ReviewedRegister,
  labels: ReadingReviewLabels,
  locale: Locale,
  timeZone: string,
): Bar[] {
  const month = new Intl.DateTimeFormat(intlTag(locale), { month: "short", timeZone });
  const past = register.history
    .filter((h): h is typeof h & { consumption: number } => h.consumption !== null)
    .slice(-(CHART_BARS - 1))
    .map((h): Bar => ({
      key: h.readAt.toISOString(),
      value: h.consumption,
      label: month.format(h.readAt),
      title: `${formatDate(h.readAt, locale, timeZone)}: ${formatInteger(h.consumption, locale)}`,
      current: false,
    }));
  if (register.consumption === null) return past;
  return [
    ...past,
    {
      key: "current",
      value: register.consumption,
      label: month.format(register.readAt),
      title: `${labels.chartThis} — ${formatDate(register.readAt, locale, timeZone)}: ${formatInteger(register.consumption, locale)}`,
      current: true,
    },
  ];
}

/**
 * The metering clerk's view of a held self-reading: per register the previous and the new
 * index, the consumption, the reasons it was held, the photo and a consumption chart; then
 * accept, correct (index and reason) or reject (reason, sent to the customer). The forms are
 * shown only while the item is open.
 */
export function ReadingReviewPanel({
  review,
  labels,
  locale,
  timeZone,
  actions,
}: ReadingReviewPanelProps) {
  const hiddenId = <input type="hidden" name="itemId" value={review.itemId} />;
  const [first] = review.registers;
  return (
    <Card className="flex flex-col gap-5">
      <h2 className="text-lg font-bold text-slate-900">{labels.title}</h2>
      {review.registers.map((register) => {
        const bars = barsOf(register, labels, locale, timeZone);
        return (
          <section key={register.readingId} className="flex flex-col gap-3">
            <h3 className="font-semibold text-slate-900">
              {labels.meter} <bdi dir="ltr">{register.meterSerial}</bdi> —{" "}
              {labels.register[register.registerName as keyof ReadingReviewLabels["register"]] ??
                register.registerName}
            </h3>
            <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
              <div>
                <dt className={label}>{labels.previous}</dt>
                <dd>
                  {register.previousIndex !== null && register.previousReadAt ? (
                    <>
                      <bdi dir="ltr">{formatInteger(register.previousIndex, locale)}</bdi> (
                      {formatDate(register.previousReadAt, locale, timeZone)})
                    </>
                  ) : (
                    labels.noPrevious
                  )}
                </dd>
              </div>
              <div>
                <dt className={label}>{labels.submitted}</dt>
                <dd>
                  <bdi dir="ltr">{formatInteger(register.index, locale)}</bdi> (
                  {formatDate(register.readAt, locale, timeZone)})
                </dd>
              </div>
              <div>
                <dt className={label}>{labels.consumption}</dt>
                <dd>
                  {register.consumption === null
                    ? "—"
                    : formatInteger(register.consumption, locale)}
                </dd>
              </div>
            </dl>
            <div>
              <p className={label}>{labels.reasons}</p>
              {register.flags.length ? (
                <ul className="list-disc ps-5">
                  {register.flags.map((flag) => (
                    <li key={flag}>{labels.flag[flag]}</li>
                  ))}
                </ul>
              ) : (
                <p>{labels.noReasons}</p>
              )}
            </div>
            <p>
              {register.photoFileId ? (
                <a
                  href={`/api/files/${register.photoFileId}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-semibold text-brand-700 underline"
                >
                  {labels.photo}
                </a>
              ) : (
                labels.noPhoto
              )}
            </p>
            <figure className="flex flex-col gap-1">
              <figcaption className={label}>{labels.chartTitle}</figcaption>
              {bars.length ? (
                <ConsumptionChart bars={bars} locale={locale} title={labels.chartTitle} />
              ) : (
                <p>{labels.chartEmpty}</p>
              )}
            </figure>
          </section>
        );
      })}

      {review.open && first ? (
        <div className="flex flex-col gap-5 border-t border-slate-200 pt-4">
          <ActionForm action={actions.accept} submitLabel={labels.accept}>
            {hiddenId}
          </ActionForm>
          <ActionForm action={actions.correct} submitLabel={labels.correct} variant="secondary">
            {hiddenId}
            {review.registers.length > 1 ? (
              <select
                name="registerId"
                aria-label={labels.meter}
                className={field}
                defaultValue={first.registerId}
              >
                {review.registers.map((r) => (
                  <option key={r.registerId} value={r.registerId}>
                    {labels.register[r.registerName as keyof ReadingReviewLabels["register"]] ??
                      r.registerName}
                  </option>
                ))}
              </select>
            ) : (
              <input type="hidden" name="registerId" value={first.registerId} />
            )}
            <label htmlFor="review-index" className={label}>
              {labels.correctIndex}
            </label>
            <input
              id="review-index"
              name="index"
              inputMode="numeric"
              dir="ltr"
              required
              maxLength={100}
              className={field}
            />
            <label htmlFor="review-correct-reason" className={label}>
              {labels.reason}
            </label>
            <textarea
              id="review-correct-reason"
              name="reason"
              rows={2}
              required
              maxLength={1000}
              className={field}
            />
          </ActionForm>
          <ActionForm action={actions.reject} submitLabel={labels.reject} variant="danger">
            {hiddenId}
            <label htmlFor="review-reject-reason" className={label}>
              {labels.reason}
            </label>
            <textarea
              id="review-reject-reason"
              name="reason"
              rows={2}
              required
              maxLength={1000}
              className={field}
            />
          </ActionForm>
        </div>
      ) : (
        <p className="text-slate-700">{labels.decided}</p>
      )}
    </Card>
  );
}
