-- Security: the role every tenant request runs as, and row-level security on tenant-owned tables.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_app') THEN
    CREATE ROLE lotse_app NOLOGIN;
  END IF;
  BEGIN
    EXECUTE format('GRANT lotse_app TO %I', current_user);
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'could not grant lotse_app to %, grant it manually', current_user;
  END;
END $$;--> statement-breakpoint

-- Applies tenant isolation to every table that has a tenant_id column. The migrator calls it after
-- every run, so a table added later can never be forgotten.
CREATE OR REPLACE FUNCTION lotse_apply_tenant_rls() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.table_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r.table_name);
    IF NOT EXISTS (
      SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = r.table_name AND policyname = 'tenant_isolation'
    ) THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
        r.table_name
      );
    END IF;
  END LOOP;

  ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
  IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = 'tenants' AND policyname = 'tenant_isolation') THEN
    CREATE POLICY tenant_isolation ON tenants USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
  END IF;

  GRANT USAGE ON SCHEMA public TO lotse_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lotse_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lotse_app;
  -- The tenant role reads its own tenant row but never changes tenants or auth secrets.
  REVOKE INSERT, UPDATE, DELETE ON tenants FROM lotse_app;
  REVOKE ALL ON auth_session, auth_account, auth_verification, auth_two_factor, auth_rate_limit FROM lotse_app;
  -- Logs are append-only for the application.
  REVOKE UPDATE, DELETE ON audit_log FROM lotse_app;
  REVOKE ALL ON lotse_migrations FROM lotse_app;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION lotse_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lotse.audit_redaction', true), '') = 'on' THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION lotse_audit_append_only();--> statement-breakpoint

-- Search: an immutable unaccent, a text search configuration per language, and the search
-- document of an offer built from all its translations.
CREATE OR REPLACE FUNCTION lotse_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION lotse_ts_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT (CASE lang
      WHEN 'de' THEN 'german' WHEN 'en' THEN 'english' WHEN 'ar' THEN 'arabic'
      WHEN 'ru' THEN 'russian' WHEN 'tr' THEN 'turkish' WHEN 'ro' THEN 'romanian'
      WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian'
      WHEN 'el' THEN 'greek' WHEN 'sr' THEN 'serbian' WHEN 'pt' THEN 'portuguese'
      WHEN 'nl' THEN 'dutch' WHEN 'hu' THEN 'hungarian'
      ELSE 'simple' END)::regconfig
  $$;--> statement-breakpoint

CREATE AGGREGATE lotse_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');--> statement-breakpoint

CREATE OR REPLACE FUNCTION lotse_refresh_offer_search(p_tenant uuid, p_offer uuid) RETURNS void
  LANGUAGE sql AS $$
    UPDATE offers o SET
      search_tsv = s.tsv,
      search_text = s.txt
    FROM (
      SELECT o2.tenant_id, o2.id,
        coalesce(lotse_tsvector_agg(
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.title)), 'A') ||
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.summary)), 'B') ||
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.description || ' ' || t.requirements)), 'C')
        ) FILTER (WHERE t.lang IS NOT NULL), ''::tsvector) AS tsv,
        coalesce(lower(lotse_unaccent(string_agg(t.title || ' ' || t.summary, ' '))), '') AS txt
      FROM offers o2
      LEFT JOIN offer_translations t ON t.tenant_id = o2.tenant_id AND t.offer_id = o2.id
      WHERE o2.tenant_id = p_tenant AND (p_offer IS NULL OR o2.id = p_offer)
      GROUP BY o2.tenant_id, o2.id
    ) s
    WHERE o.tenant_id = s.tenant_id AND o.id = s.id
  $$;--> statement-breakpoint

-- Set lotse.bulk = 'on' (SET LOCAL) for bulk loads and call lotse_refresh_offer_search(tenant, NULL) once.
CREATE OR REPLACE FUNCTION lotse_offer_translation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lotse.bulk', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM lotse_refresh_offer_search(OLD.tenant_id, OLD.offer_id);
  ELSE
    PERFORM lotse_refresh_offer_search(NEW.tenant_id, NEW.offer_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER offer_translations_search AFTER INSERT OR UPDATE OR DELETE ON offer_translations
  FOR EACH ROW EXECUTE FUNCTION lotse_offer_translation_changed();--> statement-breakpoint

-- Array references of an offer must exist in the same tenant (arrays cannot carry foreign keys).
CREATE OR REPLACE FUNCTION lotse_check_offer_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(NEW.field_ids) r(id)
             WHERE NOT EXISTS (SELECT 1 FROM fields_of_action x WHERE x.tenant_id = NEW.tenant_id AND x.id = r.id)) THEN
    RAISE EXCEPTION 'unknown field of action' USING ERRCODE = '23503', COLUMN = 'field_ids', TABLE = 'offers';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(NEW.target_group_ids) r(id)
             WHERE NOT EXISTS (SELECT 1 FROM target_groups x WHERE x.tenant_id = NEW.tenant_id AND x.id = r.id)) THEN
    RAISE EXCEPTION 'unknown target group' USING ERRCODE = '23503', COLUMN = 'target_group_ids', TABLE = 'offers';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(NEW.area_ids) r(id)
             WHERE NOT EXISTS (SELECT 1 FROM areas x WHERE x.tenant_id = NEW.tenant_id AND x.id = r.id)) THEN
    RAISE EXCEPTION 'unknown area' USING ERRCODE = '23503', COLUMN = 'area_ids', TABLE = 'offers';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(NEW.location_ids) r(id)
             WHERE NOT EXISTS (SELECT 1 FROM locations x WHERE x.tenant_id = NEW.tenant_id AND x.id = r.id)) THEN
    RAISE EXCEPTION 'unknown location' USING ERRCODE = '23503', COLUMN = 'location_ids', TABLE = 'offers';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER offers_check_refs BEFORE INSERT OR UPDATE OF field_ids, target_group_ids, area_ids, location_ids ON offers
  FOR EACH ROW EXECUTE FUNCTION lotse_check_offer_refs();
