import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { type CaseScope, caseScopeSql } from '../case.policy.ts';
import { cases } from '../case.table.ts';
import { caseReferrals } from './referrals.table.ts';

/**
 * Outcome figures of referrals for the dashboard and the outcome report: pseudonymous aggregates
 * (counts, no person or case ids).
 */
export interface ReferralStatsFilter {
  /** the actor's case scope (own / team / office); leave out for system work such as reports of the whole office */
  scope?: CaseScope;
  programmeId?: string;
  teamId?: string;
  /** referrals sent on or after this day (YYYY-MM-DD, Europe/Berlin) */
  from?: string;
  /** referrals sent before this day (exclusive) */
  to?: string;
  /** group rows by programme, team and/or the month the referral was sent; none = one total row */
  groupBy?: Array<'programme' | 'team' | 'month'>;
}

export interface ReferralStatsRow {
  programmeId: string | null;
  teamId: string | null;
  /** YYYY-MM when grouped by month */
  month: string | null;
  /** every referral sent in the period */
  sent: number;
  /** referrals the provider accepted (incl. those later done) */
  accepted: number;
  rejected: number;
  /** completed with feedback */
  done: number;
  revoked: number;
  /** still waiting for the provider's decision */
  open: number;
  /** to services outside the directory */
  external: number;
  /** sent without consent under an override */
  overridden: number;
  /** mean days from sending to the provider's decision (accept or reject), null without decisions */
  avgDaysToDecision: number | null;
}

const sentDay = sql`(${caseReferrals.sentAt} AT TIME ZONE 'Europe/Berlin')::date`;

export async function referralStatsForCases(tx: Tx, filter: ReferralStatsFilter = {}): Promise<ReferralStatsRow[]> {
  const group = new Set(filter.groupBy ?? []);
  const where: SQL[] = [];
  if (filter.scope) where.push(caseScopeSql(filter.scope));
  if (filter.programmeId) where.push(eq(cases.programmeId, filter.programmeId));
  if (filter.teamId) where.push(eq(cases.teamId, filter.teamId));
  if (filter.from) where.push(gte(sentDay, sql`${filter.from}::date`));
  if (filter.to) where.push(lt(sentDay, sql`${filter.to}::date`));
  const programme = group.has('programme') ? sql<string | null>`${cases.programmeId}` : sql<string | null>`null::uuid`;
  const team = group.has('team') ? sql<string | null>`${cases.teamId}` : sql<string | null>`null::uuid`;
  const month = group.has('month')
    ? sql<string | null>`to_char(${caseReferrals.sentAt} AT TIME ZONE 'Europe/Berlin', 'YYYY-MM')`
    : sql<string | null>`null::text`;
  const decidedAt = sql`coalesce(${caseReferrals.acceptedAt}, ${caseReferrals.rejectedAt})`;
  const rows = await tx.db
    .select({
      programmeId: programme,
      teamId: team,
      month,
      sent: sql<number>`count(*)::int`,
      accepted: sql<number>`count(*) filter (where ${caseReferrals.acceptedAt} is not null)::int`,
      rejected: sql<number>`count(*) filter (where ${caseReferrals.state} = 'rejected')::int`,
      done: sql<number>`count(*) filter (where ${caseReferrals.state} = 'done')::int`,
      revoked: sql<number>`count(*) filter (where ${caseReferrals.state} = 'revoked')::int`,
      open: sql<number>`count(*) filter (where ${caseReferrals.state} = 'sent')::int`,
      external: sql<number>`count(*) filter (where ${caseReferrals.kind} = 'external')::int`,
      overridden: sql<number>`count(*) filter (where ${caseReferrals.overrideReason} is not null)::int`,
      avgDaysToDecision: sql<number | null>`round((avg(extract(epoch from (${decidedAt} - ${caseReferrals.sentAt}))) filter (where ${decidedAt} is not null) / 86400)::numeric, 1)::float8`,
    })
    .from(caseReferrals)
    .innerJoin(cases, and(eq(cases.tenantId, caseReferrals.tenantId), eq(cases.id, caseReferrals.caseId)))
    .where(where.length ? and(...where) : undefined)
    .groupBy(programme, team, month)
    .orderBy(programme, team, month);
  return rows.map((r) => ({
    programmeId: r.programmeId ?? null,
    teamId: r.teamId ?? null,
    month: r.month ?? null,
    sent: Number(r.sent),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    done: Number(r.done),
    revoked: Number(r.revoked),
    open: Number(r.open),
    external: Number(r.external),
    overridden: Number(r.overridden),
    avgDaysToDecision: r.avgDaysToDecision === null || r.avgDaysToDecision === undefined ? null : Number(r.avgDaysToDecision),
  }));
}

/**
 * The referral counts of one case, in the shape of `case_statistics.referrals` (what the anonymous
 * statistics keep when the retention job erases the case).
 */
export async function referralCountsForCase(tx: Tx, caseId: string): Promise<{ sent: number; accepted: number; rejected: number; completed: number }> {
  const [row] = await tx.db
    .select({
      sent: sql<number>`count(*)::int`,
      accepted: sql<number>`count(*) filter (where ${caseReferrals.acceptedAt} is not null)::int`,
      rejected: sql<number>`count(*) filter (where ${caseReferrals.state} = 'rejected')::int`,
      completed: sql<number>`count(*) filter (where ${caseReferrals.state} = 'done')::int`,
    })
    .from(caseReferrals)
    .where(eq(caseReferrals.caseId, caseId));
  return { sent: Number(row?.sent ?? 0), accepted: Number(row?.accepted ?? 0), rejected: Number(row?.rejected ?? 0), completed: Number(row?.completed ?? 0) };
}
