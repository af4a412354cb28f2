/**
 * Server-side execution times of the public search statements for typical queries, measured with
 * EXPLAIN (ANALYZE, TIMING OFF) on the data set of bench/seedSearchData.ts. Bypasses the answer
 * cache: every number is a cold computation.
 *
 *   node --import tsx bench/searchExplain.ts [databaseUrl]
 *
 * Prints one Markdown row per query: matches, then per run "text query ms + main statement ms".
 */
import { Database, type Tx } from '../src/db/database.ts';
import { postgresSource } from '../src/db/postgres.ts';
import { loadSynonymGroups, type SearchTenant, searchOffers } from '../src/domains/offers/search/offerSearch.ts';
import { offerSearchQuery } from '../src/shared/contracts/offerPublic.ts';
import { BENCH_DEFAULT_URL, BENCH_TENANT_SLUG } from './seedSearchData.ts';

const url = process.argv[2] ?? BENCH_DEFAULT_URL;
const db = new Database(postgresSource(url, 2));
const [tenant] = await db.system((tx) =>
  tx.query<SearchTenant>(`SELECT id, default_language AS "defaultLanguage", languages FROM tenants WHERE slug = $1`, [BENCH_TENANT_SLUG]),
);
if (!tenant) throw new Error(`tenant ${BENCH_TENANT_SLUG} missing: run bench/seedSearchData.ts first`);
const [ids] = await db.system((tx) =>
  tx.query<{ language: string; women: string }>(
    `SELECT (SELECT id FROM fields_of_action WHERE tenant_id = $1 AND key = 'language') AS language,
            (SELECT id FROM target_groups WHERE tenant_id = $1 AND key = 'women') AS women`,
    [tenant.id],
  ),
);

const cases: Record<string, Record<string, unknown>> = {
  deutschkurs: { q: 'deutschkurs' },
  'sprachkurs frauen': { q: 'sprachkurs frauen' },
  wohnung: { q: 'wohnung' },
  'intgrationskurs (typo)': { q: 'intgrationskurs' },
  'السكن (ar)': { q: 'السكن', lang: 'ar' },
  'житло (uk)': { q: 'житло', lang: 'uk' },
  'field=language & targetGroup=women': { field: [ids!.language], targetGroup: [ids!.women] },
  'free & childcare': { free: 'true', childcare: 'true' },
  'empty query (facets over all)': {},
  'deutschkurs sort=distance': { q: 'deutschkurs', sort: 'distance', lat: '49.45', lon: '8.45' },
};

console.log('| query | matches | run 1 | run 2 | run 3 |\n|---|---|---|---|---|');
for (const [name, raw] of Object.entries(cases)) {
  const query = { ...offerSearchQuery.parse(raw), lang: typeof raw.lang === 'string' ? raw.lang : 'de' };
  const runs: string[] = [];
  let total = 0;
  for (let i = 0; i < 4; i++) {
    await db.tenant(
      tenant.id,
      async (tx) => {
        const synonyms = await loadSynonymGroups(tx);
        const parts: number[] = [];
        const timed: Tx = {
          ...tx,
          async query<R>(sql: string, params: readonly unknown[] = []) {
            const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, TIMING OFF) ${sql}`, params);
            const line = plan.map((r) => r['QUERY PLAN']).find((l) => l.startsWith('Execution Time')) ?? '';
            parts.push(Number(/([\d.]+) ms/.exec(line)?.[1] ?? Number.NaN));
            return tx.query<R>(sql, params);
          },
        };
        total = (await searchOffers(timed, tenant, query, synonyms)).total;
        if (i > 0) runs.push(parts.map((p) => p.toFixed(1)).join(' + '));
      },
      { readOnly: true, settings: { work_mem: '32MB' } },
    );
  }
  console.log(`| ${name} | ${total} | ${runs.join(' | ')} |`);
}
await db.close();
