import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { parseReportQuery } from "./filters";
import type { ReportsT } from "./present";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What the dashboard's pages start with: the reader (a supervisor or an admin; a clerk gets
 * 403, since the dashboard is in the supervisors' menu and no secret), the utility, and the
 * period and filters of the address — the current month when they cannot be read, with
 * `badQuery` set so the page can say so.
 */
export async function reportsPageContext(
  params: Promise<{ locale: string }>,
  searchParams: Promise<SearchParams>,
) {
  const [{ locale: raw }, sp] = await Promise.all([params, searchParams]);
  const locale: Locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale);
  if (!rolesFor("dashboard").includes(user.role)) forbidden();
  const utility = await getCurrentUtility();
  const tr = await getTranslations("reports");
  const t: ReportsT = (key, values) => tr(key as never, values as never);
  const now = new Date();
  let badQuery = false;
  let query: ReturnType<typeof parseReportQuery>;
  try {
    query = parseReportQuery(sp, utility.timeZone, now);
  } catch (error) {
    if (!isAppError(error)) throw error;
    badQuery = true;
    query = parseReportQuery({}, utility.timeZone, now);
  }
  const scope = {
    staff: { id: user.id, role: user.role },
    filters: query.filters,
    timeZone: utility.timeZone,
  };
  return { locale, user, utility, now, t, badQuery, ...query, scope };
}
