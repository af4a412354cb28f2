import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('first-steps admin routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const ids = { group: '', field: '', offerA: '', offerB: '', otherGroup: '', otherField: '', otherOffer: '', otherList: '' };
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const url = () => `/api/v1/${tenant.slug}/admin/first-steps`;
  const idOf = async (table: string, tn: Tenant, key: string) =>
    (await t.db.system((tx) => tx.query<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id = $1 AND key = $2`, [tn.id, key])))[0]!.id;
  const listCount = async () => Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM first_steps_lists')))[0]!.n);

  const valid = () => ({
    targetGroupId: ids.group,
    title: { de: 'Erste Schritte für Geflüchtete', en: 'First steps for refugees' },
    intro: { de: 'Was in den ersten Wochen wichtig ist.' },
    steps: [
      { title: { de: 'Anmelden' }, text: { de: 'Beim Bürgerbüro anmelden.' } },
      { title: { de: 'Beratung' }, text: { de: 'Migrationsberatung aufsuchen.' }, fieldId: ids.field, offerIds: [ids.offerA] },
      { title: { de: 'Deutsch lernen' }, text: { de: 'Einen Kurs finden.', en: 'Find a course.' }, offerIds: [ids.offerA, ids.offerB] },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    ids.group = await idOf('target_groups', tenant, 'refugees');
    ids.field = await idOf('fields_of_action', tenant, 'counselling');
    ids.otherGroup = await idOf('target_groups', other, 'refugees');
    ids.otherField = await idOf('fields_of_action', other, 'counselling');
    const provider = await providerFactory(t.db, tenant.id);
    ids.offerA = (await offerFactory(t.db, tenant.id, { providerId: provider.id })).id;
    ids.offerB = (await offerFactory(t.db, tenant.id, { providerId: provider.id })).id;
    ids.otherOffer = (await offerFactory(t.db, other.id)).id;
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    const otherList = await call('otherAdmin', 'POST', `/api/v1/${other.slug}/admin/first-steps`, {
      targetGroupId: ids.otherGroup,
      title: { de: 'Fremde Liste' },
    });
    ids.otherList = otherList.json().id;
  });
  afterAll(() => t.close());

  it('401 without a session, 403 for another tenant', async () => {
    expect((await call(null, 'GET', url())).statusCode).toBe(401);
    expect((await call(null, 'POST', url(), valid())).statusCode).toBe(401);
    expect((await call('otherAdmin', 'GET', url())).statusCode).toBe(403);
  });

  it('access matrix: office roles only', async () => {
    const matrix: Array<[string, Method, number]> = [
      ['partner', 'GET', 403],
      ['partner', 'POST', 403],
      ['office', 'GET', 200],
      ['office', 'POST', 201],
      ['admin', 'POST', 201],
    ];
    for (const [role, method, status] of matrix) {
      const res = await call(role, method, url(), method === 'GET' ? undefined : valid());
      expect(res.statusCode, `${role} ${method} → ${res.body}`).toBe(status);
    }
    const some = (await call('admin', 'GET', url())).json().items[0].id;
    expect((await call('partner', 'GET', `${url()}/${some}`)).statusCode).toBe(403);
    expect((await call('partner', 'DELETE', `${url()}/${some}`)).statusCode).toBe(403);
  });

  it("another tenant's lists read as 404; its target groups, fields and offers cannot be referenced", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', valid()],
      ['DELETE', undefined],
    ] as const) {
      expect((await call('admin', method, `${url()}/${ids.otherList}`, body)).statusCode, method).toBe(404);
    }
    const before = await listCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targetGroupId: ids.otherGroup }, 'targetGroupId'],
      [{ steps: [{ title: { de: 'A' }, fieldId: ids.otherField }] }, 'steps.0.fieldId'],
      [{ steps: [...valid().steps, { title: { de: 'B' }, offerIds: [ids.offerA, ids.otherOffer] }] }, 'steps.3.offerIds'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('admin', 'POST', url(), { ...valid(), ...patch });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await listCount()).toBe(before);
    const [foreign] = await t.db.system((tx) => tx.query<{ title: unknown }>('SELECT title FROM first_steps_lists WHERE id = $1', [ids.otherList]));
    expect(foreign!.title).toEqual({ de: 'Fremde Liste' });
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await listCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targetGroupId: 'nope' }, 'body.targetGroupId'],
      [{ title: { en: 'No German' } }, 'body.title.de'],
      [{ steps: [{ title: { de: '' } }] }, 'body.steps.0.title.de'],
      [{ steps: [{ title: { de: 'A' }, offerIds: [ids.offerA, ids.offerA] }] }, 'body.steps.0.offerIds'],
      [{ steps: [{ title: { de: 'A' }, link: 'x' }] }, 'body.steps.0'],
      [{ status: 'hidden' }, 'body.status'],
      [{ steps: [{ title: { de: 'A', xx: 'unbekannt' } }] }, 'steps.0.title.xx'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('admin', 'POST', url(), { ...valid(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.field, JSON.stringify(patch)).toBe(field);
    }
    expect(await listCount()).toBe(before);
  });

  it('creates, reads, updates and deletes a list, with audit entries', async () => {
    const created = await call('office', 'POST', url(), { ...valid(), status: 'draft', sort: 3 });
    expect(created.statusCode).toBe(201);
    const list = created.json();
    expect(list).toMatchObject({ targetGroupId: ids.group, status: 'draft', sort: 3, intro: { de: 'Was in den ersten Wochen wichtig ist.' } });
    expect(list.steps).toEqual([
      { title: { de: 'Anmelden' }, text: { de: 'Beim Bürgerbüro anmelden.' }, fieldId: null, offerIds: [] },
      { title: { de: 'Beratung' }, text: { de: 'Migrationsberatung aufsuchen.' }, fieldId: ids.field, offerIds: [ids.offerA] },
      { title: { de: 'Deutsch lernen' }, text: { de: 'Einen Kurs finden.', en: 'Find a course.' }, fieldId: null, offerIds: [ids.offerA, ids.offerB] },
    ]);
    const read = await call('office', 'GET', `${url()}/${list.id}`);
    expect(read.json()).toEqual(list);
    const filtered = await call('office', 'GET', `${url()}?targetGroupId=${ids.group}`);
    expect(filtered.json().items.map((l: { id: string }) => l.id)).toContain(list.id);

    const updated = await call('office', 'PUT', `${url()}/${list.id}`, { ...valid(), steps: valid().steps.slice(1), status: 'published' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().steps).toHaveLength(2);
    expect(updated.json().status).toBe('published');

    const del = await call('admin', 'DELETE', `${url()}/${list.id}`);
    expect(del.json()).toEqual({ id: list.id, deleted: true });
    expect((await call('admin', 'GET', `${url()}/${list.id}`)).statusCode).toBe(404);

    const log = await t.db.system((tx) =>
      tx.query<{ action: string; details: { changes: Record<string, { before: unknown; after: unknown }> } }>(
        'SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at',
        [list.id],
      ),
    );
    expect(log.map((e) => e.action)).toEqual(['first_steps_list.created', 'first_steps_list.updated', 'first_steps_list.deleted']);
    expect(Object.keys(log[1]!.details.changes).sort()).toEqual(['sort', 'status', 'steps']);
    expect(log[1]!.details.changes.status).toEqual({ before: 'draft', after: 'published' });
  });

  it('a target group or field of action used by a list cannot be deleted', async () => {
    const group = await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/target-groups`, { key: 'pupils', names: { de: 'Schülerinnen und Schüler' } });
    const field = await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/fields-of-action`, { key: 'sports', names: { de: 'Sport' } });
    await call('admin', 'POST', url(), { targetGroupId: group.json().id, title: { de: 'Schule' }, steps: [{ title: { de: 'Verein' }, fieldId: field.json().id }] });
    const g = await call('admin', 'DELETE', `/api/v1/${tenant.slug}/admin/target-groups/${group.json().id}`);
    expect(g.statusCode).toBe(409);
    expect(g.json().error.message).toContain('1 first-steps list');
    const f = await call('admin', 'DELETE', `/api/v1/${tenant.slug}/admin/fields-of-action/${field.json().id}`);
    expect(f.statusCode).toBe(409);
  });
});
