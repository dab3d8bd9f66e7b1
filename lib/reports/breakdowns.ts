import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { businessMinutesBetween, type BusinessCalendar } from "@/lib/workflow/business-time";
import type { Period } from "./filters";
import { IS_UNIT, bounds, scopeWhere, type ReportScope } from "./scope";

/** Backlog age buckets, in working days of the calendar's regular day (lower bound inclusive). */
export const AGEING_BUCKETS = [0, 1, 3, 5, 10] as const;

export type AgeingBucket = { fromDays: number; toDays: number | null; count: number };

/**
 * The instant `minutes` business minutes before `now`: the latest filing time of a request that
 * is at least that old in business time. A bisection on businessMinutesBetween, which is
 * monotonic in its start.
 */
export function businessInstantBefore(cal: BusinessCalendar, now: Date, minutes: number): Date {
  if (minutes <= 0) return now;
  let lo = now.getTime() - 86_400_000;
  // Widen until the window holds enough business time (holidays, weekends).
  while (businessMinutesBetween(cal, new Date(lo), now) < minutes) {
    lo -= Math.max(now.getTime() - lo, 86_400_000);
    if (now.getTime() - lo > 20 * 366 * 86_400_000) return new Date(lo);
  }
  let hi = now.getTime();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMinutesBetween(cal, new Date(mid), now) >= minutes) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/**
 * Open requests by business age (business time since filing, as the customer counts it), now.
 * The bucket limits are turned into filing instants first, so the query is a range count.
 */
export async function backlogAgeing(
  db: DbOrTx,
  scope: ReportScope,
  cal: BusinessCalendar,
  workdayMinutes: number,
  now: Date,
): Promise<AgeingBucket[]> {
  const limits = AGEING_BUCKETS.slice(1).map((days) =>
    businessInstantBefore(cal, now, days * workdayMinutes).toISOString(),
  );
  const { rows } = await db.execute(sql`
    select
      count(*) filter (where w.created_at > ${limits[0]}::timestamptz)::int as b0,
      count(*) filter (where w.created_at <= ${limits[0]}::timestamptz and w.created_at > ${limits[1]}::timestamptz)::int as b1,
      count(*) filter (where w.created_at <= ${limits[1]}::timestamptz and w.created_at > ${limits[2]}::timestamptz)::int as b2,
      count(*) filter (where w.created_at <= ${limits[2]}::timestamptz and w.created_at > ${limits[3]}::timestamptz)::int as b3,
      count(*) filter (where w.created_at <= ${limits[3]}::timestamptz)::int as b4
    from report_items w
    where ${scopeWhere(scope)} and ${IS_UNIT} and w.is_open
  `);
  const r = rows[0] as Record<string, number>;
  return AGEING_BUCKETS.map((fromDays, i) => ({
    fromDays,
    toDays: AGEING_BUCKETS[i + 1] ?? null,
    count: Number(r[`b${i}`] ?? 0),
  }));
}

export type CountRow = { key: string; count: number };

/** The request kinds most received in the period. */
export async function topKinds(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
  limit = 8,
): Promise<(CountRow & { nameAr: string; nameFr: string; nameEn: string })[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const { rows } = await db.execute(sql`
    select w.kind_code as key, k.name_ar as "nameAr", k.name_fr as "nameFr", k.name_en as "nameEn",
      count(*)::int as count
    from report_items w join request_kinds k on k.code = w.kind_code
    where ${scopeWhere(scope)} and ${IS_UNIT} and w.created_at >= ${start} and w.created_at < ${end}
    group by 1, 2, 3, 4 order by count desc, key limit ${limit}
  `);
  return rows as (CountRow & { nameAr: string; nameFr: string; nameEn: string })[];
}

/**
 * The routing keywords found most often in the requests received: each request counts once
 * per keyword of the rule that routed it that its text contained when filed (titles are the
 * kinds' names, so only the text counts).
 */
export async function topKeywords(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
  limit = 10,
): Promise<CountRow[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const { rows } = await db.execute(sql`
    select kw.word as key, count(*)::int as count
    from report_items w cross join lateral unnest(w.keywords) as kw(word)
    where ${scopeWhere(scope)} and ${IS_UNIT} and w.created_at >= ${start} and w.created_at < ${end}
    group by 1 order by count desc, key limit ${limit}
  `);
  return rows as CountRow[];
}

export type DailyChannelRow = { day: string; channel: string; count: number };

/** Requests received per local day and channel. */
export async function dailyVolumes(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
): Promise<DailyChannelRow[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const { rows } = await db.execute(sql`
    select to_char((w.created_at at time zone ${scope.timeZone})::date, 'YYYY-MM-DD') as day,
      w.channel::text as channel, count(*)::int as count
    from report_items w
    where ${scopeWhere(scope)} and ${IS_UNIT} and w.created_at >= ${start} and w.created_at < ${end}
    group by 1, 2 order by 1, 2
  `);
  return rows as DailyChannelRow[];
}

export type BacklogPoint = { day: string; open: number };

/**
 * Open requests at the end of each local day of the period, replayed from the events' moves
 * (report_moves): a request opens when it is filed or reopened and closes when it is resolved.
 * Counting back from the requests open now reads only the moves since the period began.
 */
export async function backlogOverTime(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
): Promise<BacklogPoint[]> {
  const { start } = bounds(period, scope.timeZone);
  const where = scopeWhere(scope);
  const { rows } = await db.execute(sql`
    with moves as (
      select (w.at at time zone ${scope.timeZone})::date as day, w.delta as n
      from report_moves w
      where w.at >= ${start} and ${where} and ${IS_UNIT}
    ),
    per_day as (select day, sum(n)::int as n from moves group by day),
    open_now as (
      select count(*)::int as n from report_items w
      where ${where} and ${IS_UNIT} and w.is_open
    ),
    days as (select generate_series(${period.from}::date, ${period.to}::date, interval '1 day')::date as day)
    select to_char(days.day, 'YYYY-MM-DD') as day,
      ((select n from open_now)
        - (select coalesce(sum(n), 0) from per_day)
        + sum(coalesce(per_day.n, 0)) over (order by days.day))::int as open
    from days left join per_day using (day) order by days.day
  `);
  return rows as BacklogPoint[];
}

/** Time-to-resolution buckets in business minutes (lower bound inclusive); hours then days. */
export function resolutionBuckets(workdayMinutes: number): number[] {
  return [0, 60, 240, workdayMinutes, 2 * workdayMinutes, 5 * workdayMinutes, 10 * workdayMinutes];
}

export type DistributionRow = { from: number; to: number | null; count: number };

/** How long the requests resolved in the period took, in business time. */
export async function resolutionDistribution(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
  workdayMinutes: number,
): Promise<DistributionRow[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const limits = resolutionBuckets(workdayMinutes);
  const { rows } = await db.execute(sql`
    select width_bucket(w.resolution_minutes, ${`{${limits.join(",")}}`}::int[]) as bucket,
      count(*)::int as count
    from report_items w
    where ${scopeWhere(scope)} and ${IS_UNIT} and not w.is_open
      and w.resolved_at >= ${start} and w.resolved_at < ${end} and w.resolution_minutes is not null
    group by 1
  `);
  const counts = new Map(
    (rows as { bucket: number; count: number }[]).map((r) => [r.bucket, r.count]),
  );
  return limits.map((from, i) => ({
    from,
    to: limits[i + 1] ?? null,
    count: counts.get(i + 1) ?? 0,
  }));
}

export type SatisfactionPoint = {
  bucket: string;
  ratings: number;
  quality: number | null;
  speed: number | null;
};

/**
 * Average scores per local day of resolution (per month over periods longer than two months),
 * from the ratings of the requests resolved in the period.
 */
export async function satisfactionOverTime(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
  byMonth: boolean,
): Promise<SatisfactionPoint[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const format = byMonth ? "YYYY-MM" : "YYYY-MM-DD";
  const { rows } = await db.execute(sql`
    select to_char(w.resolved_at at time zone ${scope.timeZone}, ${format}) as bucket,
      count(*)::int as ratings, avg(w.quality)::float8 as quality, avg(w.speed)::float8 as speed
    from report_items w
    where ${scopeWhere(scope)} and not w.is_open and w.quality is not null
      and w.resolved_at >= ${start} and w.resolved_at < ${end}
    group by 1 order by 1
  `);
  return rows as SatisfactionPoint[];
}
