import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, offerFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The three office-kept lists behave alike; each row says how to make a valid entry. */
const RESOURCES = [
  { path: 'fields-of-action', table: 'fields_of_action', offerKey: 'fieldIds', valid: (key: string) => ({ key, names: { de: 'Mobilität', en: 'Mobility' }, icon: 'bus', color: '#123456', sort: 20 }) },
  { path: 'target-groups', table: 'target_groups', offerKey: 'targetGroupIds', valid: (key: string) => ({ key, names: { de: 'Auszubildende' }, sort: 20 }) },
  { path: 'areas', table: 'areas', offerKey: 'areaIds', valid: (key: string) => ({ key, kind: 'municipality', names: { de: 'Neudorf', tr: 'Neudorf' }, lat: 49.3, lon: 8.4 }) },
] as const;

describe('taxonomy admin routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rowsOf = (table: string, tenantId: string) =>
    t.db.system((tx) => tx.query<{ id: string; key: string }>(`SELECT id, key FROM ${table} WHERE tenant_id = $1 ORDER BY key`, [tenantId]));

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db, { languages: ['de', 'en', 'tr'] });
    other = await tenantFactory(t.db);
    const provider = await providerFactory(t.db, tenant.id);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
  });
  afterAll(() => t.close());

  for (const r of RESOURCES) {
    describe(r.path, () => {
      const url = () => `/api/v1/${tenant.slug}/admin/${r.path}`;

      it('401 without a session, 403 for another tenant', async () => {
        expect((await call(null, 'GET', url())).statusCode).toBe(401);
        expect((await call(null, 'POST', url(), r.valid('x1'))).statusCode).toBe(401);
        expect((await call('otherAdmin', 'GET', url())).statusCode).toBe(403);
      });

      it('access matrix: partners read, only the office writes', async () => {
        const [existing] = await rowsOf(r.table, tenant.id);
        const matrix: Array<[string, Method, () => string, unknown, number]> = [
          ['partner', 'GET', url, undefined, 200],
          ['partner', 'POST', url, r.valid('partner-made'), 403],
          ['partner', 'PUT', () => `${url()}/${existing!.id}`, r.valid(existing!.key), 403],
          ['partner', 'DELETE', () => `${url()}/${existing!.id}`, undefined, 403],
          ['office', 'POST', url, r.valid('office-made'), 201],
          ['admin', 'POST', url, r.valid('admin-made'), 201],
        ];
        for (const [role, method, path, body, status] of matrix) {
          const res = await call(role, method, path(), body);
          expect(res.statusCode, `${role} ${method} ${path()} → ${res.body}`).toBe(status);
        }
        expect((await rowsOf(r.table, tenant.id)).map((x) => x.key)).not.toContain('partner-made');
      });

      it("another tenant's entries read as 404 and stay untouched", async () => {
        const [foreign] = await rowsOf(r.table, other.id);
        const put = await call('admin', 'PUT', `${url()}/${foreign!.id}`, r.valid('hijack'));
        expect(put.statusCode).toBe(404);
        const del = await call('admin', 'DELETE', `${url()}/${foreign!.id}`);
        expect(del.statusCode).toBe(404);
        expect((await rowsOf(r.table, other.id)).map((x) => x.id)).toContain(foreign!.id);
        const list = await call('admin', 'GET', url());
        expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(foreign!.id);
      });

      it('bad input is a 400 naming the field, a duplicate key a 409, and nothing is written', async () => {
        const before = await rowsOf(r.table, tenant.id);
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ names: { en: 'Only English' } }, 'body.names.de'],
          [{ names: { de: '' } }, 'body.names.de'],
          [{ key: 'Has Spaces' }, 'body.key'],
          [{ key: 'x' }, 'body.key'],
          [{ extra: true }, 'body'],
        ];
        for (const [patch, field] of cases) {
          const res = await call('admin', 'POST', url(), { ...r.valid('bad-input'), ...patch });
          expect(res.statusCode, JSON.stringify(patch)).toBe(400);
          expect(res.json().error.field).toBe(field);
        }
        const lang = await call('admin', 'POST', url(), { ...r.valid('bad-lang'), names: { de: 'Gut', ar: 'غير متاح' } });
        expect(lang.statusCode).toBe(400);
        expect(lang.json().error.field).toBe('names.ar');
        const dup = await call('admin', 'POST', url(), r.valid(before[0]!.key));
        expect(dup.statusCode).toBe(409);
        expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'key' });
        const renameToDup = await call('admin', 'PUT', `${url()}/${before[1]!.id}`, r.valid(before[0]!.key));
        expect(renameToDup.statusCode).toBe(409);
        expect(renameToDup.json().error.field).toBe('key');
        expect(await rowsOf(r.table, tenant.id)).toEqual(before);
      });

      it('creates, renames and deletes an unused entry; refuses to delete one in use, naming the count', async () => {
        const created = await call('office', 'POST', url(), r.valid('fresh'));
        expect(created.statusCode).toBe(201);
        const entry = created.json();
        expect(entry).toMatchObject({ key: 'fresh', offerCount: 0 });
        const renamed = await call('office', 'PUT', `${url()}/${entry.id}`, { ...r.valid('fresh-key'), names: { de: 'Neu benannt' } });
        expect(renamed.statusCode).toBe(200);
        expect(renamed.json()).toMatchObject({ key: 'fresh-key', names: { de: 'Neu benannt' } });

        await offerFactory(t.db, tenant.id, { [r.offerKey]: [entry.id] });
        await offerFactory(t.db, tenant.id, { [r.offerKey]: [entry.id], status: 'archived' });
        const list = await call('partner', 'GET', url());
        expect(list.json().items.find((x: { id: string }) => x.id === entry.id).offerCount).toBe(2);
        const refused = await call('office', 'DELETE', `${url()}/${entry.id}`);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.message).toContain('2 offer');
        expect((await rowsOf(r.table, tenant.id)).map((x) => x.id)).toContain(entry.id);

        const unused = (await call('office', 'POST', url(), r.valid('unused'))).json();
        const del = await call('office', 'DELETE', `${url()}/${unused.id}`);
        expect(del.statusCode).toBe(200);
        expect(del.json()).toEqual({ id: unused.id, deleted: true });
        expect((await rowsOf(r.table, tenant.id)).map((x) => x.id)).not.toContain(unused.id);

        const log = await t.db.system((tx) =>
          tx.query<{ action: string; details: { changes: Record<string, { before: unknown; after: unknown }> } }>(
            'SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at',
            [entry.id],
          ),
        );
        expect(log.map((e) => e.action.split('.')[1])).toEqual(['created', 'updated']);
        expect(log[1]!.details.changes.key).toEqual({ before: 'fresh', after: 'fresh-key' });
        const deletedLog = await t.db.system((tx) => tx.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1', [unused.id]));
        expect(deletedLog.map((e) => e.action.split('.')[1])).toEqual(['created', 'deleted']);
      });
    });
  }

  it('an area used by a location cannot be deleted', async () => {
    const area = (await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/areas`, RESOURCES[2].valid('with-location'))).json();
    await locationFactory(t.db, tenant.id, { areaId: area.id });
    const res = await call('admin', 'DELETE', `/api/v1/${tenant.slug}/admin/areas/${area.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('1 location');
  });

  it('areas keep latitude and longitude together', async () => {
    const res = await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/areas`, { ...RESOURCES[2].valid('half'), lon: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body.lon');
  });

  describe('synonyms', () => {
    const url = () => `/api/v1/${tenant.slug}/admin/synonyms`;
    const count = async () => Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM synonym_groups')))[0]!.n);

    it('401, 403 and the access matrix', async () => {
      expect((await call(null, 'GET', url())).statusCode).toBe(401);
      expect((await call('otherAdmin', 'GET', url())).statusCode).toBe(403);
      const group = { terms: ['Deutschkurs', 'Sprachkurs'] };
      const matrix: Array<[string, Method, number]> = [
        ['partner', 'GET', 200],
        ['partner', 'POST', 403],
        ['office', 'POST', 201],
        ['admin', 'POST', 201],
      ];
      for (const [role, method, status] of matrix) {
        const res = await call(role, method, url(), method === 'GET' ? undefined : group);
        expect(res.statusCode, `${role} ${method}`).toBe(status);
      }
    });

    it("another tenant's groups read as 404", async () => {
      const foreign = await call('otherAdmin', 'POST', `/api/v1/${other.slug}/admin/synonyms`, { terms: ['Kita', 'Kindergarten'] });
      expect(foreign.statusCode).toBe(201);
      const id = foreign.json().id;
      expect((await call('admin', 'PUT', `${url()}/${id}`, { terms: ['aa', 'bb'] })).statusCode).toBe(404);
      expect((await call('admin', 'DELETE', `${url()}/${id}`)).statusCode).toBe(404);
      expect((await call('admin', 'GET', url())).json().items.map((g: { id: string }) => g.id)).not.toContain(id);
      expect((await call('otherAdmin', 'GET', `/api/v1/${other.slug}/admin/synonyms`)).json().items[0].terms).toEqual(['Kita', 'Kindergarten']);
    });

    it('bad input is a 400 naming the field and nothing is written', async () => {
      const before = await count();
      const cases: Array<[unknown, string]> = [
        [{ terms: ['Deutschkurs'] }, 'body.terms'],
        [{ terms: ['Deutschkurs', ' deutschkurs ', 'DEUTSCHKURS'] }, 'body.terms'],
        [{ terms: ['Deutschkurs', 'x'] }, 'body.terms.1'],
        [{ terms: ['Deutschkurs', 'y'.repeat(61)] }, 'body.terms.1'],
        [{ terms: Array.from({ length: 21 }, (_, i) => `Begriff ${i}`) }, 'body.terms'],
        [{ terms: ['aa', 'bb'], note: 'x' }, 'body'],
        [{}, 'body.terms'],
      ];
      for (const [body, field] of cases) {
        const res = await call('admin', 'POST', url(), body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field, JSON.stringify(body)).toBe(field);
      }
      expect(await count()).toBe(before);
    });

    it('trims and deduplicates terms, updates and deletes, with audit entries', async () => {
      const created = await call('office', 'POST', url(), { terms: ['  Wohnungssuche ', 'wohnungssuche', 'Wohnung finden', 'Mietwohnung'] });
      expect(created.statusCode).toBe(201);
      const group = created.json();
      expect(group.terms).toEqual(['Wohnungssuche', 'Wohnung finden', 'Mietwohnung']);
      const updated = await call('office', 'PUT', `${url()}/${group.id}`, { terms: ['Wohnungssuche', 'Mietwohnung'] });
      expect(updated.json().terms).toEqual(['Wohnungssuche', 'Mietwohnung']);
      const del = await call('office', 'DELETE', `${url()}/${group.id}`);
      expect(del.statusCode).toBe(200);
      expect((await call('office', 'GET', url())).json().items.map((g: { id: string }) => g.id)).not.toContain(group.id);
      const log = await t.db.system((tx) =>
        tx.query<{ action: string; details: { changes: { terms: { before: unknown; after: unknown } } } }>(
          'SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at',
          [group.id],
        ),
      );
      expect(log.map((e) => e.action)).toEqual(['synonym_group.created', 'synonym_group.updated', 'synonym_group.deleted']);
      expect(log[1]!.details.changes.terms).toEqual({ before: ['Wohnungssuche', 'Wohnung finden', 'Mietwohnung'], after: ['Wohnungssuche', 'Mietwohnung'] });
    });
  });
});
