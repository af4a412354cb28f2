import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { authAccount, authSession, authUser } from './auth.table.ts';
import { hashPassword } from './password.ts';
import { teams } from '../cases/case.table.ts';
import { type Actor, isCaseRole, type Role } from './roles.ts';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  tenantId: string | null;
  providerId?: string | null;
  teamId?: string | null;
  consentOverride?: boolean;
}

export type AccountRow = typeof authUser.$inferSelect;

/**
 * Creates a staff account with an argon2id password, in the credential format better-auth signs in
 * with. Runs in a system transaction (auth tables are closed to the tenant role).
 */
export async function createAccount(tx: Tx, input: NewAccount, actor: Actor | null): Promise<AccountRow> {
  if (input.role === 'partner_editor' && !input.providerId) {
    throw new AppError('validation_failed', 'A partner editor needs the provider they work for', { field: 'providerId' });
  }
  if (input.role !== 'partner_editor' && input.providerId) {
    throw new AppError('validation_failed', 'Only partner editors belong to a provider', { field: 'providerId' });
  }
  await checkCaseFields(tx, input.tenantId, input.role, input.teamId ?? null, input.consentOverride ?? false);
  const email = input.email.trim().toLowerCase();
  const [existing] = await tx.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email));
  if (existing) throw new AppError('duplicate', 'An account with this e-mail address exists already', { field: 'email' });
  const id = randomUUID();
  const [user] = await tx.db
    .insert(authUser)
    .values({
      id,
      name: input.name.trim(),
      email,
      emailVerified: true,
      tenantId: input.tenantId,
      role: input.role,
      providerId: input.providerId ?? null,
      teamId: isCaseRole(input.role) ? (input.teamId ?? null) : null,
      consentOverride: isCaseRole(input.role) ? (input.consentOverride ?? false) : false,
    })
    .returning();
  await tx.db.insert(authAccount).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(input.password),
  });
  await writeAudit(tx, {
    tenantId: input.tenantId,
    action: 'account.created',
    entityType: 'account',
    entityId: id,
    actorId: actor?.userId ?? null,
    actorLabel: actor?.email ?? 'system',
    details: { email, role: input.role, providerId: input.providerId ?? null, teamId: input.teamId ?? null, consentOverride: input.consentOverride ?? false },
  });
  return user!;
}

export async function listAccounts(tx: Tx, tenantId: string, q?: string): Promise<AccountRow[]> {
  const where: SQL[] = [eq(authUser.tenantId, tenantId)];
  if (q) where.push(or(ilike(authUser.email, `%${q}%`), ilike(authUser.name, `%${q}%`))!);
  return tx.db.select().from(authUser).where(and(...where)).orderBy(asc(authUser.name));
}

export async function getAccount(tx: Tx, tenantId: string, id: string): Promise<AccountRow> {
  const [row] = await tx.db.select().from(authUser).where(and(eq(authUser.tenantId, tenantId), eq(authUser.id, id)));
  if (!row) throw new AppError('not_found', 'Account not found');
  return row;
}

export async function updateAccount(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: { name?: string; role?: Role; providerId?: string | null; teamId?: string | null; consentOverride?: boolean; disabled?: boolean },
  actor: Actor,
): Promise<AccountRow> {
  const before = await getAccount(tx, tenantId, id);
  const role = patch.role ?? (before.role as Role);
  const providerId = patch.providerId === undefined ? before.providerId : patch.providerId;
  if (role === 'partner_editor' && !providerId) {
    throw new AppError('validation_failed', 'A partner editor needs the provider they work for', { field: 'providerId' });
  }
  if (id === actor.userId && (patch.disabled || (patch.role && patch.role !== before.role))) {
    throw new AppError('validation_failed', 'You cannot disable your own account or change your own role', { field: 'role' });
  }
  const teamId = patch.teamId === undefined ? before.teamId : patch.teamId;
  const consentOverride = patch.consentOverride ?? before.consentOverride;
  await checkCaseFields(tx, tenantId, role, isCaseRole(role) ? teamId : null, isCaseRole(role) ? consentOverride : false);
  const [row] = await tx.db
    .update(authUser)
    .set({
      ...(patch.name ? { name: patch.name } : {}),
      role,
      providerId: role === 'partner_editor' ? providerId : null,
      teamId: isCaseRole(role) ? teamId : null,
      consentOverride: isCaseRole(role) ? consentOverride : false,
      ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
      updatedAt: new Date(),
    })
    .where(and(eq(authUser.tenantId, tenantId), eq(authUser.id, id)))
    .returning();
  if (patch.disabled) await tx.db.delete(authSession).where(eq(authSession.userId, id));
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['name', 'role', 'providerId', 'teamId', 'consentOverride', 'disabled'] as const) {
    if (row![key] !== before[key]) changes[key] = [before[key], row![key]];
  }
  await writeAudit(tx, {
    tenantId,
    action: 'account.updated',
    entityType: 'account',
    entityId: id,
    actorId: actor.userId,
    actorLabel: actor.email,
    details: { changes },
  });
  return row!;
}

/**
 * Case roles: integration managers and team leads work in a team of the same tenant (their data
 * scope); the consent override is granted only to case roles.
 */
async function checkCaseFields(tx: Tx, tenantId: string | null, role: Role, teamId: string | null, consentOverride: boolean): Promise<void> {
  if (!isCaseRole(role)) {
    if (consentOverride) throw new AppError('validation_failed', 'Only case-management roles can hold the consent override', { field: 'consentOverride' });
    return;
  }
  if ((role === 'integration_manager' || role === 'team_lead') && !teamId) {
    throw new AppError('validation_failed', 'Integration managers and team leads need their team', { field: 'teamId' });
  }
  if (teamId) {
    const [team] = tenantId
      ? await tx.db.select({ id: teams.id }).from(teams).where(and(eq(teams.tenantId, tenantId), eq(teams.id, teamId)))
      : [];
    if (!team) throw new AppError('validation_failed', 'Unknown team', { field: 'teamId' });
  }
}
