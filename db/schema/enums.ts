import { pgEnum } from "drizzle-orm/pg-core";

export const localeEnum = pgEnum("locale", ["ar", "fr", "en"]);
export const roleEnum = pgEnum("role", ["customer", "clerk", "supervisor", "admin"]);
export const serviceEnum = pgEnum("service", ["electricity", "water", "sanitation"]);
export const contractStatusEnum = pgEnum("contract_status", ["active", "pending", "terminated"]);
export const registerNameEnum = pgEnum("register_name", ["single", "day", "night", "peak"]);
export const readingSourceEnum = pgEnum("reading_source", ["agent", "self", "estimated"]);
export const readingStatusEnum = pgEnum("reading_status", [
  "accepted",
  "review",
  "outside_window",
  "rejected",
]);
export const tokenPurposeEnum = pgEnum("token_purpose", ["verify_email", "reset_password"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed", "stored"]);
