import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/backoffice/billing/format";
import { SimpleTable } from "@/components/reports/dashboard-parts";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { clerkFigures } from "@/lib/reports/clerks";
import { parseReportQuery, reportQueryString } from "@/lib/reports/filters";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import {
  formatBusinessMinutes,
  formatCount,
  formatRate,
  formatScore,
  type ReportsT,
} from "@/lib/reports/present";
import { getCurrentUtility } from "@/lib/utility/current-utility";

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
  const [{ locale: raw }, sp] = await Promise.all([params, searchParams]);
  const locale: Locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale);
  if (!rolesFor("dashboard").includes(user.role)) forbidden();
  const db = getDb();
  const utility = await getCurrentUtility();
  const tr = await getTranslations("reports");
  const t: ReportsT = (key, values) => tr(key as never, values as never);
  const now = new Date();
  let query: ReturnType<typeof parseReportQuery>;
  let badQuery = false;
  try {
    query = parseReportQuery(sp, utility.timeZone, now);
  } catch (error) {
    if (!isAppError(error)) throw error;
    badQuery = true;
    query = parseReportQuery({}, utility.timeZone, now);
  }
  const { period, filters } = query;
  const config = await loadWorkflowConfig(db);
  const wd = workdayMinutes(config.calendar.opensAt, config.calendar.closesAt) || 480;
  const rows = await clerkFigures(
    db,
    { staff: { id: user.id, role: user.role }, filters, timeZone: utility.timeZone },
    period,
  );
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
            <div className="min-w-[40rem]">
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
