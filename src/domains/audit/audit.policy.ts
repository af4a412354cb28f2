import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

/** The audit log shows who did what to whom; only administrators read it. */
export function authorizeAuditRead(actor: Actor): void {
  if (actor.role !== 'tenant_admin' && actor.role !== 'super_admin') throw new AppError('forbidden', 'Only administrators read the audit log');
}
