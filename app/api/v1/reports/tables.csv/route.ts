// GET /api/v1/reports/tables.csv?from=&to=&department=&kind=&channel=&zone=&clerk=&lang= - every dashboard table as CSV (supervisors, admins)
import { getDb } from "@/db/client";
import { attachment } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { reportRequest, requireReportsUser } from "@/lib/reports/access";
import { clerkFigures } from "@/lib/reports/clerks";
import { dashboardCsv } from "@/lib/reports/csv";
import { loadDashboard } from "@/lib/reports/dashboard";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireReportsUser();
  const db = getDb();
  const utility = await getUtility(db);
  const search = new URL(request.url).searchParams;
  const lang = search.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const now = new Date();
  const { period, scope } = reportRequest(user, search, utility.timeZone, now);
  const data = await loadDashboard(db, scope, period, now);
  const clerks = await clerkFigures(db, scope, period);
  const t = translator(locale);
  const csv = dashboardCsv(data, clerks, locale, (key, values) =>
    t(`reports.${key}` as never, values as never),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`wasla-report-${period.from}-${period.to}.csv`),
      "cache-control": "private, no-store",
    },
  });
});
