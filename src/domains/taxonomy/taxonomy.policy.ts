import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

const OFFICE_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);

/**
 * Fields of action, target groups, areas and search synonyms are kept by the integration office;
 * partners read them (they pick them in their offers) but never change them.
 */
export function authorizeTaxonomy(actor: Actor, action: 'read' | 'write'): void {
  if (action === 'read') return;
  if (!OFFICE_ROLES.has(actor.role)) throw new AppError('forbidden', 'Only the integration office changes this list');
}
