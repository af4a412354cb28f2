import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountFactory, caseFactory, personFactory, staffSession, teamFactory, tenantFactory, caseStaffSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

const programme = (overrides: Record<string, unknown> = {}) => ({
  code: 'IM',
  name: 'BW Integrationsmanagement',
  description: 'Landesprogramm Baden-Württemberg',
  maxDurationMonths: 36,
  maxExtensionMonths: 12,
  warnBeforeDays: 60,
  planReviewDays: 180,
  retentionMonths: 36,
  active: true,
  ...overrides,
});

describe('case-management setup (teams, programmes)', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/case-setup`;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  const audit = (entityId: string) => sql<{ action: string; details: Record<string, unknown> }>('SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at, id', [entityId]);

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    cookies.manager = (await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager' })).cookie;
  });
  afterAll(() => t.close());

  it('only the tenant admin (and super admins) set up case management', async () => {
    for (const [method, path, body] of [
      ['GET', '/teams', undefined],
      ['POST', '/teams', { name: 'Team X' }],
      ['GET', '/programmes', undefined],
      ['POST', '/programmes', programme({ code: 'XX' })],
    ] as const) {
      expect((await call(null, method, base() + path, body)).statusCode).toBe(401);
      expect((await call('office', method, base() + path, body)).statusCode).toBe(403);
      expect((await call('manager', method, base() + path, body)).statusCode).toBe(403);
      expect((await call('otherAdmin', method, base() + path, body)).statusCode).toBe(403);
    }
    expect((await call('superAdmin', 'GET', `${base()}/teams`)).statusCode).toBe(200);
    expect((await sql<{ n: number }>('SELECT count(*)::int n FROM case_programmes WHERE tenant_id = $1', [tenant.id]))[0]!.n).toBe(0);
  });

  it('teams: create, rename, list with counts, archive only when empty, restore; audited', async () => {
    const created = await call('admin', 'POST', `${base()}/teams`, { name: '  Team Innenstadt ' });
    expect(created.statusCode, created.body).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({ name: 'Team Innenstadt', archived: false, members: 0, openCases: 0 });
    const dup = await call('admin', 'POST', `${base()}/teams`, { name: 'team innenstadt' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'name' });
    const short = await call('admin', 'POST', `${base()}/teams`, { name: 'X' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('body.name');

    const renamed = await call('admin', 'PUT', `${base()}/teams/${team.id}`, { name: 'Team Mitte' });
    expect(renamed.json()).toMatchObject({ id: team.id, name: 'Team Mitte' });

    // A member and an open case block archiving.
    const member = await accountFactory(t.db, tenant, { role: 'integration_manager', teamId: team.id });
    const listed = (await call('admin', 'GET', `${base()}/teams`)).json().items.find((x: { id: string }) => x.id === team.id);
    expect(listed).toMatchObject({ members: 1, openCases: 0 });
    const blocked = await call('admin', 'POST', `${base()}/teams/${team.id}/archive`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'conflict', details: { members: 1, openCases: 0 } });
    await sql('UPDATE auth_user SET disabled = true WHERE id = $1', [member.id]);
    const archived = await call('admin', 'POST', `${base()}/teams/${team.id}/archive`);
    expect(archived.json()).toMatchObject({ archived: true });
    expect((await call('admin', 'GET', `${base()}/teams`)).json().items.map((x: { id: string }) => x.id)).not.toContain(team.id);
    expect((await call('admin', 'GET', `${base()}/teams?includeArchived=true`)).json().items.map((x: { id: string }) => x.id)).toContain(team.id);
    const restored = await call('admin', 'POST', `${base()}/teams/${team.id}/restore`);
    expect(restored.json()).toMatchObject({ archived: false });
    expect((await audit(team.id)).map((a) => a.action)).toEqual(['team.created', 'team.renamed', 'team.archived', 'team.restored']);

    const foreign = await teamFactory(t.db, other.id);
    expect((await call('admin', 'PUT', `${base()}/teams/${foreign.id}`, { name: 'Gekapert' })).statusCode).toBe(404);
    expect((await call('admin', 'POST', `${base()}/teams/${foreign.id}/archive`)).statusCode).toBe(404);
  });

  it('programmes: create, read, update with validation naming the field; codes unique', async () => {
    const created = await call('admin', 'POST', `${base()}/programmes`, programme());
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ code: 'IM', maxDurationMonths: 36, maxExtensionMonths: 12, retentionMonths: 36, active: true, openCases: 0 });
    const dup = await call('admin', 'POST', `${base()}/programmes`, programme({ name: 'Doppelt' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('code');

    const before = (await sql<{ n: number }>('SELECT count(*)::int n FROM case_programmes WHERE tenant_id = $1', [tenant.id]))[0]!.n;
    const bad: Array<[Record<string, unknown>, string]> = [
      [programme({ code: 'im' }), 'body.code'],
      [programme({ code: 'I' }), 'body.code'],
      [programme({ code: 'KIM', name: '' }), 'body.name'],
      [programme({ code: 'KIM', maxDurationMonths: 0 }), 'body.maxDurationMonths'],
      [programme({ code: 'KIM', maxExtensionMonths: -1 }), 'body.maxExtensionMonths'],
      [programme({ code: 'KIM', maxDurationMonths: null, maxExtensionMonths: 6 }), 'body.maxExtensionMonths'],
      [programme({ code: 'KIM', retentionMonths: 0 }), 'body.retentionMonths'],
      [programme({ code: 'KIM', warnBeforeDays: 400 }), 'body.warnBeforeDays'],
      [programme({ code: 'KIM', planReviewDays: 1 }), 'body.planReviewDays'],
      [programme({ code: 'KIM', active: 'ja' }), 'body.active'],
      [{ ...programme({ code: 'KIM' }), colour: 'red' }, 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await call('admin', 'POST', `${base()}/programmes`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await sql<{ n: number }>('SELECT count(*)::int n FROM case_programmes WHERE tenant_id = $1', [tenant.id]))[0]!.n).toBe(before);

    const kim = await call('admin', 'POST', `${base()}/programmes`, programme({ code: 'KIM', name: 'Kommunales Integrationsmanagement', maxDurationMonths: null, maxExtensionMonths: 0 }));
    expect(kim.statusCode).toBe(201);
    const updated = await call('admin', 'PUT', `${base()}/programmes/${p.id}`, programme({ name: 'BW IM', warnBeforeDays: 90, active: false }));
    expect(updated.json()).toMatchObject({ name: 'BW IM', warnBeforeDays: 90, active: false });
    const taken = await call('admin', 'PUT', `${base()}/programmes/${p.id}`, programme({ code: 'KIM' }));
    expect(taken.statusCode).toBe(409);
    expect((await call('admin', 'GET', `${base()}/programmes/${p.id}`)).json()).toMatchObject({ code: 'IM', name: 'BW IM' });
    const list = (await call('admin', 'GET', `${base()}/programmes`)).json().items.map((x: { code: string }) => x.code);
    expect(list).toEqual(['IM', 'KIM']);
    expect((await audit(p.id)).map((a) => a.action)).toEqual(['programme.created', 'programme.updated']);
    expect((await audit(p.id))[1]!.details).toMatchObject({ changes: { name: { before: 'BW Integrationsmanagement', after: 'BW IM' } } });
    expect((await call('admin', 'GET', `${base()}/programmes/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('a new retention period re-dates the erasure of the programme’s closed cases', async () => {
    const created = (await call('admin', 'POST', `${base()}/programmes`, programme({ code: 'MBE', name: 'Migrationsberatung', retentionMonths: 24 }))).json();
    const team = await teamFactory(t.db, tenant.id);
    const person = await personFactory(t.db, tenant.id);
    const closed = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: created.id, teamId: team.id, ownerId: null }, { state: 'closed', closedOn: '2026-03-31', retentionDueOn: '2028-03-31' });
    const open = await caseFactory(t.db, tenant.id, { personId: (await personFactory(t.db, tenant.id)).id, programmeId: created.id, teamId: team.id, ownerId: null });
    expect((await call('admin', 'GET', `${base()}/programmes/${created.id}`)).json().openCases).toBe(1);
    const res = await call('admin', 'PUT', `${base()}/programmes/${created.id}`, programme({ code: 'MBE', name: 'Migrationsberatung', retentionMonths: 12 }));
    expect(res.statusCode).toBe(200);
    const rows = await sql<{ id: string; due: string | null }>('SELECT id, retention_due_on::text due FROM cases WHERE id = ANY($1::uuid[])', [[closed.id, open.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.due]))).toEqual({ [closed.id]: '2027-03-31', [open.id]: null });
    expect((await audit(created.id))[1]!.details).toMatchObject({ recomputedRetention: 1 });
  });

  it('accounts get a case role with a team and the consent override (the accounts page uses this)', async () => {
    const team = (await call('admin', 'POST', `${base()}/teams`, { name: 'Team Konten' })).json();
    const res = await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/accounts`, {
      email: `im-${team.id.slice(0, 8)}@example.org`,
      name: 'Ines Manager',
      password: 'ein-langes-passwort-1',
      role: 'integration_manager',
      teamId: team.id,
      consentOverride: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ role: 'integration_manager', teamId: team.id, consentOverride: true });
    const noTeam = await call('admin', 'POST', `/api/v1/${tenant.slug}/admin/accounts`, {
      email: `tl-${team.id.slice(0, 8)}@example.org`,
      name: 'Theo Teamleitung',
      password: 'ein-langes-passwort-1',
      role: 'team_lead',
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().error.field).toBe('teamId');
    const teams = (await call('admin', 'GET', `${base()}/teams`)).json().items;
    expect(teams.find((x: { id: string }) => x.id === team.id).members).toBe(1);
  });
});
