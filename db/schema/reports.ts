import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { channelEnum } from "./enums";
import { users } from "./users";
import { utilities } from "./utilities";
import { workItems } from "./workflow";

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

/**
 * One narrow row per work item with what the figures need, kept by triggers in the same
 * transaction as every change to the item, its events and its rating (custom migration
 * report_items_triggers). The dashboard reads this instead of joining years of wide item rows
 * to millions of events; tests compare it with a recomputation from the events.
 */
export const reportItems = pgTable(
  "report_items",
  {
    itemId: uuid()
      .primaryKey()
      .references(() => workItems.id),
    departmentId: uuid().notNull(),
    kindCode: text().notNull(),
    channel: channelEnum().notNull(),
    zone: text(),
    incidentId: uuid(),
    merged: boolean().notNull().default(false),
    isOpen: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** The last resolution (null while open). */
    resolvedAt: timestamp({ withTimezone: true }),
    firstResponseDueAt: timestamp({ withTimezone: true }).notNull(),
    resolutionDueAt: timestamp({ withTimezone: true }),
    filedById: uuid(),
    /** The first answer (reply, question or resolution) and the business minutes it took. */
    firstResponseAt: timestamp({ withTimezone: true }),
    firstResponseMinutes: integer(),
    /** Business minutes at the last resolution, and who wrote it. */
    resolutionMinutes: integer(),
    resolvedBy: uuid(),
    /** Reopened, transferred or the customer was asked for information: not first contact. */
    notFirstContact: boolean().notNull().default(false),
    quality: smallint(),
    speed: smallint(),
    /** The keywords of its routing rule that its text contains, as filed. */
    keywords: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index("report_items_created_idx").on(t.createdAt),
    index("report_items_resolved_idx")
      .on(t.resolvedAt)
      .where(sql`${t.resolvedAt} is not null`),
    index("report_items_open_idx")
      .on(t.createdAt)
      .where(sql`${t.isOpen}`),
    index("report_items_incident_idx")
      .on(t.incidentId, t.createdAt, t.itemId)
      .where(sql`${t.incidentId} is not null and not ${t.merged}`),
  ],
);

/**
 * The backlog's moves: +1 when an item is filed or reopened, -1 when it is resolved, with the
 * item's current department, kind, channel and zone copied (and kept current by the same
 * triggers), so that the open count on any past day is the open count now minus the moves
 * since, summed without touching the events.
 */
export const reportMoves = pgTable(
  "report_moves",
  {
    eventId: bigint({ mode: "number" }).primaryKey(),
    itemId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    delta: smallint().notNull(),
    departmentId: uuid().notNull(),
    kindCode: text().notNull(),
    channel: channelEnum().notNull(),
    zone: text(),
    incidentId: uuid(),
    merged: boolean().notNull().default(false),
  },
  (t) => [index("report_moves_at_idx").on(t.at), index("report_moves_item_idx").on(t.itemId)],
);
