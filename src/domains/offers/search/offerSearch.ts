/**
 * Public offer search: one SQL statement returns the page of cards, the total and all facet counts
 * (plus, for free text, one small statement before it that builds the tsquery).
 *
 * Matching: every query word becomes an OR over the tenant's text search configurations (each
 * translation is stemmed with its own configuration in offers.search_tsv) and over its
 * alternatives: the office's synonyms and up to three typo corrections from the tenant's
 * vocabulary (search_terms, trigram similarity). Words are ANDed; stop words are dropped.
 * Ranking: offers whose title holds every query word first, then ts_rank over the titles (a
 * small vector kept inline, so ranking thousands of hits stays cheap); matches in summaries and
 * descriptions count as hits with a lower rank.
 */
import type { Tx } from '../../../db/database.ts';
import type { OfferSearchQuery, OfferSearchResult } from '../../../shared/contracts/offerPublic.ts';
import { distanceKmSql, nearestLocationKmSql, offerCardJsonSql, type OfferCardRow, paramList, presentOfferCard } from '../offerPresenter.ts';
import { activeFilters, facetSelectSql, type FacetRow, filterColumn, presentFacets } from './facets.ts';
import { expandWithSynonyms, queryWords } from './synonyms.ts';

export interface SearchTenant {
  id: string;
  defaultLanguage: string;
  languages: string[];
}

/** Validated query with the language already resolved against the tenant. */
export type OfferSearchInput = OfferSearchQuery & { lang: string };

/** Minimum trigram similarity for a vocabulary word to count as a typo correction. */
const CORRECTION_SIMILARITY = 0.4;
const CORRECTIONS_PER_WORD = 3;

/** Removes characters PostgreSQL text cannot hold (NUL) and other control characters. */
export function cleanQueryText(q: string | undefined): string {
  return (q ?? '').replace(/\p{Cc}+/gu, ' ').trim();
}

export async function loadSynonymGroups(tx: Tx): Promise<string[][]> {
  const rows = await tx.query<{ terms: string[] }>('SELECT terms FROM synonym_groups');
  return rows.map((r) => r.terms ?? []);
}

/**
 * The full-text query for a list of query words (each with its alternatives, the word first):
 * per word an OR over alternatives, typo corrections and the tenant's text search configurations,
 * the words ANDed. Null when no word is left after dropping stop words. Computed in its own
 * statement so that the main query gets the tsquery as a constant and plans with the GIN index.
 */
export async function buildTextQuery(tx: Tx, tenant: SearchTenant, words: readonly (readonly string[])[]): Promise<string | null> {
  if (words.length === 0) return null;
  const tokens = words.map((alts, i) => ({ i, alts }));
  const [row] = await tx.query<{ q: string | null }>(
    `WITH tok AS (SELECT t.i, t.alts, lower(lotse_unaccent(t.alts[1])) AS w FROM json_to_recordset($1::json) AS t(i int, alts text[])),
     cfg AS (SELECT DISTINCT lotse_ts_config(l) AS c FROM unnest($2::text[] || ARRAY['simple']) l),
     fz AS (SELECT c.i - 1 AS i, c.term FROM lotse_search_corrections($3::text[], ${CORRECTION_SIMILARITY}, ${CORRECTIONS_PER_WORD}) c),
     alt AS (SELECT tok.i, a FROM tok, unnest(tok.alts) a UNION SELECT fz.i, fz.term FROM fz),
     -- A word that is a stop word in any configuration (die, the, في) would make the AND fail there.
     stop AS (SELECT DISTINCT tok.i FROM tok, cfg WHERE numnode(websearch_to_tsquery(cfg.c, lotse_unaccent(tok.alts[1]))) = 0),
     per AS (SELECT DISTINCT alt.i, websearch_to_tsquery(cfg.c, lotse_unaccent(alt.a))::text AS q
       FROM alt, cfg WHERE alt.i NOT IN (SELECT i FROM stop)),
     grp AS (SELECT per.i, lotse_tsquery_or_agg(per.q::tsquery) AS q FROM per WHERE per.q <> '' GROUP BY per.i)
     SELECT lotse_tsquery_and_agg(grp.q)::text AS q FROM grp WHERE numnode(grp.q) > 0`,
    [JSON.stringify(tokens), tenant.languages, words.map((alts) => alts[0] ?? '')],
  );
  return row?.q || null;
}

interface SearchRow extends FacetRow {
  total: number;
  items: OfferCardRow[] | null;
}

export async function searchOffers(tx: Tx, tenant: SearchTenant, query: OfferSearchInput, synonymGroups: readonly string[][]): Promise<OfferSearchResult> {
  const { params, p } = paramList();
  const tenantId = p(tenant.id);
  const lang = p(query.lang);
  const fallback = p(tenant.defaultLanguage);
  const text = cleanQueryText(query.q);
  const words = queryWords(text);
  const { words: expanded, expandedTerms } = expandWithSynonyms(words, synonymGroups);
  const hasText = text.length > 0;
  const filters = activeFilters(query, 'o', p);
  const point = query.lat !== undefined && query.lon !== undefined ? { lat: p(query.lat), lon: p(query.lon) } : null;

  const ctes: string[] = [];
  // With text, the matching runs in lotse_public_offer_matches (migration 0002): it uses the GIN
  // index, which row-level security would otherwise keep the planner from using.
  let source = `(SELECT o.id, o.field_ids, o.target_group_ids, o.area_ids, o.languages, o.location_ids, o.updated_at,
      o.free_of_charge, o.childcare, o.barrier_free, o.online, o.in_person, 0::float8 AS score
    FROM offers o WHERE o.tenant_id = ${tenantId} AND o.status = 'published')`;
  if (hasText) {
    const tsquery = await buildTextQuery(tx, tenant, expanded.map((w) => w.alternatives));
    // A text that leaves no searchable word (only stop words or punctuation) matches nothing.
    source = tsquery
      ? `lotse_public_offer_matches(${p(tsquery)}::tsquery)`
      : `(SELECT * FROM lotse_public_offer_matches(''::tsquery) WHERE FALSE)`;
  }

  const filterColumns = filters.map((f) => `, (${f.condition}) AS ${filterColumn(f.name)}`).join('');
  ctes.push(`base AS MATERIALIZED (SELECT o.*${filterColumns} FROM ${source} o)`);
  // Without filters the hits are the matched set itself: no second materialized copy.
  if (filters.length) ctes.push(`hits AS (SELECT * FROM base WHERE ${filters.map((f) => filterColumn(f.name)).join(' AND ')})`);
  const hits = filters.length ? 'hits' : 'base';

  const limit = p(query.pageSize);
  const offset = p((query.page - 1) * query.pageSize);
  let pageSql: string;
  switch (query.sort) {
    case 'distance': {
      // Nearest located place per hit: a hash join over the hits' location ids, not a subquery per offer.
      const { lat, lon } = point!;
      ctes.push(`near AS (SELECT h.id, min(${distanceKmSql('l', lat, lon)}) AS km
        FROM ${hits} h CROSS JOIN LATERAL unnest(h.location_ids) lid
        JOIN locations l ON l.tenant_id = ${tenantId} AND l.id = lid AND l.lat IS NOT NULL AND l.lon IS NOT NULL AND l.archived_at IS NULL
        GROUP BY h.id)`);
      pageSql = `SELECT h.id, n.km AS dist FROM ${hits} h LEFT JOIN near n ON n.id = h.id ORDER BY n.km ASC NULLS LAST, h.score DESC, h.id`;
      break;
    }
    case 'title':
      pageSql = `SELECT h.id, NULL::float8 AS dist FROM ${hits} h
        LEFT JOIN offer_translations tr ON tr.tenant_id = ${tenantId} AND tr.offer_id = h.id AND tr.lang = ${lang}
        LEFT JOIN offer_translations td ON td.tenant_id = ${tenantId} AND td.offer_id = h.id AND td.lang = ${fallback}
        ORDER BY lower(coalesce(tr.title, td.title, '')), h.id`;
      break;
    case 'updated':
      pageSql = `SELECT h.id, NULL::float8 AS dist FROM ${hits} h ORDER BY h.updated_at DESC, h.id`;
      break;
    default:
      pageSql = `SELECT h.id, NULL::float8 AS dist FROM ${hits} h ORDER BY h.score DESC, h.updated_at DESC, h.id`;
  }
  ctes.push(`page AS (SELECT pg.id, pg.dist, row_number() OVER () AS ord FROM (${pageSql} LIMIT ${limit} OFFSET ${offset}) pg)`);
  const distance = point ? (query.sort === 'distance' ? 'pg.dist' : nearestLocationKmSql('o', point.lat, point.lon)) : 'NULL';

  const sql = `WITH ${ctes.join(',\n')}
    SELECT (SELECT count(*)::int FROM ${hits}) AS total,
      (SELECT json_agg(${offerCardJsonSql('o', lang, fallback, distance)} ORDER BY pg.ord)
        FROM page pg JOIN offers o ON o.tenant_id = ${tenantId} AND o.id = pg.id) AS items,
      ${facetSelectSql('base', filters)}`;

  const [row] = await tx.query<SearchRow>(sql, params);
  if (!row) throw new Error('search returned no row');
  return {
    items: (row.items ?? []).map((item) => presentOfferCard(item, query.lang)),
    total: row.total,
    page: query.page,
    pageSize: query.pageSize,
    lang: query.lang,
    facets: presentFacets(row),
    expandedTerms,
  };
}
