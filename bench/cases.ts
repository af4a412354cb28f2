/**
 * Case-management scenarios of `npm run bench` (issue 3, "Performance"): with 100,000 persons,
 * ~110,000 cases and 1,000,000 journal entries across 50 teams on PostgreSQL —
 *
 *   cases-list-pg   the case list with filters (states, programme, attention, reference, sort,
 *                   paging) of integration managers and team leads, 10 connections; p95 ≤ 50 ms
 *   case-page-pg    opening a case page: GET /cases/:id, then (as the page does) its history and
 *                   the first page of its journal in parallel; page time p95 ≤ 100 ms
 *   outcomes-pg     the outcome report for a year (office, team, programme, export); p95 ≤ 2 s
 *   retention-pg    the retention job (runRetention) on 10,000 expired cases; ≤ 60 s
 *
 * The server is `lotse serve` in production mode (bench/run.ts `startServer`) with the data set's
 * DATA_ENCRYPTION_KEYS and an idle timeout long enough for the run. Staff sign in through the real
 * auth API with two-factor login (TOTP set up via /api/auth/two-factor/enable and confirmed with a
 * code from src/test/totp.ts); the load worker sends each request with its account's cookie.
 *
 * Data set (bench/casesSeed.ts): database `lotse_bench_caseload` (BENCH_CASELOAD_PG_URL), seeded
 * once (~10 minutes) and reused; `--reseed` rebuilds it. The retention scenario re-creates its
 * 10,000 expired cases in a second tenant before every run, so the list data set stays intact.
 */
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { postgresSource } from '../src/db/postgres.ts';
import { runRetention } from '../src/domains/cases/privacy/retention.ts';
import { todayIso } from '../src/domains/cases/caseRules.ts';
import { totp } from '../src/test/totp.ts';
import { BENCH_DATA_KEYS, type CasesFacts, type DatasetSize, FULL_SIZE, inspectCases, MAIN_SLUG, prepareRetention, RETENTION_CASES, seedCases, STAFF_PASSWORD } from './casesSeed.ts';
import { prng } from './caseNames.ts';
import type { ResultRow } from './results.ts';

export const CASE_SCENARIOS = ['cases-list-pg', 'case-page-pg', 'outcomes-pg', 'retention-pg'] as const;
export type CaseScenario = (typeof CASE_SCENARIOS)[number];

interface Server {
  url: string;
  pid: number;
  stop: () => Promise<number | null>;
  output: () => string;
}

/** What bench/run.ts lends these scenarios. */
export interface CasesBenchDeps<S extends Server> {
  pgUrl: string;
  reseed: boolean;
  prepareOnly: boolean;
  duration: number;
  connections: number;
  only: ReadonlySet<string>;
  log: (...m: unknown[]) => void;
  withPgClient: <T>(url: string, fn: (c: pg.Client) => Promise<T>) => Promise<T>;
  startServer: (db: { url?: string }, env?: NodeJS.ProcessEnv) => Promise<S>;
  record: (row: Omit<ResultRow, 'date' | 'machine'>) => void;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const load1 = () => loadavg()[0]!.toFixed(1);

// ---------------------------------------------------------------------------------------------
// Data set

/** BENCH_CASES_SCALE (e.g. 0.02) shrinks persons, cases and journal for a quick smoke run; 1 = the size. */
function datasetSize(): DatasetSize {
  const scale = Number(process.env.BENCH_CASES_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_CASES_SCALE must lie in (0, 1]');
  return { ...FULL_SIZE, persons: Math.round(FULL_SIZE.persons * scale), cases: Math.round(FULL_SIZE.cases * scale), entries: Math.round(FULL_SIZE.entries * scale) };
}

async function prepare<S extends Server>(deps: CasesBenchDeps<S>): Promise<CasesFacts> {
  const url = deps.pgUrl;
  const size = datasetSize();
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const exists = await deps.withPgClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists && !deps.reseed) {
    const found = await deps.withPgClient(url, inspectCases).catch(() => null);
    if (found && found.persons === size.persons && found.entries === size.entries) {
      deps.log(`case data set reused: ${name} (${found.persons} persons, ${found.cases} cases, ${found.entries} journal entries)`);
      // migrations added since the data set was made (the retention scenario runs without a server)
      const db = new Database(postgresSource(url, 2));
      await migrate(db).finally(() => db.close());
      return found;
    }
  }
  deps.log(`seeding PostgreSQL ${name}: ${size.persons} persons, ~${size.cases} cases, ${size.entries} journal entries …`);
  await deps.withPgClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const started = performance.now();
  const db = new Database(postgresSource(url, 4));
  let seconds: Record<string, number>;
  try {
    await migrate(db);
    seconds = await deps.withPgClient(url, (c) => seedCases(db, c, size, todayIso(), (...m) => deps.log('seed:', ...m)));
  } finally {
    await db.close();
  }
  const vacuumStarted = performance.now();
  await deps.withPgClient(url, (c) => c.query('VACUUM ANALYZE'));
  const vacuum = (performance.now() - vacuumStarted) / 1000;
  const total = (performance.now() - started) / 1000;
  const found = await deps.withPgClient(url, inspectCases);
  if (!found) throw new Error('seeding finished but the tenant is missing');
  const phases = Object.entries({ ...seconds, vacuum })
    .map(([k, v]) => `${k} ${round(v)} s`)
    .join(', ');
  deps.record({
    scenario: 'seed-cases-pg',
    dataset: datasetText(found),
    other: `total ${round(total)} s (${phases}); load avg ${load1()} at the end`,
    target: '–',
    met: '–',
  });
  return found;
}

const datasetText = (f: CasesFacts) =>
  `PostgreSQL 15, 1 tenant: ${f.teams} teams, ${f.managers} managers, ${f.persons} persons, ${f.cases} cases (${f.openCases} open), ${f.entries} journal entries, ${f.goals} goals, ${f.referrals} referrals, ${f.tasks} tasks`;

// ---------------------------------------------------------------------------------------------
// Sessions: real sign-in with two-factor login

interface Account {
  id: string;
  email: string;
  role: string;
  team_id: string | null;
}

export interface Session extends Account {
  cookie: string;
}

class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  get header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function postJson(base: string, path: string, body: unknown, jar: CookieJar): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(jar.header ? { cookie: jar.header } : {}) },
    body: JSON.stringify(body),
  });
  jar.take(res);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * Signs the accounts in as a person would: password, then two-factor set-up (enable → TOTP secret
 * → first code), which leaves a session with two-factor login done. Before that the accounts'
 * earlier two-factor set-up and sessions are removed (the secret of an earlier run is encrypted
 * with that server's AUTH_SECRET), and before each account the login rate-limit counters of the
 * bench database are cleared (all sign-ins come from 127.0.0.1).
 */
async function signIn<S extends Server>(deps: CasesBenchDeps<S>, base: string, accounts: Account[]): Promise<Session[]> {
  const ids = accounts.map((a) => a.id);
  await deps.withPgClient(deps.pgUrl, async (c) => {
    await c.query('DELETE FROM auth_two_factor WHERE user_id = ANY($1)', [ids]);
    await c.query('UPDATE auth_user SET two_factor_enabled = false WHERE id = ANY($1)', [ids]);
    await c.query('DELETE FROM auth_session WHERE user_id = ANY($1)', [ids]);
    await c.query('DELETE FROM auth_rate_limit');
  });
  const sessions: Session[] = [];
  for (const account of accounts) {
    // better-auth allows 3 two-factor requests per 10 s and 5 sign-ins per minute from one address
    await deps.withPgClient(deps.pgUrl, (c) => c.query('DELETE FROM auth_rate_limit'));
    const jar = new CookieJar();
    const signin = await postJson(base, '/api/auth/sign-in/email', { email: account.email, password: STAFF_PASSWORD }, jar);
    if (signin.status !== 200) throw new Error(`sign-in of ${account.email} failed: ${signin.status} ${JSON.stringify(signin.json)}`);
    const enable = await postJson(base, '/api/auth/two-factor/enable', { password: STAFF_PASSWORD }, jar);
    if (enable.status !== 200) throw new Error(`two-factor enable failed: ${enable.status} ${JSON.stringify(enable.json)}`);
    const secret = new URL(String(enable.json.totpURI)).searchParams.get('secret')!;
    const verify = await postJson(base, '/api/auth/two-factor/verify-totp', { code: totp(secret) }, jar);
    if (verify.status !== 200) throw new Error(`two-factor verify failed: ${verify.status} ${JSON.stringify(verify.json)}`);
    const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: jar.header } });
    const meJson = (await me.json()) as { twoFactorEnabled?: boolean };
    if (!me.ok || !meJson.twoFactorEnabled) throw new Error(`session of ${account.email} without two-factor login: ${me.status}`);
    sessions.push({ ...account, cookie: jar.header });
  }
  return sessions;
}

async function pickAccounts(c: pg.Client, tenantId: string): Promise<{ managers: Account[]; leads: Account[]; lead: Account }> {
  const rows = (
    await c.query<Account>(
      `SELECT id, email, role, team_id FROM auth_user WHERE tenant_id = $1 AND role IN ('integration_manager', 'team_lead', 'integration_lead') ORDER BY email`,
      [tenantId],
    )
  ).rows;
  // four managers and four team leads of eight different teams, spread over the office
  const managers = ['im.03.1', 'im.16.2', 'im.29.3', 'im.42.1'].map((p) => rows.find((r) => r.email.startsWith(`${p}@`))!);
  const leads = ['teamleitung.09', 'teamleitung.22', 'teamleitung.35', 'teamleitung.48'].map((p) => rows.find((r) => r.email.startsWith(`${p}@`))!);
  const lead = rows.find((r) => r.role === 'integration_lead')!;
  if (managers.some((m) => !m) || leads.some((l) => !l) || !lead) throw new Error('bench accounts missing in the data set');
  return { managers, leads, lead };
}

// ---------------------------------------------------------------------------------------------
// Load

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

type Request = { path: string; headers: Record<string, string> };

function runLoad(url: string, paths: Request[], connections: number, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadWorker.mjs', import.meta.url), { workerData: { url, paths, connections, duration } });
    worker.once('message', (r: LoadResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function rssMb(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

async function withRssPeak<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 100);
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peakMb, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Every distinct request once with its cookie: a broken route fails here, not after a whole run. */
async function precheck(base: string, requests: Request[], label: string, log: (...m: unknown[]) => void): Promise<void> {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const r of requests) {
    const key = `${r.headers.cookie}|${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const res = await fetch(base + r.path, { headers: r.headers });
    if (!res.ok) bad.push(`${res.status} ${r.path} ${(await res.text()).slice(0, 200)}`);
    else await res.arrayBuffer();
  }
  if (bad.length) {
    log(`${label}: ${bad.length}/${seen.size} distinct requests fail, e.g.\n  ${bad.slice(0, 5).join('\n  ')}`);
    throw new Error(`${label}: requests fail — see above`);
  }
}

/** A fixed shuffle (the same order every run). */
function shuffled<T>(items: T[], seed: number): T[] {
  const random = prng(seed);
  return items
    .map((item) => ({ item, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

// ---------------------------------------------------------------------------------------------
// cases-list-pg

async function listRequests(c: pg.Client, tenantId: string, sessions: Session[]): Promise<Request[]> {
  const programmes = (await c.query<{ id: string; code: string }>('SELECT id, code FROM case_programmes WHERE tenant_id = $1 ORDER BY code', [tenantId])).rows;
  const base = `/api/v1/${MAIN_SLUG}/cases`;
  const q = (params: Record<string, string | number>) => {
    const all = { sort: 'startedOn', dir: 'desc', page: 1, pageSize: 25, ...params };
    return `${base}?${new URLSearchParams(Object.entries(all).map(([k, v]) => [k, String(v)])).toString()}`;
  };
  const requests: Request[] = [];
  const year = Number(todayIso().slice(0, 4));
  for (const s of sessions) {
    const mix: Array<Record<string, string | number>> = [
      // the list as it opens (open cases, newest first), and paging through it
      { state: 'open' },
      { state: 'open' },
      { state: 'open', page: 2 },
      { state: 'open', page: 3 },
      { state: 'open', sort: 'plannedEndOn', dir: 'asc' },
      { state: 'open', sort: 'person', dir: 'asc' },
      { state: 'open', sort: 'updatedAt', dir: 'desc' },
      { state: 'open', sort: 'state', dir: 'asc' },
      { state: 'open', attention: 'any' },
      { state: 'open', attention: 'max_duration', sort: 'plannedEndOn', dir: 'asc' },
      { state: 'in_progress', programmeId: programmes[0]!.id },
      { state: 'open', programmeId: programmes[1]!.id, sort: 'person', dir: 'asc' },
      { programmeId: programmes[2]!.id },
      { state: 'intake' },
      { state: 'plan', sort: 'reference', dir: 'asc' },
      { state: 'closed', sort: 'updatedAt', dir: 'desc' },
      { state: 'reopened' },
      { q: `IM-${year - 1}` },
      { q: `KIM-${year - 2}`, sort: 'reference', dir: 'asc' },
      { sort: 'startedOn', dir: 'asc' },
    ];
    if (s.role === 'team_lead') {
      const members = (await c.query<{ id: string }>(`SELECT id FROM auth_user WHERE team_id = $1 AND role = 'integration_manager' ORDER BY email LIMIT 3`, [s.team_id])).rows;
      mix.push(
        { state: 'open', page: 8 },
        { state: 'open', page: 20, sort: 'person', dir: 'asc' },
        { state: 'open', ownerId: members[0]!.id },
        { state: 'open', ownerId: members[1]!.id, sort: 'plannedEndOn', dir: 'asc' },
        { ownerId: members[2]!.id, attention: 'planned_end' },
        { state: 'open', mine: 'true' },
      );
    }
    for (const params of mix) requests.push({ path: q(params), headers: { cookie: s.cookie } });
  }
  // a fixed shuffle, so managers and team leads interleave
  return shuffled(requests, 11);
}

async function listScenario<S extends Server>(deps: CasesBenchDeps<S>, server: S, facts: CasesFacts, sessions: Session[]): Promise<void> {
  const requests = await deps.withPgClient(deps.pgUrl, (c) => listRequests(c, facts.tenantId, sessions));
  await precheck(server.url, requests, 'cases-list-pg', deps.log);
  const before = load1();
  deps.log(`cases-list-pg: ${requests.length} distinct list requests of ${sessions.length} accounts; warm-up 3 s, then ${deps.duration} s with ${deps.connections} connections (load avg ${before})`);
  await runLoad(server.url, [...requests].reverse(), deps.connections, 3);
  const { result, peakMb } = await withRssPeak(server.pid, () => runLoad(server.url, requests, deps.connections, deps.duration));
  if (result.failures.length) deps.log(`cases-list-pg: sample failures ${JSON.stringify(result.failures)}`);
  // the same mix from a single client: the latency one person sees when the server is not queueing
  const single = await runLoad(server.url, requests, 1, Math.max(4, Math.round(deps.duration / 2)));
  deps.record({
    scenario: 'cases-list-pg',
    dataset: datasetText(facts),
    reqPerSec: Math.round(result.reqPerSec),
    p50: round(result.p50),
    p95: round(result.p95),
    p99: round(result.p99),
    errors: result.errors,
    other: `${result.requests} requests, ${deps.connections} connections; GET /cases with filters (state, programme, owner, attention, reference prefix, 5 sort orders, pages 1–20) of ${sessions.filter((s) => s.role === 'integration_manager').length} managers (~440 cases each) and ${sessions.filter((s) => s.role === 'team_lead').length} team leads (~2,200 each), two-factor sessions; 1 connection: ${Math.round(single.reqPerSec)} req/s, p50 ${round(single.p50)} / p95 ${round(single.p95)} ms; server RSS peak ${peakMb} MB; load avg ${before} → ${load1()}`,
    target: 'p95 ≤ 50 ms',
    met: result.p95 <= 50 && result.errors === 0 ? 'yes' : 'NO',
  });
}

// ---------------------------------------------------------------------------------------------
// case-page-pg

interface PageResult {
  pages: number[];
  requests: Record<string, number[]>;
  errors: number;
  failures: string[];
}

/**
 * Virtual users open case pages back to back: the case (the page shell needs it to render), then
 * — as CaseOverview and the journal tab do once it is there — its history and the first journal
 * page in parallel. The page time runs from the first request to the last response body.
 */
async function openPages(base: string, pages: Array<{ cookie: string; caseId: string }>, users: number, seconds: number): Promise<PageResult> {
  const result: PageResult = { pages: [], requests: { case: [], events: [], entries: [] }, errors: 0, failures: [] };
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const get = async (kind: string, path: string, cookie: string) => {
    const started = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    const body = await res.arrayBuffer();
    result.requests[kind]!.push(performance.now() - started);
    if (!res.ok) {
      result.errors += 1;
      if (result.failures.length < 5) result.failures.push(`${res.status} ${path.replace(/[0-9a-f-]{36}/g, ':id')} ${Buffer.from(body).toString().slice(0, 120)}`);
    }
  };
  const user = async () => {
    while (performance.now() < deadline) {
      const page = pages[next++ % pages.length]!;
      const casePath = `/api/v1/${MAIN_SLUG}/cases/${page.caseId}`;
      const started = performance.now();
      await get('case', casePath, page.cookie);
      await Promise.all([get('events', `${casePath}/events`, page.cookie), get('entries', `${casePath}/entries?page=1&pageSize=20`, page.cookie)]);
      result.pages.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  return result;
}

async function pageScenario<S extends Server>(deps: CasesBenchDeps<S>, server: S, facts: CasesFacts, sessions: Session[]): Promise<void> {
  // 60 cases in each account's scope, a few of them the busiest (most journal entries)
  const pages = await deps.withPgClient(deps.pgUrl, async (c) => {
    const out: Array<{ cookie: string; caseId: string; entries: number }> = [];
    for (const s of sessions) {
      const scope = s.role === 'team_lead' ? 'c.team_id = $2::uuid' : 'c.owner_id = $2';
      const rows = (
        await c.query<{ id: string; n: number }>(
          `(SELECT c.id, (SELECT count(*)::int FROM case_entries e WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id) AS n
              FROM cases c WHERE c.tenant_id = $1 AND ${scope} ORDER BY md5(c.id::text) LIMIT 54)
           UNION ALL
           (SELECT c.id, count(*)::int FROM cases c JOIN case_entries e ON e.tenant_id = c.tenant_id AND e.case_id = c.id
             WHERE c.tenant_id = $1 AND ${scope} GROUP BY c.id ORDER BY count(*) DESC LIMIT 6)`,
          [facts.tenantId, s.role === 'team_lead' ? s.team_id : s.id],
        )
      ).rows;
      for (const r of rows) out.push({ cookie: s.cookie, caseId: r.id, entries: r.n });
    }
    return shuffled(out, 5);
  });
  const entries = pages.map((p) => p.entries).sort((a, b) => a - b);
  const users = deps.connections;
  const before = load1();
  deps.log(`case-page-pg: ${pages.length} cases (journal entries per case: median ${pct(entries, 50)}, max ${entries.at(-1)}); warm-up 3 s, then ${deps.duration} s with ${users} users (load avg ${before})`);
  const warm = await openPages(server.url, [...pages].reverse(), users, 3);
  if (warm.errors) throw new Error(`case-page-pg: requests fail, e.g. ${warm.failures.join('; ')}`);
  const { result, peakMb } = await withRssPeak(server.pid, () => openPages(server.url, pages, users, deps.duration));
  if (result.failures.length) deps.log(`case-page-pg: sample failures ${JSON.stringify(result.failures)}`);
  const alone = [...(await openPages(server.url, pages, 1, Math.max(4, Math.round(deps.duration / 2)))).pages].sort((a, b) => a - b);
  const sorted = [...result.pages].sort((a, b) => a - b);
  const per = Object.entries(result.requests)
    .map(([k, v]) => {
      const s = [...v].sort((a, b) => a - b);
      return `${k} p50 ${round(pct(s, 50))} / p95 ${round(pct(s, 95))} ms`;
    })
    .join(', ');
  const requestCount = Object.values(result.requests).reduce((a, v) => a + v.length, 0);
  deps.record({
    scenario: 'case-page-pg',
    dataset: datasetText(facts),
    reqPerSec: Math.round(requestCount / deps.duration),
    p50: round(pct(sorted, 50)),
    p95: round(pct(sorted, 95)),
    p99: round(pct(sorted, 99)),
    errors: result.errors,
    other: `page times (GET /cases/:id, then /events ∥ /entries?page=1&pageSize=20): ${sorted.length} pages by ${users} concurrent users, ${pages.length} cases of ${sessions.length} accounts (journal median ${pct(entries, 50)}, max ${entries.at(-1)} entries); per request: ${per}; 1 user: page p50 ${round(pct(alone, 50))} / p95 ${round(pct(alone, 95))} ms; server RSS peak ${peakMb} MB; load avg ${before} → ${load1()}`,
    target: 'page p95 ≤ 100 ms',
    met: pct(sorted, 95) <= 100 && result.errors === 0 ? 'yes' : 'NO',
  });
}

// ---------------------------------------------------------------------------------------------
// outcomes-pg

/**
 * The outcome report (GET /case-reports/outcomes) as people open it: the integration lead for the
 * office (cases closed in the last full year; cases supported in it; one programme; one team; the
 * current year), a team lead for the team, and the funder export (CSV). Null while the route is missing.
 */
async function outcomeRequests(base: string, c: pg.Client, tenantId: string, lead: Session, teamLead: Session): Promise<Array<Request & { kind: string }> | null> {
  const year = Number(todayIso().slice(0, 4)) - 1;
  const programmes = (await c.query<{ id: string }>('SELECT id FROM case_programmes WHERE tenant_id = $1 ORDER BY code', [tenantId])).rows;
  const path = `/api/v1/${MAIN_SLUG}/case-reports/outcomes`;
  const asLead = { cookie: lead.cookie };
  const candidates = [
    { kind: 'office', path: `${path}?year=${year}`, headers: asLead },
    { kind: 'office-active', path: `${path}?year=${year}&cohort=active`, headers: asLead },
    { kind: 'programme', path: `${path}?year=${year}&programmeId=${programmes[0]!.id}`, headers: asLead },
    { kind: 'team', path: `${path}?year=${year}&teamId=${teamLead.team_id}`, headers: asLead },
    { kind: 'current-year', path: `${path}?year=${year + 1}`, headers: asLead },
    { kind: 'team-lead', path: `${path}?year=${year}`, headers: { cookie: teamLead.cookie } },
    { kind: 'export-csv', path: `${path}/export?year=${year}&format=csv`, headers: asLead },
  ];
  const probe = await fetch(base + candidates[0]!.path, { headers: candidates[0]!.headers });
  await probe.arrayBuffer();
  return probe.status === 404 ? null : candidates;
}

async function outcomesScenario<S extends Server>(deps: CasesBenchDeps<S>, server: S, facts: CasesFacts, lead: Session, teamLead: Session): Promise<void> {
  const requests = await deps.withPgClient(deps.pgUrl, (c) => outcomeRequests(server.url, c, facts.tenantId, lead, teamLead));
  if (!requests) {
    deps.record({ scenario: 'outcomes-pg', dataset: datasetText(facts), other: 'skipped: the outcome report route is not there yet', target: '≤ 2 s', met: '–' });
    return;
  }
  await precheck(server.url, requests, 'outcomes-pg', deps.log);
  const before = load1();
  deps.log(`outcomes-pg: ${requests.length} kinds of report, one after another for ${deps.duration} s (at least 3 rounds; load avg ${before})`);
  // one report at a time (how people open it), for the run's duration and at least 3 rounds
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let errors = 0;
  const deadline = performance.now() + deps.duration * 1000;
  for (let i = 0; performance.now() < deadline || i < requests.length * 3; i++) {
    const r = requests[i % requests.length]!;
    const started = performance.now();
    const res = await fetch(server.url + r.path, { headers: r.headers });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    times.push(ms);
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), ms]);
    if (!res.ok) errors += 1;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const per = [...byKind]
    .map(([k, v]) => {
      const s = [...v].sort((a, b) => a - b);
      return `${k} p50 ${Math.round(pct(s, 50))} / max ${Math.round(s.at(-1)!)} ms`;
    })
    .join(', ');
  deps.record({
    scenario: 'outcomes-pg',
    dataset: datasetText(facts),
    p50: round(pct(sorted, 50)),
    p95: round(pct(sorted, 95)),
    p99: round(pct(sorted, 99)),
    errors,
    other: `${times.length} reports one after another, year ${Number(todayIso().slice(0, 4)) - 1} unless noted: ${per}; load avg ${before} → ${load1()}`,
    target: 'p95 ≤ 2 s',
    met: pct(sorted, 95) <= 2000 && errors === 0 ? 'yes' : 'NO',
  });
}

// ---------------------------------------------------------------------------------------------
// retention-pg

async function retentionScenario<S extends Server>(deps: CasesBenchDeps<S>, facts: CasesFacts): Promise<void> {
  const today = todayIso();
  const db = new Database(postgresSource(deps.pgUrl, 4));
  try {
    const prep = await deps.withPgClient(deps.pgUrl, (c) => prepareRetention(db, c, today, (...m) => deps.log('retention:', ...m)));
    if (prep.expiredCases !== RETENTION_CASES) throw new Error(`retention data set has ${prep.expiredCases} expired cases, expected ${RETENTION_CASES}`);
    deps.log(`retention-pg: ${prep.expiredCases} expired cases of ${prep.persons} persons (+ ${prep.entries} journal entries …) prepared in ${round(prep.seconds)} s`);
    // The nightly job also checks every other tenant: here the 100,000-person tenant, where nothing is due.
    const before = load1();
    let started = performance.now();
    const dry = await runRetention(db, { tenantId: facts.tenantId, today, dryRun: true });
    const dueCheck = (performance.now() - started) / 1000;
    if (dry.persons || dry.cases) deps.log(`retention-pg: WARNING the list tenant has ${dry.persons} persons / ${dry.cases} cases due (data set older than its retention margin; --reseed)`);
    started = performance.now();
    const report = await runRetention(db, { tenantId: prep.tenantId, today });
    const seconds = (performance.now() - started) / 1000;
    const after = await deps.withPgClient(deps.pgUrl, async (c) => {
      const n = async (sql: string) => Number((await c.query<{ n: number }>(sql, [prep.tenantId])).rows[0]!.n);
      return {
        cases: await n('SELECT count(*)::int AS n FROM cases WHERE tenant_id = $1'),
        closedLeft: await n(`SELECT count(*)::int AS n FROM cases WHERE tenant_id = $1 AND state = 'closed'`),
        persons: await n('SELECT count(*)::int AS n FROM persons WHERE tenant_id = $1'),
        statistics: await n('SELECT count(*)::int AS n FROM case_statistics WHERE tenant_id = $1'),
        entries: await n('SELECT count(*)::int AS n FROM case_entries WHERE tenant_id = $1'),
      };
    });
    const ok = report.cases === RETENTION_CASES && after.closedLeft === 0 && after.statistics === RETENTION_CASES;
    deps.record({
      scenario: 'retention-pg',
      dataset: `${datasetText(facts)}; + tenant ${prep.persons} persons with ${prep.expiredCases} expired cases, ${prep.entries} journal entries`,
      other: `runRetention: ${report.persons} persons and ${report.cases} cases erased in ${round(seconds)} s (${Math.round(report.cases / seconds)} cases/s); left: ${after.persons} persons, ${after.cases} open cases, ${after.entries} entries; ${after.statistics} anonymous statistics rows; due check of the 100,000-person tenant (dry run) ${round(dueCheck, 2)} s; load avg ${before} → ${load1()}`,
      target: '10,000 expired cases ≤ 60 s',
      met: ok && seconds <= 60 ? 'yes' : 'NO',
    });
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------

export async function casesScenarios<S extends Server>(deps: CasesBenchDeps<S>): Promise<void> {
  const facts = await prepare(deps);
  if (deps.prepareOnly) return;
  const http = (['cases-list-pg', 'case-page-pg', 'outcomes-pg'] as const).filter((s) => deps.only.has(s));
  if (http.length) {
    const server = await deps.startServer(
      { url: deps.pgUrl },
      // the data set's key; case sessions must outlive the run (idle timeout); no nightly job in between
      {
        DATA_ENCRYPTION_KEYS: BENCH_DATA_KEYS,
        CASE_IDLE_TIMEOUT_MINUTES: '480',
        RETENTION_JOB_CRON: 'off',
        // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the server spends its time
        ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      },
    );
    try {
      const accounts = await deps.withPgClient(deps.pgUrl, (c) => pickAccounts(c, facts.tenantId));
      const sessions = await signIn(deps, server.url, [...accounts.managers, ...accounts.leads, accounts.lead]);
      const staff = sessions.filter((s) => s.role !== 'integration_lead');
      const lead = sessions.find((s) => s.role === 'integration_lead')!;
      deps.log(`signed in with two-factor login: ${sessions.map((s) => s.email).join(', ')}`);
      if (deps.only.has('cases-list-pg')) await listScenario(deps, server, facts, staff);
      if (deps.only.has('case-page-pg')) await pageScenario(deps, server, facts, staff);
      if (deps.only.has('outcomes-pg')) await outcomesScenario(deps, server, facts, lead, staff.find((s) => s.role === 'team_lead')!);
    } finally {
      const code = await server.stop();
      if (code !== 0) deps.log(`case server exited with ${code}:\n${server.output()}`);
    }
  }
  if (deps.only.has('retention-pg')) await retentionScenario(deps, facts);
}
