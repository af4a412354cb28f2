import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

/**
 * Who may do what with providers (Träger) and locations (Standorte). Office roles manage all of
 * them; a partner editor sees and edits only its own provider and that provider's locations;
 * everything else reads as not found, so a partner learns nothing about other providers.
 */
const OFFICE_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);

export const isOffice = (actor: Actor): boolean => OFFICE_ROLES.has(actor.role);

/** The provider a partner is confined to; null for office roles (all providers). */
export function providerScope(actor: Actor): { all: true } | { all: false; providerId: string | null } {
  if (isOffice(actor)) return { all: true };
  return { all: false, providerId: actor.providerId };
}

const mayTouchProvider = (actor: Actor, providerId: string | null): boolean =>
  isOffice(actor) || (actor.role === 'partner_editor' && actor.providerId !== null && providerId === actor.providerId);

export type ProviderAction = 'read' | 'create' | 'update' | 'archive';

export function authorizeProvider(
  actor: Actor,
  action: ProviderAction,
  provider?: { id: string; trusted: boolean } | null,
  input?: { trusted?: boolean },
): void {
  if (action === 'create' || action === 'archive') {
    if (!isOffice(actor)) throw new AppError('forbidden', 'Only the integration office creates, archives and restores providers');
    return;
  }
  if (!provider || !mayTouchProvider(actor, provider.id)) throw new AppError('not_found', 'Provider not found');
  if (action === 'update' && input?.trusted !== undefined && input.trusted !== provider.trusted && !isOffice(actor)) {
    throw new AppError('forbidden', 'Only the integration office decides whether a provider is trusted', { field: 'trusted' });
  }
}

export type LocationAction = 'read' | 'write';

/** An existing location: partners only for locations of their own provider (else 404). */
export function authorizeLocation(actor: Actor, _action: LocationAction, location: { providerId: string | null } | null): void {
  if (!location || !mayTouchProvider(actor, location.providerId)) throw new AppError('not_found', 'Location not found');
}

/** The provider a created or edited location shall belong to: partners may only name their own. */
export function authorizeLocationProvider(actor: Actor, providerId: string | null): void {
  if (isOffice(actor)) return;
  if (actor.role !== 'partner_editor' || !actor.providerId || providerId !== actor.providerId) {
    throw new AppError('forbidden', 'Partners manage only the locations of their own provider', { field: 'providerId' });
  }
}
