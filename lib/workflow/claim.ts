import { and, eq, sql } from "drizzle-orm";
import { DatabaseError, type Pool } from "pg";
import type { Db, DbOrTx } from "@/db/client";
import { workItems, type WorkItem } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { departmentsOf, lockItemForStaff, type Staff } from "./access";
import { createBatcher, type Batcher } from "./batcher";
import { recordEvent } from "./record-event";
import { stampItemsById } from "./stamp-events";

/** How long a claim lasts without activity; every action by the holder renews it. */
export const LEASE_MINUTES = 15;

const leaseUntil = (now: Date) => new Date(now.getTime() + LEASE_MINUTES * 60_000);

/** What a "take next" event says; the same for every claim. */
const CLAIM_EVENT_DATA = JSON.stringify({ how: "take_next", leaseMinutes: LEASE_MINUTES });

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

type Press = { staff: Staff; departmentId: string | null; now: Date; leaseExpiresAt: Date };

type TakenRow = {
  pos: number;
  id: string;
  number: string;
  title: string;
  priority: WorkItem["priority"];
  department_id: string;
  resolution_due_at: Date | null;
};

/**
 * The presses of one batch, served by the database function take_next_batch (migration 0016:
 * why, and how an item is chosen) in one statement — one implicit transaction, all or nothing.
 */
async function takeNextBatch(pool: Pool, presses: readonly Press[]): Promise<(TakenItem | null)[]> {
  // A named statement is parsed and planned once per connection, then only executed.
  const { rows } = await pool.query<TakenRow>({
    name: "take-next-batch",
    text: "select * from take_next_batch($1::uuid[], $2::role[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::jsonb)",
    values: [
      presses.map((p) => p.staff.id),
      presses.map((p) => p.staff.role),
      presses.map((p) => p.departmentId),
      presses.map((p) => p.now),
      presses.map((p) => p.leaseExpiresAt),
      CLAIM_EVENT_DATA,
    ],
  });
  const taken: (TakenItem | null)[] = presses.map(() => null);
  for (const row of rows) {
    const press = presses[row.pos - 1]!;
    taken[row.pos - 1] = {
      id: row.id,
      number: row.number,
      title: row.title,
      status: "in_progress",
      priority: row.priority,
      departmentId: row.department_id,
      assigneeId: press.staff.id,
      leaseExpiresAt: press.leaseExpiresAt,
      resolutionDueAt: row.resolution_due_at,
    };
  }
  return taken;
}

/**
 * Presses are gathered per pool. Two batches at a time: one being answered while the next is
 * on its way or being read, so the database is never idle between batches; more would only
 * split the waiting presses into smaller batches that each pay the whole statement's cost.
 * Twenty clerks pressing back to back then share two statements instead of twenty, and a
 * claim costs half the database time (bench/queue.ts).
 */
const batchers = new WeakMap<Pool, Batcher<Press, TakenItem | null>>();

function batcherFor(pool: Pool): Batcher<Press, TakenItem | null> {
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = createBatcher((presses) => takeNextBatch(pool, presses), {
      maxRunning: 2,
      maxBatch: 50,
      // An error PostgreSQL answered means the statement, and so the whole batch, was undone.
      retryAlone: (error) => error instanceof DatabaseError,
    });
    batchers.set(pool, batcher);
  }
  return batcher;
}

/**
 * Take the most urgent unclaimed item of the clerk's departments (or of one of them), giving it
 * to the clerk with its timeline event and audit row. Returns null when the queue is empty;
 * NOT_FOUND for a department the clerk does not work in. Twenty clerks pressing at once each
 * get a different item, and presses that arrive together are served in one statement.
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
  return batcherFor(db.$client)({
    staff,
    departmentId: options.departmentId ?? null,
    now,
    leaseExpiresAt: leaseUntil(now),
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
    await stampItemsById(tx, [item.id]);
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
    // No longer held, the minute sweep would not see a take-next claim left unstamped.
    await stampItemsById(tx, [item.id]);
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
    await stampItemsById(
      tx,
      (rows as { id: string }[]).map((r) => r.id),
    );
    return rows.length;
  });
}
