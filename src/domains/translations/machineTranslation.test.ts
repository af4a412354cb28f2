import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { offerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import { offerBody, offerState, offerWorld, type OfferWorld } from '../offers/admin/offerTestKit.ts';
import { LibreTranslateTranslator } from './machineTranslation.ts';

/** A tiny stand-in for LibreTranslate's POST /translate: answers "[target] text" for each text, or fails on demand. */
function fakeLibreTranslate() {
  const state = {
    mode: 'ok' as 'ok' | 'fail' | 'short',
    requests: [] as Array<{ q: string[]; source: string; target: string; format: string; api_key?: string }>,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/translate') {
        res.writeHead(404).end();
        return;
      }
      const request = JSON.parse(body);
      state.requests.push(request);
      if (state.mode === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'model crashed' }));
        return;
      }
      const q: string[] = Array.isArray(request.q) ? request.q : [request.q];
      const out = q.map((s) => `[${request.target}] ${s}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: state.mode === 'short' ? out.slice(1) : out }));
    });
  });
  return {
    state,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('LibreTranslate adapter', () => {
  const fake = fakeLibreTranslate();
  let url: string;
  beforeAll(async () => {
    url = await fake.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.state.mode = 'ok';
    fake.state.requests.length = 0;
  });

  it('sends all texts in one request and returns them in order', async () => {
    const translator = new LibreTranslateTranslator(`${url}/`, 'secret');
    expect(await translator.translate(['Hallo', 'Welt'], 'de', 'en')).toEqual(['[en] Hallo', '[en] Welt']);
    expect(fake.state.requests).toEqual([{ q: ['Hallo', 'Welt'], source: 'de', target: 'en', format: 'text', api_key: 'secret' }]);
  });

  it('does not call the server for nothing', async () => {
    expect(await new LibreTranslateTranslator(url).translate([], 'de', 'en')).toEqual([]);
    expect(fake.state.requests).toHaveLength(0);
  });

  it('reports a server error, an unexpected answer and an unreachable server as upstream_failed', async () => {
    fake.state.mode = 'fail';
    await expect(new LibreTranslateTranslator(url).translate(['Hallo'], 'de', 'en')).rejects.toMatchObject({ code: 'upstream_failed' });
    fake.state.mode = 'short';
    await expect(new LibreTranslateTranslator(url).translate(['a', 'b'], 'de', 'en')).rejects.toMatchObject({ code: 'upstream_failed' });
    const closed = fakeLibreTranslate();
    const closedUrl = await closed.start();
    await closed.close();
    const error = await new LibreTranslateTranslator(closedUrl).translate(['a'], 'de', 'en').catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('upstream_failed');
  });
});

describe('machine translation routes (with a translation server)', () => {
  const fake = fakeLibreTranslate();
  let t: TestApp;
  let w: OfferWorld;
  const base = () => `/api/v1/${w.tenant.slug}/admin`;

  beforeAll(async () => {
    t = await createTestApp({ LIBRETRANSLATE_URL: await fake.start() });
    w = await offerWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.state.mode = 'ok';
    fake.state.requests.length = 0;
  });

  const machine = (id: string, lang: string, cookie = w.cookies.office) =>
    t.app.inject({ method: 'POST', url: `${base()}/offers/${id}/translations/${lang}/machine`, headers: { cookie } });
  const sourceOffer = () =>
    offerFactory(t.db, w.tenant.id, {
      providerId: w.providerA.id,
      texts: { de: { title: 'Hausaufgabenhilfe', summary: 'Für Grundschulkinder', description: '' } },
    });

  it('reports the provider as configured', async () => {
    expect((await t.app.inject(`${base()}/translation/provider`)).statusCode).toBe(401);
    const res = await t.app.inject({ url: `${base()}/translation/provider`, headers: { cookie: w.cookies.partnerA } });
    expect(res.json()).toEqual({ configured: true, name: 'libretranslate' });
  });

  it('answers 401, 403 (other tenant) and 404 (partner, other provider) without calling the server', async () => {
    const offer = await sourceOffer();
    expect((await t.app.inject({ method: 'POST', url: `${base()}/offers/${offer.id}/translations/en/machine` })).statusCode).toBe(401);
    expect((await machine(offer.id, 'en', w.cookies.otherOffice)).statusCode).toBe(403);
    expect((await machine(offer.id, 'en', w.cookies.partnerB)).statusCode).toBe(404);
    expect(fake.state.requests).toHaveLength(0);
  });

  it('answers 400 naming lang for the source language or a language the tenant does not have', async () => {
    const offer = await sourceOffer();
    for (const lang of ['de', 'xx', 'fr']) {
      const res = await machine(offer.id, lang);
      expect(res.statusCode, lang).toBe(400);
      expect(res.json().error.field).toBe('lang');
    }
    expect(fake.state.requests).toHaveLength(0);
  });

  it('translates the non-empty source texts and stores them as machine translation', async () => {
    const offer = await sourceOffer();
    const res = await machine(offer.id, 'uk');
    expect(res.statusCode, res.body).toBe(200);
    expect(fake.state.requests).toEqual([{ q: ['Hausaufgabenhilfe', 'Für Grundschulkinder'], source: 'de', target: 'uk', format: 'text' }]);
    const uk = res.json().translations.find((x: { lang: string }) => x.lang === 'uk');
    expect(uk).toMatchObject({ status: 'machine', texts: { title: '[uk] Hausaufgabenhilfe', summary: '[uk] Für Grundschulkinder', description: '' } });
    expect(res.json().version).toBe(offer.version + 1);
    const [row] = await t.db.tenant(w.tenant.id, (tx) =>
      tx.query<{ machine: boolean; source_version: number }>("SELECT machine, source_version FROM offer_translations WHERE offer_id = $1 AND lang = 'uk'", [offer.id]),
    );
    expect(row).toEqual({ machine: true, source_version: offer.sourceVersion });
    const [rev] = (await t.app.inject({ url: `${base()}/offers/${offer.id}/revisions`, headers: { cookie: w.cookies.office } })).json().items;
    expect(rev).toMatchObject({ action: 'translation_machine' });
    expect(rev.changes['uk.status']).toEqual(['missing', 'machine']);

    // A person checking and saving the text makes it a current human translation.
    const saved = await t.app.inject({
      method: 'PUT',
      url: `${base()}/offers/${offer.id}/translations/uk`,
      headers: { cookie: w.cookies.office },
      payload: { title: 'Допомога з домашніми завданнями', version: res.json().version },
    });
    expect(saved.json().translations.find((x: { lang: string }) => x.lang === 'uk').status).toBe('current');
  });

  it('marks every field machine-made; a later change of one German field outdates only that field', async () => {
    const offer = await sourceOffer();
    const res = await machine(offer.id, 'uk');
    expect(res.statusCode, res.body).toBe(200);
    const fields = ['title', 'summary', 'description', 'costs', 'requirements', 'registration'];
    const uk = () => res.json().translations.find((x: { lang: string }) => x.lang === 'uk');
    expect(uk().fields).toEqual(Object.fromEntries(fields.map((f) => [f, 'machine'])));
    const edit = await t.app.inject({
      method: 'PUT',
      url: `${base()}/offers/${offer.id}`,
      headers: { cookie: w.cookies.office },
      payload: offerBody(w.providerA.id, {
        texts: { title: 'Hausaufgabenhilfe', summary: 'Für Grundschulkinder', costs: 'kostenlos' },
        languages: ['de', 'uk'],
        version: res.json().version,
      }),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = edit.json().translations.find((x: { lang: string }) => x.lang === 'uk');
    expect(after).toMatchObject({ status: 'outdated', fields: { title: 'machine', summary: 'machine', costs: 'outdated' } });
  });

  it('answers 502 upstream_failed when the server fails, and writes nothing', async () => {
    const offer = await sourceOffer();
    fake.state.mode = 'fail';
    const before = await offerState(t.db, w.tenant.id);
    const res = await machine(offer.id, 'en');
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('upstream_failed');
    expect(res.json().error.message).toContain('500');
    expect(await offerState(t.db, w.tenant.id)).toBe(before);
  });

  it('lets a partner machine-translate its own draft but not its published offer (office work)', async () => {
    const draft = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'draft' });
    expect((await machine(draft.id, 'en', w.cookies.partnerA)).statusCode).toBe(200);
    const published = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'published' });
    const before = await offerState(t.db, w.tenant.id);
    expect((await machine(published.id, 'en', w.cookies.partnerA)).statusCode).toBe(403);
    expect(await offerState(t.db, w.tenant.id)).toBe(before);
  });

  it('answers 503 when the municipality switched machine translation off', async () => {
    const off = await tenantFactory(t.db, { settings: { machineTranslationEnabled: false } });
    const { cookie } = await staffSession(t.app, t.db, off, { role: 'office_editor' });
    const offer = await offerFactory(t.db, off.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/${off.slug}/admin/offers/${offer.id}/translations/en/machine`, headers: { cookie } });
    expect(res.statusCode).toBe(503);
    expect(fake.state.requests).toHaveLength(0);
    const provider = await t.app.inject({ url: `/api/v1/${off.slug}/admin/translation/provider`, headers: { cookie } });
    expect(provider.json().configured).toBe(false);
  });
});

describe('machine translation routes (no translation server configured)', () => {
  let t: TestApp;
  let w: OfferWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t);
  });
  afterAll(() => t.close());

  it('says so on the provider route', async () => {
    const res = await t.app.inject({ url: `/api/v1/${w.tenant.slug}/admin/translation/provider`, headers: { cookie: w.cookies.office } });
    expect(res.json()).toEqual({ configured: false, name: 'none' });
  });

  it('answers 503 not_configured with a clear message and writes nothing', async () => {
    const offer = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id });
    const before = await offerState(t.db, w.tenant.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${w.tenant.slug}/admin/offers/${offer.id}/translations/en/machine`,
      headers: { cookie: w.cookies.office },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('not_configured');
    expect(res.json().error.message).toContain('LIBRETRANSLATE_URL');
    expect(await offerState(t.db, w.tenant.id)).toBe(before);
  });
});
