// The local declaration end to end in Chromium: a visitor signs on the public page (the proof of
// work runs in the browser), opens the confirmation link from the outbox, an office editor
// verifies the signature in the back office, and the organisation appears on the public page.
// axe on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, phoneContext, type RunningServer, startServer } from '../../test/browser.ts';

const PASSWORD = 'Lotse-Demo-2026';
const ORGANISATION = 'Gemeinschaftsgarten Grüne Oase e. V.';
const EMAIL = 'garten@gruene-oase.example';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

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

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function visitor(): Promise<Page> {
  return (await phoneContext(browser)).newPage();
}

/** The confirmation link from the tenant's outbox (the demo server has no SMTP), read by the tenant admin. */
async function confirmationLink(page: Page): Promise<string> {
  const signIn = await page.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: 'admin@musterstadt.example', password: PASSWORD } });
  expect(signIn.status()).toBe(200);
  const outbox = (await (await page.request.get(`${server.url}/api/v1/musterstadt/admin/outbox?pageSize=20`)).json()) as { items: Array<{ to: string; text: string }> };
  const mail = outbox.items.find((m) => m.to === EMAIL);
  expect(mail, 'confirmation mail in the outbox').toBeDefined();
  const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(mail!.text)?.[0];
  expect(link).toBeDefined();
  return link!;
}

describe('declaration', () => {
  it('a visitor signs, confirms by mail link, the office verifies, and the organisation appears publicly', async () => {
    // 1. The public page: text, 40 demo signatories, search and sector filter.
    const page = await visitor();
    await page.goto(`${server.url}/musterstadt/de/erklaerung`);
    await page.getByRole('heading', { level: 1, name: 'Musterstädter Erklärung für ein Zusammenleben in Vielfalt' }).waitFor();
    await page.getByText('40 Organisationen haben unterzeichnet').waitFor();
    const list = page.locator('.signatory-list > li');
    await expect.poll(() => list.count()).toBe(40);
    await page.getByLabel('Nach Namen suchen').fill('moschee');
    await expect.poll(() => list.count()).toBe(1);
    await page.getByText('1 Organisation gefunden').waitFor();
    await page.getByLabel('Nach Namen suchen').fill('');
    await page.getByLabel('Bereich', { exact: true }).first().selectOption('religion');
    await expect.poll(() => list.count()).toBe(6);
    await page.getByLabel('Bereich', { exact: true }).first().selectOption('');
    // Contact data never reaches the public page.
    expect(await page.locator('.signatory-list').textContent()).not.toContain('@');
    await expectNoAxeViolations(page, 'public declaration page');

    // 2. Sign: a missing consent is named at the field, what was typed stays.
    const form = page.locator('form.sign-form');
    await form.getByLabel('Name der Organisation (Pflichtfeld)', { exact: true }).fill(ORGANISATION);
    await form.getByLabel('Bereich (Pflichtfeld)', { exact: true }).selectOption('verein');
    await form.getByLabel('Website', { exact: true }).fill('www.gruene-oase.example');
    await form.getByLabel('Stellungnahme (freiwillig)', { exact: true }).fill('Im Garten wächst Gemeinschaft – mit Menschen aus aller Welt.');
    await form.getByLabel('Logo (freiwillig)', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await form.getByRole('img', { name: 'Vorschau des Logos' }).waitFor();
    await form.getByLabel('Name der Ansprechperson (Pflichtfeld)', { exact: true }).fill('Gül Gärtner');
    await form.getByLabel('E-Mail-Adresse (Pflichtfeld)', { exact: true }).fill('keine-adresse');
    await form.getByRole('button', { name: 'Unterzeichnen' }).click();
    await form.getByText('Bitte geben Sie eine gültige E-Mail-Adresse an').waitFor();
    await form.getByText('Bitte stimmen Sie der Veröffentlichung zu').waitFor();
    expect(await form.getByLabel('E-Mail-Adresse (Pflichtfeld)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Name der Organisation (Pflichtfeld)', { exact: true }).inputValue()).toBe(ORGANISATION);
    await expectNoAxeViolations(page, 'sign form with errors');
    await form.getByLabel('E-Mail-Adresse (Pflichtfeld)', { exact: true }).fill(EMAIL);
    await form.getByRole('checkbox').check();
    const signed = page.waitForResponse((r) => r.url().endsWith('/signatures') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Unterzeichnen' }).click();
    // The proof of work was computed in this browser with WebCrypto and accepted.
    expect((await signed).status()).toBe(202);
    await page.getByText('Fast geschafft!').waitFor();
    await page.getByText(`Wir haben eine E-Mail an ${EMAIL} geschickt.`).waitFor();
    await expectNoAxeViolations(page, 'sign form sent');

    // 3. The confirmation link from the outbox.
    const link = await confirmationLink(await visitor());
    expect(link).toContain('/musterstadt/de/erklaerung/bestaetigen#token=');
    const confirmPage = await visitor();
    await confirmPage.goto(link);
    await confirmPage.getByRole('heading', { level: 1, name: 'Unterzeichnung bestätigen' }).waitFor();
    // The token leaves the address bar.
    await expect.poll(() => new URL(confirmPage.url()).hash).toBe('');
    await expectNoAxeViolations(confirmPage, 'confirmation page');
    await confirmPage.getByRole('button', { name: 'Unterzeichnung bestätigen' }).click();
    await confirmPage.getByText('Vielen Dank!').waitFor();
    await confirmPage.getByText(`„${ORGANISATION}“ erscheint in der Liste`).waitFor();
    await expectNoAxeViolations(confirmPage, 'confirmation done');
    // Not public before the office has verified it.
    const before = (await (await confirmPage.request.get(`${server.url}/api/v1/musterstadt/declarations/vielfalt`)).json()) as { signatories: Array<{ organisation: string }> };
    expect(before.signatories.map((s) => s.organisation)).not.toContain(ORGANISATION);

    // 4. The office editor verifies in the back office.
    const office = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    office.on('dialog', (d) => void d.accept());
    await office.goto(`${server.url}/admin/`);
    await office.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await office.getByLabel('E-Mail').fill('redaktion@musterstadt.example');
    await office.getByLabel('Passwort').fill(PASSWORD);
    await office.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const nav = office.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Erklärung & Bündnis' }).click();
    await office.getByRole('heading', { level: 1, name: 'Erklärung & Bündnis' }).waitFor();
    await office.getByRole('link', { name: /4 wartet auf Prüfung/ }).waitFor();
    await expectNoAxeViolations(office, 'back-office overview');
    await office.getByRole('link', { name: /4 wartet auf Prüfung/ }).click();
    await office.getByRole('heading', { level: 1, name: /^Unterzeichnungen: / }).waitFor();
    const row = office.getByRole('row').filter({ hasText: ORGANISATION });
    await row.waitFor();
    await expectNoAxeViolations(office, 'signature list');
    await row.getByRole('link', { name: ORGANISATION, exact: true }).click();
    await office.getByRole('heading', { level: 1, name: ORGANISATION }).waitFor();
    await office.getByText(EMAIL).waitFor();
    await office.getByRole('img', { name: `Logo von ${ORGANISATION}` }).waitFor();
    await expectNoAxeViolations(office, 'signature detail');
    await office.getByRole('button', { name: 'Verifizieren', exact: true }).click();
    await office.getByText('Die Unterzeichnung ist verifiziert und öffentlich sichtbar.').waitFor();
    await office.getByText('verifiziert', { exact: true }).first().waitFor();

    // Statistics now count 41 public signatories.
    await office.getByRole('link', { name: /Zurück zu „Musterstädter/ }).click();
    await office.getByRole('link', { name: 'Statistik', exact: true }).click();
    await office.getByRole('heading', { level: 1, name: /^Statistik: / }).waitFor();
    await office.getByRole('img', { name: /Verifizierte Unterzeichnungen pro Monat/ }).waitFor();
    const lastRow = office.getByRole('table', { name: /Verifizierte Unterzeichnungen pro Monat/ }).getByRole('row').nth(1);
    await expect.poll(async () => (await lastRow.getByRole('cell').last().textContent())?.trim()).toBe('41');
    await expectNoAxeViolations(office, 'statistics');

    // 5. A new visitor finds the organisation on the public page, with its logo and statement.
    const later = await visitor();
    await later.goto(`${server.url}/musterstadt/de/erklaerung`);
    await later.getByText('41 Organisationen haben unterzeichnet').waitFor();
    await later.getByLabel('Nach Namen suchen').fill('grüne oase');
    const entry = later.locator('.signatory-list > li').filter({ hasText: ORGANISATION });
    await entry.waitFor();
    await entry.getByText('Im Garten wächst Gemeinschaft').waitFor();
    expect(await entry.getByRole('link').getAttribute('href')).toBe('https://www.gruene-oase.example');
    expect(await entry.locator('img').getAttribute('src')).toMatch(/\/logo\?v=[0-9a-f]{16}$/);
    await expectNoAxeViolations(later, 'public page after verification');
  });

  it('the office edits texts and sectors; a sector in use stays; the English page shows the translation', async () => {
    const office = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await office.goto(`${server.url}/admin/`);
    await office.getByLabel('E-Mail').fill('redaktion@musterstadt.example');
    await office.getByLabel('Passwort').fill(PASSWORD);
    await office.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const nav = office.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Erklärung & Bündnis' }).click();
    await office.getByRole('link', { name: /^Bearbeiten/ }).click();
    await office.getByRole('heading', { level: 1, name: 'Erklärung bearbeiten' }).waitFor();
    await expectNoAxeViolations(office, 'declaration editor');

    // A sector somebody has chosen cannot be removed: named at the sectors, in German.
    await office.getByRole('button', { name: 'Entfernen – Verein' }).click();
    await office.getByRole('button', { name: 'Speichern', exact: true }).click();
    await office.getByText('Diese Bereiche haben bereits Unterzeichnende und können nicht entfernt werden: verein.').waitFor();
    await office.reload();
    await office.getByRole('heading', { level: 1, name: 'Erklärung bearbeiten' }).waitFor();

    await office.getByLabel('Kurzer Einleitungstext (Deutsch)').fill('Über 40 Organisationen aus Musterstadt sind schon dabei.');
    await office.getByRole('button', { name: 'Bereich hinzufügen' }).click();
    const added = office.getByRole('group', { name: 'Bereich 8: neuer Bereich' });
    await added.getByLabel('Schlüssel').fill('sport');
    await office.getByRole('group', { name: /^Bereich 8:/ }).getByLabel('Bezeichnung (Deutsch)').fill('Sportverein');
    await office.getByLabel('Sprache bearbeiten').selectOption('en');
    await office.getByLabel('Kurzer Einleitungstext (English)').fill('More than 40 organisations from Musterstadt have joined.');
    await office.getByRole('group', { name: /^Bereich 8:/ }).getByLabel('Bezeichnung (English)').fill('Sports club');
    await office.getByRole('button', { name: 'Speichern', exact: true }).click();
    await office.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await expectNoAxeViolations(office, 'declaration editor after saving');

    const visitorEn = await visitor();
    await visitorEn.goto(`${server.url}/musterstadt/en/erklaerung`);
    await visitorEn.getByRole('heading', { level: 1, name: 'Musterstadt Declaration for Living Together in Diversity' }).waitFor();
    await visitorEn.getByText('More than 40 organisations from Musterstadt have joined.').waitFor();
    await visitorEn.getByText('41 organisations have signed').waitFor();
    const sectors = visitorEn.locator('form.sign-form').getByLabel('Sector (required)', { exact: true });
    await expect.poll(() => sectors.locator('option').allTextContents()).toContain('Sports club');
    await expectNoAxeViolations(visitorEn, 'public page in English');
  });
});
