CREATE TABLE "reading_schedules" (
	"zone" text NOT NULL,
	"scheduled_date" date NOT NULL,
	CONSTRAINT "reading_schedules_zone_scheduled_date_pk" PRIMARY KEY("zone","scheduled_date")
);
--> statement-breakpoint
CREATE TABLE "reading_windows" (
	"zone" text PRIMARY KEY NOT NULL,
	"days_before" integer DEFAULT 3 NOT NULL,
	"days_after" integer DEFAULT 2 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "consumption" bigint;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "receipt_no" text;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "channel" "channel";--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "used_for_billing" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "review_item_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "readings_receipt_no_register_key" ON "readings" USING btree ("receipt_no","register_id");