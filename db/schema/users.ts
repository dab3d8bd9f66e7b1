import { sql } from "drizzle-orm";
import {
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  index,
} from "drizzle-orm/pg-core";
import { departments } from "./departments";
import { localeEnum, roleEnum, tokenPurposeEnum } from "./enums";

/** A person who signs in: a customer at home or a member of staff. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; the unique index makes the e-mail the sign-in name. */
    email: text().notNull(),
    passwordHash: text().notNull(),
    name: text().notNull(),
    phone: text(),
    role: roleEnum().notNull().default("customer"),
    locale: localeEnum().notNull().default("ar"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** Bumped to sign a user out everywhere (password reset, role change): sessions carry it. */
    sessionVersion: integer().notNull().default(1),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;

/** Which departments a member of staff works in (a clerk may work in several). */
export const staffDepartments = pgTable(
  "staff_departments",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

/** Single-use e-mail tokens; only a hash is stored, so a database leak does not leak links. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Failed attempts per key ("account:<email>", "ip:<address>", "link:<user>"), kept in the
 * database so that every web instance throttles alike.
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});
