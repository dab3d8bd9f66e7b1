import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { inputClass, localName } from "@/components/backoffice/admin-ui";
import { ActionForm } from "@/components/forms/action-form";
import {
  Bars,
  CHANNEL_COLORS,
  ChartCard,
  Legend,
  Lines,
  StackedBars,
} from "@/components/reports/charts";
import {
  FigureCard,
  FigureGroup,
  FilterSelect,
  SimpleTable,
} from "@/components/reports/dashboard-parts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { addDays, localDate } from "@/lib/billing/dates";
import { intlTag } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { loadDashboard } from "@/lib/reports/dashboard";
import { CHANNELS, monthPeriod, reportQueryString } from "@/lib/reports/filters";
import { filterOptions } from "@/lib/reports/options";
import {
  FIGURES,
  formatBusinessMinutes,
  formatCount,
  formatFigure,
  formatScore,
  trendOf,
} from "@/lib/reports/present";
import { reportsPageContext } from "@/lib/reports/page-context";
import { isTransparencyPublic } from "@/lib/reports/settings";
import { setTransparencyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.dashboard"))("title") };
}

/**
 * The supervisors' dashboard: a period and filters in the URL (a plain GET form, so the page
 * stays a server component and the address can be bookmarked or shared), the figures with
 * their trends, the charts with their tables, and the downloads.
 */
export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, user, utility, now, t, badQuery, period, filters, scope } =
    await reportsPageContext(params, searchParams);
  const db = getDb();
  const tItems = await getTranslations("items.channel");
  const [data, options, published] = [
    await loadDashboard(db, scope, period, now),
    await filterOptions(db, user),
    user.role === "admin" ? await isTransparencyPublic(db) : false,
  ];
  const wd = data.workdayMinutes;
  const rtl = locale === "ar";
  const count = (v: number) => formatCount(v, locale);
  const shortDay = (day: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    }).format(new Date(`${day}T12:00:00Z`));
  const longDay = (day: string) =>
    new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${day}T12:00:00Z`),
    );
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${m}-15T12:00:00Z`));

  // Presets: this month, last month, the last 30 days (filters kept).
  const today = localDate(now, utility.timeZone);
  const thisMonth = { from: `${today.slice(0, 8)}01`, to: today };
  const lastMonth = monthPeriod(addDays(thisMonth.from, -1).slice(0, 7));
  const last30 = { from: addDays(today, -29), to: today };
  const qs = reportQueryString(period, filters);
  const reportMonth = period.to.slice(0, 7);

  // Chart series.
  const days: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
  const byDay = new Map<string, Map<string, number>>();
  for (const v of data.volumes) {
    if (!byDay.has(v.day)) byDay.set(v.day, new Map());
    byDay.get(v.day)!.set(v.channel, v.count);
  }
  const dayTotals = days.map((d) => [...(byDay.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const totalReceived = dayTotals.reduce((a, b) => a + b, 0);
  const busiest = dayTotals.indexOf(Math.max(...dayTotals));
  const backlogMax = data.backlog.reduce(
    (m, p) => (p.open > m.open ? p : m),
    data.backlog[0] ?? { day: period.from, open: 0 },
  );
  const bucketLabel = (from: number, to: number | null) =>
    to === null
      ? t("charts.orMore", { value: formatBusinessMinutes(from, wd, t) })
      : `< ${formatBusinessMinutes(to, wd, t)}`;
  const distTotal = data.distribution.reduce((a, b) => a + b.count, 0);
  const distTop = data.distribution.reduce(
    (m, b) => (b.count > m.count ? b : m),
    data.distribution[0]!,
  );
  const satPoints = data.satisfaction.map((s) => s.bucket);
  const qualities = data.satisfaction.map((s) => s.quality ?? 0);
  const ageLabel = (from: number, to: number | null) =>
    to === null
      ? t("ageing.over", { from })
      : from === 0
        ? t("ageing.under", { to })
        : t("ageing.range", { from, to });

  const figure = (key: string) => {
    const f = FIGURES.find((x) => x.key === key)!;
    const a = f.pick(data.current);
    const b = f.pick(data.before);
    return (
      <FigureCard
        key={key}
        testId={`figure-${key}`}
        label={t(`figures.${key}`)}
        numeric={f.kind !== "minutes"}
        value={formatFigure(f.kind, a, locale, wd, t)}
        trend={trendOf(f.kind, a, b, f.higherIsBetter, locale, wd, t)}
      />
    );
  };
  const group = (g: (typeof FIGURES)[number]["group"]) =>
    FIGURES.filter((f) => f.group === g).map((f) => figure(f.key));

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("dashboard.lead")}>{t("dashboard.title")}</PageTitle>

      <Card className="flex flex-col gap-4">
        <h2 className="font-bold">{t("dashboard.filters")}</h2>
        {badQuery ? <Alert tone="error">{t("dashboard.badQuery")}</Alert> : null}
        <form
          method="get"
          className="grid grid-cols-2 items-end gap-3 md:grid-cols-4"
          data-testid="dashboard-filters"
        >
          <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold">
            {t("dashboard.from")}
            <input
              type="date"
              name="from"
              defaultValue={period.from}
              className={`${inputClass} ltr-nums`}
            />
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold">
            {t("dashboard.to")}
            <input
              type="date"
              name="to"
              defaultValue={period.to}
              className={`${inputClass} ltr-nums`}
            />
          </label>
          <FilterSelect
            name="department"
            label={t("dashboard.department")}
            value={filters.department}
            allLabel={t("dashboard.all")}
            options={options.departments.map((d) => ({
              value: d.code,
              label: localName(d, locale),
            }))}
          />
          <FilterSelect
            name="kind"
            label={t("dashboard.kind")}
            value={filters.kind}
            allLabel={t("dashboard.all")}
            options={options.kinds.map((k) => ({ value: k.code, label: localName(k, locale) }))}
          />
          <FilterSelect
            name="channel"
            label={t("dashboard.channel")}
            value={filters.channel}
            allLabel={t("dashboard.all")}
            options={CHANNELS.map((c) => ({ value: c, label: tItems(c) }))}
          />
          <FilterSelect
            name="zone"
            label={t("dashboard.zone")}
            value={filters.zone}
            allLabel={t("dashboard.all")}
            options={options.zones.map((z) => ({ value: z, label: z }))}
          />
          <FilterSelect
            name="clerk"
            label={t("dashboard.clerk")}
            value={filters.clerk}
            allLabel={t("dashboard.all")}
            options={options.clerks.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button type="submit">{t("dashboard.apply")}</Button>
        </form>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {(
            [
              ["thisMonth", thisMonth],
              ["lastMonth", lastMonth],
              ["last30", last30],
            ] as const
          ).map(([key, p]) => (
            <Link
              key={key}
              href={`/backoffice/dashboard?${reportQueryString(p, filters)}`}
              className="font-semibold text-sky-800 underline"
            >
              {t(`dashboard.${key}`)}
            </Link>
          ))}
        </div>
        <p className="text-sm text-slate-700" data-testid="period-line">
          {t("dashboard.periodLine", {
            from: longDay(period.from),
            to: longDay(period.to),
            prevFrom: longDay(data.previous.from),
            prevTo: longDay(data.previous.to),
          })}
        </p>
        <div className="flex flex-wrap gap-3 text-sm">
          <a
            href={`/api/v1/reports/tables.csv?${qs}&lang=${locale}`}
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold text-sky-900 hover:bg-slate-50"
            data-testid="download-csv"
          >
            {t("dashboard.downloadCsv")}
          </a>
          <a
            href={`/api/v1/reports/monthly.pdf?${reportQueryString({ from: "", to: "" }, filters, { month: reportMonth, lang: locale })}`}
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold text-sky-900 hover:bg-slate-50"
            data-testid="download-pdf"
          >
            {t("dashboard.downloadPdf")} · {monthLabel(reportMonth)}
          </a>
          <Link
            href={`/backoffice/dashboard/clerks?${qs}`}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold text-sky-900 hover:bg-slate-50"
          >
            {t("dashboard.perClerk")}
          </Link>
        </div>
      </Card>

      <FigureGroup title={t("dashboard.headline")}>{group("headline")}</FigureGroup>
      <FigureGroup title={t("dashboard.time")}>{group("time")}</FigureGroup>
      <FigureGroup title={t("dashboard.satisfaction")}>{group("satisfaction")}</FigureGroup>
      <FigureGroup title={t("dashboard.escalations")}>{group("escalations")}</FigureGroup>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          testId="chart-volumes"
          title={t("charts.volumes")}
          tableLabel={t("charts.tableCaption")}
          summary={t("charts.volumesSummary", {
            total: count(totalReceived),
            days: count(days.length),
            day: totalReceived ? longDay(days[busiest]!) : "—",
            max: count(dayTotals[busiest] ?? 0),
          })}
          table={
            <SimpleTable
              headers={[t("charts.day"), ...CHANNELS.map((c) => tItems(c)), t("charts.total")]}
              rows={days.map((d, i) => [
                longDay(d),
                ...CHANNELS.map((c) => count(byDay.get(d)?.get(c) ?? 0)),
                count(dayTotals[i]!),
              ])}
            />
          }
        >
          <StackedBars
            days={days}
            series={CHANNELS.map((c) => ({ key: c, color: CHANNEL_COLORS[c]! }))}
            values={byDay}
            rtl={rtl}
            label={t("charts.volumes")}
            dayLabel={shortDay}
            format={count}
          />
          <Legend items={CHANNELS.map((c) => ({ label: tItems(c), color: CHANNEL_COLORS[c]! }))} />
        </ChartCard>

        <ChartCard
          testId="chart-backlog"
          title={t("charts.backlog")}
          tableLabel={t("charts.tableCaption")}
          summary={t("charts.backlogSummary", {
            first: count(data.backlog[0]?.open ?? 0),
            last: count(data.backlog.at(-1)?.open ?? 0),
            max: count(backlogMax.open),
            day: longDay(backlogMax.day),
          })}
          table={
            <SimpleTable
              headers={[t("charts.day"), t("charts.open")]}
              rows={data.backlog.map((p) => [longDay(p.day), count(p.open)])}
            />
          }
        >
          <Lines
            points={data.backlog.map((p) => p.day)}
            series={[{ key: "open", color: "#0b5cab", values: data.backlog.map((p) => p.open) }]}
            rtl={rtl}
            label={t("charts.backlog")}
            pointLabel={shortDay}
            format={count}
          />
        </ChartCard>

        <ChartCard
          testId="chart-distribution"
          title={t("charts.distribution")}
          tableLabel={t("charts.tableCaption")}
          summary={
            distTotal
              ? t("charts.distributionSummary", {
                  total: count(distTotal),
                  bucket: bucketLabel(distTop.from, distTop.to),
                })
              : t("charts.noData")
          }
          table={
            <SimpleTable
              headers={[t("charts.bucket"), t("dashboard.count")]}
              rows={data.distribution.map((b) => [bucketLabel(b.from, b.to), count(b.count)])}
            />
          }
        >
          <Bars
            buckets={data.distribution.map((b) => ({
              key: String(b.from),
              label: bucketLabel(b.from, b.to),
              value: b.count,
            }))}
            rtl={rtl}
            label={t("charts.distribution")}
            format={count}
          />
        </ChartCard>

        <ChartCard
          testId="chart-satisfaction"
          title={t(data.byMonth ? "charts.satisfactionMonthly" : "charts.satisfaction")}
          tableLabel={t("charts.tableCaption")}
          summary={
            data.satisfaction.length
              ? t("charts.satisfactionSummary", {
                  ratings: count(data.satisfaction.reduce((a, s) => a + s.ratings, 0)),
                  min: formatScore(Math.min(...qualities), locale),
                  max: formatScore(Math.max(...qualities), locale),
                })
              : t("charts.noData")
          }
          table={
            <SimpleTable
              headers={[
                t(data.byMonth ? "charts.month" : "charts.day"),
                t("figures.ratings"),
                t("clerks.quality"),
                t("clerks.speed"),
              ]}
              rows={data.satisfaction.map((s) => [
                data.byMonth ? monthLabel(s.bucket) : longDay(s.bucket),
                count(s.ratings),
                formatScore(s.quality, locale),
                formatScore(s.speed, locale),
              ])}
            />
          }
        >
          <Lines
            points={satPoints}
            series={[
              { key: "quality", color: "#0b5cab", values: data.satisfaction.map((s) => s.quality) },
              { key: "speed", color: "#f2a900", values: data.satisfaction.map((s) => s.speed) },
            ]}
            rtl={rtl}
            domain={[1, 5]}
            label={t(data.byMonth ? "charts.satisfactionMonthly" : "charts.satisfaction")}
            pointLabel={data.byMonth ? monthLabel : shortDay}
            format={(v) => formatScore(v, locale)}
          />
          <Legend
            items={[
              { label: t("clerks.quality"), color: "#0b5cab" },
              { label: t("clerks.speed"), color: "#f2a900" },
            ]}
          />
        </ChartCard>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="flex flex-col gap-2">
          <h2 className="font-bold">{t("dashboard.backlog")}</h2>
          <SimpleTable
            testId="ageing"
            headers={[t("charts.bucket"), t("dashboard.count")]}
            rows={data.ageing.map((b) => [ageLabel(b.fromDays, b.toDays), count(b.count)])}
          />
        </Card>
        <Card className="flex flex-col gap-2">
          <h2 className="font-bold">{t("dashboard.kinds")}</h2>
          {data.kinds.length ? (
            <SimpleTable
              testId="kinds"
              headers={[t("dashboard.kind"), t("dashboard.count")]}
              rows={data.kinds.map((k) => [localName(k, locale), count(k.count)])}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
        <Card className="flex flex-col gap-2">
          <h2 className="font-bold">{t("dashboard.keywords")}</h2>
          {data.keywords.length ? (
            <SimpleTable
              testId="keywords"
              headers={[t("csv.keyword"), t("dashboard.count")]}
              rows={data.keywords.map((k) => [k.key, count(k.count)])}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
      </div>

      {user.role === "admin" ? (
        <Card className="flex flex-col gap-3">
          <h2 className="font-bold" data-testid="transparency-admin">
            {t("transparency.adminTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {published ? t("transparency.adminOn") : t("transparency.adminOff")}
          </p>
          <ActionForm
            action={setTransparencyAction}
            submitLabel={published ? t("transparency.unpublish") : t("transparency.publish")}
            variant={published ? "secondary" : "primary"}
            className="flex flex-wrap items-center gap-3"
          >
            <input type="hidden" name="publish" value={published ? "0" : "1"} />
          </ActionForm>
          {published ? (
            <Link href="/transparency" className="text-sm font-semibold text-sky-800 underline">
              {t("transparency.view")}
            </Link>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
