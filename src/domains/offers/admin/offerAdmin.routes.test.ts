import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, offerFactory, providerFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import { offerBody, offerState, offerWorld, type OfferWorld } from './offerTestKit.ts';

describe('back-office offers API', () => {
  let t: TestApp;
  let w: OfferWorld;
  const base = () => `/api/v1/${w.tenant.slug}/admin`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, cookie = w.cookies.office) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
  const put = (url: string, payload: unknown, cookie = w.cookies.office) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie } });
  const get = (url: string, cookie = w.cookies.office) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  async function created(overrides: Record<string, unknown> = {}, cookie = w.cookies.office) {
    const res = await post(`${base()}/offers`, offerBody(w.providerA.id, overrides), cookie);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  describe('POST offers', () => {
    it('answers 401 without a session and writes nothing', async () => {
      const before = await offerState(t.db, w.tenant.id);
      const res = await t.app.inject({ method: 'POST', url: `${base()}/offers`, payload: offerBody(w.providerA.id) });
      expect(res.statusCode).toBe(401);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('answers 403 to staff of another tenant', async () => {
      const before = await offerState(t.db, w.tenant.id);
      const res = await post(`${base()}/offers`, offerBody(w.providerA.id), w.cookies.otherOffice);
      expect(res.statusCode).toBe(403);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it.each([
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['an unknown text field', { texts: { title: 'Gültiger Titel', subtitle: 'x' } }, 'subtitle'],
      ['a wrong type', { freeOfCharge: 'yes' }, 'freeOfCharge'],
      ['a too short title', { texts: { title: 'ab' } }, 'texts.title'],
      ['a bad uuid', { fieldIds: ['not-a-uuid'] }, 'fieldIds'],
      ['a bad e-mail', { email: 'nobody' }, 'email'],
    ])('answers 400 for %s, naming it, and writes nothing', async (_name, overrides, named) => {
      const before = await offerState(t.db, w.tenant.id);
      const res = await post(`${base()}/offers`, offerBody(w.providerA.id, overrides));
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(`${error.field} ${error.message}`).toContain(named);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it.each([
      ['provider', 'providerId'],
      ['field of action', 'fieldIds'],
      ['target group', 'targetGroupIds'],
      ['area', 'areaIds'],
      ['location', 'locationIds'],
    ])("answers 400 naming the field for another tenant's %s, and writes nothing", async (_what, field) => {
      const foreign = await t.db.tenant(w.other.id, async (tx) => {
        const ids = await tx.query<{ f: string; g: string; a: string }>(
          'SELECT (SELECT id FROM fields_of_action LIMIT 1) AS f, (SELECT id FROM target_groups LIMIT 1) AS g, (SELECT id FROM areas LIMIT 1) AS a',
        );
        return ids[0]!;
      });
      const loc = await locationFactory(t.db, w.other.id);
      const value = {
        providerId: w.otherProvider.id,
        fieldIds: [foreign.f],
        targetGroupIds: [foreign.g],
        areaIds: [foreign.a],
        locationIds: [loc.id],
      }[field];
      const before = await offerState(t.db, w.tenant.id);
      const res = await post(`${base()}/offers`, offerBody(w.providerA.id, { [field]: value }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('refuses an archived provider', async () => {
      const archived = await providerFactory(t.db, w.tenant.id, { archivedAt: new Date() });
      const res = await post(`${base()}/offers`, offerBody(archived.id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('providerId');
    });

    it('creates a draft with its source texts, a revision and an audit entry', async () => {
      const loc = await locationFactory(t.db, w.tenant.id);
      const offer = await created({ locationIds: [loc.id] });
      expect(offer).toMatchObject({
        status: 'draft',
        version: 1,
        sourceVersion: 1,
        providerName: 'Caritas',
        texts: { title: 'Deutschkurs für Eltern', summary: 'Vormittags mit Kinderbetreuung', costs: '' },
        locationIds: [loc.id],
        publishedAt: null,
        pendingChange: null,
      });
      expect(offer.translations).toHaveLength(w.tenant.languages.length);
      expect(offer.translations.find((x: { lang: string }) => x.lang === 'de').status).toBe('source');
      expect(offer.translations.find((x: { lang: string }) => x.lang === 'en')).toMatchObject({ status: 'missing', texts: null });
      const revisions = (await get(`${base()}/offers/${offer.id}/revisions`)).json().items;
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ action: 'created', actorName: 'Olga Office' });
      expect(revisions[0].changes.status).toEqual([null, 'draft']);
      expect(revisions[0].changes['texts.title']).toEqual([null, 'Deutschkurs für Eltern']);
      const audit = await t.db.system((tx) =>
        tx.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1', [offer.id]),
      );
      expect(audit.map((a) => a.action)).toEqual(['offer.created']);
    });

    it('publishes at once with ?publish=true for office staff', async () => {
      const res = await post(`${base()}/offers?publish=true`, offerBody(w.providerA.id));
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe('published');
      expect(res.json().publishedAt).not.toBeNull();
    });

    it('makes the new offer findable by the search trigger', async () => {
      const offer = await created({ texts: { title: 'Schwimmkurs Zaubertrank' } });
      const rows = await t.db.tenant(w.tenant.id, (tx) =>
        tx.query<{ id: string }>("SELECT id FROM offers WHERE search_tsv @@ to_tsquery('german', 'zaubertrank')"),
      );
      expect(rows.map((r) => r.id)).toContain(offer.id);
    });
  });

  describe('GET offers/:id', () => {
    it('answers 400 for a bad uuid, 404 for an unknown id and 404 for an offer of another tenant', async () => {
      expect((await get(`${base()}/offers/123`)).statusCode).toBe(400);
      expect((await get(`${base()}/offers/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
      const foreign = await offerFactory(t.db, w.other.id);
      expect((await get(`${base()}/offers/${foreign.id}`)).statusCode).toBe(404);
    });

    it('shows translation states: current, outdated, machine, missing', async () => {
      const offer = await offerFactory(t.db, w.tenant.id, {
        providerId: w.providerA.id,
        sourceVersion: 3,
        texts: { de: { title: 'Beratung' }, en: { title: 'Counselling' }, ar: { title: 'استشارة' }, uk: { title: 'Консультація' } },
      });
      await t.db.tenant(w.tenant.id, (tx) =>
        tx.query(
          "UPDATE offer_translations SET source_version = CASE lang WHEN 'ar' THEN 2 ELSE 3 END, machine = (lang = 'uk') WHERE offer_id = $1",
          [offer.id],
        ),
      );
      const res = await get(`${base()}/offers/${offer.id}`);
      expect(res.statusCode).toBe(200);
      const states = Object.fromEntries(res.json().translations.map((x: { lang: string; status: string }) => [x.lang, x.status]));
      expect(states).toMatchObject({ de: 'source', en: 'current', ar: 'outdated', uk: 'machine', fa: 'missing' });
    });
  });

  describe('GET offers (list)', () => {
    let listWorld: OfferWorld;
    let fieldId: string;
    beforeAll(async () => {
      listWorld = await offerWorld(t);
      fieldId = (await t.db.tenant(listWorld.tenant.id, (tx) => tx.query<{ id: string }>("SELECT id FROM fields_of_action WHERE key = (SELECT min(key) FROM fields_of_action)")))[0]!.id;
      const mk = (title: string, extra: Record<string, unknown> = {}) =>
        offerFactory(t.db, listWorld.tenant.id, { providerId: listWorld.providerA.id, texts: { de: { title } }, ...extra });
      await mk('Alpha Sprachcafé', { status: 'draft', fieldIds: [fieldId] });
      await mk('Beta 100% Beratung', { status: 'in_review' });
      await mk('Gamma Nähkurs', { status: 'published', pendingChange: { submittedBy: 'x', submittedByName: 'X', submittedAt: new Date().toISOString(), data: {} } });
      await offerFactory(t.db, listWorld.tenant.id, { providerId: listWorld.providerB.id, texts: { de: { title: 'Delta Sprachcafé' }, en: { title: 'Delta language café' } } });
    });
    const list = (qs: string, cookie = listWorld.cookies.office) => get(`/api/v1/${listWorld.tenant.slug}/admin/offers${qs}`, cookie);

    it('answers 401 and 403 (other tenant)', async () => {
      expect((await t.app.inject(`/api/v1/${listWorld.tenant.slug}/admin/offers`)).statusCode).toBe(401);
      expect((await list('', w.cookies.otherOffice)).statusCode).toBe(403);
    });

    it('answers 400 for unknown or malformed query parameters', async () => {
      const unknown = await list('?colour=red');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toContain('colour');
      expect((await list('?status=gone')).json().error.field).toContain('status');
      expect((await list('?providerId=nope')).statusCode).toBe(400);
      expect((await list('?pageSize=1000')).statusCode).toBe(400);
    });

    it('lists, searches titles in every language, filters and pages', async () => {
      const all = (await list('?sort=title')).json();
      expect(all.total).toBe(4);
      expect(all.items.map((i: { title: string }) => i.title)).toEqual(['Alpha Sprachcafé', 'Beta 100% Beratung', 'Delta Sprachcafé', 'Gamma Nähkurs']);
      expect(all.items[2]).toMatchObject({ providerName: 'AWO', translations: { source: 1, current: 1, missing: listWorld.tenant.languages.length - 2, outdated: 0, machine: 0 } });
      expect((await list('?q=sprachcaf')).json().total).toBe(2);
      expect((await list('?q=language')).json().items.map((i: { title: string }) => i.title)).toEqual(['Delta Sprachcafé']);
      expect((await list('?q=100%25')).json().total).toBe(1);
      expect((await list('?status=in_review')).json().items.map((i: { title: string }) => i.title)).toEqual(['Beta 100% Beratung']);
      expect((await list(`?providerId=${listWorld.providerB.id}`)).json().total).toBe(1);
      const byField = (await list(`?field=${fieldId}`)).json();
      expect(byField.items.map((i: { title: string }) => i.title)).toEqual(['Alpha Sprachcafé']);
      const pending = (await list('?pendingReview=true&sort=title')).json();
      expect(pending.items.map((i: { title: string; hasPendingChange: boolean }) => [i.title, i.hasPendingChange])).toEqual([
        ['Beta 100% Beratung', false],
        ['Gamma Nähkurs', true],
      ]);
      const page2 = (await list('?sort=title&page=2&pageSize=3')).json();
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((i: { title: string }) => i.title)).toEqual(['Gamma Nähkurs']);
      const byStatus = (await list('?sort=status')).json().items.map((i: { status: string }) => i.status);
      expect(byStatus[0]).toBe('in_review');
    });

    it("shows a partner only its own provider's offers", async () => {
      const res = (await list('', listWorld.cookies.partnerB)).json();
      expect(res.items.map((i: { title: string }) => i.title)).toEqual(['Delta Sprachcafé']);
      expect((await list(`?providerId=${listWorld.providerA.id}`, listWorld.cookies.partnerB)).json().total).toBe(0);
    });
  });

  describe('PUT offers/:id', () => {
    it('answers 409 for an outdated version and changes nothing', async () => {
      const offer = await created();
      expect((await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), version: 1, texts: { title: 'Erste Änderung' } })).statusCode).toBe(200);
      const before = await offerState(t.db, w.tenant.id);
      const res = await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), version: 1, texts: { title: 'Zweite Änderung' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('lets exactly one of two simultaneous edits of the same version win; the other gets 409', async () => {
      const offer = await created();
      const edit = (title: string) => put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), texts: { title }, version: 1 });
      const results = await Promise.all([edit('Fassung Anna'), edit('Fassung Bert')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const stored = (await get(`${base()}/offers/${offer.id}`)).json();
      expect(stored).toMatchObject({ version: 2, texts: { title: winner.texts.title } });
      const revisions = (await get(`${base()}/offers/${offer.id}/revisions`)).json().items;
      expect(revisions.map((r: { action: string }) => r.action)).toEqual(['updated', 'created']);
    });

    it("answers 400 naming the field for another tenant's field of action, and changes nothing", async () => {
      const offer = await created();
      const [f] = await t.db.tenant(w.other.id, (tx) => tx.query<{ id: string }>('SELECT id FROM fields_of_action LIMIT 1'));
      const before = await offerState(t.db, w.tenant.id);
      const res = await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), version: 1, fieldIds: [f!.id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('fieldIds');
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('relies on the database trigger as last line of defence (23503 with the column)', async () => {
      const [f] = await t.db.tenant(w.other.id, (tx) => tx.query<{ id: string }>('SELECT id FROM fields_of_action LIMIT 1'));
      const raw = t.db.tenant(w.tenant.id, (tx) =>
        tx.query('INSERT INTO offers (tenant_id, provider_id, field_ids) VALUES ($1, $2, ARRAY[$3::uuid])', [w.tenant.id, w.providerA.id, f!.id]),
      );
      await expect(raw).rejects.toMatchObject({ code: '23503', column: 'field_ids' });
    });

    it('answers 400 for missing version and unknown fields', async () => {
      const offer = await created();
      const noVersion = await put(`${base()}/offers/${offer.id}`, offerBody(w.providerA.id));
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.json().error.field).toContain('version');
      const extra = await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), version: 1, status: 'published' });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.message).toContain('status');
    });

    it('increments sourceVersion on a text change so translations become outdated; a minor edit keeps them current', async () => {
      const offer = await created();
      const tr = await put(`${base()}/offers/${offer.id}/translations/en`, { title: 'German course for parents', version: 1 });
      expect(tr.statusCode, tr.body).toBe(200);
      expect(tr.json().translations.find((x: { lang: string }) => x.lang === 'en').status).toBe('current');

      const minor = await put(`${base()}/offers/${offer.id}`, {
        ...offerBody(w.providerA.id),
        texts: { title: 'Deutschkurs für Eltern', summary: 'Vormittags, mit Kinderbetreuung', description: 'Ein Kurs.' },
        version: 2,
        minor: true,
      });
      expect(minor.statusCode).toBe(200);
      expect(minor.json()).toMatchObject({ version: 3, sourceVersion: 1, texts: { summary: 'Vormittags, mit Kinderbetreuung' } });
      expect(minor.json().translations.find((x: { lang: string }) => x.lang === 'en').status).toBe('current');

      const major = await put(`${base()}/offers/${offer.id}`, {
        ...offerBody(w.providerA.id),
        texts: { title: 'Deutschkurs für Mütter und Väter' },
        version: 3,
      });
      expect(major.json()).toMatchObject({ version: 4, sourceVersion: 2, texts: { title: 'Deutschkurs für Mütter und Väter', summary: '' } });
      expect(major.json().translations.find((x: { lang: string }) => x.lang === 'en').status).toBe('outdated');
      const source = await t.db.tenant(w.tenant.id, (tx) =>
        tx.query<{ title: string; source_version: number }>("SELECT title, source_version FROM offer_translations WHERE offer_id = $1 AND lang = 'de'", [offer.id]),
      );
      expect(source[0]).toEqual({ title: 'Deutschkurs für Mütter und Väter', source_version: 2 });

      const facts = await put(`${base()}/offers/${offer.id}`, {
        ...offerBody(w.providerA.id),
        texts: { title: 'Deutschkurs für Mütter und Väter' },
        online: true,
        version: 4,
      });
      expect(facts.json()).toMatchObject({ version: 5, sourceVersion: 2, online: true });

      const history = (await get(`${base()}/offers/${offer.id}/revisions`)).json().items;
      expect(history.map((r: { action: string }) => r.action)).toEqual(['updated', 'updated', 'updated', 'translation_saved', 'created']);
      expect(history[0].changes).toEqual({ online: [false, true] });
      expect(history[1].changes['texts.title']).toEqual(['Deutschkurs für Eltern', 'Deutschkurs für Mütter und Väter']);
      expect(history[1].changes['texts.summary']).toEqual(['Vormittags, mit Kinderbetreuung', '']);
      expect(history[2]).toMatchObject({ minor: true });
    });

    it('writes nothing when nothing changed', async () => {
      const offer = await created();
      const before = await offerState(t.db, w.tenant.id);
      const res = await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerA.id), version: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe(1);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('lets the office move an offer to another provider', async () => {
      const offer = await created();
      const res = await put(`${base()}/offers/${offer.id}`, { ...offerBody(w.providerB.id), version: 1 });
      expect(res.json()).toMatchObject({ providerId: w.providerB.id, providerName: 'AWO' });
    });
  });

  describe('POST offers/:id/status', () => {
    const status = (id: string, body: Record<string, unknown>, cookie = w.cookies.office) => post(`${base()}/offers/${id}/status`, body, cookie);

    it('walks the workflow draft → in_review → published → archived → draft and records each step', async () => {
      const offer = await created();
      let res = await status(offer.id, { status: 'in_review', version: 1 });
      expect(res.json()).toMatchObject({ status: 'in_review', version: 2, publishedAt: null });
      res = await status(offer.id, { status: 'published', version: 2 });
      expect(res.json().status).toBe('published');
      expect(res.json().publishedAt).not.toBeNull();
      res = await status(offer.id, { status: 'archived', version: 3 });
      expect(res.json().status).toBe('archived');
      res = await status(offer.id, { status: 'draft', version: 4 });
      expect(res.json().status).toBe('draft');
      const history = (await get(`${base()}/offers/${offer.id}/revisions`)).json().items;
      expect(history.slice(0, 4).map((r: { changes: { status: unknown } }) => r.changes.status)).toEqual([
        ['archived', 'draft'],
        ['published', 'archived'],
        ['in_review', 'published'],
        ['draft', 'in_review'],
      ]);
      const audit = await t.db.system((tx) =>
        tx.query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'offer.status_changed'", [offer.id]),
      );
      expect(Number(audit[0]!.n)).toBe(4);
    });

    it.each([
      ['draft', 'draft'],
      ['published', 'in_review'],
      ['archived', 'published'],
      ['archived', 'in_review'],
      ['in_review', 'archived'],
    ] as const)('answers 422 for %s → %s and changes nothing', async (from, to) => {
      const offer = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: from });
      const before = await offerState(t.db, w.tenant.id);
      const res = await status(offer.id, { status: to, version: offer.version });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('invalid_state_transition');
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('needs a comment to send an offer in review back to draft, and keeps it in the history', async () => {
      const offer = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'in_review' });
      const before = await offerState(t.db, w.tenant.id);
      const bare = await status(offer.id, { status: 'draft', version: 1 });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.field).toBe('comment');
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
      const res = await status(offer.id, { status: 'draft', version: 1, comment: 'Bitte Kosten ergänzen' });
      expect(res.json().status).toBe('draft');
      const [rev] = (await get(`${base()}/offers/${offer.id}/revisions`)).json().items;
      expect(rev.changes.comment).toEqual([null, 'Bitte Kosten ergänzen']);
    });

    it('answers 409 for an outdated version and 400 for an unknown status', async () => {
      const offer = await created();
      expect((await status(offer.id, { status: 'in_review', version: 7 })).statusCode).toBe(409);
      expect((await status(offer.id, { status: 'deleted', version: 1 })).statusCode).toBe(400);
    });
  });

  it('offers no DELETE for offers', async () => {
    const offer = await created();
    const res = await t.app.inject({ method: 'DELETE', url: `${base()}/offers/${offer.id}`, headers: { cookie: w.cookies.admin } });
    expect(res.statusCode).toBe(404);
    expect((await get(`${base()}/offers/${offer.id}`)).statusCode).toBe(200);
  });

  it('documents every route in the OpenAPI description', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/{tenant}/admin/offers',
      '/api/v1/{tenant}/admin/offers/{id}',
      '/api/v1/{tenant}/admin/offers/{id}/status',
      '/api/v1/{tenant}/admin/offers/{id}/revisions',
      '/api/v1/{tenant}/admin/offers/{id}/translations/{lang}',
      '/api/v1/{tenant}/admin/offers/{id}/translations/{lang}/machine',
      '/api/v1/{tenant}/admin/offers/{id}/review',
      '/api/v1/{tenant}/admin/reviews',
      '/api/v1/{tenant}/admin/translations/overview',
      '/api/v1/{tenant}/admin/translation/provider',
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
  });
});
