import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';
import type { OfferStatus } from './offer.table.ts';

/**
 * Who may do what with offers in the back office. Office staff (tenant_admin, office_editor) and
 * super admins have full rights; a partner_editor works only on its own provider's offers, cannot
 * publish or archive, and its edits to published offers wait for review unless the provider is trusted.
 */

/** The facts about an offer that authorization needs. */
export interface OfferFacts {
  providerId: string;
  status: OfferStatus;
}

export const isOffice = (actor: Actor): boolean =>
  actor.role === 'super_admin' || actor.role === 'tenant_admin' || actor.role === 'office_editor';

export const isPartner = (actor: Actor): boolean => actor.role === 'partner_editor';

/** The provider a partner is confined to (null for office staff); a partner without provider has no access. */
export function providerScope(actor: Actor): string | null {
  if (isOffice(actor)) return null;
  if (isPartner(actor) && actor.providerId) return actor.providerId;
  throw new AppError('forbidden', 'Your account is not linked to a provider');
}

/** Reading an offer: a partner sees another provider's offer as not existing (404, no information leak). */
export function authorizeOfferRead(actor: Actor, offer: OfferFacts): void {
  const scope = providerScope(actor);
  if (scope !== null && offer.providerId !== scope) throw notFound('Offer');
}

/** Creating an offer for a provider; partners only for their own and never published at once. */
export function authorizeOfferCreate(actor: Actor, providerId: string, status: OfferStatus): void {
  const scope = providerScope(actor);
  if (scope === null) return;
  if (providerId !== scope) {
    throw new AppError('forbidden', 'You can only create offers for your own organisation', { field: 'providerId' });
  }
  if (status !== 'draft') throw new AppError('forbidden', 'New offers from partners start as drafts and go through review', { field: 'status' });
}

export type EditMode = 'direct' | 'pending';

/**
 * Editing an offer: office staff write directly; a partner writes directly to its drafts and offers in
 * review, and to published offers only if its provider is trusted; otherwise the change waits for review.
 */
export function offerEditMode(actor: Actor, offer: OfferFacts, providerTrusted: boolean, newProviderId: string): EditMode {
  authorizeOfferRead(actor, offer);
  if (isOffice(actor)) return 'direct';
  if (newProviderId !== offer.providerId) {
    throw new AppError('forbidden', 'You cannot move an offer to another organisation', { field: 'providerId' });
  }
  if (offer.status === 'archived') throw new AppError('forbidden', 'Archived offers can only be changed by the office');
  if (offer.status === 'published' && !providerTrusted) return 'pending';
  return 'direct';
}

/** Translations of a partner's published offer go live at once, so only trusted partners may write them. */
export function authorizeTranslationWrite(actor: Actor, offer: OfferFacts, providerTrusted: boolean): void {
  const mode = offerEditMode(actor, offer, providerTrusted, offer.providerId);
  if (mode === 'pending') {
    throw new AppError('forbidden', 'Translations of published offers are maintained by the office');
  }
}

/** Allowed status transitions (the publishing workflow). Archiving is the end of life; there is no delete. */
export const STATUS_TRANSITIONS: Record<OfferStatus, readonly OfferStatus[]> = {
  draft: ['in_review', 'published', 'archived'],
  in_review: ['published', 'draft'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

/** Transitions a partner may make on its own offers: submitting a draft for review. */
const PARTNER_TRANSITIONS: ReadonlyArray<[OfferStatus, OfferStatus]> = [['draft', 'in_review']];

/** 422 for a transition the workflow does not have, 403 for one this actor may not make. */
export function authorizeStatusChange(actor: Actor, offer: OfferFacts, to: OfferStatus): void {
  authorizeOfferRead(actor, offer);
  if (!STATUS_TRANSITIONS[offer.status].includes(to)) {
    throw new AppError('invalid_state_transition', `An offer cannot go from "${offer.status}" to "${to}"`, {
      field: 'status',
      details: { from: offer.status, allowed: STATUS_TRANSITIONS[offer.status] },
    });
  }
  if (isOffice(actor)) return;
  if (!PARTNER_TRANSITIONS.some(([from, target]) => from === offer.status && target === to)) {
    throw new AppError('forbidden', 'Partners can submit drafts for review; publishing and archiving is done by the office', {
      field: 'status',
    });
  }
}

/** The review queue and decisions belong to the office. */
export function authorizeReview(actor: Actor): void {
  if (!isOffice(actor)) throw new AppError('forbidden', 'Only the office reviews changes');
}
