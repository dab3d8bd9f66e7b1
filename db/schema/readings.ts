import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { meterRegisters } from "./contracts";
import { readingSourceEnum, readingStatusEnum } from "./enums";
import { users } from "./users";

/** One index read on one register: by an agent, by the customer, or estimated. */
export const readings = pgTable(
  "readings",
  {
    id: uuid().primaryKey().defaultRandom(),
    registerId: uuid()
      .notNull()
      .references(() => meterRegisters.id),
    index: bigint({ mode: "number" }).notNull(),
    readAt: timestamp({ withTimezone: true }).notNull(),
    source: readingSourceEnum().notNull(),
    status: readingStatusEnum().notNull().default("accepted"),
    submittedBy: uuid().references(() => users.id),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("readings_register_read_at_idx").on(t.registerId, t.readAt)],
);

export type Reading = typeof readings.$inferSelect;
