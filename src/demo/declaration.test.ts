import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantFactory } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/testApp.ts';
import { DEMO_DECLARATION_SLUG, demoLogo, seedDeclarationDemo } from './declaration.ts';

describe('demo declaration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('draws valid PNG logos', () => {
    const png = demoLogo('Kulturverein Brückenschlag e. V.');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(96);
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + length))).toHaveLength((96 * 3 + 1) * 96);
    expect(demoLogo('A').equals(demoLogo('A'))).toBe(true);
  });

  it('seeds 40 verified signatories across all sectors plus pending ones, once', async () => {
    const tenant = await tenantFactory(t.db);
    expect(await seedDeclarationDemo(t.db, tenant.id)).toEqual({ created: true, signatures: 47 });
    expect(await seedDeclarationDemo(t.db, tenant.id)).toEqual({ created: false, signatures: 0 });
    const pub = (await t.app.inject(`/api/v1/${tenant.slug}/declarations/${DEMO_DECLARATION_SLUG}?lang=en`)).json();
    expect(pub.title).toBe('Musterstadt Declaration for Living Together in Diversity');
    expect(pub.signatoryCount).toBe(40);
    expect(new Set(pub.signatories.map((s: { sector: string }) => s.sector))).toEqual(new Set(pub.sectors.map((s: { key: string }) => s.key)));
    const withLogo = pub.signatories.filter((s: { logoUrl: string | null }) => s.logoUrl);
    expect(withLogo.length).toBeGreaterThanOrEqual(10);
    const logo = await t.app.inject(withLogo[0].logoUrl);
    expect(logo.headers['content-type']).toBe('image/png');
    const states = await t.db.system((tx) =>
      tx.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM declaration_signatures WHERE tenant_id = $1 GROUP BY state ORDER BY state', [tenant.id]),
    );
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toEqual({ awaiting_verification: 3, rejected: 1, unconfirmed: 2, verified: 40, withdrawn: 1 });
  });
});
