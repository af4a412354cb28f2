import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferSearchResult } from '../../shared/contracts/offerPublic.ts';
import { locationFactory, offerFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { locations } from '../providers/provider.table.ts';
import { fieldsOfAction } from '../taxonomy/taxonomy.table.ts';
import { offers } from './offer.table.ts';
import { facetIndexFor } from './search/facetIndex.ts';
import { contentGeneration } from './search/publicCache.ts';

/** The in-memory facet index behind the public search: rebuilt when content changes, per tenant. */
describe('public search index', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const field: Record<string, string> = {};

  const search = async (tenant: Tenant, query: string) => {
    const res = await t.app.inject(`/api/v1/${tenant.slug}/offers${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as OfferSearchResult;
  };
  const idsOf = (r: OfferSearchResult) => r.items.map((i) => i.id);
  const countOf = (list: { value: string; count: number }[], value: string) => list.find((f) => f.value === value)?.count ?? 0;
  const publish = (tenant: Tenant, id: string, status: 'published' | 'archived') =>
    t.db.tenant(tenant.id, (tx) => tx.db.update(offers).set({ status, updatedAt: new Date() }).where(eq(offers.id, id)));

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenantFactory(t.db);
    b = await tenantFactory(t.db);
    await t.db.tenant(a.id, async (tx) => {
      for (const f of await tx.db.select().from(fieldsOfAction)) field[f.key] = f.id;
    });
    await offerFactory(t.db, a.id, { texts: { de: { title: 'Sprachcafé am Markt' } }, fieldKeys: ['language'] });
    await offerFactory(t.db, a.id, { texts: { de: { title: 'Mieterberatung' } }, fieldKeys: ['housing'], freeOfCharge: true });
    await offerFactory(t.db, b.id, { texts: { de: { title: 'Sprachcafé anderswo' } }, fieldKeys: ['language'] });
  });
  afterAll(() => t.close());

  it('shows a newly published offer in totals, facets and filter-only results on the next request', async () => {
    const before = await search(a, '');
    const filteredBefore = await search(a, `field=${field.language}&free=true`);
    const offer = await offerFactory(t.db, a.id, { status: 'draft', texts: { de: { title: 'Nähcafé' } }, fieldKeys: ['language'], freeOfCharge: true });
    expect((await search(a, '')).total).toBe(before.total);
    await publish(a, offer.id, 'published');
    const after = await search(a, '');
    expect(after.total).toBe(before.total + 1);
    expect(countOf(after.facets.field, field.language!)).toBe(countOf(before.facets.field, field.language!) + 1);
    expect(after.facets.free).toBe(before.facets.free + 1);
    // Newest first without text: the offer just published leads.
    expect(idsOf(after)[0]).toBe(offer.id);
    const filtered = await search(a, `field=${field.language}&free=true`);
    expect(filtered.total).toBe(filteredBefore.total + 1);
    expect(idsOf(filtered)).toContain(offer.id);
  });

  it('drops an unpublished offer from every answer on the next request, text matches included', async () => {
    const offer = await offerFactory(t.db, a.id, { texts: { de: { title: 'Fahrradwerkstatt' } }, fieldKeys: ['housing'] });
    expect(idsOf(await search(a, 'q=Fahrradwerkstatt'))).toEqual([offer.id]);
    expect(idsOf(await search(a, `q=Fahrradwerkstatt&field=${field.housing}`))).toEqual([offer.id]);
    const all = await search(a, 'pageSize=100');
    expect(idsOf(all)).toContain(offer.id);
    await publish(a, offer.id, 'archived');
    expect((await search(a, 'q=Fahrradwerkstatt')).total).toBe(0);
    expect((await search(a, `q=Fahrradwerkstatt&field=${field.housing}&pageSize=30`)).total).toBe(0);
    const after = await search(a, 'pageSize=100');
    expect(idsOf(after)).not.toContain(offer.id);
    expect(after.total).toBe(all.total - 1);
    expect(countOf(after.facets.field, field.housing!)).toBe(countOf(all.facets.field, field.housing!) - 1);
  });

  it('follows changed filter attributes and moved places', async () => {
    const place = await locationFactory(t.db, a.id, { name: 'Treff', lat: 49.0, lon: 8.0 });
    const offer = await offerFactory(t.db, a.id, { texts: { de: { title: 'Radtreff' } }, fieldKeys: ['language'], locationIds: [place.id] });
    const farPlace = await locationFactory(t.db, a.id, { name: 'Fern', lat: 50.0, lon: 8.0 });
    const far = await offerFactory(t.db, a.id, { texts: { de: { title: 'Ferntreff' } }, locationIds: [farPlace.id] });
    const near = await search(a, 'sort=distance&lat=49.0&lon=8.0');
    expect(idsOf(near)[0]).toBe(offer.id);
    expect(near.items[0]!.distanceKm).toBe(0);
    expect(idsOf(near)[1]).toBe(far.id);
    await t.db.tenant(a.id, (tx) => tx.db.update(offers).set({ fieldIds: [field.housing!] }).where(eq(offers.id, offer.id)));
    expect(idsOf(await search(a, `field=${field.language}&pageSize=100`))).not.toContain(offer.id);
    expect(idsOf(await search(a, `field=${field.housing}&pageSize=100`))).toContain(offer.id);
    await t.db.tenant(a.id, (tx) => tx.db.update(locations).set({ archivedAt: new Date() }).where(eq(locations.id, place.id)));
    const moved = await search(a, 'sort=distance&lat=49.0&lon=8.0&pageSize=100');
    // Without an active located place the offer sorts after every located one and shows no distance.
    expect(idsOf(moved)[0]).toBe(far.id);
    expect(moved.items.find((i) => i.id === offer.id)!.distanceKm).toBeNull();
  });

  it('keeps one index per tenant and generation, shares concurrent builds and holds only published offers of its tenant', async () => {
    const generation = await contentGeneration(t.db);
    const [x, y] = await Promise.all([facetIndexFor(t.db, a.id, generation), facetIndexFor(t.db, a.id, generation)]);
    expect(x).toBe(y);
    expect(await facetIndexFor(t.db, a.id, generation)).toBe(x);
    const visible = await search(a, 'pageSize=100');
    expect(x.size).toBe(visible.total);
    expect([...x.ids].sort()).toEqual(idsOf(visible).sort());
    const other = await facetIndexFor(t.db, b.id, generation);
    expect(other.ids).toEqual(idsOf(await search(b, '')));
    expect(other.ids.some((id) => x.ids.includes(id))).toBe(false);
    await offerFactory(t.db, a.id, { texts: { de: { title: 'Neues Angebot' } } });
    const next = await contentGeneration(t.db);
    expect(next).not.toBe(generation);
    const rebuilt = await facetIndexFor(t.db, a.id, next);
    expect(rebuilt).not.toBe(x);
    expect(rebuilt.size).toBe(x.size + 1);
    // A request that read the older generation gets the newer index, never an older one.
    expect(await facetIndexFor(t.db, a.id, generation)).toBe(rebuilt);
  });
});
