// Back office end to end: real server with demo data, Debian's Chromium, axe on every visited page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../../test/browser.ts';

const PASSWORD = 'Lotse-Demo-2026';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // LOTSE_BROWSER_URL points the tests at a server that is already running (quicker while developing).
  const external = process.env.LOTSE_BROWSER_URL;
  // Sign-in rate limits are off: these tests sign in six times within a minute from one address.
  server = external ? { url: external, dataDir: '', output: () => '', stop: async () => undefined } : await startServer({ AUTH_RATE_LIMIT: 'false' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}

/** The total the offer list reports ("165 Angebote"), once the list has loaded. */
async function offerTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('offer-total').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe('back office', () => {
  it('shows the login page in German, switches to English, and rejects a wrong password', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expectNoAxeViolations(page, 'login');

    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: /DE/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

    await page.getByLabel('E-Mail').fill('redaktion@musterstadt.example');
    await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail oder Passwort ist falsch.').waitFor();
    // Typed input stays after an error.
    expect(await page.getByLabel('E-Mail').inputValue()).toBe('redaktion@musterstadt.example');
    await page.context().close();
  });

  it('office editor edits the German text of an offer and its translations become outdated', async () => {
    const page = await newPage();
    await signIn(page, 'redaktion@musterstadt.example');
    await page.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
    await page.getByTestId('offer-total').waitFor();
    await expectNoAxeViolations(page, 'offer list');

    // Search narrows the list; open the first published offer found.
    await page.getByLabel('Status').selectOption('published');
    await page.waitForURL(/status=published/);
    // An offer whose translations are all current (the list shows only "aktuell").
    const current = page.locator('table tbody tr').filter({ has: page.locator('.tr-current') }).locator('a').first();
    await current.waitFor();
    const title = (await current.textContent()) ?? '';
    await current.click();
    await page.getByRole('tab', { name: 'Angaben' }).waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectNoAxeViolations(page, 'offer details');

    // Before: no translation is outdated.
    await page.getByRole('tab', { name: 'Übersetzungen' }).click();
    const states = page.getByTestId('translation-status');
    await states.waitFor();
    expect(await states.locator('tbody .tr-outdated').count()).toBe(0);
    await expectNoAxeViolations(page, 'offer translations');

    // A real (not minor) change of the German summary.
    await page.getByRole('tab', { name: 'Angaben' }).click();
    const summary = page.getByLabel('Kurzbeschreibung', { exact: true });
    await summary.fill(`${await summary.inputValue()} Neu: auch samstags.`);
    expect(await page.getByLabel('Kleine Änderung – Übersetzungen bleiben aktuell').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Das Angebot wurde gespeichert.').waitFor();

    await page.getByRole('tab', { name: 'Übersetzungen' }).click();
    await states.waitFor();
    const rows = await states.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await expect.poll(() => states.locator('tbody .tr-outdated').count()).toBe(rows);
    await page.getByText('Der Ausgangstext wurde geändert').waitFor();
    // Per field: only the summary changed, so only the summary is outdated.
    const fieldStates = page.getByTestId('translation-field-status');
    expect(await fieldStates.locator('tr[data-field="summary"] .tr-outdated').count()).toBe(1);
    expect(await fieldStates.locator('tbody .tr-outdated').count()).toBe(1);

    // The history names the change.
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await page.locator('.history li').first().waitFor();
    expect(await page.locator('.history').textContent()).toContain('Neu: auch samstags.');
    await expectNoAxeViolations(page, 'offer history');
    await page.context().close();
  });

  it('a faulty CSV import lists every faulty row and field and writes nothing', async () => {
    const page = await newPage();
    await signIn(page, 'redaktion@musterstadt.example');
    await page.getByTestId('offer-total').waitFor();
    const before = await offerTotal(page);
    expect(before).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Import / Export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import / Export' }).waitFor();
    await expectNoAxeViolations(page, 'import/export');
    const csv = [
      'provider;title_de;email;signup_url',
      'Volkshochschule Musterstadt;Deutschkurs am Abend – Import;kurs@vhs.example;https://vhs.example/anmelden',
      'Träger, den es nicht gibt;Ab;keine-mail;nicht-eine-adresse',
    ].join('\n');
    await page.getByLabel('Datei (CSV oder XLSX)').setInputFiles({ name: 'angebote.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const importButton = page.getByRole('button', { name: 'Importieren', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const cells = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]));
    // Every error is in row 3 (the header is row 1), naming the faulty columns.
    expect(cells.length).toBeGreaterThanOrEqual(3);
    expect(cells.every(([row]) => row === '3')).toBe(true);
    const fields = cells.map(([, field]) => field);
    expect(fields).toEqual(expect.arrayContaining(['title_de', 'email', 'signup_url']));
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'import report');

    // Nothing was written: the offer count is unchanged.
    await page.getByRole('link', { name: 'Angebote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
    await page.getByTestId('offer-total').waitFor();
    expect(await offerTotal(page)).toBe(before);
    await page.context().close();
  });

  it('a partner editor sees only the offers of its own provider and no office areas', async () => {
    const page = await newPage();
    await signIn(page, 'partner@musterstadt.example');
    await page.getByRole('heading', { level: 1, name: 'Meine Angebote' }).waitFor();
    await page.getByTestId('offer-total').waitFor();
    const partnerTotal = await offerTotal(page);
    await expectNoAxeViolations(page, 'partner offer list');

    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await nav.getByRole('link', { name: 'Mein Träger' }).count()).toBe(1);
    for (const hidden of ['Konten', 'Einstellungen', 'Import / Export', 'Prüfung', 'Protokoll']) {
      expect(await nav.getByRole('link', { name: hidden }).count(), hidden).toBe(0);
    }

    // What the page shows comes from the server, which returns only the partner's provider.
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { providerId: string };
    const res = await page.request.get(`${server.url}/api/v1/musterstadt/admin/offers?pageSize=100`);
    const list = (await res.json()) as { total: number; items: Array<{ providerId: string }> };
    expect(list.total).toBe(partnerTotal);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((o) => o.providerId === me.providerId)).toBe(true);

    // Office areas answer "no permission" when opened directly.
    await page.goto(`${server.url}/admin/musterstadt/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }).waitFor();

    await nav.getByRole('link', { name: 'Mein Träger' }).click();
    await page.getByRole('heading', { level: 1, name: /AWO/ }).waitFor();
    await page.getByRole('group', { name: 'Angaben zum Träger' }).waitFor();
    await expectNoAxeViolations(page, 'partner provider');
    await page.context().close();
  });

  it('a tenant admin reaches accounts and settings; a super admin lists the tenants', async () => {
    const page = await newPage();
    await signIn(page, 'admin@musterstadt.example');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Konten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konten' }).waitFor();
    await page.getByText('partner@musterstadt.example').waitFor();
    await expectNoAxeViolations(page, 'accounts');
    await nav.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    await page.getByLabel('Impressum').waitFor();
    await expectNoAxeViolations(page, 'settings');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

    await signIn(page, 'superadmin@lotse.example');
    await page.getByRole('heading', { level: 1, name: 'Kommunen' }).waitFor();
    await page.getByRole('cell', { name: 'musterstadt', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'tenants');
    await page.context().close();
  });
});
