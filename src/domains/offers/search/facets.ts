/**
 * Faceted search over the in-memory index (facetIndex.ts): the active filters of a query, the hits,
 * and facet counts where each facet ignores its own filter (AND between filters, OR within one
 * multi-valued filter) — the same numbers the former SQL (`unnest` + `GROUP BY` per facet) gave.
 */
import type { OfferSearchQuery } from '../../../shared/contracts/offerPublic.ts';
import type { FacetIndex } from './facetIndex.ts';

/** Multi-valued filters: query parameter → offers column. */
export const ARRAY_FACETS = {
  field: { column: 'field_ids', type: 'uuid[]' },
  targetGroup: { column: 'target_group_ids', type: 'uuid[]' },
  language: { column: 'languages', type: 'text[]' },
  area: { column: 'area_ids', type: 'uuid[]' },
} as const;
export type ArrayFacet = keyof typeof ARRAY_FACETS;
const ARRAY_NAMES = Object.keys(ARRAY_FACETS) as ArrayFacet[];

export const FLAG_FACETS = {
  free: 'free_of_charge',
  childcare: 'childcare',
  barrierFree: 'barrier_free',
  online: 'online',
  inPerson: 'in_person',
} as const;
export type FlagFacet = keyof typeof FLAG_FACETS;
const FLAG_NAMES = Object.keys(FLAG_FACETS) as FlagFacet[];

export type FilterName = ArrayFacet | FlagFacet;

export interface FacetCount {
  value: string;
  count: number;
}

export type Facets = Record<ArrayFacet, FacetCount[]> & Record<FlagFacet, number>;

/** The candidates of a search: offer positions in the index, in any order, with their scores (or none: all 0). */
export interface Candidates {
  offers: Int32Array;
  scores: Float64Array | null;
}

export interface FacetedHits {
  /** Positions into the candidate list of the offers that pass every filter. */
  hits: Int32Array;
  facets: Facets;
}

/**
 * Filters, hits and facet counts in one pass over the candidates. A candidate failing exactly one
 * filter still counts for that filter's facet. A flag filter is active only when true ("free=false"
 * means "free or not", as an unticked checkbox does).
 */
export function facetedHits(index: FacetIndex, candidates: Candidates, query: OfferSearchQuery): FacetedHits {
  const unfiltered = ARRAY_NAMES.every((name) => !query[name]?.length) && FLAG_NAMES.every((name) => query[name] !== true);
  // The landing page (no text, no filter) in every language: the same hits and facets until the index changes.
  const everything = unfiltered && candidates.scores === null && candidates.offers.length === index.size;
  if (everything && index.everything) return index.everything;
  const result = countFacets(index, candidates, query);
  if (everything) index.everything = result;
  return result;
}

function countFacets(index: FacetIndex, candidates: Candidates, query: OfferSearchQuery): FacetedHits {
  // Filter bits: array facets 0..3, flags 4..8. Each active array filter as a membership table over value codes.
  const selected: (Uint8Array | null)[] = ARRAY_NAMES.map((name) => {
    const values = query[name];
    if (!values || values.length === 0) return null;
    const column = index.columns[name];
    const table = new Uint8Array(column.dict.length);
    for (const v of values) {
      const code = column.codeOf.get(v);
      if (code !== undefined) table[code] = 1;
    }
    return table;
  });
  let flagFilter = 0;
  FLAG_NAMES.forEach((name, k) => {
    if (query[name] === true) flagFilter |= 1 << k;
  });
  const columns = ARRAY_NAMES.map((name) => index.columns[name]);
  const { offers } = candidates;
  const flags = index.flags;
  // Pass 1: which filters each candidate fails (bit per filter).
  const failed = new Uint16Array(offers.length);
  const hits = new Int32Array(offers.length);
  let hitCount = 0;
  const flagCounts = new Int32Array(FLAG_NAMES.length);
  for (let n = 0; n < offers.length; n++) {
    const i = offers[n]!;
    let mask = 0;
    for (let a = 0; a < ARRAY_NAMES.length; a++) {
      const table = selected[a];
      if (!table) continue;
      const { offsets, values } = columns[a]!;
      let k = offsets[i]!;
      const end = offsets[i + 1]!;
      while (k < end && !table[values[k]!]) k++;
      if (k === end) mask |= 1 << a;
    }
    const f = flags[i]!;
    mask |= (flagFilter & ~f) << ARRAY_NAMES.length;
    failed[n] = mask;
    if (mask === 0) {
      hits[hitCount++] = n;
      for (let k = 0; k < FLAG_NAMES.length; k++) if (f & (1 << k)) flagCounts[k]!++;
    }
  }
  // Pass 2, per multi-valued facet: the hits plus the candidates failing only this facet's filter.
  // (A candidate failing only a flag filter has that flag unset: it adds to no flag count.)
  const counts = columns.map((column, a) => {
    const c = new Int32Array(column.dict.length);
    const { offsets, values } = column;
    const own = 1 << a;
    for (let n = 0; n < offers.length; n++) {
      const m = failed[n]!;
      if (m !== 0 && m !== own) continue;
      const i = offers[n]!;
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) c[values[k]!]!++;
    }
    return c;
  });

  const facets = {} as Facets;
  ARRAY_NAMES.forEach((name, a) => {
    const c = counts[a]!;
    const dict = columns[a]!.dict;
    const list: FacetCount[] = [];
    for (let code = 0; code < c.length; code++) if (c[code]! > 0) list.push({ value: dict[code]!, count: c[code]! });
    list.sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    facets[name] = list;
  });
  FLAG_NAMES.forEach((name, k) => {
    facets[name] = flagCounts[k]!;
  });
  return { hits: hits.subarray(0, hitCount), facets };
}
