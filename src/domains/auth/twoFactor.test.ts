import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountFactory, signIn, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import { totp } from '../../test/totp.ts';

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('two-factor login (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is set up with the password and a first code, then required at every sign-in', async () => {
    const tenant = await tenantFactory(t.db, { settings: { twoFactorRoles: ['office_editor'] } });
    const account = await accountFactory(t.db, tenant, { role: 'office_editor' });
    const cookie = await signIn(t.app, account);

    // Enforced for the role: the back office refuses until two-factor login is on.
    const before = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/settings`, headers: { cookie } });
    expect(before.json().error.code).toBe('two_factor_required');

    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers: { cookie }, payload: { password: 'not-the-password-1' } });
    expect(wrongPassword.statusCode).toBeGreaterThanOrEqual(400);

    const enable = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers: { cookie }, payload: { password: account.password } });
    expect(enable.statusCode).toBe(200);
    const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
    expect(backupCodes.length).toBeGreaterThan(5);
    const secret = new URL(totpURI).searchParams.get('secret')!;

    const wrongCode = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/verify-totp', headers: { cookie }, payload: { code: '000000' === totp(secret) ? '111111' : '000000' } });
    expect(wrongCode.statusCode).toBe(401);

    const verify = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/verify-totp', headers: { cookie }, payload: { code: totp(secret) } });
    expect(verify.statusCode).toBe(200);
    const session = cookieOf(verify) || cookie;
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json().twoFactorEnabled).toBe(true);

    // A fresh sign-in now stops after the password and needs the code.
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: account.email, password: account.password } });
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactorRedirect).toBe(true);
    const pending = cookieOf(first);
    const noSession = await t.app.inject({ url: '/api/v1/me', headers: { cookie: pending } });
    expect(noSession.statusCode).toBe(401);
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/verify-totp', headers: { cookie: pending }, payload: { code: totp(secret) } });
    expect(second.statusCode).toBe(200);
    const ok = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/settings`, headers: { cookie: cookieOf(second) } });
    expect(ok.statusCode).toBe(200);
  });
});
