/**
 * `npm run bench` — load benchmarks on this machine (loopback only) and the results table in
 * docs/benchmarks.md. Every scenario replaces its own row, so a partial run keeps the others.
 *
 *   npm run bench                                  all scenarios
 *   npm run bench -- --only search-pg,offer-pg     a subset (see SCENARIOS)
 *   npm run bench -- --duration 15 --connections 10 --reseed
 *
 * Data sets are prepared once and reused: PostgreSQL database `lotse_bench_http` (BENCH_PG_URL; `lotse_bench` belongs to bench/seedSearchData.ts) with
 * tenant `gross` and 50,000 offers, and an embedded data directory bench/.data/pglite-10k with
 * 10,000 offers. Both are created with `lotse seed --offers N --tenant gross`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPGlite } from '../src/db/pglite.ts';
import { buildSearchMix, type DatasetFacts } from './searchMix.ts';
import { initialJsSize } from './webSize.ts';
import { type ResultRow, writeResults } from './results.ts';
import { startGzipProxy } from './gzipProxy.ts';
import { runLighthouse } from './lighthouse.ts';
import { oparlScenario } from './oparl.ts';
import { networkGraphScenario } from './networkGraph.ts';
import { CASE_SCENARIOS, casesScenarios } from './cases.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIOS = ['search-pg', 'search-pg-uncached', 'offer-pg', 'search-pglite', 'startup-pglite', 'web-js', 'lighthouse', 'oparl-pg', 'network-graph', ...CASE_SCENARIOS] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    only: { type: 'string' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '12' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
    offers: { type: 'string', default: process.env.BENCH_OFFERS ?? '50000' },
    'embedded-offers': { type: 'string', default: process.env.BENCH_EMBEDDED_OFFERS ?? '10000' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_http' },
    'data-dir': { type: 'string', default: process.env.BENCH_DATA_DIR ?? join(ROOT, 'bench/.data/pglite') },
    tenant: { type: 'string', default: 'gross' },
    reseed: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    /** Only prepare (seed) the data sets of the selected scenarios. */
    prepare: { type: 'boolean', default: false },
  },
});

const only = new Set<Scenario>(
  args.only
    ? args.only.split(',').map((s) => {
        if (!SCENARIOS.includes(s as Scenario)) throw new Error(`unknown scenario "${s}"; known: ${SCENARIOS.join(', ')}`);
        return s as Scenario;
      })
    : SCENARIOS,
);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const PG_OFFERS = Number(args.offers);
const EMBEDDED_OFFERS = Number(args['embedded-offers']);
const TENANT = args.tenant;
const EMBEDDED_DIR = `${args['data-dir']}-${EMBEDDED_OFFERS / 1000}k`;
const today = new Date().toISOString().slice(0, 10);
const machine = `${availableParallelism()} CPU (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load avg ${loadavg()[0]!.toFixed(1)} at start`;
const rows: ResultRow[] = [];
const log = (...m: unknown[]) => console.log('[bench]', ...m);

function record(row: Omit<ResultRow, 'date' | 'machine'>): void {
  const full = { ...row, date: today, machine };
  rows.push(full);
  log(`${row.scenario}: ${row.reqPerSec ?? ''} req/s p50 ${row.p50 ?? '-'} p95 ${row.p95 ?? '-'} p99 ${row.p99 ?? '-'} errors ${row.errors ?? '-'} ${row.other ?? ''} → ${row.met}`);
}

// ---------------------------------------------------------------------------------------------
// Processes and load

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The environment for child processes: exactly one database, never inherited from the shell. */
function databaseEnv(db: { url?: string; dataDir?: string }): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LOTSE_DATA_DIR;
  if (db.url) env.DATABASE_URL = db.url;
  if (db.dataDir) env.LOTSE_DATA_DIR = db.dataDir;
  return env;
}

interface Server {
  url: string;
  pid: number;
  startupMs: number;
  output: () => string;
  stop: () => Promise<number | null>;
}

async function startServer(db: { url?: string; dataDir?: string }, extraEnv: NodeJS.ProcessEnv = {}): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['bin/lotse.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...databaseEnv(db),
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(24).toString('hex'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // required in production; scenarios that read encrypted data pass their data set's key
      DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  // Ready = /api/ready answers 200 (database reachable), polled every 10 ms.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (performance.now() - started > 120_000) throw new Error(`server not ready after 120 s:\n${out}`);
    try {
      const r = await fetch(`${url}/api/ready`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    startupMs,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Samples the server's resident memory while `fn` runs; returns the peak in MB. */
async function withRssPeak<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, rssMb(pid));
    } catch {
      // process gone
    }
  }, 100);
  try {
    const result = await fn();
    peakMb = Math.max(peakMb, rssMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}

interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  failures: { statusCode: number; path: string }[];
}

function runLoad(url: string, paths: string[], connections: number, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadWorker.mjs', import.meta.url), { workerData: { url, paths, connections, duration } });
    worker.once('message', (r: LoadResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Every path once: a search route that is missing or broken fails here, not after a full run. */
async function precheck(url: string, paths: string[], label: string): Promise<void> {
  // From the end: the measured run starts at the beginning and should not find these cached.
  const distinct = [...new Set(paths)].slice(-200);
  const bad: string[] = [];
  for (const p of distinct) {
    const r = await fetch(url + p);
    if (!r.ok) bad.push(`${r.status} ${p} ${(await r.text()).slice(0, 200)}`);
    else await r.arrayBuffer();
  }
  if (bad.length) {
    log(`${label}: ${bad.length}/${distinct.length} distinct requests fail, e.g.\n  ${bad.slice(0, 5).join('\n  ')}`);
    if (bad.length === distinct.length) throw new Error(`${label}: every request fails — is the route there?`);
  }
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------------------------------------
// Data sets

type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

async function datasetFacts(query: Query): Promise<DatasetFacts | null> {
  const [tenant] = await query<{ id: string; languages: string[] }>('SELECT id, languages FROM tenants WHERE slug = $1', [TENANT]);
  if (!tenant) return null;
  const one = async (sql: string) => (await query<{ id: string }>(sql, [tenant.id])).map((r) => r.id);
  const [{ n }] = (await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE tenant_id = $1 AND status = 'published'", [tenant.id])) as [{ n: number }];
  const titles = await query<{ lang: string; title: string }>(
    `SELECT lang, title FROM (SELECT lang, title, row_number() OVER (PARTITION BY lang ORDER BY offer_id) AS k FROM offer_translations WHERE tenant_id = $1) t WHERE k <= 40`,
    [tenant.id],
  );
  const synonyms = await query<{ terms: string[] }>('SELECT terms FROM synonym_groups WHERE tenant_id = $1', [tenant.id]).catch(() => []);
  return {
    tenantId: tenant.id,
    languages: tenant.languages,
    offers: n,
    offerIds: await one("SELECT id FROM offers WHERE tenant_id = $1 AND status = 'published' ORDER BY md5(id::text) LIMIT 3000"),
    fieldIds: await one('SELECT id FROM fields_of_action WHERE tenant_id = $1'),
    targetGroupIds: await one('SELECT id FROM target_groups WHERE tenant_id = $1'),
    areaIds: await one('SELECT id FROM areas WHERE tenant_id = $1'),
    titles,
    synonyms: synonyms.map((s) => s.terms),
  };
}

async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/lotse.mjs', ...argv], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`lotse ${argv.join(' ')} exited with ${code}`);
  return (performance.now() - started) / 1000;
}

async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function preparePostgres(url: string): Promise<DatasetFacts> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const exists = await withPgClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const inspect = () => withPgClient(url, (c) => datasetFacts(async (sql, params) => (await c.query(sql, params)).rows).catch(() => null));
  if (exists && !args.reseed) {
    const facts = await inspect();
    if (facts && facts.offers === PG_OFFERS) {
      log(`PostgreSQL data set reused: ${name}, tenant ${TENANT}, ${facts.offers} offers`);
      return facts;
    }
  }
  log(`seeding PostgreSQL ${name} with ${PG_OFFERS} offers (tenant ${TENANT}) …`);
  await withPgClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const seconds = await runCli(['seed', '--offers', String(PG_OFFERS), '--tenant', TENANT], databaseEnv({ url }));
  await withPgClient(url, (c) => c.query('VACUUM ANALYZE'));
  record({ scenario: 'seed-pg', dataset: `PostgreSQL, ${PG_OFFERS} offers × 9 languages`, other: `lotse seed: ${round(seconds)} s`, target: '–', met: '–' });
  const facts = await inspect();
  if (!facts) throw new Error('seeding finished but the tenant is missing');
  return facts;
}

async function prepareEmbedded(dir: string): Promise<DatasetFacts> {
  const inspect = async () => {
    const db = await openPGlite({ dataDir: dir });
    try {
      return await datasetFacts(async (sql, params) => (await db.query(sql, params)).rows as never[]).catch(() => null);
    } finally {
      await db.close();
    }
  };
  if (existsSync(dir) && !args.reseed) {
    const facts = await inspect();
    if (facts && facts.offers === EMBEDDED_OFFERS) {
      log(`embedded data set reused: ${dir}, ${facts.offers} offers`);
      return facts;
    }
  }
  log(`seeding embedded ${dir} with ${EMBEDDED_OFFERS} offers …`);
  rmSync(dir, { recursive: true, force: true });
  const seconds = await runCli(['seed', '--offers', String(EMBEDDED_OFFERS), '--tenant', TENANT], databaseEnv({ dataDir: dir }));
  record({ scenario: 'seed-pglite', dataset: `PGlite, ${EMBEDDED_OFFERS} offers × 9 languages`, other: `lotse seed: ${round(seconds)} s`, target: '–', met: '–' });
  const facts = await inspect();
  if (!facts) throw new Error('seeding finished but the tenant is missing');
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async function loadScenario(
  server: Server,
  scenario: string,
  dataset: string,
  paths: string[],
  target: { reqPerSec?: number; p95?: number; p99?: number },
  probe?: { scenario: string; paths: string[]; p99: number },
): Promise<void> {
  await precheck(server.url, paths, scenario);
  log(`${scenario}: warm-up 3 s, then ${DURATION} s with ${CONNECTIONS} connections${probe ? ` (+ ${probe.scenario} with 1 connection)` : ''}`);
  await runLoad(server.url, [...paths].reverse(), CONNECTIONS, 3);
  const { result, peakMb } = await withRssPeak(server.pid, () =>
    Promise.all([runLoad(server.url, paths, CONNECTIONS, DURATION), probe ? runLoad(server.url, probe.paths, 1, DURATION) : null]),
  );
  const [main, side] = result;
  if (main.failures.length) log(`${scenario}: sample failures ${JSON.stringify(main.failures)}`);
  const okMain = (target.reqPerSec === undefined || main.reqPerSec >= target.reqPerSec) && (target.p95 === undefined || main.p95 <= target.p95) && main.errors === 0;
  const targetText = [target.reqPerSec && `≥ ${target.reqPerSec} req/s`, target.p95 && `p95 ≤ ${target.p95} ms`, 'RSS ≤ 500 MB'].filter(Boolean).join(', ');
  record({
    scenario,
    dataset,
    reqPerSec: Math.round(main.reqPerSec),
    p50: round(main.p50),
    p95: round(main.p95),
    p99: round(main.p99),
    errors: main.errors,
    other: `${main.requests} requests; server RSS peak ${peakMb} MB`,
    target: targetText,
    met: okMain && peakMb <= 500 ? 'yes' : 'NO',
  });
  if (probe && side) {
    record({
      scenario: probe.scenario,
      dataset,
      reqPerSec: Math.round(side.reqPerSec),
      p50: round(side.p50),
      p95: round(side.p95),
      p99: round(side.p99),
      errors: side.errors,
      other: `1 connection, concurrent with ${scenario}`,
      target: `p99 ≤ ${probe.p99} ms`,
      met: side.p99 <= probe.p99 && side.errors === 0 ? 'yes' : 'NO',
    });
  }
}

async function postgresScenarios(): Promise<void> {
  const url = args['pg-url'];
  const facts = await preparePostgres(url);
  if (args.prepare) return;
  const dataset = `PostgreSQL 15, ${facts.offers} offers × ${facts.languages.length} languages`;
  const server = await startServer({ url });
  try {
    log(`PostgreSQL server ready in ${Math.round(server.startupMs)} ms, RSS ${rssMb(server.pid)} MB`);
    const mix = buildSearchMix(TENANT, facts);
    if (only.has('search-pg')) await loadScenario(server, 'search-pg', dataset, mix.search, { reqPerSec: 800, p95: 20 });
    if (only.has('search-pg-uncached')) await loadScenario(server, 'search-pg-uncached', dataset, mix.searchUncached, { reqPerSec: 800, p95: 20 });
    if (only.has('offer-pg')) await loadScenario(server, 'offer-pg', dataset, mix.offers, { reqPerSec: 2000 });
    if (only.has('lighthouse')) await lighthouseScenarios(server, mix.pages, dataset);
  } finally {
    const code = await server.stop();
    if (code !== 0) log(`PostgreSQL server exited with ${code}:\n${server.output()}`);
  }
}

/**
 * Lighthouse (mobile) per page, twice: straight from the Node server (which does not compress),
 * and through a gzip proxy as in production behind Caddy/nginx.
 */
async function lighthouseScenarios(server: Server, pages: { name: string; path: string }[], dataset: string): Promise<void> {
  const proxy = await startGzipProxy(server.url);
  const target = 'performance ≥ 90, accessibility 100';
  try {
    for (const page of pages) {
      for (const [suffix, base, how] of [
        ['', proxy.url, 'behind a gzip proxy'],
        ['-direct', server.url, 'straight from Node (no proxy)'],
      ] as const) {
        const scenario = `lighthouse-${page.name}${suffix}`;
        const r = await runLighthouse(base + page.path, ROOT);
        if (!r) {
          record({ scenario, dataset, other: 'skipped: lighthouse is not installed (npm i -E -D lighthouse@12)', target, met: '–' });
          continue;
        }
        record({
          scenario,
          dataset,
          other: `performance ${r.performance}, accessibility ${r.accessibility}; LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}; ${how}; ${page.path.replace(/[0-9a-f-]{36}/, ':id')}`,
          target,
          met: r.performance >= 90 && r.accessibility === 100 ? 'yes' : 'NO',
        });
      }
    }
  } finally {
    await proxy.close();
  }
}

async function embeddedScenarios(): Promise<void> {
  const facts = await prepareEmbedded(EMBEDDED_DIR);
  if (args.prepare) return;
  const dataset = `PGlite (worker thread), ${facts.offers} offers × ${facts.languages.length} languages`;
  // A fresh process on the existing data directory: spawn → /api/ready answering.
  const server = await startServer({ dataDir: EMBEDDED_DIR });
  try {
    const readyRss = rssMb(server.pid);
    if (only.has('startup-pglite')) {
      record({
        scenario: 'startup-pglite',
        dataset,
        other: `start-up ${round(server.startupMs / 1000, 2)} s (spawn → /api/ready); RSS when ready ${readyRss} MB`,
        target: 'start-up ≤ 3 s, RSS ≤ 500 MB',
        met: server.startupMs <= 3000 && readyRss <= 500 ? 'yes' : 'NO',
      });
    }
    if (only.has('search-pglite')) {
      const mix = buildSearchMix(TENANT, facts);
      await loadScenario(server, 'search-pglite', dataset, mix.search, { reqPerSec: 300 }, { scenario: 'health-during-search-pglite', paths: ['/api/health'], p99: 10 });
    }
  } finally {
    const code = await server.stop();
    if (code !== 0) log(`embedded server exited with ${code}:\n${server.output()}`);
  }
}

async function buildWeb(): Promise<void> {
  log('building the web apps (vite build) …');
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

async function main(): Promise<void> {
  log(`machine: ${machine}; scenarios: ${[...only].join(', ')}`);
  if (!args.prepare && (only.has('web-js') || only.has('lighthouse') || only.has('network-graph'))) await buildWeb();
  if (only.has('web-js') && !args.prepare) {
    const size = initialJsSize(join(ROOT, 'dist/web/index.html'));
    record({
      scenario: 'web-js',
      dataset: 'dist/web/index.html (navigator entry)',
      other: `initial JS ${round(size.gzipBytes / 1024)} KB gzipped (${round(size.rawBytes / 1024)} KB raw, ${size.files.length} files: ${size.files.join(', ')})`,
      target: '≤ 180 KB gzipped',
      met: size.gzipBytes <= 180 * 1024 ? 'yes' : 'NO',
    });
  }
  if (only.has('search-pg') || only.has('search-pg-uncached') || only.has('offer-pg') || only.has('lighthouse')) await postgresScenarios();
  if (only.has('search-pglite') || only.has('startup-pglite')) await embeddedScenarios();
  if (only.has('oparl-pg')) {
    const pgUrl = process.env.BENCH_OPARL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_oparl';
    await oparlScenario({ pgUrl, reseed: args.reseed, prepareOnly: args.prepare, log, runCli, databaseEnv, withPgClient, startServer, loadScenario, record });
  }
  if (only.has('network-graph')) {
    const row = await networkGraphScenario({ pgUrl: args['pg-url'], reseed: args.reseed, prepareOnly: args.prepare });
    if (row) record(row);
  }
  if (CASE_SCENARIOS.some((s) => only.has(s))) {
    const pgUrl = process.env.BENCH_CASELOAD_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_caseload';
    await casesScenarios({ pgUrl, reseed: args.reseed, prepareOnly: args.prepare, duration: DURATION, connections: CONNECTIONS, only, log, withPgClient, startServer, record });
  }
  if (!args['no-write'] && rows.length) {
    const file = join(ROOT, 'docs/benchmarks.md');
    writeResults(file, rows);
    log(`wrote ${rows.length} rows to ${file}`);
  }
}

await main();
