import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import {
  type CaseloadDashboard,
  DASHBOARD_ITEM_LIMIT,
  type ManagerRow,
  RESIDENCE_WARN_DAYS,
  REVIEW_AHEAD_DAYS,
  type TeamView,
} from '../../../shared/contracts/caseReports.ts';
import type { CaseWarning } from '../../../shared/contracts/cases.ts';
import { authUser } from '../../auth/auth.table.ts';
import { type Actor, CASE_ROLES } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { type CaseScope, caseScopeSql } from '../case.policy.ts';
import { casePrograms, cases } from '../case.table.ts';
import { addDays, caseWarnings, daysBetween } from '../caseRules.ts';
import { expiringDocuments, taskCounts } from '../journal/journalQueries.ts';
import { type PlanDueForReview, plansDueForReview } from '../plans/planQueries.ts';
import { type ReportCoverage, rows } from './reportScope.ts';

/**
 * The caseload dashboard and the team view: what needs attention in the cases of a scope (own /
 * team / office). Built from the feature engineers' read models (plansDueForReview, taskCounts,
 * expiringDocuments) and the programme rules of caseRules.ts, plus the few queries they do not
 * have (below). Items name cases by id and reference only — never a person — and each request
 * writes one 'list' entry to the access log, without person ids.
 */

/** Lists fetched from the shared read models for counting (beyond this the total is a lower bound). */
const FETCH_CAP = 5000;

// ---------------------------------------------------------------------------------------------
// Queries the feature read models do not offer

export interface LimitWarningRow {
  caseId: string;
  caseReference: string;
  ownerId: string | null;
  warnings: CaseWarning[];
}

/**
 * Open cases in the scope near or past their maximum duration (or extension) or planned end,
 * within the programme's warning period. SQL narrows the candidates with the same rule as the
 * case list's attention filter; caseWarnings (caseRules.ts) decides exactly.
 */
export async function casesApproachingLimits(tx: Tx, scope: CaseScope, today: string): Promise<LimitWarningRow[]> {
  const limitOn = sql`coalesce(${cases.extendedUntil}, (${cases.startedOn} + make_interval(months => ${casePrograms.maxDurationMonths}))::date)`;
  const found = await tx.db
    .select({
      caseId: cases.id,
      caseReference: cases.reference,
      ownerId: cases.ownerId,
      state: cases.state,
      startedOn: sql<string>`${cases.startedOn}::text`,
      plannedEndOn: sql<string | null>`${cases.plannedEndOn}::text`,
      extendedUntil: sql<string | null>`${cases.extendedUntil}::text`,
      maxDurationMonths: casePrograms.maxDurationMonths,
      maxExtensionMonths: casePrograms.maxExtensionMonths,
      warnBeforeDays: casePrograms.warnBeforeDays,
      retentionMonths: casePrograms.retentionMonths,
    })
    .from(cases)
    .innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId)))
    .where(
      and(
        ne(cases.state, 'closed'),
        caseScopeSql(scope),
        sql`coalesce((${limitOn} - ${casePrograms.warnBeforeDays}) <= ${today}::date or (${cases.plannedEndOn} - ${casePrograms.warnBeforeDays}) <= ${today}::date, false)`,
      ),
    );
  const out: LimitWarningRow[] = [];
  for (const r of found) {
    const warnings = caseWarnings(r, { state: r.state, startedOn: r.startedOn, plannedEndOn: r.plannedEndOn, extendedUntil: r.extendedUntil }, today);
    if (warnings.length) out.push({ caseId: r.caseId, caseReference: r.caseReference, ownerId: r.ownerId, warnings });
  }
  // most urgent first: the earliest date any warning is about
  const first = (w: CaseWarning[]) => Math.min(...w.map((x) => x.days));
  return out.sort((a, b) => first(a.warnings) - first(b.warnings) || a.caseReference.localeCompare(b.caseReference));
}

/** Cases in the scope with overdue open tasks, oldest due day first (total = all such cases). */
export async function casesWithOverdueTasks(tx: Tx, scope: CaseScope, today: string, limit: number) {
  const found = await rows<{ case_id: string; reference: string; overdue: number; oldest: string; total: number }>(
    tx,
    sql`SELECT cases.id AS case_id, cases.reference, count(*)::int AS overdue, min(t.due_on)::text AS oldest, (count(*) OVER ())::int AS total
          FROM case_tasks t JOIN cases ON cases.tenant_id = t.tenant_id AND cases.id = t.case_id
         WHERE t.done_at IS NULL AND t.due_on < ${today}::date AND ${caseScopeSql(scope)}
         GROUP BY cases.id, cases.reference
         ORDER BY min(t.due_on), cases.reference
         LIMIT ${limit}`,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    items: found.map((r) => ({ caseId: r.case_id, caseReference: r.reference, overdue: Number(r.overdue), oldestDueOn: r.oldest })),
  };
}

/**
 * Persons with an open case in the scope whose residence permit expires within `days` days or
 * has expired; one item per person (their most recent open case), soonest first.
 */
export async function residencePermitsExpiring(tx: Tx, scope: CaseScope, today: string, days: number, limit: number) {
  const until = addDays(today, days);
  const found = await rows<{ case_id: string; reference: string; expires_on: string; total: number }>(
    tx,
    sql`SELECT x.case_id, x.reference, x.expires_on::text AS expires_on, (count(*) OVER ())::int AS total FROM (
          SELECT DISTINCT ON (p.id) cases.id AS case_id, cases.reference, p.residence_expires_on AS expires_on
            FROM cases JOIN persons p ON p.tenant_id = cases.tenant_id AND p.id = cases.person_id
           WHERE cases.state <> 'closed' AND ${caseScopeSql(scope)}
             AND p.residence_expires_on IS NOT NULL AND p.residence_expires_on <= ${until}::date
           ORDER BY p.id, cases.started_on DESC, cases.id
        ) x
        ORDER BY x.expires_on, x.reference
        LIMIT ${limit}`,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    items: found.map((r) => ({ caseId: r.case_id, caseReference: r.reference, expiresOn: r.expires_on, days: daysBetween(today, r.expires_on) })),
  };
}

/** Open cases in the scope with active flags (their kinds), and the active flags per kind. */
export async function activeFlagsInScope(tx: Tx, scope: CaseScope, limit: number) {
  const found = await rows<{ case_id: string; reference: string; kinds: string[]; total: number }>(
    tx,
    sql`SELECT cases.id AS case_id, cases.reference, array_agg(DISTINCT f.kind ORDER BY f.kind) AS kinds, (count(*) OVER ())::int AS total
          FROM case_flags f JOIN cases ON cases.tenant_id = f.tenant_id AND cases.id = f.case_id
         WHERE f.active AND cases.state <> 'closed' AND ${caseScopeSql(scope)}
         GROUP BY cases.id, cases.reference
         ORDER BY cases.reference
         LIMIT ${limit}`,
  );
  const byKind = await rows<{ kind: string; count: number }>(
    tx,
    sql`SELECT f.kind, count(*)::int AS count
          FROM case_flags f JOIN cases ON cases.tenant_id = f.tenant_id AND cases.id = f.case_id
         WHERE f.active AND cases.state <> 'closed' AND ${caseScopeSql(scope)}
         GROUP BY f.kind ORDER BY count(*) DESC, f.kind`,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    items: found.map((r) => ({ caseId: r.case_id, caseReference: r.reference, kinds: r.kinds })),
    byKind: byKind.map((r) => ({ kind: r.kind, count: Number(r.count) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Per manager

interface ScopeFacts {
  overdueByAssignee: Map<string, number>;
  reviews: PlanDueForReview[];
  limits: LimitWarningRow[];
}

const countBy = <T>(list: T[], key: (item: T) => string | null): Map<string, number> => {
  const out = new Map<string, number>();
  for (const item of list) {
    const k = key(item);
    if (k) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
};

/**
 * Every manager of the team (or office) — case-management accounts of the team, plus owners of
 * the scope's cases from elsewhere — with open cases, overdue tasks, reviews due and approaching
 * limits. Disabled accounts appear only while they still own open cases (handover pending).
 */
async function managerRows(tx: Tx, coverage: ReportCoverage, facts: ScopeFacts): Promise<ManagerRow[]> {
  const { scope } = coverage;
  const open = await tx.db
    .select({ ownerId: cases.ownerId, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(caseScopeSql(scope), ne(cases.state, 'closed'), isNotNull(cases.ownerId)))
    .groupBy(cases.ownerId);
  const openBy = new Map(open.map((r) => [r.ownerId!, Number(r.n)]));
  const reviewsBy = countBy(facts.reviews, (r) => r.ownerId);
  const limitsBy = countBy(facts.limits, (r) => r.ownerId);
  const staffColumns = { id: authUser.id, name: authUser.name, role: authUser.role, teamId: authUser.teamId, disabled: authUser.disabled };
  const members = await tx.db
    .select(staffColumns)
    .from(authUser)
    .where(and(inArray(authUser.role, [...CASE_ROLES]), coverage.teamId ? eq(authUser.teamId, coverage.teamId) : undefined));
  const known = new Set(members.map((m) => m.id));
  const missing = [...new Set([...openBy.keys(), ...reviewsBy.keys(), ...limitsBy.keys()])].filter((id) => !known.has(id));
  const others = missing.length ? await tx.db.select(staffColumns).from(authUser).where(inArray(authUser.id, missing)) : [];
  return [...members, ...others]
    .map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      teamId: m.teamId,
      disabled: m.disabled,
      openCases: openBy.get(m.id) ?? 0,
      overdueTasks: facts.overdueByAssignee.get(m.id) ?? 0,
      reviewsDue: reviewsBy.get(m.id) ?? 0,
      approachingLimits: limitsBy.get(m.id) ?? 0,
    }))
    .filter((m) => !m.disabled || m.openCases + m.overdueTasks > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
}

async function scopeFacts(tx: Tx, scope: CaseScope, today: string) {
  const tasks = await taskCounts(tx, scope, { today });
  const reviews = await plansDueForReview(tx, scope, addDays(today, REVIEW_AHEAD_DAYS), FETCH_CAP);
  const limits = await casesApproachingLimits(tx, scope, today);
  return { tasks, reviews, limits, overdueByAssignee: new Map(tasks.byAssignee.map((a) => [a.assigneeId, a.overdue])) };
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export async function caseloadDashboard(tx: Tx, actor: Actor, coverage: ReportCoverage, today: string): Promise<CaseloadDashboard> {
  const { scope } = coverage;
  const byState = await tx.db
    .select({ state: cases.state, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(caseScopeSql(scope), ne(cases.state, 'closed')))
    .groupBy(cases.state)
    .orderBy(asc(cases.state));
  const facts = await scopeFacts(tx, scope, today);
  const managers = coverage.kind === 'own' ? [] : await managerRows(tx, coverage, facts);
  const overdueCases = await casesWithOverdueTasks(tx, scope, today, DASHBOARD_ITEM_LIMIT);
  const residence = await residencePermitsExpiring(tx, scope, today, RESIDENCE_WARN_DAYS, DASHBOARD_ITEM_LIMIT);
  const documents = await expiringDocuments(tx, scope, undefined, { today, limit: FETCH_CAP });
  const flags = await activeFlagsInScope(tx, scope, DASHBOARD_ITEM_LIMIT);

  const result: CaseloadDashboard = {
    scope: coverage.kind,
    teamId: coverage.teamId,
    today,
    openCases: {
      total: byState.reduce((n, r) => n + Number(r.count), 0),
      byState: byState.map((r) => ({ state: r.state, count: Number(r.count) })),
    },
    managers,
    tasks: {
      open: facts.tasks.open,
      overdue: facts.tasks.overdue,
      overdueOwn: facts.overdueByAssignee.get(actor.userId) ?? 0,
      cases: overdueCases,
    },
    plansDueForReview: {
      total: facts.reviews.length,
      items: facts.reviews.slice(0, DASHBOARD_ITEM_LIMIT).map((r) => ({
        caseId: r.caseId,
        caseReference: r.caseReference,
        planId: r.planId,
        version: r.version,
        reviewDueOn: r.reviewDueOn,
        days: daysBetween(today, r.reviewDueOn),
      })),
    },
    approachingLimits: {
      total: facts.limits.length,
      items: facts.limits.slice(0, DASHBOARD_ITEM_LIMIT).map((r) => ({ caseId: r.caseId, caseReference: r.caseReference, warnings: r.warnings })),
    },
    residenceExpiring: residence,
    // the journal's read model carries the person's name for its own list: left out here
    documentsExpiring: {
      total: documents.length,
      items: documents.slice(0, DASHBOARD_ITEM_LIMIT).map((d) => ({
        caseId: d.caseId,
        caseReference: d.caseReference,
        documentId: d.id,
        docType: d.docType,
        expiresOn: d.expiresOn,
        days: d.daysLeft,
      })),
    },
    activeFlags: flags,
  };
  await logCaseAccess(tx, actor, {
    action: 'list',
    entityType: 'dashboard',
    details: {
      scope: coverage.kind,
      teamId: coverage.teamId,
      openCases: result.openCases.total,
      overdueTasks: result.tasks.overdue,
      reviewsDue: result.plansDueForReview.total,
      approachingLimits: result.approachingLimits.total,
      residenceExpiring: result.residenceExpiring.total,
      documentsExpiring: result.documentsExpiring.total,
      activeFlags: result.activeFlags.total,
    },
  });
  return result;
}

/** The team view: per manager of a team (or of the office) what needs attention. */
export async function teamOverview(tx: Tx, actor: Actor, coverage: ReportCoverage, today: string): Promise<TeamView> {
  const facts = await scopeFacts(tx, coverage.scope, today);
  const managers = await managerRows(tx, coverage, facts);
  const [open] = await tx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(caseScopeSql(coverage.scope), ne(cases.state, 'closed')));
  const totals = {
    openCases: Number(open?.n ?? 0),
    overdueTasks: facts.tasks.overdue,
    reviewsDue: facts.reviews.length,
    approachingLimits: facts.limits.length,
  };
  await logCaseAccess(tx, actor, { action: 'list', entityType: 'team_view', details: { scope: coverage.kind, teamId: coverage.teamId, managers: managers.length } });
  return { teamId: coverage.teamId, today, managers, totals };
}
