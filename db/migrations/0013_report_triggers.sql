-- Indexes for the dashboard's reads outside report_items (lib/reports): an item's first answer
-- and last resolution (report_items_refresh_events looks them up on every such event), the
-- follow-ups and escalations of a period, and the clerk filter (the items a clerk acted on).
CREATE INDEX IF NOT EXISTS "work_item_events_report_response_idx" ON "work_item_events" ("item_id", "at")
  WHERE "type" IN ('reply', 'info_requested', 'resolved');
--> statement-breakpoint
-- Only follow-ups are counted by period: a partial index, so that the many other events (every
-- claim writes one) do not pay for an index entry nobody reads.
CREATE INDEX IF NOT EXISTS "work_item_events_report_follow_up_idx" ON "work_item_events" ("at")
  WHERE "type" = 'follow_up';
--> statement-breakpoint
-- Taking and releasing an item is not taking part in it, and "take next" (the hot path) writes a
-- claim event each time: those events stay out of this index.
CREATE INDEX IF NOT EXISTS "work_item_events_report_actor_idx" ON "work_item_events" ("actor_user_id", "item_id")
  WHERE "actor_user_id" IS NOT NULL AND "type" NOT IN ('claimed', 'released');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "item_escalations_report_fired_idx" ON "item_escalations" ("fired_at");
--> statement-breakpoint
-- report_items (lib/reports) follows every change in the same transaction: the item's own
-- columns when the item changes, the figures read off its events when an event is written or
-- stamped with its business minutes (lib/workflow/refresh-sla.ts stamps them just after the
-- insert), and the scores when the customer rates it.
CREATE OR REPLACE FUNCTION report_items_copy_item() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_items AS r (item_id, department_id, kind_code, channel, zone, incident_id,
    merged, is_open, created_at, resolved_at, first_response_due_at, resolution_due_at, filed_by_id)
  VALUES (NEW.id, NEW.department_id, NEW.kind_code, NEW.channel, NEW.zone, NEW.incident_id,
    NEW.merged_into_id IS NOT NULL, NEW.status NOT IN ('resolved', 'closed'), NEW.created_at,
    NEW.resolved_at, NEW.first_response_due_at, NEW.resolution_due_at, NEW.filed_by_id)
  ON CONFLICT (item_id) DO UPDATE SET
    department_id = EXCLUDED.department_id, kind_code = EXCLUDED.kind_code,
    channel = EXCLUDED.channel, zone = EXCLUDED.zone, incident_id = EXCLUDED.incident_id,
    merged = EXCLUDED.merged, is_open = EXCLUDED.is_open, created_at = EXCLUDED.created_at,
    resolved_at = EXCLUDED.resolved_at, first_response_due_at = EXCLUDED.first_response_due_at,
    resolution_due_at = EXCLUDED.resolution_due_at, filed_by_id = EXCLUDED.filed_by_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_items_item
  AFTER INSERT ON work_items
  FOR EACH ROW EXECUTE FUNCTION report_items_copy_item();
--> statement-breakpoint
-- Most updates of an item are claims and lease renewals, which change nothing the reports read:
-- the WHEN clause keeps them (the hot path of "take next") free of the upsert.
CREATE TRIGGER report_items_item_update
  AFTER UPDATE ON work_items
  FOR EACH ROW
  WHEN ((OLD.department_id, OLD.kind_code, OLD.channel, OLD.zone, OLD.incident_id,
      OLD.merged_into_id, OLD.status IN ('resolved', 'closed'), OLD.created_at, OLD.resolved_at,
      OLD.first_response_due_at, OLD.resolution_due_at, OLD.filed_by_id)
    IS DISTINCT FROM (NEW.department_id, NEW.kind_code, NEW.channel, NEW.zone, NEW.incident_id,
      NEW.merged_into_id, NEW.status IN ('resolved', 'closed'), NEW.created_at, NEW.resolved_at,
      NEW.first_response_due_at, NEW.resolution_due_at, NEW.filed_by_id))
  EXECUTE FUNCTION report_items_copy_item();
--> statement-breakpoint
-- The figures of one item, recomputed from its events (a handful of rows through their index).
CREATE OR REPLACE FUNCTION report_items_refresh_events(p_item uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE report_items r SET
    first_response_at = fr.at,
    first_response_minutes = fr.minutes,
    resolution_minutes = lr.minutes,
    resolved_by = lr.actor,
    not_first_contact = EXISTS (SELECT 1 FROM work_item_events x WHERE x.item_id = p_item
      AND x.type IN ('info_requested', 'reopened', 'transferred'))
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT e.at, e.business_minutes_taken AS minutes FROM work_item_events e
    WHERE e.item_id = p_item AND e.type IN ('reply', 'info_requested', 'resolved')
    ORDER BY e.at, e.id LIMIT 1) fr ON true
  LEFT JOIN LATERAL (SELECT e.business_minutes_taken AS minutes, e.actor_user_id AS actor
    FROM work_item_events e WHERE e.item_id = p_item AND e.type = 'resolved'
    ORDER BY e.at DESC, e.id DESC LIMIT 1) lr ON true
  WHERE r.item_id = p_item;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_items_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type IN ('reply', 'info_requested', 'resolved', 'reopened', 'transferred') THEN
    PERFORM report_items_refresh_events(NEW.item_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_items_event
  AFTER INSERT OR UPDATE OF business_minutes_taken, type, at ON work_item_events
  FOR EACH ROW
  -- Claims, releases and notes (most events) move no figure: no function call for them.
  WHEN (NEW.type IN ('created', 'reply', 'info_requested', 'resolved', 'reopened', 'transferred'))
  EXECUTE FUNCTION report_items_event();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_items_rating() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_items SET quality = NEW.quality, speed = NEW.speed WHERE item_id = NEW.item_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_items_rating
  AFTER INSERT OR UPDATE ON item_ratings
  FOR EACH ROW EXECUTE FUNCTION report_items_rating();
--> statement-breakpoint
-- Rebuild every row from the items, events and ratings: the backfill of existing data, and the
-- last step of a bulk load that ran without triggers (scripts/seed-large.ts).
CREATE OR REPLACE FUNCTION report_items_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM report_items;
  INSERT INTO report_items (item_id, department_id, kind_code, channel, zone, incident_id, merged,
    is_open, created_at, resolved_at, first_response_due_at, resolution_due_at, filed_by_id,
    first_response_at, first_response_minutes, resolution_minutes, resolved_by,
    not_first_contact, quality, speed)
  SELECT w.id, w.department_id, w.kind_code, w.channel, w.zone, w.incident_id,
    w.merged_into_id IS NOT NULL, w.status NOT IN ('resolved', 'closed'), w.created_at,
    w.resolved_at, w.first_response_due_at, w.resolution_due_at, w.filed_by_id,
    fr.at, fr.minutes, lr.minutes, lr.actor,
    EXISTS (SELECT 1 FROM work_item_events x WHERE x.item_id = w.id
      AND x.type IN ('info_requested', 'reopened', 'transferred')),
    g.quality, g.speed
  FROM work_items w
  LEFT JOIN LATERAL (SELECT e.at, e.business_minutes_taken AS minutes FROM work_item_events e
    WHERE e.item_id = w.id AND e.type IN ('reply', 'info_requested', 'resolved')
    ORDER BY e.at, e.id LIMIT 1) fr ON true
  LEFT JOIN LATERAL (SELECT e.business_minutes_taken AS minutes, e.actor_user_id AS actor
    FROM work_item_events e WHERE e.item_id = w.id AND e.type = 'resolved'
    ORDER BY e.at DESC, e.id DESC LIMIT 1) lr ON true
  LEFT JOIN item_ratings g ON g.item_id = w.id;
$$;
--> statement-breakpoint
SELECT report_items_rebuild();
--> statement-breakpoint
-- report_items also keeps the routing keywords an item's text contains (as filed), and
-- report_moves the backlog's moves (see db/schema/reports.ts), both in the same transaction as
-- the change; the moves follow the item's department, kind, channel and zone when they change.
CREATE OR REPLACE FUNCTION report_items_copy_item() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_items AS r (item_id, department_id, kind_code, channel, zone, incident_id,
    merged, is_open, created_at, resolved_at, first_response_due_at, resolution_due_at,
    filed_by_id, keywords)
  VALUES (NEW.id, NEW.department_id, NEW.kind_code, NEW.channel, NEW.zone, NEW.incident_id,
    NEW.merged_into_id IS NOT NULL, NEW.status NOT IN ('resolved', 'closed'), NEW.created_at,
    NEW.resolved_at, NEW.first_response_due_at, NEW.resolution_due_at, NEW.filed_by_id,
    ARRAY(SELECT k FROM routing_rules rr, unnest(rr.keywords) AS k
      WHERE rr.id = NEW.routing_rule_id AND strpos(lower(NEW.description), lower(k)) > 0))
  ON CONFLICT (item_id) DO UPDATE SET
    department_id = EXCLUDED.department_id, kind_code = EXCLUDED.kind_code,
    channel = EXCLUDED.channel, zone = EXCLUDED.zone, incident_id = EXCLUDED.incident_id,
    merged = EXCLUDED.merged, is_open = EXCLUDED.is_open, created_at = EXCLUDED.created_at,
    resolved_at = EXCLUDED.resolved_at, first_response_due_at = EXCLUDED.first_response_due_at,
    resolution_due_at = EXCLUDED.resolution_due_at, filed_by_id = EXCLUDED.filed_by_id;
  IF TG_OP = 'UPDATE' AND (OLD.department_id, OLD.kind_code, OLD.channel, OLD.zone,
      OLD.incident_id, OLD.merged_into_id IS NOT NULL) IS DISTINCT FROM (NEW.department_id,
      NEW.kind_code, NEW.channel, NEW.zone, NEW.incident_id, NEW.merged_into_id IS NOT NULL) THEN
    UPDATE report_moves SET department_id = NEW.department_id, kind_code = NEW.kind_code,
      channel = NEW.channel, zone = NEW.zone, incident_id = NEW.incident_id,
      merged = NEW.merged_into_id IS NOT NULL
    WHERE item_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_items_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type IN ('reply', 'info_requested', 'resolved', 'reopened', 'transferred') THEN
    PERFORM report_items_refresh_events(NEW.item_id);
  END IF;
  IF TG_OP = 'INSERT' AND NEW.type IN ('created', 'resolved', 'reopened') THEN
    INSERT INTO report_moves (event_id, item_id, at, delta, department_id, kind_code, channel,
      zone, incident_id, merged)
    SELECT NEW.id, r.item_id, NEW.at, CASE WHEN NEW.type = 'resolved' THEN -1 ELSE 1 END,
      r.department_id, r.kind_code, r.channel, r.zone, r.incident_id, r.merged
    FROM report_items r WHERE r.item_id = NEW.item_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_items_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM report_moves;
  DELETE FROM report_items;
  INSERT INTO report_items (item_id, department_id, kind_code, channel, zone, incident_id, merged,
    is_open, created_at, resolved_at, first_response_due_at, resolution_due_at, filed_by_id,
    first_response_at, first_response_minutes, resolution_minutes, resolved_by,
    not_first_contact, quality, speed, keywords)
  SELECT w.id, w.department_id, w.kind_code, w.channel, w.zone, w.incident_id,
    w.merged_into_id IS NOT NULL, w.status NOT IN ('resolved', 'closed'), w.created_at,
    w.resolved_at, w.first_response_due_at, w.resolution_due_at, w.filed_by_id,
    fr.at, fr.minutes, lr.minutes, lr.actor,
    EXISTS (SELECT 1 FROM work_item_events x WHERE x.item_id = w.id
      AND x.type IN ('info_requested', 'reopened', 'transferred')),
    g.quality, g.speed,
    ARRAY(SELECT k FROM routing_rules rr, unnest(rr.keywords) AS k
      WHERE rr.id = w.routing_rule_id AND strpos(lower(w.description), lower(k)) > 0)
  FROM work_items w
  LEFT JOIN LATERAL (SELECT e.at, e.business_minutes_taken AS minutes FROM work_item_events e
    WHERE e.item_id = w.id AND e.type IN ('reply', 'info_requested', 'resolved')
    ORDER BY e.at, e.id LIMIT 1) fr ON true
  LEFT JOIN LATERAL (SELECT e.business_minutes_taken AS minutes, e.actor_user_id AS actor
    FROM work_item_events e WHERE e.item_id = w.id AND e.type = 'resolved'
    ORDER BY e.at DESC, e.id DESC LIMIT 1) lr ON true
  LEFT JOIN item_ratings g ON g.item_id = w.id;
  INSERT INTO report_moves (event_id, item_id, at, delta, department_id, kind_code, channel,
    zone, incident_id, merged)
  SELECT e.id, r.item_id, e.at, CASE WHEN e.type = 'resolved' THEN -1 ELSE 1 END,
    r.department_id, r.kind_code, r.channel, r.zone, r.incident_id, r.merged
  FROM work_item_events e JOIN report_items r ON r.item_id = e.item_id
  WHERE e.type IN ('created', 'resolved', 'reopened');
$$;
--> statement-breakpoint
SELECT report_items_rebuild();
