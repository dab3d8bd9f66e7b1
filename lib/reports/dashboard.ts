import type { DbOrTx } from "@/db/client";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import {
  backlogAgeing,
  backlogOverTime,
  dailyVolumes,
  resolutionDistribution,
  satisfactionOverTime,
  topKeywords,
  topKinds,
} from "./breakdowns";
import { periodDays, previousPeriod, type Period } from "./filters";
import { periodFigures } from "./kpis";
import type { ReportScope } from "./scope";

/** Charts switch from days to months past this many days. */
export const MONTHLY_AFTER_DAYS = 62;

/**
 * Everything the dashboard shows for a period: the figures and those of the previous period of
 * the same length (the trends), the breakdowns and the chart series. Queries run one after the
 * other on purpose: the pool is shared with every other request of the back office.
 */
export async function loadDashboard(db: DbOrTx, scope: ReportScope, period: Period, now: Date) {
  const config = await loadWorkflowConfig(db);
  const workday = workdayMinutes(config.calendar.opensAt, config.calendar.closesAt) || 480;
  const previous = previousPeriod(period);
  const current = await periodFigures(db, scope, period, now);
  const before = await periodFigures(db, scope, previous, now);
  const ageing = await backlogAgeing(db, scope, config.calendar, workday, now);
  const kinds = await topKinds(db, scope, period);
  const keywords = await topKeywords(db, scope, period);
  const volumes = await dailyVolumes(db, scope, period);
  const backlog = await backlogOverTime(db, scope, period);
  const distribution = await resolutionDistribution(db, scope, period, workday);
  const byMonth = periodDays(period) > MONTHLY_AFTER_DAYS;
  const satisfaction = await satisfactionOverTime(db, scope, period, byMonth);
  return {
    period,
    previous,
    workdayMinutes: workday,
    current,
    before,
    ageing,
    kinds,
    keywords,
    volumes,
    backlog,
    distribution,
    satisfaction,
    byMonth,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
