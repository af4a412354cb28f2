// Whole-tenant graphs are read far more often than the network changes: the serialized answer is
// kept per app node, keyed by tenant, query and day, and is valid while the network generation
// (a sequence every write to the drawn tables bumps, migration 0022) stays the same — so every
// node notices a change on its next request. A sequence is not transactional: a writer that bumped
// it but had not committed yet could leave an entry behind its data, so entries also expire.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { today } from '../actors/day.ts';

const MAX_ENTRIES = 24;
const MAX_AGE_MS = 30_000;

interface Entry {
  generation: string;
  at: number;
  json: string;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

async function networkGeneration(db: Database): Promise<string> {
  // The sequence holds no tenant data; one statement on a pooled connection, outside any transaction.
  const rows = (await db.systemDrizzle.execute(sql`SELECT last_value::text || ':' || is_called::text AS g FROM lotse_network_generation`)) as unknown as Array<{ g: string }>;
  return String(rows[0]?.g ?? '0');
}

/** The JSON of a graph: cached, or computed by `compute` after the generation was read. */
export async function cachedGraphJson(db: Database, tenantId: string, key: string, compute: () => Promise<unknown>): Promise<string> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const fullKey = `${tenantId}\u0000${today()}\u0000${key}`;
  const generation = await networkGeneration(db);
  const hit = cache.get(fullKey);
  if (hit && hit.generation === generation && Date.now() - hit.at < MAX_AGE_MS) return hit.json;
  const json = JSON.stringify(await compute());
  cache.delete(fullKey);
  cache.set(fullKey, { generation, at: Date.now(), json });
  // Map order is insertion order: the oldest entries go first.
  for (const k of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(k);
  }
  return json;
}
