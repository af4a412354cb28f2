/**
 * Per-tenant in-memory index of the published offers' filter attributes (fields, target groups,
 * areas, held-in languages, flags, places), dictionary-encoded in typed arrays. Filters, facet
 * counts, sorting and paging run over it in Node in a few milliseconds; SQL only supplies the text
 * matches and the cards of one page.
 *
 * The index belongs to one content generation (lotse_content_generation, migration 0002). It is
 * built inside a tenant transaction, so row-level security decides what it holds, and stored under
 * the generation read BEFORE its data was loaded: a change committed later always moves the
 * generation past it. The sequence is not transactional (a reader may see a writer's new
 * generation before its commit), so an index counts as fresh for FRESH_MS only and is then rebuilt
 * in the background while the current one keeps serving.
 */
import type { Database, Tx } from '../../../db/database.ts';
import { ARRAY_FACETS, type ArrayFacet, type Candidates, type FacetedHits, FLAG_FACETS, type FlagFacet } from './facets.ts';

const FRESH_MS = 60_000;

/** One multi-valued attribute in compressed sparse rows: offer i holds values[offsets[i] .. offsets[i+1]). */
export interface ValueColumn {
  /** Distinct values (uuid or language code); a value's code is its position. */
  dict: string[];
  codeOf: Map<string, number>;
  offsets: Int32Array;
  values: Int32Array;
}

export interface FacetIndex {
  tenantId: string;
  generation: string;
  builtAt: number;
  /** Number of published offers. Offer i is the i-th newest (updated_at DESC, id): i is the "updated" order. */
  size: number;
  ids: string[];
  /** Open-addressing table over the ids' first 32 bits (position + 1, 0 = empty), see positionOfIdAt(). */
  idTable: Int32Array;
  /** Position of offer i in id order (PostgreSQL uuid order), the last tie-breaker of distance sorting. */
  idRank: Int32Array;
  /** Bit k set when the k-th flag of FLAG_FACETS holds. */
  flags: Uint8Array;
  columns: Record<ArrayFacet, ValueColumn>;
  /** Places per offer (codes into lat/lon; NaN where a place has no position or is archived). */
  places: { offsets: Int32Array; values: Int32Array; lat: Float64Array; lon: Float64Array };
  /** Title order per language (lazily loaded): rank of offer i, see titleRanks(). */
  titleRanks: Map<string, Int32Array>;
  /** Hits and facets of the query without text and filters (facets.ts), once computed. */
  everything?: FacetedHits;
  /** Text matches per query words (see rememberTextMatches), most recently used last. */
  textMatches: Map<string, Candidates>;
  textMatchEntries: number;
}

/** Bound of the text match memo per index: offers over all remembered queries (12 bytes each). */
const MAX_REMEMBERED_MATCHES = 1_000_000;

/** Text matches computed before for the same words in this index's generation, or undefined. */
export function recallTextMatches(index: FacetIndex, key: string): Candidates | undefined {
  const known = index.textMatches.get(key);
  if (known) {
    index.textMatches.delete(key);
    index.textMatches.set(key, known);
  }
  return known;
}

/**
 * Keeps the text matches of one query for its index's generation: filters, pages, sort orders and
 * languages of the same words then need no SQL for the matching. Oldest entries go first.
 */
export function rememberTextMatches(index: FacetIndex, key: string, matches: Candidates): void {
  const size = matches.offers.length;
  if (size > MAX_REMEMBERED_MATCHES / 4) return;
  for (const [k, m] of index.textMatches) {
    if (index.textMatchEntries + size <= MAX_REMEMBERED_MATCHES) break;
    index.textMatches.delete(k);
    index.textMatchEntries -= m.offers.length;
  }
  index.textMatches.set(key, matches);
  index.textMatchEntries += size;
}

/** Separators of the aggregated lists: between offers, and between the values of one offer. */
const OFFER_SEP = '\u001e';
const VALUE_SEP = '\u001f';

interface IndexRow {
  n: number;
  ids: string | null;
  r: string | null;
  fl: string | null;
  f: string | null;
  g: string | null;
  a: string | null;
  l: string | null;
  loc: string | null;
}

function splitList(text: string | null): string[] {
  return text ? text.split(VALUE_SEP) : [];
}

/** The first 8 hex digits of the uuid at `offset` of `text` as an unsigned 32-bit number (uuids are random there). */
function idHash(text: string, offset: number): number {
  let h = 0;
  for (let k = offset; k < offset + 8; k++) {
    const c = text.charCodeAt(k);
    h = (h << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return h >>> 0;
}

function idTableOf(ids: readonly string[]): Int32Array {
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const table = new Int32Array(size);
  ids.forEach((id, i) => {
    let slot = idHash(id, 0) & (size - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = i + 1;
  });
  return table;
}

/**
 * Position of the offer whose canonical uuid text starts at `offset` of `text`, or -1. Reads ids out
 * of one long comma-joined string without cutting it into 20,000 small strings first.
 */
export function positionOfIdAt(index: FacetIndex, text: string, offset: number): number {
  const { idTable, ids } = index;
  const mask = idTable.length - 1;
  for (let slot = idHash(text, offset) & mask; idTable[slot] !== 0; slot = (slot + 1) & mask) {
    const i = idTable[slot]! - 1;
    if (text.startsWith(ids[i]!, offset)) return i;
  }
  return -1;
}

function columnOf(lists: string[][]): ValueColumn {
  const dict: string[] = [];
  const codeOf = new Map<string, number>();
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  for (const list of lists) total += list.length;
  const values = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < lists.length; i++) {
    offsets[i] = k;
    for (const v of lists[i]!) {
      let code = codeOf.get(v);
      if (code === undefined) {
        code = dict.length;
        // A fresh copy: a slice would keep the whole aggregated list string of the build alive.
        dict.push(JSON.parse(JSON.stringify(v)) as string);
        codeOf.set(v, code);
      }
      values[k++] = code;
    }
  }
  offsets[lists.length] = k;
  return { dict, codeOf, offsets, values };
}

/** Reads the published offers of the transaction's tenant into a new index. */
export async function buildFacetIndex(tx: Tx, tenantId: string, generation: string): Promise<FacetIndex> {
  const flagSql = (Object.keys(FLAG_FACETS) as FlagFacet[]).map((name, k) => `(CASE WHEN o.${FLAG_FACETS[name]} THEN ${1 << k} ELSE 0 END)`).join(' | ');
  const list = (column: string) => `string_agg(array_to_string(p.${column}, chr(31)), chr(30))`;
  // One row of long strings: 50,000 rows of arrays cost several times more to send and parse. The
  // aggregates read the ordered subquery in order (newest first); all of them in the same order.
  const [row] = await tx.query<IndexRow>(
    `SELECT count(*)::int AS n, string_agg(p.id::text, ',') AS ids, string_agg(p.r::text, ',') AS r, string_agg(p.fl::text, ',') AS fl,
       ${list(ARRAY_FACETS.field.column)} AS f, ${list(ARRAY_FACETS.targetGroup.column)} AS g, ${list(ARRAY_FACETS.area.column)} AS a,
       ${list(ARRAY_FACETS.language.column)} AS l, ${list('location_ids')} AS loc
     FROM (SELECT o.id, row_number() OVER (ORDER BY o.id) - 1 AS r, (${flagSql}) AS fl, o.field_ids, o.target_group_ids, o.area_ids, o.languages, o.location_ids
           FROM offers o WHERE o.tenant_id = $1 AND o.status = 'published'
           ORDER BY o.updated_at DESC, o.id) p`,
    [tenantId],
  );
  const placeRows = await tx.query<{ id: string; lat: number; lon: number }>(
    `SELECT l.id::text AS id, l.lat, l.lon FROM locations l
     WHERE l.tenant_id = $1 AND l.archived_at IS NULL AND l.lat IS NOT NULL AND l.lon IS NOT NULL`,
    [tenantId],
  );
  const size = Number(row?.n ?? 0);
  const ids = size ? row!.ids!.split(',') : [];
  const idRank = Int32Array.from(size ? row!.r!.split(',') : [], Number);
  const flags = Uint8Array.from(size ? row!.fl!.split(',') : [], Number);
  // string_agg skips NULLs, never empty strings: an offer without values is an empty entry.
  const perOffer = (text: string | null | undefined) => (size ? (text ?? '').split(OFFER_SEP).map(splitList) : []);
  const lists = { f: perOffer(row?.f), g: perOffer(row?.g), a: perOffer(row?.a), l: perOffer(row?.l) };
  const locationLists = perOffer(row?.loc);
  // Places: every place an offer names gets a code; only placed, active ones get a position.
  const placeCode = new Map<string, number>();
  const placeLat: number[] = [];
  const placeLon: number[] = [];
  for (const p of placeRows) {
    placeCode.set(p.id, placeLat.length);
    placeLat.push(Number(p.lat));
    placeLon.push(Number(p.lon));
  }
  const placeOffsets = new Int32Array(size + 1);
  const placeValues: number[] = [];
  for (let i = 0; i < size; i++) {
    placeOffsets[i] = placeValues.length;
    for (const id of locationLists[i]!) {
      const code = placeCode.get(id);
      if (code !== undefined) placeValues.push(code);
    }
  }
  placeOffsets[size] = placeValues.length;
  return {
    tenantId,
    generation,
    builtAt: Date.now(),
    size,
    ids,
    idTable: idTableOf(ids),
    idRank,
    flags,
    columns: { field: columnOf(lists.f), targetGroup: columnOf(lists.g), area: columnOf(lists.a), language: columnOf(lists.l) },
    places: { offsets: placeOffsets, values: Int32Array.from(placeValues), lat: Float64Array.from(placeLat), lon: Float64Array.from(placeLon) },
    titleRanks: new Map(),
    textMatches: new Map(),
    textMatchEntries: 0,
  };
}

/**
 * Rank of every indexed offer when sorted by title in `lang` (else the default language), as the
 * database orders it (its collation and lower()). Offers the ranking does not know sort last.
 * Loaded once per language and index.
 */
export async function titleRanks(tx: Tx, index: FacetIndex, lang: string, fallback: string): Promise<Int32Array> {
  const key = `${lang}\u0000${fallback}`;
  const known = index.titleRanks.get(key);
  if (known) return known;
  const [row] = await tx.query<{ ids: string | null }>(
    `SELECT string_agg(o.id::text, ',' ORDER BY lower(coalesce(tr.title, td.title, '')), o.id) AS ids
     FROM offers o
     LEFT JOIN offer_translations tr ON tr.tenant_id = o.tenant_id AND tr.offer_id = o.id AND tr.lang = $2
     LEFT JOIN offer_translations td ON td.tenant_id = o.tenant_id AND td.offer_id = o.id AND td.lang = $3
     WHERE o.tenant_id = $1 AND o.status = 'published'`,
    [index.tenantId, lang, fallback],
  );
  const ranks = new Int32Array(index.size).fill(index.size);
  const text = row?.ids ?? '';
  for (let position = 0; position * 37 < text.length; position++) {
    const i = positionOfIdAt(index, text, position * 37);
    if (i >= 0) ranks[i] = position;
  }
  index.titleRanks.set(key, ranks);
  return ranks;
}

interface TenantIndexState {
  index: FacetIndex | null;
  building: { generation: string; promise: Promise<FacetIndex> } | null;
  refreshing: boolean;
}

const states = new WeakMap<Database, Map<string, TenantIndexState>>();

function stateOf(db: Database, tenantId: string): TenantIndexState {
  let perDb = states.get(db);
  if (!perDb) {
    perDb = new Map();
    states.set(db, perDb);
  }
  let state = perDb.get(tenantId);
  if (!state) {
    state = { index: null, building: null, refreshing: false };
    perDb.set(tenantId, state);
  }
  return state;
}

const atLeast = (generation: string, wanted: string) => BigInt(generation) >= BigInt(wanted);

function startBuild(db: Database, state: TenantIndexState, tenantId: string, generation: string): Promise<FacetIndex> {
  // work_mem: the sort of all published offers stays in memory instead of temporary files.
  const promise = db.tenant(tenantId, (tx) => buildFacetIndex(tx, tenantId, generation), { readOnly: true, settings: { work_mem: '32MB' } });
  const flight = { generation, promise };
  state.building = flight;
  promise.then(
    (index) => {
      if (!state.index || atLeast(generation, state.index.generation)) state.index = index;
    },
    () => {
      // The waiting requests see the error; the next request builds again.
    },
  );
  promise.finally(() => {
    if (state.building === flight) state.building = null;
  }).catch(() => {});
  return promise;
}

/**
 * The tenant's index for content generation `generation` (read by the caller before calling, and
 * before any transaction of its own: waiting here holds no pooled connection). Concurrent callers
 * share one build; at most one build per tenant runs at a time.
 */
export async function facetIndexFor(db: Database, tenantId: string, generation: string): Promise<FacetIndex> {
  const state = stateOf(db, tenantId);
  for (;;) {
    const current = state.index;
    if (current && atLeast(current.generation, generation)) {
      if (Date.now() - current.builtAt >= FRESH_MS && !state.refreshing && !state.building) {
        // Same generation for a while: rebuild once in the background in case a write raced the last build.
        state.refreshing = true;
        startBuild(db, state, tenantId, current.generation)
          .catch(() => {})
          .finally(() => {
            state.refreshing = false;
          });
      }
      return current;
    }
    const flight = state.building;
    if (flight) {
      if (atLeast(flight.generation, generation)) return flight.promise;
      // An older build is running: let it finish, then build for the newer generation.
      await flight.promise.catch(() => {});
      continue;
    }
    return startBuild(db, state, tenantId, generation);
  }
}
