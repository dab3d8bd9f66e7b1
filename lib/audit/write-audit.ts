import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";

export type Actor =
  | { kind: "user"; userId: string; role: "customer" | "clerk" | "supervisor" | "admin" }
  | { kind: "partner"; keyPrefix: string }
  | { kind: "system"; label?: string };

export type AuditEntry = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  meta?: RequestMeta;
};

// Secrets never reach the audit log, whatever a caller passes as before/after.
const REDACTED = new Set(["passwordHash", "password", "tokenHash", "keyHash"]);

function redact(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (REDACTED.has(key) ? "[redacted]" : v)),
  ) as unknown;
}

/**
 * Append one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together.
 */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const { actor } = entry;
  await tx.insert(auditLog).values({
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorRole: actor.kind === "user" ? actor.role : null,
    actorLabel:
      actor.kind === "partner"
        ? `partner:${actor.keyPrefix}`
        : actor.kind === "system"
          ? (actor.label ?? "system")
          : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    ip: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
  });
}
