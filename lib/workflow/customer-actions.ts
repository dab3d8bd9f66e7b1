import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { itemRatings, workItems, type WorkItem } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import { loadWorkflowConfig } from "./config";
import { recordEvent } from "./record-event";
import { refreshSla } from "./refresh-sla";

/** Days after which an open item with no news may be followed up, and a closed one reopened. */
export const FOLLOW_UP_AFTER_DAYS = 3;
export const REOPEN_WITHIN_DAYS = 14;
/** A rating at or below this (quality or speed) opens a customer-satisfaction item. */
export const LOW_RATING = 2;

type Customer = { id: string; role: "customer" | "clerk" | "supervisor" | "admin" };

/** Lock the customer's own item by its number; anyone else's is NOT_FOUND. */
async function lockOwnItem(tx: Tx, customer: Customer, number: string): Promise<WorkItem> {
  const [item] = await tx
    .select()
    .from(workItems)
    .where(
      and(eq(workItems.number, number.slice(0, 40)), eq(workItems.customerUserId, customer.id)),
    )
    .for("update");
  if (!item) throw new AppError("NOT_FOUND");
  return item;
}

const actorOf = (c: Customer): Actor => ({ kind: "user", userId: c.id, role: c.role });

/** The customer answers a request for information: the clock resumes, the item returns to the queue. */
export async function answerAsCustomer(
  db: Db,
  customer: Customer,
  number: string,
  body: string,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const item = await lockOwnItem(tx, customer, number);
    if (item.status === "closed" || item.mergedIntoId) throw new AppError("ITEM_CLOSED");
    const resumes = item.status === "waiting_customer";
    await recordEvent(tx, {
      itemId: item.id,
      type: "customer_reply",
      visibility: "customer",
      actor: actorOf(customer),
      at: now,
      body,
      data: { channel: "web" },
      ...(resumes
        ? { fromStatus: "waiting_customer" as const, toStatus: "in_progress" as const }
        : {}),
    });
    const [updated] = await tx
      .update(workItems)
      .set({
        ...(resumes ? { status: "in_progress" as const } : {}),
        customerReplyCount: item.customerReplyCount + 1,
        updatedAt: now,
      })
      .where(eq(workItems.id, item.id))
      .returning();
    await refreshSla(tx, updated!, await loadWorkflowConfig(tx), now);
    await writeAudit(tx, {
      actor: actorOf(customer),
      action: "item.customer_reply",
      entityType: "work_item",
      entityId: item.id,
      meta: opts.meta,
    });
    return updated!;
  });
}

/** Whether the customer may ask for a follow-up now: overdue, or no news for a few days. */
export function canFollowUp(
  item: Pick<WorkItem, "status" | "resolutionDueAt" | "lastCustomerVisibleAt" | "mergedIntoId">,
  now: Date,
): boolean {
  if (item.status === "resolved" || item.status === "closed" || item.mergedIntoId) return false;
  const overdue = item.resolutionDueAt !== null && item.resolutionDueAt < now;
  const silent =
    now.getTime() - item.lastCustomerVisibleAt.getTime() > FOLLOW_UP_AFTER_DAYS * 24 * 3600_000;
  return overdue || silent;
}

/**
 * A follow-up: a linked item in the customer-satisfaction department, a separate team that
 * checks the original is handled. One open follow-up per item at a time.
 */
export async function requestFollowUp(
  db: Db,
  customer: Customer & { locale: Locale },
  number: string,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const now = opts.now ?? new Date();
  const [item] = await db
    .select()
    .from(workItems)
    .where(
      and(eq(workItems.number, number.slice(0, 40)), eq(workItems.customerUserId, customer.id)),
    );
  if (!item) throw new AppError("NOT_FOUND");
  if (!canFollowUp(item, now)) throw new AppError("FOLLOW_UP_NOT_ALLOWED");
  const [open] = await db
    .select({ id: workItems.id })
    .from(workItems)
    .where(
      and(
        eq(workItems.parentItemId, item.id),
        eq(workItems.kindCode, "follow_up"),
        sql`${workItems.status} not in ('resolved', 'closed')`,
      ),
    );
  if (open) throw new AppError("FOLLOW_UP_NOT_ALLOWED", "a follow-up is already open");
  return fileSubmission(
    db,
    {
      kind: "follow_up",
      channel: "web",
      title: item.number,
      description: item.title,
      locale: customer.locale,
      actor: actorOf(customer),
      meta: opts.meta,
      customerUserId: customer.id,
      contractId: item.contractId,
      parentItemId: item.id,
      departmentCode: "customer_satisfaction",
      priority: "high",
      createSubject: async (tx) => {
        await recordEvent(tx, {
          itemId: item.id,
          type: "follow_up",
          visibility: "customer",
          actor: actorOf(customer),
          at: now,
          messageKey: "followUp",
        });
        await tx
          .update(workItems)
          .set({ lastCustomerVisibleAt: now })
          .where(eq(workItems.id, item.id));
        return { type: "work_item", id: item.id };
      },
    },
    now,
  );
}

/**
 * Rate a resolved or closed item once (quality and speed, 1–5). A low rating opens a
 * customer-satisfaction item. `via` says whether it came from the portal or an e-mail link.
 */
export async function rateItem(
  db: Db,
  input: {
    itemId: string;
    quality: number;
    speed: number;
    comment?: string;
    via: "portal" | "email";
    actor: Actor;
    locale: Locale;
  },
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const now = opts.now ?? new Date();
  const item = await db.transaction(async (tx) => {
    const [it] = await tx
      .select()
      .from(workItems)
      .where(eq(workItems.id, input.itemId))
      .for("update");
    if (!it) throw new AppError("NOT_FOUND");
    if (it.status !== "resolved" && it.status !== "closed")
      throw new AppError("INVALID_TRANSITION");
    const inserted = await tx
      .insert(itemRatings)
      .values({
        itemId: it.id,
        quality: input.quality,
        speed: input.speed,
        comment: input.comment ?? null,
        via: input.via,
        ratedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new AppError("ALREADY_RATED");
    await recordEvent(tx, {
      itemId: it.id,
      type: "rated",
      visibility: "customer",
      actor: input.actor,
      at: now,
      messageKey: "rated",
      data: { quality: input.quality, speed: input.speed },
    });
    await writeAudit(tx, {
      actor: input.actor,
      action: "item.rate",
      entityType: "work_item",
      entityId: it.id,
      after: { quality: input.quality, speed: input.speed, via: input.via },
      meta: opts.meta,
    });
    return it;
  });
  if (Math.min(input.quality, input.speed) <= LOW_RATING) {
    await fileSubmission(
      db,
      {
        kind: "low_rating",
        channel: input.via === "email" ? "email" : "web",
        title: item.number,
        description: input.comment ?? "",
        locale: input.locale,
        actor: { kind: "system", label: "low-rating" },
        customerUserId: item.customerUserId,
        contractId: item.contractId,
        contact: { name: item.contactName, email: item.contactEmail, phone: item.contactPhone },
        parentItemId: item.id,
        departmentCode: "customer_satisfaction",
        priority: "high",
        createSubject: async () => ({ type: "work_item", id: item.id }),
      },
      now,
    );
  }
}

/** The customer reopens an item dealt with in the last two weeks. */
export async function reopenAsCustomer(
  db: Db,
  customer: Customer,
  number: string,
  reason: string,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const item = await lockOwnItem(tx, customer, number);
    const since = item.closedAt ?? item.resolvedAt;
    if ((item.status !== "resolved" && item.status !== "closed") || !since)
      throw new AppError("INVALID_TRANSITION");
    if (now.getTime() - since.getTime() > REOPEN_WITHIN_DAYS * 24 * 3600_000)
      throw new AppError("INVALID_TRANSITION", "too late to reopen");
    await recordEvent(tx, {
      itemId: item.id,
      type: "reopened",
      visibility: "customer",
      actor: actorOf(customer),
      at: now,
      body: reason,
      messageKey: "reopened",
      fromStatus: item.status,
      toStatus: "new",
    });
    const [updated] = await tx
      .update(workItems)
      .set({
        status: "new",
        outcome: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: item.reopenCount + 1,
        lastCustomerVisibleAt: now,
        updatedAt: now,
      })
      .where(eq(workItems.id, item.id))
      .returning();
    await refreshSla(tx, updated!, await loadWorkflowConfig(tx), now);
    await writeAudit(tx, {
      actor: actorOf(customer),
      action: "item.reopen",
      entityType: "work_item",
      entityId: item.id,
      meta: opts.meta,
    });
    return updated!;
  });
}
