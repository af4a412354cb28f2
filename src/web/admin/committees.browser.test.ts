// Committees end to end: an office editor creates a meeting with a public and a non-public agenda
// item, publishes it, and the public navigator page shows the public item only. Real server with
// demo data, Debian's Chromium, axe (WCAG 2.2 AA) on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../../test/browser.ts';

const PASSWORD = 'Lotse-Demo-2026';
const PUBLIC_ITEM = 'Bericht zur Sprachförderung (Browsertest)';
const SECRET_ITEM = 'Vertrauliche Personalsache (Browsertest)';
const MEETING = 'Sondersitzung Browsertest';
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

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('committees', () => {
  it('an office editor creates and publishes a meeting; the public page shows only its public item', async () => {
    const page = await newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByLabel('E-Mail').fill('redaktion@musterstadt.example');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.waitFor();

    await nav.getByRole('link', { name: 'Gremien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gremien' }).waitFor();
    await page.getByRole('link', { name: 'Ausschuss für Integration und Migration' }).waitFor();
    await expectNoAxeViolations(page, 'committee list');

    await page.getByRole('link', { name: 'Ausschuss für Integration und Migration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausschuss für Integration und Migration' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mitglieder' }).waitFor();
    await expectNoAxeViolations(page, 'committee page');

    await page.getByRole('link', { name: 'Neue Sitzung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Sitzung' }).waitFor();
    // The committee comes preselected from the committee page.
    await expect.poll(() => page.getByLabel('Gremium').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Ausschuss für Integration und Migration');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    // Required fields are named, nothing is sent.
    await page.getByText('Pflichtfeld – bitte ausfüllen.').first().waitFor();
    const year = new Date().getUTCFullYear() + 1;
    await page.getByLabel('Bezeichnung der Sitzung').fill(MEETING);
    await page.getByLabel('Beginn (Datum und Uhrzeit)').fill(`${year}-03-15T17:00`);
    await page.getByLabel('Ende (Datum und Uhrzeit)').fill(`${year}-03-15T16:00`);
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await page.getByText('Das Ende darf nicht vor dem Beginn liegen.').waitFor();
    await page.getByLabel('Ende (Datum und Uhrzeit)').fill(`${year}-03-15T19:00`);
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();

    await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    const first = page.getByRole('group', { name: /^Tagesordnungspunkt 1\b/ });
    await first.getByLabel('Bezeichnung').fill(PUBLIC_ITEM);
    await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    const second = page.getByRole('group', { name: /^Tagesordnungspunkt 2\b/ });
    await second.getByLabel('Nummer').fill('N 1');
    await second.getByLabel('Bezeichnung').fill(SECRET_ITEM);
    await second.getByLabel('Öffentlicher Tagesordnungspunkt').uncheck();
    await expect.poll(() => second.getByText('nichtöffentlich', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Tagesordnung speichern' }).click();
    await page.getByText('Tagesordnung gespeichert.').waitFor();
    await expectNoAxeViolations(page, 'meeting editor');

    await page.getByRole('button', { name: 'Sitzung veröffentlichen' }).click();
    await page.getByText('Die Sitzung ist veröffentlicht').waitFor();
    const publicLink = page.getByRole('link', { name: 'Öffentliche Seite ansehen' });
    const href = await publicLink.getAttribute('href');
    expect(href).toMatch(/^\/musterstadt\/de\/gremien\/sitzungen\/[0-9a-f-]{36}$/);
    const meetingId = href!.split('/').pop()!;

    // The public page, as anyone sees it: no session.
    const visitor = await newPage();
    await visitor.goto(`${server.url}${href}`);
    await visitor.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await visitor.getByRole('heading', { level: 3, name: `Ö 1 ${PUBLIC_ITEM}` }).waitFor();
    expect(await visitor.getByText(SECRET_ITEM).count()).toBe(0);
    expect(await visitor.content()).not.toContain('Vertrauliche Personalsache');
    await expectNoAxeViolations(visitor, 'public meeting page');
    const api = await visitor.request.get(`${server.url}/api/v1/musterstadt/committee-meetings/${meetingId}`);
    expect(await api.text()).not.toContain('Vertrauliche Personalsache');
    const oparl = await visitor.request.get(`${server.url}/api/oparl/v1.1/bodies/musterstadt/meetings/${meetingId}`);
    expect(oparl.headers()['access-control-allow-origin']).toBe('*');
    const oparlText = await oparl.text();
    expect(oparlText).toContain(PUBLIC_ITEM);
    expect(oparlText).not.toContain('Vertrauliche Personalsache');

    // From the meeting to its committee and to the list of committees, through the page's links.
    await visitor.getByRole('link', { name: 'Ausschuss für Integration und Migration' }).first().click();
    await visitor.getByRole('heading', { level: 1, name: 'Ausschuss für Integration und Migration' }).waitFor();
    await visitor.getByRole('link', { name: new RegExp(MEETING) }).waitFor();
    await expectNoAxeViolations(visitor, 'public committee page');
    // A past demo meeting with papers, minutes and files, and one of its papers.
    await visitor.getByRole('link', { name: /10\. Sitzung des Ausschusses/ }).click();
    await visitor.getByRole('heading', { level: 1, name: '10. Sitzung des Ausschusses für Integration und Migration' }).waitFor();
    expect(await visitor.getByText('Vergabe Sprachmittlerdienstleistungen').count()).toBe(0);
    await expectNoAxeViolations(visitor, 'public past meeting page');
    await visitor.getByRole('link', { name: /^V\/2026\/0188/ }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Förderrichtlinie Sprachmittlerpool' }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Beratungsfolge' }).waitFor();
    await expectNoAxeViolations(visitor, 'public paper page');
    await visitor.goBack();
    await visitor.goBack();
    await visitor.getByRole('heading', { level: 1, name: 'Ausschuss für Integration und Migration' }).waitFor();
    await visitor.getByRole('link', { name: 'Alle Gremien' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Gremien' }).waitFor();
    await expectNoAxeViolations(visitor, 'public committee list');
  });

  it('finds papers and persons by search, opens a paper, adds a council term', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByLabel('E-Mail').fill('redaktion@musterstadt.example');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Gremien' }).click();
    const area = page.getByRole('navigation', { name: 'Bereich Gremien' });
    await area.getByRole('link', { name: 'Vorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorlagen' }).waitFor();
    await page.getByRole('link', { name: 'V/2026/0141' }).waitFor();
    await expectNoAxeViolations(page, 'paper list');
    await page.getByRole('searchbox', { name: 'Drucksachennummer oder Titel' }).fill('Sprachmittler');
    await expect.poll(() => page.getByRole('link', { name: 'V/2026/0141' }).count()).toBe(0);
    await page.getByRole('link', { name: 'V/2026/0188' }).click();
    await page.getByRole('heading', { level: 1, name: 'V/2026/0188 – Förderrichtlinie Sprachmittlerpool' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Angaben zur Vorlage' }).waitFor();
    await expectNoAxeViolations(page, 'paper page');
    await page.getByRole('link', { name: '← Zurück zu den Vorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorlagen' }).waitFor();

    await area.getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Becker');
    await page.getByRole('row').filter({ hasText: 'Thomas Becker' }).getByRole('button', { name: /^Bearbeiten/ }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page, 'persons list');

    await area.getByRole('link', { name: 'Orte und Wahlperioden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wahlperioden des Gemeinderats' }).waitFor();
    await page.getByRole('button', { name: 'Wahlperiode hinzufügen' }).click();
    await expect.poll(() => page.getByLabel('Bezeichnung der Wahlperiode').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Bezeichnung der Wahlperiode').fill('Wahlperiode Browsertest');
    await page.getByLabel('Beginn').fill('2031-07-01');
    await page.getByRole('button', { name: 'Wahlperiode hinzufügen' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Wahlperiode Browsertest' }).first().waitFor();
    expect(await page.getByLabel('Bezeichnung der Wahlperiode').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'places and terms');
  });
});
