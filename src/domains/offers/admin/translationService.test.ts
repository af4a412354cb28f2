import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import { offerState, offerWorld, type OfferWorld } from './offerTestKit.ts';

describe('offer translations (human) and the translation overview', () => {
  let t: TestApp;
  let w: OfferWorld;
  const base = () => `/api/v1/${w.tenant.slug}/admin`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t, { languages: ['de', 'en', 'ar', 'uk'] });
  });
  afterAll(() => t.close());

  const putTranslation = (id: string, lang: string, payload: unknown, cookie = w.cookies.office) =>
    t.app.inject({ method: 'PUT', url: `${base()}/offers/${id}/translations/${lang}`, payload: payload as object, headers: { cookie } });
  const del = (id: string, lang: string, cookie = w.cookies.office) =>
    t.app.inject({ method: 'DELETE', url: `${base()}/offers/${id}/translations/${lang}`, headers: { cookie } });
  const draft = () => offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'draft', texts: { de: { title: 'Elterncafé' } } });

  describe('PUT offers/:id/translations/:lang', () => {
    it('answers 401, 403 for another tenant and 404 for a partner of another provider; writes nothing', async () => {
      const offer = await draft();
      const before = await offerState(t.db, w.tenant.id);
      const body = { title: 'Parents café', version: 1 };
      expect((await t.app.inject({ method: 'PUT', url: `${base()}/offers/${offer.id}/translations/en`, payload: body })).statusCode).toBe(401);
      expect((await putTranslation(offer.id, 'en', body, w.cookies.otherOffice)).statusCode).toBe(403);
      expect((await putTranslation(offer.id, 'en', body, w.cookies.partnerB)).statusCode).toBe(404);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it.each([
      ['the source language', 'de', { title: 'Elterncafé', version: 1 }, 'lang'],
      ['a language the tenant does not have', 'fa', { title: 'کافه', version: 1 }, 'lang'],
      ['a malformed language', 'EN-us', { title: 'Parents café', version: 1 }, 'lang'],
      ['an unknown field', 'en', { title: 'Parents café', version: 1, note: 'x' }, 'note'],
      ['a missing title', 'en', { version: 1 }, 'title'],
      ['a missing version', 'en', { title: 'Parents café' }, 'version'],
    ])('answers 400 for %s naming it, and writes nothing', async (_name, lang, body, named) => {
      const offer = await draft();
      const before = await offerState(t.db, w.tenant.id);
      const res = await putTranslation(offer.id, lang, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(`${res.json().error.field} ${res.json().error.message}`).toContain(named);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('answers 409 for an outdated offer version and writes nothing', async () => {
      const offer = await draft();
      const before = await offerState(t.db, w.tenant.id);
      const res = await putTranslation(offer.id, 'en', { title: 'Parents café', version: 5 });
      expect(res.statusCode).toBe(409);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('saves, replaces and deletes a translation, with history', async () => {
      const offer = await draft();
      let res = await putTranslation(offer.id, 'en', { title: 'Parents café', summary: 'Meet other parents', version: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.json().translations.find((x: { lang: string }) => x.lang === 'en')).toMatchObject({
        status: 'current',
        texts: { title: 'Parents café', summary: 'Meet other parents', description: '' },
      });
      res = await putTranslation(offer.id, 'en', { title: 'Parents’ café', summary: 'Meet other parents', version: 2 });
      expect(res.json().version).toBe(3);

      const before = await offerState(t.db, w.tenant.id);
      expect((await del(offer.id, 'ar')).statusCode).toBe(404);
      expect((await del(offer.id, 'de')).statusCode).toBe(400);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);

      res = await del(offer.id, 'en');
      expect(res.statusCode).toBe(200);
      expect(res.json().translations.find((x: { lang: string }) => x.lang === 'en')).toMatchObject({ status: 'missing', texts: null });
      const history = (await t.app.inject({ url: `${base()}/offers/${offer.id}/revisions`, headers: { cookie: w.cookies.office } })).json().items;
      expect(history.map((r: { action: string }) => r.action)).toEqual(['translation_deleted', 'translation_saved', 'translation_saved']);
      expect(history[0].changes['en.title']).toEqual(['Parents’ café', null]);
      expect(history[1].changes).toEqual({ 'en.title': ['Parents café', 'Parents’ café'] });
      expect(history[2].changes['en.status']).toEqual(['missing', 'current']);
    });

    it('lets a partner translate its draft but not its untrusted published offer', async () => {
      const offer = await draft();
      expect((await putTranslation(offer.id, 'en', { title: 'Parents café', version: 1 }, w.cookies.partnerA)).statusCode).toBe(200);
      const published = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'published' });
      expect((await putTranslation(published.id, 'en', { title: 'Parents café', version: 1 }, w.cookies.partnerA)).statusCode).toBe(403);
      expect((await del(offer.id, 'en', w.cookies.partnerA)).statusCode).toBe(200);
    });
  });

  describe('GET translations/overview', () => {
    let ov: OfferWorld;
    const overview = (qs: string, cookie = ov.cookies.office) =>
      t.app.inject({ url: `/api/v1/${ov.tenant.slug}/admin/translations/overview${qs}`, headers: { cookie } });

    beforeAll(async () => {
      ov = await offerWorld(t, { languages: ['de', 'en', 'uk'] });
      const mk = (title: string, en: { sourceVersion: number; machine?: boolean } | null, extra: Record<string, unknown> = {}) =>
        offerFactory(t.db, ov.tenant.id, { providerId: ov.providerA.id, sourceVersion: 2, texts: { de: { title } }, ...extra }).then(async (o) => {
          if (en) {
            await t.db.tenant(ov.tenant.id, (tx) =>
              tx.query("INSERT INTO offer_translations (tenant_id, offer_id, lang, title, source_version, machine) VALUES ($1, $2, 'en', $3, $4, $5)", [
                ov.tenant.id,
                o.id,
                `${title} EN`,
                en.sourceVersion,
                en.machine ?? false,
              ]),
            );
          }
          return o;
        });
      await mk('Aktuell', { sourceVersion: 2 });
      await mk('Veraltet', { sourceVersion: 1 });
      await mk('Maschinell', { sourceVersion: 2, machine: true });
      await mk('Fehlt eins', null);
      await mk('Fehlt zwei', null, { providerId: ov.providerB.id });
      await mk('Archiviert', null, { status: 'archived' });
    });

    it('answers 401, 403 for another tenant and 400 naming lang', async () => {
      expect((await t.app.inject(`/api/v1/${ov.tenant.slug}/admin/translations/overview`)).statusCode).toBe(401);
      expect((await overview('', w.cookies.otherOffice)).statusCode).toBe(403);
      for (const qs of ['?lang=de', '?lang=ar', '?lang=E1', '?lang=en&status=current', '?lang=en&page=0']) {
        const res = await overview(qs);
        expect(res.statusCode, qs).toBe(400);
      }
      expect((await overview('?lang=de')).json().error.field).toBe('lang');
    });

    it('counts states per language and lists the work, outdated first, paged', async () => {
      const res = await overview('?lang=en');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.sourceLanguage).toBe('de');
      expect(body.languages).toEqual([
        { lang: 'en', current: 1, outdated: 1, machine: 1, missing: 2 },
        { lang: 'uk', current: 0, outdated: 0, machine: 0, missing: 5 },
      ]);
      expect(body.total).toBe(4);
      expect(body.items.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([
        ['Veraltet', 'outdated'],
        ['Fehlt eins', 'missing'],
        ['Fehlt zwei', 'missing'],
        ['Maschinell', 'machine'],
      ]);
      expect(body.items[1].translatedAt).toBeNull();
      const page = (await overview('?lang=en&pageSize=2&page=2')).json();
      expect(page.items.map((i: { title: string }) => i.title)).toEqual(['Fehlt zwei', 'Maschinell']);
      expect((await overview('?lang=en&status=machine')).json().items.map((i: { title: string }) => i.title)).toEqual(['Maschinell']);
    });

    it('defaults to the first target language and confines a partner to its provider', async () => {
      expect((await overview('')).json().lang).toBe('en');
      const partner = (await overview('?lang=en', ov.cookies.partnerB)).json();
      expect(partner.languages[0]).toEqual({ lang: 'en', current: 0, outdated: 0, machine: 0, missing: 1 });
      expect(partner.items.map((i: { title: string }) => i.title)).toEqual(['Fehlt zwei']);
    });
  });
});
