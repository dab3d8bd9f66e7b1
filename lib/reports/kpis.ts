import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Period } from "./filters";
import { IS_UNIT, bounds, scopeWhere, type ReportScope } from "./scope";

/** Median and 90th percentile, in business minutes to a tenth; null when nothing was measured. */
export type Percentiles = { p50: number | null; p90: number | null };

/** The headline figures of one period (rates 0–1, durations in business minutes). */
export type PeriodFigures = {
  received: number;
  resolved: number;
  /** Requests open at the end of the period (replayed from the filing, resolution and reopening events). */
  open: number;
  /** Of the requests received in the period, the share resolved or closed since. */
  completionRate: number | null;
  /** Of the requests due an answer, the share answered by their first-response deadline. */
  firstResponseOnTimeRate: number | null;
  /** Of the requests resolved in the period, the share resolved by their deadline. */
  onTimeRate: number | null;
  /** Of the requests resolved in the period: no reopening, no transfer, no question to the customer. */
  firstContactResolutionRate: number | null;
  timeToFirstResponse: Percentiles;
  timeToResolution: Percentiles;
  satisfaction: {
    ratings: number;
    quality: number | null;
    speed: number | null;
    /** Share of ratings with both scores at 4 or 5. */
    satisfiedShare: number | null;
    /** Ratings per resolved item (each customer is asked once). */
    responseRate: number | null;
  };
  escalations: number;
  followUps: number;
};

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The headline figures of a period, read from the items and their events in SQL. Days are the
 * utility's local days (Africa/Casablanca), so a request filed at 00:30 local time on the 1st
 * belongs to that month even though it is still the previous day in UTC.
 *
 * Counting rules: a merged duplicate is not a request (its survivor is); the items attached to a
 * mass incident are one request, the incident's first report; a reopened item is one request,
 * resolved at its last resolution. Satisfaction counts every customer's rating of a resolved
 * item (each attached customer is surveyed on their own).
 */
export async function periodFigures(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
  now: Date,
): Promise<PeriodFigures> {
  const { start, end } = bounds(period, scope.timeZone);
  const where = scopeWhere(scope);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const { rows } = await db.execute(sql`
    with received as (
      select w.is_open, w.first_response_due_at, w.first_response_at as at,
        w.first_response_minutes as minutes
      from report_items w
      where ${where} and ${IS_UNIT} and w.created_at >= ${start} and w.created_at < ${end}
    ),
    resolved as (
      select w.resolved_at, w.resolution_due_at, w.resolution_minutes as minutes, w.not_first_contact
      from report_items w
      where ${where} and ${IS_UNIT} and not w.is_open
        and w.resolved_at >= ${start} and w.resolved_at < ${end}
    ),
    open_at_end as (
      select (select count(*) from report_items w where ${where} and ${IS_UNIT} and w.is_open)
        - (select coalesce(sum(w.delta), 0) from report_moves w
          where w.at >= ${end} and ${where} and ${IS_UNIT}) as n
    ),
    rated as (
      select count(*)::int as resolved_items, count(w.quality)::int as ratings,
        avg(w.quality)::float8 as quality, avg(w.speed)::float8 as speed,
        (count(*) filter (where w.quality >= 4 and w.speed >= 4))::int as satisfied
      from report_items w
      where ${where} and not w.is_open and w.resolved_at >= ${start} and w.resolved_at < ${end}
    )
    select
      (select count(*)::int from received) as received,
      (select count(*)::int from received where not is_open) as completed,
      (select count(*)::int from received
        where at is not null or first_response_due_at < least(${nowSql}, ${end})) as due_answer,
      (select count(*)::int from received where at <= first_response_due_at) as answered_on_time,
      (select round(percentile_cont(0.5) within group (order by minutes)::numeric, 1) from received where at is not null) as ttfr50,
      (select round(percentile_cont(0.9) within group (order by minutes)::numeric, 1) from received where at is not null) as ttfr90,
      (select count(*)::int from resolved) as resolved,
      (select count(*)::int from resolved where resolved_at <= resolution_due_at) as resolved_on_time,
      (select count(*)::int from resolved where not not_first_contact) as first_contact,
      (select round(percentile_cont(0.5) within group (order by minutes)::numeric, 1) from resolved) as ttr50,
      (select round(percentile_cont(0.9) within group (order by minutes)::numeric, 1) from resolved) as ttr90,
      (select n from open_at_end) as open,
      rated.*,
      (select count(*)::int from item_escalations x join report_items w on w.item_id = x.item_id
        where ${where} and ${IS_UNIT} and x.fired_at >= ${start} and x.fired_at < ${end}) as escalations,
      (select count(*)::int from work_item_events x join report_items w on w.item_id = x.item_id
        where ${where} and ${IS_UNIT} and x.type = 'follow_up' and x.at >= ${start} and x.at < ${end}) as follow_ups
    from rated
  `);
  const r = rows[0] as Record<string, unknown>;
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    received: n("received"),
    resolved: n("resolved"),
    open: n("open"),
    completionRate: rate(n("completed"), n("received")),
    firstResponseOnTimeRate: rate(n("answered_on_time"), n("due_answer")),
    onTimeRate: rate(n("resolved_on_time"), n("resolved")),
    firstContactResolutionRate: rate(n("first_contact"), n("resolved")),
    timeToFirstResponse: { p50: num(r.ttfr50), p90: num(r.ttfr90) },
    timeToResolution: { p50: num(r.ttr50), p90: num(r.ttr90) },
    satisfaction: {
      ratings: n("ratings"),
      quality: num(r.quality),
      speed: num(r.speed),
      satisfiedShare: rate(n("satisfied"), n("ratings")),
      responseRate: rate(n("ratings"), n("resolved_items")),
    },
    escalations: n("escalations"),
    followUps: n("follow_ups"),
  };
}
