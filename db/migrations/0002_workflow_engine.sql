CREATE TYPE "public"."channel" AS ENUM('web', 'phone', 'counter', 'email', 'api');--> statement-breakpoint
CREATE TYPE "public"."complaint_category" AS ENUM('outage', 'leak', 'low_pressure', 'damaged_meter', 'bill_dispute', 'payment_not_recorded', 'wrong_name', 'other');--> statement-breakpoint
CREATE TYPE "public"."event_visibility" AS ENUM('customer', 'internal');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."item_event_type" AS ENUM('created', 'claimed', 'released', 'reply', 'note', 'info_requested', 'customer_reply', 'internal_wait', 'work_resumed', 'transferred', 'priority_changed', 'reassigned', 'resolved', 'closed', 'reopened', 'escalated', 'deadline_changed', 'merged', 'incident_attached', 'follow_up', 'rated');--> statement-breakpoint
CREATE TYPE "public"."item_outcome" AS ENUM('resolved', 'partly_resolved', 'not_our_responsibility', 'rejected', 'duplicate');--> statement-breakpoint
CREATE TYPE "public"."item_priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."item_status" AS ENUM('new', 'in_progress', 'waiting_customer', 'waiting_internal', 'resolved', 'closed');--> statement-breakpoint
CREATE TABLE "business_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utility_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"working_days" smallint[] NOT NULL,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	CONSTRAINT "business_calendars_utilityId_unique" UNIQUE("utility_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_holidays" (
	"calendar_id" uuid NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_holidays_calendar_id_day_pk" PRIMARY KEY("calendar_id","day")
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"calendar_id" uuid NOT NULL,
	"day" date NOT NULL,
	"opens_at" text,
	"closes_at" text,
	"note" text,
	CONSTRAINT "calendar_overrides_calendar_id_day_pk" PRIMARY KEY("calendar_id","day")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "complaint_category" NOT NULL,
	"contract_id" uuid,
	"description" text NOT NULL,
	"photo_file_id" uuid,
	"location" text,
	"latitude" text,
	"longitude" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"status" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"department_id" uuid NOT NULL,
	"service" "service",
	"zone" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "incident_status" DEFAULT 'open' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "item_escalations" (
	"item_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_escalations_item_id_level_pk" PRIMARY KEY("item_id","level")
);
--> statement-breakpoint
CREATE TABLE "item_ratings" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"quality" smallint NOT NULL,
	"speed" smallint NOT NULL,
	"comment" text,
	"via" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "number_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "request_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"number_prefix" text NOT NULL,
	"customer_can_file" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"kind_code" text,
	"service" "service",
	"zone" text,
	"channel" "channel",
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"department_id" uuid NOT NULL,
	"priority" "item_priority",
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind_code" text,
	"priority" "item_priority" NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_item_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" "item_event_type" NOT NULL,
	"visibility" "event_visibility" NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"body" text,
	"message_key" text,
	"data" jsonb,
	"from_status" "item_status",
	"to_status" "item_status",
	"business_minutes_taken" integer
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"tracking_code" text NOT NULL,
	"kind_code" text NOT NULL,
	"channel" "channel" NOT NULL,
	"status" "item_status" DEFAULT 'new' NOT NULL,
	"priority" "item_priority" DEFAULT 'normal' NOT NULL,
	"department_id" uuid NOT NULL,
	"routing_rule_id" uuid,
	"assignee_id" uuid,
	"lease_expires_at" timestamp with time zone,
	"customer_user_id" uuid,
	"contract_id" uuid,
	"filed_by_id" uuid,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"locale" text DEFAULT 'ar' NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"zone" text,
	"service" "service",
	"parent_item_id" uuid,
	"incident_id" uuid,
	"merged_into_id" uuid,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"resolution_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" "item_outcome",
	"outcome_note" text,
	"business_minutes_taken" integer DEFAULT 0 NOT NULL,
	"business_minutes_left" integer DEFAULT 0 NOT NULL,
	"waiting_internal_minutes" integer DEFAULT 0 NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"customer_reply_count" integer DEFAULT 0 NOT NULL,
	"last_customer_visible_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_items_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "business_calendars" ADD CONSTRAINT "business_calendars_utility_id_utilities_id_fk" FOREIGN KEY ("utility_id") REFERENCES "public"."utilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_holidays" ADD CONSTRAINT "calendar_holidays_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_escalations" ADD CONSTRAINT "item_escalations_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_ratings" ADD CONSTRAINT "item_ratings_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_kind_code_request_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."request_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_kind_code_request_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."request_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_item_events" ADD CONSTRAINT "work_item_events_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_item_events" ADD CONSTRAINT "work_item_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_kind_code_request_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."request_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_routing_rule_id_routing_rules_id_fk" FOREIGN KEY ("routing_rule_id") REFERENCES "public"."routing_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_rules_position_idx" ON "routing_rules" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_one_default" ON "routing_rules" USING btree ("is_default") WHERE "routing_rules"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_kind_priority_key" ON "sla_policies" USING btree (coalesce("kind_code", '*'),"priority");--> statement-breakpoint
CREATE INDEX "work_item_events_item_idx" ON "work_item_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "work_items_queue_idx" ON "work_items" USING btree ("department_id","resolution_due_at") WHERE "work_items"."status" in ('new', 'in_progress') and "work_items"."assignee_id" is null and "work_items"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "work_items_department_status_idx" ON "work_items" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "work_items_assignee_idx" ON "work_items" USING btree ("assignee_id") WHERE "work_items"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "work_items_customer_idx" ON "work_items" USING btree ("customer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "work_items_contract_idx" ON "work_items" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "work_items_open_due_idx" ON "work_items" USING btree ("resolution_due_at") WHERE "work_items"."status" not in ('resolved', 'closed');