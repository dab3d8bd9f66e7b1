import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffDepartments, users, workItems } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { lockItemForStaff, type Staff } from "./access";
import { LEASE_MINUTES } from "./claim";
import { recordEvent } from "./record-event";

/**
 * A supervisor hands one or many items to a member of staff who works in each item's
 * department. All or nothing: one item the assignee may not hold refuses the whole batch.
 */
export async function reassignItems(
  db: Db,
  supervisor: Staff,
  itemIds: string[],
  assigneeId: string,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  if (supervisor.role !== "supervisor" && supervisor.role !== "admin")
    throw new AppError("FORBIDDEN");
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    const [assignee] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, assigneeId), inArray(users.role, ["clerk", "supervisor", "admin"])));
    if (!assignee)
      throw new AppError("VALIDATION_FAILED", "unknown assignee", { assigneeId: "invalid" });
    const assigneeDepartments = new Set(
      (
        await tx
          .select({ id: staffDepartments.departmentId })
          .from(staffDepartments)
          .where(eq(staffDepartments.userId, assigneeId))
      ).map((r) => r.id),
    );
    for (const itemId of [...new Set(itemIds)].sort()) {
      const item = await lockItemForStaff(tx, supervisor, itemId);
      if (item.status === "closed" || item.status === "resolved") throw new AppError("ITEM_CLOSED");
      if (assignee.role !== "admin" && !assigneeDepartments.has(item.departmentId))
        throw new AppError("VALIDATION_FAILED", "assignee not in department", {
          assigneeId: "notInDepartment",
        });
      await tx
        .update(workItems)
        .set({
          assigneeId,
          leaseExpiresAt: new Date(now.getTime() + LEASE_MINUTES * 4 * 60_000),
          status: item.status === "new" ? "in_progress" : item.status,
          updatedAt: now,
        })
        .where(eq(workItems.id, item.id));
      await recordEvent(tx, {
        itemId: item.id,
        type: "reassigned",
        visibility: "internal",
        actor: { kind: "user", userId: supervisor.id, role: supervisor.role },
        at: now,
        data: { from: item.assigneeId, to: assigneeId },
        ...(item.status === "new"
          ? { fromStatus: "new" as const, toStatus: "in_progress" as const }
          : {}),
      });
      await writeAudit(tx, {
        actor: { kind: "user", userId: supervisor.id, role: supervisor.role },
        action: "item.reassign",
        entityType: "work_item",
        entityId: item.id,
        before: { assigneeId: item.assigneeId },
        after: { assigneeId },
        meta: opts.meta,
      });
    }
  });
}
