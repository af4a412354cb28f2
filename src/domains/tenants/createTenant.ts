import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { createTenantRequest } from '../../shared/contracts/tenant.ts';
import { languageInfo } from '../../shared/languages.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { createAccount } from '../auth/accounts.ts';
import type { Actor } from '../auth/roles.ts';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from '../taxonomy/defaultTaxonomy.ts';
import { fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { tenants } from './tenant.table.ts';
import type { Tenant } from './tenantService.ts';

type CreateTenantInput = z.infer<typeof createTenantRequest>;

/** A new municipality: tenant row, default fields of action and target groups, first administrator — all or nothing. */
export async function createTenant(db: Database, input: CreateTenantInput, actor: Actor | null): Promise<Tenant> {
  for (const code of input.languages) {
    if (!languageInfo(code)) throw new AppError('validation_failed', `Unknown language "${code}"`, { field: 'languages' });
  }
  const languages = input.languages.includes('de') ? input.languages : ['de', ...input.languages];
  return db.system(async (tx) => {
    const [existing] = await tx.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
    if (existing) throw new AppError('duplicate', `The address "${input.slug}" is taken`, { field: 'slug' });
    const [tenant] = await tx.db
      .insert(tenants)
      .values({
        slug: input.slug,
        name: input.name,
        languages,
        ...(input.primaryColor ? { primaryColor: input.primaryColor } : {}),
        ...(input.accentColor ? { accentColor: input.accentColor } : {}),
        settings: { twoFactorRoles: [] },
      })
      .returning();
    await tx.db.insert(fieldsOfAction).values(DEFAULT_FIELDS_OF_ACTION.map((f, i) => ({ ...f, tenantId: tenant!.id, sort: i })));
    await tx.db.insert(targetGroups).values(DEFAULT_TARGET_GROUPS.map((g, i) => ({ ...g, tenantId: tenant!.id, sort: i })));
    await createAccount(
      tx,
      { email: input.admin.email, name: input.admin.name, password: input.admin.password, role: 'tenant_admin', tenantId: tenant!.id },
      actor,
    );
    await writeAudit(tx, {
      tenantId: tenant!.id,
      action: 'tenant.created',
      entityType: 'tenant',
      entityId: tenant!.id,
      actorId: actor?.userId ?? null,
      actorLabel: actor?.email ?? 'system',
      details: { slug: input.slug },
    });
    return tenant!;
  });
}
