// Assessment and integration plan in the browser (demo data of Musterstadt): an integration manager
// (two-factor login) records the assessment of a field, drafts a plan with goals and steps, sees a
// deadline before the plan's start refused on its field, agrees the plan, records an outcome,
// re-plans into a new version and looks at the earlier agreement; a concurrent save elsewhere
// answers with the conflict message and a reload. German and English, axe checks on every view.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanOverview } from '../../../../shared/contracts/casePlans.ts';
import { expectNoAxeViolations, launchBrowser, type RunningServer, signInPage, startServer, twoFactorApi } from '../../../../test/browser.ts';

const TENANT = 'musterstadt';
const EMAIL = `im@${TENANT}.example`;
let server: RunningServer;
let browser: Browser;
let secret = '';
let api: APIRequestContext;

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT: 'false' });
  browser = await launchBrowser();
  // two-factor login through the API; this context stays signed in with the second factor
  ({ api, secret } = await twoFactorApi(server.url, EMAIL));
}, 180_000);

afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

/** A code of the next period: the API session above used the current one. */
const signIn = (page: Page) => signInPage(page, server.url, EMAIL, { totpSecret: secret, totpOffsetMs: 30_000 });

/** A demo case of the manager by person name (the list API; names only in the response). */
async function caseOf(name: string, state: string): Promise<string> {
  const res = await api.get(`/api/v1/${TENANT}/cases?pageSize=100`);
  expect(res.status(), await res.text()).toBe(200);
  const items = ((await res.json()) as { items: Array<{ id: string; state: string; person: { name: string } }> }).items;
  const found = items.find((c) => c.person.name.includes(name) && c.state === state);
  if (!found) throw new Error(`no demo case of ${name} in state ${state}`);
  return found.id;
}

describe('assessment and integration plan', () => {
  it('records the assessment, drafts, agrees and re-plans a plan, with outcomes and the version history', async () => {
    const caseId = await caseOf('Yusuf', 'plan');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await signIn(page);

    // assessment: the demo draft case already has one field; add another
    await page.goto(`${server.url}/admin/${TENANT}/cases/${caseId}/assessment`);
    await page.getByRole('heading', { level: 2, name: 'Erstgespräch und Bedarfsanalyse' }).waitFor();
    await expectNoAxeViolations(page, 'assessment');
    const work = page.locator('details', { has: page.getByText('Ausbildung und Arbeit', { exact: true }) });
    await work.locator('summary').click();
    await work.getByLabel('Ausgangslage').fill('Elektriker mit 8 Jahren Berufserfahrung.');
    await work.getByLabel('Bedarf', { exact: true }).fill('Anerkennung, Betriebspraktikum');
    await work.getByRole('button', { name: 'Ausbildung und Arbeit speichern' }).click();
    await work.getByText('Gespeichert.').waitFor();
    await work.getByText(/Zuletzt geändert von/).waitFor();

    // the plan tab: the demo draft with its goal
    await page.getByRole('tab', { name: 'Integrationsplan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Integrationsplan' }).waitFor();
    await page.getByText('Version 1').first().waitFor();
    await expectNoAxeViolations(page, 'plan draft');

    // add a goal with a step; a deadline before the plan's start is refused on its field
    await page.getByLabel('Handlungsfeld des neuen Ziels').selectOption('work');
    await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    const goal = page.getByRole('group', { name: /^Ziel 2 – Ausbildung und Arbeit/ });
    await goal.getByRole('textbox', { name: 'Ziel', exact: true }).fill('Anerkennung als Elektriker');
    await goal.getByLabel('Frist').fill('2000-01-01');
    await goal.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await goal.getByRole('textbox', { name: 'Schritt 1', exact: true }).fill('Beratung beim IQ Netzwerk');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    const deadline = goal.getByLabel('Frist');
    await expect.poll(() => deadline.getAttribute('aria-invalid')).toBe('true');
    await goal.getByText(/Die Frist darf nicht vor dem Beginn/).waitFor();
    await expectNoAxeViolations(page, 'plan draft with an error');
    await deadline.fill('2099-12-31');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByText('Entwurf gespeichert.').waitFor();

    // someone else saves meanwhile: the next save gets the conflict message and a reload
    const overview = (await (await api.get(`/api/v1/${TENANT}/cases/${caseId}/plans`)).json()) as PlanOverview;
    const draft = (await (await api.get(`/api/v1/${TENANT}/cases/${caseId}/plans/${overview.draftPlanId}`)).json()) as Plan;
    const other = await api.put(`/api/v1/${TENANT}/cases/${caseId}/plans/${draft.id}`, {
      data: { lockVersion: draft.lockVersion, startsOn: draft.startsOn, goals: draft.goals.map(({ originId: _o, position: _p, ...g }) => g) },
    });
    expect(other.status(), await other.text()).toBe(200);
    await page.getByRole('group', { name: /^Ziel 2/ }).getByRole('textbox', { name: 'Ziel', exact: true }).fill('Anerkennung als Elektriker (Meister)');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByText(/Jemand anderes hat inzwischen gespeichert/).waitFor();
    await expect.poll(() => page.getByRole('group', { name: /^Ziel 2/ }).getByRole('textbox', { name: 'Ziel', exact: true }).inputValue()).toBe('Anerkennung als Elektriker (Meister)');
    await page.getByRole('button', { name: /Aktuellen Stand laden/ }).click();
    await expect.poll(() => page.getByRole('group', { name: /^Ziel 2/ }).getByRole('textbox', { name: 'Ziel', exact: true }).inputValue()).toBe('Anerkennung als Elektriker');

    // agree with confirmation
    await page.getByRole('button', { name: 'Vereinbaren …' }).click();
    await page.getByRole('group', { name: /Version 1 als Zielvereinbarung festschreiben/ }).waitFor();
    await expectNoAxeViolations(page, 'agreement confirmation');
    await page.getByRole('button', { name: 'Jetzt vereinbaren' }).click();
    await page.getByText('Version 1 ist vereinbart.').waitFor();
    await page.getByText('vereinbart', { exact: true }).first().waitFor();
    const pdf = page.getByRole('link', { name: /Zielvereinbarung \(PDF, Deutsch \+ Arabisch\)/ });
    expect(await pdf.getAttribute('href')).toMatch(/\/pdf\?lang=ar$/);
    const download = await api.get((await pdf.getAttribute('href'))!);
    expect(download.headers()['content-type']).toBe('application/pdf');

    // progress: the new goal is reached
    await page.getByRole('button', { name: 'Fortschritt erfassen: Anerkennung als Elektriker' }).click();
    const progress = page.getByRole('form', { name: 'Fortschritt: Anerkennung als Elektriker' });
    await progress.getByLabel('Beratung beim IQ Netzwerk').check();
    await progress.getByLabel('Ergebnis', { exact: true }).selectOption('reached');
    await expectNoAxeViolations(page, 'progress form');
    await progress.getByRole('button', { name: 'Fortschritt speichern' }).click();
    await page.getByText('Fortschritt gespeichert.').waitFor();
    await page.getByText(/erreicht am/).first().waitFor();

    // re-plan: version 2 as a draft; the agreement stays in the history and is readable
    await page.getByRole('button', { name: 'Neu planen (neue Version)' }).click();
    await page.getByText(/Eine neue Planversion wurde als Entwurf angelegt/).waitFor();
    await page.getByText('Die Vereinbarung Version 1 gilt weiter, bis dieser Entwurf vereinbart ist.').waitFor();
    await page.getByRole('button', { name: 'Vereinbaren …' }).click();
    await page.getByRole('button', { name: 'Jetzt vereinbaren' }).click();
    await page.getByText('Version 2 ist vereinbart.').waitFor();
    await page.getByRole('button', { name: 'Version 1 ansehen' }).click();
    const earlier = page.getByRole('region', { name: 'Version 1 (nur lesen)' });
    await earlier.getByText('Frühere Vereinbarung – unverändert, nur zum Lesen.').waitFor();
    await earlier.getByText('Anerkennung als Elektriker').waitFor();
    expect(await earlier.getByRole('button', { name: /Fortschritt erfassen/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'plan with history');

    // English
    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Integration plan' }).waitFor();
    await page.getByRole('heading', { name: 'Versions' }).waitFor();
    await expectNoAxeViolations(page, 'plan (English)');
    await page.getByRole('tab', { name: 'Initial interview/needs assessment' }).click();
    await page.getByRole('heading', { level: 2, name: 'Initial interview and needs assessment' }).waitFor();
    await expectNoAxeViolations(page, 'assessment (English)');
    await page.getByRole('button', { name: /DE/ }).click();
    await page.context().close();
  });
});
