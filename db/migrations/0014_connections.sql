CREATE TYPE "public"."connection_document_status" AS ENUM('received', 'accepted', 'missing', 'unreadable');--> statement-breakpoint
CREATE TYPE "public"."connection_family" AS ENUM('connection', 'subscription', 'termination');--> statement-breakpoint
CREATE TYPE "public"."quote_line_kind" AS ENUM('connection_works', 'meter', 'contract_fee', 'deposit', 'stamp_duty');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('issued', 'paid', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."item_event_type" ADD VALUE 'stage_changed';--> statement-breakpoint
ALTER TYPE "public"."payment_provider" ADD VALUE 'deposit';--> statement-breakpoint
CREATE TABLE "connection_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" "service" NOT NULL,
	"use" text DEFAULT 'domestic' NOT NULL,
	"kind" "quote_line_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text DEFAULT 'MAD' NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"number" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" "quote_status" DEFAULT 'issued' NOT NULL,
	"payment_id" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "connection_quotes_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "connection_request_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"doc_code" text NOT NULL,
	"file_id" uuid,
	"status" "connection_document_status" DEFAULT 'received' NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_request_types" (
	"code" text PRIMARY KEY NOT NULL,
	"family" "connection_family" NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"services" "service"[] DEFAULT '{water,electricity,sanitation}'::service[] NOT NULL,
	"documents" jsonb NOT NULL,
	"needs_contract" boolean DEFAULT false NOT NULL,
	"decision_days" integer DEFAULT 15 NOT NULL,
	"completion_days" integer DEFAULT 30 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"customer_user_id" uuid NOT NULL,
	"stage" text DEFAULT 'submitted' NOT NULL,
	"service" "service" NOT NULL,
	"applicant" jsonb NOT NULL,
	"address_line" text NOT NULL,
	"city" text NOT NULL,
	"latitude" text,
	"longitude" text,
	"use" text NOT NULL,
	"detail" text,
	"occupancy" text,
	"termination_reason" text,
	"contract_id" uuid,
	"visit_at" timestamp with time zone,
	"visit_slot" text,
	"works_at" timestamp with time zone,
	"meter_serial" text,
	"final_index" bigint,
	"final_bill_id" uuid,
	"rejection_reason" text,
	"appeal_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_requests_itemId_unique" UNIQUE("item_id")
);
--> statement-breakpoint
CREATE TABLE "connection_stage_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_deposits" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"quote_id" uuid,
	"settlement_payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "quote_id" uuid;--> statement-breakpoint
ALTER TABLE "connection_drafts" ADD CONSTRAINT "connection_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_quotes" ADD CONSTRAINT "connection_quotes_request_id_connection_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."connection_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_quotes" ADD CONSTRAINT "connection_quotes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_request_documents" ADD CONSTRAINT "connection_request_documents_request_id_connection_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."connection_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_request_documents" ADD CONSTRAINT "connection_request_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_request_types" ADD CONSTRAINT "connection_request_types_code_request_kinds_code_fk" FOREIGN KEY ("code") REFERENCES "public"."request_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_requests" ADD CONSTRAINT "connection_requests_type_code_connection_request_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."connection_request_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_requests" ADD CONSTRAINT "connection_requests_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_requests" ADD CONSTRAINT "connection_requests_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_requests" ADD CONSTRAINT "connection_requests_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_stage_history" ADD CONSTRAINT "connection_stage_history_request_id_connection_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."connection_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_stage_history" ADD CONSTRAINT "connection_stage_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deposits" ADD CONSTRAINT "contract_deposits_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_drafts_user_type_key" ON "connection_drafts" USING btree ("user_id","type_code");--> statement-breakpoint
CREATE UNIQUE INDEX "connection_prices_key" ON "connection_prices" USING btree ("service","use","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "connection_quotes_one_live" ON "connection_quotes" USING btree ("request_id") WHERE "connection_quotes"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "connection_request_documents_key" ON "connection_request_documents" USING btree ("request_id","doc_code");--> statement-breakpoint
CREATE INDEX "connection_requests_customer_idx" ON "connection_requests" USING btree ("customer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "connection_stage_history_request_idx" ON "connection_stage_history" USING btree ("request_id","at");