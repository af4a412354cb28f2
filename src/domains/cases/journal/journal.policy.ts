import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError, badInput } from '../../../errors.ts';
import { authUser } from '../../auth/auth.table.ts';
import { type Actor, isCaseRole } from '../../auth/roles.ts';
import { caseInScope, caseScope } from '../case.policy.ts';
import type { CaseRow } from '../caseLookup.ts';

/**
 * Who may do what in a case's journal. Reading and writing need the case in the actor's scope
 * (caseLookup: otherwise 404) and, for writes, a person without an Art. 18 restriction (403).
 * On top of that:
 * - an appointment, contact or note is corrected only by its author, a team lead (their team's
 *   cases) or the integration lead — the supervisors who answer for the documentation;
 * - a task is assigned only to a case-management account of the tenant that can see the case
 *   (need-to-know: an assignee who could not open the case could not do the task).
 */
export function mayEditEntry(actor: Actor, entry: { authorId: string | null }): boolean {
  return entry.authorId === actor.userId || actor.role === 'team_lead' || actor.role === 'integration_lead';
}

export function authorizeEntryEdit(actor: Actor, entry: { authorId: string | null }): void {
  if (!mayEditEntry(actor, entry)) {
    throw new AppError('forbidden', 'Only the author, a team lead or the integration lead may correct this entry');
  }
}

export interface AssigneeAccount {
  id: string;
  name: string;
  role: string;
}

/** Whether an account (role, team) may see a case: its own data scope, as if it were signed in. */
export function accountSeesCase(account: { id: string; role: string; teamId: string | null }, row: Pick<CaseRow, 'ownerId' | 'teamId'>): boolean {
  if (!isCaseRole(account.role)) return false;
  const scope = caseScope({
    userId: account.id,
    role: account.role,
    teamId: account.teamId,
    name: '',
    email: '',
    tenantId: null,
    providerId: null,
    consentOverride: false,
    twoFactorEnabled: true,
    sessionId: null,
  });
  return caseInScope(scope, row);
}

/**
 * The account a task is assigned to: it must exist in this tenant (row-level security hides every
 * other tenant's accounts), be active, have a case role and see the case. Else 400 on `assigneeId`.
 */
export async function requireAssignee(tx: Tx, caseRow: Pick<CaseRow, 'ownerId' | 'teamId'>, assigneeId: string): Promise<AssigneeAccount> {
  const [account] = await tx.db
    .select({ id: authUser.id, name: authUser.name, email: authUser.email, role: authUser.role, teamId: authUser.teamId, disabled: authUser.disabled })
    .from(authUser)
    .where(eq(authUser.id, assigneeId));
  if (!account || account.disabled || !isCaseRole(account.role)) {
    throw badInput('assigneeId', 'Assign the task to a case-management account of this municipality');
  }
  if (!accountSeesCase(account, caseRow)) {
    throw badInput('assigneeId', 'This account cannot see the case; assign the task to someone who works on it');
  }
  return { id: account.id, name: account.name || account.email, role: account.role };
}
