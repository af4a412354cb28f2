// Test helpers for the back-office offer tests (imported by *.test.ts only).
import type { Database } from '../../../db/database.ts';
import { providerFactory, staffSession, tenantFactory } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

/** Everything the offer tables, revisions and the offer audit entries of a tenant hold, as one string. */
export async function offerState(db: Database, tenantId: string): Promise<string> {
  const [row] = await db.system((tx) =>
    tx.query<{ s: string }>(
      `SELECT concat_ws('|',
         (SELECT json_agg(o ORDER BY o.id)::text FROM (SELECT id, status, version, source_version, provider_id, field_ids, target_group_ids,
            area_ids, location_ids, pending_change, published_at, archived_at, updated_at FROM offers WHERE tenant_id = $1) o),
         (SELECT json_agg(t ORDER BY t.offer_id, t.lang)::text FROM offer_translations t WHERE tenant_id = $1),
         (SELECT count(*)::text FROM offer_revisions WHERE tenant_id = $1),
         (SELECT count(*)::text FROM audit_log WHERE tenant_id = $1 AND entity_type = 'offer')) AS s`,
      [tenantId],
    ),
  );
  return row!.s;
}

export function offerBody(providerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    providerId,
    texts: { title: 'Deutschkurs für Eltern', summary: 'Vormittags mit Kinderbetreuung', description: 'Ein Kurs.' },
    languages: ['de', 'ar'],
    freeOfCharge: true,
    childcare: true,
    ...overrides,
  };
}

export interface OfferWorld {
  tenant: Tenant;
  other: Tenant;
  providerA: { id: string };
  providerB: { id: string };
  otherProvider: { id: string };
  cookies: {
    admin: string;
    office: string;
    partnerA: string;
    partnerB: string;
    superAdmin: string;
    otherOffice: string;
  };
}

/** A tenant with two providers, a second tenant, and a signed-in account for every role. */
export async function offerWorld(t: TestApp, tenantOverrides: Parameters<typeof tenantFactory>[1] = {}): Promise<OfferWorld> {
  const tenant = await tenantFactory(t.db, tenantOverrides);
  const other = await tenantFactory(t.db);
  const providerA = await providerFactory(t.db, tenant.id, { name: 'Caritas' });
  const providerB = await providerFactory(t.db, tenant.id, { name: 'AWO' });
  const otherProvider = await providerFactory(t.db, other.id);
  const session = async (tn: Tenant | null, role: Parameters<typeof staffSession>[3] extends infer O ? O : never) =>
    (await staffSession(t.app, t.db, tn, role)).cookie;
  return {
    tenant,
    other,
    providerA,
    providerB,
    otherProvider,
    cookies: {
      admin: await session(tenant, { role: 'tenant_admin' }),
      office: await session(tenant, { role: 'office_editor', name: 'Olga Office' }),
      partnerA: await session(tenant, { role: 'partner_editor', providerId: providerA.id, name: 'Paula Partner' }),
      partnerB: await session(tenant, { role: 'partner_editor', providerId: providerB.id }),
      superAdmin: await session(null, { role: 'super_admin' }),
      otherOffice: await session(other, { role: 'office_editor' }),
    },
  };
}
