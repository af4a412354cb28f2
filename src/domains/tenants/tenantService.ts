import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../server/context.ts';
import { requireActor } from '../auth/session.ts';
import type { Actor } from '../auth/roles.ts';
import { tenants } from './tenant.table.ts';

export type Tenant = typeof tenants.$inferSelect;

// Tenants change rarely; a few seconds of staleness per node is harmless and saves a query per request.
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; tenant: Tenant | null }>();

export async function getTenantBySlug(db: Database, slug: string): Promise<Tenant | null> {
  if (slug.length > 63) return null;
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.tenant;
  const [row] = await db.system((tx) => tx.db.select().from(tenants).where(eq(tenants.slug, slug)));
  const tenant = row && !row.archivedAt ? row : null;
  cache.set(slug, { at: Date.now(), tenant });
  if (cache.size > 1000) cache.clear();
  return tenant;
}

export function forgetTenant(slug: string): void {
  cache.delete(slug);
}

export async function requireTenant(db: Database, slug: string): Promise<Tenant> {
  const tenant = await getTenantBySlug(db, slug);
  if (!tenant) throw new AppError('unknown_tenant', `Unknown tenant "${slug.slice(0, 63)}"`, { field: 'tenant' });
  return tenant;
}

/** A language the tenant publishes in, or a 400 naming the parameter. */
export function requireTenantLanguage(tenant: Tenant, lang: string | undefined): string {
  if (!lang) return tenant.defaultLanguage;
  if (!tenant.languages.includes(lang)) {
    throw new AppError('unknown_language', `Language "${lang.slice(0, 10)}" is not offered here; available: ${tenant.languages.join(', ')}`, {
      field: 'lang',
    });
  }
  return lang;
}

export interface StaffContext {
  tenant: Tenant;
  actor: Actor;
}

/**
 * Resolves tenant and signed-in staff member for a back-office route: 401 without a session,
 * 403 for staff of another tenant, 403 two_factor_required when the tenant enforces 2FA for the role.
 * Super admins may act in every tenant.
 */
export async function requireStaff(request: FastifyRequest, ctx: AppContext, slug: string): Promise<StaffContext> {
  const tenant = await requireTenant(ctx.db, slug);
  const actor = await requireActor(request);
  if (actor.role !== 'super_admin' && actor.tenantId !== tenant.id) {
    throw new AppError('forbidden', 'Your account belongs to another municipality');
  }
  const enforced = tenant.settings.twoFactorRoles ?? [];
  if (enforced.includes(actor.role) && !actor.twoFactorEnabled) {
    throw new AppError('two_factor_required', 'Set up two-factor login before using the back office');
  }
  return { tenant, actor };
}
