// Case management in the browser (demo data of Musterstadt): the administration sets up teams and
// programmes and gives accounts case roles; an integration manager (two-factor login) works through
// the case list, opens a case for a person, moves it through its states, closes and reopens it; the
// team lead hands all cases of a leaving manager over; the idle timeout signs out. German and
// English, axe checks on every page.
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

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  return context.newPage();
}

const signIn = (page: Page, email: string, secret?: string) => signInPage(page, server.url, email, { totpSecret: secret });

/** Case roles land on the dashboard; the case list is the navigation's "Fälle". */
const openCaseList = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fälle', exact: true }).click();

describe('case management', () => {
  let imSecret = '';
  let leadSecret = '';

  beforeAll(async () => {
    imSecret = await enableTwoFactor(`im@${TENANT}.example`);
    leadSecret = await enableTwoFactor(`teamleitung@${TENANT}.example`);
  });

  it('the administration sets up teams and programmes and gives an account a case role with a team', async () => {
    const page = await newPage();
    await signIn(page, `admin@${TENANT}.example`);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fallmanagement einrichten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fallmanagement einrichten' }).waitFor();
    await page.getByRole('cell', { name: 'BW Integrationsmanagement', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case setup');

    await page.getByLabel('Neues Team').fill('Team Ost');
    await page.getByRole('button', { name: 'Team anlegen' }).click();
    await page.getByText('Team „Team Ost“ angelegt.').waitFor();

    await page.getByRole('button', { name: 'Neues Programm' }).click();
    const editor = page.getByRole('form', { name: 'Neues Programm' });
    await editor.getByLabel('Kürzel').fill('JMD');
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Jugendmigrationsdienst');
    await editor.getByLabel('Höchstdauer (Monate)').fill('24');
    await editor.getByLabel('Aufbewahrung nach Abschluss (Monate)').fill('0');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await editor.getByText('Mindestens 1.').waitFor();
    await editor.getByLabel('Aufbewahrung nach Abschluss (Monate)').fill('24');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Programm „Jugendmigrationsdienst“ gespeichert.').waitFor();
    await page.getByRole('cell', { name: 'JMD', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case setup after changes');

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Konten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konten' }).waitFor();
    await page.getByText('Neues Konto anlegen').click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Olga Ost');
    await page.getByRole('textbox', { name: 'E-Mail', exact: true }).fill('olga.ost@musterstadt.example');
    await page.getByLabel('Erstes Passwort').fill('ein-langes-Passwort-2026');
    await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption('integration_manager');
    await page.getByRole('button', { name: 'Konto anlegen', exact: true }).click();
    await page.getByText('Integrationsmanager*innen und Teamleitungen brauchen ein Team.').waitFor();
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: 'Team Ost' });
    await page.getByLabel('Darf fehlende Einwilligung übergehen', { exact: true }).check();
    await page.getByRole('button', { name: 'Konto anlegen', exact: true }).click();
    await page.getByRole('cell', { name: 'olga.ost@musterstadt.example' }).waitFor();
    expect(await page.getByLabel('Team von Olga Ost').locator('option:checked').textContent()).toBe('Team Ost');
    await expectNoAxeViolations(page, 'accounts with case roles');
    await page.context().close();
  });

  it('a manager works through a case: list, new case, states, closing, reopening — in German and English', async () => {
    const page = await newPage();
    await signIn(page, `im@${TENANT}.example`, imSecret);
    await openCaseList(page);
    await page.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    await page.getByText(/\d+ Fälle/).waitFor();
    await expectNoAxeViolations(page, 'my cases');

    // Due for attention: the demo has cases near or past their maximum duration.
    await page.getByLabel('Handlungsbedarf').selectOption('max_duration');
    await page.waitForURL(/attention=max_duration/);
    await page.getByText('Höchstdauer überschritten', { exact: false }).first().waitFor();
    await page.getByLabel('Handlungsbedarf').selectOption('');

    // Open a new case for a demo person found through the persons search.
    await page.getByRole('link', { name: 'Neuer Fall' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuen Fall anlegen' }).waitFor();
    await page.getByLabel('Name (auch andere Schreibweisen)').fill('Amal Haddad');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('button', { name: 'Auswählen – Amal Haddad' }).click();
    await page.getByRole('heading', { name: '2. Fall anlegen' }).waitFor();
    await expectNoAxeViolations(page, 'new case');
    await page.getByRole('combobox', { name: 'Programm' }).selectOption({ label: 'Migrationsberatung für erwachsene Zugewanderte (MBE) (MBE)' });
    await page.getByRole('button', { name: 'Fall anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Fall MBE-\d{4}-\d{5}$/ }).waitFor();
    await page.getByText('Erstaufnahme').first().waitFor();
    await expectNoAxeViolations(page, 'case page');

    // Intake → assessment → plan, then close with a reason and reopen.
    const next = page.getByRole('region', { name: 'Nächster Schritt' });
    await next.getByLabel('Weiter zu').selectOption('assessment');
    await next.getByRole('button', { name: 'Status ändern' }).click();
    await page.getByRole('heading', { level: 1 }).locator('..').getByText('Bedarfsklärung').waitFor();
    await page.getByRole('region', { name: 'Nächster Schritt' }).getByRole('button', { name: 'Status ändern' }).click();
    await page.getByText('Status: Bedarfsklärung → Integrationsplan').waitFor();

    const close = page.getByRole('region', { name: 'Fall abschließen' });
    await close.getByRole('button', { name: 'Abschließen' }).click();
    await close.getByText('Bitte den Abschlussgrund angeben.').waitFor();
    await close.getByLabel('Abschlussgrund').selectOption('self_reliant');
    await close.getByRole('button', { name: 'Abschließen' }).click();
    await page.getByText('Löschung vorgesehen am').waitFor();
    const reopen = page.getByRole('region', { name: 'Fall wiederaufnehmen' });
    await reopen.getByLabel('Grund der Wiederaufnahme').fill('Neue Fragen zur Arbeitserlaubnis');
    await reopen.getByRole('button', { name: 'Wiederaufnehmen' }).click();
    await page.getByText('Neue Fragen zur Arbeitserlaubnis').waitFor();
    await expectNoAxeViolations(page, 'case page after reopening');

    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Case MBE-/ }).waitFor();
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expectNoAxeViolations(page, 'case page (English)');
    await page.getByRole('button', { name: /DE/ }).click();
    await page.context().close();
  });

  it('the team lead sees the team view and hands all cases of a manager over', async () => {
    const page = await newPage();
    await signIn(page, `teamleitung@${TENANT}.example`, leadSecret);
    await openCaseList(page);
    await page.getByRole('heading', { level: 1, name: 'Fälle meines Teams' }).waitFor();
    await page.getByRole('link', { name: 'Teamansicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamansicht: Team Nord' }).waitFor();
    await expectNoAxeViolations(page, 'team view');
    await page.getByRole('button', { name: 'Alle Fälle übergeben – Jonas Brenner' }).click();
    const form = page.getByRole('region', { name: 'Alle Fälle von Jonas Brenner übergeben' });
    await form.getByRole('combobox', { name: 'An' }).selectOption({ label: 'Ines Mahler' });
    await form.getByLabel('Grund (freiwillig)').fill('Wechsel in ein anderes Amt');
    page.once('dialog', (d) => void d.accept());
    await form.getByRole('button', { name: 'Alle Fälle übergeben' }).click();
    await page.getByText(/Fälle von Jonas Brenner wurden übergeben\./).waitFor();
    // The caseload table reloads after the handover: wait for the new count.
    const row = page.getByRole('row', { name: /Jonas Brenner/ });
    await row.getByRole('cell').nth(1).filter({ hasText: /^0$/ }).waitFor();
    await expectNoAxeViolations(page, 'team view after handover');
    await page.context().close();
  });

  it('signs out after the idle timeout of case views, with a warning one minute before', async () => {
    const page = await newPage();
    await signIn(page, `im@${TENANT}.example`, imSecret);
    await openCaseList(page);
    await page.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    // Fake timers from here on (the page starts again with them); no real waiting.
    await page.clock.install();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    await page.clock.fastForward('14:10');
    const dialog = page.getByRole('alertdialog', { name: 'Sie werden gleich abgemeldet' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'idle warning');
    await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.clock.fastForward('15:05');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    // The session is gone on the server too.
    const me = await page.request.get(`${server.url}/api/v1/me`);
    expect(me.status()).toBe(401);
    await page.context().close();
  });
});
