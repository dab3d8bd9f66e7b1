import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workItems, type WorkItem } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { departmentsOf, lockItemForStaff, type Staff } from "./access";
import { recordEvent } from "./record-event";

/** How long a claim lasts without activity; every action by the holder renews it. */
export const LEASE_MINUTES = 15;

const leaseUntil = (now: Date) => new Date(now.getTime() + LEASE_MINUTES * 60_000);

/** What a "take next" event says; the same for every claim, so written into the statement. */
const CLAIM_EVENT_DATA = JSON.stringify({ how: "take_next", leaseMinutes: LEASE_MINUTES });

/**
 * The whole "take next" in one statement: lock the most urgent unclaimed item (earliest
 * resolution deadline first) with SKIP LOCKED, so that twenty clerks pressing the button at
 * once each get a different item, give it to the clerk, and append its timeline event and audit
 * row. One statement is one implicit transaction — all of it or none — and one round trip
 * instead of seven: under contention the cost of a claim is what every waiting clerk pays, so
 * this path is written in SQL, by hand, with the same columns that recordEvent and writeAudit
 * write (see `recordClaim` for the general path). $1 staff id, $2 lease end, $3 now, $4 role,
 * $5 department (when scoped to one). The event's data is a constant of the statement, and only
 * the columns the caller cannot know are returned: after a claim the item is always in
 * progress, held by the clerk until $2.
 *
 * A clerk usually works in two or three departments. `heads` peeks at the first unclaimed
 * item of each (one entry of work_items_queue_idx, no lock) and orders the departments by it;
 * the first department that still has an item nobody has locked gives it, and only that row is
 * locked. Reading all the departments in one deadline order instead would step over every
 * earlier item of the other departments — tens of thousands when one team is far ahead of
 * another — on every claim; locking each department's head would hide the heads not chosen from
 * colleagues for the length of the statement, and a colleague could be told the queue is empty
 * while it is not.
 */
function takeNextSql(scope: "staff" | "admin" | "department"): string {
  const departments =
    scope === "admin"
      ? "select id as department_id from departments"
      : scope === "department"
        ? "select $5::uuid as department_id"
        : "select department_id from staff_departments where user_id = $1";
  const open = `status in ('new', 'in_progress') and assignee_id is null and merged_into_id is null`;
  const order = "resolution_due_at asc nulls last, created_at asc";
  return (
    `
    with heads as (
      select d.department_id, head.resolution_due_at, head.created_at
      from (${departments}) d
      cross join lateral (
        select resolution_due_at, created_at from work_items
        where department_id = d.department_id and ${open}
        order by ${order}
        limit 1
      ) head
      order by head.resolution_due_at asc nulls last, head.created_at asc
    ), next as (
      -- No ORDER BY here: sorting would need every department's locked row. The nested loop
      -- over a LATERAL subquery reads the departments in the order heads gave them, and
      -- stops at the first row it could lock.
      select item.id, item.status
      from heads
      cross join lateral (
        select id, status from work_items
        where department_id = heads.department_id and ${open}
        order by ${order}
        limit 1
        for update skip locked
      ) item
      limit 1
    ), claimed as (
      update work_items w
      set assignee_id = $1, lease_expires_at = $2, updated_at = $3,
          status = case when w.status = 'new' then 'in_progress'::item_status else w.status end
      from next where w.id = next.id
      returning w.id, w.number, w.title, w.priority, w.department_id, w.resolution_due_at,
        next.status as previous_status
    ), event as (
      insert into work_item_events (item_id, at, type, visibility, actor_user_id, data,
        from_status, to_status)
      select id, $3, 'claimed', 'internal', $1, '${CLAIM_EVENT_DATA}'::jsonb,
        case when previous_status = 'new' then 'new'::item_status end,
        case when previous_status = 'new' then 'in_progress'::item_status end
      from claimed
    ), audit as (
      insert into audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id)
      select $3, $1, $4::role, 'item.take_next', 'work_item', id::text from claimed
    )
    select id, number, title, priority, department_id, resolution_due_at from claimed`
      // The server copies the statement's text on every execution (activity view, portal): send
      // it without comments and indentation.
      .replace(/--.*$/gm, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const TAKE_NEXT = {
  staff: takeNextSql("staff"),
  admin: takeNextSql("admin"),
  department: takeNextSql("department"),
};

/**
 * What "take next" answers: which item the clerk now holds, and until when. The caller opens
 * the item's page, which reads the rest; sending back all forty-odd columns would cost every
 * claim the formatting and parsing of data nobody reads.
 */
export type TakenItem = Pick<
  WorkItem,
  | "id"
  | "number"
  | "title"
  | "status"
  | "priority"
  | "departmentId"
  | "assigneeId"
  | "leaseExpiresAt"
  | "resolutionDueAt"
>;

type TakenRow = {
  id: string;
  number: string;
  title: string;
  priority: WorkItem["priority"];
  department_id: string;
  resolution_due_at: Date | null;
};

/**
 * Take the most urgent unclaimed item of the clerk's departments (or of one of them). Returns
 * null when the queue is empty; NOT_FOUND for a department the clerk does not work in.
 */
export async function takeNext(
  db: Db,
  staff: Staff,
  options: { departmentId?: string; now?: Date } = {},
): Promise<TakenItem | null> {
  const now = options.now ?? new Date();
  if (options.departmentId) {
    const departments = await departmentsOf(db, staff);
    if (departments && !departments.includes(options.departmentId)) throw new AppError("NOT_FOUND");
  }
  const scope = options.departmentId ? "department" : staff.role === "admin" ? "admin" : "staff";
  const leaseExpiresAt = leaseUntil(now);
  const values: unknown[] = [staff.id, leaseExpiresAt, now, staff.role];
  if (options.departmentId) values.push(options.departmentId);
  // A named statement is parsed and planned once per connection, then only executed.
  const { rows } = await db.$client.query<TakenRow>({
    name: `take-next-${scope}`,
    text: TAKE_NEXT[scope],
    values,
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: "in_progress",
    priority: row.priority,
    departmentId: row.department_id,
    assigneeId: staff.id,
    leaseExpiresAt,
    resolutionDueAt: row.resolution_due_at,
  };
}

/** Claim one chosen item (from the queue list), if nobody holds it. */
export async function claimItem(
  db: Db,
  staff: Staff,
  itemId: string,
  now = new Date(),
): Promise<WorkItem> {
  return db.transaction(async (tx) => {
    const item = await lockItemForStaff(tx, staff, itemId);
    if (item.status === "closed" || item.status === "resolved" || item.mergedIntoId)
      throw new AppError("INVALID_TRANSITION");
    const heldByOther =
      item.assigneeId &&
      item.assigneeId !== staff.id &&
      item.leaseExpiresAt &&
      item.leaseExpiresAt > now;
    if (heldByOther) throw new AppError("ITEM_NOT_HELD", "held by a colleague");
    const status = item.status === "new" ? "in_progress" : item.status;
    const [updated] = await tx
      .update(workItems)
      .set({ assigneeId: staff.id, leaseExpiresAt: leaseUntil(now), status, updatedAt: now })
      .where(eq(workItems.id, item.id))
      .returning();
    await recordClaim(tx, staff, item.id, now, "claim", item.status === "new");
    return updated!;
  });
}

async function recordClaim(
  tx: DbOrTx,
  staff: Staff,
  itemId: string,
  now: Date,
  how: string,
  wasNew = true,
): Promise<void> {
  await recordEvent(tx, {
    itemId,
    type: "claimed",
    visibility: "internal",
    actor: { kind: "user", userId: staff.id, role: staff.role },
    at: now,
    data: { how, leaseMinutes: LEASE_MINUTES },
    ...(wasNew ? { fromStatus: "new" as const, toStatus: "in_progress" as const } : {}),
  });
  await writeAudit(tx, {
    actor: { kind: "user", userId: staff.id, role: staff.role },
    action: `item.${how}`,
    entityType: "work_item",
    entityId: itemId,
  });
}

/** Keep holding an item while working on it (the item page pings this). */
export async function renewLease(
  db: DbOrTx,
  staff: Staff,
  itemId: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(workItems)
    .set({ leaseExpiresAt: leaseUntil(now) })
    .where(
      and(
        eq(workItems.id, itemId),
        eq(workItems.assigneeId, staff.id),
        sql`${workItems.leaseExpiresAt} > ${now}`,
      ),
    )
    .returning({ id: workItems.id });
  return rows.length > 0;
}

/** Hand an item back to the queue. */
export async function releaseItem(
  db: Db,
  staff: Staff,
  itemId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await lockItemForStaff(tx, staff, itemId);
    if (item.assigneeId !== staff.id && staff.role === "clerk") throw new AppError("ITEM_NOT_HELD");
    await tx
      .update(workItems)
      .set({ assigneeId: null, leaseExpiresAt: null, updatedAt: now })
      .where(eq(workItems.id, item.id));
    await recordEvent(tx, {
      itemId: item.id,
      type: "released",
      visibility: "internal",
      actor: { kind: "user", userId: staff.id, role: staff.role },
      at: now,
    });
  });
}

/**
 * Release every lapsed lease (the clerk went home, the browser closed): the items go back to
 * the queue. Safe to run from several workers at once.
 */
export async function sweepExpiredLeases(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      update work_items set assignee_id = null, lease_expires_at = null, updated_at = ${now}
      where id in (
        select id from work_items
        where assignee_id is not null and lease_expires_at < ${now}
        for update skip locked)
      returning id, assignee_id`);
    for (const row of rows as { id: string }[]) {
      await recordEvent(tx, {
        itemId: row.id,
        type: "released",
        visibility: "internal",
        actor: { kind: "system", label: "lease-sweep" },
        at: now,
        data: { reason: "lease_expired" },
      });
    }
    return rows.length;
  });
}
