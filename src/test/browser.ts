import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type BrowserContext, chromium, type Page, request as playwrightRequest } from 'playwright-core';
import { expect, inject } from 'vitest';
import { totp } from './totp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`lotse serve`) on a copy of the demo data directory seeded once per run
 * (browserGlobalSetup.ts) and a free port, and waits until it answers /api/ready. The web build must
 * exist (npm test builds it first).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-browser-'));
  cpSync(inject('browserDataTemplate'), dataDir, { recursive: true });
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/lotse.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', LOTSE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context (the navigator is mobile-first). */
export async function phoneContext(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: options.locale ?? 'de-DE' });
}

/** axe-core WCAG 2.x A/AA violations of the current page (empty = none). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null | undefined; nodes: string[] }>> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Fails the test with the violations when axe-core finds any on the current page. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The password of every demo account (src/demo). */
export const DEMO_PASSWORD = 'Lotse-Demo-2026';

/** A new API context signed in with e-mail and password (cookies kept in the context). */
export async function signInApi(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/**
 * Switches two-factor login on for the account signed in on `api` (enable with the password, then
 * verify a TOTP code — the session then counts as having passed the second factor); returns the
 * TOTP secret for later sign-ins.
 */
export async function enableTwoFactor(api: APIRequestContext, password = DEMO_PASSWORD): Promise<string> {
  const enable = await api.post('/api/auth/two-factor/enable', { data: { password } });
  expect(enable.status(), await enable.text()).toBe(200);
  const secret = new URL(((await enable.json()) as { totpURI: string }).totpURI).searchParams.get('secret')!;
  const verify = await api.post('/api/auth/two-factor/verify-totp', { data: { code: totp(secret) } });
  expect(verify.status(), await verify.text()).toBe(200);
  return secret;
}

/**
 * Signs in through the API and switches two-factor login on: the returned context stays signed in
 * with the second factor; the secret gives TOTP codes for later sign-ins.
 */
export async function twoFactorApi(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<{ api: APIRequestContext; secret: string }> {
  const api = await signInApi(baseURL, email, password);
  return { api, secret: await enableTwoFactor(api, password) };
}

/** Switches two-factor login on for an account (through the API) and returns only the TOTP secret. */
export async function twoFactorSecret(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const { api, secret } = await twoFactorApi(baseURL, email, password);
  await api.dispose();
  return secret;
}

/**
 * Signs a page in on the back office's (German) login page and waits for the main navigation. With
 * `totpSecret`, answers the two-factor step with a TOTP code for now plus `totpOffsetMs` (30_000:
 * a code of the next period, when an API session of the same account has just used the current one).
 */
export async function signInPage(
  page: Page,
  baseURL: string,
  email: string,
  options: { password?: string; totpSecret?: string; totpOffsetMs?: number } = {},
): Promise<void> {
  await page.goto(`${baseURL}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  if (options.totpSecret) {
    await page.getByRole('heading', { level: 1, name: 'Bestätigungscode' }).waitFor();
    await page.getByLabel('Sechsstelliger Code').fill(totp(options.totpSecret, Date.now() + (options.totpOffsetMs ?? 0)));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
  }
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}
