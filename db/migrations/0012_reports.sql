CREATE TABLE "report_items" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"kind_code" text NOT NULL,
	"channel" "channel" NOT NULL,
	"zone" text,
	"incident_id" uuid,
	"merged" boolean DEFAULT false NOT NULL,
	"is_open" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"resolution_due_at" timestamp with time zone,
	"filed_by_id" uuid,
	"first_response_at" timestamp with time zone,
	"first_response_minutes" integer,
	"resolution_minutes" integer,
	"resolved_by" uuid,
	"not_first_contact" boolean DEFAULT false NOT NULL,
	"quality" smallint,
	"speed" smallint,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_moves" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"delta" smallint NOT NULL,
	"department_id" uuid NOT NULL,
	"kind_code" text NOT NULL,
	"channel" "channel" NOT NULL,
	"zone" text,
	"incident_id" uuid,
	"merged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"utility_id" uuid PRIMARY KEY NOT NULL,
	"public_transparency" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_utility_id_utilities_id_fk" FOREIGN KEY ("utility_id") REFERENCES "public"."utilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_items_created_idx" ON "report_items" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "report_items_resolved_idx" ON "report_items" USING btree ("resolved_at") WHERE "report_items"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "report_items_open_idx" ON "report_items" USING btree ("created_at") WHERE "report_items"."is_open";--> statement-breakpoint
CREATE INDEX "report_items_incident_idx" ON "report_items" USING btree ("incident_id","created_at","item_id") WHERE "report_items"."incident_id" is not null and not "report_items"."merged";--> statement-breakpoint
CREATE INDEX "report_moves_at_idx" ON "report_moves" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_moves_item_idx" ON "report_moves" USING btree ("item_id");