/**
 * Where does search time go? Runs representative searches through the real searchOffers() on the
 * benchmark database (as the tenant role, under row-level security), prints the median time per
 * query and writes EXPLAIN (ANALYZE, BUFFERS) of each statement to bench/.data/explain/.
 *
 *   node --import tsx bench/explainSearch.ts [databaseUrl] [tenantSlug]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database, type Tx } from '../src/db/database.ts';
import { postgresSource } from '../src/db/postgres.ts';
import { loadSynonymGroups, type OfferSearchInput, searchOffers } from '../src/domains/offers/search/offerSearch.ts';
import { getTenantBySlug } from '../src/domains/tenants/tenantService.ts';
import { offerSearchQuery } from '../src/shared/contracts/offerPublic.ts';

const url = process.argv[2] ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_http';
const slug = process.argv[3] ?? 'gross';
const outDir = fileURLToPath(new URL('./.data/explain/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const db = new Database(postgresSource(url, 2));
const tenant = await getTenantBySlug(db, slug);
if (!tenant) throw new Error(`no tenant ${slug} in ${url}`);
const ids = await db.tenant(tenant.id, (tx) =>
  tx.query<{ f: string; g: string; a: string }>(
    'SELECT (SELECT id FROM fields_of_action ORDER BY sort LIMIT 1) AS f, (SELECT id FROM target_groups ORDER BY sort LIMIT 1) AS g, (SELECT id FROM areas ORDER BY sort LIMIT 1) AS a',
  ),
);
const { f, g, a } = ids[0]!;

const cases: [string, Record<string, string>][] = [
  ['empty-facets', { lang: 'de' }],
  ['word-de', { q: 'Deutschkurs', lang: 'de' }],
  ['common-word-de', { q: 'Beratung', lang: 'de' }],
  ['typo-de', { q: 'Integratonskurs', lang: 'de' }],
  ['two-words-de', { q: 'Sprachkurs Frauen', lang: 'de' }],
  ['arabic', { q: 'استشارة', lang: 'ar' }],
  ['ukrainian', { q: 'житло', lang: 'uk' }],
  ['filter-only', { lang: 'de', field: f, targetGroup: g }],
  ['word-and-filter', { q: 'Beratung', lang: 'de', field: f, area: a, free: 'true' }],
  ['sort-updated', { lang: 'de', sort: 'updated', targetGroup: g }],
];

/** A Tx that records the last statement it was given. */
function recording(tx: Tx, seen: { sql: string; params: readonly unknown[] }[]): Tx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (sql: string, params: readonly unknown[] = []) => {
          seen.push({ sql, params });
          return target.query(sql, params);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log('case                 median ms   total hits   execution ms (EXPLAIN ANALYZE)');
for (const [name, raw] of cases) {
  const parsed = offerSearchQuery.parse(raw);
  const query = { ...parsed, lang: parsed.lang ?? tenant.defaultLanguage } as OfferSearchInput;
  const times: number[] = [];
  let total = 0;
  let statement: { sql: string; params: readonly unknown[] } | undefined;
  for (let i = 0; i < 15; i++) {
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const started = performance.now();
    const result = await db.tenant(
      tenant.id,
      async (tx) => {
        const synonyms = await loadSynonymGroups(tx);
        return searchOffers(recording(tx, seen), tenant, query, synonyms);
      },
      { readOnly: true },
    );
    times.push(performance.now() - started);
    total = result.total;
    statement = seen.at(-1);
  }
  const plan = await db.tenant(tenant.id, (tx) => tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement!.sql}`, statement!.params), { readOnly: true });
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  writeFileSync(join(outDir, `${name}.txt`), `-- ${JSON.stringify(raw)}\n${statement!.sql}\n-- params: ${JSON.stringify(statement!.params)}\n\n${text}\n`);
  const exec = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
  console.log(`${name.padEnd(20)} ${median(times).toFixed(1).padStart(9)}   ${String(total).padStart(10)}   ${exec}`);
}
console.log(`plans: ${outDir}`);
await db.close();
