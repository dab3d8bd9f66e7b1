import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Partner API keys (banks, agents, the IVR): only a SHA-256 hash of the key is stored. */
export const apiKeys = pgTable("api_keys", {
  id: uuid().primaryKey().defaultRandom(),
  partnerName: text().notNull(),
  /** The first characters of the key, shown to admins to tell keys apart. */
  prefix: text().notNull(),
  keyHash: text().notNull().unique(),
  scopes: text().array().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

export type ApiKey = typeof apiKeys.$inferSelect;
