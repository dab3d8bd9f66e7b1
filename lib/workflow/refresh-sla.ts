import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workItemEvents, workItems, type WorkItem } from "@/db/schema";
import { policyFor, type WorkflowConfig } from "./config";
import { computeSla, type SlaState } from "./sla";
import { stampItemEvents, statusHistory } from "./stamp-events";

/**
 * Recompute an item's deadlines and business-time figures from its status history under the
 * current policy, and store them on the item so compliance figures are plain queries.
 */
export async function refreshSla(
  tx: DbOrTx,
  item: WorkItem,
  config: WorkflowConfig,
  now: Date,
): Promise<SlaState> {
  const history = await statusHistory(tx, item.id);
  const state = computeSla(
    config.calendar,
    policyFor(config, item.kindCode, item.priority),
    history,
    item.firstResponseAt,
    now,
  );
  await tx
    .update(workItems)
    .set({
      firstResponseDueAt: state.firstResponseDueAt,
      resolutionDueAt: state.resolutionDueAt,
      businessMinutesTaken: state.businessMinutesTaken,
      businessMinutesLeft: state.businessMinutesLeft,
      waitingInternalMinutes: state.waitingInternalMinutes,
      updatedAt: now,
    })
    .where(eq(workItems.id, item.id));
  // Stamp the events this change wrote with the business time at that moment, so figures such
  // as time to first response are read off the events without recomputing calendars.
  await tx
    .update(workItemEvents)
    .set({ businessMinutesTaken: state.businessMinutesTaken })
    .where(
      and(
        eq(workItemEvents.itemId, item.id),
        eq(workItemEvents.at, now),
        isNull(workItemEvents.businessMinutesTaken),
      ),
    );
  // And an earlier change written without its minutes (a "take next" claim), at its instant.
  await stampItemEvents(tx, item, config, history);
  return state;
}
