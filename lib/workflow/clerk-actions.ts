import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { departments, workItems, type WorkItem } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/i18n/format";
import { assertHolds, assertOpen, lockItemForStaff, type Staff } from "./access";
import { LEASE_MINUTES } from "./claim";
import { loadWorkflowConfig, type WorkflowConfig } from "./config";
import { notifyCustomer } from "./notify-customer";
import { recordEvent } from "./record-event";
import { ratingLink } from "./rating-link";
import { refreshSla } from "./refresh-sla";

type Ctx = {
  tx: Tx;
  item: WorkItem;
  config: WorkflowConfig;
  now: Date;
  actor: { kind: "user"; userId: string; role: Staff["role"] };
};

/**
 * The frame of every staff action: lock the item, check the caller may act on it and that it
 * is open and in their hands, run the change, recompute deadlines from the status history,
 * renew the holder's lease, and write the audit row — all in one transaction.
 */
async function staffAction(
  db: Db,
  staff: Staff,
  itemId: string,
  action: string,
  change: (ctx: Ctx) => Promise<Partial<typeof workItems.$inferInsert> | void>,
  options: { now?: Date; meta?: RequestMeta; requireHeld?: boolean; allowClosed?: boolean } = {},
): Promise<WorkItem> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const item = await lockItemForStaff(tx, staff, itemId);
    if (!options.allowClosed) assertOpen(item);
    if (options.requireHeld !== false) assertHolds(staff, item, now);
    const config = await loadWorkflowConfig(tx);
    const actor = { kind: "user" as const, userId: staff.id, role: staff.role };
    const set = (await change({ tx, item, config, now, actor })) ?? {};
    const stillHeld = item.assigneeId === staff.id && !("assigneeId" in set);
    const [updated] = await tx
      .update(workItems)
      .set({
        ...set,
        ...(stillHeld ? { leaseExpiresAt: new Date(now.getTime() + LEASE_MINUTES * 60_000) } : {}),
        updatedAt: now,
      })
      .where(eq(workItems.id, item.id))
      .returning();
    await refreshSla(tx, updated!, config, now);
    await writeAudit(tx, {
      actor,
      action: `item.${action}`,
      entityType: "work_item",
      entityId: item.id,
      before: {
        status: item.status,
        departmentId: item.departmentId,
        priority: item.priority,
        assigneeId: item.assigneeId,
      },
      after: {
        status: updated!.status,
        departmentId: updated!.departmentId,
        priority: updated!.priority,
        assigneeId: updated!.assigneeId,
      },
      meta: options.meta,
    });
    const [fresh] = await tx.select().from(workItems).where(eq(workItems.id, item.id));
    return fresh!;
  });
}

/** Answer the customer (visible to them, e-mailed); the first answer stops the first-response clock. */
export function replyToCustomer(
  db: Db,
  staff: Staff,
  itemId: string,
  body: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "reply",
    async ({ tx, item, now, actor }) => {
      await recordEvent(tx, {
        itemId: item.id,
        type: "reply",
        visibility: "customer",
        actor,
        at: now,
        body,
      });
      await notifyCustomer(tx, item, "itemReply", () => ({ body }));
      return { firstResponseAt: item.firstResponseAt ?? now, lastCustomerVisibleAt: now };
    },
    opts,
  );
}

/** A note for colleagues only: never shown to the customer. */
export function addInternalNote(
  db: Db,
  staff: Staff,
  itemId: string,
  body: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "note",
    async ({ tx, item, now, actor }) => {
      await recordEvent(tx, {
        itemId: item.id,
        type: "note",
        visibility: "internal",
        actor,
        at: now,
        body,
      });
    },
    { ...opts, requireHeld: false },
  );
}

/** Ask the customer for information: the resolution clock pauses until they answer. */
export function askCustomer(
  db: Db,
  staff: Staff,
  itemId: string,
  body: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "ask_customer",
    async ({ tx, item, now, actor }) => {
      if (item.status === "resolved" || item.status === "waiting_customer")
        throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "info_requested",
        visibility: "customer",
        actor,
        at: now,
        body,
        fromStatus: item.status,
        toStatus: "waiting_customer",
      });
      await notifyCustomer(tx, item, "infoRequested", () => ({ body }));
      // The clerk does not hold the item while it waits; the answer puts it back in the queue.
      return {
        status: "waiting_customer",
        firstResponseAt: item.firstResponseAt ?? now,
        lastCustomerVisibleAt: now,
        assigneeId: null,
        leaseExpiresAt: null,
      };
    },
    opts,
  );
}

/** Wait on an internal step (a field visit): counted apart, the customer's clock keeps running. */
export function waitInternal(
  db: Db,
  staff: Staff,
  itemId: string,
  reason: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "wait_internal",
    async ({ tx, item, now, actor }) => {
      if (item.status !== "in_progress" && item.status !== "new")
        throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "internal_wait",
        visibility: "internal",
        actor,
        at: now,
        body: reason,
        fromStatus: item.status,
        toStatus: "waiting_internal",
      });
      return { status: "waiting_internal" };
    },
    opts,
  );
}

export function resumeWork(
  db: Db,
  staff: Staff,
  itemId: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "resume",
    async ({ tx, item, now, actor }) => {
      if (item.status !== "waiting_internal") throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "work_resumed",
        visibility: "internal",
        actor,
        at: now,
        fromStatus: item.status,
        toStatus: "in_progress",
      });
      return { status: "in_progress" };
    },
    opts,
  );
}

/** Send the item to another department's queue, with the reason (kept internal). */
export function transferItem(
  db: Db,
  staff: Staff,
  itemId: string,
  input: { departmentCode: string; reason: string },
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "transfer",
    async ({ tx, item, now, actor }) => {
      const [target] = await tx
        .select()
        .from(departments)
        .where(eq(departments.code, input.departmentCode));
      if (!target)
        throw new AppError("VALIDATION_FAILED", "unknown department", {
          departmentCode: "invalid",
        });
      if (target.id === item.departmentId)
        throw new AppError("VALIDATION_FAILED", "same department", {
          departmentCode: "sameDepartment",
        });
      if (item.status === "resolved") throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "transferred",
        visibility: "internal",
        actor,
        at: now,
        body: input.reason,
        data: { from: item.departmentId, to: target.id, toCode: target.code },
        fromStatus: item.status,
        toStatus: item.status === "waiting_customer" ? "waiting_customer" : "new",
      });
      await recordEvent(tx, {
        itemId: item.id,
        type: "transferred",
        visibility: "customer",
        actor: { kind: "system" },
        at: now,
        messageKey: "transferred",
        data: { department: target.code },
      });
      return {
        departmentId: target.id,
        assigneeId: null,
        leaseExpiresAt: null,
        status: item.status === "waiting_customer" ? "waiting_customer" : "new",
        // The row is locked: reading and adding one is safe.
        transferCount: item.transferCount + 1,
        lastCustomerVisibleAt: now,
      };
    },
    opts,
  );
}

/** Resolve with an outcome richer than open/closed; the customer is asked to rate it. */
export function resolveItem(
  db: Db,
  staff: Staff,
  itemId: string,
  input: {
    outcome: "resolved" | "partly_resolved" | "not_our_responsibility" | "rejected";
    note?: string;
    redirect?: string;
  },
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "resolve",
    async ({ tx, item, now, actor }) => {
      if (item.status === "resolved") throw new AppError("INVALID_TRANSITION");
      const note = [input.note, input.redirect].filter(Boolean).join("\n");
      await recordEvent(tx, {
        itemId: item.id,
        type: "resolved",
        visibility: "customer",
        actor,
        at: now,
        body: note || null,
        messageKey: "resolved",
        data: { outcome: input.outcome, redirect: input.redirect ?? null },
        fromStatus: item.status,
        toStatus: "resolved",
      });
      // The e-mail carries a signed link: the customer rates without having to sign in.
      await notifyCustomer(tx, item, "itemResolved", (locale) => ({
        outcome: translator(locale)(`items.outcome.${input.outcome}`),
        note,
        link: ratingLink(locale, item.id),
      }));
      return {
        status: "resolved",
        outcome: input.outcome,
        outcomeNote: note || null,
        resolvedAt: now,
        firstResponseAt: item.firstResponseAt ?? now,
        lastCustomerVisibleAt: now,
        assigneeId: null,
        leaseExpiresAt: null,
      };
    },
    opts,
  );
}

/** Close a resolved item (no more work expected). */
export function closeItem(
  db: Db,
  staff: Staff,
  itemId: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "close",
    async ({ tx, item, now, actor }) => {
      if (item.status !== "resolved") throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "closed",
        visibility: "customer",
        actor,
        at: now,
        messageKey: "closed",
        fromStatus: item.status,
        toStatus: "closed",
      });
      return { status: "closed", closedAt: now, lastCustomerVisibleAt: now };
    },
    { ...opts, requireHeld: false },
  );
}

/** Reopen a resolved or closed item: back to the queue, the clock runs again. */
export function reopenItem(
  db: Db,
  staff: Staff,
  itemId: string,
  reason: string,
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "reopen",
    async ({ tx, item, now, actor }) => {
      if (item.status !== "resolved" && item.status !== "closed")
        throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "reopened",
        visibility: "customer",
        actor,
        at: now,
        body: reason,
        messageKey: "reopened",
        fromStatus: item.status,
        toStatus: "new",
      });
      return {
        status: "new",
        outcome: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: item.reopenCount + 1,
        lastCustomerVisibleAt: now,
      };
    },
    { ...opts, requireHeld: false, allowClosed: true },
  );
}

/** A supervisor raises or lowers priority; deadlines follow the new priority's policy. */
export function changePriority(
  db: Db,
  staff: Staff,
  itemId: string,
  priority: WorkItem["priority"],
  opts?: { now?: Date; meta?: RequestMeta },
) {
  if (staff.role !== "supervisor" && staff.role !== "admin") throw new AppError("FORBIDDEN");
  return staffAction(
    db,
    staff,
    itemId,
    "priority",
    async ({ tx, item, now, actor }) => {
      await recordEvent(tx, {
        itemId: item.id,
        type: "priority_changed",
        visibility: "internal",
        actor,
        at: now,
        data: { from: item.priority, to: priority },
      });
      return { priority };
    },
    { ...opts, requireHeld: false },
  );
}

/**
 * Tell the customer the committed date will slip, with the reason and the new expected date
 * (the proactive notice customers otherwise discover by calling).
 */
export function announceDelay(
  db: Db,
  staff: Staff,
  itemId: string,
  input: { reason: string; newDueAt: Date },
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "announce_delay",
    async ({ tx, item, now, actor, config }) => {
      if (input.newDueAt <= now)
        throw new AppError("VALIDATION_FAILED", "date in the past", { newDueAt: "dateInPast" });
      await recordEvent(tx, {
        itemId: item.id,
        type: "deadline_changed",
        visibility: "customer",
        actor,
        at: now,
        body: input.reason,
        messageKey: "delayed",
        data: { newDueAt: input.newDueAt.toISOString() },
      });
      await notifyCustomer(tx, item, "deadlineSlipped", (locale) => ({
        reason: input.reason,
        due: formatDateTime(input.newDueAt, locale, config.calendar.timeZone),
      }));
      return { lastCustomerVisibleAt: now };
    },
    { ...opts, requireHeld: false },
  );
}

/** Record a customer's answer received by e-mail or at a counter, as if given in the portal. */
export function recordCustomerAnswer(
  db: Db,
  staff: Staff,
  itemId: string,
  input: { body: string; channel: "email" | "counter" | "phone" },
  opts?: { now?: Date; meta?: RequestMeta },
) {
  return staffAction(
    db,
    staff,
    itemId,
    "customer_answer",
    async ({ tx, item, now, actor }) => {
      if (item.status !== "waiting_customer") throw new AppError("INVALID_TRANSITION");
      await recordEvent(tx, {
        itemId: item.id,
        type: "customer_reply",
        visibility: "customer",
        actor,
        at: now,
        body: input.body,
        data: { channel: input.channel },
        fromStatus: "waiting_customer",
        toStatus: "in_progress",
      });
      return {
        status: "in_progress",
        customerReplyCount: item.customerReplyCount + 1,
        lastCustomerVisibleAt: now,
      };
    },
    { ...opts, requireHeld: false },
  );
}
