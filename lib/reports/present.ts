import { splitBusinessMinutes } from "@/lib/workflow/business-duration";
import { intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { PeriodFigures } from "./kpis";

/** A translator of the `reports` namespace (next-intl's or lib/i18n/translate's). */
export type ReportsT = (key: string, values?: Record<string, string | number>) => string;

/** 0.875 → "87.5 %" in the reader's language (Latin digits, as the app writes numbers). */
export function formatRate(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(intlTag(locale), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value);
}

/** A score out of 5 with one decimal. */
export function formatScore(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 0 }).format(value);
}

/** Business minutes as working days, hours and minutes ("2 d 3 h", "3 h 20 min", "45 min"). */
export function formatBusinessMinutes(
  minutes: number | null,
  workdayMinutes: number,
  t: ReportsT,
): string {
  if (minutes === null) return t("duration.none");
  const d = splitBusinessMinutes(Math.round(minutes), workdayMinutes);
  if (d.days > 0)
    return d.hours
      ? t("duration.days", { days: d.days, hours: d.hours })
      : t("duration.daysOnly", { days: d.days });
  if (d.hours > 0)
    return d.minutes
      ? t("duration.hours", { hours: d.hours, minutes: d.minutes })
      : t("duration.hoursOnly", { hours: d.hours });
  return t("duration.minutes", { minutes: d.minutes });
}

export type FigureKind = "count" | "rate" | "minutes" | "score";

/** The dashboard's figures in display order, each with how to read it and which way is good. */
export const FIGURES: {
  key: string;
  kind: FigureKind;
  pick: (f: PeriodFigures) => number | null;
  /** Whether a rise is an improvement (null: neither, e.g. volumes). */
  higherIsBetter: boolean | null;
  group: "headline" | "time" | "satisfaction" | "escalations";
}[] = [
  {
    key: "received",
    kind: "count",
    pick: (f) => f.received,
    higherIsBetter: null,
    group: "headline",
  },
  {
    key: "resolved",
    kind: "count",
    pick: (f) => f.resolved,
    higherIsBetter: true,
    group: "headline",
  },
  { key: "open", kind: "count", pick: (f) => f.open, higherIsBetter: false, group: "headline" },
  {
    key: "completionRate",
    kind: "rate",
    pick: (f) => f.completionRate,
    higherIsBetter: true,
    group: "headline",
  },
  {
    key: "firstContactResolutionRate",
    kind: "rate",
    pick: (f) => f.firstContactResolutionRate,
    higherIsBetter: true,
    group: "headline",
  },
  {
    key: "firstResponseOnTimeRate",
    kind: "rate",
    pick: (f) => f.firstResponseOnTimeRate,
    higherIsBetter: true,
    group: "time",
  },
  {
    key: "onTimeRate",
    kind: "rate",
    pick: (f) => f.onTimeRate,
    higherIsBetter: true,
    group: "time",
  },
  {
    key: "ttfrP50",
    kind: "minutes",
    pick: (f) => f.timeToFirstResponse.p50,
    higherIsBetter: false,
    group: "time",
  },
  {
    key: "ttfrP90",
    kind: "minutes",
    pick: (f) => f.timeToFirstResponse.p90,
    higherIsBetter: false,
    group: "time",
  },
  {
    key: "ttrP50",
    kind: "minutes",
    pick: (f) => f.timeToResolution.p50,
    higherIsBetter: false,
    group: "time",
  },
  {
    key: "ttrP90",
    kind: "minutes",
    pick: (f) => f.timeToResolution.p90,
    higherIsBetter: false,
    group: "time",
  },
  {
    key: "quality",
    kind: "score",
    pick: (f) => f.satisfaction.quality,
    higherIsBetter: true,
    group: "satisfaction",
  },
  {
    key: "speed",
    kind: "score",
    pick: (f) => f.satisfaction.speed,
    higherIsBetter: true,
    group: "satisfaction",
  },
  {
    key: "satisfiedShare",
    kind: "rate",
    pick: (f) => f.satisfaction.satisfiedShare,
    higherIsBetter: true,
    group: "satisfaction",
  },
  {
    key: "responseRate",
    kind: "rate",
    pick: (f) => f.satisfaction.responseRate,
    higherIsBetter: true,
    group: "satisfaction",
  },
  {
    key: "ratings",
    kind: "count",
    pick: (f) => f.satisfaction.ratings,
    higherIsBetter: null,
    group: "satisfaction",
  },
  {
    key: "escalations",
    kind: "count",
    pick: (f) => f.escalations,
    higherIsBetter: false,
    group: "escalations",
  },
  {
    key: "followUps",
    kind: "count",
    pick: (f) => f.followUps,
    higherIsBetter: false,
    group: "escalations",
  },
];

/** One figure as text in the reader's language. */
export function formatFigure(
  kind: FigureKind,
  value: number | null,
  locale: Locale,
  workdayMinutes: number,
  t: ReportsT,
): string {
  if (value === null) return "—";
  switch (kind) {
    case "count":
      return formatCount(value, locale);
    case "rate":
      return formatRate(value, locale);
    case "score":
      return formatScore(value, locale);
    case "minutes":
      return formatBusinessMinutes(value, workdayMinutes, t);
  }
}

export type Trend = {
  direction: "up" | "down" | "same" | "none";
  good: boolean | null;
  text: string;
};

/**
 * The change against the previous period, in words ("up 4.2 points from 81 %"): rates move in
 * percentage points, counts and durations in their own unit, and the tone says whether the
 * change is good news for this figure.
 */
export function trendOf(
  kind: FigureKind,
  current: number | null,
  previous: number | null,
  higherIsBetter: boolean | null,
  locale: Locale,
  workdayMinutes: number,
  t: ReportsT,
): Trend {
  if (current === null || previous === null)
    return { direction: "none", good: null, text: t("trend.none") };
  const prev = formatFigure(kind, previous, locale, workdayMinutes, t);
  const diff = current - previous;
  // A change too small to show at the figure's precision is no change to the reader.
  if (Math.abs(diff) < 1e-9 || formatFigure(kind, current, locale, workdayMinutes, t) === prev)
    return { direction: "same", good: null, text: t("trend.same", { previous: prev }) };
  const magnitude =
    kind === "rate"
      ? t("trend.points", {
          value: new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 }).format(
            Math.abs(diff) * 100,
          ),
        })
      : formatFigure(kind, Math.abs(diff), locale, workdayMinutes, t);
  const direction = diff > 0 ? "up" : "down";
  return {
    direction,
    good: higherIsBetter === null ? null : diff > 0 === higherIsBetter,
    text: t(`trend.${direction}`, { delta: magnitude, previous: prev }),
  };
}
