import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/backoffice/billing/format";
import { SimpleTable } from "@/components/reports/dashboard-parts";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { Link } from "@/lib/i18n/navigation";
import { clerkFigures } from "@/lib/reports/clerks";
import { reportQueryString } from "@/lib/reports/filters";
import { reportsPageContext } from "@/lib/reports/page-context";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { formatBusinessMinutes, formatCount, formatRate, formatScore } from "@/lib/reports/present";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.clerks"))("title") };
}

/** Per clerk over the dashboard's period and filters: handled, median time, on time, ratings. */
export default async function ClerksPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, badQuery, period, filters, scope } = await reportsPageContext(
    params,
    searchParams,
  );
  const db = getDb();
  const config = await loadWorkflowConfig(db);
  const wd = workdayMinutes(config.calendar.opensAt, config.calendar.closesAt) || 480;
  const rows = await clerkFigures(db, scope, period);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("clerks.lead")}>{t("clerks.title")}</PageTitle>
      {badQuery ? <Alert tone="error">{t("dashboard.badQuery")}</Alert> : null}
      <p className="text-sm text-slate-700">
        <bdi dir="ltr" className="ltr-nums">
          {period.from} – {period.to}
        </bdi>
        {" · "}
        <Link
          href={`/backoffice/dashboard?${reportQueryString(period, filters)}`}
          className="font-semibold text-sky-800 underline"
        >
          {t("clerks.back")}
        </Link>
      </p>
      <Card>
        {rows.length ? (
          <TableScroll>
            <div className="min-w-[32rem]">
              <SimpleTable
                testId="clerks"
                headers={[
                  t("clerks.name"),
                  t("clerks.handled"),
                  t("clerks.median"),
                  t("clerks.onTime"),
                  t("clerks.ratings"),
                  t("clerks.quality"),
                  t("clerks.speed"),
                ]}
                rows={rows.map((r) => [
                  r.name,
                  formatCount(r.handled, locale),
                  formatBusinessMinutes(r.medianMinutes, wd, t),
                  formatRate(r.onTimeRate, locale),
                  formatCount(r.ratings, locale),
                  formatScore(r.quality, locale),
                  formatScore(r.speed, locale),
                ])}
              />
            </div>
          </TableScroll>
        ) : (
          <p className="text-sm text-slate-600">{t("clerks.empty")}</p>
        )}
      </Card>
    </div>
  );
}
