// First-steps editor and single sign-on on the login page, end to end: real server with demo data,
// Debian's Chromium, axe on the editor; the public API must show what the office saved.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../../test/browser.ts';

const PASSWORD = 'Lotse-Demo-2026';
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}

interface PublicFirstSteps {
  title: string;
  steps: Array<{ title: string; text: string; fieldId: string | null; offers: Array<{ id: string; title: string }> }>;
}

/** Links an offer to the step by searching its title and picking it from the results. */
async function linkOffer(page: Page, step: number, title: string): Promise<void> {
  const group = page.getByRole('group', { name: `Schritt ${step}`, exact: true });
  await group.getByLabel(`Angebot suchen (Schritt ${step})`).fill(title);
  const results = group.getByRole('list', { name: `Treffer für Schritt ${step}` });
  await results.getByRole('button', { name: `Verknüpfen – ${title}`, exact: true }).first().click();
  await group.getByRole('list', { name: 'Verknüpfte Angebote' }).getByText(title, { exact: true }).waitFor();
}

describe('first steps editor', () => {
  it('an office editor creates a list with two steps and a linked offer, edits it, and the public API shows it', async () => {
    const page = await newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, 'redaktion@musterstadt.example');

    // The data the test works with, from the server: the seniors' target group and two published offers.
    const profile = (await (await page.request.get(`${server.url}/api/v1/musterstadt/profile`)).json()) as {
      targetGroups: Array<{ id: string; names: Record<string, string> }>;
      fieldsOfAction: Array<{ id: string; names: Record<string, string> }>;
    };
    const seniors = profile.targetGroups.find((g) => g.names.de === 'Seniorinnen und Senioren');
    expect(seniors).toBeDefined();
    const health = profile.fieldsOfAction.find((f) => f.names.de === 'Gesundheit');
    expect(health).toBeDefined();
    const offers = (await (await page.request.get(`${server.url}/api/v1/musterstadt/admin/offers?status=published&sort=title&pageSize=2`)).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const [offerA, offerB] = offers.items;
    expect(offerA && offerB).toBeTruthy();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Erste Schritte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erste Schritte' }).waitFor();
    await page.getByRole('link', { name: 'Neue Liste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Liste „Erste Schritte“' }).waitFor();

    // A missing German step title is named at the step; what was typed stays.
    await page.getByLabel('Zielgruppe').selectOption(seniors!.id);
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Gut ankommen im Alter');
    await page.getByLabel('Einleitung').fill('Drei Wege zu Kontakten und Hilfe in Musterstadt.');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const step1 = page.getByRole('group', { name: 'Schritt 1', exact: true });
    await step1.getByText('Der deutsche Text ist Pflicht.').waitFor();
    expect(await step1.getByLabel('Titel des Schritts').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Titel', exact: true }).inputValue()).toBe('Gut ankommen im Alter');

    await step1.getByLabel('Titel des Schritts').fill('Treffpunkte besuchen');
    await step1.getByLabel('Text des Schritts').fill('Im Seniorentreff lernen Sie Nachbarinnen und Nachbarn kennen.');
    await linkOffer(page, 1, offerA!.title);
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    const step2 = page.getByRole('group', { name: 'Schritt 2', exact: true });
    await step2.getByLabel('Titel des Schritts').fill('Gesund bleiben');
    await step2.getByLabel('Text des Schritts').fill('Gesundheitslotsen begleiten Sie zur Hausarztpraxis.');
    await step2.getByLabel('Handlungsfeld (optional)').selectOption(health!.id);

    // Reordering moves the whole step, texts included.
    await step2.getByRole('button', { name: 'Nach oben – Schritt 2' }).click();
    expect(await step1.getByLabel('Titel des Schritts').inputValue()).toBe('Gesund bleiben');
    await step1.getByRole('button', { name: 'Nach unten – Schritt 1' }).click();
    expect(await step1.getByLabel('Titel des Schritts').inputValue()).toBe('Treffpunkte besuchen');

    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Die Liste wurde angelegt.').waitFor();
    await page.waitForURL(/\/admin\/musterstadt\/first-steps\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Liste „Erste Schritte“ bearbeiten' }).waitFor();
    // The linked offer's title is loaded for the saved list.
    await step1.getByRole('list', { name: 'Verknüpfte Angebote' }).getByText(offerA!.title, { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'first-steps editor');

    // The demo's list for the same group comes first in the navigator: the office deletes it.
    await page.getByRole('link', { name: 'Zurück zu Erste Schritte' }).click();
    await page.getByLabel('Zielgruppe').selectOption(seniors!.id);
    const cards = page.locator('article.card');
    await expect.poll(() => cards.count()).toBe(2);
    const demoCard = cards.filter({ hasNot: page.getByRole('heading', { name: 'Gut ankommen im Alter' }) });
    await demoCard.getByRole('button', { name: /^Löschen/ }).click();
    await page.getByText('Die Liste wurde gelöscht.').waitFor();
    await expect.poll(() => cards.count()).toBe(1);
    await expectNoAxeViolations(page, 'first-steps list');

    const publicList = async (): Promise<PublicFirstSteps | null> => {
      const res = await page.request.get(`${server.url}/api/v1/musterstadt/first-steps?targetGroup=${seniors!.id}&lang=de`);
      return res.ok() ? ((await res.json()) as PublicFirstSteps) : null;
    };
    await expect.poll(async () => (await publicList())?.title).toBe('Gut ankommen im Alter');
    const created = (await publicList())!;
    expect(created.steps.map((s) => s.title)).toEqual(['Treffpunkte besuchen', 'Gesund bleiben']);
    expect(created.steps[0]!.offers.map((o) => o.id)).toEqual([offerA!.id]);
    expect(created.steps[1]!.fieldId).toBe(health!.id);

    // Edit: a new step title and a second offer on step 2.
    await page.getByRole('link', { name: 'Bearbeiten – Gut ankommen im Alter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Liste „Erste Schritte“ bearbeiten' }).waitFor();
    await step1.getByRole('list', { name: 'Verknüpfte Angebote' }).getByText(offerA!.title, { exact: true }).waitFor();
    await step1.getByLabel('Titel des Schritts').fill('Treffpunkte in Ihrer Nähe besuchen');
    await linkOffer(page, 2, offerB!.title);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Gespeichert.', { exact: true }).waitFor();
    expect(await step1.getByLabel('Titel des Schritts').inputValue()).toBe('Treffpunkte in Ihrer Nähe besuchen');

    await expect.poll(async () => (await publicList())?.steps[0]?.title).toBe('Treffpunkte in Ihrer Nähe besuchen');
    const edited = (await publicList())!;
    expect(edited.steps[1]!.offers.map((o) => o.id)).toEqual([offerB!.id]);
    expect(edited.steps[0]!.offers.map((o) => o.id)).toEqual([offerA!.id]);
    await page.context().close();
  });
});

/** A minimal OpenID provider on loopback: discovery only; the authorization page itself may 404. */
function startIssuer(): Promise<{ server: Server; issuer: string }> {
  return new Promise((resolve) => {
    const idp = createServer((req, res) => {
      const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
            token_endpoint: `${issuer}/protocol/openid-connect/token`,
            userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
            jwks_uri: `${issuer}/protocol/openid-connect/certs`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
        return;
      }
      res.statusCode = 404;
      res.end('not here');
    });
    idp.listen(0, '127.0.0.1', () => resolve({ server: idp, issuer: `http://127.0.0.1:${(idp.address() as AddressInfo).port}` }));
  });
}

describe('single sign-on on the login page', () => {
  it('shows no SSO button without an identity provider', async () => {
    const page = await newPage();
    const methods = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/methods'));
    await page.goto(`${server.url}/admin/login`);
    expect(await (await methods).json()).toMatchObject({ oidc: { enabled: false } });
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getByRole('button', { name: /Anmelden mit/ }).count()).toBe(0);
    await page.context().close();
  });

  it('with an identity provider, "Anmelden mit …" sends the browser to it', async () => {
    const idp = await startIssuer();
    const sso = await startServer({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'lotse', OIDC_CLIENT_SECRET: 'secret', OIDC_NAME: 'Stadt-Login' });
    try {
      const page = await newPage();
      await page.goto(`${sso.url}/admin/login`);
      const button = page.getByRole('button', { name: 'Anmelden mit Stadt-Login' });
      await button.waitFor();
      await expectNoAxeViolations(page, 'login with SSO');
      await button.click();
      await page.waitForURL((url) => `${url.origin}${url.pathname}` === `${idp.issuer}/protocol/openid-connect/auth`);
      const url = new URL(page.url());
      expect(url.searchParams.get('client_id')).toBe('lotse');
      expect(url.searchParams.get('scope')).toContain('openid');
      await page.context().close();
    } finally {
      await sso.stop();
      idp.server.close();
    }
  }, 180_000);
});
