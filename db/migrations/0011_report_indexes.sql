-- Indexes for the supervisor dashboard and reports (lib/reports). Each figure reads the items
-- received, resolved or open in a period of a few weeks out of years of history, so the
-- queries enter by those instants rather than scanning every item.
CREATE INDEX IF NOT EXISTS "work_items_report_created_idx" ON "work_items" ("created_at")
  WHERE "merged_into_id" IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "work_items_report_resolved_idx" ON "work_items" ("resolved_at")
  WHERE "resolved_at" IS NOT NULL AND "merged_into_id" IS NULL;
--> statement-breakpoint
-- The open items (the backlog): few compared with the history, read whole for ageing.
CREATE INDEX IF NOT EXISTS "work_items_report_open_idx" ON "work_items" ("created_at")
  WHERE "status" NOT IN ('resolved', 'closed') AND "merged_into_id" IS NULL;
--> statement-breakpoint
-- The first report of a mass incident stands for the incident in every count.
CREATE INDEX IF NOT EXISTS "work_items_report_incident_idx" ON "work_items" ("incident_id", "created_at", "id")
  WHERE "incident_id" IS NOT NULL AND "merged_into_id" IS NULL;
--> statement-breakpoint
-- An item's first answer and its last resolution, looked up per item.
CREATE INDEX IF NOT EXISTS "work_item_events_report_response_idx" ON "work_item_events" ("item_id", "at")
  WHERE "type" IN ('reply', 'info_requested', 'resolved');
--> statement-breakpoint
-- Follow-ups and escalations in a period; the clerk filter (items a clerk acted on).
CREATE INDEX IF NOT EXISTS "work_item_events_report_type_at_idx" ON "work_item_events" ("type", "at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "work_item_events_report_actor_idx" ON "work_item_events" ("actor_user_id", "item_id")
  WHERE "actor_user_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "item_escalations_report_fired_idx" ON "item_escalations" ("fired_at");
