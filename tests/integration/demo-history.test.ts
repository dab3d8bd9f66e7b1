import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  CURRENT_OUTAGE_ITEMS,
  DUPLICATE_PAIRS,
  HISTORY_PLAN,
  PAST_OUTAGE_ITEMS,
  seedHistory,
  type HistorySummary,
} from "@/db/seed/history";
import { LETTER_PLAN } from "@/db/seed/history-letters";
import { loadDashboard } from "@/lib/reports/dashboard";
import type { Period } from "@/lib/reports/filters";
import { localDateOf } from "@/lib/workflow/wall-clock";
import { createTestDatabase } from "../helpers/db";
import { userByEmail } from "../helpers/workflow";

// A Friday morning a few days after the template's seed clock.
const NOW = new Date("2026-11-20T10:30:00Z");
const ZONE = "Africa/Casablanca";

let db: Db;
let first: HistorySummary;

beforeAll(async () => {
  // The resolution e-mails carry signed rating links, as on the server.
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  ({ db } = await createTestDatabase());
  first = await seedHistory(db, { now: NOW });
}, 120_000);

const count = async (query: ReturnType<typeof sql>) =>
  Number(((await db.execute(query)).rows[0] as { n: number | string }).n);

const planned =
  Object.values(HISTORY_PLAN).reduce((a, b) => a + b, 0) +
  PAST_OUTAGE_ITEMS +
  CURRENT_OUTAGE_ITEMS +
  DUPLICATE_PAIRS * 2;

describe("demo history", () => {
  // How long it takes is not asserted: on a loaded 2-core machine a timing test fails for the
  // machine's sake, not the code's (the start log prints the time).
  it("files the planned requests through the intake", async () => {
    expect(first.skipped).toBe(false);
    expect(first.filed).toBe(planned);
    expect(planned).toBeGreaterThanOrEqual(150);
  });

  it("leaves each request in the status its plan says", async () => {
    const { rows } = await db.execute(
      sql`select status, count(*)::int as n from work_items
           where kind_code not in ('follow_up', 'low_rating', 'letter') group by status`,
    );
    const by = Object.fromEntries(
      (rows as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    // Closed: the closed and reopened plans, both items of each duplicate pair (the merged one
    // and its survivor). Resolved: the resolved plan and the past outage's complaints.
    expect(by.closed).toBe(HISTORY_PLAN.closed + HISTORY_PLAN.reopened + DUPLICATE_PAIRS * 2);
    expect(by.resolved).toBe(HISTORY_PLAN.resolved + PAST_OUTAGE_ITEMS);
    expect(by.waiting_customer).toBe(HISTORY_PLAN.waiting_customer);
    expect(by.waiting_internal).toBe(HISTORY_PLAN.waiting_internal);
    // Two of the new ones were just taken by the clerks' "take next".
    expect((by.new ?? 0) + (by.in_progress ?? 0)).toBe(
      HISTORY_PLAN.new +
        HISTORY_PLAN.in_progress +
        HISTORY_PLAN.followed_up +
        HISTORY_PLAN.transferred +
        CURRENT_OUTAGE_ITEMS,
    );
    const open = await count(
      sql`select count(*) as n from work_items
           where status not in ('resolved', 'closed') and kind_code <> 'letter'`,
    );
    expect(open).toBeGreaterThanOrEqual(30);
    expect(open).toBeLessThanOrEqual(45);
    // The supporting cast: follow-ups, low ratings, a merge, two incidents, transfers, reopenings.
    expect(
      await count(sql`select count(*) as n from work_items where kind_code = 'follow_up'`),
    ).toBe(HISTORY_PLAN.followed_up);
    expect(
      await count(sql`select count(*) as n from work_items where kind_code = 'low_rating'`),
    ).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*) as n from work_items where merged_into_id is not null`),
    ).toBe(DUPLICATE_PAIRS);
    expect(
      await count(sql`select count(*) as n from work_items where transfer_count > 0`),
    ).toBeGreaterThanOrEqual(HISTORY_PLAN.transferred);
    expect(await count(sql`select count(*) as n from work_items where reopen_count > 0`)).toBe(
      HISTORY_PLAN.reopened,
    );
    const incidents = await db.execute(
      sql`select i.status, count(w.id)::int as n from incidents i
            left join work_items w on w.incident_id = i.id group by i.id, i.status order by i.status`,
    );
    expect(incidents.rows).toEqual([
      { status: "open", n: CURRENT_OUTAGE_ITEMS },
      { status: "resolved", n: PAST_OUTAGE_ITEMS },
    ]);
    const taken = await count(
      sql`select count(*) as n from work_items where assignee_id is not null and lease_expires_at > ${NOW}`,
    );
    expect(taken).toBe(2);
  });

  it("registers the letters in date order, distributes them and registers the replies", async () => {
    expect(first.letters).toBe(
      LETTER_PLAN.replied + LETTER_PLAN.distributed + LETTER_PLAN.registered,
    );
    const { rows: incoming } = await db.execute(sql`
      select e.registry_no, e.registered_at, w.status
        from registry_entries e join work_items w on w.number = e.registry_no
       where e.direction = 'incoming' order by e.registry_no`);
    const entries = incoming as { registry_no: string; registered_at: string; status: string }[];
    expect(entries).toHaveLength(first.letters);
    // Gap-free numbers, given in the order the letters arrived.
    const year = new Date(entries[0]!.registered_at).getUTCFullYear();
    entries.forEach((e, i) =>
      expect(e.registry_no).toBe(`ARR-${year}-${String(i + 1).padStart(6, "0")}`),
    );
    const times = entries.map((e) => new Date(e.registered_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The answered letters are resolved; the others wait on the office or a department.
    expect(entries.filter((e) => e.status === "resolved")).toHaveLength(LETTER_PLAN.replied);
    const outgoing = await count(
      sql`select count(*) as n from registry_entries where direction = 'outgoing'`,
    );
    expect(outgoing).toBe(LETTER_PLAN.replied);
    const distributed = await count(
      sql`select count(distinct entry_id) as n from registry_distributions`,
    );
    expect(distributed).toBe(LETTER_PLAN.replied + LETTER_PLAN.distributed);
  });

  it("spreads over 90 days, the channels, kinds, departments, zones and priorities", async () => {
    const { rows } = await db.execute(sql`
      select count(distinct channel)::int as channels, count(distinct kind_code)::int as kinds,
             count(distinct department_id)::int as departments, count(distinct zone)::int as zones,
             count(distinct priority)::int as priorities, count(distinct locale)::int as locales,
             min(created_at) as oldest, max(created_at) as newest
        from work_items`);
    const r = rows[0] as Record<string, number | string>;
    expect(r).toMatchObject({ channels: 5, priorities: 4, locales: 3 });
    expect(r.kinds).toBeGreaterThanOrEqual(8);
    expect(r.departments).toBeGreaterThanOrEqual(5);
    expect(r.zones).toBeGreaterThanOrEqual(6);
    const oldest = new Date(r.oldest as string).getTime();
    expect(NOW.getTime() - oldest).toBeGreaterThan(80 * 24 * 3600_000);
    expect(NOW.getTime() - oldest).toBeLessThan(92 * 24 * 3600_000);
    expect(new Date(r.newest as string).getTime()).toBeLessThan(NOW.getTime());
    // Nothing in the history happens after its end.
    expect(await count(sql`select count(*) as n from work_item_events where at > ${NOW}`)).toBe(0);
  });

  it("gives every item its created event and its filing audit row", async () => {
    expect(
      await count(sql`select count(*) as n from work_items w where not exists (
        select 1 from work_item_events e where e.item_id = w.id and e.type = 'created')`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from work_items w where not exists (
        select 1 from audit_log a where a.entity_id = w.id::text and a.action = 'item.file')`),
    ).toBe(0);
  });

  it("fills the supervisor's dashboard for the last 30 days", async () => {
    const supervisor = await userByEmail(db, "supervisor@wasla.example");
    const period: Period = {
      from: localDateOf(new Date(NOW.getTime() - 29 * 24 * 3600_000), ZONE),
      to: localDateOf(NOW, ZONE),
    };
    const scope = {
      staff: { id: supervisor.id, role: supervisor.role },
      filters: {},
      timeZone: ZONE,
    };
    const d = await loadDashboard(db, scope, period, NOW);
    expect(d.current.received).toBeGreaterThan(40);
    expect(d.current.resolved).toBeGreaterThan(40);
    expect(d.current.open).toBeGreaterThanOrEqual(25);
    // Some late, most on time.
    expect(d.current.onTimeRate).toBeGreaterThan(0.5);
    expect(d.current.onTimeRate).toBeLessThan(1);
    expect(d.current.satisfaction.ratings).toBeGreaterThan(10);
    expect(d.current.satisfaction.quality).toBeGreaterThan(2);
    expect(d.current.satisfaction.satisfiedShare).toBeGreaterThan(0);
    expect(d.current.satisfaction.satisfiedShare).toBeLessThan(1);
    expect(d.current.followUps).toBeGreaterThan(0);
    expect(d.before.received).toBeGreaterThan(20);
    expect(
      d.volumes.some((v) => Object.values(v).some((x) => typeof x === "number" && x > 0)),
    ).toBe(true);
    expect(d.kinds.length).toBeGreaterThan(3);
    expect(d.satisfaction.length).toBeGreaterThan(0);
  });

  it("adds nothing when run again", async () => {
    const before = await count(sql`select (select count(*) from work_items)
      + (select count(*) from work_item_events) + (select count(*) from item_ratings)
      + (select count(*) from incidents) + (select count(*) from audit_log) as n`);
    const again = await seedHistory(db, { now: NOW });
    expect(again.skipped).toBe(true);
    const after = await count(sql`select (select count(*) from work_items)
      + (select count(*) from work_item_events) + (select count(*) from item_ratings)
      + (select count(*) from incidents) + (select count(*) from audit_log) as n`);
    expect(after).toBe(before);
  });
});
