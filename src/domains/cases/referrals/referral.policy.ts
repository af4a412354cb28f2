import { AppError } from '../../../errors.ts';
import type { ReferralState } from '../../../shared/contracts/caseReferrals.ts';
import type { Actor } from '../../auth/roles.ts';

/**
 * Referrals: who moves a referral where.
 * - the office (the case's manager, in scope) sends and revokes (sent/accepted → revoked);
 * - the receiving provider's partner accounts accept or reject (sent → accepted | rejected) and
 *   complete with feedback (accepted → done).
 * A referral of another provider reads as not found to a partner.
 */
export type ReferralTransition = 'accept' | 'reject' | 'complete' | 'revoke';

export const TRANSITIONS: Record<ReferralTransition, { from: readonly ReferralState[]; to: ReferralState; side: 'office' | 'partner' }> = {
  accept: { from: ['sent'], to: 'accepted', side: 'partner' },
  reject: { from: ['sent'], to: 'rejected', side: 'partner' },
  complete: { from: ['accepted'], to: 'done', side: 'partner' },
  revoke: { from: ['sent', 'accepted'], to: 'revoked', side: 'office' },
};

/** 422 when the workflow has no such step from the current state. */
export function checkTransition(state: ReferralState, transition: ReferralTransition): ReferralState {
  const step = TRANSITIONS[transition];
  if (!step.from.includes(state)) {
    throw new AppError('invalid_state_transition', `A referral in state "${state}" cannot be ${transition === 'complete' ? 'completed' : `${transition}ed`}`, {
      field: 'state',
      details: { from: state, allowed: step.from },
    });
  }
  return step.to;
}

/** The partner inbox is for partner accounts bound to a provider. */
export function requirePartner(actor: Actor): string {
  if (actor.role !== 'partner_editor' || !actor.providerId) {
    throw new AppError('forbidden', 'The referral inbox is for the accounts of partner organisations');
  }
  return actor.providerId;
}

/** A partner sees only referrals sent to its own provider; anything else is not found. */
export function authorizeInboxReferral<T extends { providerId: string | null }>(providerId: string, row: T | null | undefined): T {
  if (!row || row.providerId !== providerId) throw new AppError('not_found', 'Referral not found');
  return row;
}

/**
 * Sending without valid consent: only with the consent-override permission and a reason. An
 * override attempt without the permission is refused even where consent exists.
 */
export function checkOverride(actor: Actor, override: { reason: string } | undefined): void {
  if (override && !actor.consentOverride) {
    throw new AppError('forbidden', 'Your account may not override missing consent', { field: 'override' });
  }
}

/** Which shared data a partner still sees: while the referral is open or done, not after a rejection or revocation. */
export const partnerSeesSharedData = (state: ReferralState): boolean => state === 'sent' || state === 'accepted' || state === 'done';
