import { AppError } from '../../errors.ts';
import type { Actor } from './roles.ts';

/** Who may manage accounts and tenant settings. */
export function authorizeAccounts(actor: Actor, action: 'read' | 'manage'): void {
  if (actor.role === 'super_admin' || actor.role === 'tenant_admin') return;
  throw new AppError('forbidden', action === 'read' ? 'Only administrators see accounts' : 'Only administrators manage accounts');
}
