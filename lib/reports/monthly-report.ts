import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, type Utility } from "@/db/schema";
import { addDays } from "@/lib/billing/dates";
import { AppError } from "@/lib/errors";
import { formatDate, intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { utilityAddress, utilityName } from "@/lib/utility/get-utility";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { dailyVolumes, resolutionDistribution, topKeywords, topKinds } from "./breakdowns";
import { clerkFigures } from "./clerks";
import { monthPeriod } from "./filters";
import { periodFigures } from "./kpis";
import {
  FIGURES,
  formatBusinessMinutes,
  formatCount,
  formatFigure,
  formatRate,
  formatScore,
  trendOf,
  type ReportsT,
} from "./present";
import type { MonthlyReportDocument } from "./report-pdf";
import type { ReportScope } from "./scope";

/** "2026-05" and nothing else: the report is about one calendar month. */
export function parseMonth(value: string | null): string {
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    throw new AppError("VALIDATION_FAILED", "month", { month: "invalidDate" });
  return value;
}

/** The name of a month in the reader's language ("mai 2026", "ماي 2026"). */
function monthName(month: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    month: "long",
    year: "numeric",
    timeZone,
    numberingSystem: "latn",
  }).format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * The monthly report of a scope, compared with the month before: the key figures, resolution
 * times, request types and keywords, the clerks' figures and the daily volumes by channel.
 */
export async function monthlyReportDocument(
  db: DbOrTx,
  scope: ReportScope,
  month: string,
  locale: Locale,
  utility: Utility,
  now: Date,
): Promise<MonthlyReportDocument> {
  const tAll = translator(locale);
  const t: ReportsT = (key, values) => tAll(`reports.${key}` as never, values as never);
  const period = monthPeriod(month);
  const previous = monthPeriod(addDays(period.from, -1).slice(0, 7));
  const config = await loadWorkflowConfig(db);
  const workday = workdayMinutes(config.calendar.opensAt, config.calendar.closesAt) || 480;
  const current = await periodFigures(db, scope, period, now);
  const before = await periodFigures(db, scope, previous, now);
  const kinds = await topKinds(db, scope, period);
  const keywords = await topKeywords(db, scope, period);
  const distribution = await resolutionDistribution(db, scope, period, workday);
  const clerks = await clerkFigures(db, scope, period);
  const volumes = await dailyVolumes(db, scope, period);
  let scopeName = t("pdf.allDepartments");
  if (scope.filters.department) {
    const [dept] = await db
      .select()
      .from(departments)
      .where(eq(departments.code, scope.filters.department));
    if (dept)
      scopeName = locale === "ar" ? dept.nameAr : locale === "fr" ? dept.nameFr : dept.nameEn;
  }
  const channel = (c: string) => tAll(`items.channel.${c}` as never);
  const channels = [...new Set(volumes.map((v) => v.channel))].sort();
  const days = new Map<string, Map<string, number>>();
  for (const v of volumes) {
    if (!days.has(v.day)) days.set(v.day, new Map());
    days.get(v.day)!.set(v.channel, v.count);
  }
  const minutes = (m: number | null) => formatBusinessMinutes(m, workday, t);
  const bucketLabel = (from: number, to: number | null) =>
    // Amiri has no "≥": the open-ended bucket says it in words.
    to === null
      ? t("charts.orMore", { value: minutes(from) })
      : `${minutes(from)} – ${minutes(to)}`;
  return {
    locale,
    utility: {
      name: utilityName(utility, locale),
      address: utilityAddress(utility, locale),
      phone: utility.phone ?? undefined,
      website: utility.email ?? undefined,
    },
    title: t("pdf.title"),
    lines: [
      t("pdf.month", { month: monthName(month, locale, utility.timeZone) }),
      t("pdf.scope", { scope: scopeName }),
      t("pdf.generated", { date: formatDate(now, locale, utility.timeZone) }),
    ],
    footer: t("pdf.footer", { timeZone: utility.timeZone }),
    pageLabel: (page, pages) => t("pdf.page", { page, pages }),
    tables: [
      {
        title: t("dashboard.headline"),
        columns: [
          { header: t("dashboard.figure"), share: 0.34 },
          { header: monthName(month, locale, utility.timeZone), share: 0.18, numeric: true },
          {
            header: monthName(previous.from.slice(0, 7), locale, utility.timeZone),
            share: 0.18,
            numeric: true,
          },
          { header: t("dashboard.trend"), share: 0.3 },
        ],
        rows: FIGURES.map((f) => {
          const a = f.pick(current);
          const b = f.pick(before);
          return [
            t(`figures.${f.key}`),
            { text: formatFigure(f.kind, a, locale, workday, t), bold: true },
            formatFigure(f.kind, b, locale, workday, t),
            trendOf(f.kind, a, b, f.higherIsBetter, locale, workday, t).text,
          ];
        }),
      },
      {
        title: t("charts.distribution"),
        columns: [
          { header: t("charts.bucket"), share: 0.6 },
          { header: t("dashboard.count"), share: 0.4, numeric: true },
        ],
        rows: distribution.map((d) => [bucketLabel(d.from, d.to), formatCount(d.count, locale)]),
      },
      {
        title: t("dashboard.kinds"),
        columns: [
          { header: t("dashboard.kind"), share: 0.6 },
          { header: t("dashboard.count"), share: 0.4, numeric: true },
        ],
        rows: kinds.map((k) => [
          locale === "ar" ? k.nameAr : locale === "fr" ? k.nameFr : k.nameEn,
          formatCount(k.count, locale),
        ]),
        empty: t("dashboard.none"),
      },
      {
        title: t("dashboard.keywords"),
        columns: [
          { header: t("csv.keyword"), share: 0.6 },
          { header: t("dashboard.count"), share: 0.4, numeric: true },
        ],
        rows: keywords.map((k) => [k.key, formatCount(k.count, locale)]),
        empty: t("dashboard.none"),
      },
      {
        title: t("clerks.title"),
        columns: [
          { header: t("clerks.name"), share: 0.28 },
          { header: t("clerks.handled"), share: 0.13, numeric: true },
          { header: t("clerks.median"), share: 0.17, numeric: true },
          { header: t("clerks.onTime"), share: 0.12, numeric: true },
          { header: t("clerks.ratings"), share: 0.12, numeric: true },
          { header: t("clerks.quality"), share: 0.09, numeric: true },
          { header: t("clerks.speed"), share: 0.09, numeric: true },
        ],
        rows: clerks.map((c) => [
          c.name,
          formatCount(c.handled, locale),
          minutes(c.medianMinutes),
          formatRate(c.onTimeRate, locale),
          formatCount(c.ratings, locale),
          formatScore(c.quality, locale),
          formatScore(c.speed, locale),
        ]),
        empty: t("clerks.empty"),
      },
      {
        title: t("charts.volumes"),
        columns: [
          { header: t("charts.day"), share: 0.25 },
          ...channels.map((c) => ({
            header: channel(c),
            share: 0.6 / Math.max(channels.length, 1),
            numeric: true,
          })),
          { header: t("charts.total"), share: 0.15, numeric: true },
        ],
        rows: [...days.entries()].map(([day, byChannel]) => [
          formatDate(`${day}T12:00:00Z`, locale, "UTC"),
          ...channels.map((c) => formatCount(byChannel.get(c) ?? 0, locale)),
          {
            text: formatCount(
              [...byChannel.values()].reduce((a, b) => a + b, 0),
              locale,
            ),
            bold: true,
          },
        ]),
        empty: t("dashboard.none"),
      },
    ],
  };
}
