// Persons in the browser (demo data of Musterstadt): an integration manager with two-factor login
// records a person (a future birth date is refused at the field), is warned before recording the
// same man a second time, corrects the record and finds the change in the history, creates a
// household, merges the two records, and restricts processing. German and English, axe checks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type RunningServer, signInPage, startServer, twoFactorSecret } from '../../../test/browser.ts';

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
const enableTwoFactor = (email: string) => twoFactorSecret(server.url, email);

const signIn = (page: Page, email: string, secret: string) => signInPage(page, server.url, email, { totpSecret: secret });

describe('persons', () => {
  it('records, warns about a duplicate, corrects, builds a household, merges and restricts', async () => {
    const secret = await enableTwoFactor(`im@${TENANT}.example`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    await signIn(page, `im@${TENANT}.example`, secret);

    // The person search
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await page.getByRole('link', { name: 'Haddad, Amal' }).waitFor();
    await expectNoAxeViolations(page, 'person search');
    await page.getByLabel('Name', { exact: true }).fill('Jusuf Hadad');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('link', { name: 'Haddad, Yusuf' }).waitFor();
    expect(page.url()).not.toContain('Hadad');

    // Record a person: a birth date in the future is refused at the field
    await page.getByRole('link', { name: 'Person erfassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Person erfassen' }).waitFor();
    await expectNoAxeViolations(page, 'new person');
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill('Mohammed');
    await page.getByRole('textbox', { name: 'Familienname', exact: true }).fill('Al-Hassan');
    const future = `${new Date().getFullYear() + 1}-05-01`;
    await page.getByLabel('Geburtsdatum').fill(future);
    await page.getByRole('button', { name: 'Prüfen und anlegen' }).click();
    await page.getByText('Darf nicht in der Zukunft liegen.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    await page.getByLabel('Geburtsdatum').fill('1990-04-12');
    await page.getByLabel('Staatsangehörigkeit hinzufügen').selectOption('IQ');
    await page.getByRole('group', { name: 'Staatsangehörigkeiten' }).getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByLabel('Aufenthaltsstatus').selectOption('toleration');
    await page.getByLabel('Gesundheit', { exact: true }).fill('Asthma');
    await page.getByRole('button', { name: 'Prüfen und anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' }).waitFor();
    const firstUrl = page.url();
    // the window title goes into the browser's history, like the address: no name in it
    expect(await page.title()).toBe('Person – Lotse');
    await expectNoAxeViolations(page, 'person page');

    // The same man again, in another spelling: warned before the second record is created
    await page.goto(`${server.url}/admin/${TENANT}/persons/new`);
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill('Muhammad');
    await page.getByRole('textbox', { name: 'Familienname', exact: true }).fill('Alhasan');
    await page.getByLabel('Geburtsdatum').fill('1990-04-12');
    await page.getByRole('button', { name: 'Prüfen und anlegen' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Diese Person ist möglicherweise schon erfasst' });
    await warning.waitFor();
    await warning.getByText('wahrscheinlich dieselbe Person').first().waitFor();
    await expectNoAxeViolations(page, 'duplicate warning');
    await warning.getByRole('button', { name: 'Es ist eine andere Person – trotzdem anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Muhammad Alhasan' }).waitFor();
    const secondUrl = page.url();

    // Correct the record; the history shows before and after
    await page.getByLabel('Telefon', { exact: true }).fill('0621 123 456');
    await page.getByLabel('Grund der Änderung').fill('Neue Nummer');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
    await page.getByRole('tab', { name: 'Änderungsverlauf' }).click();
    const history = page.getByRole('table', { name: 'Änderungsverlauf' });
    await history.getByRole('cell', { name: '0621 123 456' }).waitFor();
    await history.getByRole('cell', { name: 'Neue Nummer' }).waitFor();
    await expectNoAxeViolations(page, 'change history');

    // A household for the second record
    await page.getByRole('tab', { name: 'Haushalt' }).click();
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
    await page.getByRole('list', { name: 'Mitglieder des Haushalts' }).getByRole('button', { name: 'Muhammad Alhasan aus dem Haushalt entfernen' }).waitFor();
    await expectNoAxeViolations(page, 'household');

    // Merge the second record into the first
    await page.goto(firstUrl);
    await page.getByRole('link', { name: 'Mit anderem Datensatz zusammenführen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zusammenführen: Mohammed Al-Hassan' }).waitFor();
    expect(await page.title()).toBe('Datensätze zusammenführen – Lotse');
    await page.getByRole('button', { name: 'Mit Muhammad Alhasan vergleichen' }).click();
    await page.getByRole('group', { name: 'Telefon', exact: true }).getByLabel(/Übernommener Datensatz/).check();
    await page.getByRole('group', { name: 'Haushalt', exact: true }).getByLabel(/Übernommener Datensatz/).check();
    await expectNoAxeViolations(page, 'merge comparison');
    await page.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    await page.getByText('Bitte bestätigen Sie, dass beide Datensätze dieselbe Person betreffen.').waitFor();
    await page.getByLabel(/Ich habe geprüft/).check();
    await page.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    await page.getByText('Die Datensätze sind zusammengeführt.').waitFor();
    await expect.poll(() => page.getByLabel('Telefon', { exact: true }).inputValue()).toBe('0621 123 456');
    // The merged record's address leads to the survivor
    await page.goto(secondUrl);
    await page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' }).waitFor();
    expect(page.url()).toBe(firstUrl);

    // Restrict processing: banner, locked form
    await page.getByRole('button', { name: 'Verarbeitung einschränken' }).click();
    await page.getByRole('textbox', { name: 'Grund', exact: true }).fill('Richtigkeit der Daten bestritten');
    await page.getByRole('button', { name: 'Einschränken', exact: true }).click();
    await page.getByText('Die Verarbeitung ist eingeschränkt (Art. 18 DSGVO)').waitFor();
    expect(await page.getByRole('textbox', { name: 'Vorname', exact: true }).first().isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Mit anderem Datensatz zusammenführen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'restricted person');

    // English
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByText('Processing is restricted (Art. 18 GDPR)').waitFor();
    await page.getByRole('tab', { name: 'Change history' }).click();
    await page.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();
    await expectNoAxeViolations(page, 'person page in English');
    await context.close();
  }, 240_000);
});
