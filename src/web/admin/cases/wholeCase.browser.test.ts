// A whole case in the back office (demo data of Musterstadt), as the people involved do it: the
// tenant admin sets up a team; an integration manager (two-factor login) records a person — a
// near-duplicate is warned about —, opens a case, writes the assessment, drafts and agrees the
// integration plan (goal-agreement PDF), records consent and sends a referral to a directory offer;
// the partner's account (two-factor login) accepts it; the manager records the goal as reached,
// closes the case with a reason and exports the person's data (JSON); the team lead erases the
// person on request, and the person can no longer be found. German, one page in English; axe checks
// on every page visited.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type RunningServer, signInPage, startServer, twoFactorApi as twoFactorApiOf } from '../../../test/browser.ts';

const TENANT = 'musterstadt';
const GIVEN = 'Samira';
const FAMILY = 'Qasemi-Nouri';
const BIRTH = '1992-03-14';
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

/** Signs in through the API and switches two-factor login on; the context stays signed in (with the second factor). */
const twoFactorApi = (email: string) => twoFactorApiOf(server.url, email);

async function newPage(): Promise<Page> {
  // reduced motion: no colour transitions that axe could catch half-way
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true, reducedMotion: 'reduce' });
  return context.newPage();
}

/** With a secret, the code is one of the next period: the API session used the current one. */
const signIn = (page: Page, email: string, secret?: string) => signInPage(page, server.url, email, { totpSecret: secret, totpOffsetMs: 30_000 });

describe('a whole case in the back office', () => {
  it('intake → plan → referral accepted by the partner → goal reached → closed → export → erased', async () => {
    const manager = await twoFactorApi(`im@${TENANT}.example`);
    const partner = await twoFactorApi(`partner@${TENANT}.example`);
    const lead = await twoFactorApi(`teamleitung@${TENANT}.example`);

    // ---- the tenant admin sets up a team (the demo's programmes are there)
    const admin = await newPage();
    await signIn(admin, `admin@${TENANT}.example`);
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fallmanagement einrichten' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Fallmanagement einrichten' }).waitFor();
    await admin.getByRole('cell', { name: 'BW Integrationsmanagement', exact: true }).waitFor();
    await expectNoAxeViolations(admin, 'case setup');
    await admin.getByLabel('Neues Team').fill('Team West');
    await admin.getByRole('button', { name: 'Team anlegen' }).click();
    await admin.getByText('Team „Team West“ angelegt.').waitFor();
    await expectNoAxeViolations(admin, 'case setup with the new team');
    await admin.context().close();

    // ---- the manager records a person
    const page = await newPage();
    await signIn(page, `im@${TENANT}.example`, manager.secret);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await page.getByRole('link', { name: 'Haddad, Amal' }).waitFor();
    await expectNoAxeViolations(page, 'person search');
    await page.getByRole('link', { name: 'Person erfassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Person erfassen' }).waitFor();
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill(GIVEN);
    await page.getByRole('textbox', { name: 'Familienname', exact: true }).fill(FAMILY);
    await page.getByLabel('Geburtsdatum').fill(BIRTH);
    await page.getByLabel('E-Mail', { exact: true }).fill('samira.qn@example.org');
    await page.getByLabel('Aufenthaltsstatus').selectOption('residence_permit');
    await page.getByLabel('Gesundheit', { exact: true }).fill('Allergie gegen Penicillin');
    await expectNoAxeViolations(page, 'new person form');
    await page.getByRole('button', { name: 'Prüfen und anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `${GIVEN} ${FAMILY}` }).waitFor();
    const personUrl = page.url();
    await expectNoAxeViolations(page, 'person page');

    // the same person again in another spelling: warned before a second record is created
    await page.goto(`${server.url}/admin/${TENANT}/persons/new`);
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill('Sameera');
    await page.getByRole('textbox', { name: 'Familienname', exact: true }).fill('Kasemi-Nouri');
    await page.getByLabel('Geburtsdatum').fill(BIRTH);
    await page.getByRole('button', { name: 'Prüfen und anlegen' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Diese Person ist möglicherweise schon erfasst' });
    await warning.waitFor();
    await warning.getByText(`${FAMILY}`, { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'duplicate warning');

    // ---- a case for the person
    await page.goto(personUrl);
    await page.getByRole('tab', { name: 'Fälle' }).click();
    await page.getByRole('link', { name: 'Fall eröffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuen Fall anlegen' }).waitFor();
    await page.getByRole('combobox', { name: 'Programm' }).selectOption({ label: 'BW Integrationsmanagement (IM)' });
    await expectNoAxeViolations(page, 'new case');
    await page.getByRole('button', { name: 'Fall anlegen' }).click();
    const caseHeading = page.getByRole('heading', { level: 1, name: /^Fall IM-\d{4}-\d{5}$/ });
    await caseHeading.waitFor();
    const reference = /IM-\d{4}-\d{5}/.exec((await caseHeading.textContent())!)![0];
    const caseUrl = page.url();
    await expectNoAxeViolations(page, 'case page');

    // intake → assessment, and the assessment of one field of action
    const next = page.getByRole('region', { name: 'Nächster Schritt' });
    await next.getByLabel('Weiter zu').selectOption('assessment');
    await next.getByRole('button', { name: 'Status ändern' }).click();
    await page.getByRole('heading', { level: 1 }).locator('..').getByText('Bedarfsklärung').waitFor();
    await page.getByRole('tab', { name: 'Erstgespräch/Bedarfsanalyse' }).click();
    await page.getByRole('heading', { level: 2, name: 'Erstgespräch und Bedarfsanalyse' }).waitFor();
    const work = page.locator('details', { has: page.getByText('Ausbildung und Arbeit', { exact: true }) });
    await work.locator('summary').click();
    await work.getByLabel('Ausgangslage').fill('Pflegehelferin mit fünf Jahren Erfahrung.');
    await work.getByLabel('Bedarf', { exact: true }).fill('Anerkennung, Deutschkurs B2');
    await work.getByRole('button', { name: 'Ausbildung und Arbeit speichern' }).click();
    await work.getByText('Gespeichert.').waitFor();
    await expectNoAxeViolations(page, 'assessment');

    // assessment → plan; the integration plan with one goal, agreed; the goal agreement as PDF
    await page.goto(caseUrl);
    await page.getByRole('region', { name: 'Nächster Schritt' }).getByRole('button', { name: 'Status ändern' }).click();
    await page.getByText('Status: Bedarfsklärung → Integrationsplan').waitFor();
    await page.getByRole('tab', { name: 'Integrationsplan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Integrationsplan' }).waitFor();
    await page.getByRole('button', { name: 'Integrationsplan anlegen' }).click();
    await page.getByText('Der Entwurf des Integrationsplans wurde angelegt.').waitFor();
    await page.getByLabel('Handlungsfeld des neuen Ziels').selectOption('work');
    await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    const goalTitle = 'Anerkennung als Pflegefachkraft';
    const goal = page.getByRole('group', { name: /^Ziel 1 – Ausbildung und Arbeit/ });
    await goal.getByRole('textbox', { name: 'Ziel', exact: true }).fill(goalTitle);
    await goal.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await goal.getByRole('textbox', { name: 'Schritt 1', exact: true }).fill('Unterlagen beim Regierungspräsidium einreichen');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByText('Entwurf gespeichert.').waitFor();
    await expectNoAxeViolations(page, 'plan draft');
    await page.getByRole('button', { name: 'Vereinbaren …' }).click();
    await page.getByRole('button', { name: 'Jetzt vereinbaren' }).click();
    await page.getByText('Version 1 ist vereinbart.').waitFor();
    const pdfLink = page.getByRole('link', { name: /^Zielvereinbarung \(PDF, Deutsch/ }).first();
    const pdf = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, server.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(page, 'agreed plan');

    // ---- consent for referrals, recorded on the person
    await page.goto(personUrl);
    await page.getByRole('tab', { name: 'Einwilligungen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Einwilligungen' }).waitFor();
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Einwilligung erfassen' }).waitFor();
    await expectNoAxeViolations(page, 'consent form');
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await page.getByText('Einwilligung gespeichert.').waitFor();
    await page.getByRole('table', { name: 'Einwilligungen' }).getByText('Gültig', { exact: true }).waitFor();

    // ---- a referral to an offer of the demo partner's provider
    const me = (await (await partner.api.get('/api/v1/me')).json()) as { providerId: string };
    const offers = (await (await manager.api.get(`/api/v1/${TENANT}/cases/referral-offers?pageSize=50`)).json()) as { items: Array<{ title: string; provider: { id: string } }> };
    const offer = offers.items.find((o) => o.provider.id === me.providerId);
    expect(offer, 'a published offer of the demo partner’s provider').toBeDefined();
    await page.goto(`${caseUrl.replace(/\/[a-z-]+$/, '')}/referrals`);
    await page.getByRole('heading', { level: 2, name: 'Vermittlungen' }).waitFor();
    await page.getByRole('button', { name: 'Neue Vermittlung' }).click();
    await page.getByLabel('Angebot suchen').fill(offer!.title.slice(0, 12));
    await page.getByRole('list', { name: 'Gefundene Angebote' }).getByRole('button', { name: `Auswählen – ${offer!.title}` }).first().click();
    await page.getByText('Gültige Einwilligung liegt vor', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'new referral');
    await page.getByRole('button', { name: 'Vermittlung senden' }).click();
    const sent = page.getByText(/Vermittlung V-[0-9A-F]{8} gesendet/);
    await sent.waitFor();
    const number = /V-[0-9A-F]{8}/.exec((await sent.textContent())!)![0];

    // ---- the partner accepts it in its inbox
    const inbox = await newPage();
    await signIn(inbox, `partner@${TENANT}.example`, partner.secret);
    await inbox.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vermittlungen' }).click();
    await inbox.getByRole('heading', { level: 1, name: 'Vermittlungen an uns' }).waitFor();
    await expectNoAxeViolations(inbox, 'partner inbox');
    await inbox.getByRole('link', { name: number }).click();
    await inbox.getByRole('heading', { level: 1, name: `Vermittlung ${number}` }).waitFor();
    await inbox.getByText(`${GIVEN} Q.`).waitFor();
    await expect(inbox.locator('main').textContent()).resolves.not.toContain(FAMILY);
    await expectNoAxeViolations(inbox, 'partner referral');
    await inbox.getByRole('button', { name: 'Annehmen' }).click();
    await inbox.getByText('Vermittlung angenommen.').waitFor();
    await expectNoAxeViolations(inbox, 'accepted referral');
    await inbox.context().close();

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Vermittlungen' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: number });
    await card.getByText('Angenommen', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case referrals');

    // ---- the goal is reached; the case is closed with a reason
    await page.getByRole('tab', { name: 'Integrationsplan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Integrationsplan' }).waitFor();
    await page.getByRole('button', { name: `Fortschritt erfassen: ${goalTitle}` }).click();
    const progress = page.getByRole('form', { name: `Fortschritt: ${goalTitle}` });
    await progress.getByLabel('Unterlagen beim Regierungspräsidium einreichen').check();
    await progress.getByLabel('Ergebnis', { exact: true }).selectOption('reached');
    await expectNoAxeViolations(page, 'progress form');
    await progress.getByRole('button', { name: 'Fortschritt speichern' }).click();
    await page.getByText('Fortschritt gespeichert.').waitFor();
    await page.getByText(/erreicht am/).first().waitFor();

    await page.getByRole('tab', { name: 'Übersicht' }).click();
    const close = page.getByRole('region', { name: 'Fall abschließen' });
    await close.getByLabel('Abschlussgrund').selectOption('goals_reached');
    await close.getByRole('button', { name: 'Abschließen' }).click();
    await page.getByText('Löschung vorgesehen am').waitFor();
    await expectNoAxeViolations(page, 'closed case');

    // ---- the person's data as JSON (Art. 15/20)
    await page.goto(`${personUrl.replace(/\/[a-z-]+$/, '')}/privacy`);
    await page.getByRole('heading', { level: 2, name: 'Auskunft und Datenübertragbarkeit (Art. 15/20 DSGVO)' }).waitFor();
    await expectNoAxeViolations(page, 'person privacy tab');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Auskunft als JSON (maschinenlesbar)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^auskunft-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { sections: Record<string, Array<Record<string, unknown>>> };
    expect(exported.sections.person![0]).toMatchObject({ givenName: GIVEN, familyName: FAMILY, healthNotes: 'Allergie gegen Penicillin' });
    expect(exported.sections.goals!.some((g) => g.title === goalTitle && g.outcome === 'reached')).toBe(true);
    expect(exported.sections.referrals!).toHaveLength(1);
    expect(exported.sections.cases![0]).toMatchObject({ state: 'closed', closingReason: 'goals_reached' });

    // one page in English
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Access and portability (Art. 15/20 GDPR)' }).waitFor();
    await page.getByRole('link', { name: 'Export as JSON (machine-readable)' }).waitFor();
    await page.getByRole('tab', { name: 'Data protection' }).waitFor();
    await expectNoAxeViolations(page, 'person privacy tab (English)');
    await page.getByRole('button', { name: /^DE/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Auskunft und Datenübertragbarkeit (Art. 15/20 DSGVO)' }).waitFor();
    await page.context().close();

    // ---- the team lead erases the person on request (Art. 17)
    const teamLead = await newPage();
    await signIn(teamLead, `teamleitung@${TENANT}.example`, lead.secret);
    await teamLead.goto(`${personUrl.replace(/\/[a-z-]+$/, '')}/privacy`);
    const erase = teamLead.getByRole('region', { name: 'Löschen auf Antrag (Art. 17 DSGVO)' });
    await erase.waitFor();
    await expectNoAxeViolations(teamLead, 'erasure form');
    await erase.getByLabel('Begründung').fill('Antrag nach Art. 17 DSGVO, schriftlich eingegangen');
    await erase.getByLabel('Familienname zur Bestätigung').fill(FAMILY);
    teamLead.once('dialog', (d) => void d.accept());
    await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
    await teamLead.getByText('Gelöscht: die Person und 1 Fall/Fälle.', { exact: false }).waitFor();
    await expectNoAxeViolations(teamLead, 'erased');

    // ---- the person can no longer be found
    await teamLead.getByRole('button', { name: 'Zur Personensuche' }).click();
    await teamLead.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await teamLead.getByLabel('Name', { exact: true }).fill(`${GIVEN} ${FAMILY}`);
    await teamLead.getByRole('button', { name: 'Suchen', exact: true }).click();
    await teamLead.getByText('Keine Person gefunden.').waitFor();
    await expectNoAxeViolations(teamLead, 'person search after erasure');
    await teamLead.goto(personUrl);
    await teamLead.getByText('Diese Person gibt es nicht oder Sie haben keinen Zugriff.').waitFor();
    await expectNoAxeViolations(teamLead, 'erased person page');
    const gone = await lead.api.get(`/api/v1/${TENANT}/cases?q=${reference}`);
    expect(gone.status()).toBe(200);
    expect(((await gone.json()) as { total: number }).total).toBe(0);
    await teamLead.context().close();

    for (const ctx of [manager.api, partner.api, lead.api]) await ctx.dispose();
  }, 300_000);
});
