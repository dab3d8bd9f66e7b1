import type { DbOrTx } from "@/db/client";
import { workItemEvents, type WorkItemEvent } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";

export type EventInput = {
  itemId: string;
  type: WorkItemEvent["type"];
  visibility: "customer" | "internal";
  actor: Actor;
  at?: Date;
  /** A person's words (reply, note): shown as written. */
  body?: string | null;
  /** A system text: a message key under `items.events.` with its values, shown in the reader's language. */
  messageKey?: string | null;
  data?: Record<string, unknown> | null;
  fromStatus?: WorkItemEvent["fromStatus"];
  toStatus?: WorkItemEvent["toStatus"];
  businessMinutesTaken?: number | null;
};

/** Append one event to an item's timeline, in the caller's transaction. */
export async function recordEvent(tx: DbOrTx, e: EventInput): Promise<void> {
  await tx.insert(workItemEvents).values({
    itemId: e.itemId,
    type: e.type,
    visibility: e.visibility,
    at: e.at ?? new Date(),
    actorUserId: e.actor.kind === "user" ? e.actor.userId : null,
    actorLabel:
      e.actor.kind === "partner"
        ? `partner:${e.actor.keyPrefix}`
        : e.actor.kind === "system"
          ? (e.actor.label ?? "system")
          : null,
    body: e.body ?? null,
    messageKey: e.messageKey ?? null,
    data: e.data ?? null,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    businessMinutesTaken: e.businessMinutesTaken ?? null,
  });
}
