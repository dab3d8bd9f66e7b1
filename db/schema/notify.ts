import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { localeEnum, outboxStatusEnum } from "./enums";

/**
 * Every e-mail the portal sends, written in the same transaction as the change it reports.
 * Without SMTP_URL a message stays here ("stored") and admins read it in the back office.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    locale: localeEnum().notNull(),
    template: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    status: outboxStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("outbox_status_created_idx").on(t.status, t.createdAt)],
);

export type OutboxMessage = typeof outbox.$inferSelect;
