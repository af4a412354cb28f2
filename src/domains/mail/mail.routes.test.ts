import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { mailOutbox } from './mail.table.ts';

describe('mail outbox routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};
  const call = (who: string | null, url: string) => t.app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} });
  const tenantUrl = (query = '') => `/api/v1/${tenant.slug}/admin/outbox${query}`;
  const allUrl = (query = '') => `/api/v1/admin/outbox${query}`;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    const provider = await providerFactory(t.db, tenant.id);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
    // Known creation times make "newest first" testable without waiting.
    await t.db.system((tx) =>
      tx.db.insert(mailOutbox).values([
        { tenantId: tenant.id, to: 'old@example.org', subject: 'Alt', text: 'alt', createdAt: new Date('2025-02-01T08:00:00Z') },
        { tenantId: tenant.id, to: 'new@example.org', subject: 'Neu', text: 'neu', status: 'sent', createdAt: new Date('2025-02-02T08:00:00Z'), sentAt: new Date('2025-02-02T08:00:05Z') },
        { tenantId: other.id, to: 'other@example.org', subject: 'Fremd', text: 'fremd', createdAt: new Date('2025-02-03T08:00:00Z') },
        { tenantId: null, to: 'root@example.org', subject: 'System', text: 'system', createdAt: new Date('2025-02-04T08:00:00Z') },
      ]),
    );
    await t.ctx.mailer.send({ tenantId: tenant.id, to: 'fresh@example.org', subject: 'Frisch', text: 'Hallo' });
  });
  afterAll(() => t.close());

  it('401 without a session', async () => {
    expect((await call(null, tenantUrl())).statusCode).toBe(401);
    expect((await call(null, allUrl())).statusCode).toBe(401);
  });

  it('access matrix', async () => {
    const matrix: Array<[string, () => string, number]> = [
      ['admin', tenantUrl, 200],
      ['superAdmin', tenantUrl, 200],
      ['office', tenantUrl, 403],
      ['partner', tenantUrl, 403],
      ['otherAdmin', tenantUrl, 403],
      ['superAdmin', allUrl, 200],
      ['admin', allUrl, 403],
      ['office', allUrl, 403],
    ];
    for (const [who, url, status] of matrix) {
      expect((await call(who, url())).statusCode, `${who} ${url()}`).toBe(status);
    }
  });

  it("a tenant admin sees only the tenant's mails, newest first, paged", async () => {
    const res = (await call('admin', tenantUrl())).json();
    const subjects = res.items.map((m: { subject: string }) => m.subject);
    expect(subjects.slice(-2)).toEqual(['Neu', 'Alt']);
    expect(subjects[0]).toBe('Frisch');
    expect(subjects).not.toContain('Fremd');
    expect(subjects).not.toContain('System');
    expect(res.items.find((m: { subject: string }) => m.subject === 'Neu')).toMatchObject({
      to: 'new@example.org',
      text: 'neu',
      status: 'sent',
      createdAt: '2025-02-02T08:00:00.000Z',
      sentAt: '2025-02-02T08:00:05.000Z',
    });
    const page = (await call('admin', tenantUrl('?pageSize=1&page=3'))).json();
    expect(page).toMatchObject({ total: res.total, page: 3, pageSize: 1 });
    expect(page.items.map((m: { subject: string }) => m.subject)).toEqual(['Alt']);
    const sent = (await call('admin', tenantUrl('?status=sent'))).json();
    expect(sent.items.map((m: { subject: string }) => m.subject)).toEqual(['Neu']);
  });

  it('a super admin sees all mails incl. system mails', async () => {
    const res = (await call('superAdmin', allUrl('?pageSize=100'))).json();
    const subjects = res.items.map((m: { subject: string }) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Alt', 'Neu', 'Fremd', 'System', 'Frisch']));
    expect(res.items.find((m: { subject: string }) => m.subject === 'System').tenantId).toBeNull();
  });

  it('bad input is a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?status=lost', 'querystring.status'],
      ['?pageSize=0', 'querystring.pageSize'],
      ['?x=1', 'querystring'],
    ] as const) {
      const res = await call('admin', tenantUrl(query));
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });
});
