import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

/**
 * Committee work (Geschäftsführung of committees and the migration advisory council) belongs to
 * the integration office: tenant admins and office editors read and write everything here,
 * including non-public agenda items and minutes. Partners and case-management roles get 403.
 */
const COMMITTEE_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);

export type CommitteeAction = 'read' | 'write';

export function authorizeCommittees(actor: Actor, _action: CommitteeAction): void {
  if (!COMMITTEE_ROLES.has(actor.role)) throw new AppError('forbidden', 'Only the integration office manages committees');
}
