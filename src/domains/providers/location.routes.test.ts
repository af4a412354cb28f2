import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { locations } from './provider.table.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('location admin routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let own: { id: string };
  let foreign: { id: string };
  let ownLocation: { id: string };
  let foreignLocation: { id: string };
  let otherProvider: { id: string };
  let otherLocation: { id: string };
  let areaId: string;
  let otherAreaId: string;
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/admin/locations`;
  const locationCount = async () =>
    Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM locations')))[0]!.n);
  const areaOf = async (tn: Tenant) =>
    (await t.db.system((tx) => tx.query<{ id: string }>("SELECT id FROM areas WHERE tenant_id = $1 AND key = 'nordstadt'", [tn.id])))[0]!.id;

  const valid = () => ({
    providerId: own.id,
    name: 'Beratungsstelle Mitte',
    street: 'Marktplatz 3',
    postcode: '68159',
    town: 'Teststadt',
    areaId,
    lat: 49.487,
    lon: 8.466,
    barrierFree: true,
    openingHours: [
      { weekday: 3, slots: [{ start: '14:00', end: '18:00' }], appointmentOnly: true },
      { weekday: 1, slots: [{ start: '13:00', end: '16:00' }, { start: '09:00', end: '12:00' }] },
    ],
    contacts: [
      { name: 'Ayşe Yılmaz', role: 'Migrationsberatung', email: 'a.yilmaz@example.org', phone: '+49 621 123', officeHours: 'Mo 9–12 Uhr' },
      { name: 'Olena Koval', role: 'Jugendmigrationsdienst' },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    areaId = await areaOf(tenant);
    otherAreaId = await areaOf(other);
    own = await providerFactory(t.db, tenant.id);
    foreign = await providerFactory(t.db, tenant.id);
    otherProvider = await providerFactory(t.db, other.id);
    ownLocation = await locationFactory(t.db, tenant.id, { providerId: own.id, name: 'Eigener Standort' });
    foreignLocation = await locationFactory(t.db, tenant.id, { providerId: foreign.id, name: 'Fremder Standort' });
    otherLocation = await locationFactory(t.db, other.id, { providerId: otherProvider.id });
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: own.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
  });
  afterAll(() => t.close());

  it('401 without a session', async () => {
    expect((await call(null, 'GET', base())).statusCode).toBe(401);
    expect((await call(null, 'POST', base(), valid())).statusCode).toBe(401);
    expect((await call(null, 'PUT', `${base()}/${ownLocation.id}`, valid())).statusCode).toBe(401);
    expect((await call(null, 'POST', `${base()}/${ownLocation.id}/archive`)).statusCode).toBe(401);
  });

  it('access matrix: partners only for locations of their own provider', async () => {
    const matrix: Array<[role: string, method: Method, path: () => string, body: unknown, status: number]> = [
      ['otherAdmin', 'GET', base, undefined, 403],
      ['partner', 'GET', () => `${base()}/${ownLocation.id}`, undefined, 200],
      ['partner', 'GET', () => `${base()}/${foreignLocation.id}`, undefined, 404],
      ['partner', 'PUT', () => `${base()}/${foreignLocation.id}`, { ...valid(), providerId: own.id }, 404],
      ['partner', 'POST', () => `${base()}/${foreignLocation.id}/archive`, undefined, 404],
      ['partner', 'POST', base, { ...valid(), providerId: foreign.id }, 403],
      ['partner', 'POST', base, { ...valid(), providerId: null }, 403],
      ['partner', 'PUT', () => `${base()}/${ownLocation.id}`, { ...valid(), providerId: foreign.id }, 403],
      ['partner', 'PUT', () => `${base()}/${ownLocation.id}`, { ...valid(), name: 'Eigener Standort' }, 200],
      ['partner', 'POST', base, valid(), 201],
      ['office', 'GET', () => `${base()}/${foreignLocation.id}`, undefined, 200],
      ['office', 'POST', base, { ...valid(), providerId: null }, 201],
      ['admin', 'PUT', () => `${base()}/${foreignLocation.id}`, { ...valid(), providerId: foreign.id, name: 'Fremder Standort' }, 200],
    ];
    for (const [role, method, path, body, status] of matrix) {
      const res = await call(role, method, path(), body);
      expect(res.statusCode, `${role} ${method} ${path()} → ${res.body}`).toBe(status);
    }
    const forbidden = await call('partner', 'POST', base(), { ...valid(), providerId: foreign.id });
    expect(forbidden.json().error.field).toBe('providerId');
    const list = await call('partner', 'GET', `${base()}?pageSize=100`);
    const providerIds = new Set(list.json().items.map((l: { providerId: string }) => l.providerId));
    expect([...providerIds]).toEqual([own.id]);
  });

  it("another tenant's locations read as 404; its provider and area cannot be referenced", async () => {
    expect((await call('admin', 'GET', `${base()}/${otherLocation.id}`)).statusCode).toBe(404);
    expect((await call('admin', 'PUT', `${base()}/${otherLocation.id}`, valid())).statusCode).toBe(404);
    expect((await call('admin', 'POST', `${base()}/${otherLocation.id}/archive`)).statusCode).toBe(404);
    const before = await locationCount();
    const p = await call('admin', 'POST', base(), { ...valid(), providerId: otherProvider.id });
    expect(p.statusCode).toBe(400);
    expect(p.json().error.field).toBe('providerId');
    const a = await call('admin', 'POST', base(), { ...valid(), areaId: otherAreaId });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.field).toBe('areaId');
    const moved = await call('admin', 'PUT', `${base()}/${ownLocation.id}`, { ...valid(), areaId: otherAreaId });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.field).toBe('areaId');
    expect(await locationCount()).toBe(before);
  });

  it('the database itself refuses cross-tenant references and rows (composite foreign keys, row-level security)', async () => {
    // Even as the owner (no row-level security) the composite key (tenant_id, provider_id) cannot point elsewhere.
    await expect(
      t.db.system((tx) => tx.db.insert(locations).values({ tenantId: tenant.id, name: 'Schmuggel', providerId: otherProvider.id })),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    await expect(
      t.db.system((tx) => tx.db.insert(locations).values({ tenantId: tenant.id, name: 'Schmuggel', areaId: otherAreaId })),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    // Inside the tenant's transaction a row for another tenant is refused by the policy.
    await expect(
      t.db.tenant(tenant.id, (tx) => tx.db.insert(locations).values({ tenantId: other.id, name: 'Schmuggel', providerId: otherProvider.id })),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    const rows = await t.db.system((tx) => tx.query("SELECT 1 FROM locations WHERE name = 'Schmuggel'"));
    expect(rows).toHaveLength(0);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await locationCount();
    const day = (slots: Array<{ start: string; end: string }>, weekday = 1) => ({ weekday, slots });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X' }, 'body.name'],
      [{ postcode: '6815' }, 'body.postcode'],
      [{ lat: 49.1, lon: null }, 'body.lon'],
      [{ lat: 91, lon: 8 }, 'body.lat'],
      [{ lat: 49, lon: 181 }, 'body.lon'],
      [{ openingHours: [day([{ start: '9:00', end: '12:00' }])] }, 'body.openingHours.0.slots.0.start'],
      [{ openingHours: [day([{ start: '09:00', end: '25:00' }])] }, 'body.openingHours.0.slots.0.end'],
      [{ openingHours: [day([{ start: '12:00', end: '09:00' }])] }, 'body.openingHours.0.slots.0.end'],
      [{ openingHours: [day([{ start: '12:00', end: '12:00' }])] }, 'body.openingHours.0.slots.0.end'],
      [{ openingHours: [day([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }])] }, 'body.openingHours.0.slots.1.start'],
      [{ openingHours: [day([], 2), day([], 2)] }, 'body.openingHours.1.weekday'],
      [{ openingHours: [day([], 8)] }, 'body.openingHours.0.weekday'],
      [{ openingHours: [day([], 0)] }, 'body.openingHours.0.weekday'],
      [{ contacts: [{ name: 'A', role: 'B', email: 'kaputt' }] }, 'body.contacts.0.email'],
      [{ contacts: [{ name: '', role: '' }] }, 'body.contacts.0.name'],
      [{ contacts: [{ role: 'B' }] }, 'body.contacts.0.name'],
      [{ secret: 1 }, 'body'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('admin', 'POST', base(), { ...valid(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.field, JSON.stringify(patch)).toBe(field);
    }
    const put = await call('admin', 'PUT', `${base()}/${ownLocation.id}`, { ...valid(), openingHours: [day([{ start: '18:00', end: '08:00' }])] });
    expect(put.statusCode).toBe(400);
    expect(await locationCount()).toBe(before);
    const [unchanged] = await t.db.system((tx) => tx.query<{ opening_hours: unknown[] }>('SELECT opening_hours FROM locations WHERE id = $1', [ownLocation.id]));
    expect(unchanged!.opening_hours).not.toContainEqual(expect.objectContaining({ slots: [{ start: '18:00', end: '08:00' }] }));
  });

  it('creates, lists with filters, updates and archives a location, with audit entries', async () => {
    const created = await call('office', 'POST', base(), { ...valid(), name: 'Haus der Begegnung', temporarilyClosed: true });
    expect(created.statusCode).toBe(201);
    const loc = created.json();
    expect(loc).toMatchObject({
      providerId: own.id,
      areaId,
      lat: 49.487,
      lon: 8.466,
      barrierFree: true,
      temporarilyClosed: true,
      appointmentOnly: false,
      archived: false,
    });
    expect(loc.providerName).toEqual(expect.any(String));
    // Stored sorted by weekday and start time.
    expect(loc.openingHours).toEqual([
      { weekday: 1, slots: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:00' }] },
      { weekday: 3, slots: [{ start: '14:00', end: '18:00' }], appointmentOnly: true },
    ]);
    expect(loc.contacts).toHaveLength(2);
    expect(loc.contacts[0]).toMatchObject({ officeHours: 'Mo 9–12 Uhr' });

    const byArea = await call('office', 'GET', `${base()}?areaId=${areaId}&q=begegnung`);
    expect(byArea.json().items.map((l: { id: string }) => l.id)).toEqual([loc.id]);
    const byProvider = await call('office', 'GET', `${base()}?providerId=${foreign.id}&pageSize=100`);
    expect(byProvider.json().items.every((l: { providerId: string }) => l.providerId === foreign.id)).toBe(true);
    expect(byProvider.json().items.map((l: { id: string }) => l.id)).not.toContain(loc.id);

    const updated = await call('office', 'PUT', `${base()}/${loc.id}`, { ...valid(), name: 'Haus der Begegnung', lat: null, lon: null, openingHours: [] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ lat: null, lon: null, openingHours: [], temporarilyClosed: false });

    const archived = await call('office', 'POST', `${base()}/${loc.id}/archive`);
    expect(archived.json().archived).toBe(true);
    const listed = await call('office', 'GET', `${base()}?q=begegnung`);
    expect(listed.json().total).toBe(0);
    const again = await call('office', 'POST', `${base()}/${loc.id}/archive`);
    expect(again.statusCode).toBe(200);

    const log = await t.db.system((tx) =>
      tx.query<{ action: string; details: { changes: Record<string, { before: unknown; after: unknown }> } }>(
        'SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at',
        [loc.id],
      ),
    );
    expect(log.map((e) => e.action)).toEqual(['location.created', 'location.updated', 'location.archived']);
    expect(log[1]!.details.changes.lat).toEqual({ before: 49.487, after: null });
    expect(log[1]!.details.changes.temporarilyClosed).toEqual({ before: true, after: false });
    expect(log[1]!.details.changes.name).toBeUndefined();
  });
});
