import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The utility running this portal: its names, address, currency and time zone. */
export const utilities = pgTable("utilities", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameAr: text().notNull(),
  nameFr: text().notNull(),
  nameEn: text().notNull(),
  addressAr: text().notNull(),
  addressFr: text().notNull(),
  addressEn: text().notNull(),
  phone: text(),
  email: text(),
  logoPath: text().notNull().default("/logo.svg"),
  /** ISO 4217 code; money is kept in its minor units. */
  currency: text().notNull().default("MAD"),
  timeZone: text().notNull().default("Africa/Casablanca"),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Utility = typeof utilities.$inferSelect;
