// The case journal in the back office, end to end: real server with demo data, Debian's Chromium,
// axe on every tab. An integration manager (two-factor login) records an appointment with an
// interpreter, corrects it, creates and completes a task, uploads and downloads a document, sets
// and resolves a flag, and finds the task on "Aufgaben & Termine"; then the same in English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD as PASSWORD, enableTwoFactor, expectNoAxeViolations, launchBrowser, type RunningServer, startServer } from '../../../../test/browser.ts';

const SLUG = 'musterstadt';
let server: RunningServer;
let browser: Browser;
let manager: BrowserContext;
let caseId: string;

/** Waits for a heading; on failure the error carries the page's text (what was shown instead). */
async function heading(page: Page, level: number, name: string): Promise<void> {
  try {
    await page.getByRole('heading', { level, name }).waitFor({ timeout: 15_000 });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- page text:\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
  }
}

async function ok<T>(res: Promise<{ ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }>, what: string): Promise<T> {
  const r = await res;
  if (!r.ok()) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT: 'false' });
  browser = await launchBrowser();
  // Setup through the API: team, programme and a manager account (tenant admin), then the
  // manager's two-factor login, a person and a case.
  const admin = await browser.newContext({ baseURL: server.url });
  await ok(admin.request.post('/api/auth/sign-in/email', { data: { email: `admin@${SLUG}.example`, password: PASSWORD } }), 'admin sign-in');
  const team = await ok<{ id: string }>(admin.request.post(`/api/v1/${SLUG}/case-setup/teams`, { data: { name: 'Team Verlauf' } }), 'team');
  const programme = await ok<{ id: string }>(
    admin.request.post(`/api/v1/${SLUG}/case-setup/programmes`, {
      data: { code: 'JRN', name: 'Integrationsmanagement (Test)', description: '', maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60, planReviewDays: 180, retentionMonths: 36, active: true },
    }),
    'programme',
  );
  const email = `jana.journal@${SLUG}.example`;
  await ok(admin.request.post(`/api/v1/${SLUG}/admin/accounts`, { data: { email, name: 'Jana Journal', password: PASSWORD, role: 'integration_manager', teamId: team.id } }), 'account');
  await admin.close();

  manager = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true });
  await ok(manager.request.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD } }), 'manager sign-in');
  await enableTwoFactor(manager.request);
  const person = await ok<{ id: string }>(
    manager.request.post(`/api/v1/${SLUG}/persons`, { data: { givenName: 'Samira', familyName: 'Testfall-Verlauf', birthDate: '1991-03-04', languages: ['ar'], confirmedNotDuplicate: true } }),
    'person',
  );
  const kase = await ok<{ id: string }>(
    manager.request.post(`/api/v1/${SLUG}/cases`, { data: { personId: person.id, programmeId: programme.id, startedOn: '2026-01-05' } }),
    'case',
  );
  caseId = kase.id;
}, 240_000);

afterAll(async () => {
  await manager?.close();
  await browser?.close();
  await server?.stop();
});

describe('case journal in the back office', () => {
  it('records, corrects and filters appointments, contacts and notes (German)', async () => {
    const page = await manager.newPage();
    await page.goto(`${server.url}/admin/${SLUG}/cases/${caseId}/journal`);
    await heading(page, 2, 'Verlauf');
    await page.getByText('Noch keine Einträge.').waitFor();
    await expectNoAxeViolations(page, 'Verlauf (leer)');

    await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
    const form = page.getByRole('form', { name: 'Termin, Kontakt oder Notiz erfassen' });
    await form.getByRole('radio', { name: 'Kontakt' }).check();
    // a contact needs its channel: the form says so and keeps the input
    await form.getByLabel('Betreff').fill('Telefonat wegen Sprachkurs');
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    await form.getByText('Bitte den Kontaktweg wählen.').waitFor();
    await form.getByLabel('Kontaktweg').selectOption('phone');
    await form.getByLabel('Dauer (Minuten)').fill('1500');
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    await form.getByText('Bitte eine ganze Zahl von 0 bis 1440 Minuten eingeben.').waitFor();
    await form.getByLabel('Dauer (Minuten)').fill('20');
    await form.getByLabel('Sprachmittlung', { exact: true }).selectOption('volunteer');
    await form.getByRole('combobox', { name: 'Sprache', exact: true }).selectOption('ar');
    await form.getByLabel('Text', { exact: true }).fill('Kursbeginn bestätigt.');
    await expectNoAxeViolations(page, 'Eintrag erfassen');
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    await page.getByText('Der Eintrag wurde gespeichert.').waitFor();
    const list = page.getByRole('list', { name: 'Einträge, neueste zuerst' });
    const entry = list.getByRole('article', { name: 'Telefonat wegen Sprachkurs' });
    await entry.getByText('ehrenamtliche Sprachmittlung: Arabisch').waitFor();
    await entry.getByText('20 Minuten').waitFor();

    // correct it: the earlier version stays visible
    await entry.getByRole('button', { name: 'Korrigieren – Telefonat wegen Sprachkurs' }).click();
    const edit = page.getByRole('form', { name: 'Eintrag korrigieren' });
    await edit.getByLabel('Text', { exact: true }).fill('Kursbeginn am Montag bestätigt.');
    await edit.getByLabel('Grund der Korrektur').fill('Datum ergänzt');
    await edit.getByRole('button', { name: 'Korrektur speichern' }).click();
    await page.getByText('Die Korrektur wurde gespeichert.').waitFor();
    const corrected = list.getByRole('article', { name: 'Telefonat wegen Sprachkurs' });
    await corrected.getByText('Kursbeginn am Montag bestätigt.').waitFor();
    await corrected.getByText('Frühere Fassungen anzeigen').click();
    await corrected.getByText('Kursbeginn bestätigt.', { exact: true }).waitFor();
    await corrected.getByText(/Grund: Datum ergänzt/).waitFor();

    // a note, then the filter by kind
    await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
    const noteForm = page.getByRole('form', { name: 'Termin, Kontakt oder Notiz erfassen' });
    await noteForm.getByLabel('Betreff').fill('Aktenvermerk');
    await noteForm.getByLabel('Text', { exact: true }).fill('Unterlagen vollständig.');
    await noteForm.getByRole('button', { name: 'Eintrag speichern' }).click();
    await list.getByRole('article', { name: 'Aktenvermerk' }).waitFor();
    await page.getByRole('form', { name: 'Verlauf filtern' }).getByLabel('Art', { exact: true }).selectOption('contact');
    await page.getByText('1 Eintrag', { exact: true }).waitFor();
    expect(await list.getByRole('article', { name: 'Aktenvermerk' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Verlauf');
    await page.close();
  });

  it('creates and completes a task; it shows on the task page (German)', async () => {
    const page = await manager.newPage();
    await page.goto(`${server.url}/admin/${SLUG}/cases/${caseId}/tasks`);
    await heading(page, 2, 'Aufgaben');
    await page.getByRole('button', { name: 'Neue Aufgabe' }).click();
    const form = page.getByRole('form', { name: 'Aufgabe anlegen' });
    await form.getByRole('textbox', { name: 'Aufgabe', exact: true }).fill('Fahrtkostenantrag stellen');
    await form.getByLabel('Fällig am').fill('2020-01-10');
    await form.getByRole('button', { name: 'Aufgabe speichern' }).click();
    await page.getByText('Die Aufgabe wurde angelegt.').waitFor();
    const task = page.getByRole('article', { name: 'Fahrtkostenantrag stellen' });
    await task.getByText('überfällig').waitFor();
    await expectNoAxeViolations(page, 'Aufgaben');

    await page.goto(`${server.url}/admin/${SLUG}/cases/tasks`);
    await heading(page, 1, 'Aufgaben & Termine');
    await page.getByRole('cell', { name: 'Fahrtkostenantrag stellen', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Aufgaben & Termine');
    await page.getByRole('tab', { name: 'Überfällig in meinen Fällen' }).click();
    await page.getByRole('cell', { name: 'Fahrtkostenantrag stellen', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Erledigt – Fahrtkostenantrag stellen' }).click();
    await page.getByText('Keine Aufgaben.').waitFor();
    await page.getByRole('tab', { name: 'Anstehende Termine' }).click();
    await page.getByText('Keine anstehenden Termine.').waitFor();
    await expectNoAxeViolations(page, 'Anstehende Termine');
    await page.close();
  });

  it('uploads, lists and downloads a document; refuses a wrong type (German)', async () => {
    const page = await manager.newPage();
    await page.goto(`${server.url}/admin/${SLUG}/cases/${caseId}/documents`);
    await heading(page, 2, 'Dokumente');
    const form = page.getByRole('form', { name: 'Dokument hochladen' });
    await form.getByLabel(/^Datei/).setInputFiles({ name: 'notiz.txt', mimeType: 'text/plain', buffer: Buffer.from('nur Text') });
    await form.getByLabel('Dokumentart').selectOption('letter');
    await form.getByRole('button', { name: 'Hochladen' }).click();
    await form.getByText(/Nur PDF-, JPG-, PNG-, ODT- und DOCX-Dateien/).waitFor();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await form.getByLabel(/^Datei/).setInputFiles({ name: 'Aufenthaltstitel.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByLabel('Dokumentart').selectOption('residence_permit');
    await form.getByLabel('Gültig bis').fill('2020-06-30');
    await form.getByRole('button', { name: 'Hochladen' }).click();
    await page.getByText('Das Dokument wurde hochgeladen.').waitFor();
    const row = page.getByRole('row', { name: /Aufenthaltstitel\.pdf/ });
    await row.getByText('abgelaufen').waitFor();
    await expectNoAxeViolations(page, 'Dokumente');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Herunterladen – Aufenthaltstitel.pdf' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dokument-[0-9a-f]{8}\.pdf$/);
    await page.close();
  });

  it('sets and resolves a flag; the English interface works too', async () => {
    const page = await manager.newPage();
    await page.goto(`${server.url}/admin/${SLUG}/cases/${caseId}/flags`);
    await heading(page, 2, 'Hinweise');
    const form = page.getByRole('form', { name: 'Hinweis setzen' });
    await form.getByRole('button', { name: 'Hinweis setzen' }).click();
    await form.getByText('Bitte eine Begründung angeben.').waitFor();
    await form.getByLabel('Art des Hinweises').selectOption('interpreter_needed');
    await form.getByLabel('Begründung').fill('Termine nur mit Sprachmittlung Arabisch.');
    await form.getByRole('button', { name: 'Hinweis setzen' }).click();
    await page.getByText('Der Hinweis wurde gesetzt.').waitFor();
    const flag = page.getByRole('article', { name: 'Sprachmittlung nötig' });
    await flag.getByText('Termine nur mit Sprachmittlung Arabisch.').waitFor();
    await expectNoAxeViolations(page, 'Hinweise');
    await flag.getByRole('button', { name: 'Als erledigt markieren – Sprachmittlung nötig' }).click();
    await flag.getByLabel('Wie wurde der Hinweis erledigt?').fill('Deutschkenntnisse reichen inzwischen.');
    await flag.getByRole('button', { name: 'Erledigen' }).click();
    await page.getByText('Der Hinweis ist erledigt.').waitFor();
    await page.getByText('Keine aktiven Hinweise.').waitFor();

    await page.getByRole('button', { name: /^EN/ }).click();
    await heading(page, 2, 'Flags');
    await page.getByText('1 resolved flag').waitFor();
    await page.getByRole('tab', { name: 'History', exact: true }).click();
    await heading(page, 2, 'History');
    await page.getByText('volunteer interpreter: Arabic').waitFor();
    await expectNoAxeViolations(page, 'History (English)');
    await page.getByRole('button', { name: /^DE/ }).click();
    await page.close();
  });
});
