/**
 * Case-list benchmark (issue 3: "a manager's case list with filters p95 ≤ 50 ms" at 100,000
 * persons, 50 teams, PostgreSQL). Seeds a synthetic tenant once — 100,000 persons, ~115,000 cases
 * over three programmes, 50 teams with 4 managers and a team lead each — then measures the list
 * service exactly as the route runs it (tenant transaction under row-level security, scope, filters,
 * count, the access-log insert) for managers, team leads and the integration lead.
 *
 *   node --import tsx bench/caseList.ts [--reseed] [--runs 200] [--url postgres://…/lotse_bench_cases]
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { postgresSource } from '../src/db/postgres.ts';
import type { Actor } from '../src/domains/auth/roles.ts';
import { caseScope } from '../src/domains/cases/case.policy.ts';
import { todayIso } from '../src/domains/cases/caseRules.ts';
import { listCases } from '../src/domains/cases/caseService.ts';
import { type CaseListQuery, caseListQuery } from '../src/shared/contracts/cases.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_CASES_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_cases' },
    reseed: { type: 'boolean', default: false },
    runs: { type: 'string', default: '200' },
    persons: { type: 'string', default: '100000' },
  },
});
const SLUG = 'bench-cases';

async function recreate(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

async function exists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const r = await client.query('SELECT count(*)::int n FROM tenants WHERE slug = $1', [SLUG]);
    return r.rows[0].n === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Everything in SQL with generate_series: persons, teams, accounts, programmes, cases. */
async function seed(db: Database, persons: number): Promise<void> {
  const started = Date.now();
  await db.system(async (tx) => {
    const [tenant] = await tx.query<{ id: string }>(`INSERT INTO tenants (slug, name, languages, settings) VALUES ($1, 'Benchstadt', '{de,en}', '{"twoFactorRoles":[]}') RETURNING id`, [SLUG]);
    const t = tenant!.id;
    await tx.query(`INSERT INTO teams (tenant_id, name) SELECT $1, 'Team ' || g FROM generate_series(1, 50) g`, [t]);
    await tx.query(
      `INSERT INTO case_programmes (tenant_id, code, name, max_duration_months, max_extension_months, warn_before_days)
       VALUES ($1, 'IM', 'Integrationsmanagement', 36, 12, 60), ($1, 'KIM', 'KIM', NULL, 0, 30), ($1, 'MBE', 'MBE', 36, 0, 45)`,
      [t],
    );
    // 4 managers + 1 team lead per team, 1 integration lead
    await tx.query(
      `INSERT INTO auth_user (id, name, email, email_verified, tenant_id, role, team_id)
       SELECT 'bench-' || tm.n || '-' || k, 'Person ' || tm.n || '-' || k, 'bench-' || tm.n || '-' || k || '@bench.example', true, $1,
              CASE WHEN k = 0 THEN 'team_lead' ELSE 'integration_manager' END, tm.id
         FROM (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm, generate_series(0, 4) k`,
      [t],
    );
    await tx.query(`INSERT INTO auth_user (id, name, email, email_verified, tenant_id, role) VALUES ('bench-lead', 'Leitung', 'bench-lead@bench.example', true, $1, 'integration_lead')`, [t]);
    await tx.query(
      `INSERT INTO persons (tenant_id, given_name, family_name, name_search, birth_date, team_id, created_by)
       SELECT $1, g.given, f.family, lower(g.given || ' ' || f.family), date '1960-01-01' + (s * 7919 % 18000), tm.id, 'bench-' || (s % 50 + 1) || '-1'
         FROM generate_series(1, $2::int) s
         CROSS JOIN LATERAL (SELECT (array['Amal','Yusuf','Olena','Ahmad','Zahra','Mihai','Elena','Mehmet','Semhar','Ali','Fatima','Daniel','Iryna','Samir','Nour'])[1 + s % 15] given) g
         CROSS JOIN LATERAL (SELECT (array['Haddad','Kovalenko','Rahimi','Ahmadi','Popescu','Dimitrova','Yildiz','Tesfay','Hassan','Osman','Mensah','Khalil','Ionescu','Demir','Nazari','Okafor'])[1 + (s / 15) % 16] || ' ' || s family) f
         JOIN (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm ON tm.n = s % 50 + 1`,
      [t, persons],
    );
    // One case per person, a second one (other programme) for every 7th; owners spread over the team's managers.
    await tx.query(
      `INSERT INTO cases (tenant_id, reference, person_id, programme_id, owner_id, team_id, state, started_on, planned_end_on, closed_on, closing_reason, retention_due_on)
       SELECT $1, pr.code || '-' || (2023 + x.i % 4) || '-' || lpad(x.i::text, 6, '0'), x.person_id, pr.id,
              'bench-' || x.team_n || '-' || (1 + x.i % 4)::int, x.team_id, x.state, x.started, x.started + 400 + (x.i % 500)::int,
              CASE WHEN x.state = 'closed' THEN x.started + 300 END, CASE WHEN x.state = 'closed' THEN 'goals_reached' END,
              CASE WHEN x.state = 'closed' THEN x.started + 300 + 1095 END
         FROM (
           SELECT p.id person_id, p.team_id, tm.n team_n, row_number() OVER () + 0 i, k,
                  (array['intake','assessment','plan','in_progress','in_progress','in_progress','closed','closed','reopened'])[1 + abs(hashtext(p.id::text || k)) % 9] state,
                  current_date - (abs(hashtext(p.id::text || 'd' || k)) % 1200) started
             FROM persons p
             JOIN (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm ON tm.id = p.team_id
             CROSS JOIN generate_series(0, 1) k
            WHERE p.tenant_id = $1 AND (k = 0 OR abs(hashtext(p.id::text)) % 7 = 0)
         ) x
         JOIN case_programmes pr ON pr.tenant_id = $1 AND pr.code = (array['IM','KIM','MBE'])[1 + ((x.i + x.k) % 3)::int]`,
      [t],
    );
  });
  await db.system((tx) => tx.query('ANALYZE'));
  console.log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
}

function actorOf(role: Actor['role'], userId: string, teamId: string | null, tenantId: string): Actor {
  return { userId, name: userId, email: `${userId}@bench.example`, role, tenantId, providerId: null, teamId, consentOverride: false, twoFactorEnabled: true, sessionId: null };
}

function p95(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10, max: Math.round(s[s.length - 1]! * 10) / 10 };
}

async function main(): Promise<void> {
  const url = args.url!;
  if (args.reseed || !(await exists(url))) {
    await recreate(url);
    const db = new Database(postgresSource(url, 4));
    await migrate(db);
    await seed(db, Number(args.persons));
    await db.close();
  }
  const db = new Database(postgresSource(url, 4));
  const [tenant] = await db.system((tx) => tx.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [SLUG]));
  const tenantId = tenant!.id;
  const [counts] = await db.system((tx) =>
    tx.query<{ persons: number; cases: number }>('SELECT (SELECT count(*)::int FROM persons) persons, (SELECT count(*)::int FROM cases) cases'),
  );
  const staff = await db.system((tx) => tx.query<{ id: string; role: string; team_id: string | null }>("SELECT id, role, team_id FROM auth_user WHERE tenant_id = $1 AND id LIKE 'bench-%'", [tenantId]));
  const managers = staff.filter((s) => s.role === 'integration_manager');
  const leads = staff.filter((s) => s.role === 'team_lead');
  const [programme] = await db.system((tx) => tx.query<{ id: string }>("SELECT id FROM case_programmes WHERE tenant_id = $1 AND code = 'IM'", [tenantId]));
  const today = todayIso();
  const runs = Number(args.runs);
  const q = (input: Record<string, unknown>): CaseListQuery => caseListQuery.parse(input);

  const scenarios: Array<{ name: string; who: () => Actor; query: () => CaseListQuery }> = [
    { name: 'manager: my open cases (default)', who: () => pick(managers, 'integration_manager'), query: () => q({ state: 'open' }) },
    { name: 'manager: filters (programme, attention, sort by name)', who: () => pick(managers, 'integration_manager'), query: () => q({ state: 'open', programmeId: programme!.id, attention: 'any', sort: 'person', dir: 'asc' }) },
    { name: 'manager: reference search, page 2', who: () => pick(managers, 'integration_manager'), query: () => q({ q: 'IM-202', page: 2 }) },
    { name: 'team lead: team, attention', who: () => pick(leads, 'team_lead'), query: () => q({ state: 'open', attention: 'any' }) },
    { name: 'team lead: team, sorted by planned end', who: () => pick(leads, 'team_lead'), query: () => q({ sort: 'plannedEndOn', dir: 'asc' }) },
    { name: 'integration lead: whole office, default', who: () => actorOf('integration_lead', 'bench-lead', null, tenantId), query: () => q({ state: 'open' }) },
    { name: 'integration lead: reference prefix', who: () => actorOf('integration_lead', 'bench-lead', null, tenantId), query: () => q({ q: 'KIM-2024' }) },
  ];
  let n = 0;
  function pick(list: typeof staff, role: Actor['role']): Actor {
    const s = list[n++ % list.length]!;
    return actorOf(role, s.id, s.team_id, tenantId);
  }

  // The floor on this machine: a tenant transaction that only writes one access-log entry.
  const floor: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const started = performance.now();
    await db.tenant(tenantId, (tx) => tx.query("INSERT INTO case_access_log (tenant_id, action, entity_type) VALUES ($1, 'list', 'bench')", [tenantId]));
    if (i >= 10) floor.push(performance.now() - started);
  }
  const floorStats = p95(floor);
  console.log(`PostgreSQL, ${counts!.persons} persons, ${counts!.cases} cases, ${managers.length} managers in ${leads.length} teams; ${args.runs} runs per scenario`);
  let worst = 0;
  for (const scenario of scenarios) {
    const samples: number[] = [];
    let returned = 0;
    for (let i = 0; i < runs + 10; i++) {
      const actor = scenario.who();
      const query = scenario.query();
      const started = performance.now();
      const result = await db.tenant(tenantId, (tx) => listCases(tx, actor, caseScope(actor), query, today));
      const ms = performance.now() - started;
      if (i >= 10) samples.push(ms);
      returned = result.total;
    }
    const stats = p95(samples);
    worst = Math.max(worst, stats.p95);
    console.log(`${scenario.name.padEnd(58)} p50 ${String(stats.p50).padStart(6)} ms  p95 ${String(stats.p95).padStart(6)} ms  max ${String(stats.max).padStart(6)} ms  (total ${returned})`);
  }
  console.log(`${'floor: empty tenant transaction + one log entry'.padEnd(58)} p50 ${String(floorStats.p50).padStart(6)} ms  p95 ${String(floorStats.p95).padStart(6)} ms  (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
  console.log(worst <= 50 ? `OK: every p95 ≤ 50 ms (worst ${worst} ms)` : `SLOW: worst p95 ${worst} ms > 50 ms`);
  await db.close();
}

await main();
