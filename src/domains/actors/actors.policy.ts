import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

/**
 * Who may work with the actor network (organisations, contacts, relationships, consent) and with
 * networks and working groups: the integration office. Partner editors manage offers, not the
 * office's contacts (personal data of third parties), so every network route is 403 for them.
 * Erasing a contact for good (GDPR Art. 17) is for administrators.
 */
const NETWORK_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);
const ADMIN_ROLES = new Set(['super_admin', 'tenant_admin']);

export type NetworkAction = 'read' | 'write' | 'merge' | 'send' | 'erase';

export function mayUseNetwork(actor: Actor): boolean {
  return NETWORK_ROLES.has(actor.role);
}

export function authorizeNetwork(actor: Actor, action: NetworkAction): void {
  if (!mayUseNetwork(actor)) throw new AppError('forbidden', 'The actor network is for the integration office');
  if (action === 'erase' && !ADMIN_ROLES.has(actor.role)) {
    throw new AppError('forbidden', 'Only administrators erase contacts for good; archive the contact instead');
  }
}
