import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import { offerBody, offerWorld, type OfferWorld } from '../offers/admin/offerTestKit.ts';

const FIELDS = ['title', 'summary', 'description', 'costs', 'requirements', 'registration'] as const;
const allFields = (status: string) => Object.fromEntries(FIELDS.map((f) => [f, status]));
const german = { title: 'Nähcafé', summary: 'Jeden Dienstag', description: 'Gemeinsam nähen.', costs: '2 Euro', requirements: '', registration: '' };
const english = { title: 'Sewing café', summary: 'Every Tuesday', description: 'Sewing together.', costs: '2 euros', requirements: '', registration: '' };

describe('translation status per translatable field', () => {
  let t: TestApp;
  let w: OfferWorld;
  const base = () => `/api/v1/${w.tenant.slug}/admin`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t, { languages: ['de', 'en', 'uk'] });
  });
  afterAll(() => t.close());

  const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, payload, headers: { cookie: w.cookies.office } });
  const editGerman = (id: string, texts: object, version: number, minor = false, facts: object = {}) =>
    put(`${base()}/offers/${id}`, offerBody(w.providerA.id, { texts, languages: ['de', 'en'], version, minor, ...facts }));
  type Info = { lang: string; status: string; fields: Record<string, string> };
  const lang = (body: { translations: Info[] }, code: string) => body.translations.find((x) => x.lang === code)!;
  const stored = (id: string) =>
    t.db.tenant(w.tenant.id, async (tx) => {
      const [o] = await tx.query<{ source_version: number; field_versions: Record<string, number> }>('SELECT source_version, field_versions FROM offers WHERE id = $1', [id]);
      const [en] = await tx.query<{ field_versions: Record<string, number> }>("SELECT field_versions FROM offer_translations WHERE offer_id = $1 AND lang = 'en'", [id]);
      return { offer: o!, en: en?.field_versions ?? null };
    });
  const overviewEn = async () =>
    (await t.app.inject({ url: `${base()}/translations/overview?lang=en`, headers: { cookie: w.cookies.office } })).json();

  /** A fresh offer (source version 1) with a human English translation of every field. */
  async function translatedOffer() {
    const created = await t.app.inject({
      method: 'POST',
      url: `${base()}/offers`,
      payload: offerBody(w.providerA.id, { texts: german, languages: ['de', 'en'] }),
      headers: { cookie: w.cookies.office },
    });
    expect(created.statusCode, created.body).toBe(201);
    const offer = created.json();
    const res = await put(`${base()}/offers/${offer.id}/translations/en`, { ...english, version: offer.version });
    expect(res.statusCode, res.body).toBe(200);
    return { id: offer.id, body: res.json() };
  }

  it('a saved translation is current in every field; the source language is source, a missing one missing', async () => {
    const { body } = await translatedOffer();
    expect(lang(body, 'en')).toMatchObject({ status: 'current', fields: allFields('current') });
    expect(lang(body, 'de')).toMatchObject({ status: 'source', fields: allFields('source') });
    expect(lang(body, 'uk')).toMatchObject({ status: 'missing', fields: allFields('missing') });
  });

  it('changing only the German costs outdates only the costs of every translation', async () => {
    const { id } = await translatedOffer();
    const before = await overviewEn();
    const res = await editGerman(id, { ...german, costs: '3 Euro' }, 2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sourceVersion).toBe(2);
    const en = lang(res.json(), 'en');
    expect(en).toMatchObject({ status: 'outdated', fields: { ...allFields('current'), costs: 'outdated' } });
    expect(lang(res.json(), 'uk').status).toBe('missing');
    expect((await stored(id)).offer).toEqual({
      source_version: 2,
      field_versions: { title: 1, summary: 1, description: 1, costs: 2, requirements: 1, registration: 1 },
    });

    // The overview counts the language once, as outdated, and lists the offer as work.
    const after = await overviewEn();
    const counts = (o: { languages: { lang: string; current: number; outdated: number }[] }) => o.languages.find((l) => l.lang === 'en')!;
    expect(counts(after).outdated).toBe(counts(before).outdated + 1);
    expect(counts(after).current).toBe(counts(before).current - 1);
    expect(after.items.find((i: { offerId: string }) => i.offerId === id)).toMatchObject({ status: 'outdated' });

    // A later change of the title adds the title; the costs stay outdated.
    const title = await editGerman(id, { ...german, title: 'Nähcafé am Dienstag', costs: '3 Euro' }, 3);
    expect(lang(title.json(), 'en').fields).toEqual({ ...allFields('current'), costs: 'outdated', title: 'outdated' });

    // Saving the translation brings every field up to date and records the versions it follows.
    const saved = await put(`${base()}/offers/${id}/translations/en`, { ...english, costs: '3 euros', version: 4 });
    expect(lang(saved.json(), 'en')).toMatchObject({ status: 'current', fields: allFields('current') });
    expect((await stored(id)).en).toEqual({ title: 3, summary: 1, description: 1, costs: 2, requirements: 1, registration: 1 });
    const list = (await t.app.inject({ url: `${base()}/offers?q=${encodeURIComponent('Nähcafé am Dienstag')}`, headers: { cookie: w.cookies.office } })).json();
    expect(list.items.find((i: { id: string }) => i.id === id).translations).toMatchObject({ current: 1, outdated: 0, missing: 1 });
  });

  it('a minor edit outdates nothing', async () => {
    const { id } = await translatedOffer();
    const res = await editGerman(id, { ...german, costs: '2 Euro.', summary: 'Jeden Dienstag.' }, 2, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sourceVersion).toBe(1);
    expect(lang(res.json(), 'en')).toMatchObject({ status: 'current', fields: allFields('current') });
    expect((await stored(id)).offer.field_versions).toEqual({});
  });

  it('changing facts only (no text) outdates nothing', async () => {
    const { id } = await translatedOffer();
    const res = await editGerman(id, german, 2, false, { freeOfCharge: false, online: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sourceVersion).toBe(1);
    expect(lang(res.json(), 'en').fields).toEqual(allFields('current'));
  });

  it('keeps offers written before per-field tracking right: an older translation is outdated in every field', async () => {
    // The factory writes title, summary and description only.
    const { costs: _c, requirements: _r, registration: _g, ...short } = german;
    const legacy = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'draft', sourceVersion: 3, texts: { de: short, en: english } });
    await t.db.tenant(w.tenant.id, (tx) => tx.query("UPDATE offer_translations SET source_version = 2 WHERE offer_id = $1 AND lang = 'en'", [legacy.id]));
    const res = await t.app.inject({ url: `${base()}/offers/${legacy.id}`, headers: { cookie: w.cookies.office } });
    expect(lang(res.json(), 'en')).toMatchObject({ status: 'outdated', fields: allFields('outdated') });

    // A current legacy translation: a change of one field outdates only that field.
    await t.db.tenant(w.tenant.id, (tx) => tx.query("UPDATE offer_translations SET source_version = 3 WHERE offer_id = $1 AND lang = 'en'", [legacy.id]));
    const edit = await editGerman(legacy.id, { ...short, summary: 'Jeden Mittwoch' }, legacy.version);
    expect(edit.statusCode, edit.body).toBe(200);
    expect(lang(edit.json(), 'en').fields).toEqual({ ...allFields('current'), summary: 'outdated' });
  });
});
