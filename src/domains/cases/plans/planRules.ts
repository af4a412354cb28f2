import { AppError } from '../../../errors.ts';
import type { CaseRow, PersonRow } from '../caseLookup.ts';

/** Why a case's assessment and plan cannot be changed: Art. 18 restriction, or a closed case. */
export function lockReasonOf(found: { case: CaseRow; person: PersonRow }): 'restricted' | 'closed' | null {
  if (found.person.restricted) return 'restricted';
  if (found.case.state === 'closed') return 'closed';
  return null;
}

/**
 * Changes need an open case (the restriction is checked by loadCaseWithPerson(…, 'write')).
 * A closed case is read-only until it is reopened.
 */
export function requireOpenCase(found: { case: CaseRow }): void {
  if (found.case.state === 'closed') {
    throw new AppError('invalid_state_transition', 'The case is closed: reopen it before changing the assessment or the plan', { field: 'state' });
  }
}

/** 400 naming the field unless `day` is on or before today. */
export function requireNotFuture(day: string, today: string, field: string): void {
  if (day > today) throw new AppError('validation_failed', `The date ${day} lies in the future`, { field });
}

/** 400 naming the field unless `day` is on or after `earliest`. */
export function requireNotBefore(day: string, earliest: string, field: string, what: string): void {
  if (day < earliest) throw new AppError('validation_failed', `The date ${day} lies before ${what} (${earliest})`, { field });
}

/**
 * An outcome (reached / partly / not reached) needs the day it was reached or assessed — not in the
 * future, not before the case started; a day without an outcome is refused.
 */
export function checkOutcome(
  outcome: string | null | undefined,
  outcomeOn: string | null | undefined,
  ctx: { today: string; caseStartedOn: string; prefix: string },
): void {
  if (outcome && !outcomeOn) {
    throw new AppError('validation_failed', 'An outcome needs the date it was reached', { field: `${ctx.prefix}outcomeOn` });
  }
  if (!outcome && outcomeOn) {
    throw new AppError('validation_failed', 'A date of the outcome needs the outcome (reached, partly, not reached)', { field: `${ctx.prefix}outcome` });
  }
  if (outcomeOn) {
    requireNotFuture(outcomeOn, ctx.today, `${ctx.prefix}outcomeOn`);
    requireNotBefore(outcomeOn, ctx.caseStartedOn, `${ctx.prefix}outcomeOn`, 'the start of the case');
  }
}
