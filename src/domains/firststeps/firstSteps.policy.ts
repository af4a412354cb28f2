import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

const OFFICE_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);

/** First-steps lists are editorial content of the integration office; partners neither read nor edit them here. */
export function authorizeFirstSteps(actor: Actor, _action: 'read' | 'write'): void {
  if (!OFFICE_ROLES.has(actor.role)) throw new AppError('forbidden', 'Only the integration office edits the first steps');
}
