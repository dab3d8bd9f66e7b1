-- Status changes written without their business minutes ("take next" claims: see
-- lib/workflow/stamp-events.ts), found by the worker's minute sweep. Partial, so it holds only
-- the few rows waiting for the sweep, never the millions already stamped.
CREATE INDEX IF NOT EXISTS "work_item_events_unstamped_idx" ON "work_item_events" ("id")
  WHERE "business_minutes_taken" IS NULL AND "to_status" IS NOT NULL;
