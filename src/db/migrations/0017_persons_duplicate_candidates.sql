-- Duplicate check of persons (case management): the candidates of a new or existing record, from
-- similar names (pg_trgm on name_search), a common phonetic code (name_phonetic) or the same birth
-- date. Runs as SECURITY DEFINER because row-level security keeps the planner from using the trigram
-- and array GIN indexes (their operators are not leakproof); it confines itself to the transaction's
-- tenant (app.tenant_id) and to records that were not merged away, and returns only ids and the
-- trigram score — the service loads the rows through row-level security and scores them.
CREATE OR REPLACE FUNCTION lotse_person_candidates(p_names text[], p_codes text[], p_birth date, p_limit int)
RETURNS TABLE (id uuid, trgm real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
BEGIN
  IF v_tenant IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    WITH hits AS MATERIALIZED (
      SELECT p.id AS pid, p.tenant_id AS tid, p.merged_into_id AS merged, p.name_search AS ns
        FROM unnest(p_names) AS v(n) JOIN persons p ON p.name_search % v.n
      UNION
      SELECT p.id, p.tenant_id, p.merged_into_id, p.name_search
        FROM unnest(p_names) AS v(n) JOIN persons p ON v.n <% p.name_search
      UNION
      SELECT p.id, p.tenant_id, p.merged_into_id, p.name_search
        FROM persons p WHERE cardinality(p_codes) > 0 AND p.name_phonetic && p_codes
      UNION
      SELECT p.id, p.tenant_id, p.merged_into_id, p.name_search
        FROM persons p WHERE p_birth IS NOT NULL AND p.tenant_id = v_tenant AND p.birth_date = p_birth
    )
    SELECT h.pid,
           coalesce((SELECT max(greatest(similarity(h.ns, v.n), word_similarity(v.n, h.ns))) FROM unnest(p_names) AS v(n)), 0)::real AS score
      FROM hits h
     WHERE h.tid = v_tenant AND h.merged IS NULL
     ORDER BY score DESC, h.pid
     LIMIT greatest(1, least(coalesce(p_limit, 200), 1000));
END $$;
