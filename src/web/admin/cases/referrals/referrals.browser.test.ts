// Referrals end to end in the browser: the integration lead writes the consent text, a manager (set
// up through the API) records consent and sends a referral, and the partner's account — with
// two-factor login — accepts and completes it in its inbox, in German and English, with axe checks.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD as PASSWORD, enableTwoFactor, expectNoAxeViolations, launchBrowser, type RunningServer, signInApi, signInPage, startServer } from '../../../../test/browser.ts';

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

const api = (email: string) => signInApi(server.url, email);

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

const signIn = (page: Page, email: string, secret?: string) => signInPage(page, server.url, email, { totpSecret: secret });

describe('referrals', () => {
  it('consent text → consent → referral → the partner accepts and completes it in its inbox', async () => {
    const v1 = `/api/v1/${TENANT}`;
    const admin = await api(`admin@${TENANT}.example`);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();

    // The administrator writes a new version of the consent text for referrals in the back office.
    const before = await json<{ items: unknown[] }>(await admin.get(`${v1}/case-setup/consent-texts?purpose=referral`));
    const version = before.items.length + 1;
    await signIn(page, `admin@${TENANT}.example`);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einwilligungstexte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einwilligungstexte' }).waitFor();
    await expectNoAxeViolations(page, 'consent texts');
    const section = page.getByRole('region', { name: 'Vermittlung an Angebote' });
    await section.getByRole('button', { name: version === 1 ? /Ersten Text anlegen/ : /Neue Fassung/ }).click();
    await section.getByLabel('Text (Deutsch)').fill('Ich willige ein, dass mein Vorname und meine Sprachen an den Träger gehen.');
    await section.getByLabel('Übersetzung in').selectOption('en');
    await section.getByLabel('Übersetzung (Englisch)').fill('I consent that my given name and languages go to the provider.');
    await expectNoAxeViolations(page, 'consent text form');
    await section.getByRole('button', { name: 'Fassung speichern' }).click();
    await page.getByText(`Neue Fassung ${version} für „Vermittlung an Angebote“ gespeichert.`).waitFor();
    await section.getByText(`Aktuelle Fassung ${version}`, { exact: false }).waitFor();

    // Set-up through the API: team, programme, a manager with two-factor login, a person and a case.
    const team = await json<{ id: string }>(await admin.post(`${v1}/case-setup/teams`, { data: { name: 'Team Browser' } }), 201);
    const programme = await json<{ id: string }>(
      await admin.post(`${v1}/case-setup/programmes`, {
        data: { code: 'BRW', name: 'Integrationsmanagement (Test)', maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60, planReviewDays: 180, retentionMonths: 36, active: true },
      }),
      201,
    );
    const managerEmail = `im-browser-${Date.now()}@${TENANT}.example`;
    await json(await admin.post(`${v1}/admin/accounts`, { data: { email: managerEmail, name: 'Ina Manager', password: PASSWORD, role: 'integration_manager', teamId: team.id } }), 201);
    const manager = await api(managerEmail);
    const managerSecret = await enableTwoFactor(manager);

    const partnerEmail = `partner@${TENANT}.example`;
    const partner = await api(partnerEmail);
    const partnerSecret = await enableTwoFactor(partner);
    const me = await json<{ providerId: string }>(await partner.get('/api/v1/me'));
    const offers = await json<{ items: Array<{ id: string; title: string; provider: { id: string } }> }>(await manager.get(`${v1}/cases/referral-offers?pageSize=50`));
    const offer = offers.items.find((o) => o.provider.id === me.providerId);
    expect(offer, 'a published offer of the demo partner’s provider').toBeDefined();

    const person = await json<{ id: string }>(
      await manager.post(`${v1}/persons`, { data: { givenName: 'Samira', familyName: 'Browsertest', languages: ['ar', 'de'], confirmedNotDuplicate: true } }),
      201,
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const kase = await json<{ id: string }>(await manager.post(`${v1}/cases`, { data: { personId: person.id, programmeId: programme.id, startedOn: today } }), 201);

    // Without consent the referral is refused; with it, it goes out.
    const refused = await manager.post(`${v1}/cases/${kase.id}/referrals`, { data: { offerId: offer!.id } });
    expect(refused.status()).toBe(422);
    await json(await manager.post(`${v1}/persons/${person.id}/consents`, { data: { purpose: 'referral', recipient: { type: 'any_provider' }, givenOn: today } }), 201);
    const referral = await json<{ id: string; number: string }>(
      await manager.post(`${v1}/cases/${kase.id}/referrals`, { data: { offerId: offer!.id, note: 'Bitte Kurs am Vormittag.' } }),
      201,
    );

    // The partner signs in with its second factor and finds the referral in its inbox.
    const partnerPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await signIn(partnerPage, partnerEmail, partnerSecret);
    await partnerPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vermittlungen' }).click();
    await partnerPage.getByRole('heading', { level: 1, name: 'Vermittlungen an uns' }).waitFor();
    await expectNoAxeViolations(partnerPage, 'partner inbox');
    await expect(partnerPage.getByRole('table').textContent()).resolves.not.toContain('Samira');
    await partnerPage.getByRole('link', { name: referral.number }).click();
    await partnerPage.getByRole('heading', { level: 1, name: `Vermittlung ${referral.number}` }).waitFor();
    await partnerPage.getByText('Samira B.').waitFor();
    await partnerPage.getByText('Bitte Kurs am Vormittag.').waitFor();
    await expect(partnerPage.locator('main').textContent()).resolves.not.toContain('Browsertest');
    await expectNoAxeViolations(partnerPage, 'partner referral detail');

    await partnerPage.getByRole('button', { name: 'Annehmen' }).click();
    await partnerPage.getByText('Vermittlung angenommen.').waitFor();
    await partnerPage.getByLabel('Rückmeldung an das Integrationsmanagement').fill('Teilnahme ab Montag bestätigt.');
    await partnerPage.getByRole('button', { name: 'Mit Rückmeldung abschließen' }).click();
    await partnerPage.getByText('Vermittlung abgeschlossen. Danke für die Rückmeldung.').waitFor();
    await expectNoAxeViolations(partnerPage, 'completed referral');

    // English interface
    await partnerPage.getByRole('button', { name: /^EN/ }).click();
    await partnerPage.getByRole('heading', { level: 1, name: `Referral ${referral.number}` }).waitFor();
    await partnerPage.getByText('Feedback from the provider').waitFor();

    // The feedback is back in the case.
    const back = await json<{ items: Array<{ id: string; state: string; feedback: string | null; history: unknown[] }> }>(
      await manager.get(`${v1}/cases/${kase.id}/referrals`),
    );
    expect(back.items[0]).toMatchObject({ id: referral.id, state: 'done', feedback: 'Teilnahme ab Montag bestätigt.' });
    expect(back.items[0]!.history).toHaveLength(3);

    // The manager sees it on the case tab, sends a new referral with the consent shown inline, and
    // cannot send one to an external service without consent (no override permission).
    const managerPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await signIn(managerPage, managerEmail, managerSecret);
    await managerPage.goto(`${server.url}/admin/${TENANT}/cases/${kase.id}/referrals`);
    await managerPage.getByRole('heading', { level: 2, name: 'Vermittlungen' }).waitFor();
    await managerPage.getByText('Teilnahme ab Montag bestätigt.').waitFor();
    await expectNoAxeViolations(managerPage, 'case tab referrals');

    await managerPage.getByRole('button', { name: 'Neue Vermittlung' }).click();
    await managerPage.getByLabel('Angebot suchen').fill(offer!.title.slice(0, 12));
    await managerPage.getByRole('list', { name: 'Gefundene Angebote' }).getByRole('button', { name: `Auswählen – ${offer!.title}` }).first().click();
    await managerPage.getByText('Gültige Einwilligung liegt vor', { exact: false }).waitFor();
    await expectNoAxeViolations(managerPage, 'new referral form');
    await managerPage.getByRole('button', { name: 'Vermittlung senden' }).click();
    await managerPage.getByText(/Vermittlung V-[0-9A-F]{8} gesendet/).waitFor();

    await managerPage.getByRole('button', { name: 'Neue Vermittlung' }).click();
    await managerPage.getByLabel('Externe Stelle (nicht im Verzeichnis)').check();
    await managerPage.getByLabel('Name der Stelle').fill('Jobcenter Musterstadt');
    await managerPage.getByText('Für diese Vermittlung liegt keine gültige Einwilligung der Person vor.').waitFor();
    await expect(managerPage.getByRole('button', { name: 'Vermittlung senden' }).isDisabled()).resolves.toBe(true);

    // The person's consent register.
    await managerPage.goto(`${server.url}/admin/${TENANT}/persons/${person.id}/consents`);
    await managerPage.getByRole('heading', { level: 2, name: 'Einwilligungen' }).waitFor();
    const register = managerPage.getByRole('table', { name: 'Einwilligungen' });
    await register.getByRole('cell', { name: 'Jeder Träger im Angebotsverzeichnis', exact: true }).waitFor();
    await register.getByText('Gültig', { exact: true }).waitFor();
    await expectNoAxeViolations(managerPage, 'person tab consents');
    await register.getByRole('button', { name: /Widerruf erfassen/ }).click();
    await register.getByRole('button', { name: 'Widerruf speichern' }).click();
    await managerPage.getByText('Widerruf gespeichert.', { exact: false }).waitFor();
    await register.getByText('Widerrufen', { exact: true }).waitFor();
  }, 150_000);
});
