import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Period } from "./filters";
import { IS_UNIT, bounds, scopeWhere, type ReportScope } from "./scope";

export type ClerkFigures = {
  clerkId: string;
  name: string;
  /** Requests the clerk resolved (their last resolution) in the period. */
  handled: number;
  /** Median business minutes to resolution of those requests. */
  medianMinutes: number | null;
  onTimeRate: number | null;
  ratings: number;
  quality: number | null;
  speed: number | null;
};

/**
 * Figures per clerk over a period, for the staff of the scope's departments: a request is the
 * clerk's when they wrote its last resolution. Ratings are those of the requests they resolved,
 * except the ones they filed themselves on a customer's behalf (a clerk does not rate their own
 * work through the customer they took the call from).
 */
export async function clerkFigures(
  db: DbOrTx,
  scope: ReportScope,
  period: Period,
): Promise<ClerkFigures[]> {
  const { start, end } = bounds(period, scope.timeZone);
  const where = scopeWhere(scope);
  const { rows } = await db.execute(sql`
    with resolved as (
      select w.resolved_at, w.resolution_due_at, w.filed_by_id, w.resolved_by as clerk_id,
        w.resolution_minutes as minutes, w.quality, w.speed, ${IS_UNIT} as is_unit
      from report_items w
      where ${where} and not w.is_open and w.resolved_by is not null
        and w.resolved_at >= ${start} and w.resolved_at < ${end}
    )
    select u.id as "clerkId", u.name,
      (count(*) filter (where r.is_unit))::int as handled,
      round((percentile_cont(0.5) within group (order by r.minutes) filter (where r.is_unit))::numeric, 1) as median,
      (count(*) filter (where r.is_unit and r.resolved_at <= r.resolution_due_at))::int as on_time,
      count(r.quality) filter (where r.filed_by_id is distinct from r.clerk_id)::int as ratings,
      avg(r.quality) filter (where r.filed_by_id is distinct from r.clerk_id)::float8 as quality,
      avg(r.speed) filter (where r.filed_by_id is distinct from r.clerk_id)::float8 as speed
    from resolved r
    join users u on u.id = r.clerk_id and u.role in ('clerk', 'supervisor', 'admin')
    group by u.id, u.name
    order by handled desc, u.name
  `);
  return (rows as Record<string, unknown>[]).map((r) => {
    const handled = Number(r.handled);
    return {
      clerkId: String(r.clerkId),
      name: String(r.name ?? ""),
      handled,
      medianMinutes: r.median === null ? null : Number(r.median),
      onTimeRate: handled > 0 ? Number(r.on_time) / handled : null,
      ratings: Number(r.ratings),
      quality: r.quality === null ? null : Number(r.quality),
      speed: r.speed === null ? null : Number(r.speed),
    };
  });
}
