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

// The back-office engine (lib/intake, lib/workflow).
export const channelEnum = pgEnum("channel", ["web", "phone", "counter", "email", "api"]);
export const itemStatusEnum = pgEnum("item_status", [
  "new",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
  "resolved",
  "closed",
]);
export const itemPriorityEnum = pgEnum("item_priority", ["low", "normal", "high", "urgent"]);
export const itemOutcomeEnum = pgEnum("item_outcome", [
  "resolved",
  "partly_resolved",
  "not_our_responsibility",
  "rejected",
  "duplicate",
]);
export const eventVisibilityEnum = pgEnum("event_visibility", ["customer", "internal"]);
export const itemEventTypeEnum = pgEnum("item_event_type", [
  "created",
  "claimed",
  "released",
  "reply",
  "note",
  "info_requested",
  "customer_reply",
  "internal_wait",
  "work_resumed",
  "transferred",
  "priority_changed",
  "reassigned",
  "resolved",
  "closed",
  "reopened",
  "escalated",
  "deadline_changed",
  "merged",
  "incident_attached",
  "follow_up",
  "rated",
  // A connection request moved to another stage (lib/connections).
  "stage_changed",
]);
export const incidentStatusEnum = pgEnum("incident_status", ["open", "resolved"]);
export const complaintCategoryEnum = pgEnum("complaint_category", [
  "outage",
  "leak",
  "low_pressure",
  "damaged_meter",
  "bill_dispute",
  "payment_not_recorded",
  "wrong_name",
  "other",
]);

// The mail registry office (lib/registry).
export const registryDirectionEnum = pgEnum("registry_direction", ["incoming", "outgoing"]);
export const registryChannelEnum = pgEnum("registry_channel", [
  "web",
  "counter",
  "post",
  "email",
  "partner",
]);
export const registryCategoryEnum = pgEnum("registry_category", [
  "request",
  "inquiry",
  "complaint",
  "suggestion",
  "other",
]);
export const registryReplyStatusEnum = pgEnum("registry_reply_status", [
  "draft",
  "approved",
  "registered",
  "withdrawn",
]);
