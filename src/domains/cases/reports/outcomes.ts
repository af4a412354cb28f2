import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { GoalCounts, OutcomeBlock, OutcomeFigures } from '../../../shared/contracts/caseReports.ts';
import { casePrograms, cases, teams } from '../case.table.ts';
import { type CaseScope, caseScopeSql } from '../case.policy.ts';
import { fieldOptions } from '../plans/fieldsOfAction.ts';
import { rows } from './reportScope.ts';

/**
 * Outcome figures (Wirkungszahlen): goals per field of action reached / partly / not reached /
 * still open, days from agreeing a goal to reaching it (median, mean), referrals sent / accepted /
 * rejected / completed, closing reasons, cases opened / closed / supported and their mean
 * duration — for the whole scope, per programme and per team.
 *
 * Everything is aggregated in SQL over live cases PLUS the anonymous statistics of erased cases
 * (`case_statistics`), with the same definitions the erasure uses when it keeps them
 * (goalOutcomeSummary of planQueries.ts, referral counts of referralQueries.ts; see
 * outcomeFacts.ts), so the figures are the same before and after a case is erased. The result
 * holds counts, means and medians only — no person or case ids, names or references.
 *
 * Which cases count for a year:
 * - case figures: cases supported in the year (started before its end, not closed before its
 *   start); "opened" / "closed" = started / closed in the year. An erased case knows its start and
 *   closure to the month, which decides the year exactly.
 * - goals and referrals: the cohort — cases closed in the year (final outcomes) or cases supported
 *   in the year (outcomes so far). An erased open case (erasure on request) counts as supported
 *   until the month it was erased.
 *
 * Performance: a handful of aggregate statements over the year's cases and their goals and
 * referrals (indexes cases_*_started / case_goals_case_idx / case_referrals_case_idx,
 * case_statistics_closed_idx); notes and the journal are not touched.
 */

export interface OutcomeFilter {
  year: number;
  cohort: 'closed' | 'active';
  scope: CaseScope;
  programmeId: string | null;
  teamId: string | null;
}

interface Bounds {
  from: string;
  to: string;
}

type GroupKey = string;
const TOTAL: GroupKey = 'total';
const groupKey = (gp: number, gt: number, programmeId: string | null, teamId: string | null): GroupKey =>
  gp === 0 ? `p:${programmeId ?? ''}` : gt === 0 ? `t:${teamId ?? ''}` : TOTAL;

/** WHERE on `cases`: the actor's scope and the report's filters. */
function liveWhere(f: OutcomeFilter): SQL {
  return and(
    caseScopeSql(f.scope),
    f.programmeId ? eq(cases.programmeId, f.programmeId) : undefined,
    f.teamId ? eq(cases.teamId, f.teamId) : undefined,
  )!;
}

/**
 * WHERE on `case_statistics s`. Statistics have programme and team but no owner: a team scope
 * takes its team's, the office all, a manager's own scope none.
 */
function statsWhere(f: OutcomeFilter): SQL {
  const parts: SQL[] = [];
  if (f.scope.kind === 'own' || f.scope.kind === 'none') parts.push(sql`false`);
  if (f.scope.kind === 'team') parts.push(sql`s.team_id = ${f.scope.teamId}`);
  if (f.programmeId) parts.push(sql`s.programme_id = ${f.programmeId}`);
  if (f.teamId) parts.push(sql`s.team_id = ${f.teamId}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

/** The day an erased case stopped (closure, else the day it was erased). */
const statsEnd = sql`coalesce(s.closed_month, (s.recorded_at AT TIME ZONE 'Europe/Berlin')::date)`;

function liveSupported(b: Bounds): SQL {
  return sql`cases.started_on < ${b.to}::date AND (cases.closed_on IS NULL OR cases.closed_on >= ${b.from}::date)`;
}
function statsSupported(b: Bounds): SQL {
  return sql`s.started_month < ${b.to}::date AND ${statsEnd} >= ${b.from}::date`;
}

function liveCohort(f: OutcomeFilter, b: Bounds): SQL {
  return f.cohort === 'closed'
    ? sql`cases.state = 'closed' AND cases.closed_on >= ${b.from}::date AND cases.closed_on < ${b.to}::date`
    : liveSupported(b);
}
function statsCohort(f: OutcomeFilter, b: Bounds): SQL {
  return f.cohort === 'closed' ? sql`s.closed_month >= ${b.from}::date AND s.closed_month < ${b.to}::date` : statsSupported(b);
}

const GROUPS = sql`GROUPING SETS ((), (programme_id), (team_id))`;

interface CaseRow {
  programme_id: string | null;
  team_id: string | null;
  gp: number;
  gt: number;
  active: number;
  opened: number;
  closed: number;
  mean_duration: number | null;
}

async function caseFigures(tx: Tx, f: OutcomeFilter, b: Bounds) {
  const base = sql`
    WITH base AS (
      SELECT cases.programme_id, cases.team_id, cases.started_on AS started, cases.closed_on AS closed,
             cases.closing_reason AS reason, (cases.closed_on - cases.started_on) AS duration
        FROM cases WHERE ${liveWhere(f)} AND ${liveSupported(b)}
      UNION ALL
      SELECT s.programme_id, s.team_id, s.started_month, s.closed_month, s.closing_reason, s.duration_days
        FROM case_statistics s WHERE ${statsWhere(f)} AND ${statsSupported(b)}
    )`;
  const closedIn = sql`closed >= ${b.from}::date AND closed < ${b.to}::date`;
  const counts = await rows<CaseRow>(
    tx,
    sql`${base}
      SELECT programme_id, team_id, grouping(programme_id) AS gp, grouping(team_id) AS gt,
             count(*)::int AS active,
             (count(*) FILTER (WHERE started >= ${b.from}::date))::int AS opened,
             (count(*) FILTER (WHERE ${closedIn}))::int AS closed,
             (avg(duration) FILTER (WHERE ${closedIn}))::float8 AS mean_duration
        FROM base GROUP BY ${GROUPS}`,
  );
  const reasons = await rows<{ programme_id: string | null; team_id: string | null; gp: number; gt: number; reason: string; n: number }>(
    tx,
    sql`${base}
      SELECT programme_id, team_id, grouping(programme_id) AS gp, grouping(team_id) AS gt,
             coalesce(reason, 'unknown') AS reason, count(*)::int AS n
        FROM base WHERE ${closedIn}
       GROUP BY GROUPING SETS ((coalesce(reason, 'unknown')), (programme_id, coalesce(reason, 'unknown')), (team_id, coalesce(reason, 'unknown')))`,
  );
  return { counts, reasons };
}

interface GoalRow {
  /** c: outcome counts; d: days to reach (median, mean) */
  kind: 'c' | 'd';
  programme_id: string | null;
  team_id: string | null;
  field: string | null;
  gp: number;
  gt: number;
  gf: number;
  reached: number | null;
  partly: number | null;
  not_reached: number | null;
  open: number | null;
  n_days: number | null;
  mean_days: number | null;
  median_days: number | null;
}

/**
 * Goals of the cohort, each goal lineage once (re-planning copies a goal with the same origin):
 * its field and outcome from its newest plan version, agreed on the first day a version holding it
 * was agreed; only agreed goals count (as in planQueries.goalOutcomeSummary). Erased cases add
 * their kept counts and days per field.
 *
 * Cases with a single plan version (most) need no lineage: their goals are taken as they are.
 * In re-planned cases the newest version of a lineage is picked with max() over one fixed-width
 * text — version (9 digits, zero-padded), outcome (r / p / n / -), outcome day (days since 1900,
 * 6 digits), field — in byte order instead of an ordered aggregate (cut apart again with substr),
 * so PostgreSQL aggregates them in a hash table rather than sorting them. Counts are summed per
 * programme, team and field first and then in grouping sets; only the reached goals (days) are
 * sorted for the medians.
 */
async function goalFigures(tx: Tx, f: OutcomeFilter, b: Bounds): Promise<GoalRow[]> {
  const sets = sql`GROUPING SETS ((), (field), (programme_id), (programme_id, field), (team_id), (team_id, field))`;
  return rows<GoalRow>(
    tx,
    sql`
    WITH replanned AS (
      SELECT DISTINCT p2.case_id FROM case_plans p2 WHERE p2.version > 1
    ),
    -- every goal row of the cohort's plans with its plan's version, status and agreement
    goal_rows AS MATERIALIZED (
      SELECT cases.programme_id, cases.team_id, g.case_id, g.origin_id, g.field_of_action, g.outcome, g.outcome_on,
             p.version, p.status, p.agreed_on, (rp.case_id IS NOT NULL) AS replanned
        FROM case_goals g
        JOIN case_plans p ON p.tenant_id = g.tenant_id AND p.id = g.plan_id
        JOIN cases ON cases.tenant_id = g.tenant_id AND cases.id = g.case_id
        LEFT JOIN replanned rp ON rp.case_id = g.case_id
       WHERE ${liveWhere(f)} AND ${liveCohort(f, b)}
    ),
    -- cases with one plan version: every goal is its own lineage
    single AS (
      SELECT programme_id, team_id, agreed_on,
             CASE outcome WHEN 'reached' THEN 'r' WHEN 'partly' THEN 'p' WHEN 'not_reached' THEN 'n' ELSE '-' END AS outcome,
             outcome_on, field_of_action AS field
        FROM goal_rows
       WHERE NOT replanned AND status <> 'draft' AND agreed_on IS NOT NULL
    ),
    -- re-planned cases: each lineage once, in its newest version
    lineage AS (
      SELECT programme_id, team_id,
             max((lpad(version::text, 9, '0')
                  || CASE outcome WHEN 'reached' THEN 'r' WHEN 'partly' THEN 'p' WHEN 'not_reached' THEN 'n' ELSE '-' END
                  || coalesce(lpad((outcome_on - DATE '1900-01-01')::text, 6, '0'), '------')
                  || field_of_action) COLLATE "C") AS newest,
             min(agreed_on) FILTER (WHERE status <> 'draft') AS agreed_on
        FROM goal_rows
       WHERE replanned
       GROUP BY programme_id, team_id, case_id, origin_id
    ),
    live AS (
      SELECT programme_id, team_id, agreed_on,
             substr(newest, 10, 1) AS outcome,
             DATE '1900-01-01' + nullif(substr(newest, 11, 6), '------')::int AS outcome_on,
             substr(newest, 17) AS field
        FROM lineage WHERE agreed_on IS NOT NULL
      UNION ALL
      SELECT programme_id, team_id, agreed_on, outcome, outcome_on, field FROM single
    ),
    facts AS MATERIALIZED (
      SELECT programme_id, team_id, field,
             (outcome = 'r')::int AS reached, (outcome = 'p')::int AS partly, (outcome = 'n')::int AS not_reached, (outcome = '-')::int AS open,
             CASE WHEN outcome = 'r' AND outcome_on IS NOT NULL THEN (outcome_on - agreed_on) END AS days
        FROM live
      UNION ALL
      SELECT s.programme_id, s.team_id, g.key,
             coalesce((g.value->>'reached')::int, 0), coalesce((g.value->>'partly')::int, 0),
             coalesce((g.value->>'notReached')::int, 0), coalesce((g.value->>'open')::int, 0), NULL
        FROM case_statistics s CROSS JOIN LATERAL jsonb_each(s.goals) g
       WHERE ${statsWhere(f)} AND ${statsCohort(f, b)}
      UNION ALL
      SELECT s.programme_id, s.team_id, g.key, 0, 0, 0, 0, d::int
        FROM case_statistics s CROSS JOIN LATERAL jsonb_each(s.goals) g
             CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(g.value->'daysToReach') = 'array' THEN g.value->'daysToReach' ELSE '[]'::jsonb END) d
       WHERE ${statsWhere(f)} AND ${statsCohort(f, b)}
    )
    SELECT 'c' AS kind, programme_id, team_id, field, grouping(programme_id) AS gp, grouping(team_id) AS gt, grouping(field) AS gf,
           sum(reached)::int AS reached, sum(partly)::int AS partly, sum(not_reached)::int AS not_reached, sum(open)::int AS open,
           NULL::int AS n_days, NULL::float8 AS mean_days, NULL::float8 AS median_days
      FROM (SELECT programme_id, team_id, field, sum(reached) AS reached, sum(partly) AS partly, sum(not_reached) AS not_reached, sum(open) AS open
              FROM facts GROUP BY programme_id, team_id, field) per_field
     GROUP BY ${sets}
    UNION ALL
    SELECT 'd', programme_id, team_id, field, grouping(programme_id), grouping(team_id), grouping(field),
           NULL, NULL, NULL, NULL,
           count(*)::int, avg(days)::float8, (percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::float8
      FROM facts WHERE days IS NOT NULL GROUP BY ${sets}`,
  );
}

interface ReferralRow {
  programme_id: string | null;
  team_id: string | null;
  gp: number;
  gt: number;
  sent: number;
  accepted: number;
  rejected: number;
  completed: number;
}

/** Referrals of the cohort's cases, counted as referralQueries.referralCountsForCase does; erased cases add their kept counts. */
async function referralFigures(tx: Tx, f: OutcomeFilter, b: Bounds): Promise<ReferralRow[]> {
  return rows<ReferralRow>(
    tx,
    sql`
    WITH cohort AS (
      SELECT cases.tenant_id, cases.id, cases.programme_id, cases.team_id FROM cases WHERE ${liveWhere(f)} AND ${liveCohort(f, b)}
    ),
    facts AS (
      SELECT c.programme_id, c.team_id, 1 AS sent, (r.accepted_at IS NOT NULL)::int AS accepted,
             (r.state = 'rejected')::int AS rejected, (r.state = 'done')::int AS completed
        FROM cohort c JOIN case_referrals r ON r.tenant_id = c.tenant_id AND r.case_id = c.id
      UNION ALL
      SELECT s.programme_id, s.team_id, coalesce((s.referrals->>'sent')::int, 0), coalesce((s.referrals->>'accepted')::int, 0),
             coalesce((s.referrals->>'rejected')::int, 0), coalesce((s.referrals->>'completed')::int, 0)
        FROM case_statistics s WHERE ${statsWhere(f)} AND ${statsCohort(f, b)}
    )
    SELECT programme_id, team_id, grouping(programme_id) AS gp, grouping(team_id) AS gt,
           coalesce(sum(sent), 0)::int AS sent, coalesce(sum(accepted), 0)::int AS accepted,
           coalesce(sum(rejected), 0)::int AS rejected, coalesce(sum(completed), 0)::int AS completed
      FROM facts GROUP BY ${GROUPS}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Assembling the blocks

const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

function emptyBlock(): OutcomeBlock {
  return {
    cases: { active: 0, opened: 0, closed: 0, meanDurationDays: null, closingReasons: [] },
    goals: { byField: [], all: goalCounts(null) },
    referrals: { sent: 0, accepted: 0, rejected: 0, completed: 0, acceptanceRate: null, rejectionRate: null, completionRate: null },
  };
}

function goalCounts(r: GoalRow | null): GoalCounts {
  const reached = Number(r?.reached ?? 0);
  const partly = Number(r?.partly ?? 0);
  const notReached = Number(r?.not_reached ?? 0);
  const open = Number(r?.open ?? 0);
  const n = Number(r?.n_days ?? 0);
  return {
    reached,
    partly,
    notReached,
    open,
    total: reached + partly + notReached + open,
    reachedRate: rate(reached, reached + partly + notReached),
    timeToReach: { n, medianDays: n ? round1(r?.median_days) : null, meanDays: n ? round1(r?.mean_days) : null },
  };
}

const CLOSING_ORDER = ['goals_reached', 'self_reliant', 'moved_away', 'transferred', 'no_contact', 'declined', 'other', 'unknown'];

/** The outcome figures of a year for the scope (and filters). Reads only; the route logs the access. */
export async function outcomeFigures(tx: Tx, f: OutcomeFilter): Promise<OutcomeFigures> {
  const b: Bounds = { from: `${f.year}-01-01`, to: `${f.year + 1}-01-01` };
  // the year's goals and referrals are aggregated in memory (hash tables), not spilled to disk
  await tx.query(`SET LOCAL work_mem = '64MB'`);
  // no JIT: the jsonb_each/jsonb_array_elements estimates (100 rows each) push the goal query's cost
  // past jit_above_cost, and compiling it took 1–3.5 s of a ~0.5–1 s report (bench/cases.ts, outcomes-pg)
  await tx.query('SET LOCAL jit = off');
  const { counts, reasons } = await caseFigures(tx, f, b);
  const goals = await goalFigures(tx, f, b);
  const referrals = await referralFigures(tx, f, b);
  const includesErased = f.scope.kind === 'team' || f.scope.kind === 'office';

  const blocks = new Map<GroupKey, OutcomeBlock>([[TOTAL, emptyBlock()]]);
  const block = (key: GroupKey) => {
    let found = blocks.get(key);
    if (!found) {
      found = emptyBlock();
      blocks.set(key, found);
    }
    return found;
  };
  for (const r of counts) {
    const target = block(groupKey(Number(r.gp), Number(r.gt), r.programme_id, r.team_id)).cases;
    target.active = Number(r.active);
    target.opened = Number(r.opened);
    target.closed = Number(r.closed);
    target.meanDurationDays = round1(r.mean_duration);
  }
  for (const r of reasons) {
    block(groupKey(Number(r.gp), Number(r.gt), r.programme_id, r.team_id)).cases.closingReasons.push({ reason: r.reason, count: Number(r.n) });
  }
  // field order: the programmes' fields of action (language, education, work …), then others by key
  const options = await fieldOptions(tx);
  const order = new Map(options.map((o, i) => [o.key, i]));
  const fieldRank = (key: string) => order.get(key) ?? options.length;
  // counts and days come as separate rows per group and field: merged before they are presented
  const merged = new Map<string, GoalRow>();
  for (const r of goals) {
    const key = `${groupKey(Number(r.gp), Number(r.gt), r.programme_id, r.team_id)}|${Number(r.gf) === 1 ? '*' : `f:${r.field ?? ''}`}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...r });
    else if (r.kind === 'd') Object.assign(seen, { n_days: r.n_days, mean_days: r.mean_days, median_days: r.median_days });
    else Object.assign(seen, { reached: r.reached, partly: r.partly, not_reached: r.not_reached, open: r.open });
  }
  for (const r of merged.values()) {
    const target = block(groupKey(Number(r.gp), Number(r.gt), r.programme_id, r.team_id)).goals;
    if (Number(r.gf) === 1) target.all = goalCounts(r);
    else target.byField.push({ field: r.field ?? 'unknown', ...goalCounts(r) });
  }
  for (const r of referrals) {
    const sent = Number(r.sent);
    const accepted = Number(r.accepted);
    const rejected = Number(r.rejected);
    const completed = Number(r.completed);
    block(groupKey(Number(r.gp), Number(r.gt), r.programme_id, r.team_id)).referrals = {
      sent,
      accepted,
      rejected,
      completed,
      acceptanceRate: rate(accepted, sent),
      rejectionRate: rate(rejected, sent),
      completionRate: rate(completed, sent),
    };
  }
  for (const b2 of blocks.values()) {
    b2.cases.closingReasons.sort((x, y) => CLOSING_ORDER.indexOf(x.reason) - CLOSING_ORDER.indexOf(y.reason) || x.reason.localeCompare(y.reason));
    b2.goals.byField.sort((x, y) => fieldRank(x.field) - fieldRank(y.field) || x.field.localeCompare(y.field));
  }

  const programmeRows = await tx.db.select({ id: casePrograms.id, code: casePrograms.code, name: casePrograms.name }).from(casePrograms).orderBy(asc(casePrograms.name));
  const teamRows = await tx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const programmeOf = new Map(programmeRows.map((p) => [p.id, p]));
  const teamOf = new Map(teamRows.map((t) => [t.id, t]));
  const byProgramme: OutcomeFigures['byProgramme'] = [];
  const byTeam: OutcomeFigures['byTeam'] = [];
  for (const [key, value] of blocks) {
    if (key.startsWith('p:')) {
      const id = key.slice(2) || null;
      const p = id ? programmeOf.get(id) : undefined;
      byProgramme.push({ programmeId: id, code: p?.code ?? null, name: p?.name ?? null, ...value });
    } else if (key.startsWith('t:')) {
      const id = key.slice(2) || null;
      byTeam.push({ teamId: id, name: (id ? teamOf.get(id)?.name : undefined) ?? null, ...value });
    }
  }
  byProgramme.sort((x, y) => (x.name ?? '\uffff').localeCompare(y.name ?? '\uffff', 'de'));
  byTeam.sort((x, y) => (x.name ?? '\uffff').localeCompare(y.name ?? '\uffff', 'de'));

  const used = new Set([...blocks.values()].flatMap((v) => v.goals.byField.map((g) => g.field)));
  const fields = [
    ...options.filter((o) => used.has(o.key)).map((o) => ({ key: o.key, names: o.names })),
    ...[...used].filter((k) => !order.has(k)).map((k) => ({ key: k, names: { de: k, en: k } })),
  ];
  return {
    year: f.year,
    cohort: f.cohort,
    scope: f.scope.kind === 'none' ? 'own' : f.scope.kind,
    programmeId: f.programmeId,
    teamId: f.teamId,
    includesErased,
    fields,
    total: blocks.get(TOTAL)!,
    byProgramme,
    byTeam,
  };
}
