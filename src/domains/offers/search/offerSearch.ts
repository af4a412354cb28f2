/**
 * Public offer search. Filters, totals, facet counts, sorting and paging run in Node over the
 * tenant's in-memory index (facetIndex.ts); SQL builds the tsquery and returns the text matches
 * with their scores (free text only) and the cards of one page.
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
import { nearestLocationKmSql, offerCardJsonSql, type OfferCardRow, paramList, presentOfferCard } from '../offerPresenter.ts';
import { buildFacetIndex, type FacetIndex, positionOfIdAt, recallTextMatches, rememberTextMatches, titleRanks } from './facetIndex.ts';
import { type Candidates, facetedHits } from './facets.ts';
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

/** Text matches as index positions with their scores; ids the index does not hold (yet) are skipped. */
async function textCandidates(tx: Tx, index: FacetIndex, tsquery: string): Promise<Candidates> {
  // One row of comma-joined text: 20,000 rows of (uuid, float8) cost more to send and parse.
  const [row] = await tx.query<{ ids: string | null; scores: string | null }>(
    `SELECT string_agg(m.id::text, ',') AS ids, string_agg(m.score::text, ',') AS scores FROM lotse_public_offer_scores($1::tsquery) m`,
    [tsquery],
  );
  const idText = row?.ids ?? '';
  const scoreTexts = row?.scores ? row.scores.split(',') : [];
  const offers = new Int32Array(scoreTexts.length);
  const scores = new Float64Array(scoreTexts.length);
  let n = 0;
  // Every id is 36 characters plus a comma.
  for (let k = 0; k < scoreTexts.length; k++) {
    const i = positionOfIdAt(index, idText, k * 37);
    if (i < 0) continue;
    offers[n] = i;
    scores[n++] = Number(scoreTexts[k]);
  }
  return { offers: offers.subarray(0, n), scores: scores.subarray(0, n) };
}

const allOffers = (index: FacetIndex): Candidates => {
  const offers = new Int32Array(index.size);
  for (let i = 0; i < index.size; i++) offers[i] = i;
  return { offers, scores: null };
};

/** Same formula as distanceKmSql (haversine), so the order matches the distances the cards show. */
function nearestKm(index: FacetIndex, i: number, lat: number, lon: number): number {
  const { offsets, values, lat: lats, lon: lons } = index.places;
  const rad = Math.PI / 180;
  let best = Number.POSITIVE_INFINITY;
  for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
    const pl = lats[values[k]!]!;
    const po = lons[values[k]!]!;
    const h = Math.sin(((pl - lat) * rad) / 2) ** 2 + Math.cos(lat * rad) * Math.cos(pl * rad) * Math.sin(((po - lon) * rad) / 2) ** 2;
    const km = 6371.0 * 2 * Math.asin(Math.min(1.0, Math.sqrt(h)));
    if (km < best) best = km;
  }
  return best;
}

/**
 * Elements [from, to) of `items` in `compare` order. A result page is small: keeping the best `to`
 * in a sorted buffer costs one comparison for most items, not a sort of every hit.
 */
export function sortedSlice(items: ArrayLike<number>, from: number, to: number, compare: (x: number, y: number) => number): number[] {
  if (to * 8 > items.length) return Array.from(items).sort(compare).slice(from, to);
  const best: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (best.length === to && compare(item, best[to - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, best[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > to) best.pop();
  }
  return best.slice(from, to);
}

/**
 * The offers of one page, in order. Index position i is the i-th newest offer, so "updated" (and
 * relevance without text) is position order; the other orders sort only the hits.
 */
async function pageOffers(tx: Tx, index: FacetIndex, tenant: SearchTenant, query: OfferSearchInput, candidates: Candidates, hits: Int32Array): Promise<number[]> {
  const { offers, scores } = candidates;
  const from = (query.page - 1) * query.pageSize;
  const to = from + query.pageSize;
  const byPosition = (x: number, y: number) => offers[x]! - offers[y]!;
  let order: number[];
  switch (query.sort) {
    case 'distance': {
      const lat = query.lat!;
      const lon = query.lon!;
      const km = new Float64Array(offers.length);
      for (const n of hits) km[n] = nearestKm(index, offers[n]!, lat, lon);
      // Nearest first, offers without a located place (Infinity) last; then score, then id.
      order = sortedSlice(hits, from, to, (x, y) => {
        if (km[x] !== km[y]) return km[x]! < km[y]! ? -1 : 1;
        return (scores ? scores[y]! - scores[x]! : 0) || index.idRank[offers[x]!]! - index.idRank[offers[y]!]!;
      });
      break;
    }
    case 'title': {
      const ranks = await titleRanks(tx, index, query.lang, tenant.defaultLanguage);
      order = sortedSlice(hits, from, to, (x, y) => ranks[offers[x]!]! - ranks[offers[y]!]! || byPosition(x, y));
      break;
    }
    default:
      if (query.sort === 'relevance' && scores) {
        order = sortedSlice(hits, from, to, (x, y) => scores[y]! - scores[x]! || byPosition(x, y));
      } else if (scores) {
        order = sortedSlice(hits, from, to, byPosition);
      } else {
        // Without text the candidates are every offer in position order: the hits are sorted already.
        order = Array.from(hits.subarray(from, to));
      }
  }
  return order.map((n) => offers[n]!);
}

/** The cards of the page's offers, in page order. */
async function loadCards(tx: Tx, index: FacetIndex, tenant: SearchTenant, query: OfferSearchInput, page: number[]): Promise<OfferCardRow[]> {
  if (page.length === 0) return [];
  const { params, p } = paramList();
  const tenantId = p(tenant.id);
  const lang = p(query.lang);
  const fallback = p(tenant.defaultLanguage);
  const ids = p(page.map((i) => index.ids[i]));
  const distance = query.lat !== undefined && query.lon !== undefined ? nearestLocationKmSql('o', p(query.lat), p(query.lon)) : 'NULL';
  const [row] = await tx.query<{ items: OfferCardRow[] | null }>(
    `SELECT json_agg(${offerCardJsonSql('o', lang, fallback, distance)} ORDER BY pg.ord) AS items
     FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS pg(id, ord)
     JOIN offers o ON o.tenant_id = ${tenantId} AND o.id = pg.id AND o.status = 'published'`,
    params,
  );
  return row?.items ?? [];
}

/**
 * Searches the published offers of `index` (the tenant's index for the current content generation,
 * see facetIndexFor). `tx` is a tenant transaction started after the index's generation was read.
 */
export async function searchOffers(
  tx: Tx,
  tenant: SearchTenant,
  query: OfferSearchInput,
  synonymGroups: readonly string[][],
  sharedIndex?: FacetIndex,
): Promise<OfferSearchResult> {
  // Without a shared index (scripts, one-off calls) the transaction builds its own.
  const index = sharedIndex ?? (await buildFacetIndex(tx, tenant.id, '0'));
  const text = cleanQueryText(query.q);
  const words = queryWords(text);
  const { words: expanded, expandedTerms } = expandWithSynonyms(words, synonymGroups);
  let candidates: Candidates;
  if (text.length > 0) {
    const alternatives = expanded.map((w) => w.alternatives);
    // The matches depend only on the words and the tenant's languages (and the content: the index's generation).
    const key = JSON.stringify([tenant.languages, alternatives]);
    const known = recallTextMatches(index, key);
    if (known) {
      candidates = known;
    } else {
      const tsquery = await buildTextQuery(tx, tenant, alternatives);
      // A text that leaves no searchable word (only stop words or punctuation) matches nothing.
      candidates = tsquery ? await textCandidates(tx, index, tsquery) : { offers: new Int32Array(0), scores: null };
      rememberTextMatches(index, key, candidates);
    }
  } else {
    candidates = allOffers(index);
  }
  const { hits, facets } = facetedHits(index, candidates, query);
  const page = await pageOffers(tx, index, tenant, query, candidates, hits);
  const cards = await loadCards(tx, index, tenant, query, page);
  return {
    items: cards.map((item) => presentOfferCard(item, query.lang)),
    total: hits.length,
    page: query.page,
    pageSize: query.pageSize,
    lang: query.lang,
    facets,
    expandedTerms,
  };
}
