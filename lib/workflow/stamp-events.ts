import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workItemEvents, workItems } from "@/db/schema";
import { loadWorkflowConfig, policyFor } from "./config";
import { statusHistory } from "./refresh-sla";
import { computeSla } from "./sla";

/**
 * Give the business minutes taken to the status changes written without them.
 *
 * Every action that changes an item's status stamps its event in the same transaction
 * (refresh-sla.ts), except "take next": it claims for several clerks in one cheap statement
 * (migration 0016) and has no business calendar at hand, so its events (new → in progress)
 * arrive unstamped. This fills them in afterwards from the item's status history, exactly as
 * refreshSla would have at that instant, so every state change carries its business-time
 * figure. The worker runs it every minute (scripts/worker.ts); rows are taken with SKIP LOCKED
 * in small batches, so several workers share the work and nobody waits. Returns how many events
 * it stamped.
 */
export async function stampPendingEvents(db: Db, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      select id, item_id, at from work_item_events
      where business_minutes_taken is null and to_status is not null
      order by id limit ${limit}
      for update skip locked`);
    const pending = rows as { id: string | number; item_id: string; at: string | Date }[];
    if (!pending.length) return 0;
    const config = await loadWorkflowConfig(tx);
    const itemIds = [...new Set(pending.map((e) => e.item_id))];
    const items = await tx
      .select({
        id: workItems.id,
        kindCode: workItems.kindCode,
        priority: workItems.priority,
        firstResponseAt: workItems.firstResponseAt,
      })
      .from(workItems)
      .where(inArray(workItems.id, itemIds));
    for (const item of items) {
      const history = await statusHistory(tx, item.id);
      const policy = policyFor(config, item.kindCode, item.priority);
      for (const event of pending.filter((e) => e.item_id === item.id)) {
        const at = new Date(event.at);
        // The item as it stood at the event: its history up to then, its first answer if given.
        const until = history.filter((h) => h.at <= at);
        if (!until.length) continue;
        const answered = item.firstResponseAt && item.firstResponseAt <= at;
        const state = computeSla(
          config.calendar,
          policy,
          until,
          answered ? item.firstResponseAt : null,
          at,
        );
        await tx
          .update(workItemEvents)
          .set({ businessMinutesTaken: state.businessMinutesTaken })
          .where(sql`${workItemEvents.id} = ${event.id}`);
      }
    }
    return pending.length;
  });
}
