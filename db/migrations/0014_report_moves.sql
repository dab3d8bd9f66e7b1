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
ALTER TABLE "report_items" ADD COLUMN "keywords" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "report_moves_at_idx" ON "report_moves" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_moves_item_idx" ON "report_moves" USING btree ("item_id");