import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, offerFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('provider admin routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let own: { id: string };
  let foreign: { id: string };
  let otherTenantProvider: { id: string };
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const providerCount = async () =>
    Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM providers WHERE tenant_id = $1', [tenant.id])))[0]!.n);
  const auditOf = (entityId: string) =>
    t.db.system((tx) =>
      tx.query<{ action: string; details: { changes: Record<string, { before: unknown; after: unknown }> }; actor_id: string }>(
        'SELECT action, details, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY at, action',
        [entityId],
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    own = await providerFactory(t.db, tenant.id, { name: 'Caritas Teststadt', trusted: true });
    foreign = await providerFactory(t.db, tenant.id, { name: 'Diakonie Teststadt' });
    otherTenantProvider = await providerFactory(t.db, other.id, { name: 'Fremder Träger' });
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: own.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
  });
  afterAll(() => t.close());

  const base = () => `/api/v1/${tenant.slug}/admin/providers`;

  it('401 without a session', async () => {
    for (const [method, url] of [
      ['GET', base()],
      ['POST', base()],
      ['GET', `${base()}/${own.id}`],
      ['PUT', `${base()}/${own.id}`],
      ['POST', `${base()}/${own.id}/archive`],
    ] as const) {
      const res = await call(null, method, url, method === 'GET' ? undefined : { name: 'Neuer Träger' });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for staff of another tenant', async () => {
    const res = await call('otherAdmin', 'GET', base());
    expect(res.statusCode).toBe(403);
  });

  it('access matrix', async () => {
    const valid = { name: 'Matrix-Träger', description: 'x' };
    const matrix: Array<[role: string, method: Method, path: () => string, body: unknown, status: number]> = [
      ['admin', 'GET', () => `${base()}/${foreign.id}`, undefined, 200],
      ['office', 'GET', () => `${base()}/${foreign.id}`, undefined, 200],
      ['superAdmin', 'GET', () => `${base()}/${foreign.id}`, undefined, 200],
      ['partner', 'GET', () => `${base()}/${own.id}`, undefined, 200],
      ['partner', 'GET', () => `${base()}/${foreign.id}`, undefined, 404],
      ['partner', 'PUT', () => `${base()}/${foreign.id}`, { name: 'Übernahme' }, 404],
      ['partner', 'PUT', () => `${base()}/${own.id}`, { name: 'Caritas Teststadt', description: 'Neu' }, 200],
      ['partner', 'PUT', () => `${base()}/${own.id}`, { name: 'Caritas Teststadt', trusted: false }, 403],
      ['partner', 'PUT', () => `${base()}/${own.id}`, { name: 'Caritas Teststadt', trusted: true }, 200],
      ['partner', 'POST', base, valid, 403],
      ['partner', 'POST', () => `${base()}/${own.id}/archive`, undefined, 403],
      ['partner', 'POST', () => `${base()}/${own.id}/restore`, undefined, 403],
      ['office', 'POST', base, valid, 201],
      ['admin', 'POST', base, valid, 201],
      ['office', 'PUT', () => `${base()}/${foreign.id}`, { name: 'Diakonie Teststadt', trusted: false }, 200],
    ];
    for (const [role, method, path, body, status] of matrix) {
      const res = await call(role, method, path(), body);
      expect(res.statusCode, `${role} ${method} ${path()} → ${res.body}`).toBe(status);
    }
    const trusted = await call('partner', 'PUT', `${base()}/${own.id}`, { name: 'Caritas Teststadt', trusted: false });
    expect(trusted.json().error.field).toBe('trusted');
  });

  it('a partner lists only its own provider', async () => {
    const res = await call('partner', 'GET', base());
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect(res.json().total).toBe(1);
  });

  it("another tenant's provider reads as 404 and cannot be changed or archived", async () => {
    for (const [method, url, body] of [
      ['GET', `${base()}/${otherTenantProvider.id}`, undefined],
      ['PUT', `${base()}/${otherTenantProvider.id}`, { name: 'Gekapert' }],
      ['POST', `${base()}/${otherTenantProvider.id}/archive`, undefined],
    ] as const) {
      const res = await call('admin', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const [row] = await t.db.system((tx) => tx.query<{ name: string; archived_at: Date | null }>('SELECT name, archived_at FROM providers WHERE id = $1', [otherTenantProvider.id]));
    expect(row).toMatchObject({ name: 'Fremder Träger', archived_at: null });
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await providerCount();
    const cases: Array<[unknown, string]> = [
      [{ name: 'A' }, 'body.name'],
      [{ name: 'Träger', postcode: '123' }, 'body.postcode'],
      [{ name: 'Träger', website: 'not a url' }, 'body.website'],
      [{ name: 'Träger', email: 'nope' }, 'body.email'],
      [{ name: 'Träger', phone: 'call me' }, 'body.phone'],
      [{ name: 'Träger', owner: 'x' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call('admin', 'POST', base(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const put = await call('admin', 'PUT', `${base()}/${foreign.id}`, { name: '' });
    expect(put.statusCode).toBe(400);
    const notUuid = await call('admin', 'GET', `${base()}/not-a-uuid`);
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.field).toBe('params.id');
    expect(await providerCount()).toBe(before);
  });

  it('creates, reads with counts, updates, archives and restores a provider, with audit entries', async () => {
    const created = await call('admin', 'POST', base(), {
      name: 'Internationaler Bund',
      description: 'Sprachkurse und Jugendmigrationsdienst',
      website: 'https://ib.example.org',
      postcode: '68159',
      town: 'Teststadt',
      trusted: true,
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ name: 'Internationaler Bund', trusted: true, archived: false, counts: { offers: 0, locations: 0 } });

    await offerFactory(t.db, tenant.id, { providerId: p.id });
    await offerFactory(t.db, tenant.id, { providerId: p.id, status: 'draft' });
    await locationFactory(t.db, tenant.id, { providerId: p.id });
    const detail = await call('office', 'GET', `${base()}/${p.id}`);
    expect(detail.json().counts).toEqual({ offers: 2, locations: 1 });

    const updated = await call('office', 'PUT', `${base()}/${p.id}`, { name: 'IB Teststadt', description: 'Sprachkurse', website: 'https://ib.example.org', postcode: '68159', town: 'Teststadt' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'IB Teststadt', trusted: true, counts: { offers: 2 } });

    const archived = await call('admin', 'POST', `${base()}/${p.id}/archive`);
    expect(archived.json()).toMatchObject({ archived: true });
    const listed = await call('admin', 'GET', `${base()}?q=IB%20Test`);
    expect(listed.json().items).toHaveLength(0);
    const withArchived = await call('admin', 'GET', `${base()}?q=ib%20test&includeArchived=true`);
    expect(withArchived.json().items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const restored = await call('admin', 'POST', `${base()}/${p.id}/restore`);
    expect(restored.json()).toMatchObject({ archived: false, archivedAt: null });

    const log = await auditOf(p.id);
    expect(log.map((e) => e.action)).toEqual(['provider.created', 'provider.updated', 'provider.archived', 'provider.restored']);
    expect(log[1]!.details.changes).toEqual({
      name: { before: 'Internationaler Bund', after: 'IB Teststadt' },
      description: { before: 'Sprachkurse und Jugendmigrationsdienst', after: 'Sprachkurse' },
    });
    expect(log[0]!.details.changes.trusted).toEqual({ before: null, after: true });
  });

  it('lists sorted by name with paging and a literal search', async () => {
    const names = ['Zentrum Ost', 'Arbeit und Leben', 'Migrationsberatung 100%'];
    for (const name of names) await call('admin', 'POST', base(), { name });
    const page1 = await call('admin', 'GET', `${base()}?pageSize=2&page=1`);
    const page2 = await call('admin', 'GET', `${base()}?pageSize=2&page=2`);
    const all = (await call('admin', 'GET', `${base()}?pageSize=100`)).json();
    const sorted = [...all.items.map((x: { name: string }) => x.name)].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0));
    expect(all.items.map((x: { name: string }) => x.name)).toEqual(sorted);
    expect(page1.json().items.map((x: { id: string }) => x.id)).toEqual(all.items.slice(0, 2).map((x: { id: string }) => x.id));
    expect(page2.json().items.map((x: { id: string }) => x.id)).toEqual(all.items.slice(2, 4).map((x: { id: string }) => x.id));
    expect(page1.json().total).toBe(all.total);
    const percent = await call('admin', 'GET', `${base()}?q=${encodeURIComponent('100%')}`);
    expect(percent.json().items.map((x: { name: string }) => x.name)).toEqual(['Migrationsberatung 100%']);
    const bad = await call('admin', 'GET', `${base()}?sort=random`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.sort');
  });

  it('documents every directory admin route in OpenAPI under the admin tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const expected = [
      '/api/v1/{tenant}/admin/providers',
      '/api/v1/{tenant}/admin/providers/{id}',
      '/api/v1/{tenant}/admin/providers/{id}/archive',
      '/api/v1/{tenant}/admin/providers/{id}/restore',
      '/api/v1/{tenant}/admin/locations',
      '/api/v1/{tenant}/admin/locations/{id}',
      '/api/v1/{tenant}/admin/locations/{id}/archive',
      '/api/v1/{tenant}/admin/fields-of-action/{id}',
      '/api/v1/{tenant}/admin/target-groups/{id}',
      '/api/v1/{tenant}/admin/areas/{id}',
      '/api/v1/{tenant}/admin/synonyms/{id}',
      '/api/v1/{tenant}/admin/first-steps/{id}',
      '/api/v1/{tenant}/admin/audit',
      '/api/v1/{tenant}/admin/outbox',
      '/api/v1/admin/outbox',
    ];
    for (const path of expected) {
      expect(doc.paths[path], path).toBeDefined();
      for (const op of Object.values(doc.paths[path]!)) {
        expect(op.tags, path).toEqual(['admin']);
        expect(op.summary, path).toEqual(expect.any(String));
      }
    }
  });
});
