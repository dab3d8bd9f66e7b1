import { sql, type SQL } from "drizzle-orm";
import type { Staff } from "@/lib/workflow/access";
import type { Period, ReportFilters } from "./filters";

/**
 * Who is asking and what they narrowed the figures to. A supervisor sees their own departments
 * only: the rule is part of every query's WHERE clause, so a foreign department in the filter
 * simply finds nothing.
 */
export type ReportScope = {
  staff: Staff;
  filters: ReportFilters;
  timeZone: string;
};

/** The first instant of a local day and the first instant after the period, as SQL values. */
export function bounds(period: Period, timeZone: string): { start: SQL; end: SQL } {
  return {
    start: sql`((${period.from}::date)::timestamp at time zone ${timeZone})`,
    end: sql`((${period.to}::date + 1)::timestamp at time zone ${timeZone})`,
  };
}

/**
 * Conditions on the report rows (alias `w`, table report_items: one narrow row per item kept by
 * triggers) that a scope allows. Merged duplicates are left out here: the survivor carries the
 * request.
 */
export function scopeWhere(scope: ReportScope): SQL {
  const { staff, filters: f } = scope;
  const parts: SQL[] = [sql`not w.merged`];
  if (staff.role !== "admin")
    parts.push(
      sql`w.department_id in (select sd.department_id from staff_departments sd where sd.user_id = ${staff.id})`,
    );
  if (f.department)
    parts.push(
      sql`w.department_id = (select d.id from departments d where d.code = ${f.department})`,
    );
  if (f.kind) parts.push(sql`w.kind_code = ${f.kind}`);
  if (f.channel) parts.push(sql`w.channel = ${f.channel}`);
  if (f.zone) parts.push(sql`w.zone = ${f.zone}`);
  // The items a clerk took part in: any event they wrote (answer, note, resolution…) other than
  // taking or releasing the item (the partial index work_item_events_report_actor_idx).
  if (f.clerk)
    parts.push(
      sql`exists (select 1 from work_item_events ce where ce.actor_user_id = ${f.clerk}::uuid and ce.item_id = w.item_id and ce.type not in ('claimed', 'released'))`,
    );
  return sql.join(parts, sql` and `);
}

/**
 * A counted request: items attached to a mass incident count once, as the incident, through its
 * first report (the earliest attached item that is not itself a merged duplicate).
 */
export const IS_UNIT = sql`(w.incident_id is null or w.item_id = (
  select f.item_id from report_items f
  where f.incident_id = w.incident_id and not f.merged
  order by f.created_at, f.item_id limit 1))`;
