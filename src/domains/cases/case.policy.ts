import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { type Actor, isCaseRole } from '../auth/roles.ts';
import { cases, persons } from './case.table.ts';

/**
 * Who sees which case data (need-to-know inside the office):
 * - integration_manager: the cases they own (scope "own")
 * - team_lead: every case of their team (scope "team")
 * - integration_lead: every case of the office (scope "office")
 * - everybody else (office roles, partners, super admins): no case data at all. Partners see
 *   referrals sent to their provider through the referral inbox only, with the minimal data the
 *   referral shares.
 * A case or person outside the scope reads as "not found", so its existence is not revealed.
 */
export type CaseScope =
  | { kind: 'own'; userId: string; teamId: string | null }
  | { kind: 'team'; userId: string; teamId: string }
  | { kind: 'office'; userId: string }
  | { kind: 'none' };

export function caseScope(actor: Actor): CaseScope {
  if (!isCaseRole(actor.role)) return { kind: 'none' };
  if (actor.role === 'integration_lead') return { kind: 'office', userId: actor.userId };
  if (actor.role === 'team_lead') return actor.teamId ? { kind: 'team', userId: actor.userId, teamId: actor.teamId } : { kind: 'none' };
  return { kind: 'own', userId: actor.userId, teamId: actor.teamId };
}

/** Whether a case (owner, team) lies in the actor's scope. */
export function caseInScope(scope: CaseScope, row: { ownerId: string | null; teamId: string }): boolean {
  switch (scope.kind) {
    case 'office':
      return true;
    case 'team':
      return row.teamId === scope.teamId;
    case 'own':
      return row.ownerId === scope.userId;
    case 'none':
      return false;
  }
}

/** SQL condition on `cases` for the actor's scope (use in every list and report). */
export function caseScopeSql(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'office':
      return sql`true`;
    case 'team':
      return eq(cases.teamId, scope.teamId);
    case 'own':
      return eq(cases.ownerId, scope.userId);
    case 'none':
      return sql`false`;
  }
}

/**
 * SQL condition on `persons`: a person is visible when one of their cases is in scope, or — before
 * any case exists — to whoever recorded them, their team lead and the integration lead.
 * Merged-away records are hidden.
 */
export function personScopeSql(scope: CaseScope): SQL {
  if (scope.kind === 'none') return sql`false`;
  const anyCase = sql`exists (select 1 from ${cases} where ${cases.tenantId} = ${persons.tenantId} and ${cases.personId} = ${persons.id} and ${caseScopeSql(scope)})`;
  const noCase = sql`not exists (select 1 from ${cases} where ${cases.tenantId} = ${persons.tenantId} and ${cases.personId} = ${persons.id})`;
  const recordedBy =
    scope.kind === 'office'
      ? sql`true`
      : scope.kind === 'team'
        ? eq(persons.teamId, scope.teamId)
        : eq(persons.createdBy, scope.userId);
  return and(isNull(persons.mergedIntoId), or(anyCase, and(noCase, recordedBy)))!;
}

export type CaseAction = 'read' | 'write' | 'handover' | 'export' | 'erase';

/** Throws not_found unless the case is in the actor's scope and the action is allowed. */
export function authorizeCase<T extends { ownerId: string | null; teamId: string }>(actor: Actor, row: T | null | undefined, action: CaseAction = 'read'): T {
  const scope = caseScope(actor);
  if (!row || !caseInScope(scope, row)) throw new AppError('not_found', 'Case not found');
  if (action === 'handover' && scope.kind === 'own') {
    throw new AppError('forbidden', 'Only team leads and the integration lead hand cases over');
  }
  if (action === 'erase' && scope.kind === 'own') {
    throw new AppError('forbidden', 'Only team leads and the integration lead erase case data on request');
  }
  return row;
}

/** Persons: the row must have been loaded with personScopeSql (else it reads as not found). */
export function authorizePerson<T extends { restricted: boolean }>(row: T | null | undefined, action: 'read' | 'write' | 'share' = 'read'): T {
  if (!row) throw new AppError('not_found', 'Person not found');
  if (action !== 'read' && row.restricted) {
    throw new AppError('forbidden', 'Processing of this person’s data is restricted (Art. 18 GDPR): no editing or sharing', { field: 'restricted' });
  }
  return row;
}

/** The actor may use case management at all (list routes: 403 instead of 404). */
export function requireCaseRole(actor: Actor): void {
  if (caseScope(actor).kind === 'none') throw new AppError('forbidden', 'Your role has no access to case data');
}
