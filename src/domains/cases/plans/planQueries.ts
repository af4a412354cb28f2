import { and, asc, eq, inArray, isNotNull, lte, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { type CaseScope, caseScopeSql } from '../case.policy.ts';
import { cases, type GoalOutcomeSummary } from '../case.table.ts';
import { daysBetween } from './planDay.ts';
import { caseGoals, casePlans, type GoalOutcome, type GoalStatus, type PlanStatus } from './plans.table.ts';

/**
 * Read models of the integration plan for other features: the caseload dashboard (plans due for
 * review), the outcome figures (goals reached per field of action, days from agreement to outcome)
 * and the anonymous statistics kept at erasure. They read in the caller's transaction and log
 * nothing: the caller decides whether its use is an access to be logged (a dashboard list logs one
 * 'list' entry, an aggregate report none).
 */

export interface GoalSummary {
  /** the goal across plan versions (stable when re-planning copies it) */
  originId: string;
  /** the goal's row in the newest plan version that contains it */
  goalId: string;
  planId: string;
  planVersion: number;
  planStatus: PlanStatus;
  /** whether the newest plan version still contains the goal (else it was dropped when re-planning) */
  inCurrentPlan: boolean;
  fieldOfAction: string;
  title: string;
  status: GoalStatus;
  outcome: GoalOutcome | null;
  outcomeOn: string | null;
  deadline: string | null;
  /** the day the goal was first agreed (null: never agreed, only in a draft) */
  agreedOn: string | null;
  /** days from the first agreement to the outcome (null without both) */
  daysToOutcome: number | null;
}

export interface PlanVersionSummary {
  id: string;
  version: number;
  status: PlanStatus;
  startsOn: string;
  agreedOn: string | null;
  reviewDueOn: string | null;
}

export interface PlanSummary {
  caseId: string;
  /** the newest version (draft or agreement), null when no plan exists */
  currentPlan: PlanVersionSummary | null;
  /** the agreement in force (a draft may be under way next to it) */
  agreedPlan: PlanVersionSummary | null;
  draftPlanId: string | null;
  versions: number;
  goals: GoalSummary[];
}

const versionSummary = (p: typeof casePlans.$inferSelect): PlanVersionSummary => ({
  id: p.id,
  version: p.version,
  status: p.status,
  startsOn: p.startsOn,
  agreedOn: p.agreedOn,
  reviewDueOn: p.reviewDueOn,
});

/** Plan summaries of many cases at once (two queries), keyed by case id; cases without a plan get an empty summary. */
export async function planSummariesForCases(tx: Tx, caseIds: string[]): Promise<Map<string, PlanSummary>> {
  const result = new Map<string, PlanSummary>();
  for (const id of caseIds) result.set(id, { caseId: id, currentPlan: null, agreedPlan: null, draftPlanId: null, versions: 0, goals: [] });
  if (!caseIds.length) return result;
  const plans = await tx.db.select().from(casePlans).where(inArray(casePlans.caseId, caseIds)).orderBy(asc(casePlans.caseId), asc(casePlans.version));
  const goals = plans.length
    ? await tx.db.select().from(caseGoals).where(inArray(caseGoals.caseId, caseIds)).orderBy(asc(caseGoals.position))
    : [];
  const planById = new Map(plans.map((p) => [p.id, p]));
  for (const p of plans) {
    const summary = result.get(p.caseId)!;
    summary.versions += 1;
    if (!summary.currentPlan || p.version > summary.currentPlan.version) summary.currentPlan = versionSummary(p);
    if (p.status === 'agreed') summary.agreedPlan = versionSummary(p);
    if (p.status === 'draft') summary.draftPlanId = p.id;
  }
  // per case and goal lineage: the newest appearance, and the first agreement
  const lineages = new Map<string, { newest: (typeof goals)[number]; newestVersion: number; agreedOn: string | null }>();
  for (const g of goals) {
    const p = planById.get(g.planId);
    if (!p) continue;
    const key = `${g.caseId}:${g.originId}`;
    const agreed = p.status !== 'draft' ? p.agreedOn : null;
    const seen = lineages.get(key);
    if (!seen) {
      lineages.set(key, { newest: g, newestVersion: p.version, agreedOn: agreed });
      continue;
    }
    if (p.version > seen.newestVersion) {
      seen.newest = g;
      seen.newestVersion = p.version;
    }
    if (agreed && (!seen.agreedOn || agreed < seen.agreedOn)) seen.agreedOn = agreed;
  }
  for (const { newest: g, newestVersion, agreedOn } of lineages.values()) {
    const summary = result.get(g.caseId)!;
    const p = planById.get(g.planId)!;
    summary.goals.push({
      originId: g.originId,
      goalId: g.id,
      planId: g.planId,
      planVersion: newestVersion,
      planStatus: p.status,
      inCurrentPlan: summary.currentPlan?.id === g.planId,
      fieldOfAction: g.fieldOfAction,
      title: g.title,
      status: g.status,
      outcome: g.outcome,
      outcomeOn: g.outcomeOn,
      deadline: g.deadline,
      agreedOn,
      daysToOutcome: agreedOn && g.outcomeOn ? daysBetween(agreedOn, g.outcomeOn) : null,
    });
  }
  for (const summary of result.values()) {
    summary.goals.sort((a, b) => Number(b.inCurrentPlan) - Number(a.inCurrentPlan) || a.planVersion - b.planVersion);
  }
  return result;
}

/**
 * The plan of one case for dashboards and reports: the current and the agreed version, and every
 * goal (each lineage once, in its newest version) with field of action, status, outcome and dates.
 */
export async function planSummaryForCase(tx: Tx, caseId: string): Promise<PlanSummary> {
  return (await planSummariesForCases(tx, [caseId])).get(caseId)!;
}

export interface PlanDueForReview {
  caseId: string;
  caseReference: string;
  ownerId: string | null;
  teamId: string;
  planId: string;
  version: number;
  agreedOn: string | null;
  reviewDueOn: string;
}

/**
 * Agreements in force whose review is due on or before `until` (dashboards: today + 14 days), in
 * the actor's case scope, open cases only, earliest first.
 */
export async function plansDueForReview(tx: Tx, scope: CaseScope, until: string, limit = 500): Promise<PlanDueForReview[]> {
  const rows = await tx.db
    .select({
      caseId: cases.id,
      caseReference: cases.reference,
      ownerId: cases.ownerId,
      teamId: cases.teamId,
      planId: casePlans.id,
      version: casePlans.version,
      agreedOn: casePlans.agreedOn,
      reviewDueOn: casePlans.reviewDueOn,
    })
    .from(casePlans)
    .innerJoin(cases, and(eq(cases.tenantId, casePlans.tenantId), eq(cases.id, casePlans.caseId)))
    .where(and(eq(casePlans.status, 'agreed'), isNotNull(casePlans.reviewDueOn), lte(casePlans.reviewDueOn, until), ne(cases.state, 'closed'), caseScopeSql(scope)))
    .orderBy(asc(casePlans.reviewDueOn), asc(cases.reference))
    .limit(limit);
  return rows.map((r) => ({ ...r, reviewDueOn: r.reviewDueOn! }));
}

/**
 * Goals per field of action as kept in the anonymous statistics of an erased case
 * (case_statistics.goals): counts per outcome and the days from agreement to reaching a goal.
 */
export function goalOutcomeSummary(summary: PlanSummary): GoalOutcomeSummary {
  const out: GoalOutcomeSummary = {};
  for (const g of summary.goals) {
    if (!g.agreedOn) continue;
    const entry = out[g.fieldOfAction] ?? { reached: 0, partly: 0, notReached: 0, open: 0, daysToReach: [] };
    out[g.fieldOfAction] = entry;
    if (g.outcome === 'reached') {
      entry.reached += 1;
      if (g.daysToOutcome !== null) entry.daysToReach.push(g.daysToOutcome);
    } else if (g.outcome === 'partly') entry.partly += 1;
    else if (g.outcome === 'not_reached') entry.notReached += 1;
    else entry.open += 1;
  }
  return out;
}
