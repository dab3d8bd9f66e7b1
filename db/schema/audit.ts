import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";

/**
 * Who did what to which record, when, from where, with before/after. Append-only: a trigger
 * (migration 0001) refuses UPDATE, DELETE and TRUNCATE for every role, the owner included.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorRole: roleEnum(),
    /** "system", "partner:<key prefix>", or empty for a signed-in user. */
    actorLabel: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    ip: inet(),
    userAgent: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorUserId, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
