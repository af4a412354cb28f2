-- The case access log is append-only: nobody updates or deletes entries, except the erasure job
-- (owner role, never the application role lotse_app, with `SET LOCAL lotse.erasure = 'on'`), which
-- removes the entries of an erased person (Art. 17 DSGVO: personal data in logs, too).
CREATE OR REPLACE FUNCTION lotse_case_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lotse.erasure', true), '') = 'on' AND current_user <> 'lotse_app' THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'case_access_log is append-only' USING ERRCODE = '42501';
END $$;--> statement-breakpoint
CREATE TRIGGER case_access_log_append_only BEFORE UPDATE OR DELETE ON case_access_log
  FOR EACH ROW EXECUTE FUNCTION lotse_case_access_log_append_only();--> statement-breakpoint
CREATE TRIGGER case_access_log_no_truncate BEFORE TRUNCATE ON case_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_case_access_log_append_only();
