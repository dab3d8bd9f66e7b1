import { boolean, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { utilities } from "./utilities";

/**
 * Report settings of a utility. The public transparency page is off until an admin switches it
 * on: publishing figures is the utility's decision, recorded with who made it (and audited).
 */
export const reportSettings = pgTable("report_settings", {
  utilityId: uuid()
    .primaryKey()
    .references(() => utilities.id),
  publicTransparency: boolean().notNull().default(false),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ReportSettings = typeof reportSettings.$inferSelect;
