import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * An uploaded photo or document. The bytes live in file storage under their SHA-256 (the same
 * bytes uploaded twice are stored once); each upload is its own row, owned either by a user or
 * by a guest session.
 */
export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Hex SHA-256 of the bytes: the storage key. */
    sha256: text().notNull(),
    /** The type detected from the bytes, never the one the browser claimed. */
    mime: text().notNull(),
    size: integer().notNull(),
    /** The name the uploader gave, trimmed, path separators removed, at most 200 characters. */
    originalName: text(),
    uploadedByUserId: uuid().references(() => users.id),
    /** Opaque id of the guest session that uploaded the file (the `wasla_guest` cookie). */
    guestScope: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_sha256_idx").on(t.sha256)],
);

export type StoredFile = typeof files.$inferSelect;
