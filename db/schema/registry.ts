import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { departments } from "./departments";
import {
  localeEnum,
  registryCategoryEnum,
  registryChannelEnum,
  registryDirectionEnum,
  registryReplyStatusEnum,
} from "./enums";
import { files } from "./files";
import { users } from "./users";
import { workItems } from "./workflow";

/**
 * The mail registry ("bureau d'ordre"): one row per incoming or outgoing letter, numbered
 * gap-free per direction and year. An incoming entry's work item in the registry office's
 * queue carries the same number (work_items.number = registry_no), which is how they are joined. Append-only in the database itself (custom migration
 * registry_append_only): an entry is never edited or deleted, a correction is an annotation.
 */
export const registryEntries = pgTable(
  "registry_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    direction: registryDirectionEnum().notNull(),
    /** As printed, e.g. "ARR-2026-000123" (the format is configurable, lib/registry/numbers.ts). */
    registryNo: text().notNull().unique(),
    /** The year of the sequence (the utility's time zone) and the position in it. */
    year: integer().notNull(),
    seq: integer().notNull(),
    registeredAt: timestamp({ withTimezone: true }).notNull(),
    channel: registryChannelEnum().notNull(),
    category: registryCategoryEnum().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** Incoming: the sender; outgoing: the addressee (the incoming letter's sender). */
    partyName: text().notNull(),
    partyNationalId: text(),
    partyEmail: text(),
    partyPhone: text(),
    contractNo: text(),
    customerUserId: uuid().references(() => users.id),
    locale: localeEnum().notNull(),
    /** Outgoing: the incoming letter it answers. */
    inReplyToId: uuid(),
    registeredById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registry_entries_sequence_key").on(t.direction, t.year, t.seq),
    index("registry_entries_registered_idx").on(t.direction, t.registeredAt),
    index("registry_entries_customer_idx").on(t.customerUserId),
    index("registry_entries_reply_idx").on(t.inReplyToId),
  ],
);

export type RegistryEntry = typeof registryEntries.$inferSelect;

/** A document filed with an entry, with its fingerprint as printed on the acknowledgement. */
export const registryAttachments = pgTable(
  "registry_attachments",
  {
    entryId: uuid()
      .notNull()
      .references(() => registryEntries.id),
    position: integer().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    name: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
  },
  (t) => [uniqueIndex("registry_attachments_key").on(t.entryId, t.position)],
);

export type RegistryAttachment = typeof registryAttachments.$inferSelect;

/** A correction or remark on an entry: the entry stays as registered, the annotation is added. */
export const registryAnnotations = pgTable(
  "registry_annotations",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: uuid()
      .notNull()
      .references(() => registryEntries.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
  },
  (t) => [index("registry_annotations_entry_idx").on(t.entryId, t.at)],
);

/** Where an incoming letter was sent: one lead department and any number of copies. */
export const registryDistributions = pgTable(
  "registry_distributions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => registryEntries.id),
    workItemId: uuid()
      .notNull()
      .references(() => workItems.id),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    lead: text({ enum: ["lead", "copy"] }).notNull(),
    distributedById: uuid()
      .notNull()
      .references(() => users.id),
    distributedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("registry_distributions_entry_idx").on(t.entryId),
    // One lead per letter.
    uniqueIndex("registry_distributions_one_lead")
      .on(t.entryId)
      .where(sql`${t.lead} = 'lead'`),
  ],
);

export type RegistryDistribution = typeof registryDistributions.$inferSelect;

/**
 * A reply from the lead department: drafted by a clerk, approved by a supervisor, then
 * registered by the registry office in the outgoing register (outgoingEntryId).
 */
export const registryReplies = pgTable(
  "registry_replies",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => registryEntries.id),
    departmentItemId: uuid()
      .notNull()
      .references(() => workItems.id),
    status: registryReplyStatusEnum().notNull().default("draft"),
    locale: localeEnum().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    draftedById: uuid()
      .notNull()
      .references(() => users.id),
    draftedAt: timestamp({ withTimezone: true }).notNull(),
    approvedById: uuid().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    outgoingEntryId: uuid().references(() => registryEntries.id),
  },
  (t) => [
    index("registry_replies_entry_idx").on(t.entryId),
    // At most one reply in progress or sent per letter at a time.
    uniqueIndex("registry_replies_one_open")
      .on(t.entryId)
      .where(sql`${t.status} <> 'withdrawn'`),
  ],
);

export type RegistryReply = typeof registryReplies.$inferSelect;

/** Proof-of-work challenges already spent: a solved challenge files one letter, once. */
export const registryChallenges = pgTable("registry_spent_challenges", {
  id: text().primaryKey(),
  spentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
