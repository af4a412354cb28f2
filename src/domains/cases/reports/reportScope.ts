import { eq, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import type { ReportScope } from '../../../shared/contracts/caseReports.ts';
import type { Actor } from '../../auth/roles.ts';
import { type CaseScope, caseScope } from '../case.policy.ts';
import { casePrograms, teams } from '../case.table.ts';

/**
 * Which cases a report covers. A report may narrow the actor's case scope (a team lead looks at
 * their own cases, the integration lead at one team) but never widen it: the requested scope is
 * checked against the role's (manager: own; team lead: own, team; integration lead: any).
 */
export interface ReportCoverage {
  kind: ReportScope;
  /** the WHERE condition on `cases` (case.policy.ts) */
  scope: CaseScope;
  /** the team of a team scope */
  teamId: string | null;
}

const RANK: Record<ReportScope, number> = { own: 0, team: 1, office: 2 };

/** The widest report scope of the actor's role. */
export function maxReportScope(actor: Actor): ReportScope {
  const scope = caseScope(actor);
  if (scope.kind === 'none') throw new AppError('forbidden', 'Your role has no access to case data');
  return scope.kind;
}

async function requireTeam(tx: Tx, teamId: string): Promise<void> {
  const [row] = await tx.db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!row) throw new AppError('not_found', 'Team not found', { field: 'teamId' });
}

/** Resolves `?scope=&teamId=` of the dashboard (403 when it exceeds the role's scope). */
export async function resolveDashboardScope(tx: Tx, actor: Actor, requested: ReportScope | undefined, teamId: string | undefined): Promise<ReportCoverage> {
  const max = maxReportScope(actor);
  const kind = requested ?? max;
  if (RANK[kind] > RANK[max]) {
    throw new AppError('forbidden', `Your role sees at most the scope "${max}"`, { field: 'scope', details: { allowed: Object.keys(RANK).filter((k) => RANK[k as ReportScope] <= RANK[max]) } });
  }
  if (kind !== 'team' && teamId) throw new AppError('validation_failed', 'A team is chosen only with scope=team', { field: 'teamId' });
  if (kind === 'own') return { kind, scope: { kind: 'own', userId: actor.userId, teamId: actor.teamId }, teamId: null };
  if (kind === 'office') return { kind, scope: { kind: 'office', userId: actor.userId }, teamId: null };
  // team
  if (max === 'team') {
    if (teamId && teamId !== actor.teamId) throw new AppError('forbidden', 'Team leads see their own team only', { field: 'teamId' });
    return { kind, scope: { kind: 'team', userId: actor.userId, teamId: actor.teamId! }, teamId: actor.teamId };
  }
  const team = teamId ?? actor.teamId;
  if (!team) throw new AppError('validation_failed', 'Choose the team', { field: 'teamId' });
  await requireTeam(tx, team);
  return { kind, scope: { kind: 'team', userId: actor.userId, teamId: team }, teamId: team };
}

/** The team view: team leads their team, the integration lead one team or the whole office. */
export async function resolveTeamViewScope(tx: Tx, actor: Actor, teamId: string | undefined): Promise<ReportCoverage> {
  const max = maxReportScope(actor);
  if (max === 'own') throw new AppError('forbidden', 'The team view is for team leads and the integration lead');
  if (max === 'team') return resolveDashboardScope(tx, actor, 'team', teamId);
  return teamId ? resolveDashboardScope(tx, actor, 'team', teamId) : resolveDashboardScope(tx, actor, 'office', undefined);
}

/**
 * The outcome report covers the actor's whole case scope, optionally narrowed to a programme and
 * a team within it (another team than a manager's or team lead's own is refused with 403).
 */
export async function resolveOutcomeScope(
  tx: Tx,
  actor: Actor,
  filter: { programmeId?: string | undefined; teamId?: string | undefined },
): Promise<ReportCoverage & { programmeId: string | null; filterTeamId: string | null }> {
  const max = maxReportScope(actor);
  const own = caseScope(actor) as Exclude<CaseScope, { kind: 'none' }>;
  if (filter.teamId) {
    if (max !== 'office' && filter.teamId !== actor.teamId) throw new AppError('forbidden', 'You see figures of your own team only', { field: 'teamId' });
    await requireTeam(tx, filter.teamId);
  }
  if (filter.programmeId) {
    const [row] = await tx.db.select({ id: casePrograms.id }).from(casePrograms).where(eq(casePrograms.id, filter.programmeId));
    if (!row) throw new AppError('validation_failed', 'Unknown programme', { field: 'programmeId' });
  }
  return {
    kind: max,
    scope: own,
    teamId: own.kind === 'team' ? own.teamId : null,
    programmeId: filter.programmeId ?? null,
    filterTeamId: filter.teamId ?? null,
  };
}

/** Runs a hand-written query built with drizzle's `sql` (scope conditions embedded) and returns its rows. */
export async function rows<R>(tx: Tx, query: SQL): Promise<R[]> {
  return (await tx.db.execute(query)) as unknown as R[];
}
