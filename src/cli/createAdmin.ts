import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { createAccount } from '../domains/auth/accounts.ts';
import { isRole, type Role } from '../domains/auth/roles.ts';
import { getTenantBySlug } from '../domains/tenants/tenantService.ts';
import { AppError } from '../errors.ts';

export async function createAdminFromCli(
  db: Database,
  input: { email: string; name: string; password?: string; tenant?: string; role?: string },
): Promise<{ email: string; role: Role; tenant: string | null; generatedPassword: string | null }> {
  const role = (input.role ?? (input.tenant ? 'tenant_admin' : 'super_admin')) as Role;
  if (!isRole(role)) throw new AppError('validation_failed', `unknown role "${input.role}"`, { field: 'role' });
  if (role === 'super_admin' && input.tenant) throw new AppError('validation_failed', 'a super admin belongs to no tenant', { field: 'tenant' });
  if (role !== 'super_admin' && !input.tenant) throw new AppError('validation_failed', `--tenant is required for role ${role}`, { field: 'tenant' });
  if (role === 'partner_editor') throw new AppError('validation_failed', 'create partner accounts in the back office (they need a provider)', { field: 'role' });
  let tenantId: string | null = null;
  if (input.tenant) {
    const tenant = await getTenantBySlug(db, input.tenant);
    if (!tenant) throw new AppError('unknown_tenant', `unknown tenant "${input.tenant}"`, { field: 'tenant' });
    tenantId = tenant.id;
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) throw new AppError('validation_failed', 'not an e-mail address', { field: 'email' });
  const generated = input.password ? null : randomBytes(12).toString('base64url');
  const password = input.password ?? generated!;
  if (password.length < 12) throw new AppError('validation_failed', 'the password needs at least 12 characters', { field: 'password' });
  await db.system((tx) => createAccount(tx, { email: input.email, name: input.name, password, role, tenantId }, null));
  return { email: input.email.toLowerCase(), role, tenant: input.tenant ?? null, generatedPassword: generated };
}
