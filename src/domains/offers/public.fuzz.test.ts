import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, offerFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

/** Property: whatever a client sends to the public read routes, the answer is 2xx/304 or a 4xx JSON error, never 5xx. */
describe('public offer routes under random input', () => {
  let t: TestApp;
  let tenant: Tenant;
  let offerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    const place = await locationFactory(t.db, tenant.id);
    offerId = (
      await offerFactory(t.db, tenant.id, {
        texts: { de: { title: 'Deutschkurs für Frauen', summary: 'Mit Kinderbetreuung' }, uk: { title: 'Курс німецької мови' }, ar: { title: 'دورة اللغة الألمانية' } },
        fieldKeys: ['language'],
        targetGroupKeys: ['women'],
        locationIds: [place.id],
      })
    ).id;
  });
  afterAll(() => t.close());

  const PARAMS = ['q', 'lang', 'field', 'targetGroup', 'language', 'area', 'free', 'childcare', 'barrierFree', 'online', 'inPerson', 'sort', 'lat', 'lon', 'page', 'pageSize'];
  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ maxLength: 260 }),
    fc.constantFrom('', 'true', 'false', '1', '0', 'de', 'uk', 'xx', 'relevance', 'distance', 'title', 'updated', 'NaN', 'Infinity', '-0', '1e308', '-1e308', '00000000-0000-0000-0000-000000000000', 'Deutschkurs', "'&|!:*<->", '%00', '\u0000'),
    fc.uuid().map(String),
    fc.integer().map(String),
    fc.bigInt().map(String),
    fc.double().map(String),
  );
  const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 40 }) });
  const query = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), value, { maxKeys: 6 });

  const toQueryString = (q: Record<string, string | string[]>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const item of Array.isArray(v) ? v : [v]) qs.append(k, item);
    return qs.toString();
  };

  const expectClientOrSuccess = (status: number, body: string, url: string) => {
    expect(status, `${url} → ${body.slice(0, 300)}`).toBeLessThan(500);
    if (status >= 400) {
      const json = JSON.parse(body) as { error: { code: string; message: string } };
      expect(typeof json.error.code).toBe('string');
    }
  };

  it('search never answers 5xx (random parameters)', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const url = `/api/v1/${tenant.slug}/offers?${toQueryString(q)}`;
        const res = await t.app.inject(url);
        expectClientOrSuccess(res.statusCode, res.body, url);
      }),
      { numRuns: 200 },
    );
  });

  it('search never answers 5xx (valid shapes, random values)', async () => {
    const valid = fc.record(
      {
        q: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
        lang: fc.constantFrom('de', 'en', 'uk', 'ar'),
        sort: fc.constantFrom('relevance', 'distance', 'title', 'updated'),
        lat: fc.double({ min: -90, max: 90, noNaN: true }).map(String),
        lon: fc.double({ min: -180, max: 180, noNaN: true }).map(String),
        page: fc.integer({ min: 1, max: 1000 }).map(String),
        pageSize: fc.integer({ min: 1, max: 100 }).map(String),
        field: fc.array(fc.uuid().map(String), { maxLength: 5 }),
        free: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(valid, async (q) => {
        const url = `/api/v1/${tenant.slug}/offers?${toQueryString(q as Record<string, string | string[]>)}`;
        const res = await t.app.inject(url);
        expectClientOrSuccess(res.statusCode, res.body, url);
      }),
      { numRuns: 200 },
    );
  });

  it('offer page never answers 5xx (random ids and parameters)', async () => {
    const id = fc.oneof(fc.uuid().map(String), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constant(offerId), fc.bigInt().map(String));
    // Mostly no or only a lang parameter, so that most runs reach the database.
    const detailQuery = fc.oneof(fc.constant({}), fc.record({ lang: fc.oneof(fc.constantFrom('de', 'uk', 'en'), fc.string({ maxLength: 12 })) }), query);
    await fc.assert(
      fc.asyncProperty(id, detailQuery, async (rawId, q) => {
        const url = `/api/v1/${tenant.slug}/offers/${encodeURIComponent(rawId)}?${toQueryString(q)}`;
        const res = await t.app.inject(url);
        expectClientOrSuccess(res.statusCode, res.body, url);
      }),
      { numRuns: 200 },
    );
  });
});
