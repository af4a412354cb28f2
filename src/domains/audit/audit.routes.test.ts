import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { auditLog } from './audit.table.ts';

describe('audit log route', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};
  const call = (who: string | null, url: string) => t.app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} });
  const url = (query = '') => `/api/v1/${tenant.slug}/admin/audit${query}`;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    const provider = await providerFactory(t.db, tenant.id);
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    // Entries with known times; the owner may insert them (the log is append-only, not insert-only).
    await t.db.system((tx) =>
      tx.db.insert(auditLog).values(
        (
          [
            [tenant.id, '2025-01-10T10:00:00Z', 'provider.created', 'p-1'],
            [tenant.id, '2025-01-11T10:00:00Z', 'provider.updated', 'p-1'],
            [tenant.id, '2025-01-12T10:00:00Z', 'location.created', 'l-1'],
            [other.id, '2025-01-11T12:00:00Z', 'provider.created', 'p-other'],
          ] as const
        ).map(([tenantId, at, action, entityId]) => ({
          tenantId,
          at: new Date(at),
          action,
          entityType: action.split('.')[0]!,
          entityId,
          actorId: 'actor-1',
          actorLabel: 'a@example.org',
          details: { changes: { name: { before: null, after: 'X' } } },
        })),
      ),
    );
  });
  afterAll(() => t.close());

  it('401 without a session; 403 for editors, partners and another tenant', async () => {
    expect((await call(null, url())).statusCode).toBe(401);
    for (const who of ['office', 'partner', 'otherAdmin']) {
      expect((await call(who, url())).statusCode, who).toBe(403);
    }
  });

  it('access matrix', async () => {
    for (const [who, status] of [
      ['admin', 200],
      ['superAdmin', 200],
      ['office', 403],
      ['partner', 403],
    ] as const) {
      expect((await call(who, url())).statusCode, who).toBe(status);
    }
  });

  it("shows only this tenant's entries, filtered and paged", async () => {
    const all = (await call('admin', url('?pageSize=200'))).json();
    expect(all.items.some((e: { entityId: string }) => e.entityId === 'p-other')).toBe(false);
    expect(all.items.some((e: { action: string }) => e.action === 'login.succeeded')).toBe(true);
    const byEntity = (await call('admin', url('?entityType=provider&entityId=p-1'))).json();
    expect(byEntity.items.map((e: { action: string }) => e.action).sort()).toEqual(['provider.created', 'provider.updated']);
    const byAction = (await call('admin', url('?action=location.created&actorId=actor-1'))).json();
    expect(byAction.items.map((e: { entityId: string }) => e.entityId)).toEqual(['l-1']);
    const paged = (await call('admin', url('?entityType=provider&pageSize=1&page=2'))).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it('filters by time (a bare date as upper bound includes that day)', async () => {
    const day = (await call('admin', url('?from=2025-01-11&to=2025-01-11'))).json();
    expect(day.items.map((e: { action: string }) => e.action)).toEqual(['provider.updated']);
    const range = (await call('admin', url('?from=2025-01-10T12:00:00Z&to=2025-01-13'))).json();
    expect(range.items.map((e: { action: string }) => e.action)).toEqual(['location.created', 'provider.updated']);
    expect(range.items[0].details).toEqual({ changes: { name: { before: null, after: 'X' } } });
  });

  it('bad input is a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?from=yesterday', 'querystring.from'],
      ['?page=0', 'querystring.page'],
      ['?pageSize=1000', 'querystring.pageSize'],
      ['?unknown=1', 'querystring'],
    ] as const) {
      const res = await call('admin', url(query));
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });
});
