/**
 * Network graph benchmark: a tenant with 5,000 organisations, 20,000 contacts and 200 working
 * groups (6,000 memberships, 3,000 delegates, 22,000 relationships), and the time until the back
 * office's network overview has drawn the whole tenant in Chromium — from navigation start (HTML,
 * scripts, session, the graph API, layout, SVG) to the first painted frame. Target ≤ 1 s.
 *
 *   node --import tsx bench/networkGraph.ts [--reseed] [--runs 5]      on its own
 *   npm run bench -- --only network-graph                               as a scenario of bench/run.ts
 *
 * Data: PostgreSQL database `lotse_bench_network` (next to BENCH_PG_URL), tenant `netz`, created
 * once and reused. Needs the web build (dist/web) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { postgresSource } from '../src/db/postgres.ts';
import { createAccount } from '../src/domains/auth/accounts.ts';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from '../src/domains/taxonomy/defaultTaxonomy.ts';
import type { ResultRow } from './results.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TENANT = 'netz';
const EMAIL = 'buero@netz.example';
const PASSWORD = 'Bench-Netz-2026!';
export const NETWORK_SIZE = { organisations: 5000, contacts: 20000, groups: 200 } as const;
const TARGET_MS = 1000;
/** SQL for a deterministic, valid version-4 UUID from a text expression (the API checks UUIDs), so rows can refer to each other. */
const uid = (expr: string) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
const log = (...m: unknown[]) => console.log('[bench:network-graph]', ...m);

export interface NetworkGraphOptions {
  /** Any PostgreSQL URL of the server; the benchmark uses its own database on it. */
  pgUrl: string;
  reseed?: boolean;
  runs?: number;
  prepareOnly?: boolean;
  /** Log the page's request waterfall (resource timings) of the last load. */
  trace?: boolean;
}

function databaseUrl(pgUrl: string): { url: string; adminUrl: string; name: string } {
  const url = new URL(pgUrl);
  url.pathname = '/lotse_bench_network';
  const admin = new URL(pgUrl);
  admin.pathname = '/postgres';
  return { url: url.toString(), adminUrl: admin.toString(), name: 'lotse_bench_network' };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates (or reuses) the data set; returns its facts. */
async function prepare(options: NetworkGraphOptions): Promise<{ url: string; organisations: number; contacts: number; groups: number }> {
  const { url, adminUrl, name } = databaseUrl(options.pgUrl);
  const exists = await withClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const facts = async () =>
    withClient(url, async (c) => {
      const r = await c.query<{ organisations: number; contacts: number; groups: number }>(
        `SELECT (SELECT count(*)::int FROM organisations o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = $1) AS organisations,
                (SELECT count(*)::int FROM contacts o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = $1) AS contacts,
                (SELECT count(*)::int FROM network_groups o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = $1) AS groups`,
        [TENANT],
      );
      return r.rows[0]!;
    }).catch(() => null);
  if (exists && !options.reseed) {
    const f = await facts();
    if (f && f.organisations === NETWORK_SIZE.organisations && f.contacts === NETWORK_SIZE.contacts && f.groups === NETWORK_SIZE.groups) {
      log(`data set reused: ${name}, tenant ${TENANT}`);
      return { url, ...f };
    }
  }
  log(`seeding ${name}: ${NETWORK_SIZE.organisations} organisations, ${NETWORK_SIZE.contacts} contacts, ${NETWORK_SIZE.groups} groups …`);
  const started = performance.now();
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const db = new Database(postgresSource(url, 2));
  try {
    await migrate(db);
    await db.system(async (tx) => {
      const [tenant] = await tx.query<{ id: string }>(
        `INSERT INTO tenants (slug, name, languages, settings) VALUES ($1, 'Netzstadt (Benchmark)', ARRAY['de','en'], '{"twoFactorRoles":[]}'::jsonb) RETURNING id`,
        [TENANT],
      );
      const t = tenant!.id;
      for (const [i, f] of DEFAULT_FIELDS_OF_ACTION.entries()) {
        await tx.query('INSERT INTO fields_of_action (tenant_id, key, names, icon, color, sort) VALUES ($1, $2, $3, $4, $5, $6)', [t, f.key, f.names, f.icon, f.color, i]);
      }
      for (const [i, g] of DEFAULT_TARGET_GROUPS.entries()) await tx.query('INSERT INTO target_groups (tenant_id, key, names, sort) VALUES ($1, $2, $3, $4)', [t, g.key, g.names, i]);
      await tx.query(
        `INSERT INTO areas (tenant_id, key, names, sort) SELECT $1, 'bezirk-' || i, jsonb_build_object('de', 'Bezirk ' || i), i FROM generate_series(1, 20) i`,
        [t],
      );
      const ids = async (table: string) => (await tx.query<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id = $1 ORDER BY sort`, [t])).map((r) => r.id);
      const [fields, groups, areas] = [await ids('fields_of_action'), await ids('target_groups'), await ids('areas')];
      const { organisations: O, contacts: C, groups: G } = NETWORK_SIZE;
      await tx.query(
        `INSERT INTO organisations (tenant_id, id, name, norm_name, type, town, languages, field_ids, target_group_ids, area_ids, domains, email)
         SELECT $1, ${uid(`'org' || i`)}, 'Organisation ' || lpad(i::text, 5, '0') || ' ' || (ARRAY['Nord','Süd','West','Ost','Mitte'])[i % 5 + 1],
                'organisation ' || lpad(i::text, 5, '0'),
                (ARRAY['provider','association','migrant_organisation','foreigners_office','job_centre','adult_education_centre','school','authority','company','other'])[i % 10 + 1],
                'Netzstadt', ARRAY['de'],
                ARRAY[($2::uuid[])[i % 10 + 1], ($2::uuid[])[(i * 3) % 10 + 1]], ARRAY[($3::uuid[])[i % 10 + 1], ($3::uuid[])[(i * 7) % 10 + 1]],
                CASE WHEN i % 4 = 0 THEN ARRAY[]::uuid[] ELSE ARRAY[($4::uuid[])[i % 20 + 1]] END,
                ARRAY['org' || i || '.example'], 'info@org' || i || '.example'
         FROM generate_series(1, ${O}) i`,
        [t, fields, groups, areas],
      );
      await tx.query(
        `INSERT INTO contacts (tenant_id, id, name, norm_name, email, job_function, languages)
         SELECT $1, ${uid(`'c' || j`)}, 'Person ' || lpad(j::text, 5, '0'), 'person ' || lpad(j::text, 5, '0'), 'person' || j || '@org' || ((j - 1) / 4 + 1) || '.example',
                'Beratung', ARRAY['de']
         FROM generate_series(1, ${C}) j`,
        [t],
      );
      await tx.query(
        `INSERT INTO contact_consents (tenant_id, contact_id, purpose, given_on, source)
         SELECT $1, ${uid(`'c' || j`)}, 'contact', DATE '2025-01-01', 'Benchmark' FROM generate_series(1, ${C}) j`,
        [t],
      );
      await tx.query(
        `INSERT INTO actor_relationships (tenant_id, kind, from_contact_id, to_organisation_id, starts_on)
         SELECT $1, 'works_for', ${uid(`'c' || j`)}, ${uid(`'org' || ((j - 1) / 4 + 1)`)}, DATE '2024-01-01' FROM generate_series(1, ${C}) j`,
        [t],
      );
      await tx.query(
        `INSERT INTO actor_relationships (tenant_id, kind, from_organisation_id, to_organisation_id, starts_on)
         SELECT $1, (ARRAY['cooperates_with','funds','member_of'])[i % 3 + 1], ${uid(`'org' || i`)}, ${uid(`'org' || ((i * 7) % ${O} + 1)`)}, DATE '2024-01-01'
         FROM generate_series(1, 2000) i WHERE (i * 7) % ${O} + 1 <> i`,
        [t],
      );
      await tx.query(
        `INSERT INTO network_groups (tenant_id, id, name, kind, purpose, field_ids)
         SELECT $1, ${uid(`'g' || g`)}, (CASE WHEN g % 4 = 0 THEN 'Netzwerk ' ELSE 'Arbeitskreis ' END) || lpad(g::text, 3, '0'),
                CASE WHEN g % 4 = 0 THEN 'network' ELSE 'working_group' END, 'Benchmark', ARRAY[($2::uuid[])[g % 10 + 1]]
         FROM generate_series(1, ${G}) g`,
        [t, fields],
      );
      // 30 organisations per group (some organisations in several groups, some in none), the first 15 with a delegate.
      await tx.query(
        `INSERT INTO group_members (tenant_id, group_id, organisation_id, contact_id, role)
         SELECT $1, ${uid(`'g' || g`)}, ${uid(`'org' || ((g * 37 + k * 173) % ${O} + 1)`)}, NULL, 'member'
         FROM generate_series(1, ${G}) g, generate_series(0, 29) k`,
        [t],
      );
      await tx.query(
        `INSERT INTO group_members (tenant_id, group_id, organisation_id, contact_id, role)
         SELECT $1, ${uid(`'g' || g`)}, ${uid(`'org' || o`)}, ${uid(`'c' || ((o - 1) * 4 + 1)`)}, CASE WHEN k = 0 THEN 'chair' ELSE 'member' END
         FROM generate_series(1, ${G}) g, generate_series(0, 14) k, LATERAL (SELECT (g * 37 + k * 173) % ${O} + 1 AS o) x`,
        [t],
      );
      await createAccount(tx, { email: EMAIL, name: 'Büro Netzstadt', password: PASSWORD, role: 'office_editor', tenantId: t }, null);
    });
    await db.system((tx) => tx.query('ANALYZE'));
  } finally {
    await db.close();
  }
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const f = await facts();
  if (!f) throw new Error('seeding finished but the tenant is missing');
  return { url, ...f };
}

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

async function startServer(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const port = await freePort();
  const env = { ...process.env };
  delete env.LOTSE_DATA_DIR;
  const child: ChildProcess = spawn(process.execPath, ['bin/lotse.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', AUTH_SECRET: randomBytes(24).toString('hex'), DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, PUBLIC_URL: `http://127.0.0.1:${port}`, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() - started > 120_000) throw new Error(`server not ready after 120 s:\n${out}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

interface Measurement {
  renderedMs: number;
  fetchMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the scenario and returns its results row (null when only preparing). */
export async function networkGraphScenario(options: NetworkGraphOptions): Promise<Omit<ResultRow, 'date' | 'machine'> | null> {
  const data = await prepare(options);
  if (options.prepareOnly) return null;
  if (!existsSync(join(ROOT, 'dist/web/admin.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const server = await startServer(data.url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'de-DE' });
    const signIn = await context.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: EMAIL, password: PASSWORD } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    const measure = async (): Promise<Measurement> => {
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/${TENANT}/network/graph`);
      const svg = page.locator('svg.network-svg[data-rendered="true"]');
      await svg.waitFor({ timeout: 60_000 });
      const m = await page.evaluate(() => {
        const mark = performance.getEntriesByName('lotse:network-graph-rendered')[0];
        const el = document.querySelector<SVGSVGElement>('svg.network-svg')!;
        return { renderedMs: mark ? mark.startTime : Number.NaN, fetchMs: Number(el.dataset.fetchMs), layoutMs: Number(el.dataset.layoutMs) };
      });
      if (options.trace) {
        const entries = await page.evaluate(() =>
          [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
            const r = e as PerformanceResourceTiming;
            return `${r.startTime.toFixed(0).padStart(5)} → ${r.responseEnd.toFixed(0).padStart(5)}  ${r.transferSize ? `${Math.round(r.transferSize / 1024)} KB` : 'cache'}  ${r.name.replace(/^https?:\/\/[^/]+/, '')}`;
          }),
        );
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.startTime.toFixed(0).padStart(5)}  ${m.name}`));
        log(`waterfall (ms since navigation start):\n  ${[...entries, ...marks].join('\n  ')}`);
      }
      const summary = (await page.locator('#graph-svg-desc').textContent()) ?? '';
      const [, , organisations, , edges] = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/.exec(summary) ?? [];
      await page.close();
      return { ...m, nodes: Number(organisations ?? 0), edges: Number(edges ?? 0) };
    };
    // The first load fetches and compiles the scripts; later loads use the browser cache, as a returning user does.
    const cold = await measure();
    log(`first load: rendered after ${cold.renderedMs.toFixed(0)} ms (graph API ${cold.fetchMs} ms, layout ${cold.layoutMs} ms)`);
    const runs: Measurement[] = [];
    for (let i = 0; i < (options.runs ?? 5); i++) {
      const m = await measure();
      runs.push(m);
      log(`run ${i + 1}: rendered after ${m.renderedMs.toFixed(0)} ms (graph API ${m.fetchMs} ms, layout ${m.layoutMs} ms)`);
    }
    const p50 = median(runs.map((r) => r.renderedMs));
    const worst = Math.max(...runs.map((r) => r.renderedMs), cold.renderedMs);
    const api = median(runs.map((r) => r.fetchMs));
    const layout = median(runs.map((r) => r.layoutMs));
    return {
      scenario: 'network-graph',
      dataset: `PostgreSQL, tenant with ${data.organisations} organisations, ${data.contacts} contacts, ${data.groups} groups`,
      p50: Math.round(p50),
      other: `navigation → graph painted in Chromium: median ${Math.round(p50)} ms of ${runs.length} loads (load avg ${loadavg()[0]!.toFixed(1)} at the end), first (cold) load ${Math.round(cold.renderedMs)} ms, worst ${Math.round(worst)} ms; graph API ${Math.round(api)} ms, layout ${Math.round(layout)} ms; ${runs[0]?.nodes ?? 0} organisations and ${runs[0]?.edges ?? 0} edges drawn (contacts on demand)`,
      target: `median ≤ ${TARGET_MS} ms`,
      met: p50 <= TARGET_MS ? 'yes' : 'NO',
    };
  } catch (error) {
    log(`server output (end):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      reseed: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      prepare: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_http' },
    },
  });
  const row = await networkGraphScenario({ pgUrl: values['pg-url'], reseed: values.reseed, runs: Number(values.runs), prepareOnly: values.prepare, trace: values.trace });
  if (row) console.log(JSON.stringify(row, null, 2));
}
