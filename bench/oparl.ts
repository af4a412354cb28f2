/**
 * Scenario `oparl-pg`: OParl 1.1 list pages on PostgreSQL under load (10 connections, p95 ≤ 30 ms).
 * Data set: ten years of committee work of one body — 3 committees, 10 legislative terms, 300
 * persons with memberships, 600 meetings, 6,000 agenda items (every tenth non-public), 3,000 papers
 * with consultations and a PDF main file each, and an invitation per meeting. It lives in its own
 * database (`lotse_bench_oparl`, BENCH_OPARL_PG_URL), is seeded once with set-based SQL and reused.
 */
import type pg from 'pg';
import { tinyPdf } from '../src/domains/committees/tinyPdf.ts';

export const OPARL_BENCH_TENANT = 'grossratsheim';
const COUNTS = { committees: 3, terms: 10, persons: 300, meetings: 600, agendaItems: 6000, papers: 3000 };

interface Server {
  url: string;
}

/** What bench/run.ts lends this scenario: processes, load runner and result table. */
export interface OparlBenchDeps<S extends Server> {
  pgUrl: string;
  reseed: boolean;
  prepareOnly: boolean;
  log: (...m: unknown[]) => void;
  runCli: (argv: string[], env: NodeJS.ProcessEnv) => Promise<number>;
  databaseEnv: (db: { url?: string }) => NodeJS.ProcessEnv;
  withPgClient: <T>(url: string, fn: (c: pg.Client) => Promise<T>) => Promise<T>;
  startServer: (db: { url?: string }) => Promise<S & { stop: () => Promise<number | null>; output: () => string }>;
  loadScenario: (server: S, scenario: string, dataset: string, paths: string[], target: { reqPerSec?: number; p95?: number }) => Promise<void>;
  record: (row: { scenario: string; dataset: string; other: string; target: string; met: string }) => void;
}

interface Facts {
  tenantId: string;
  meetings: number;
  agendaItems: number;
  papers: number;
  committeeIds: string[];
}

async function facts(c: pg.Client): Promise<Facts | null> {
  const t = await c.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [OPARL_BENCH_TENANT]).catch(() => null);
  const tenantId = t?.rows[0]?.id;
  if (!tenantId) return null;
  const n = async (table: string) => Number((await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0]!.n);
  const committees = await c.query<{ id: string }>('SELECT id FROM committees WHERE tenant_id = $1 ORDER BY sort', [tenantId]);
  return { tenantId, meetings: await n('committee_meetings'), agendaItems: await n('committee_agenda_items'), papers: await n('committee_papers'), committeeIds: committees.rows.map((r) => r.id) };
}

/**
 * Ten years of one body's committee work, set-based (a few seconds). Runs as the database owner on
 * a freshly migrated database; names are invented.
 */
export async function seedOparlBench(c: pg.Client): Promise<string> {
  const tenant = await c.query<{ id: string }>(
    `INSERT INTO tenants (slug, name, languages, settings) VALUES ($1, 'Stadt Großratsheim', ARRAY['de','en'], '{"twoFactorRoles":[]}') RETURNING id`,
    [OPARL_BENCH_TENANT],
  );
  const tenantId = tenant.rows[0]!.id;
  const q = (sql: string, params: unknown[] = []) => c.query(sql, [tenantId, ...params]);
  await c.query('BEGIN');
  await q(`INSERT INTO committees (tenant_id, name, short_name, kind, start_date, sort, created_at, updated_at)
    SELECT $1, n.name, n.short, n.kind, DATE '2016-01-01', n.i, TIMESTAMPTZ '2016-01-01 08:00+01', TIMESTAMPTZ '2016-01-01 08:00+01'
    FROM (VALUES (1, 'Ausschuss für Integration und Migration', 'AIM', 'committee'), (2, 'Migrationsbeirat', 'MBR', 'advisory_council'), (3, 'MigrationsFORUM', 'MF', 'forum')) n(i, name, short, kind)`);
  await q(`INSERT INTO committee_terms (tenant_id, committee_id, name, start_date, end_date, created_at, updated_at)
    SELECT $1, CASE WHEN g <= 2 THEN NULL ELSE (SELECT id FROM committees WHERE tenant_id = $1 AND sort = (g % 3) + 1) END,
      'Wahlperiode ' || g, DATE '2016-01-01' + ((g - 1) % 5) * 730, DATE '2016-01-01' + ((g - 1) % 5) * 730 + 1825,
      TIMESTAMPTZ '2016-01-01 08:00+01' + (g || ' days')::interval, TIMESTAMPTZ '2016-01-01 08:00+01' + (g || ' days')::interval
    FROM generate_series(1, ${COUNTS.terms}) g`);
  await q(`INSERT INTO committee_persons (tenant_id, family_name, given_name, form_of_address, email, publish_contact, created_at, updated_at)
    SELECT $1, (ARRAY['Yılmaz','Becker','Nowak','Schulze','Okafor','Weber','Hussein','Petrov','Marino','Schmitt','Karimi','Popescu','Kovalenko','Wagner','Nguyen'])[(g % 15) + 1] || '-' || g,
      (ARRAY['Derya','Thomas','Agnieszka','Martin','Chidi','Sabine','Lina','Ivan','Giulia','Klaus'])[(g % 10) + 1], CASE WHEN g % 2 = 0 THEN 'Frau' ELSE 'Herr' END,
      'person' || g || '@grossratsheim.example', g % 4 = 0,
      TIMESTAMPTZ '2016-01-01 08:00+01' + (g * 11 || ' days')::interval, TIMESTAMPTZ '2016-01-01 08:00+01' + (g * 11 || ' days')::interval
    FROM generate_series(1, ${COUNTS.persons}) g`);
  await q(`INSERT INTO committee_memberships (tenant_id, committee_id, person_id, role, voting_right, start_date, end_date, created_at, updated_at)
    SELECT $1, c.id, p.id, CASE WHEN p.k <= 3 THEN 'chair' WHEN p.k <= 6 THEN 'deputy_chair' WHEN p.k % 10 = 0 THEN 'advisory_member' ELSE 'member' END,
      p.k % 10 <> 0, p.created_at::date, CASE WHEN p.k % 2 = 0 THEN p.created_at::date + 1825 END, p.created_at, p.created_at
    FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at, id) AS k FROM committee_persons WHERE tenant_id = $1) p
    JOIN committees c ON c.tenant_id = $1 AND c.sort = (p.k % 3) + 1`);
  await q(`INSERT INTO committee_locations (tenant_id, description, room, street_address, postal_code, locality, created_at, updated_at)
    SELECT $1, 'Sitzungsort ' || g, 'Saal ' || g, 'Rathausplatz ' || g, '6816' || g, 'Großratsheim', TIMESTAMPTZ '2016-01-01 08:00+01', TIMESTAMPTZ '2016-01-01 08:00+01'
    FROM generate_series(1, 5) g`);
  // Meetings every six days over ten years; the last ten are unpublished drafts.
  await c.query(`CREATE TEMP TABLE bench_m ON COMMIT DROP AS
    SELECT g, gen_random_uuid() AS id, TIMESTAMPTZ '2016-01-13 17:00+01' + ((g - 1) * 6 || ' days')::interval AS start_at FROM generate_series(1, ${COUNTS.meetings}) g`);
  await q(`INSERT INTO committee_meetings (tenant_id, id, committee_id, name, state, start_at, end_at, location_id, published_at, created_at, updated_at)
    SELECT $1, m.id, c.id, m.g || '. Sitzung', CASE WHEN m.start_at < now() THEN 'held' WHEN m.g % 7 = 0 THEN 'invited' ELSE 'scheduled' END,
      m.start_at, m.start_at + interval '150 minutes', l.id, CASE WHEN m.g <= ${COUNTS.meetings - 10} THEN m.start_at - interval '14 days' END,
      m.start_at - interval '21 days', least(now(), m.start_at + interval '10 days')
    FROM bench_m m
    JOIN committees c ON c.tenant_id = $1 AND c.sort = (m.g % 3) + 1
    JOIN (SELECT id, row_number() OVER (ORDER BY description) AS k FROM committee_locations WHERE tenant_id = $1) l ON l.k = (m.g % 5) + 1`);
  // Ten agenda items per meeting; the tenth is non-public.
  await c.query(`CREATE TEMP TABLE bench_a ON COMMIT DROP AS
    SELECT g, gen_random_uuid() AS id, ((g - 1) / 10) + 1 AS mg, ((g - 1) % 10) + 1 AS pos FROM generate_series(1, ${COUNTS.agendaItems}) g`);
  await q(`INSERT INTO committee_agenda_items (tenant_id, id, meeting_id, position, number, name, public, result, resolution_text, minutes, created_at, updated_at)
    SELECT $1, a.id, m.id, a.pos, CASE WHEN a.pos < 10 THEN 'Ö ' || a.pos ELSE 'N 1' END,
      CASE WHEN a.pos < 10 THEN 'Tagesordnungspunkt ' || a.pos || ' der ' || a.mg || '. Sitzung' ELSE 'Personalangelegenheit' END, a.pos < 10,
      CASE WHEN m.start_at < now() THEN 'beschlossen' ELSE '' END, CASE WHEN m.start_at < now() AND a.pos % 3 = 0 THEN 'Der Ausschuss beschließt wie vorgeschlagen.' ELSE '' END,
      CASE WHEN m.start_at < now() THEN 'Aussprache ohne Einwände.' ELSE '' END,
      m.start_at - interval '21 days' + (a.pos || ' minutes')::interval, least(now(), m.start_at + interval '10 days')
    FROM bench_a a JOIN bench_m m ON m.g = a.mg`);
  // Five papers per meeting on items 2–6; every fiftieth goes to the non-public item instead.
  await c.query(`CREATE TEMP TABLE bench_p ON COMMIT DROP AS
    SELECT g, gen_random_uuid() AS id, ((g - 1) / 5) + 1 AS mg, CASE WHEN g % 50 = 0 THEN 10 ELSE ((g - 1) % 5) + 2 END AS pos FROM generate_series(1, ${COUNTS.papers}) g`);
  await q(`INSERT INTO committee_papers (tenant_id, id, reference, name, paper_type, date, published_at, created_at, updated_at)
    SELECT $1, p.id, 'V/' || to_char(m.start_at, 'YYYY') || '/' || lpad(p.g::text, 4, '0'), 'Vorlage ' || p.g || ' zur ' || p.mg || '. Sitzung',
      (ARRAY['Beschlussvorlage','Informationsvorlage','Antrag','Anfrage','Mitteilung'])[(p.g % 5) + 1], (m.start_at - interval '25 days')::date,
      CASE WHEN p.g % 40 <> 0 THEN m.start_at - interval '20 days' END, m.start_at - interval '25 days', least(now(), m.start_at + interval '10 days')
    FROM bench_p p JOIN bench_m m ON m.g = p.mg`);
  await q(`INSERT INTO committee_consultations (tenant_id, paper_id, meeting_id, agenda_item_id, role, created_at, updated_at)
    SELECT $1, p.id, m.id, a.id, CASE WHEN p.pos % 2 = 0 THEN 'deciding' ELSE 'advisory' END, m.start_at - interval '21 days', m.start_at - interval '21 days'
    FROM bench_p p JOIN bench_m m ON m.g = p.mg JOIN bench_a a ON a.mg = p.mg AND a.pos = p.pos`);
  const pdf = tinyPdf(['Vorlage', 'Stadt Großratsheim (Benchmark)']);
  const sha1 = (await import('node:crypto')).createHash('sha1').update(pdf).digest('hex');
  const sha512 = (await import('node:crypto')).createHash('sha512').update(pdf).digest('hex');
  await q(
    `INSERT INTO committee_files (tenant_id, name, file_name, mime_type, size, sha1, sha512, date, role, paper_id, meeting_id, created_at, updated_at)
     SELECT $1, 'Vorlage ' || p.reference, replace(p.reference, '/', '-') || '.pdf', 'application/pdf', $2::int, $3, $4, p.date, 'main', p.id, NULL, p.created_at, p.created_at
     FROM committee_papers p WHERE p.tenant_id = $1
     UNION ALL
     SELECT $1, 'Einladung ' || m.name, 'einladung-' || m.id || '.pdf', 'application/pdf', $2::int, $3, $4, m.created_at::date, 'invitation', NULL, m.id, m.created_at, m.created_at
     FROM committee_meetings m WHERE m.tenant_id = $1`,
    [pdf.length, sha1, sha512],
  );
  await q(`INSERT INTO committee_file_contents (tenant_id, file_id, content) SELECT $1, f.id, decode($2, 'base64') FROM committee_files f WHERE f.tenant_id = $1`, [pdf.toString('base64')]);
  await c.query('COMMIT');
  await c.query('VACUUM ANALYZE');
  return tenantId;
}

async function prepare<S extends Server>(deps: OparlBenchDeps<S>): Promise<Facts> {
  const url = deps.pgUrl;
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const exists = await deps.withPgClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists && !deps.reseed) {
    const found = await deps.withPgClient(url, facts);
    if (found && found.meetings === COUNTS.meetings && found.agendaItems === COUNTS.agendaItems && found.papers === COUNTS.papers) {
      // Migrations added since the data set was made are applied by the server at start.
      deps.log(`OParl data set reused: ${name}`);
      return found;
    }
  }
  deps.log(`seeding PostgreSQL ${name} with ten years of committee data …`);
  await deps.withPgClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const migrateSeconds = await deps.runCli(['migrate'], deps.databaseEnv({ url }));
  const started = performance.now();
  await deps.withPgClient(url, seedOparlBench);
  const seconds = (performance.now() - started) / 1000;
  deps.record({
    scenario: 'seed-oparl-pg',
    dataset: `PostgreSQL, ${COUNTS.meetings} meetings, ${COUNTS.agendaItems} agenda items, ${COUNTS.papers} papers`,
    other: `migrate ${Math.round(migrateSeconds * 10) / 10} s, seed ${Math.round(seconds * 10) / 10} s`,
    target: '–',
    met: '–',
  });
  const found = await deps.withPgClient(url, facts);
  if (!found) throw new Error('seeding finished but the body is missing');
  return found;
}

/** The request mix: pages of every list (first, middle, deep), filtered lists, an organization's meetings. */
export function oparlPaths(f: Facts, perPage = 25): string[] {
  const base = `/api/oparl/v1.1/bodies/${OPARL_BENCH_TENANT}`;
  const pages = (total: number) => Math.max(1, Math.ceil(total / perPage));
  const paths: string[] = [];
  const lists: Array<[string, number]> = [
    ['meetings', f.meetings],
    ['agenda-items', f.agendaItems * 0.9],
    ['papers', f.papers],
    ['consultations', f.papers],
    ['files', f.papers + f.meetings],
    ['persons', COUNTS.persons],
    ['memberships', COUNTS.persons],
  ];
  for (const [segment, total] of lists) {
    const n = pages(total);
    for (let page = 1; page <= n; page += Math.max(1, Math.floor(n / 40))) paths.push(`${base}/${segment}${page > 1 ? `?page=${page}` : ''}`);
  }
  for (const segment of ['meetings', 'papers', 'agenda-items']) {
    for (let year = 2017; year <= 2026; year++) paths.push(`${base}/${segment}?modified_since=${year}-01-01T00%3A00%3A00%2B01%3A00`);
  }
  for (const id of f.committeeIds) for (let page = 1; page <= 8; page++) paths.push(`${base}/organizations/${id}/meetings${page > 1 ? `?page=${page}` : ''}`);
  paths.push(`${base}/organizations`, `${base}/legislative-terms`, `${base}/locations`, `/api/oparl/v1.1/bodies/${OPARL_BENCH_TENANT}`, '/api/oparl/v1.1/system');
  // A fixed shuffle, so every run sends the same sequence.
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return paths
    .map((p) => ({ p, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.p);
}

export async function oparlScenario<S extends Server>(deps: OparlBenchDeps<S>): Promise<void> {
  const f = await prepare(deps);
  if (deps.prepareOnly) return;
  const dataset = `PostgreSQL 15, 1 body: ${COUNTS.committees} committees, ${COUNTS.terms} terms, ${COUNTS.persons} persons, ${f.meetings} meetings, ${f.agendaItems} agenda items, ${f.papers} papers`;
  const server = await deps.startServer({ url: deps.pgUrl });
  try {
    await deps.loadScenario(server, 'oparl-pg', dataset, oparlPaths(f), { p95: 30 });
  } finally {
    const code = await server.stop();
    if (code !== 0) deps.log(`OParl server exited with ${code}:\n${server.output()}`);
  }
}
