// GET /api/v1/reports/monthly.pdf?month=YYYY-MM&department=&lang= - the monthly report as PDF (supervisors, admins)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isLocale } from "@/lib/i18n/locales";
import { reportRequest, requireReportsUser } from "@/lib/reports/access";
import { monthlyReportDocument, parseMonth } from "@/lib/reports/monthly-report";
import { renderMonthlyReportPdf } from "@/lib/reports/report-pdf";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireReportsUser();
  const db = getDb();
  const utility = await getUtility(db);
  const search = new URL(request.url).searchParams;
  const month = parseMonth(search.get("month"));
  const lang = search.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const now = new Date();
  // The filters (department, kind…) as on the dashboard; the period is the month.
  search.delete("from");
  search.delete("to");
  search.delete("month");
  search.delete("lang");
  const { scope } = reportRequest(user, search, utility.timeZone, now);
  const doc = await monthlyReportDocument(db, scope, month, locale, utility, now);
  return pdfResponse(renderMonthlyReportPdf(doc), `wasla-report-${month}.pdf`);
});
