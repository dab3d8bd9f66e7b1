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
import { contractStatusEnum, registerNameEnum, serviceEnum } from "./enums";
import { users } from "./users";

/** The utility's customer record (its CRM), distinct from the web account that signs in. */
export const customers = pgTable("customers", {
  id: uuid().primaryKey().defaultRandom(),
  /** Printed on every bill; with the contract number it proves a contract is yours. */
  customerCode: text().notNull().unique(),
  name: text().notNull(),
  nationalId: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Customer = typeof customers.$inferSelect;

/** A supplied address: a home, a shop; zone drives routing and reading rounds. */
export const premises = pgTable("premises", {
  id: uuid().primaryKey().defaultRandom(),
  addressLine: text().notNull(),
  city: text().notNull(),
  zone: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Premise = typeof premises.$inferSelect;

export const contracts = pgTable(
  "contracts",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractNo: text().notNull().unique(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    premiseId: uuid()
      .notNull()
      .references(() => premises.id),
    service: serviceEnum().notNull(),
    /** Tariff category, e.g. "residential", "professional". */
    category: text().notNull().default("residential"),
    status: contractStatusEnum().notNull().default("active"),
    startDate: date().notNull(),
    endDate: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contracts_customer_idx").on(t.customerId),
    // People type contract numbers with spaces and dashes; lookups compare this canonical
    // form (lib/contracts/link-contract.ts, lib/metering/submit-reading.ts), so index it.
    index("contracts_contract_no_canonical_idx").on(
      sql`upper(regexp_replace(${t.contractNo}, '[[:space:]_./-]', '', 'g'))`,
    ),
  ],
);

export type Contract = typeof contracts.$inferSelect;

export const meters = pgTable(
  "meters",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    /** Printed on the meter: what a customer types to prove they stand in front of it. */
    serial: text().notNull(),
    dials: integer().notNull(),
    calibre: text(),
    installedAt: date().notNull(),
    removedAt: date(),
    active: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex("meters_serial_key").on(t.serial),
    index("meters_serial_canonical_idx").on(
      sql`upper(regexp_replace(${t.serial}, '[[:space:]_./-]', '', 'g'))`,
    ),
    // A contract has at most one active meter at a time.
    uniqueIndex("meters_one_active_per_contract")
      .on(t.contractId)
      .where(sql`${t.active}`),
  ],
);

export type Meter = typeof meters.$inferSelect;

export const meterRegisters = pgTable(
  "meter_registers",
  {
    id: uuid().primaryKey().defaultRandom(),
    meterId: uuid()
      .notNull()
      .references(() => meters.id),
    name: registerNameEnum().notNull().default("single"),
    /** Index at installation, the base of the first consumption. */
    initialIndex: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [uniqueIndex("meter_registers_meter_name_key").on(t.meterId, t.name)],
);

export type MeterRegister = typeof meterRegisters.$inferSelect;

/** A web account's access to a contract, granted by proving the contract number + meter/code. */
export const accountContracts = pgTable(
  "account_contracts",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.contractId] }),
    index("account_contracts_contract_idx").on(t.contractId),
  ],
);
