import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { contracts, meters } from "./contracts";
import { serviceEnum } from "./enums";
import { readings } from "./readings";
import { users } from "./users";

export const tariffVersionStatusEnum = pgEnum("tariff_version_status", ["draft", "published"]);
export const billStatusEnum = pgEnum("bill_status", ["issued", "cancelled"]);
export const billSourceEnum = pgEnum("bill_source", ["run", "import", "reissue"]);
export const billReadingTypeEnum = pgEnum("bill_reading_type", ["agent", "self", "estimated"]);
export const billingRunStatusEnum = pgEnum("billing_run_status", [
  "queued",
  "running",
  "done",
  "failed",
]);
export const paymentStatusEnum = pgEnum("payment_status", [
  "pending",
  "succeeded",
  "failed",
  "refunded",
  "cancelled",
]);

/** A published grid: one code per service, category and territory (e.g. MA-ELEC-RES). */
export const tariffs = pgTable("tariffs", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  service: serviceEnum().notNull(),
  category: text().notNull(),
  territory: text().notNull(),
  currency: text().notNull(),
  nameAr: text().notNull(),
  nameFr: text().notNull(),
  nameEn: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Tariff = typeof tariffs.$inferSelect;

/**
 * One version of a tariff, in force from its date until the next version's. Its definition is
 * the engine's TariffDefinition (lib/billing/engine/types.ts). A published version is frozen by
 * a trigger (migration): a new price is a new version, so issued bills stay explainable.
 */
export const tariffVersions = pgTable(
  "tariff_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tariffId: uuid()
      .notNull()
      .references(() => tariffs.id),
    effectiveFrom: date().notNull(),
    definition: jsonb().notNull(),
    status: tariffVersionStatusEnum().notNull().default("draft"),
    note: text(),
    createdBy: uuid().references(() => users.id),
    publishedBy: uuid().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tariff_versions_tariff_date_key")
      .on(t.tariffId, t.effectiveFrom)
      .where(sql`${t.status} = 'published'`),
  ],
);

export type TariffVersion = typeof tariffVersions.$inferSelect;

/** The grids a contract is billed with: a water contract also pays sanitation on its volume. */
export const contractTariffs = pgTable(
  "contract_tariffs",
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    tariffId: uuid()
      .notNull()
      .references(() => tariffs.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.tariffId] })],
);

/** One billing cycle (a month) over one zone, or all zones; re-running it creates nothing twice. */
export const billingRuns = pgTable(
  "billing_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** First day of the cycle's month, e.g. 2026-11-01. */
    cycle: date().notNull(),
    /** Null: every zone. */
    zone: text(),
    status: billingRunStatusEnum().notNull().default("queued"),
    contractsTotal: integer().notNull().default(0),
    contractsDone: integer().notNull().default(0),
    billsCreated: integer().notNull().default(0),
    billsEstimated: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    error: text(),
    startedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("billing_runs_cycle_idx").on(t.cycle)],
);

export type BillingRun = typeof billingRuns.$inferSelect;

export const bills = pgTable(
  "bills",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** "FA-2026-000123", gap-free per year. */
    billNo: text().notNull().unique(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    meterId: uuid().references(() => meters.id),
    /** Start inclusive, end exclusive: days = end − start. */
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    days: integer().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dueDate: date().notNull(),
    status: billStatusEnum().notNull().default("issued"),
    source: billSourceEnum().notNull().default("run"),
    readingType: billReadingTypeEnum().notNull(),
    estimated: boolean().notNull().default(false),
    /** How an estimate was made: average_last_two, same_period_last_year, none. */
    estimateBasis: text(),
    previousIndex: bigint({ mode: "number" }),
    newIndex: bigint({ mode: "number" }),
    readingId: uuid().references(() => readings.id),
    consumption: numeric({ precision: 14, scale: 3 }).notNull(),
    unit: text().notNull(),
    currency: text().notNull(),
    totalBeforeTaxMinor: bigint({ mode: "number" }).notNull(),
    taxMinor: bigint({ mode: "number" }).notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    /** Engine facts kept for "why this amount": mode, tranche reached, tariff versions. */
    explanation: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Printed on the bill (and in its QR code): with the contract number it pays the bill. */
    paymentReference: text().notNull().unique(),
    runId: uuid().references(() => billingRuns.id),
    /** The cancelled bill this one replaces (cancel-and-reissue). */
    replacesBillId: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid().references(() => users.id),
    cancelReason: text(),
    /** Number in the external billing system, for imported bills. */
    externalRef: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A contract has one live bill per period start: re-running a cycle creates nothing twice.
    uniqueIndex("bills_contract_period_live_key")
      .on(t.contractId, t.periodStart)
      .where(sql`${t.status} = 'issued'`),
    index("bills_contract_period_idx").on(t.contractId, t.periodEnd),
    index("bills_run_idx").on(t.runId),
  ],
);

export type Bill = typeof bills.$inferSelect;

/** One priced line: which tariff version, block and rate produced it. */
export const billLines = pgTable(
  "bill_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    billId: uuid()
      .notNull()
      .references(() => bills.id),
    position: integer().notNull(),
    service: serviceEnum().notNull(),
    tariffVersionId: uuid().references(() => tariffVersions.id),
    kind: text().notNull(),
    code: text().notNull(),
    block: integer(),
    mode: text(),
    quantity: numeric({ precision: 14, scale: 3 }).notNull(),
    unit: text().notNull(),
    unitPrice: numeric({ precision: 14, scale: 5 }).notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    taxRate: numeric({ precision: 6, scale: 4 }).notNull(),
    taxMinor: bigint({ mode: "number" }).notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    days: integer().notNull(),
    blockFrom: numeric({ precision: 14, scale: 3 }),
    blockTo: numeric({ precision: 14, scale: 3 }),
  },
  (t) => [uniqueIndex("bill_lines_bill_position_key").on(t.billId, t.position)],
);

export type BillLine = typeof billLines.$inferSelect;

export const paymentProviderEnum = pgEnum("payment_provider", [
  "stripe",
  "test",
  "counter",
  "partner",
  "import",
  // A contract's deposit applied to its final bill at termination (lib/connections).
  "deposit",
]);

/**
 * Money received or on its way: online (Stripe, or the built-in test provider without keys),
 * at a counter, or from a bank/agent. A payment starts "pending" when a checkout opens and
 * becomes "succeeded" once the provider confirms it (never on the customer's redirect). The
 * provider's reference is recorded once, so a webhook or partner retry is one payment.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: paymentProviderEnum().notNull(),
    /**
     * Stripe Checkout Session id, the test provider's session id, the partner's own reference
     * (prefixed with its key prefix), or a counter receipt's number. Unique per provider.
     */
    providerRef: text().notNull(),
    /** Stripe's PaymentIntent, known after completion; refunds (charge.refunded) name it. */
    providerPaymentId: text(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    /** The account that paid online, when signed in (quick pay has none). */
    userId: uuid().references(() => users.id),
    /** The bills the payer chose, oldest first: allocation settles them in this order. */
    billIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    /** A connection quote this payment settles (lib/connections) instead of bills. */
    quoteId: uuid(),
    status: paymentStatusEnum().notNull().default("pending"),
    /** cash, cheque, card, transfer, agent... */
    method: text(),
    /** The agency of a counter payment (daily cash report). */
    agency: text(),
    /** The payer's language, for the receipt and its e-mail. */
    locale: text().notNull().default("fr"),
    /** "RC-2026-000001", gap-free per year, given when the payment succeeds. */
    receiptNo: text().unique(),
    refundedMinor: bigint({ mode: "number" }).notNull().default(0),
    failureReason: text(),
    receivedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_provider_ref_key").on(t.provider, t.providerRef),
    index("payments_contract_idx").on(t.contractId),
    index("payments_user_idx").on(t.userId),
    index("payments_received_idx").on(t.receivedAt),
  ],
);

export type Payment = typeof payments.$inferSelect;

/** How much of a payment settles which bill; a bill is paid by its allocations only. */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    billId: uuid()
      .notNull()
      .references(() => bills.id),
    amountMinor: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A refund appends negative allocations: the ledger is never rewritten.
    index("payment_allocations_bill_idx").on(t.billId),
    index("payment_allocations_payment_idx").on(t.paymentId),
  ],
);

export type PaymentAllocation = typeof paymentAllocations.$inferSelect;

/**
 * Provider events already handled (Stripe event ids, test-provider callback ids). The row is
 * written in the same transaction as the change the event makes, so a redelivered event finds
 * it and changes nothing twice.
 */
export const processedEvents = pgTable(
  "processed_events",
  {
    provider: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    paymentId: uuid(),
    processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
