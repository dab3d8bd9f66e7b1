CREATE TABLE "meter_exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"old_meter_id" uuid NOT NULL,
	"new_meter_id" uuid NOT NULL,
	"exchanged_on" date NOT NULL,
	"registers" jsonb NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meter_exchanges" ADD CONSTRAINT "meter_exchanges_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_exchanges" ADD CONSTRAINT "meter_exchanges_old_meter_id_meters_id_fk" FOREIGN KEY ("old_meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_exchanges" ADD CONSTRAINT "meter_exchanges_new_meter_id_meters_id_fk" FOREIGN KEY ("new_meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_exchanges" ADD CONSTRAINT "meter_exchanges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meter_exchanges_contract_idx" ON "meter_exchanges" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_exchanges_old_meter_key" ON "meter_exchanges" USING btree ("old_meter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_exchanges_new_meter_key" ON "meter_exchanges" USING btree ("new_meter_id");