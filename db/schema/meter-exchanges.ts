import { date, index, jsonb, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contracts, meters } from "./contracts";
import type { registerNameEnum } from "./enums";
import { users } from "./users";

/** The figures of one register at the swap: what the plausibility rules and billing span. */
export type ExchangeRegister = {
  name: (typeof registerNameEnum.enumValues)[number];
  /** The old register's last counted index before the swap (its initial index when none). */
  oldPreviousIndex: number;
  /** The old meter's final index, also stored as a reading of the old register. */
  oldFinalIndex: number;
  /** That reading (readings.id), so that history and billing can tell it apart. */
  oldFinalReadingId: string;
  /** The new register's index at installation (meter_registers.initial_index). */
  newInitialIndex: number;
};

/**
 * A meter swapped on a contract (lib/metering/meter-exchange.ts): the old meter removed on a
 * local date with its final index, the new one installed with its initial index. A reading of
 * the new meter whose previous counted reading is on the old one spans both meters through it.
 */
export const meterExchanges = pgTable(
  "meter_exchanges",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    oldMeterId: uuid()
      .notNull()
      .references(() => meters.id),
    newMeterId: uuid()
      .notNull()
      .references(() => meters.id),
    /** Local calendar date of the swap, in the utility's time zone. */
    exchangedOn: date().notNull(),
    registers: jsonb().$type<ExchangeRegister[]>().notNull(),
    recordedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meter_exchanges_contract_idx").on(t.contractId),
    // A meter leaves a contract once and arrives once.
    uniqueIndex("meter_exchanges_old_meter_key").on(t.oldMeterId),
    uniqueIndex("meter_exchanges_new_meter_key").on(t.newMeterId),
  ],
);

export type MeterExchange = typeof meterExchanges.$inferSelect;
