import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  registryDistributions,
  registryEntries,
  registryReplies,
  workItems,
  type RegistryReply,
  type WorkItem,
} from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { assertOpen, lockItemForStaff, type Staff } from "@/lib/workflow/access";
import { loadWorkflowConfig, type WorkflowConfig } from "@/lib/workflow/config";
import { notifyCustomer } from "@/lib/workflow/notify-customer";
import { yearInZone } from "@/lib/workflow/numbering";
import { recordEvent } from "@/lib/workflow/record-event";
import { refreshSla } from "@/lib/workflow/refresh-sla";
import { entryForRegistryStaff, registryItemId } from "./access";
import { replyLetterLink } from "./links";
import { nextRegistryNumber } from "./numbers";

type Opts = { now?: Date; meta?: RequestMeta };

const actorOf = (staff: Staff): Actor & { kind: "user" } => ({
  kind: "user",
  userId: staff.id,
  role: staff.role,
});

/** Lock a reply row; an unknown id is NOT_FOUND. */
async function lockReply(tx: Tx, replyId: string): Promise<RegistryReply> {
  if (!isUuid(replyId)) throw new AppError("NOT_FOUND");
  const [reply] = await tx
    .select()
    .from(registryReplies)
    .where(eq(registryReplies.id, replyId))
    .for("update");
  if (!reply) throw new AppError("NOT_FOUND");
  return reply;
}

/** Apply a status change to an item with its event, deadlines recomputed (as the engine does). */
async function moveItem(
  tx: Tx,
  item: WorkItem,
  config: WorkflowConfig,
  change: {
    to: WorkItem["status"];
    actor: Actor;
    now: Date;
    visibility: "customer" | "internal";
    type: "reply" | "resolved";
    body?: string;
    messageKey: string;
    data?: Record<string, unknown>;
  },
): Promise<WorkItem> {
  await recordEvent(tx, {
    itemId: item.id,
    type: change.type,
    visibility: change.visibility,
    actor: change.actor,
    at: change.now,
    body: change.body ?? null,
    messageKey: change.messageKey,
    data: change.data ?? null,
    fromStatus: item.status,
    toStatus: change.to,
  });
  const resolved = change.to === "resolved";
  const [updated] = await tx
    .update(workItems)
    .set({
      status: change.to,
      ...(resolved
        ? {
            outcome: "resolved" as const,
            resolvedAt: change.now,
            assigneeId: null,
            leaseExpiresAt: null,
          }
        : {}),
      firstResponseAt: item.firstResponseAt ?? change.now,
      lastCustomerVisibleAt:
        change.visibility === "customer" ? change.now : item.lastCustomerVisibleAt,
      updatedAt: change.now,
    })
    .where(eq(workItems.id, item.id))
    .returning();
  await refreshSla(tx, updated!, config, change.now);
  return updated!;
}

/**
 * A clerk of the lead department drafts (or redrafts) the reply to a distributed letter, in
 * Arabic or French. A new draft replaces an unregistered one and needs approval again.
 */
export async function draftReply(
  db: Db,
  staff: Staff,
  input: { itemId: string; locale: "ar" | "fr"; subject: string; body: string },
  opts: Opts = {},
): Promise<RegistryReply> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const item = await lockItemForStaff(tx, staff, input.itemId);
    assertOpen(item);
    const [lead] = await tx
      .select()
      .from(registryDistributions)
      .where(
        and(eq(registryDistributions.workItemId, item.id), eq(registryDistributions.lead, "lead")),
      );
    // Only the lead department answers; a copy is for information.
    if (!lead) throw new AppError("NOT_FOUND");
    const [current] = await tx
      .select()
      .from(registryReplies)
      .where(
        and(eq(registryReplies.entryId, lead.entryId), ne(registryReplies.status, "withdrawn")),
      )
      .for("update");
    if (current?.status === "registered") throw new AppError("INVALID_TRANSITION");
    const values = {
      locale: input.locale,
      subject: input.subject,
      body: input.body,
      status: "draft" as const,
      draftedById: staff.id,
      draftedAt: now,
      approvedById: null,
      approvedAt: null,
    };
    const [reply] = current
      ? await tx
          .update(registryReplies)
          .set(values)
          .where(eq(registryReplies.id, current.id))
          .returning()
      : await tx
          .insert(registryReplies)
          .values({ ...values, entryId: lead.entryId, departmentItemId: item.id })
          .returning();
    await recordEvent(tx, {
      itemId: item.id,
      type: "note",
      visibility: "internal",
      actor: actorOf(staff),
      at: now,
      messageKey: "registryReplyDrafted",
      data: { replyId: reply!.id },
    });
    await writeAudit(tx, {
      actor: actorOf(staff),
      action: "registry.reply.draft",
      entityType: "registry_reply",
      entityId: reply!.id,
      before: current ? { status: current.status } : null,
      after: { status: "draft", locale: input.locale, subject: input.subject },
      meta: opts.meta,
    });
    return reply!;
  });
}

/** A supervisor of the lead department approves the draft for registration. */
export async function approveReply(
  db: Db,
  staff: Staff,
  replyId: string,
  opts: Opts = {},
): Promise<RegistryReply> {
  const now = opts.now ?? new Date();
  if (staff.role !== "supervisor" && staff.role !== "admin") throw new AppError("FORBIDDEN");
  return db.transaction(async (tx) => {
    const reply = await lockReply(tx, replyId);
    // The supervisor must work in the department that drafted it (else: not found).
    await lockItemForStaff(tx, staff, reply.departmentItemId);
    if (reply.status !== "draft") throw new AppError("INVALID_TRANSITION");
    const [approved] = await tx
      .update(registryReplies)
      .set({ status: "approved", approvedById: staff.id, approvedAt: now })
      .where(eq(registryReplies.id, reply.id))
      .returning();
    await recordEvent(tx, {
      itemId: reply.departmentItemId,
      type: "note",
      visibility: "internal",
      actor: actorOf(staff),
      at: now,
      messageKey: "registryReplyApproved",
      data: { replyId: reply.id },
    });
    await writeAudit(tx, {
      actor: actorOf(staff),
      action: "registry.reply.approve",
      entityType: "registry_reply",
      entityId: reply.id,
      before: { status: "draft" },
      after: { status: "approved" },
      meta: opts.meta,
    });
    return approved!;
  });
}

/**
 * The registry office registers an approved reply in the outgoing register: its own gap-free
 * yearly number, linked to the incoming letter; the sender sees it in their timeline (portal
 * and tracking page, with the letter PDF) and by e-mail; the registry item and the lead
 * department's item are resolved. One transaction.
 */
export async function registerReply(
  db: Db,
  staff: Staff,
  replyId: string,
  opts: Opts = {},
): Promise<{ outgoingNo: string }> {
  const now = opts.now ?? new Date();
  if (!isUuid(replyId)) throw new AppError("NOT_FOUND");
  const [peek] = await db.select().from(registryReplies).where(eq(registryReplies.id, replyId));
  if (!peek) throw new AppError("NOT_FOUND");
  const incoming = await entryForRegistryStaff(db, staff, peek.entryId);
  return db.transaction(async (tx) => {
    const reply = await lockReply(tx, replyId);
    if (reply.status !== "approved") throw new AppError("INVALID_TRANSITION");
    const registryItem = await lockItemForStaff(tx, staff, await registryItemId(tx, incoming));
    assertOpen(registryItem);
    const config = await loadWorkflowConfig(tx);
    const year = yearInZone(now, config.calendar.timeZone);
    const { registryNo, seq } = await nextRegistryNumber(tx, "outgoing", year);
    const [outgoing] = await tx
      .insert(registryEntries)
      .values({
        direction: "outgoing",
        registryNo,
        year,
        seq,
        registeredAt: now,
        channel: "web",
        category: incoming.category,
        subject: reply.subject,
        body: reply.body,
        partyName: incoming.partyName,
        partyNationalId: incoming.partyNationalId,
        partyEmail: incoming.partyEmail,
        partyPhone: incoming.partyPhone,
        contractNo: incoming.contractNo,
        customerUserId: incoming.customerUserId,
        locale: reply.locale,
        inReplyToId: incoming.id,
        registeredById: staff.id,
      })
      .returning();
    await tx
      .update(registryReplies)
      .set({ status: "registered", outgoingEntryId: outgoing!.id })
      .where(eq(registryReplies.id, reply.id));
    const actor = actorOf(staff);
    await moveItem(tx, registryItem, config, {
      to: "resolved",
      actor,
      now,
      visibility: "customer",
      type: "reply",
      body: reply.body,
      messageKey: "registryReplied",
      data: { outgoingNo: registryNo, subject: reply.subject, outcome: "resolved" },
    });
    const [leadItem] = await tx
      .select()
      .from(workItems)
      .where(eq(workItems.id, reply.departmentItemId))
      .for("update");
    if (leadItem && leadItem.status !== "resolved" && leadItem.status !== "closed")
      await moveItem(tx, leadItem, config, {
        to: "resolved",
        actor,
        now,
        visibility: "internal",
        type: "resolved",
        messageKey: "registryReplyRegistered",
        data: { outgoingNo: registryNo, outcome: "resolved" },
      });
    await notifyCustomer(tx, registryItem, "registryReply", (locale) => ({
      outgoingNo: registryNo,
      pdfLink: replyLetterLink(locale, {
        number: registryItem.number,
        trackingCode: registryItem.trackingCode,
      }),
    }));
    await writeAudit(tx, {
      actor,
      action: "registry.reply.register",
      entityType: "registry_entry",
      entityId: outgoing!.id,
      after: { registryNo, inReplyTo: incoming.registryNo, replyId: reply.id },
      meta: opts.meta,
    });
    return { outgoingNo: registryNo };
  });
}
