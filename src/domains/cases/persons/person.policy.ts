import { AppError } from '../../../errors.ts';
import type { CaseScope } from '../case.policy.ts';

/**
 * Persons follow the case policy (case.policy.ts: a person is visible when one of their cases is in
 * the actor's scope, or — before any case exists — to whoever recorded them, their team lead and the
 * integration lead; everything else reads as 404). On top of that:
 *
 * - Art. 18 restriction: everybody who sees the person may RESTRICT processing (a data subject's
 *   request must take effect at once, whoever receives it). LIFTING the restriction is a decision
 *   for a team lead or the integration lead (Art. 18(3): the person is informed before; the
 *   contested accuracy or objection has been settled) — an integration manager gets 403. Both need a
 *   reason and are logged.
 * - A restricted person cannot be edited, merged, moved between households or shared (403, field
 *   "restricted"); reading stays possible (storage is allowed under Art. 18).
 */
export interface PersonPermissions {
  edit: boolean;
  restrict: boolean;
  unrestrict: boolean;
  merge: boolean;
}

export const mayLiftRestriction = (scope: CaseScope): boolean => scope.kind === 'team' || scope.kind === 'office';

export function personPermissions(scope: CaseScope, row: { restricted: boolean }): PersonPermissions {
  return {
    edit: !row.restricted,
    restrict: !row.restricted,
    unrestrict: row.restricted && mayLiftRestriction(scope),
    merge: !row.restricted,
  };
}

/** Restricting: anyone in scope; lifting: team lead or integration lead. */
export function authorizeRestriction(scope: CaseScope, restricted: boolean): void {
  if (!restricted && !mayLiftRestriction(scope)) {
    throw new AppError('forbidden', 'Only a team lead or the integration lead lifts a restriction of processing', { field: 'restricted' });
  }
}

/** Edits, merges and household moves of a restricted person are refused. */
export function assertNotRestricted(row: { restricted: boolean }): void {
  if (row.restricted) {
    throw new AppError('forbidden', 'Processing of this person’s data is restricted (Art. 18 GDPR): no editing or sharing', { field: 'restricted' });
  }
}
