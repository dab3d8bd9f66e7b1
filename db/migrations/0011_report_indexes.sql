-- Indexes for the dashboard's reads outside report_items (lib/reports): an item's first answer
-- and last resolution (report_items_refresh_events looks them up on every such event), the
-- follow-ups and escalations of a period, and the clerk filter (the items a clerk acted on).
CREATE INDEX IF NOT EXISTS "work_item_events_report_response_idx" ON "work_item_events" ("item_id", "at")
  WHERE "type" IN ('reply', 'info_requested', 'resolved');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "work_item_events_report_type_at_idx" ON "work_item_events" ("type", "at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "work_item_events_report_actor_idx" ON "work_item_events" ("actor_user_id", "item_id")
  WHERE "actor_user_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "item_escalations_report_fired_idx" ON "item_escalations" ("fired_at");
