-- A published tariff version is what issued bills were priced with: it may never change or
-- disappear (a new price is a new version). Drafts stay editable until they are published.
CREATE OR REPLACE FUNCTION tariff_versions_freeze_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'tariff version % is published: % refused', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tariff_versions_frozen_when_published
  BEFORE UPDATE OR DELETE ON tariff_versions
  FOR EACH ROW EXECUTE FUNCTION tariff_versions_freeze_published();
--> statement-breakpoint
-- Bill lines are the bill's explanation: a correction is a cancelled bill and a reissue.
CREATE OR REPLACE FUNCTION bill_lines_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bill_lines are immutable: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bill_lines_immutable
  BEFORE UPDATE OR DELETE ON bill_lines
  FOR EACH ROW EXECUTE FUNCTION bill_lines_refuse_change();
