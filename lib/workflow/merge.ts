import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workItems } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { lockItemForStaff, type Staff } from "./access";
import { recordEvent } from "./record-event";

/**
 * Merge a duplicate into the item that survives: the duplicate is closed as "duplicate" and
 * points at the survivor, so its number keeps leading there. Both must be about the same
 * contract, and open. Locks are taken in id order so two clerks merging the pair the other way
 * round cannot deadlock.
 */
export async function mergeItems(
  db: Db,
  staff: Staff,
  survivorId: string,
  duplicateId: string,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  if (survivorId === duplicateId) throw new AppError("INVALID_TRANSITION");
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [firstId, secondId] = [survivorId, duplicateId].sort() as [string, string];
    const first = await lockItemForStaff(tx, staff, firstId);
    const second = await lockItemForStaff(tx, staff, secondId);
    const survivor = first.id === survivorId ? first : second;
    const duplicate = first.id === duplicateId ? first : second;
    const closed = (s: string) => s === "closed";
    if (
      closed(survivor.status) ||
      closed(duplicate.status) ||
      survivor.mergedIntoId ||
      duplicate.mergedIntoId
    )
      throw new AppError("ITEM_CLOSED");
    if (!survivor.contractId || survivor.contractId !== duplicate.contractId)
      throw new AppError("INVALID_TRANSITION", "not the same contract");
    const actor = { kind: "user" as const, userId: staff.id, role: staff.role };
    await tx
      .update(workItems)
      .set({
        mergedIntoId: survivor.id,
        status: "closed",
        outcome: "duplicate",
        closedAt: now,
        assigneeId: null,
        leaseExpiresAt: null,
        lastCustomerVisibleAt: now,
        updatedAt: now,
      })
      .where(eq(workItems.id, duplicate.id));
    await recordEvent(tx, {
      itemId: duplicate.id,
      type: "merged",
      visibility: "customer",
      actor,
      at: now,
      messageKey: "merged",
      data: { number: survivor.number },
      fromStatus: duplicate.status,
      toStatus: "closed",
    });
    await recordEvent(tx, {
      itemId: survivor.id,
      type: "merged",
      visibility: "internal",
      actor,
      at: now,
      data: { absorbed: duplicate.number },
    });
    await writeAudit(tx, {
      actor,
      action: "item.merge",
      entityType: "work_item",
      entityId: duplicate.id,
      after: { mergedInto: survivor.id },
      meta: opts.meta,
    });
    return { survivorNumber: survivor.number, duplicateNumber: duplicate.number };
  });
}
