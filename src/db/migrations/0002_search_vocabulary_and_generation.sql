-- Search vocabulary: the distinct words of every tenant's offer titles and summaries (unaccented,
-- lower-case, letters only: hyphenated words would turn corrections into phrase queries). Typo tolerance matches query words against this short list with trigrams and adds
-- the corrections to the full-text query; trigram rechecks on whole offer texts were ~450 µs per row.
CREATE TABLE IF NOT EXISTS search_terms (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  term text NOT NULL,
  PRIMARY KEY (tenant_id, term)
);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_terms_term_trgm_idx ON search_terms USING gin (term gin_trgm_ops);--> statement-breakpoint

-- Titles of all translations, each stemmed with its language's configuration: a small vector kept
-- inline in the row, so ranking thousands of hits does not detoast the large search_tsv.
ALTER TABLE offers ADD COLUMN IF NOT EXISTS title_tsv tsvector NOT NULL DEFAULT ''::tsvector;--> statement-breakpoint

-- Filter-only and empty searches read the public columns of all published offers from this index
-- (index-only scan) instead of the wide rows.
CREATE INDEX IF NOT EXISTS offers_public_filter_idx ON offers (tenant_id, status)
  INCLUDE (id, field_ids, target_group_ids, area_ids, languages, location_ids, free_of_charge, childcare, barrier_free, online, in_person, updated_at);--> statement-breakpoint

-- OR / AND over many tsqueries (one per language configuration and alternative word).
CREATE AGGREGATE lotse_tsquery_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);--> statement-breakpoint
CREATE AGGREGATE lotse_tsquery_and_agg(tsquery) (SFUNC = tsquery_and, STYPE = tsquery);--> statement-breakpoint

-- Same search document as before, plus the offer's words for the vocabulary. Words are never removed:
-- a stale word only widens a query by a term that matches nothing.
CREATE OR REPLACE FUNCTION lotse_refresh_offer_search(p_tenant uuid, p_offer uuid) RETURNS void
  LANGUAGE sql AS $$
    UPDATE offers o SET
      search_tsv = s.tsv,
      title_tsv = s.title_tsv,
      search_text = s.txt
    FROM (
      SELECT o2.tenant_id, o2.id,
        coalesce(lotse_tsvector_agg(
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.title)), 'A') ||
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.summary)), 'B') ||
          setweight(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.description || ' ' || t.requirements)), 'C')
        ) FILTER (WHERE t.lang IS NOT NULL), ''::tsvector) AS tsv,
        coalesce(lotse_tsvector_agg(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.title))) FILTER (WHERE t.lang IS NOT NULL), ''::tsvector) AS title_tsv,
        coalesce(lower(lotse_unaccent(string_agg(t.title || ' ' || t.summary, ' '))), '') AS txt
      FROM offers o2
      LEFT JOIN offer_translations t ON t.tenant_id = o2.tenant_id AND t.offer_id = o2.id
      WHERE o2.tenant_id = p_tenant AND (p_offer IS NULL OR o2.id = p_offer)
      GROUP BY o2.tenant_id, o2.id
    ) s
    WHERE o.tenant_id = s.tenant_id AND o.id = s.id;

    INSERT INTO search_terms (tenant_id, term)
    SELECT DISTINCT t.tenant_id, w.lexeme
    FROM offer_translations t, unnest(to_tsvector('simple', lotse_unaccent(t.title || ' ' || t.summary))) w
    WHERE t.tenant_id = p_tenant AND (p_offer IS NULL OR t.offer_id = p_offer)
      AND length(w.lexeme) BETWEEN 3 AND 40 AND w.lexeme !~ '[0-9_./@:-]'
    ON CONFLICT DO NOTHING;
  $$;--> statement-breakpoint

UPDATE offers o SET title_tsv = s.v
FROM (SELECT t.tenant_id, t.offer_id, lotse_tsvector_agg(to_tsvector(lotse_ts_config(t.lang), lotse_unaccent(t.title))) AS v
      FROM offer_translations t GROUP BY t.tenant_id, t.offer_id) s
WHERE o.tenant_id = s.tenant_id AND o.id = s.offer_id;--> statement-breakpoint

INSERT INTO search_terms (tenant_id, term)
SELECT DISTINCT t.tenant_id, w.lexeme
FROM offer_translations t, unnest(to_tsvector('simple', lotse_unaccent(t.title || ' ' || t.summary))) w
WHERE length(w.lexeme) BETWEEN 3 AND 40 AND w.lexeme !~ '[0-9]'
ON CONFLICT DO NOTHING;--> statement-breakpoint

-- Content generation: bumped by every statement that changes what the public navigator shows, so
-- the server can keep public answers in memory and know when they are outdated. A sequence never
-- blocks and never conflicts between concurrent writers.
CREATE SEQUENCE IF NOT EXISTS lotse_content_generation;--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_bump_content_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('lotse_content_generation');
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenants', 'offers', 'offer_translations', 'providers', 'locations', 'synonym_groups',
                           'first_steps_lists', 'fields_of_action', 'target_groups', 'areas']
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_content_generation', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation()',
                   t || '_content_generation', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- Row-level security hides index use: the planner may not evaluate a non-leakproof operator (@@, %)
-- before the tenant policy, so under RLS every search scanned and detoasted all offers (~1 s for
-- 50k). These two functions run as the owner and confine themselves to the tenant of the
-- transaction (app.tenant_id) and to published offers, so the GIN indexes are used.
CREATE OR REPLACE FUNCTION lotse_public_offer_matches(p_query tsquery)
RETURNS TABLE (id uuid, field_ids uuid[], target_group_ids uuid[], area_ids uuid[], languages text[], location_ids uuid[],
               updated_at timestamptz, free_of_charge boolean, childcare boolean, barrier_free boolean, online boolean,
               in_person boolean, score float8)
-- enable_seqscan off: for broad queries the planner prefers a sequential scan, not counting that
-- @@ then detoasts every offer's search document; the GIN bitmap scan never does.
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$
BEGIN
  -- EXECUTE plans with the actual query, so the GIN index is chosen by real selectivity.
  RETURN QUERY EXECUTE
    'SELECT o.id, o.field_ids, o.target_group_ids, o.area_ids, o.languages, o.location_ids, o.updated_at,
            o.free_of_charge, o.childcare, o.barrier_free, o.online, o.in_person,
            -- Offers whose titles hold every query word first, then by weighted title rank.
            (CASE WHEN o.title_tsv @@ $1 THEN 1 ELSE 0 END + ts_rank(o.title_tsv, $1))::float8
     FROM offers o
     WHERE o.tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
       AND o.status = ''published'' AND o.search_tsv @@ $1'
    USING p_query;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION lotse_search_corrections(p_words text[], p_min_similarity real, p_per_word int)
RETURNS TABLE (i int, term text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n int;
  w text;
BEGIN
  FOR n IN 1 .. coalesce(array_length(p_words, 1), 0) LOOP
    w := lower(lotse_unaccent(p_words[n]));
    CONTINUE WHEN char_length(w) < 4;
    -- A word the offers use is no typo: correcting it would only widen the query.
    CONTINUE WHEN EXISTS (SELECT 1 FROM search_terms s
                          WHERE s.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND s.term = w);
    RETURN QUERY EXECUTE
      'SELECT $1, s.term FROM search_terms s
       WHERE s.tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
         AND s.term % $2 AND s.term <> $2 AND similarity(s.term, $2) >= $3 AND s.term !~ ''[0-9_./@:-]''
       ORDER BY s.term <-> $2, s.term LIMIT $4'
      USING n, w, p_min_similarity, p_per_word;
  END LOOP;
END $$;
