import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { utilities } from "./utilities";

/** A back-office department that owns queues (metering, billing, mail registry…). */
export const departments = pgTable("departments", {
  id: uuid().primaryKey().defaultRandom(),
  utilityId: uuid()
    .notNull()
    .references(() => utilities.id),
  /** Stable code used by routing rules and message keys, e.g. "metering". */
  code: text().notNull().unique(),
  nameAr: text().notNull(),
  nameFr: text().notNull(),
  nameEn: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Department = typeof departments.$inferSelect;
