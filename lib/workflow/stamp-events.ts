import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workItemEvents, workItems, type WorkItem } from "@/db/schema";
import { loadWorkflowConfig, policyFor, type WorkflowConfig } from "./config";
import { computeSla, type StatusChange } from "./sla";

/**
 * Business minutes for the status changes written without them.
 *
 * Every action that changes an item's status stamps its event in the same transaction
 * (refresh-sla.ts), except "take next": it claims for several clerks in one cheap statement
 * (migration 0016) with no business calendar at hand, so its events (new → in progress) arrive
 * unstamped. They are stamped afterwards, from the item's status history exactly as refreshSla
 * would have at that instant: by the next action on the item (refreshSla calls this), by a
 * release, and, for an item still held, by the worker's minute sweep (stampHeldItems). So every
 * state change carries its business-time figure, and the claim itself stays one statement.
 */

type StampedItem = Pick<WorkItem, "id" | "kindCode" | "priority" | "firstResponseAt">;

/** An item's status changes, oldest first, read from its events (the one source of truth). */
export async function statusHistory(tx: DbOrTx, itemId: string): Promise<StatusChange[]> {
  const rows = await tx
    .select({ at: workItemEvents.at, status: workItemEvents.toStatus })
    .from(workItemEvents)
    .where(and(eq(workItemEvents.itemId, itemId), isNotNull(workItemEvents.toStatus)))
    .orderBy(workItemEvents.at, workItemEvents.id);
  return rows.map((r) => ({ at: r.at, status: r.status! }));
}

/**
 * Stamp one item's unstamped status changes (none, usually: one indexed look-up). `history` may
 * be passed when the caller has just read it. Returns how many it stamped.
 */
export async function stampItemEvents(
  tx: DbOrTx,
  item: StampedItem,
  config: WorkflowConfig,
  history?: StatusChange[],
): Promise<number> {
  const pending = await tx
    .select({ id: workItemEvents.id, at: workItemEvents.at })
    .from(workItemEvents)
    .where(
      and(
        eq(workItemEvents.itemId, item.id),
        isNotNull(workItemEvents.toStatus),
        isNull(workItemEvents.businessMinutesTaken),
      ),
    );
  if (!pending.length) return 0;
  const changes = history ?? (await statusHistory(tx, item.id));
  const policy = policyFor(config, item.kindCode, item.priority);
  for (const event of pending) {
    // The item as it stood at the event: its history up to then (the event included), and its
    // first answer if it had been given by then.
    const until = changes.filter((h) => h.at <= event.at);
    const answered = item.firstResponseAt && item.firstResponseAt <= event.at;
    const state = computeSla(
      config.calendar,
      policy,
      until,
      answered ? item.firstResponseAt : null,
      event.at,
    );
    await tx
      .update(workItemEvents)
      .set({ businessMinutesTaken: state.businessMinutesTaken })
      .where(eq(workItemEvents.id, event.id));
  }
  return pending.length;
}

/**
 * The worker's minute sweep: the items clerks hold now (a small set, read through the partial
 * index on the assignee) whose claim is not stamped yet. Items are locked with SKIP LOCKED, so
 * several workers share the work and a clerk acting on an item is never waited for. Returns
 * how many events it stamped.
 */
export async function stampHeldItems(db: Db, limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      select w.id, w.kind_code, w.priority, w.first_response_at from work_items w
      where w.assignee_id is not null and exists (
        select 1 from work_item_events e where e.item_id = w.id
          and e.to_status is not null and e.business_minutes_taken is null)
      limit ${limit}
      for update of w skip locked`);
    const items = rows as {
      id: string;
      kind_code: string;
      priority: WorkItem["priority"];
      first_response_at: string | Date | null;
    }[];
    if (!items.length) return 0;
    const config = await loadWorkflowConfig(tx);
    let stamped = 0;
    for (const item of items) {
      stamped += await stampItemEvents(
        tx,
        {
          id: item.id,
          kindCode: item.kind_code,
          priority: item.priority,
          firstResponseAt: item.first_response_at ? new Date(item.first_response_at) : null,
        },
        config,
      );
    }
    return stamped;
  });
}

/** Stamp the given items' unstamped status changes (releases, after the items were handed back). */
export async function stampItemsById(tx: DbOrTx, itemIds: string[]): Promise<void> {
  if (!itemIds.length) return;
  const config = await loadWorkflowConfig(tx);
  for (const id of itemIds) {
    const [item] = await tx
      .select({
        id: workItems.id,
        kindCode: workItems.kindCode,
        priority: workItems.priority,
        firstResponseAt: workItems.firstResponseAt,
      })
      .from(workItems)
      .where(eq(workItems.id, id));
    if (item) await stampItemEvents(tx, item, config);
  }
}
