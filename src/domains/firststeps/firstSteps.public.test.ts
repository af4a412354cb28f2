import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstStepsResult } from '../../shared/contracts/offerPublic.ts';
import { offerFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { areas, fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { firstStepsLists } from './firstSteps.table.ts';

describe('public first steps', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const field: Record<string, string> = {};
  const group: Record<string, string> = {};
  const area: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenantFactory(t.db);
    b = await tenantFactory(t.db);
    await t.db.tenant(a.id, async (tx) => {
      for (const f of await tx.db.select().from(fieldsOfAction)) field[f.key] = f.id;
      for (const g of await tx.db.select().from(targetGroups)) group[g.key] = g.id;
      for (const x of await tx.db.select().from(areas)) area[x.key] = x.id;
    });
    ids.course = (await offerFactory(t.db, a.id, { texts: { de: { title: 'Integrationskurs' }, en: { title: 'Integration course' } }, fieldKeys: ['language'], targetGroupKeys: ['refugees'] })).id;
    ids.draft = (await offerFactory(t.db, a.id, { status: 'draft', texts: { de: { title: 'Entwurf' } }, fieldKeys: ['language'], targetGroupKeys: ['refugees'] })).id;
    ids.counselling = (await offerFactory(t.db, a.id, { texts: { de: { title: 'Migrationsberatung' } }, fieldKeys: ['counselling'], targetGroupKeys: ['refugees'] })).id;
    ids.northHousing = (
      await offerFactory(t.db, a.id, { texts: { de: { title: 'Wohnberatung Nord' } }, fieldKeys: ['housing'], targetGroupKeys: ['refugees'], areaIds: [area.nordstadt!] })
    ).id;
    ids.southHousing = (
      await offerFactory(t.db, a.id, { texts: { de: { title: 'Wohnberatung Süd' } }, fieldKeys: ['housing'], targetGroupKeys: ['refugees'], areaIds: [area.suedstadt!] })
    ).id;
    ids.womenOnly = (await offerFactory(t.db, a.id, { texts: { de: { title: 'Frauentreff' } }, fieldKeys: ['participation'], targetGroupKeys: ['women'] })).id;
    ids.otherTenant = (await offerFactory(t.db, b.id, { texts: { de: { title: 'Fremd' } } })).id;
    await t.db.tenant(a.id, (tx) =>
      tx.db.insert(firstStepsLists).values([
        {
          tenantId: a.id,
          targetGroupId: group.refugees!,
          title: { de: 'Erste Schritte für Geflüchtete', en: 'First steps for refugees' },
          intro: { de: 'Willkommen!' },
          steps: [
            { title: { de: 'Deutsch lernen', en: 'Learn German' }, text: { de: 'Melden Sie sich an.' }, fieldId: field.language, offerIds: [ids.course!, ids.draft!, ids.otherTenant!] },
            { title: { de: 'Beratung' }, text: { de: 'Lassen Sie sich beraten.' }, fieldId: null, offerIds: [ids.counselling!] },
          ],
          sort: 1,
        },
        { tenantId: a.id, targetGroupId: group.women!, title: { de: 'Für Frauen' }, intro: { de: '' }, steps: [], status: 'draft', sort: 0 },
        { tenantId: a.id, targetGroupId: group.parents!, title: { de: 'Für Eltern' }, intro: { de: '' }, steps: [], sort: 0 },
      ]),
    );
  });
  afterAll(() => t.close());

  const get = (tenant: Tenant, query: string) => t.app.inject(`/api/v1/${tenant.slug}/first-steps?${query}`);

  it('rejects bad input and unknown tenants', async () => {
    expect((await t.app.inject(`/api/v1/nowhere/first-steps?targetGroup=${group.refugees}`)).json().error.code).toBe('unknown_tenant');
    const missing = await get(a, '');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toContain('targetGroup');
    const bad = await get(a, 'targetGroup=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('targetGroup');
    expect((await get(a, `targetGroup=${group.refugees}&area=x`)).json().error.field).toContain('area');
    expect((await get(a, `targetGroup=${group.refugees}&lang=xx`)).json().error).toMatchObject({ code: 'unknown_language', field: 'lang' });
  });

  it('answers 404 for a target group without a published list (and for other tenants)', async () => {
    expect((await get(a, `targetGroup=${group.women}`)).statusCode).toBe(404);
    expect((await get(a, `targetGroup=${randomUUID()}`)).statusCode).toBe(404);
    expect((await get(b, `targetGroup=${group.refugees}`)).statusCode).toBe(404);
  });

  it('shows the steps with their published offers and further offers for need and area', async () => {
    const res = await get(a, `targetGroup=${group.refugees}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const r = res.json() as FirstStepsResult;
    expect(r).toMatchObject({ lang: 'en', targetGroupId: group.refugees, title: 'First steps for refugees', intro: 'Willkommen!' });
    expect(r.steps.map((s) => s.title)).toEqual(['Learn German', 'Beratung']);
    expect(r.steps[0]!.fieldId).toBe(field.language);
    expect(r.steps[0]!.offers.map((o) => o.id)).toEqual([ids.course]);
    expect(r.steps[0]!.offers[0]).toMatchObject({ title: 'Integration course', lang: 'en', fallback: false });
    expect(r.steps[1]!.offers.map((o) => o.id)).toEqual([ids.counselling]);
    // Further offers: the target group's other published offers, not those already in the steps.
    expect(new Set(r.offers.map((o) => o.id))).toEqual(new Set([ids.northHousing, ids.southHousing]));
  });

  it('narrows further offers by need and area', async () => {
    const byField = (await get(a, `targetGroup=${group.refugees}&field=${field.housing}`)).json() as FirstStepsResult;
    expect(new Set(byField.offers.map((o) => o.id))).toEqual(new Set([ids.northHousing, ids.southHousing]));
    const byArea = (await get(a, `targetGroup=${group.refugees}&field=${field.housing}&area=${area.nordstadt}`)).json() as FirstStepsResult;
    expect(byArea.offers.map((o) => o.id)).toEqual([ids.northHousing]);
    const none = (await get(a, `targetGroup=${group.refugees}&field=${field.health}`)).json() as FirstStepsResult;
    expect(none.offers).toEqual([]);
    expect(none.steps).toHaveLength(2);
  });

  it('lists the target groups that have a published list', async () => {
    const res = await t.app.inject(`/api/v1/${a.slug}/first-steps/lists?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { targetGroupId: group.parents, title: 'Für Eltern' },
      { targetGroupId: group.refugees, title: 'First steps for refugees' },
    ]);
    expect((await t.app.inject(`/api/v1/${b.slug}/first-steps/lists`)).json()).toEqual([]);
    expect((await t.app.inject(`/api/v1/${a.slug}/first-steps/lists?lang=xx`)).statusCode).toBe(400);
  });
});
