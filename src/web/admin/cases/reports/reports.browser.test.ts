// Case reports in the browser (demo data of Musterstadt): the caseload dashboard is the landing page
// of case roles; a manager sees only their own cases, the team lead switches to the team, opens
// the team overview and goes on to the handover; the outcome figures with filters and downloads.
// German and English, axe checks on every page.
import type { Browser, Page } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../../../../test/browser.ts';
import { totp } from '../../../../test/totp.ts';

const PASSWORD = 'Lotse-Demo-2026';
const TENANT = 'musterstadt';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT: 'false' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Two-factor login for a demo account, switched on through the API; returns the TOTP secret. */
async function enableTwoFactor(email: string): Promise<string> {
  const ctx = await playwrightRequest.newContext({ baseURL: server.url });
  const res = await ctx.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const enable = await ctx.post('/api/auth/two-factor/enable', { data: { password: PASSWORD } });
  expect(enable.status(), await enable.text()).toBe(200);
  const secret = new URL(((await enable.json()) as { totpURI: string }).totpURI).searchParams.get('secret')!;
  const verify = await ctx.post('/api/auth/two-factor/verify-totp', { data: { code: totp(secret) } });
  expect(verify.status(), await verify.text()).toBe(200);
  await ctx.dispose();
  return secret;
}

async function signIn(email: string, secret: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bestätigungscode' }).waitFor();
  await page.getByLabel('Sechsstelliger Code').fill(totp(secret));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
  return page;
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('case reports', () => {
  let imSecret = '';
  let leadSecret = '';

  beforeAll(async () => {
    imSecret = await enableTwoFactor(`im@${TENANT}.example`);
    leadSecret = await enableTwoFactor(`teamleitung@${TENANT}.example`);
  });

  it('a manager lands on the dashboard of their own cases; items link to the case', async () => {
    const page = await signIn(`im@${TENANT}.example`, imSecret);
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    expect(page.url()).toBe(`${server.url}/admin/${TENANT}/cases/dashboard`);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await nav.getByRole('link').first().textContent()).toBe('Übersicht');
    expect(await nav.getByRole('link', { name: 'Teamübersicht' }).count()).toBe(0);
    // a manager has no scope choice
    expect(await page.getByLabel('Ansicht').count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: /Höchstdauer oder geplantes Ende nahe/ }).waitFor();
    await expectNoAxeViolations(page, 'manager dashboard');
    // the demo has cases near or past their maximum duration: their links open the case page
    const limits = page.getByRole('region', { name: /Höchstdauer oder geplantes Ende nahe/ });
    await limits.getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('the team lead switches scope, opens the team overview and goes on to the handover — in German and English', async () => {
    const page = await signIn(`teamleitung@${TENANT}.example`, leadSecret);
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fälle je Integrationsmanager*in' }).waitFor();
    await page.getByRole('row', { name: /Jonas Brenner/ }).waitFor();
    await expectNoAxeViolations(page, 'team dashboard');
    await page.getByLabel('Ansicht').selectOption('own');
    await page.waitForURL(/scope=own/);
    await page.getByRole('heading', { level: 2, name: 'Fälle je Integrationsmanager*in' }).waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Teamübersicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamübersicht: Team Nord' }).waitFor();
    await page.getByRole('row', { name: /Jonas Brenner/ }).waitFor();
    await expectNoAxeViolations(page, 'team overview');
    await page.getByRole('link', { name: 'Fälle übergeben – Jonas Brenner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamansicht: Team Nord' }).waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Teamübersicht' }).click();
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Team overview: Team Nord' }).waitFor();
    await page.getByRole('columnheader', { name: 'Overdue tasks' }).waitFor();
    await expectNoAxeViolations(page, 'team overview (English)');
    await page.getByRole('button', { name: /^DE/ }).click();
    await page.context().close();
  });

  it('outcome figures: filters, charts with tables, CSV and XLSX downloads without personal data', async () => {
    const page = await signIn(`teamleitung@${TENANT}.example`, leadSecret);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wirkungszahlen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wirkungszahlen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ziele nach Handlungsfeld' }).waitFor();
    await page.getByText('Enthält die anonymen Statistiken gelöschter Fälle', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'outcome figures');
    await page.getByLabel('Ziele und Vermittlungen aus').selectOption('active');
    await page.waitForURL(/cohort=active/);
    await page.getByRole('heading', { level: 2, name: 'Vermittlungen' }).waitFor();
    await expectNoAxeViolations(page, 'outcome figures (cohort active)');

    const csvHref = await page.getByRole('link', { name: 'CSV herunterladen' }).getAttribute('href');
    expect(csvHref).toMatch(/\/case-reports\/outcomes\/export\?.*format=csv/);
    const csv = await page.request.get(`${server.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Gruppe;Bereich;Kennzahl;Merkmal;Wert');
    // demo person names never appear in the export
    for (const name of ['Haddad', 'Yusuf']) expect(text).not.toContain(name);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Excel (XLSX) herunterladen' }).click();
    expect((await download).suggestedFilename()).toMatch(/^wirkungszahlen-\d{4}\.xlsx$/);

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Outcome figures' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Goals per field of action' }).waitFor();
    await expectNoAxeViolations(page, 'outcome figures (English)');
    await page.getByRole('button', { name: /^DE/ }).click();
    await page.context().close();
  });
});
