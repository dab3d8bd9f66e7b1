// GET /api/v1/reports/kpis?from=&to=&department=&kind=&channel=&zone=&clerk= - the dashboard's figures as JSON (supervisors, admins)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { reportRequest, requireReportsUser } from "@/lib/reports/access";
import { backlogAgeing } from "@/lib/reports/breakdowns";
import { previousPeriod } from "@/lib/reports/filters";
import { periodFigures } from "@/lib/reports/kpis";
import { getUtility } from "@/lib/utility/get-utility";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { loadWorkflowConfig } from "@/lib/workflow/config";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireReportsUser();
  const db = getDb();
  const utility = await getUtility(db);
  const now = new Date();
  const { period, scope } = reportRequest(
    user,
    new URL(request.url).searchParams,
    utility.timeZone,
    now,
  );
  const config = await loadWorkflowConfig(db);
  const workday = workdayMinutes(config.calendar.opensAt, config.calendar.closesAt) || 480;
  const previous = previousPeriod(period);
  const [current, before, ageing] = [
    await periodFigures(db, scope, period, now),
    await periodFigures(db, scope, previous, now),
    await backlogAgeing(db, scope, config.calendar, workday, now),
  ];
  return json({
    from: period.from,
    to: period.to,
    timeZone: utility.timeZone,
    ...current,
    backlogAgeing: ageing,
    previous: { from: previous.from, to: previous.to, ...before },
  });
});
