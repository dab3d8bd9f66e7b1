import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contracts } from "./contracts";
import { serviceEnum } from "./enums";
import { files } from "./files";
import { users } from "./users";
import { requestKinds, workItems } from "./workflow";

/** The three families of request; a configured type belongs to one and follows its stages. */
export const connectionFamilyEnum = pgEnum("connection_family", [
  "connection",
  "subscription",
  "termination",
]);

/** One document a request type asks for, with its name in each language. */
export type RequiredDocument = {
  code: string;
  nameAr: string;
  nameFr: string;
  nameEn: string;
  required: boolean;
};

/**
 * A kind of connection request as admins configure it: which documents, which service detail
 * (subscribed power or meter calibre), which services, the decision deadline. A new type (meter
 * relocation, change of holder) is a row here and a request kind, without code.
 */
export const connectionRequestTypes = pgTable("connection_request_types", {
  code: text()
    .primaryKey()
    .references(() => requestKinds.code),
  family: connectionFamilyEnum().notNull(),
  nameAr: text().notNull(),
  nameFr: text().notNull(),
  nameEn: text().notNull(),
  services: serviceEnum()
    .array()
    .notNull()
    .default(sql`'{water,electricity,sanitation}'::service[]`),
  documents: jsonb().$type<RequiredDocument[]>().notNull(),
  /** Whether the form asks for an existing contract number (subscription on a connection, termination). */
  needsContract: boolean().notNull().default(false),
  /** Calendar days to decide, printed on the acknowledgement as the next step's deadline. */
  decisionDays: integer().notNull().default(15),
  /** Days the customer has to complete an incomplete file. */
  completionDays: integer().notNull().default(30),
  position: integer().notNull().default(0),
  active: boolean().notNull().default(true),
});

export type ConnectionRequestType = typeof connectionRequestTypes.$inferSelect;

/** A filed request: the applicant's answers, its stage, and what it created or closed. */
export const connectionRequests = pgTable(
  "connection_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    typeCode: text()
      .notNull()
      .references(() => connectionRequestTypes.code),
    itemId: uuid()
      .notNull()
      .unique()
      .references(() => workItems.id),
    customerUserId: uuid()
      .notNull()
      .references(() => users.id),
    stage: text().notNull().default("submitted"),
    service: serviceEnum().notNull(),
    /** { name, nationalId, phone, email }. */
    applicant: jsonb().$type<Record<string, string>>().notNull(),
    addressLine: text().notNull(),
    city: text().notNull(),
    latitude: text(),
    longitude: text(),
    use: text().notNull(),
    /** Subscribed power (kVA) or meter calibre (mm), as the type asks. */
    detail: text(),
    occupancy: text(),
    terminationReason: text(),
    /** The contract the request is about (termination, subscription) or the one it created. */
    contractId: uuid().references(() => contracts.id),
    visitAt: timestamp({ withTimezone: true }),
    visitSlot: text(),
    worksAt: timestamp({ withTimezone: true }),
    meterSerial: text(),
    finalIndex: bigint({ mode: "number" }),
    finalBillId: uuid(),
    rejectionReason: text(),
    appealItemId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connection_requests_customer_idx").on(t.customerUserId, t.createdAt)],
);

export type ConnectionRequest = typeof connectionRequests.$inferSelect;

export const connectionDocumentStatusEnum = pgEnum("connection_document_status", [
  "received",
  "accepted",
  "missing",
  "unreadable",
]);

/** One required document of a request: the file given for it and the clerk's verdict. */
export const connectionRequestDocuments = pgTable(
  "connection_request_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => connectionRequests.id),
    docCode: text().notNull(),
    fileId: uuid().references(() => files.id),
    status: connectionDocumentStatusEnum().notNull().default("received"),
    note: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("connection_request_documents_key").on(t.requestId, t.docCode)],
);

export type ConnectionRequestDocument = typeof connectionRequestDocuments.$inferSelect;

/** Each stage a request went through, with who moved it and why: the customer's timeline. */
export const connectionStageHistory = pgTable(
  "connection_stage_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => connectionRequests.id),
    fromStage: text(),
    toStage: text().notNull(),
    reason: text(),
    actorUserId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connection_stage_history_request_idx").on(t.requestId, t.at)],
);

/** A form in progress, kept on the server so the customer can come back to it. */
export const connectionDrafts = pgTable(
  "connection_drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    typeCode: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("connection_drafts_user_type_key").on(t.userId, t.typeCode)],
);

export const quoteLineKindEnum = pgEnum("quote_line_kind", [
  "connection_works",
  "meter",
  "contract_fee",
  "deposit",
  "stamp_duty",
]);

/**
 * The price list admins keep: one price per line kind, service and use, for every type (type
 * null) or for one type only (a meter relocation's works cost less than a new connection's),
 * which then wins over the general line.
 */
export const connectionPrices = pgTable(
  "connection_prices",
  {
    id: uuid().primaryKey().defaultRandom(),
    service: serviceEnum().notNull(),
    use: text().notNull().default("domestic"),
    kind: quoteLineKindEnum().notNull(),
    typeCode: text().references(() => connectionRequestTypes.code),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull().default("MAD"),
    active: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex("connection_prices_key").on(
      t.service,
      t.use,
      t.kind,
      sql`coalesce(${t.typeCode}, '')`,
    ),
  ],
);

export const quoteStatusEnum = pgEnum("quote_status", ["issued", "paid", "cancelled"]);

export type QuoteLine = {
  kind: (typeof quoteLineKindEnum.enumValues)[number];
  amountMinor: number;
};

/** The quote of a request: its lines, total, and the payment that settled it. */
export const connectionQuotes = pgTable(
  "connection_quotes",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => connectionRequests.id),
    number: text().notNull().unique(),
    lines: jsonb().$type<QuoteLine[]>().notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    status: quoteStatusEnum().notNull().default("issued"),
    paymentId: uuid(),
    issuedBy: uuid().references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One live quote per request: a new one cancels the old first.
    uniqueIndex("connection_quotes_one_live")
      .on(t.requestId)
      .where(sql`${t.status} <> 'cancelled'`),
  ],
);

export type ConnectionQuote = typeof connectionQuotes.$inferSelect;

/** The deposit held for a contract, paid with its connection quote, returned at termination. */
export const contractDeposits = pgTable("contract_deposits", {
  contractId: uuid()
    .primaryKey()
    .references(() => contracts.id),
  amountMinor: bigint({ mode: "number" }).notNull(),
  currency: text().notNull(),
  quoteId: uuid(),
  /** The ledger payment that applied it to the final bill, once. */
  settlementPaymentId: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
