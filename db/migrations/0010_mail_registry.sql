CREATE TYPE "public"."registry_category" AS ENUM('request', 'inquiry', 'complaint', 'suggestion', 'other');--> statement-breakpoint
CREATE TYPE "public"."registry_channel" AS ENUM('web', 'counter', 'post', 'email', 'partner');--> statement-breakpoint
CREATE TYPE "public"."registry_direction" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."registry_reply_status" AS ENUM('draft', 'approved', 'registered', 'withdrawn');--> statement-breakpoint
CREATE TABLE "registry_annotations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_attachments" (
	"entry_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_spent_challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"spent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"lead" text NOT NULL,
	"distributed_by_id" uuid NOT NULL,
	"distributed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" "registry_direction" NOT NULL,
	"registry_no" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"channel" "registry_channel" NOT NULL,
	"category" "registry_category" NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"party_name" text NOT NULL,
	"party_national_id" text,
	"party_email" text,
	"party_phone" text,
	"contract_no" text,
	"customer_user_id" uuid,
	"locale" "locale" NOT NULL,
	"in_reply_to_id" uuid,
	"registered_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_entries_registryNo_unique" UNIQUE("registry_no")
);
--> statement-breakpoint
CREATE TABLE "registry_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"department_item_id" uuid NOT NULL,
	"status" "registry_reply_status" DEFAULT 'draft' NOT NULL,
	"locale" "locale" NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"drafted_by_id" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"outgoing_entry_id" uuid
);
--> statement-breakpoint
ALTER TABLE "registry_annotations" ADD CONSTRAINT "registry_annotations_entry_id_registry_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."registry_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_annotations" ADD CONSTRAINT "registry_annotations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_attachments" ADD CONSTRAINT "registry_attachments_entry_id_registry_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."registry_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_attachments" ADD CONSTRAINT "registry_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_distributions" ADD CONSTRAINT "registry_distributions_entry_id_registry_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."registry_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_distributions" ADD CONSTRAINT "registry_distributions_work_item_id_work_items_id_fk" FOREIGN KEY ("work_item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_distributions" ADD CONSTRAINT "registry_distributions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_distributions" ADD CONSTRAINT "registry_distributions_distributed_by_id_users_id_fk" FOREIGN KEY ("distributed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_registered_by_id_users_id_fk" FOREIGN KEY ("registered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_replies" ADD CONSTRAINT "registry_replies_entry_id_registry_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."registry_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_replies" ADD CONSTRAINT "registry_replies_department_item_id_work_items_id_fk" FOREIGN KEY ("department_item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_replies" ADD CONSTRAINT "registry_replies_drafted_by_id_users_id_fk" FOREIGN KEY ("drafted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_replies" ADD CONSTRAINT "registry_replies_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_replies" ADD CONSTRAINT "registry_replies_outgoing_entry_id_registry_entries_id_fk" FOREIGN KEY ("outgoing_entry_id") REFERENCES "public"."registry_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_annotations_entry_idx" ON "registry_annotations" USING btree ("entry_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_attachments_key" ON "registry_attachments" USING btree ("entry_id","position");--> statement-breakpoint
CREATE INDEX "registry_distributions_entry_idx" ON "registry_distributions" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_distributions_one_lead" ON "registry_distributions" USING btree ("entry_id") WHERE "registry_distributions"."lead" = 'lead';--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entries_sequence_key" ON "registry_entries" USING btree ("direction","year","seq");--> statement-breakpoint
CREATE INDEX "registry_entries_registered_idx" ON "registry_entries" USING btree ("direction","registered_at");--> statement-breakpoint
CREATE INDEX "registry_entries_customer_idx" ON "registry_entries" USING btree ("customer_user_id");--> statement-breakpoint
CREATE INDEX "registry_entries_reply_idx" ON "registry_entries" USING btree ("in_reply_to_id");--> statement-breakpoint
CREATE INDEX "registry_replies_entry_idx" ON "registry_replies" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_replies_one_open" ON "registry_replies" USING btree ("entry_id") WHERE "registry_replies"."status" <> 'withdrawn';