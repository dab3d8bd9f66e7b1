import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, users } from "@/db/schema";

/** Audit rows newest first, with the actor's name; filter by entity; keyset by id. */
export async function listAudit(
  db: DbOrTx,
  params: { entityType?: string; entityId?: string; beforeId?: number; limit?: number },
) {
  const filters: (SQL | undefined)[] = [
    params.entityType ? eq(auditLog.entityType, params.entityType) : undefined,
    params.entityId ? eq(auditLog.entityId, params.entityId) : undefined,
    params.beforeId ? lt(auditLog.id, params.beforeId) : undefined,
  ];
  return db
    .select({ row: auditLog, actorName: users.name, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(params.limit ?? 50);
}
