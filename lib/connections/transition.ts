import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  connectionRequests,
  connectionRequestTypes,
  connectionStageHistory,
  workItems,
  type ConnectionRequest,
  type WorkItem,
} from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { lockItemForStaff, type Staff } from "@/lib/workflow/access";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { notifyCustomer } from "@/lib/workflow/notify-customer";
import { recordEvent } from "@/lib/workflow/record-event";
import { refreshSla } from "@/lib/workflow/refresh-sla";
import { checkTransition, isTerminal, type Family, type Stage } from "./stages";

export type StageMover =
  | { kind: "staff"; staff: Staff }
  | { kind: "customer"; userId: string }
  | { kind: "payment" }
  | { kind: "system"; label: string };

export type LockedRequest = { request: ConnectionRequest; item: WorkItem; family: Family };

/**
 * Lock a request and its work item for a change. Staff reach only requests in their
 * departments' queues (admins: all), a customer only their own; any other id is NOT_FOUND.
 */
export async function lockRequest(
  tx: Tx,
  requestId: string,
  by: StageMover,
): Promise<LockedRequest> {
  const [row] = await tx
    .select({ request: connectionRequests, family: connectionRequestTypes.family })
    .from(connectionRequests)
    .innerJoin(connectionRequestTypes, eq(connectionRequestTypes.code, connectionRequests.typeCode))
    .where(
      and(
        eq(connectionRequests.id, requestId),
        by.kind === "customer" ? eq(connectionRequests.customerUserId, by.userId) : undefined,
      ),
    )
    .for("update", { of: connectionRequests });
  if (!row) throw new AppError("NOT_FOUND", "connection request");
  let item: WorkItem;
  if (by.kind === "staff") {
    item = await lockItemForStaff(tx, by.staff, row.request.itemId);
  } else {
    const [locked] = await tx
      .select()
      .from(workItems)
      .where(eq(workItems.id, row.request.itemId))
      .for("update");
    item = locked!;
  }
  return { request: row.request, item, family: row.family };
}

/** The engine's status for a stage: whose turn it is, which pauses or runs the deadline. */
function itemStatusFor(stage: Stage): WorkItem["status"] {
  if (stage === "incomplete" || stage === "quote_issued") return "waiting_customer";
  if (isTerminal(stage)) return "resolved";
  return "in_progress";
}

function actorOf(by: StageMover): Actor {
  if (by.kind === "staff") return { kind: "user", userId: by.staff.id, role: by.staff.role };
  if (by.kind === "customer") return { kind: "user", userId: by.userId, role: "customer" };
  if (by.kind === "payment") return { kind: "system", label: "payment" };
  return { kind: "system", label: by.label };
}

/**
 * Move a locked request to another stage, in the caller's transaction: the stage rules decide
 * (stages.ts), then the request row, its stage history, the work item's status (waiting for the
 * customer pauses the deadline), a customer-visible timeline event, the recomputed deadlines,
 * the audit row and the customer's e-mail are written together.
 */
export async function moveStage(
  tx: Tx,
  locked: LockedRequest,
  params: {
    to: Stage;
    by: StageMover;
    reason?: string | null;
    missingDocuments?: string[];
    set?: Partial<typeof connectionRequests.$inferInsert>;
    /** What the customer's e-mail says besides the stage's name (a date, a list), per language. */
    describe?: (locale: Locale) => string;
    now: Date;
    meta?: RequestMeta;
  },
): Promise<ConnectionRequest> {
  const { request, item, family } = locked;
  const from = request.stage as Stage;
  const verdict = checkTransition({
    family,
    from,
    to: params.to,
    by: params.by.kind === "staff" ? "staff" : params.by.kind,
    reason: params.reason,
    missingDocuments: params.missingDocuments,
  });
  if (!verdict.ok)
    throw new AppError("INVALID_TRANSITION", `${from} → ${params.to}: ${verdict.rule}`, {
      stage: verdict.rule,
    });
  const actor = actorOf(params.by);
  const now = params.now;

  const [updated] = await tx
    .update(connectionRequests)
    .set({
      ...params.set,
      stage: params.to,
      ...(params.to === "rejected" ? { rejectionReason: params.reason!.trim() } : {}),
      updatedAt: now,
    })
    .where(eq(connectionRequests.id, request.id))
    .returning();
  await tx.insert(connectionStageHistory).values({
    requestId: request.id,
    fromStage: from,
    toStage: params.to,
    reason: params.reason?.trim() || null,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    at: now,
  });

  const status = itemStatusFor(params.to);
  const statusChanges = status !== item.status;
  const rejected = params.to === "rejected";
  const type =
    status === "waiting_customer" && statusChanges
      ? "info_requested"
      : item.status === "waiting_customer" && params.by.kind === "customer"
        ? "customer_reply"
        : status === "resolved"
          ? "resolved"
          : "stage_changed";
  await recordEvent(tx, {
    itemId: item.id,
    type,
    visibility: "customer",
    actor,
    at: now,
    body: params.reason?.trim() || null,
    messageKey: status === "resolved" ? "resolved" : "stageChanged",
    data: {
      stage: params.to,
      fromStage: from,
      ...(status === "resolved" ? { outcome: rejected ? "rejected" : "resolved" } : {}),
      ...(params.missingDocuments ? { missingDocuments: params.missingDocuments } : {}),
    },
    ...(statusChanges ? { fromStatus: item.status, toStatus: status } : {}),
  });
  const staffMove = params.by.kind === "staff";
  const [freshItem] = await tx
    .update(workItems)
    .set({
      status,
      lastCustomerVisibleAt: now,
      updatedAt: now,
      ...(staffMove && !item.firstResponseAt ? { firstResponseAt: now } : {}),
      ...(status === "resolved"
        ? {
            resolvedAt: now,
            outcome: rejected ? ("rejected" as const) : ("resolved" as const),
            outcomeNote: rejected ? params.reason!.trim() : null,
            assigneeId: null,
            leaseExpiresAt: null,
          }
        : {}),
      ...(params.by.kind === "customer" && item.status === "waiting_customer"
        ? { customerReplyCount: item.customerReplyCount + 1 }
        : {}),
    })
    .where(eq(workItems.id, item.id))
    .returning();
  await refreshSla(tx, freshItem!, await loadWorkflowConfig(tx), now);
  await writeAudit(tx, {
    actor,
    action: "connection.stage",
    entityType: "connection_request",
    entityId: request.id,
    before: { stage: from, itemStatus: item.status },
    after: {
      stage: params.to,
      itemStatus: status,
      reason: params.reason ?? null,
      missingDocuments: params.missingDocuments ?? null,
    },
    meta: params.meta,
  });
  if (params.by.kind !== "customer")
    await notifyCustomer(tx, item, "itemReply", (locale) => {
      const t = translator(locale);
      const stage = t(`connections.stages.${params.to}` as never);
      return {
        body: [t("connections.notify.stage", { stage }), params.describe?.(locale), params.reason]
          .filter(Boolean)
          .join("\n\n"),
      };
    });
  return updated!;
}
