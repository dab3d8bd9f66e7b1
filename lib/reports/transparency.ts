import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addMonths, localDate } from "@/lib/billing/dates";
import { IS_UNIT } from "./scope";

export type PublicMonth = {
  month: string;
  received: number;
  completionRate: number | null;
  ratings: number;
  satisfiedShare: number | null;
  quality: number | null;
};

/**
 * The figures a utility publishes, per local month: requests received, the share of them
 * completed, and the customers' satisfaction with the requests resolved that month. Counts and
 * shares only — nothing that names or identifies a customer or a member of staff. The current
 * month is left out until it is over.
 */
export async function publicMonthlyFigures(
  db: DbOrTx,
  timeZone: string,
  now: Date,
  months = 12,
): Promise<PublicMonth[]> {
  const thisMonth = `${localDate(now, timeZone).slice(0, 7)}-01`;
  const first = addMonths(thisMonth, -months);
  const start = sql`((${first}::date)::timestamp at time zone ${timeZone})`;
  const end = sql`((${thisMonth}::date)::timestamp at time zone ${timeZone})`;
  const { rows } = await db.execute(sql`
    with received as (
      select to_char(w.created_at at time zone ${timeZone}, 'YYYY-MM') as month,
        count(*)::int as received,
        (count(*) filter (where not w.is_open))::int as completed
      from report_items w
      where not w.merged and ${IS_UNIT} and w.created_at >= ${start} and w.created_at < ${end}
      group by 1
    ),
    rated as (
      select to_char(w.resolved_at at time zone ${timeZone}, 'YYYY-MM') as month,
        count(*)::int as ratings,
        (count(*) filter (where w.quality >= 4 and w.speed >= 4))::int as satisfied,
        avg(w.quality)::float8 as quality
      from report_items w
      where not w.merged and not w.is_open and w.quality is not null
        and w.resolved_at >= ${start} and w.resolved_at < ${end}
      group by 1
    ),
    months as (
      select to_char(m, 'YYYY-MM') as month
      from generate_series(${first}::date, ${thisMonth}::date - 1, interval '1 month') m
    )
    select months.month, coalesce(received.received, 0) as received,
      coalesce(received.completed, 0) as completed, coalesce(rated.ratings, 0) as ratings,
      coalesce(rated.satisfied, 0) as satisfied, rated.quality
    from months left join received using (month) left join rated using (month)
    order by months.month desc
  `);
  return (rows as Record<string, unknown>[]).map((r) => {
    const received = Number(r.received);
    const ratings = Number(r.ratings);
    return {
      month: String(r.month),
      received,
      completionRate: received ? Number(r.completed) / received : null,
      ratings,
      satisfiedShare: ratings ? Number(r.satisfied) / ratings : null,
      quality: r.quality === null ? null : Number(r.quality),
    };
  });
}
