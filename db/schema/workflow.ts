import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contracts } from "./contracts";
import { departments } from "./departments";
import {
  channelEnum,
  complaintCategoryEnum,
  eventVisibilityEnum,
  incidentStatusEnum,
  itemEventTypeEnum,
  itemOutcomeEnum,
  itemPriorityEnum,
  itemStatusEnum,
  serviceEnum,
} from "./enums";
import { users } from "./users";
import { utilities } from "./utilities";

/**
 * A kind of request the engine knows (complaint, reading review, letter, connection…). Admins
 * add kinds — a temporary hotline, a new service — without a code change.
 */
export const requestKinds = pgTable("request_kinds", {
  code: text().primaryKey(),
  nameAr: text().notNull(),
  nameFr: text().notNull(),
  nameEn: text().notNull(),
  /** Short prefix of the item numbers of this kind, e.g. "REC" → REC-2026-000123. */
  numberPrefix: text().notNull(),
  customerCanFile: boolean().notNull().default(true),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type RequestKind = typeof requestKinds.$inferSelect;

/** Deadlines in business minutes per kind and priority; a null kind is the default policy. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    kindCode: text().references(() => requestKinds.code),
    priority: itemPriorityEnum().notNull(),
    firstResponseMinutes: integer().notNull(),
    resolutionMinutes: integer().notNull(),
  },
  (t) => [
    uniqueIndex("sla_policies_kind_priority_key").on(sql`coalesce(${t.kindCode}, '*')`, t.priority),
  ],
);

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

/** Opening days and hours of a utility, in its own time zone. */
export const businessCalendars = pgTable("business_calendars", {
  id: uuid().primaryKey().defaultRandom(),
  utilityId: uuid()
    .notNull()
    .unique()
    .references(() => utilities.id),
  timeZone: text().notNull(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: smallint().array().notNull(),
  opensAt: text().notNull(),
  closesAt: text().notNull(),
});

/** Public holidays, entered per year (religious ones move with the lunar calendar). */
export const calendarHolidays = pgTable(
  "calendar_holidays",
  {
    calendarId: uuid()
      .notNull()
      .references(() => businessCalendars.id, { onDelete: "cascade" }),
    day: date().notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.day] })],
);

/** Hours for one date (Ramadan hours, half-days); null hours close the day. */
export const calendarOverrides = pgTable(
  "calendar_overrides",
  {
    calendarId: uuid()
      .notNull()
      .references(() => businessCalendars.id, { onDelete: "cascade" }),
    day: date().notNull(),
    opensAt: text(),
    closesAt: text(),
    note: text(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.day] })],
);

/** Ordered routing rules: the first that matches decides the department and priority. */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    position: integer().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    kindCode: text().references(() => requestKinds.code),
    service: serviceEnum(),
    zone: text(),
    channel: channelEnum(),
    keywords: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    priority: itemPriorityEnum(),
    validFrom: timestamp({ withTimezone: true }),
    validUntil: timestamp({ withTimezone: true }),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("routing_rules_position_idx").on(t.position),
    uniqueIndex("routing_rules_one_default")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

export type RoutingRuleRow = typeof routingRules.$inferSelect;

/** A mass incident (an outage in a zone) that many items attach to. */
export const incidents = pgTable("incidents", {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  departmentId: uuid()
    .notNull()
    .references(() => departments.id),
  service: serviceEnum(),
  zone: text(),
  keywords: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  status: incidentStatusEnum().notNull().default("open"),
  openedBy: uuid()
    .notNull()
    .references(() => users.id),
  openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp({ withTimezone: true }),
});

export type Incident = typeof incidents.$inferSelect;

/** Gap-free numbering per prefix and year, taken inside the filing transaction. */
export const numberCounters = pgTable(
  "number_counters",
  {
    prefix: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/** The unit of back-office work: one per submission, in one department's queue. */
export const workItems = pgTable(
  "work_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull().unique(),
    /** Given to the customer with the number: lets a guest follow the item without an account. */
    trackingCode: text().notNull(),
    kindCode: text()
      .notNull()
      .references(() => requestKinds.code),
    channel: channelEnum().notNull(),
    status: itemStatusEnum().notNull().default("new"),
    priority: itemPriorityEnum().notNull().default("normal"),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    routingRuleId: uuid().references(() => routingRules.id),
    /** A claim is a lease: it lapses at leaseExpiresAt unless renewed while the clerk works. */
    assigneeId: uuid().references(() => users.id),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    customerUserId: uuid().references(() => users.id),
    contractId: uuid().references(() => contracts.id),
    /** The clerk who filed it for the customer (phone, counter). */
    filedById: uuid().references(() => users.id),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    locale: text().notNull().default("ar"),
    /** What the item is about, in the domain's own table (complaints, readings, letters…). */
    subjectType: text().notNull(),
    subjectId: uuid(),
    title: text().notNull(),
    description: text().notNull(),
    zone: text(),
    service: serviceEnum(),
    parentItemId: uuid(),
    incidentId: uuid().references(() => incidents.id),
    mergedIntoId: uuid(),
    firstResponseDueAt: timestamp({ withTimezone: true }).notNull(),
    resolutionDueAt: timestamp({ withTimezone: true }),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    outcome: itemOutcomeEnum(),
    outcomeNote: text(),
    businessMinutesTaken: integer().notNull().default(0),
    businessMinutesLeft: integer().notNull().default(0),
    waitingInternalMinutes: integer().notNull().default(0),
    escalationLevel: smallint().notNull().default(0),
    reopenCount: integer().notNull().default(0),
    transferCount: integer().notNull().default(0),
    customerReplyCount: integer().notNull().default(0),
    lastCustomerVisibleAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "Take next": the unclaimed open items of one department in the exact order of the query
    // (deadline, then age), so the first entry not locked by a colleague is the answer. A clerk
    // of several departments reads the head of each (lib/workflow/claim.ts): one index in
    // deadline order across departments would make a clerk whose queues are ahead of the
    // others' step over every earlier item of the other departments on each claim.
    index("work_items_queue_idx")
      .on(t.departmentId, t.resolutionDueAt, t.createdAt)
      .where(
        sql`${t.status} in ('new', 'in_progress') and ${t.assigneeId} is null and ${t.mergedIntoId} is null`,
      ),
    index("work_items_department_status_idx").on(t.departmentId, t.status),
    index("work_items_assignee_idx")
      .on(t.assigneeId)
      .where(sql`${t.assigneeId} is not null`),
    index("work_items_customer_idx").on(t.customerUserId, t.createdAt),
    index("work_items_contract_idx").on(t.contractId, t.createdAt),
    index("work_items_open_due_idx")
      .on(t.resolutionDueAt)
      .where(sql`${t.status} not in ('resolved', 'closed')`),
  ],
);

export type WorkItem = typeof workItems.$inferSelect;

/** Everything that happened to an item: the timeline, and the source of every figure. */
export const workItemEvents = pgTable(
  "work_item_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    itemId: uuid()
      .notNull()
      .references(() => workItems.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    type: itemEventTypeEnum().notNull(),
    visibility: eventVisibilityEnum().notNull(),
    actorUserId: uuid().references(() => users.id),
    actorLabel: text(),
    body: text(),
    /** Message key and values for a system text shown to the customer in their language. */
    messageKey: text(),
    data: jsonb(),
    fromStatus: itemStatusEnum(),
    toStatus: itemStatusEnum(),
    businessMinutesTaken: integer(),
  },
  (t) => [index("work_item_events_item_idx").on(t.itemId, t.at)],
);

export type WorkItemEvent = typeof workItemEvents.$inferSelect;

/** Each escalation level fires once per item: the primary key is the guard. */
export const itemEscalations = pgTable(
  "item_escalations",
  {
    itemId: uuid()
      .notNull()
      .references(() => workItems.id),
    level: smallint().notNull(),
    firedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.level] })],
);

/** The customer's rating of a closed item, once. */
export const itemRatings = pgTable("item_ratings", {
  itemId: uuid()
    .primaryKey()
    .references(() => workItems.id),
  quality: smallint().notNull(),
  speed: smallint().notNull(),
  comment: text(),
  via: text().notNull(),
  ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Replays of submissions: the same key with the same body returns the stored answer; with
 * another body it is a conflict. The scope is who submitted (user, partner key, guest).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    response: jsonb().notNull(),
    status: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** A customer's complaint: the first kind of request built on the engine. */
export const complaints = pgTable("complaints", {
  id: uuid().primaryKey().defaultRandom(),
  category: complaintCategoryEnum().notNull(),
  contractId: uuid().references(() => contracts.id),
  description: text().notNull(),
  photoFileId: uuid(),
  location: text(),
  latitude: text(),
  longitude: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Complaint = typeof complaints.$inferSelect;
