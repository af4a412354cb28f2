import type { Tx } from '../../../db/database.ts';
import type { GoalOutcomeSummary } from '../case.table.ts';
import { goalOutcomeSummary, planSummariesForCases } from '../plans/planQueries.ts';

/**
 * The outcome facts of cases in the shape of the anonymous statistics (`case_statistics.goals`
 * and `.referrals`), collected by the erasure just before the cases are deleted, so the outcome
 * report gives the same figures afterwards (outcomes.ts adds the statistics to live cases with
 * the same definitions).
 */

export interface ReferralCounts {
  sent: number;
  accepted: number;
  rejected: number;
  completed: number;
}

export interface OutcomeFacts {
  goals: GoalOutcomeSummary;
  referrals: ReferralCounts;
}

/**
 * Referral counts of many cases in one query — the definition of referralQueries'
 * referralCountsForCase (accepted: ever accepted, incl. completed; rejected; completed = done),
 * for the batches of the retention job. Cases without referrals get zeros.
 */
export async function referralCountsForCases(tx: Tx, tenantId: string, caseIds: string[]): Promise<Map<string, ReferralCounts>> {
  const out = new Map<string, ReferralCounts>();
  for (const id of caseIds) out.set(id, { sent: 0, accepted: 0, rejected: 0, completed: 0 });
  if (!caseIds.length) return out;
  const found = await tx.query<{ case_id: string; sent: number; accepted: number; rejected: number; completed: number }>(
    `SELECT case_id, count(*)::int AS sent,
            (count(*) FILTER (WHERE accepted_at IS NOT NULL))::int AS accepted,
            (count(*) FILTER (WHERE state = 'rejected'))::int AS rejected,
            (count(*) FILTER (WHERE state = 'done'))::int AS completed
       FROM case_referrals WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])
      GROUP BY case_id`,
    [tenantId, caseIds],
  );
  for (const r of found) {
    out.set(r.case_id, { sent: Number(r.sent), accepted: Number(r.accepted), rejected: Number(r.rejected), completed: Number(r.completed) });
  }
  return out;
}

/**
 * Goal outcomes per field of action (counts and days from agreement to reaching a goal; the
 * plans engineer's goalOutcomeSummary) and referral counts of each case.
 */
export async function collectOutcomeFacts(tx: Tx, tenantId: string, caseIds: string[]): Promise<Map<string, OutcomeFacts>> {
  const out = new Map<string, OutcomeFacts>();
  if (!caseIds.length) return out;
  const plans = await planSummariesForCases(tx, caseIds);
  const referrals = await referralCountsForCases(tx, tenantId, caseIds);
  for (const id of caseIds) {
    const plan = plans.get(id);
    out.set(id, {
      goals: plan ? goalOutcomeSummary(plan) : {},
      referrals: referrals.get(id) ?? { sent: 0, accepted: 0, rejected: 0, completed: 0 },
    });
  }
  return out;
}
