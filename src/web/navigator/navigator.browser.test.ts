// The public navigator in Chromium on a phone: language choice, search and filters, Arabic (RTL),
// offer page, offline use after the first visit, first steps — and axe on every page visited.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, phoneContext, type RunningServer, startServer } from '../../test/browser.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const resultCount = async (p: Page) => Number((await p.getByTestId('result-count').textContent())?.match(/\d+/)?.[0] ?? Number.NaN);

async function expectNoAxeViolations(p: Page, label: string) {
  const violations = await axeViolations(p);
  expect(violations, `${label}: ${JSON.stringify(violations)}`).toEqual([]);
}

const offersResponse = (p: Page) => p.waitForResponse((r) => r.url().includes('/api/v1/musterstadt/offers?') && r.status() === 200);

beforeAll(async () => {
  // LOTSE_TEST_SERVER_URL reuses a running demo server (`serve --demo`) while iterating; the
  // tests only read, so its data stays as seeded.
  const external = process.env.LOTSE_TEST_SERVER_URL;
  server = external ? { url: external, dataDir: '', output: () => '', stop: async () => undefined } : await startServer();
  browser = await launchBrowser();
  context = await phoneContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('navigator', () => {
  it('asks for the language on the first visit and remembers it', async () => {
    await page.goto(`${server.url}/musterstadt/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sprache wählen');
    await expect.poll(() => page.locator('a[hreflang="ar"]').textContent()).toContain('العربية');
    await expectNoAxeViolations(page, 'language chooser');
    const loaded = offersResponse(page);
    await page.locator('a[hreflang="de"]').click();
    await loaded;
    await expect.poll(() => new URL(page.url()).pathname).toBe('/musterstadt/de/');
    expect(await page.evaluate(() => localStorage.getItem('lotse.lang'))).toBe('de');
  });

  it('searches with free text and filters, with counts per filter value', async () => {
    await expect.poll(() => resultCount(page)).toBeGreaterThan(100);
    const all = await resultCount(page);
    await expectNoAxeViolations(page, 'search page');

    const searched = offersResponse(page);
    await page.getByLabel('Wonach suchen Sie?').fill('Deutschkurs');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await searched;
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Deutschkurs');
    await expect.poll(() => resultCount(page)).toBeLessThan(all);
    const textHits = await resultCount(page);
    expect(textHits).toBeGreaterThan(0);

    await page.locator('summary', { hasText: 'Filter' }).click();
    const free = page.getByRole('checkbox', { name: /Kostenlos/ });
    const freeCount = Number(await page.locator('input[name="free"] + label .count').getAttribute('data-count'));
    expect(freeCount).toBeGreaterThan(0);
    const filtered = offersResponse(page);
    await free.check();
    await filtered;
    await expect.poll(() => new URL(page.url()).searchParams.get('free')).toBe('1');
    await expect.poll(() => resultCount(page)).toBe(freeCount);
    expect(freeCount).toBeLessThanOrEqual(textHits);
    // Counts of the other filters follow the current result.
    const fieldCounts = await page.locator('input[name="field"] + label .count').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(fieldCounts.reduce((a, b) => Math.max(a, b), 0)).toBeLessThanOrEqual(freeCount);
    await expectNoAxeViolations(page, 'results with filters');

    // The map is a lazily loaded chunk; without reachable tiles it still shows the places.
    await page.getByRole('radio', { name: 'Karte' }).check();
    await expect.poll(() => page.locator('.leaflet-container').count()).toBe(1);
    await expect.poll(() => page.locator('.offer-map .hint').textContent()).toMatch(/Orte auf der Karte: [1-9]/);
    await expect.poll(() => page.locator('path.leaflet-interactive').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'map view');
    await page.getByRole('radio', { name: 'Liste' }).check();

    // The URL is shareable: opening it again gives the same result.
    const shared = page.url();
    const again = await context.newPage();
    await again.goto(shared);
    await expect.poll(() => resultCount(again)).toBe(freeCount);
    await again.close();
  });

  it('opens an offer page with locations, JSON-LD and a print button', async () => {
    const first = page.locator('.result-list .offer-card-title a').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(new URL(page.url()).pathname).toMatch(/^\/musterstadt\/de\/offer\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('script[type="application/ld+json"]').count()).toBe(1);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@context']).toContain('schema.org');
    expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(true);
    expect(await page.getByText(/Zuletzt aktualisiert:/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'offer page');
  });

  it('switches to Arabic: right to left, Arabic texts, language in the URL', async () => {
    await page.getByRole('link', { name: /Sprache: Deutsch/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sprache wählen');
    await expectNoAxeViolations(page, 'language page');
    await page.locator('a[hreflang="ar"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(new URL(page.url()).pathname).toMatch(/^\/musterstadt\/ar\/offer\//);
    await expect.poll(() => page.getByRole('link', { name: 'العودة إلى البحث' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'offer page in Arabic');

    await page.getByRole('link', { name: 'البحث عن الخدمات' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ابحث عن خدمات');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(100);
    // Offer titles are Arabic where a translation exists.
    const titles = await page.locator('.offer-card-title').allTextContents();
    expect(titles.some((t) => /[\u0600-\u06FF]/.test(t))).toBe(true);
    await expectNoAxeViolations(page, 'search page in Arabic');
  });

  it('keeps search and offer pages working offline after the first visit', async () => {
    await page.goto(`${server.url}/musterstadt/de/`);
    await expect.poll(() => page.locator('[data-offline-state]').getAttribute('data-offline-state'), { timeout: 30_000 }).toBe('ready');
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => Boolean(navigator.serviceWorker.controller))), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await page.getByLabel('Wonach suchen Sie?').fill('Deutschkurs');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sie sind offline' }).isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Deutschkurs');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    // Fuzzy: a typo still finds German courses on the device.
    await page.getByLabel('Wonach suchen Sie?').fill('Deutschkurz');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Deutschkurz');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'offline search');

    const first = page.locator('.result-list .offer-card-title a').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await expectNoAxeViolations(page, 'offline offer page');

    // A reload without network is served by the service worker and the stored directory.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe(title);
    await context.setOffline(false);
  });

  it('builds a shareable first-steps list from three answers', async () => {
    await page.goto(`${server.url}/musterstadt/de/first-steps`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Erste Schritte');
    await expectNoAxeViolations(page, 'first steps questions');
    await page.getByRole('button', { name: 'Meine Schritte anzeigen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bitte beantworten Sie Frage 1.');

    await page.locator('input[name="targetGroup"]').first().check();
    await page.locator('input[name="field"]').first().check();
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/musterstadt/first-steps?') && r.status() < 500);
    await page.getByRole('button', { name: 'Meine Schritte anzeigen' }).click();
    await answered;
    const url = new URL(page.url());
    expect(url.searchParams.get('targetGroup')).toMatch(/^[0-9a-f-]{36}$/);
    expect(url.searchParams.get('field')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.first-steps-result h2').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('.steps > li, .first-steps-result .offer-card').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: url.toString() }).count()).toBe(1);
    await expectNoAxeViolations(page, 'first steps result');

    // The shared link shows the same list.
    const again = await context.newPage();
    await again.goto(url.toString());
    await expect.poll(() => again.locator('.steps > li, .first-steps-result .offer-card').count()).toBeGreaterThan(0);
    await again.close();
  });

  it('shows imprint and privacy from the tenant profile', async () => {
    for (const heading of ['Impressum', 'Datenschutz']) {
      await page.getByRole('contentinfo').getByRole('link', { name: heading }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      expect((await page.locator('main .prose').textContent())!.length).toBeGreaterThan(20);
      await expectNoAxeViolations(page, heading);
    }
  });
});
