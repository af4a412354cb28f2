import { sql } from 'drizzle-orm';
import type { Database, TransactionOptions, Tx } from '../../../db/database.ts';

/**
 * In-memory cache for public, read-only answers (search, offer pages, directory, first steps).
 * Every entry remembers the content generation it was computed at; a sequence bumped by a trigger on
 * every table the navigator shows (migration 0002) tells when anything changed, so an answer is never
 * served after a committed change became visible to the generation check.
 *
 * A sequence is not transactional: a reader between a writer's statement and its commit may cache
 * old content under the new generation. Entries therefore count as fresh for FRESH_MS only (the
 * max-age public answers carry anyway); an older entry of the current generation is still served at
 * once while one background load replaces it (stale-while-revalidate), so no request waits and no
 * key is computed twice at the same time.
 */
const FRESH_MS = 60_000;
const MAX_ENTRIES = 5_000;
/**
 * Memory bound: JSON text counts by length; a single larger answer (a huge directory) is not kept.
 * Arabic or Cyrillic text takes two bytes per character in V8, so 64 Mi characters stay ≤ 128 MB
 * and the whole server within its 500 MB budget.
 */
const MAX_TOTAL_CHARS = 64 * 1024 * 1024;
const MAX_ENTRY_CHARS = 32 * 1024 * 1024;

interface Entry {
  generation: string;
  at: number;
  value: unknown;
  chars: number;
}

interface CacheState {
  entries: Map<string, Entry>;
  chars: number;
  /** Loads in progress, per key and generation: concurrent misses share one load. */
  loading: Map<string, Promise<unknown>>;
  refreshing: Set<string>;
}

const caches = new WeakMap<Database, CacheState>();

function stateOf(db: Database): CacheState {
  let state = caches.get(db);
  if (!state) {
    state = { entries: new Map(), chars: 0, loading: new Map(), refreshing: new Set() };
    caches.set(db, state);
  }
  return state;
}

function store(state: CacheState, key: string, generation: string, value: unknown): void {
  const chars = typeof value === 'string' ? value.length : 0;
  const previous = state.entries.get(key);
  if (previous) {
    state.entries.delete(key);
    state.chars -= previous.chars;
  }
  if (chars > MAX_ENTRY_CHARS) return;
  // Map iteration order is insertion order: the oldest entries go first.
  for (const [k, e] of state.entries) {
    if (state.entries.size < MAX_ENTRIES && state.chars + chars <= MAX_TOTAL_CHARS) break;
    state.entries.delete(k);
    state.chars -= e.chars;
  }
  state.entries.set(key, { generation, at: Date.now(), value, chars });
  state.chars += chars;
}

/**
 * The current content generation (changes with every write to public content). One statement on a
 * pooled connection, outside any transaction: a cache hit costs one round trip. The sequence holds
 * no tenant data, so reading it as the owner reveals nothing.
 */
export async function contentGeneration(db: Database): Promise<string> {
  const rows = (await db.systemDrizzle.execute(sql`SELECT last_value::text AS g FROM lotse_content_generation`)) as unknown as Array<{ g: string }>;
  return String(rows[0]?.g ?? '0');
}

export interface PublicRead<T> {
  value: T;
  generation: string;
}

/**
 * The answer for `key` from the current generation: cached, or computed by `compute`, which opens
 * its own transaction(s) — after the generation was read, so it sees at least that content.
 * `key` must include every input the answer depends on.
 */
export async function cachedPublicAnswer<T>(db: Database, tenantId: string, key: string, compute: (generation: string) => Promise<T>): Promise<PublicRead<T>> {
  const state = stateOf(db);
  const fullKey = `${tenantId}\u0000${key}`;
  const generation = await contentGeneration(db);
  const hit = state.entries.get(fullKey);
  if (hit && hit.generation === generation) {
    if (Date.now() - hit.at >= FRESH_MS && !state.refreshing.has(fullKey)) {
      state.refreshing.add(fullKey);
      compute(generation)
        .then((value) => store(state, fullKey, generation, value))
        .catch(() => {
          // The next request loads again; a failed refresh must not surface anywhere else.
        })
        .finally(() => state.refreshing.delete(fullKey));
    }
    return { value: hit.value as T, generation };
  }
  const flightKey = `${fullKey}\u0000${generation}`;
  let flight = state.loading.get(flightKey) as Promise<T> | undefined;
  if (!flight) {
    flight = compute(generation);
    state.loading.set(flightKey, flight);
    flight.then(
      (value) => {
        state.loading.delete(flightKey);
        store(state, fullKey, generation, value);
      },
      () => state.loading.delete(flightKey),
    );
  }
  return { value: await flight, generation };
}

/**
 * The answer for `key` from the current generation: cached, or computed by `load` in a read-only
 * tenant transaction (row-level security). `key` must include every input the answer depends on.
 */
export function cachedPublicRead<T>(
  db: Database,
  tenantId: string,
  key: string,
  load: (tx: Tx, generation: string) => Promise<T>,
  settings: Record<string, string> = {},
): Promise<PublicRead<T>> {
  const options: TransactionOptions = { readOnly: true, settings };
  return cachedPublicAnswer(db, tenantId, key, (generation) => db.tenant(tenantId, (tx) => load(tx, generation), options));
}

/** Small values (synonym groups, taxonomy) cached per generation, loaded inside the caller's transaction. */
export async function cachedForGeneration<T>(db: Database, tenantId: string, key: string, generation: string, load: () => Promise<T>): Promise<T> {
  const state = stateOf(db);
  const fullKey = `${tenantId}\u0000${key}`;
  const hit = state.entries.get(fullKey);
  if (hit && hit.generation === generation && Date.now() - hit.at < FRESH_MS) return hit.value as T;
  const value = await load();
  store(state, fullKey, generation, value);
  return value;
}
