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

/**
 * Take the most urgent unclaimed item of the clerk's departments (earliest resolution
 * deadline first). One short transaction; FOR UPDATE SKIP LOCKED lets twenty clerks press the
 * button at once and each get a different item. Returns null when the queue is empty.
 */
export async function takeNext(
  db: Db,
  staff: Staff,
  options: { departmentId?: string; now?: Date } = {},
): Promise<WorkItem | null> {
  const now = options.now ?? new Date();
  const departments = await departmentsOf(db, staff);
  if (departments && departments.length === 0) return null;
  if (options.departmentId && departments && !departments.includes(options.departmentId))
    throw new AppError("NOT_FOUND");
  const scope = options.departmentId
    ? sql`department_id = ${options.departmentId}`
    : departments
      ? sql`department_id in (${sql.join(
          departments.map((d) => sql`${d}`),
          sql`, `,
        )})`
      : sql`true`;
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      with next as (
        select id from work_items
        where ${scope} and status in ('new', 'in_progress') and assignee_id is null and merged_into_id is null
        order by resolution_due_at asc nulls last, created_at asc
        limit 1
        for update skip locked
      )
      update work_items w
      set assignee_id = ${staff.id}, lease_expires_at = ${leaseUntil(now)}, updated_at = ${now},
          status = case when w.status = 'new' then 'in_progress'::item_status else w.status end
      from next where w.id = next.id
      returning w.id, w.status`);
    const row = rows[0] as { id: string; status: WorkItem["status"] } | undefined;
    if (!row) return null;
    await recordClaim(tx, staff, row.id, now, "take_next");
    const [item] = await tx.select().from(workItems).where(eq(workItems.id, row.id));
    return item ?? null;
  });
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
