import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferCard, OfferDetail, OfferSearchResult } from '../../shared/contracts/offerPublic.ts';
import { locationFactory, offerFactory, providerFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { areas, fieldsOfAction, synonymGroups, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { offers } from './offer.table.ts';

describe('public offer routes', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const field: Record<string, string> = {};
  const group: Record<string, string> = {};
  const area: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const search = async (tenant: Tenant, query: string) => {
    const res = await t.app.inject(`/api/v1/${tenant.slug}/offers${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as OfferSearchResult;
  };
  const idsOf = (r: OfferSearchResult) => r.items.map((i) => i.id);
  const countOf = (list: { value: string; count: number }[], value: string) => list.find((f) => f.value === value)?.count ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenantFactory(t.db);
    b = await tenantFactory(t.db);
    await t.db.tenant(a.id, async (tx) => {
      for (const f of await tx.db.select().from(fieldsOfAction)) field[f.key] = f.id;
      for (const g of await tx.db.select().from(targetGroups)) group[g.key] = g.id;
      for (const x of await tx.db.select().from(areas)) area[x.key] = x.id;
      await tx.db.insert(synonymGroups).values({ tenantId: a.id, terms: ['Sprachkurs', 'Deutschkurs'] });
    });
    const provider = await providerFactory(t.db, a.id, { name: 'Volkshochschule Teststadt', website: 'https://vhs.example.org', email: 'info@vhs.example.org', town: 'Teststadt' });
    const near = await locationFactory(t.db, a.id, {
      providerId: provider.id,
      name: 'VHS Nordstadt',
      areaId: area.nordstadt,
      lat: 49.49,
      lon: 8.47,
      barrierFree: true,
      appointmentOnly: true,
      openingHours: [{ weekday: 1, slots: [{ start: '09:00', end: '12:00' }] }],
      contacts: [{ name: 'Frau Beispiel', role: 'Kursberatung', email: 'kurs@vhs.example.org' }],
    });
    const far = await locationFactory(t.db, a.id, { providerId: provider.id, name: 'VHS Südstadt', areaId: area.suedstadt, lat: 49.6, lon: 8.47, temporarilyClosed: true });
    ids.deutsch = (
      await offerFactory(t.db, a.id, {
        providerId: provider.id,
        texts: {
          de: { title: 'Deutschkurs für Anfänger', summary: 'Deutsch lernen am Vormittag.' },
          uk: { title: 'Курс німецької мови для початківців', summary: 'Вивчення німецької мови вранці.' },
          ar: { title: 'دورة اللغة الألمانية للمبتدئين', summary: 'تعلم الألمانية في الصباح.' },
        },
        fieldKeys: ['language'],
        targetGroupKeys: ['women', 'refugees'],
        areaIds: [area.nordstadt!],
        locationIds: [near.id],
        languages: ['de', 'uk'],
        freeOfCharge: true,
        signupUrl: 'https://vhs.example.org/anmeldung',
      })
    ).id;
    ids.integration = (
      await offerFactory(t.db, a.id, {
        providerId: provider.id,
        texts: { de: { title: 'Integrationskurse am Abend', summary: 'Kurse mit Kinderbetreuung.' } },
        fieldKeys: ['language'],
        targetGroupKeys: ['refugees'],
        areaIds: [area.suedstadt!],
        locationIds: [far.id],
        childcare: true,
      })
    ).id;
    ids.housing = (
      await offerFactory(t.db, a.id, {
        texts: { de: { title: 'Wohnungssuche und Mietrecht', summary: 'Hilfe bei der Suche nach einer Wohnung.' }, en: { title: 'Finding a flat', summary: 'Help with tenancy law.' } },
        fieldKeys: ['housing'],
        targetGroupKeys: ['refugees'],
        barrierFree: true,
        online: true,
        inPerson: false,
        languages: ['de', 'en', 'ar'],
      })
    ).id;
    ids.women = (
      await offerFactory(t.db, a.id, {
        texts: { de: { title: 'Beratung für Frauen', summary: 'Vertrauliche Beratung.' } },
        fieldKeys: ['counselling'],
        targetGroupKeys: ['women'],
      })
    ).id;
    ids.draft = (await offerFactory(t.db, a.id, { status: 'draft', publishedAt: null, texts: { de: { title: 'Deutschkurs Entwurf geheim' } }, fieldKeys: ['language'] })).id;
    ids.archived = (await offerFactory(t.db, a.id, { status: 'archived', texts: { de: { title: 'Deutschkurs archiviert geheim' } } })).id;
    ids.otherTenant = (
      await offerFactory(t.db, b.id, { texts: { de: { title: 'Deutschkurs für Anfänger' }, uk: { title: 'Курс німецької мови' } }, fieldKeys: ['language'] })
    ).id;
  });
  afterAll(() => t.close());

  describe('search: input errors', () => {
    it('answers 404 unknown_tenant for an unknown tenant', async () => {
      const res = await t.app.inject('/api/v1/no-such-town/offers?q=kurs');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('unknown_tenant');
    });

    it('answers 400 unknown_language naming lang for a language the tenant does not offer', async () => {
      const res = await t.app.inject(`/api/v1/${a.slug}/offers?lang=fr`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'unknown_language', field: 'lang' });
    });

    it('answers 400 naming q for a query longer than 200 characters', async () => {
      const res = await t.app.inject(`/api/v1/${a.slug}/offers?q=${'a'.repeat(201)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toContain('q');
    });

    it('answers 400 naming the filter for a malformed uuid', async () => {
      for (const name of ['field', 'targetGroup', 'area']) {
        const res = await t.app.inject(`/api/v1/${a.slug}/offers?${name}=not-a-uuid`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.field).toContain(name);
      }
    });

    it('answers 400 for unknown parameters and for sort=distance without a position', async () => {
      expect((await t.app.inject(`/api/v1/${a.slug}/offers?foo=1`)).statusCode).toBe(400);
      const res = await t.app.inject(`/api/v1/${a.slug}/offers?sort=distance`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toContain('lat');
    });
  });

  describe('search: matching', () => {
    it('finds the singular through German plural and inflection (stemming)', async () => {
      expect(idsOf(await search(a, 'q=Deutschkurse'))).toContain(ids.deutsch);
      expect(idsOf(await search(a, 'q=Integrationskurs'))).toContain(ids.integration);
      expect(idsOf(await search(a, 'q=Wohnungen'))).toContain(ids.housing);
    });

    it('tolerates typos', async () => {
      expect(idsOf(await search(a, 'q=Intgrationskurse'))).toContain(ids.integration);
      expect(idsOf(await search(a, 'q=Wohnungsuche'))).toContain(ids.housing);
    });

    it('widens the query with the office\'s synonyms and reports them', async () => {
      const r = await search(a, 'q=Sprachkurs');
      expect(idsOf(r)).toContain(ids.deutsch);
      expect(r.expandedTerms).toContain('deutschkurs');
      expect((await search(a, 'q=Wohnung')).expandedTerms).toEqual([]);
    });

    it('matches across translations and answers in the requested language', async () => {
      const uk = await search(a, `q=${encodeURIComponent('німецької')}&lang=uk`);
      expect(idsOf(uk)).toEqual([ids.deutsch]);
      expect(uk.items[0]).toMatchObject({ title: 'Курс німецької мови для початківців', lang: 'uk', fallback: false });
      const germanWordUkrainianAnswer = await search(a, 'q=Deutschkurs&lang=uk');
      expect(idsOf(germanWordUkrainianAnswer)).toContain(ids.deutsch);
      expect(germanWordUkrainianAnswer.items.find((i) => i.id === ids.deutsch)?.title).toBe('Курс німецької мови для початківців');
      const ar = await search(a, `q=${encodeURIComponent('الألمانية')}&lang=ar`);
      expect(idsOf(ar)).toContain(ids.deutsch);
    });

    it('falls back to the default language and says so', async () => {
      const r = await search(a, 'q=Beratung&lang=en');
      const card = r.items.find((i) => i.id === ids.women);
      expect(card).toMatchObject({ title: 'Beratung für Frauen', lang: 'de', fallback: true });
      const housing = (await search(a, 'q=Wohnung&lang=en')).items.find((i) => i.id === ids.housing);
      expect(housing).toMatchObject({ title: 'Finding a flat', lang: 'en', fallback: false });
    });

    it('puts exact title hits first', async () => {
      const r = await search(a, `q=${encodeURIComponent('Deutschkurs für Anfänger')}`);
      expect(r.items[0]?.id).toBe(ids.deutsch);
    });

    it('finds nothing for text without searchable words, and never errors on operators', async () => {
      expect((await search(a, 'q=die')).total).toBe(0);
      for (const q of ['"', '!', '& | !', "'", 'or', '-kurs', '"deutsch kurs"', '<->', ':*', '\\']) {
        await search(a, `q=${encodeURIComponent(q)}`);
      }
    });
  });

  describe('search: visibility', () => {
    it('never shows unpublished offers', async () => {
      const r = await search(a, 'q=geheim');
      expect(r.total).toBe(0);
      const all = await search(a, 'pageSize=100');
      expect(idsOf(all)).not.toContain(ids.draft);
      expect(idsOf(all)).not.toContain(ids.archived);
      expect(all.total).toBe(4);
    });

    it('never shows another tenant\'s offers', async () => {
      const r = await search(a, 'q=Deutschkurs&pageSize=100');
      expect(idsOf(r)).not.toContain(ids.otherTenant);
      const other = await search(b, 'q=Deutschkurs&pageSize=100');
      expect(idsOf(other)).toEqual([ids.otherTenant]);
    });

    it('shows a newly published offer at once (no stale cache)', async () => {
      expect((await search(a, 'q=Schwimmkurs')).total).toBe(0);
      const offer = await offerFactory(t.db, a.id, { status: 'draft', texts: { de: { title: 'Schwimmkurs für Frauen' } } });
      expect((await search(a, 'q=Schwimmkurs')).total).toBe(0);
      await t.db.tenant(a.id, (tx) => tx.db.update(offers).set({ status: 'published' }).where(eq(offers.id, offer.id)));
      expect(idsOf(await search(a, 'q=Schwimmkurs'))).toEqual([offer.id]);
      await t.db.tenant(a.id, (tx) => tx.db.update(offers).set({ status: 'archived' }).where(eq(offers.id, offer.id)));
      expect((await search(a, 'q=Schwimmkurs')).total).toBe(0);
    });
  });

  describe('search: filters and facets', () => {
    it('filters by field of action and counts facets ignoring their own filter', async () => {
      const r = await search(a, `field=${field.language}`);
      expect(new Set(idsOf(r))).toEqual(new Set([ids.deutsch, ids.integration]));
      expect(countOf(r.facets.field, field.language!)).toBe(2);
      expect(countOf(r.facets.field, field.housing!)).toBe(1);
      expect(countOf(r.facets.field, field.counselling!)).toBe(1);
      // Other facets count within the field filter.
      expect(countOf(r.facets.targetGroup, group.refugees!)).toBe(2);
      expect(countOf(r.facets.targetGroup, group.women!)).toBe(1);
      expect(r.facets.free).toBe(1);
      expect(r.facets.childcare).toBe(1);
    });

    it('ORs values within one filter and ANDs different filters', async () => {
      const or = await search(a, `field=${field.language}&field=${field.housing}`);
      expect(or.total).toBe(3);
      const comma = await search(a, `field=${field.language},${field.housing}`);
      expect(comma.total).toBe(3);
      const and = await search(a, `field=${field.language}&targetGroup=${group.women}`);
      expect(idsOf(and)).toEqual([ids.deutsch]);
      expect(countOf(and.facets.targetGroup, group.refugees!)).toBe(2);
      expect(countOf(and.facets.field, field.counselling!)).toBe(1);
    });

    it('filters by area, held-in language and every flag', async () => {
      expect(idsOf(await search(a, `area=${area.suedstadt}`))).toEqual([ids.integration]);
      const uk = await search(a, 'language=uk');
      expect(idsOf(uk)).toEqual([ids.deutsch]);
      expect(countOf(uk.facets.language, 'de')).toBe(4);
      expect(countOf(uk.facets.language, 'en')).toBe(1);
      expect(idsOf(await search(a, 'free=true'))).toEqual([ids.deutsch]);
      expect(idsOf(await search(a, 'childcare=1'))).toEqual([ids.integration]);
      expect(idsOf(await search(a, 'barrierFree=true'))).toEqual([ids.housing]);
      expect(idsOf(await search(a, 'online=true'))).toEqual([ids.housing]);
      const inPerson = await search(a, 'inPerson=true');
      expect(inPerson.total).toBe(3);
      expect(inPerson.facets.inPerson).toBe(3);
      expect(inPerson.facets.online).toBe(0);
      const free = await search(a, 'free=true&childcare=true');
      expect(free.total).toBe(0);
      expect(free.facets.free).toBe(0);
      expect(free.facets.childcare).toBe(0);
      expect((await search(a, 'free=false')).total).toBe(4);
    });

    it('combines text and filters, with facets over the text matches', async () => {
      const r = await search(a, `q=Kinderbetreuung&field=${field.language}`);
      expect(idsOf(r)).toEqual([ids.integration]);
      expect(countOf(r.facets.field, field.language!)).toBe(1);
      const none = await search(a, `q=Kinderbetreuung&field=${field.housing}`);
      expect(none.total).toBe(0);
      expect(countOf(none.facets.field, field.language!)).toBe(1);
      expect(countOf(none.facets.field, field.housing!)).toBe(0);
      expect(none.facets.childcare).toBe(0);
    });
  });

  describe('search: sorting and paging', () => {
    it('sorts by distance to the nearest place and reports distances', async () => {
      const r = await search(a, 'sort=distance&lat=49.49&lon=8.47');
      expect(idsOf(r).slice(0, 2)).toEqual([ids.deutsch, ids.integration]);
      expect(r.items[0]!.distanceKm).toBeCloseTo(0, 1);
      expect(r.items[1]!.distanceKm).toBeGreaterThan(11);
      expect(r.items[1]!.distanceKm).toBeLessThan(13);
      expect(r.items.slice(2).every((i) => i.distanceKm === null)).toBe(true);
      const withoutPosition = await search(a, 'sort=title');
      expect(withoutPosition.items.every((i) => i.distanceKm === null)).toBe(true);
      const relevanceWithPosition = await search(a, 'q=Deutschkurs&lat=49.6&lon=8.47');
      expect(relevanceWithPosition.items.find((i) => i.id === ids.deutsch)?.distanceKm).toBeGreaterThan(11);
    });

    it('sorts by title and by last change', async () => {
      const byTitle = await search(a, 'sort=title');
      const titles = byTitle.items.map((i) => i.title.toLowerCase());
      expect(titles).toEqual([...titles].sort());
      const byUpdate = await search(a, 'sort=updated');
      const dates = byUpdate.items.map((i) => i.updatedAt);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('pages without overlap and with a stable total', async () => {
      const p1 = await search(a, 'sort=title&pageSize=2&page=1');
      const p2 = await search(a, 'sort=title&pageSize=2&page=2');
      const p3 = await search(a, 'sort=title&pageSize=2&page=3');
      expect(p1.total).toBe(4);
      expect(p2.total).toBe(4);
      expect(p1.items).toHaveLength(2);
      expect(p2.items).toHaveLength(2);
      expect(p3.items).toHaveLength(0);
      expect(new Set([...idsOf(p1), ...idsOf(p2)]).size).toBe(4);
      expect(p2).toMatchObject({ page: 2, pageSize: 2, lang: 'de' });
    });

    it('sends cards with provider, places and flags, and a public cache header', async () => {
      const res = await t.app.inject(`/api/v1/${a.slug}/offers?q=Deutschkurs`);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const card = (res.json() as OfferSearchResult).items.find((i) => i.id === ids.deutsch) as OfferCard;
      expect(card).toMatchObject({
        providerName: 'Volkshochschule Teststadt',
        freeOfCharge: true,
        fieldIds: [field.language],
        areaIds: [area.nordstadt],
        languages: ['de', 'uk'],
        locations: [{ name: 'VHS Nordstadt', town: 'Teststadt', lat: 49.49, lon: 8.47 }],
        distanceKm: null,
      });
      expect(new Date(card.updatedAt).toISOString()).toBe(card.updatedAt);
    });
  });

  describe('offer page', () => {
    it('answers 404 for unknown, malformed, unpublished and other tenants\' ids', async () => {
      for (const id of [randomUUID(), 'abc', '1', ids.draft, ids.archived, ids.otherTenant]) {
        const res = await t.app.inject(`/api/v1/${a.slug}/offers/${id}`);
        expect(res.statusCode, String(id)).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await t.app.inject(`/api/v1/nowhere/offers/${ids.deutsch}`)).json().error.code).toBe('unknown_tenant');
      const badLang = await t.app.inject(`/api/v1/${a.slug}/offers/${ids.deutsch}?lang=xx`);
      expect(badLang.json().error).toMatchObject({ code: 'unknown_language', field: 'lang' });
    });

    it('shows the offer with provider, places, opening hours and contacts in the requested language', async () => {
      const res = await t.app.inject(`/api/v1/${a.slug}/offers/${ids.deutsch}?lang=uk`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const d = res.json() as OfferDetail;
      expect(d).toMatchObject({
        id: ids.deutsch,
        lang: 'uk',
        fallback: false,
        title: 'Курс німецької мови для початківців',
        availableLanguages: ['ar', 'de', 'uk'],
        signupUrl: 'https://vhs.example.org/anmeldung',
        provider: { name: 'Volkshochschule Teststadt', website: 'https://vhs.example.org', email: 'info@vhs.example.org', town: 'Teststadt' },
      });
      expect(d.locations).toEqual([
        expect.objectContaining({
          name: 'VHS Nordstadt',
          areaId: area.nordstadt,
          barrierFree: true,
          appointmentOnly: true,
          temporarilyClosed: false,
          openingHours: [{ weekday: 1, slots: [{ start: '09:00', end: '12:00' }] }],
          contacts: [{ name: 'Frau Beispiel', role: 'Kursberatung', email: 'kurs@vhs.example.org' }],
        }),
      ]);
      const closed = (await t.app.inject(`/api/v1/${a.slug}/offers/${ids.integration}`)).json() as OfferDetail;
      expect(closed.locations[0]).toMatchObject({ name: 'VHS Südstadt', temporarilyClosed: true });
      const fallback = (await t.app.inject(`/api/v1/${a.slug}/offers/${ids.women}?lang=ar`)).json() as OfferDetail;
      expect(fallback).toMatchObject({ lang: 'de', fallback: true, title: 'Beratung für Frauen' });
    });

    it('carries schema.org JSON-LD', async () => {
      const d = (await t.app.inject(`/api/v1/${a.slug}/offers/${ids.deutsch}`)).json() as OfferDetail;
      // biome-ignore lint/suspicious/noExplicitAny: free-form JSON-LD is read field by field
      const ld = d.jsonLd as Record<string, any>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Course');
      expect(ld).toMatchObject({
        name: 'Deutschkurs für Anfänger',
        inLanguage: 'de-DE',
        isAccessibleForFree: true,
        dateModified: d.updatedAt,
        provider: { '@type': 'Organization', name: 'Volkshochschule Teststadt', url: 'https://vhs.example.org' },
        areaServed: [{ '@type': 'AdministrativeArea', name: 'Nordstadt' }],
      });
      expect(ld.availableLanguage.map((l: { alternateName: string }) => l.alternateName)).toEqual(['de-DE', 'uk']);
      expect(ld.location).toMatchObject({ '@type': 'Place', name: 'VHS Nordstadt', geo: { '@type': 'GeoCoordinates', latitude: 49.49, longitude: 8.47 } });
      const service = (await t.app.inject(`/api/v1/${a.slug}/offers/${ids.housing}`)).json() as OfferDetail;
      expect(service.jsonLd['@type']).toBe('Service');
      expect(service.jsonLd.isAccessibleForFree).toBe(false);
    });
  });

  describe('directory snapshot', () => {
    it('holds every published offer as a detail, with an ETag honoured by If-None-Match', async () => {
      const res = await t.app.inject(`/api/v1/${a.slug}/directory?lang=en`);
      expect(res.statusCode).toBe(200);
      const snapshot = res.json() as { lang: string; offers: OfferDetail[] };
      expect(snapshot.lang).toBe('en');
      expect(new Set(snapshot.offers.map((o) => o.id))).toEqual(new Set([ids.deutsch, ids.integration, ids.housing, ids.women]));
      const housing = snapshot.offers.find((o) => o.id === ids.housing)!;
      expect(housing).toMatchObject({ title: 'Finding a flat', lang: 'en', fallback: false, availableLanguages: ['de', 'en'] });
      const deutsch = snapshot.offers.find((o) => o.id === ids.deutsch)!;
      expect(deutsch).toMatchObject({ lang: 'de', fallback: true, provider: { name: 'Volkshochschule Teststadt' } });
      expect(deutsch.locations[0]).toMatchObject({ name: 'VHS Nordstadt', contacts: [{ name: 'Frau Beispiel' }] });
      // The snapshot equals the offer page, offer by offer.
      const page = (await t.app.inject(`/api/v1/${a.slug}/offers/${ids.deutsch}?lang=en`)).json();
      expect(deutsch).toEqual(page);

      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      const again = await t.app.inject({ url: `/api/v1/${a.slug}/directory?lang=en`, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const otherLang = await t.app.inject({ url: `/api/v1/${a.slug}/directory?lang=de`, headers: { 'if-none-match': etag } });
      expect(otherLang.statusCode).toBe(200);

      await t.db.tenant(a.id, (tx) => tx.db.update(offers).set({ phone: '0621 123' }).where(eq(offers.id, ids.women!)));
      const changed = await t.app.inject({ url: `/api/v1/${a.slug}/directory?lang=en`, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect((changed.json() as { offers: OfferDetail[] }).offers.find((o) => o.id === ids.women)?.phone).toBe('0621 123');
    });

    it('answers 404 for an unknown tenant and 400 for an unknown language', async () => {
      expect((await t.app.inject('/api/v1/nowhere/directory')).statusCode).toBe(404);
      expect((await t.app.inject(`/api/v1/${a.slug}/directory?lang=zz`)).statusCode).toBe(400);
    });

    it('holds only the tenant\'s own offers', async () => {
      const snapshot = (await t.app.inject(`/api/v1/${b.slug}/directory`)).json() as { offers: OfferDetail[] };
      expect(snapshot.offers.map((o) => o.id)).toEqual([ids.otherTenant]);
    });
  });
});
