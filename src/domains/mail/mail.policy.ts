import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

/** Mails carry reset links and personal data: a tenant's administrators see its mails, super admins all. */
export function authorizeOutboxRead(actor: Actor, scope: 'tenant' | 'installation'): void {
  if (actor.role === 'super_admin') return;
  if (scope === 'tenant' && actor.role === 'tenant_admin') return;
  throw new AppError('forbidden', scope === 'tenant' ? 'Only administrators read the outbox' : 'Only super admins read the installation outbox');
}
