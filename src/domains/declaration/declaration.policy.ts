import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';

const OFFICE_ROLES = new Set(['super_admin', 'tenant_admin', 'office_editor']);

export type DeclarationAction = 'read' | 'write' | 'decide' | 'export';

/**
 * The declaration is the integration office's campaign: the office edits it, verifies signatories
 * and exports them (contact data included). Partner editors have no part in it.
 */
export function authorizeDeclaration(actor: Actor, _action: DeclarationAction): void {
  if (!OFFICE_ROLES.has(actor.role)) throw new AppError('forbidden', 'Only the integration office manages the declaration');
}
