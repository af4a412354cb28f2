/**
 * Outcome-report benchmark (issue 3: "the outcome report for a year ≤ 2 s" at 100,000 persons and
 * 1,000,000 notes/appointments across 50 teams, PostgreSQL). Seeds a synthetic tenant once — 100,000
 * persons, ~115,000 cases over four years and three programmes, integration plans with ~4 goals
 * each (every 5th case re-planned), ~2 referrals per planned case, 1,000,000 journal entries and
 * 20,000 anonymous statistics of erased cases — then runs the outcome report exactly as the route
 * does (tenant transaction under row-level security, scope, all aggregate statements) for the
 * integration lead, a team lead and with a programme filter, and prints the query plans of the
 * aggregate statements (EXPLAIN ANALYZE) with --explain.
 *
 *   node --import tsx bench/caseOutcomes.ts [--reseed] [--runs 10] [--explain] [--url postgres://…/lotse_bench_outcomes]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type Database as Db, Database, type Tx } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { postgresSource } from '../src/db/postgres.ts';
import type { Actor } from '../src/domains/auth/roles.ts';
import { caseScope } from '../src/domains/cases/case.policy.ts';
import { type OutcomeFilter, outcomeFigures } from '../src/domains/cases/reports/outcomes.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_OUTCOMES_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench_outcomes' },
    reseed: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    runs: { type: 'string', default: '10' },
    persons: { type: 'string', default: '100000' },
    entries: { type: 'string', default: '1000000' },
  },
});
const SLUG = 'bench-outcomes';

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

/** Everything in SQL with generate_series. */
async function seed(db: Db, persons: number, entries: number): Promise<void> {
  const started = Date.now();
  const step = (label: string) => console.log(`  ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
  const [tenant] = await db.system((tx) =>
    tx.query<{ id: string }>(`INSERT INTO tenants (slug, name, languages, settings) VALUES ($1, 'Wirkungsstadt', '{de,en}', '{"twoFactorRoles":[]}') RETURNING id`, [SLUG]),
  );
  const t = tenant!.id;
  await db.system(async (tx) => {
    await tx.query(`INSERT INTO teams (tenant_id, name) SELECT $1, 'Team ' || lpad(g::text, 2, '0') FROM generate_series(1, 50) g`, [t]);
    await tx.query(
      `INSERT INTO case_programmes (tenant_id, code, name, max_duration_months, max_extension_months, warn_before_days)
       VALUES ($1, 'IM', 'Integrationsmanagement', 36, 12, 60), ($1, 'KIM', 'KIM', NULL, 0, 30), ($1, 'MBE', 'MBE', 36, 0, 45)`,
      [t],
    );
    await tx.query(
      `INSERT INTO auth_user (id, name, email, email_verified, tenant_id, role, team_id)
       SELECT 'bo-' || tm.n || '-' || k, 'Person ' || tm.n || '-' || k, 'bo-' || tm.n || '-' || k || '@bench.example', true, $1,
              CASE WHEN k = 0 THEN 'team_lead' ELSE 'integration_manager' END, tm.id
         FROM (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm, generate_series(0, 4) k`,
      [t],
    );
    await tx.query(`INSERT INTO auth_user (id, name, email, email_verified, tenant_id, role) VALUES ('bo-lead', 'Leitung', 'bo-lead@bench.example', true, $1, 'integration_lead')`, [t]);
    await tx.query(
      `INSERT INTO persons (tenant_id, given_name, family_name, name_search, birth_date, team_id, created_by)
       SELECT $1, 'Vorname' || s, 'Familie' || s, 'vorname' || s || ' familie' || s, date '1960-01-01' + (s * 7919 % 18000), tm.id, 'bo-' || (s % 50 + 1) || '-1'
         FROM generate_series(1, $2::int) s
         JOIN (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm ON tm.n = s % 50 + 1`,
      [t, persons],
    );
  });
  step('persons');
  await db.system((tx) =>
    tx.query(
      `INSERT INTO cases (tenant_id, reference, person_id, programme_id, owner_id, team_id, state, started_on, closed_on, closing_reason, retention_due_on)
       SELECT $1, pr.code || '-' || x.i, x.person_id, pr.id, 'bo-' || x.team_n || '-' || (1 + x.i % 4)::int, x.team_id, x.state, x.started,
              CASE WHEN x.state = 'closed' THEN least(current_date, x.started + 100 + (x.i % 600)::int) END,
              CASE WHEN x.state = 'closed' THEN (array['goals_reached','self_reliant','moved_away','transferred','no_contact','declined','other'])[1 + x.i % 7] END,
              CASE WHEN x.state = 'closed' THEN least(current_date, x.started + 100 + (x.i % 600)::int) + 1095 END
         FROM (
           SELECT p.id person_id, p.team_id, tm.n team_n, row_number() OVER () i, k,
                  (array['intake','assessment','plan','in_progress','in_progress','closed','closed','closed','reopened'])[1 + abs(hashtext(p.id::text || k)) % 9] state,
                  current_date - (abs(hashtext(p.id::text || 'd' || k)) % 1460) started
             FROM persons p
             JOIN (SELECT id, row_number() OVER (ORDER BY name) n FROM teams WHERE tenant_id = $1) tm ON tm.id = p.team_id
             CROSS JOIN generate_series(0, 1) k
            WHERE p.tenant_id = $1 AND (k = 0 OR abs(hashtext(p.id::text)) % 7 = 0)
         ) x
         JOIN case_programmes pr ON pr.tenant_id = $1 AND pr.code = (array['IM','KIM','MBE'])[1 + ((x.i + x.k) % 3)::int]`,
      [t],
    ),
  );
  step('cases');
  // Plans: version 1 for every case past intake/assessment; every 5th re-planned (version 2).
  // Goals go into drafts only (trigger), so plans are written as drafts and agreed afterwards.
  await db.system(async (tx) => {
    const replanned = 'abs(hashtext(c.id::text)) % 5 = 0';
    const plans = (version: number, where: string) =>
      tx.query(
        `INSERT INTO case_plans (tenant_id, case_id, person_id, version, status, starts_on, agreed_on, review_due_on)
         SELECT c.tenant_id, c.id, c.person_id, ${version}, 'draft', c.started_on + 20, c.started_on + ${30 + (version - 1) * 180}, c.started_on + ${210 + (version - 1) * 180}
           FROM cases c WHERE c.tenant_id = $1 AND c.state NOT IN ('intake', 'assessment') AND ${where}`,
        [t],
      );
    await plans(1, 'true');
    await tx.query(
      `INSERT INTO case_goals (tenant_id, plan_id, case_id, person_id, origin_id, position, field_of_action, title, status, outcome, outcome_on)
       SELECT p.tenant_id, p.id, p.case_id, p.person_id, gen_random_uuid(), g,
              (array['language','education','work','housing','health','family','residence','participation'])[1 + abs(hashtext(p.id::text || g)) % 8],
              'Ziel', 'open', o.outcome, CASE WHEN o.outcome IS NOT NULL THEN least(current_date, p.agreed_on + 20 + abs(hashtext(p.id::text || 'o' || g)) % 400) END
         FROM case_plans p CROSS JOIN generate_series(1, 4) g
         CROSS JOIN LATERAL (SELECT (array['reached','reached','reached','reached','partly','partly','not_reached',NULL,NULL,NULL])[1 + abs(hashtext(p.id::text || 'x' || g)) % 10] AS outcome) o
        WHERE p.tenant_id = $1`,
      [t],
    );
    await tx.query(
      `UPDATE case_plans p SET status = CASE WHEN abs(hashtext(p.case_id::text)) % 5 = 0 THEN 'superseded' ELSE 'agreed' END WHERE p.tenant_id = $1`,
      [t],
    );
    // re-planning: version 2 with copies of the goals (same origin), then agreed
    await plans(2, replanned);
    await tx.query(
      `INSERT INTO case_goals (tenant_id, plan_id, case_id, person_id, origin_id, position, field_of_action, title, status, outcome, outcome_on)
       SELECT p2.tenant_id, p2.id, g.case_id, g.person_id, g.origin_id, g.position, g.field_of_action, g.title, g.status, g.outcome, g.outcome_on
         FROM case_plans p2 JOIN case_plans p1 ON p1.tenant_id = p2.tenant_id AND p1.case_id = p2.case_id AND p1.version = 1
         JOIN case_goals g ON g.tenant_id = p1.tenant_id AND g.plan_id = p1.id
        WHERE p2.tenant_id = $1 AND p2.version = 2`,
      [t],
    );
    await tx.query(`UPDATE case_plans SET status = 'agreed' WHERE tenant_id = $1 AND version = 2`, [t]);
  });
  step('plans and goals');
  await db.system((tx) =>
    tx.query(
      `INSERT INTO case_referrals (tenant_id, case_id, person_id, kind, external_name, state, shared_fields, snapshot_enc, sent_at, accepted_at, rejected_at, completed_at)
       SELECT c.tenant_id, c.id, c.person_id, 'external', 'Dienst ' || k, s.state, '{}', 'x', c.started_on + 40,
              CASE WHEN s.state IN ('accepted', 'done') THEN c.started_on + 45 END, CASE WHEN s.state = 'rejected' THEN c.started_on + 45 END,
              CASE WHEN s.state = 'done' THEN c.started_on + 120 END
         FROM cases c CROSS JOIN generate_series(1, 2) k
         CROSS JOIN LATERAL (SELECT (array['sent','accepted','accepted','done','done','done','rejected','revoked'])[1 + abs(hashtext(c.id::text || k)) % 8] AS state) s
        WHERE c.tenant_id = $1 AND c.state NOT IN ('intake', 'assessment')`,
      [t],
    ),
  );
  step('referrals');
  await db.system((tx) =>
    tx.query(
      `INSERT INTO case_entries (tenant_id, case_id, person_id, kind, occurred_at, duration_minutes, body_enc, author_name)
       SELECT c.tenant_id, c.id, c.person_id, (array['note','contact','appointment'])[1 + e % 3], c.started_on + (e % 400), 30, 'x', 'Bench'
         FROM generate_series(1, $2::int) e
         JOIN (SELECT id, person_id, tenant_id, started_on, row_number() OVER (ORDER BY id) - 1 AS n FROM cases WHERE tenant_id = $1) c
           ON c.n = e % (SELECT count(*) FROM cases WHERE tenant_id = $1)`,
      [t, entries],
    ),
  );
  step('journal entries');
  await db.system((tx) =>
    tx.query(
      `INSERT INTO case_statistics (tenant_id, programme_id, team_id, birth_year, started_month, closed_month, closing_reason, duration_days, goals, referrals, cause)
       SELECT $1, (SELECT id FROM case_programmes WHERE tenant_id = $1 ORDER BY code OFFSET s % 3 LIMIT 1),
              (SELECT id FROM teams WHERE tenant_id = $1 ORDER BY name OFFSET s % 50 LIMIT 1), 1980 + s % 30,
              date_trunc('month', current_date - 1460 - (s % 700))::date, date_trunc('month', current_date - 1460 - (s % 700) + 400 + s % 500)::date,
              (array['goals_reached','self_reliant','moved_away','no_contact'])[1 + s % 4], 400 + s % 500,
              jsonb_build_object('language', jsonb_build_object('reached', 1 + s % 2, 'partly', s % 2, 'notReached', 0, 'open', s % 3, 'daysToReach', jsonb_build_array(60 + s % 300)),
                                 'work', jsonb_build_object('reached', s % 2, 'partly', 0, 'notReached', 1, 'open', 0, 'daysToReach', CASE WHEN s % 2 = 1 THEN jsonb_build_array(100 + s % 200) ELSE '[]'::jsonb END)),
              jsonb_build_object('sent', 2, 'accepted', 1 + s % 2, 'rejected', (1 - s % 2), 'completed', s % 2), 'anonymised'
         FROM generate_series(1, 20000) s`,
      [t],
    ),
  );
  step('anonymous statistics');
  // as autovacuum would have done by the time anyone reports (the plans were written twice)
  const client = new pg.Client({ connectionString: args.url! });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
  console.log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
}

function actorOf(role: Actor['role'], userId: string, teamId: string | null, tenantId: string): Actor {
  return { userId, name: userId, email: `${userId}@bench.example`, role, tenantId, providerId: null, teamId, consentOverride: false, twoFactorEnabled: true, sessionId: null };
}

function stats(samples: number[]): { p50: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: Math.round(s[Math.floor(s.length / 2)]! ), max: Math.round(s[s.length - 1]!) };
}

/** CPU time (user + system) a local PostgreSQL backend has used, in ms; null when not readable. */
function backendCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A transaction whose hand-written statements are explained (EXPLAIN ANALYZE) before they run. */
function explaining(tx: Tx): Tx {
  const dialect = new PgDialect();
  const db = new Proxy(tx.db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        const { sql, params } = dialect.sqlToQuery(query);
        const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        console.log(`\n${sql.replace(/\s+/g, ' ').slice(0, 160)} …\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        return target.execute(query);
      };
    },
  });
  return { ...tx, db, query: tx.query };
}

async function main(): Promise<void> {
  const url = args.url!;
  if (args.reseed || !(await exists(url))) {
    await recreate(url);
    const db = new Database(postgresSource(url, 4));
    await migrate(db);
    await seed(db, Number(args.persons), Number(args.entries));
    await db.close();
  }
  const db = new Database(postgresSource(url, 4));
  const [tenant] = await db.system((tx) => tx.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [SLUG]));
  const tenantId = tenant!.id;
  const [counts] = await db.system((tx) =>
    tx.query<{ persons: number; cases: number; goals: number; referrals: number; entries: number; stats: number }>(
      `SELECT (SELECT count(*)::int FROM persons) persons, (SELECT count(*)::int FROM cases) cases, (SELECT count(*)::int FROM case_goals) goals,
              (SELECT count(*)::int FROM case_referrals) referrals, (SELECT count(*)::int FROM case_entries) entries, (SELECT count(*)::int FROM case_statistics) stats`,
    ),
  );
  const [lead] = await db.system((tx) => tx.query<{ id: string; team_id: string }>("SELECT id, team_id FROM auth_user WHERE tenant_id = $1 AND role = 'team_lead' ORDER BY id LIMIT 1", [tenantId]));
  const [programme] = await db.system((tx) => tx.query<{ id: string }>("SELECT id FROM case_programmes WHERE tenant_id = $1 AND code = 'IM'", [tenantId]));
  const year = new Date().getFullYear() - 1;
  const office = actorOf('integration_lead', 'bo-lead', null, tenantId);
  const teamLead = actorOf('team_lead', lead!.id, lead!.team_id, tenantId);
  const scenarios: Array<{ name: string; filter: OutcomeFilter }> = [
    { name: `integration lead: office, ${year}, closed cases`, filter: { year, cohort: 'closed', scope: caseScope(office), programmeId: null, teamId: null } },
    { name: `integration lead: office, ${year}, supported cases`, filter: { year, cohort: 'active', scope: caseScope(office), programmeId: null, teamId: null } },
    { name: `integration lead: programme IM, ${year + 1}`, filter: { year: year + 1, cohort: 'active', scope: caseScope(office), programmeId: programme!.id, teamId: null } },
    { name: `team lead: team, ${year}`, filter: { year, cohort: 'closed', scope: caseScope(teamLead), programmeId: null, teamId: null } },
  ];
  console.log(
    `PostgreSQL: ${counts!.persons} persons, ${counts!.cases} cases, ${counts!.goals} goals, ${counts!.referrals} referrals, ${counts!.entries} journal entries, ${counts!.stats} erased-case statistics; ${args.runs} runs each`,
  );
  let worst = 0;
  for (const scenario of scenarios) {
    const samples: number[] = [];
    const cpu: number[] = [];
    let summary = '';
    for (let i = 0; i < Number(args.runs) + 1; i++) {
      const started = performance.now();
      const figures = await db.tenant(
        tenantId,
        async (tx) => {
          // CPU time of the database backend (this machine is shared: wall time includes waiting for a core)
          const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
          const before = backendCpuMs(pid);
          const result = await outcomeFigures(tx, scenario.filter);
          const after = backendCpuMs(pid);
          if (i > 0 && before !== null && after !== null) cpu.push(after - before);
          return result;
        },
        { readOnly: true },
      );
      const ms = performance.now() - started;
      if (i > 0) samples.push(ms);
      summary = `cases closed ${figures.total.cases.closed}, goals ${figures.total.goals.all.total}, referrals ${figures.total.referrals.sent}`;
    }
    const s = stats(samples);
    const c = cpu.length ? stats(cpu) : null;
    worst = Math.max(worst, s.max);
    console.log(
      `${scenario.name.padEnd(48)} p50 ${String(s.p50).padStart(5)} ms  max ${String(s.max).padStart(5)} ms${c ? `  backend CPU p50 ${String(c.p50).padStart(5)} ms` : ''}  (${summary})`,
    );
  }
  if (args.explain) {
    for (const scenario of scenarios) {
      console.log(`\n=== ${scenario.name}`);
      await db.tenant(tenantId, (tx) => outcomeFigures(explaining(tx), scenario.filter), { readOnly: true });
    }
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(worst <= 2000 ? `OK: every run ≤ 2 s (worst ${worst} ms)` : `SLOW: worst ${worst} ms > 2 s`);
  await db.close();
}

await main();
