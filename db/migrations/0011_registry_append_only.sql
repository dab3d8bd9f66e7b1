-- The mail registry is append-only in the database itself: an entry, its attachments and its
-- annotations are never updated or deleted (a correction is a new annotation), for every role.
CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registry_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON registry_entries
  FOR EACH ROW EXECUTE FUNCTION registry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER registry_entries_no_truncate
  BEFORE TRUNCATE ON registry_entries
  FOR EACH STATEMENT EXECUTE FUNCTION registry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER registry_attachments_no_update_delete
  BEFORE UPDATE OR DELETE ON registry_attachments
  FOR EACH ROW EXECUTE FUNCTION registry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER registry_attachments_no_truncate
  BEFORE TRUNCATE ON registry_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION registry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER registry_annotations_no_update_delete
  BEFORE UPDATE OR DELETE ON registry_annotations
  FOR EACH ROW EXECUTE FUNCTION registry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER registry_annotations_no_truncate
  BEFORE TRUNCATE ON registry_annotations
  FOR EACH STATEMENT EXECUTE FUNCTION registry_refuse_change();
