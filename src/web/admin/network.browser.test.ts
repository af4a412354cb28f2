// A working-group meeting end to end, in the real back office on the Musterstadt demo: plan it,
// send the invitation (mails land in the outbox, a contact without consent is skipped), write the
// minutes with attendance and a decision, add a follow-up task, send the minutes, find the task in
// the task list; the network overview draws. axe on every page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../../test/browser.ts';

const PASSWORD = 'Lotse-Demo-2026';
const GROUP = 'Arbeitskreis Arbeitsmarktintegration';
const MEETING = 'Sondersitzung Kurse mit Kinderbetreuung';
const TASK = 'Kinderbetreuung mit den Familienzentren abstimmen';
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}

/** The tenant's outbox, read as the administrator through the API. */
async function outbox(admin: BrowserContext): Promise<Array<{ to: string; subject: string; text: string }>> {
  const res = await admin.request.get(`${server.url}/api/v1/musterstadt/admin/outbox?pageSize=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Array<{ to: string; subject: string; text: string }> }).items;
}

describe('networks and working groups', () => {
  it('runs a meeting from invitation to minutes and follow-up tasks in the task list', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    const admin = await browser.newContext();
    const login = await admin.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: 'admin@musterstadt.example', password: PASSWORD } });
    expect(login.status()).toBe(200);

    await signIn(page, 'redaktion@musterstadt.example');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Netzwerke & Arbeitskreise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Netzwerke & Arbeitskreise' }).waitFor();
    await page.getByRole('link', { name: GROUP }).waitFor();
    await expectNoAxeViolations(page, 'group list');
    await page.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByRole('table').filter({ hasText: 'Delegierte Person' }).getByRole('link', { name: 'Stefan Braun' }).waitFor();
    await expectNoAxeViolations(page, 'group page');

    // Plan the meeting: an end before the start is named at the field, the typed values stay.
    await page.getByRole('button', { name: 'Neue Sitzung' }).click();
    await page.getByRole('heading', { level: 3, name: 'Neue Sitzung' }).waitFor();
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(MEETING);
    await page.getByLabel('Datum').fill('2031-03-12');
    await page.getByLabel('Beginn').fill('16:00');
    await page.getByLabel('Ende').fill('15:00');
    await page.getByLabel('Ort', { exact: true }).fill('Volkshochschule, Raum 101');
    await page.getByLabel('Titel von TOP 1').fill('Bedarf an Kursen mit Kinderbetreuung');
    await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    await page.getByLabel('Titel von TOP 2').fill('Räume und Zeiten');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect.poll(() => page.getByLabel('Ende').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Titel', exact: true }).inputValue()).toBe(MEETING);
    await page.getByLabel('Ende').fill('18:00');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await page.waitForURL(/\/admin\/musterstadt\/network\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByText('Mi., 12. März 2031, 16:00–18:00').waitFor();
    await expectNoAxeViolations(page, 'meeting page');

    // Invitation: to the delegates with consent; the one without consent is named and skipped.
    const before = (await outbox(admin)).length;
    await page.getByRole('button', { name: 'Einladung versenden' }).click();
    const sent = page.getByText(/^Einladung an \d+ Personen versendet\.$/);
    await sent.waitFor();
    const invited = Number(/an (\d+) Personen/.exec((await sent.textContent()) ?? '')![1]);
    expect(invited).toBeGreaterThanOrEqual(5);
    await page.getByText('Mariya Dimitrova: keine Einwilligung zur Kontaktaufnahme').waitFor();
    const invitations = (await outbox(admin)).filter((m) => m.subject === `Einladung: ${GROUP} – ${MEETING}`);
    expect(invitations).toHaveLength(invited);
    expect((await outbox(admin)).length).toBe(before + invited);
    expect(invitations.some((m) => m.to.startsWith('mariya.dimitrova'))).toBe(false);
    expect(invitations[0]!.text).toContain('Mittwoch, 12. März 2031, 16:00–18:00 Uhr');
    expect(invitations[0]!.text).toContain('1. Bedarf an Kursen mit Kinderbetreuung');

    // Minutes: attendance, notes on an agenda item, a decision under it.
    const minutes = page.getByRole('form', { name: 'Protokoll' });
    await minutes.getByLabel('Stefan Braun (Jobcenter Musterstadt)').selectOption('present');
    await minutes.getByLabel('Daniela Popescu (Jobcenter Musterstadt)').selectOption('excused');
    await minutes.getByLabel('Ergebnis zu TOP 1: Bedarf an Kursen mit Kinderbetreuung').fill('Zwölf Familien warten auf einen Kurs mit Kinderbetreuung.');
    await minutes.getByRole('button', { name: 'Beschluss hinzufügen' }).click();
    await minutes.getByLabel('Beschluss 1', { exact: true }).fill('Ein Kurs mit Kinderbetreuung startet im Herbst in der Nordstadt.');
    await minutes.getByLabel('Zu TOP (Beschluss 1)').selectOption({ label: '1. Bedarf an Kursen mit Kinderbetreuung' });
    await minutes.getByRole('button', { name: 'Protokoll speichern' }).click();
    await page.getByText('Das Protokoll wurde gespeichert.').waitFor();

    // A follow-up task with an owner from the network and a deadline.
    const tasks = page.getByRole('region', { name: 'Aufgaben aus der Sitzung' });
    await tasks.getByRole('textbox', { name: 'Aufgabe', exact: true }).fill(TASK);
    await tasks.getByLabel('Zuständig', { exact: true }).fill('Stefan Br');
    await tasks.getByRole('list', { name: 'Treffer für Zuständig' }).getByRole('button', { name: /^Stefan Braun/ }).click();
    await tasks.getByLabel('Frist').fill('2031-04-01');
    await tasks.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await tasks.getByText(TASK).waitFor();
    await expect.poll(() => tasks.getByRole('listitem').filter({ hasText: TASK }).textContent()).toContain('Stefan Braun');

    await page.getByRole('button', { name: 'Protokoll versenden' }).click();
    await page.getByText(/^Protokoll an \d+ Personen versendet\.$/).waitFor();
    const protocol = (await outbox(admin)).filter((m) => m.subject === `Protokoll: ${GROUP} – ${MEETING}`);
    expect(protocol).toHaveLength(invited);
    expect(protocol[0]!.text).toContain('Beschluss: Ein Kurs mit Kinderbetreuung startet im Herbst in der Nordstadt.');
    expect(protocol[0]!.text).toContain(`- ${TASK} (Stefan Braun, bis 01.04.2031)`);
    expect(protocol[0]!.text).toContain('Anwesend: Stefan Braun');
    await expectNoAxeViolations(page, 'meeting page with minutes');

    // The task list across all groups shows it, with group, owner and deadline.
    await nav.getByRole('link', { name: 'Aufgaben' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aufgaben' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TASK });
    await row.waitFor();
    expect(await row.textContent()).toContain(GROUP);
    expect(await row.textContent()).toContain('Stefan Braun');
    expect(await row.textContent()).toContain('01.04.2031');
    await expectNoAxeViolations(page, 'task list');
    await page.getByLabel('Anzeigen').selectOption('overdue');
    await expect.poll(() => page.getByRole('row').filter({ hasText: TASK }).count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'überfällig' }).first().waitFor();

    // The network overview draws the whole demo network, and its list alternative.
    await nav.getByRole('link', { name: 'Netzwerkübersicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Netzwerkübersicht' }).waitFor();
    await page.locator('svg.network-svg[data-rendered="true"]').waitFor();
    await expectNoAxeViolations(page, 'network overview');
    await page.getByRole('tab', { name: 'Liste' }).click();
    await page.getByRole('link', { name: GROUP }).waitFor();
    await expectNoAxeViolations(page, 'network overview list');
    // Opened directly (its data is requested while the session is checked), around one group with its people.
    const groupId = /groups\/([0-9a-f-]{36})/.exec((await page.getByRole('link', { name: GROUP }).getAttribute('href')) ?? '')![1]!;
    await page.goto(`${server.url}/admin/musterstadt/network/graph?groupId=${groupId}`);
    await page.locator('svg.network-svg[data-rendered="true"]').waitFor();
    await page.getByText(/^1 Gruppen, \d+ Organisationen, \d+ Personen/).waitFor();
    await page.getByLabel('In der Grafik finden').fill('Stefan');
    await page.getByRole('list', { name: 'Treffer in der Grafik' }).getByRole('button', { name: /Stefan Braun/ }).click();
    await page.getByRole('complementary', { name: 'Auswahl' }).getByRole('heading', { name: 'Stefan Braun' }).waitFor();

    // "Who does what?": language for women and parents in the Südstadt.
    await nav.getByRole('link', { name: 'Wer macht was?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wer macht was?' }).waitFor();
    await page.getByLabel('Handlungsfeld').selectOption({ label: 'Sprache' });
    await page.getByLabel('Stadtteil / Gemeinde').selectOption({ label: 'Südstadt' });
    await page.getByRole('group', { name: 'Zielgruppen' }).getByLabel('Frauen').check();
    await page.getByRole('group', { name: 'Zielgruppen' }).getByLabel('Eltern').check();
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: /Frauenzentrum Musterstadt/ }).waitFor();
    await expectNoAxeViolations(page, 'who does what');
    await context.close();
    await admin.close();
  });

  it('pages through organisations, finds organisations and people by search and opens their pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE' });
    const page = await context.newPage();
    await signIn(page, 'redaktion@musterstadt.example');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Akteure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akteure' }).waitFor();
    const pager = page.getByRole('navigation', { name: 'Seiten' });
    await pager.getByText(/^1–25 von \d+$/).waitFor();
    await expectNoAxeViolations(page, 'organisation list');
    await pager.getByRole('button', { name: 'Weiter' }).click();
    await pager.getByText(/^26–\d+ von \d+$/).waitFor();
    // A search (debounced) starts again at page 1; nothing found is said in the table.
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Jobcenter');
    await page.getByRole('link', { name: 'Jobcenter Musterstadt' }).waitFor();
    await pager.getByText(/^1–\d+ von \d+$/).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Gibt es nicht');
    await page.getByRole('cell', { name: 'Keine Einträge gefunden.' }).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Jobcenter');
    await page.getByRole('link', { name: 'Jobcenter Musterstadt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobcenter Musterstadt' }).waitFor();
    await page.getByRole('link', { name: 'Stefan Braun' }).first().waitFor();
    await expectNoAxeViolations(page, 'organisation page');
    await page.getByRole('link', { name: 'Stefan Braun' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Stefan Braun' }).waitFor();
    await expectNoAxeViolations(page, 'contact page');
    await page.getByRole('link', { name: '← Zurück zu den Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Braun');
    await page.getByRole('row').filter({ hasText: 'Teamleitung Integration in Arbeit' }).getByRole('link', { name: 'Stefan Braun' }).waitFor();
    await expectNoAxeViolations(page, 'contact list');
    // A new record's page: its title and the empty form.
    await page.getByRole('link', { name: 'Neue Person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Person' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('');

    // A likely duplicate: warned while typing, refused (409) with the candidates and no error, created once confirmed.
    await nav.getByRole('link', { name: 'Akteure' }).click();
    await page.getByRole('link', { name: 'Neue Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Organisation' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Jobcenter Musterstadt e. V.');
    const warning = page.getByRole('status').filter({ hasText: 'Diese Organisation gibt es vielleicht schon:' });
    await warning.getByRole('link', { name: 'Jobcenter Musterstadt' }).waitFor();
    const [refusal] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/organisations')),
      page.getByRole('button', { name: 'Organisation anlegen' }).click(),
    ]);
    expect(refusal.status()).toBe(409);
    await warning.getByRole('link', { name: 'Jobcenter Musterstadt' }).waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);
    await expectNoAxeViolations(page, 'new organisation with a duplicate warning');
    await page.getByLabel('Trotzdem neu anlegen (kein Duplikat)').check();
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.waitForURL(/\/admin\/musterstadt\/network\/organisations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Jobcenter Musterstadt e. V.' }).waitFor();
    await context.close();
  });
});
