import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountFactory, signIn, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

describe('accounts and sessions', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
  });
  afterAll(() => t.close());

  it('rejects /me without a session (401)', async () => {
    const res = await t.app.inject('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('signs in with e-mail and password and knows the tenant', async () => {
    const { account, cookie } = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
    const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: account.email, role: 'tenant_admin', tenant: { slug: tenant.slug } });
  });

  it('stores passwords as argon2id', async () => {
    const account = await accountFactory(t.db, tenant);
    const rows = await t.db.system((tx) => tx.query<{ password: string }>('SELECT password FROM auth_account WHERE user_id = $1', [account.id]));
    expect(rows[0]!.password).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and logs the failed login', async () => {
    const account = await accountFactory(t.db, tenant);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: account.email, password: 'wrong-password-123' } });
    expect(res.statusCode).toBe(401);
    const log = await t.db.system((tx) =>
      tx.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'login.failed'", [account.id]),
    );
    expect(log).toHaveLength(1);
  });

  it('logs successful logins', async () => {
    const account = await accountFactory(t.db, tenant);
    await signIn(t.app, account);
    const log = await t.db.system((tx) =>
      tx.query<{ tenant_id: string }>("SELECT tenant_id FROM audit_log WHERE entity_id = $1 AND action = 'login.succeeded'", [account.id]),
    );
    expect(log[0]?.tenant_id).toBe(tenant.id);
  });

  it('does not allow self sign-up', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email: 'x@example.org', password: 'long-password-1234', name: 'X' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('lets a tenant admin create an account, and validates input', async () => {
    const { cookie } = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/admin/accounts`,
      headers: { cookie },
      payload: { email: 'not-an-email', name: 'A', password: 'short', role: 'office_editor' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('body.');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/admin/accounts`,
      headers: { cookie },
      payload: { email: 'new.editor@example.org', name: 'Neue Redakteurin', password: 'a-long-password-42', role: 'office_editor' },
    });
    expect(ok.statusCode).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/admin/accounts`,
      headers: { cookie },
      payload: { email: 'new.editor@example.org', name: 'Again', password: 'a-long-password-42', role: 'office_editor' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('email');
  });

  it('forbids editors to manage accounts and staff of another tenant to enter', async () => {
    const { cookie } = await staffSession(t.app, t.db, tenant, { role: 'office_editor' });
    const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/accounts`, headers: { cookie } });
    expect(res.statusCode).toBe(403);
    const foreign = await t.app.inject({ url: `/api/v1/${other.slug}/admin/settings`, headers: { cookie } });
    expect(foreign.statusCode).toBe(403);
  });

  it('disabling an account ends its sessions', async () => {
    const admin = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
    const victim = await staffSession(t.app, t.db, tenant, { role: 'office_editor' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/${tenant.slug}/admin/accounts/${victim.account.id}`,
      headers: { cookie: admin.cookie },
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: victim.cookie } });
    expect(me.statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: victim.account.email, password: victim.account.password } });
    expect(again.statusCode).toBe(403);
  });

  it('enforces two-factor login for configured roles', async () => {
    const strict = await tenantFactory(t.db, { settings: { twoFactorRoles: ['office_editor'] } });
    const { cookie } = await staffSession(t.app, t.db, strict, { role: 'office_editor' });
    const res = await t.app.inject({ url: `/api/v1/${strict.slug}/admin/settings`, headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('two_factor_required');
  });

  it('sends a password reset link to the outbox', async () => {
    const account = await accountFactory(t.db, tenant);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: account.email, redirectTo: `http://localhost:3000/admin/reset-password` },
    });
    expect(res.statusCode).toBe(200);
    const mails = await t.db.system((tx) => tx.query<{ text: string }>('SELECT text FROM mail_outbox WHERE "to" = $1', [account.email]));
    expect(mails).toHaveLength(1);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text)?.[1];
    expect(token).toBeTruthy();
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword: 'a-brand-new-password-1' } });
    expect(reset.statusCode).toBe(200);
    await signIn(t.app, { email: account.email, password: 'a-brand-new-password-1' });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: 'true' });
  });
  afterAll(() => t.close());

  it('blocks the sixth sign-in attempt within a minute from one address, with a JSON 429', async () => {
    const tenant = await tenantFactory(t.db);
    const account = await accountFactory(t.db, tenant);
    const attempt = (ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: ip, payload: { email: account.email, password: 'wrong-password-123' } });
    for (let i = 0; i < 5; i++) expect((await attempt('10.1.1.1')).statusCode).toBe(401);
    const blocked = await attempt('10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    // Another address is not locked out by the first one.
    expect((await attempt('10.2.2.2')).statusCode).toBe(401);
  });

  it('keeps the counters in the database, shared by all app nodes', async () => {
    const rows = await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*) AS n FROM auth_rate_limit'));
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
