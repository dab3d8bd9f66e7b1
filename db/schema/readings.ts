import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { meterRegisters } from "./contracts";
import { channelEnum, readingSourceEnum, readingStatusEnum } from "./enums";
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
    /** Consumption since the previous counted reading, as the plausibility rules computed it. */
    consumption: bigint({ mode: "number" }),
    /** Plausibility flags (lib/metering/plausibility.ts FLAGS) raised on this reading. */
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The customer's photo of the dials (files.id), when one was attached. */
    photoFileId: uuid(),
    /**
     * "RL-2026-000001", shown on the confirmation; shared by the registers of one submission.
     * Null for agent and estimated readings, which have no receipt.
     */
    receiptNo: text(),
    channel: channelEnum(),
    /** False when the reading is outside the reading window: stored and shown, not billed. */
    usedForBilling: boolean().notNull().default(true),
    /** The reading_review work item, when the reading was held for review. */
    reviewItemId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("readings_register_read_at_idx").on(t.registerId, t.readAt),
    // A receipt covers one submission: a day/night meter stores one row per register under the
    // same number, so uniqueness is per (receipt, register) rather than on the number alone.
    uniqueIndex("readings_receipt_no_register_key").on(t.receiptNo, t.registerId),
  ],
);

export type Reading = typeof readings.$inferSelect;

/** Days around a zone's scheduled reading date when self-readings count for the bill. */
export const readingWindows = pgTable("reading_windows", {
  zone: text().primaryKey(),
  daysBefore: integer().notNull().default(3),
  daysAfter: integer().notNull().default(2),
});

/** The dates an agent reads a zone's meters (local calendar dates). */
export const readingSchedules = pgTable(
  "reading_schedules",
  {
    zone: text().notNull(),
    scheduledDate: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.zone, t.scheduledDate] })],
);
