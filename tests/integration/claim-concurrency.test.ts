import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import {
  auditLog,
  departments,
  staffDepartments,
  users,
  workItemEvents,
  workItems,
  type User,
} from "@/db/schema";
import { releaseItem, takeNext } from "@/lib/workflow/claim";
import { stampHeldItems } from "@/lib/workflow/stamp-events";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf } from "../helpers/workflow";

const ITEMS = 1_000;
const CLERKS = 20;

let db: Db;
let itemIds: string[];
let clerks: User[];

beforeAll(async () => {
  const { url } = await createTestDatabase();
  // Twenty clerks pressing "take next" at once need twenty connections, plus a few spare.
  db = createDb(url, { max: 25 });
  const depts = await db.select({ id: departments.id, code: departments.code }).from(departments);
  const idOf = (code: string) => depts.find((d) => d.code === code)!.id;
  const metering = idOf("metering");
  const relations = idOf("customer_relations");

  clerks = await db
    .insert(users)
    .values(
      Array.from({ length: CLERKS }, (_, i) => ({
        email: `claimer-${i}@wasla.test`,
        passwordHash: "not-a-usable-hash",
        name: `Claimer ${i}`,
        role: "clerk" as const,
        locale: "fr" as const,
      })),
    )
    .returning();
  // Half the clerks work both queues and half only customer relations, so the scans overlap
  // differently: every item is still reachable by someone.
  await db.insert(staffDepartments).values(
    clerks.flatMap((c, i) =>
      i % 2 === 0
        ? [
            { userId: c.id, departmentId: metering },
            { userId: c.id, departmentId: relations },
          ]
        : [{ userId: c.id, departmentId: relations }],
    ),
  );

  // One statement for the thousand items; a few share a deadline so the tie-break is used too.
  const { rows } = await db.execute(sql`
    insert into work_items (number, tracking_code, kind_code, channel, status, priority,
      department_id, locale, subject_type, title, description, first_response_due_at,
      resolution_due_at, business_minutes_left, created_at, updated_at)
    select 'CC-2026-' || lpad(g::text, 6, '0'), 'TRK' || lpad(g::text, 5, '0'),
      'complaint_commercial', 'web', 'new', 'normal',
      case when g % 3 = 0 then ${metering}::uuid else ${relations}::uuid end,
      'fr', 'complaint', 'Item ' || g, 'Bulk test item',
      now() + interval '1 hour', now() + ((g / 4) || ' minutes')::interval, 2400, now(), now()
    from generate_series(1, ${ITEMS}) g
    returning id`);
  itemIds = (rows as { id: string }[]).map((r) => r.id);
});

afterAll(async () => {
  await db.$client.end();
});

describe("take next under contention", () => {
  it("gives each of 1,000 items to exactly one of 20 concurrent clerks", async () => {
    const claims = await Promise.all(
      clerks.map(async (clerk) => {
        const mine: string[] = [];
        for (;;) {
          const item = await takeNext(db, clerk);
          if (!item) return { clerk, mine };
          expect(item.assigneeId).toBe(clerk.id);
          mine.push(item.id);
        }
      }),
    );

    const all = claims.flatMap((c) => c.mine);
    expect(all).toHaveLength(ITEMS);
    expect(new Set(all).size).toBe(ITEMS);
    expect([...all].sort()).toEqual([...itemIds].sort());
    // It really was shared out, not drained by whoever started first.
    expect(claims.filter((c) => c.mine.length > 0).length).toBeGreaterThan(CLERKS / 2);

    const { rows: holders } = await db.execute(sql`
      select w.id, w.assignee_id, w.status,
        (select count(*)::int from work_item_events e
          where e.item_id = w.id and e.type = 'claimed') as claimed_events
      from work_items w where w.number like 'CC-2026-%'`);
    const claimedBy = new Map(claims.flatMap((c) => c.mine.map((id) => [id, c.clerk.id])));
    expect(holders).toHaveLength(ITEMS);
    for (const row of holders as {
      id: string;
      assignee_id: string;
      status: string;
      claimed_events: number;
    }[]) {
      expect(row).toEqual({
        id: row.id,
        assignee_id: claimedBy.get(row.id),
        status: "in_progress",
        claimed_events: 1,
      });
    }

    // The claims, written by one cheap statement without a business calendar, get their
    // business minutes from the worker's sweep over held items, in batches, each once.
    let stamped = 0;
    for (let n = await stampHeldItems(db); n > 0; n = await stampHeldItems(db)) stamped += n;
    expect(stamped).toBe(ITEMS);
    const { rows: unstamped } = await db.execute(sql`
      select count(*)::int as n from work_item_events
      where to_status is not null and business_minutes_taken is null`);
    expect(unstamped[0]).toEqual({ n: 0 });
  });
});

describe("take next, one clerk at a time", () => {
  let idOf: (code: string) => string;

  beforeAll(async () => {
    const depts = await db.select({ id: departments.id, code: departments.code }).from(departments);
    idOf = (code) => depts.find((d) => d.code === code)!.id;
  });

  /** One open item due in `minutes`, in a department; the other claimers' items are all gone. */
  async function item(code: string, minutes: number, label: string): Promise<string> {
    const { rows } = await db.execute(sql`
      insert into work_items (number, tracking_code, kind_code, channel, department_id,
        subject_type, title, description, first_response_due_at, resolution_due_at, status)
      values (${label}, 'TRACK', 'letter', 'counter', ${idOf(code)}, 'letter', ${label}, 'x',
        now(), now() + make_interval(mins => ${minutes}), 'in_progress')
      returning id`);
    return (rows[0] as { id: string }).id;
  }

  it("gives the earliest deadline of the clerk's departments, and only of theirs", async () => {
    const late = await item("billing", 30, "ORD-BILLING");
    const soon = await item("connections", 10, "ORD-CONNECTIONS");
    const foreign = await item("mail_registry", 5, "ORD-REGISTRY");
    const [clerk] = await db
      .insert(users)
      .values({ email: "order@wasla.test", passwordHash: "x", name: "Order", role: "clerk" })
      .returning();
    await db.insert(staffDepartments).values([
      { userId: clerk!.id, departmentId: idOf("billing") },
      { userId: clerk!.id, departmentId: idOf("connections") },
    ]);

    expect((await takeNext(db, clerk!))?.id).toBe(soon);
    expect((await takeNext(db, clerk!))?.id).toBe(late);
    expect(await takeNext(db, clerk!)).toBeNull();
    const refused = await appErrorOf(takeNext(db, clerk!, { departmentId: idOf("mail_registry") }));
    expect(refused.code).toBe("NOT_FOUND");

    // An item already in progress (released earlier) is claimed without a status change.
    const [event] = await db
      .select()
      .from(workItemEvents)
      .where(and(eq(workItemEvents.itemId, soon), eq(workItemEvents.type, "claimed")));
    expect(event).toMatchObject({ actorUserId: clerk!.id, fromStatus: null, toStatus: null });
    expect(event!.data).toEqual({ how: "take_next", leaseMinutes: 15 });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, soon));
    expect(audit).toEqual([
      expect.objectContaining({
        action: "item.take_next",
        actorUserId: clerk!.id,
        actorRole: "clerk",
        entityType: "work_item",
      }),
    ]);

    // An administrator works every queue.
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@wasla.example"));
    expect((await takeNext(db, admin!))?.id).toBe(foreign);
  });

  it("keeps to one department when asked, and marks a new item in progress", async () => {
    const billing = await item("billing", 50, "ONE-BILLING");
    const connections = await item("connections", 1, "ONE-CONNECTIONS");
    await db.execute(sql`update work_items set status = 'new' where id = ${billing}`);
    const [clerk] = await db.select().from(users).where(eq(users.email, "order@wasla.test"));
    const taken = await takeNext(db, clerk!, { departmentId: idOf("billing") });
    expect(taken).toMatchObject({ id: billing, status: "in_progress", assigneeId: clerk!.id });
    const [event] = await db
      .select()
      .from(workItemEvents)
      .where(and(eq(workItemEvents.itemId, billing), eq(workItemEvents.type, "claimed")));
    expect(event).toMatchObject({ fromStatus: "new", toStatus: "in_progress" });
    expect((await takeNext(db, clerk!))?.id).toBe(connections);
  });
});

describe("take next, presses that arrive together", () => {
  let idOf: (code: string) => string;
  let clerk: User;

  beforeAll(async () => {
    const depts = await db.select({ id: departments.id, code: departments.code }).from(departments);
    idOf = (code) => depts.find((d) => d.code === code)!.id;
    const [created] = await db
      .insert(users)
      .values({ email: "together@wasla.test", passwordHash: "x", name: "Together", role: "clerk" })
      .returning();
    clerk = created!;
    await db.insert(staffDepartments).values([
      { userId: clerk.id, departmentId: idOf("billing") },
      { userId: clerk.id, departmentId: idOf("connections") },
    ]);
  });

  async function items(code: string, labels: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, label] of labels.entries()) {
      const { rows } = await db.execute(sql`
        insert into work_items (number, tracking_code, kind_code, channel, department_id,
          subject_type, title, description, first_response_due_at, resolution_due_at)
        values (${label}, 'TRACK', 'letter', 'counter', ${idOf(code)}, 'letter', ${label}, 'x',
          now(), now() + make_interval(mins => ${100 + i}))
        returning id`);
      ids.push((rows[0] as { id: string }).id);
    }
    return ids;
  }

  it("gives each press of one turn its own item, even a double click", async () => {
    const mine = await items("billing", ["TOG-1", "TOG-2", "TOG-3"]);
    // Pressed in the same turn of the event loop: served together, in batches side by side.
    const taken = await Promise.all([
      takeNext(db, clerk),
      takeNext(db, clerk),
      takeNext(db, clerk, { departmentId: idOf("billing") }),
      takeNext(db, clerk),
    ]);
    const ids = taken.flatMap((t) => (t ? [t.id] : []));
    expect(ids.sort()).toEqual([...mine].sort());
    expect(taken.filter((t) => t === null)).toHaveLength(1);
    for (const t of taken.filter((t) => t !== null)) {
      expect(t).toMatchObject({ status: "in_progress", assigneeId: clerk.id, priority: "normal" });
    }
    const events = await db
      .select({ itemId: workItemEvents.itemId })
      .from(workItemEvents)
      .where(and(eq(workItemEvents.actorUserId, clerk.id), eq(workItemEvents.type, "claimed")));
    expect(events.map((e) => e.itemId).sort()).toEqual([...mine].sort());
  });

  it("stamps a take-next claim's business minutes when the item is handed back", async () => {
    const [item] = await items("billing", ["TOG-7"]);
    const taken = await takeNext(db, clerk, { departmentId: idOf("billing") });
    expect(taken?.id).toBe(item);
    const claimMinutes = async () =>
      (
        await db
          .select({ minutes: workItemEvents.businessMinutesTaken })
          .from(workItemEvents)
          .where(and(eq(workItemEvents.itemId, item!), eq(workItemEvents.type, "claimed")))
      )[0]!.minutes;
    // The claim statement has no business calendar: the figure comes afterwards…
    expect(await claimMinutes()).toBeNull();
    // …here from the release, since the minute sweep only looks at items still held.
    await releaseItem(db, clerk, item!);
    expect(await claimMinutes()).toEqual(expect.any(Number));
    // Held again, so that it stays out of the next test's queue.
    expect((await takeNext(db, clerk, { departmentId: idOf("billing") }))?.id).toBe(item);
  });

  it("fails only the press the database refuses, and writes nothing for it", async () => {
    const created = await items("connections", ["TOG-4", "TOG-5", "TOG-6"]);
    // An administrator whose account was removed after they signed in: their claim would break
    // a foreign key, so the database refuses the statement, and with it a whole batch.
    const ghost = { id: "00000000-0000-4000-8000-000000000001", role: "admin" as const };
    const now = new Date();
    const refused = await db.$client
      .query(
        `select * from take_next_batch($1::uuid[], $2::role[], $3::uuid[], $4::timestamptz[],
          $5::timestamptz[], '{}'::jsonb)`,
        [
          [clerk.id, ghost.id],
          ["clerk", "admin"],
          [null, null],
          [now, now],
          [now, now],
        ],
      )
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "23503" });

    // Through takeNext the colleagues in the same batch are served all the same.
    const [first, theirs, second] = await Promise.allSettled([
      takeNext(db, clerk),
      takeNext(db, ghost),
      takeNext(db, clerk),
    ]);
    expect(theirs).toEqual({
      status: "rejected",
      reason: expect.objectContaining({ code: "23503" }),
    });
    const served = [first, second].map((r) => (r.status === "fulfilled" ? r.value?.id : r.reason));
    expect(new Set(served).size).toBe(2);
    for (const id of served) expect(created).toContain(id);
    const left = created.filter((id) => !served.includes(id));
    const [untouched] = await db.select().from(workItems).where(eq(workItems.id, left[0]!));
    expect(untouched).toMatchObject({ status: "new", assigneeId: null, leaseExpiresAt: null });
    const { rows } = await db.execute(sql`
      select (select count(*)::int from work_item_events where actor_user_id = ${ghost.id}) as events,
        (select count(*)::int from audit_log where actor_user_id = ${ghost.id}) as audits,
        (select count(*)::int from work_items where assignee_id = ${ghost.id}) as held`);
    expect(rows[0]).toEqual({ events: 0, audits: 0, held: 0 });
  });
});
