DROP INDEX "connection_prices_key";--> statement-breakpoint
ALTER TABLE "connection_prices" ADD COLUMN "type_code" text;--> statement-breakpoint
ALTER TABLE "connection_prices" ADD CONSTRAINT "connection_prices_type_code_connection_request_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."connection_request_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_prices_key" ON "connection_prices" USING btree ("service","use","kind",coalesce("type_code", ''));