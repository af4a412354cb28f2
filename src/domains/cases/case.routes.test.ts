import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATES, type CaseState } from '../../shared/contracts/cases.ts';
import {
  caseFactory,
  caseStaffSession,
  personFactory,
  programmeFactory,
  providerFactory,
  staffSession,
  teamFactory,
} from '../../test/factories.ts';
import { caseWorld } from '../../test/caseWorld.ts';
import type { TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { addDays, addMonths, todayIso } from './caseRules.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

describe('case routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let teamA: { id: string };
  let teamB: { id: string };
  let programme: { id: string; code: string };
  let otherProgramme: { id: string };
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const today = todayIso();

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/cases`;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  const caseCount = async () => Number((await sql<{ n: number }>('SELECT count(*)::int n FROM cases WHERE tenant_id = $1', [tenant.id]))[0]!.n);
  const accessLog = (caseId: string) =>
    sql<{ action: string; entity_type: string; actor_id: string; person_id: string | null; details: Record<string, unknown> }>(
      'SELECT action, entity_type, actor_id, person_id, details FROM case_access_log WHERE case_id = $1 ORDER BY at, id',
      [caseId],
    );
  const events = (caseId: string) =>
    sql<{ kind: string; from_state: string | null; to_state: string | null; reason: string | null; details: Record<string, unknown> }>(
      'SELECT kind, from_state, to_state, reason, details FROM case_events WHERE case_id = $1 ORDER BY at, id',
      [caseId],
    );
  /** A person recorded by an account (visible to them before any case exists). */
  const person = (owner: string, team: { id: string }, overrides: Record<string, unknown> = {}) =>
    personFactory(t.db, tenant.id, { createdBy: ids[owner]!, teamId: team.id, ...overrides });
  /** A case owned by an account of team `team`. */
  const aCase = async (owner: string, team: { id: string }, overrides: Record<string, unknown> = {}) => {
    const p = await person(owner, team);
    return caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: team.id, ownerId: ids[owner]! }, { startedOn: addMonths(today, -3), ...overrides });
  };

  beforeAll(async () => {
    const world = await caseWorld(process.env.CASES_DEBUG ? { env: { LOG_LEVEL: 'error' } } : {});
    ({ t, tenant, other, teamA, teamB } = world);
    Object.assign(cookies, world.cookies);
    Object.assign(ids, world.ids);
    programme = await programmeFactory(t.db, tenant.id, { code: 'IM', name: 'Integrationsmanagement', maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60, retentionMonths: 24 });
    otherProgramme = await programmeFactory(t.db, tenant.id, { code: 'KIM', name: 'KIM', maxDurationMonths: null, maxExtensionMonths: 0 });
    const provider = await providerFactory(t.db, tenant.id);
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
  });
  afterAll(() => t.close());

  // -------------------------------------------------------------------------------------------
  describe('access', () => {
    it('401 without a session on every route', async () => {
      const c = await aCase('managerA', teamA);
      const routes: Array<[Method, string, unknown?]> = [
        ['GET', base()],
        ['POST', base(), { personId: c.personId, programmeId: programme.id, startedOn: today }],
        ['GET', `${base()}/options`],
        ['GET', `${base()}/caseload`],
        ['POST', `${base()}/handover`, { fromOwnerId: 'a', toOwnerId: 'b' }],
        ['POST', `${base()}/keep-alive`],
        ['GET', `${base()}/${c.id}`],
        ['PATCH', `${base()}/${c.id}`, { version: 1 }],
        ['POST', `${base()}/${c.id}/transition`, { version: 1, to: 'plan' }],
        ['POST', `${base()}/${c.id}/extension`, { version: 1, extendedUntil: today, reason: 'Begründung' }],
        ['POST', `${base()}/${c.id}/handover`, { version: 1, toOwnerId: 'b' }],
        ['GET', `${base()}/${c.id}/events`],
      ];
      for (const [method, url, body] of routes) {
        const res = await call(null, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(401);
      }
      expect(await accessLog(c.id)).toEqual([]);
    });

    it('office roles and partners see no case data: lists 403, a case 404', async () => {
      const c = await aCase('managerA', teamA);
      for (const who of ['admin', 'office', 'partner']) {
        expect((await call(who, 'GET', base())).statusCode, who).toBe(403);
        expect((await call(who, 'GET', `${base()}/options`)).statusCode, who).toBe(403);
        expect((await call(who, 'POST', base(), { personId: c.personId, programmeId: programme.id, startedOn: today })).statusCode, who).toBe(403);
        expect((await call(who, 'GET', `${base()}/${c.id}`)).statusCode, who).toBe(404);
        expect((await call(who, 'GET', `${base()}/${c.id}/events`)).statusCode, who).toBe(404);
        expect((await call(who, 'POST', `${base()}/${c.id}/transition`, { version: 1, to: 'closed', closingReason: 'declined' })).statusCode, who).toBe(404);
      }
      expect(await accessLog(c.id)).toEqual([]);
    });

    it('two-factor login is required (403 two_factor_required), whatever the tenant policy', async () => {
      const c = await caseFactory(t.db, tenant.id, { personId: (await person('no2fa', teamA)).id, programmeId: programme.id, teamId: teamA.id, ownerId: ids.no2fa! });
      for (const url of [base(), `${base()}/${c.id}`]) {
        const res = await call('no2fa', 'GET', url);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('two_factor_required');
      }
    });

    it('scope: a manager sees own cases, a team lead the team, the integration lead all; anything else reads as 404', async () => {
      const own = await aCase('managerA', teamA);
      const colleague = await aCase('managerA2', teamA);
      const otherTeam = await aCase('managerB', teamB);
      const otherTenantCase = await caseFactory(t.db, other.id, {
        personId: (await personFactory(t.db, other.id)).id,
        programmeId: (await programmeFactory(t.db, other.id)).id,
        teamId: (await teamFactory(t.db, other.id)).id,
        ownerId: ids.otherManager!,
      });
      const matrix: Array<[string, { id: string }, number]> = [
        ['managerA', own, 200],
        ['managerA', colleague, 404],
        ['managerA', otherTeam, 404],
        ['managerA', otherTenantCase, 404],
        ['teamLeadA', own, 200],
        ['teamLeadA', colleague, 200],
        ['teamLeadA', otherTeam, 404],
        ['teamLeadA', otherTenantCase, 404],
        ['lead', own, 200],
        ['lead', otherTeam, 200],
        ['lead', otherTenantCase, 404],
      ];
      for (const [who, c, status] of matrix) {
        for (const suffix of ['', '/events']) {
          const res = await call(who, 'GET', `${base()}/${c.id}${suffix}`);
          expect(res.statusCode, `${who} ${suffix} ${res.body}`).toBe(status);
          if (status === 404) expect(res.json().error.code).toBe('not_found');
        }
        // Changes outside the scope are 404 too, and change nothing.
        if (status === 404) {
          const res = await call(who, 'POST', `${base()}/${c.id}/transition`, { version: 1, to: 'closed', closingReason: 'declined' });
          expect(res.statusCode).toBe(404);
        }
      }
      const [row] = await sql<{ state: string }>('SELECT state FROM cases WHERE id = $1', [otherTeam.id]);
      expect(row!.state).toBe('in_progress');

      const listed = async (who: string) => ((await call(who, 'GET', `${base()}?pageSize=100`)).json().items as Array<{ id: string }>).map((c) => c.id);
      expect(await listed('managerA')).toContain(own.id);
      expect(await listed('managerA')).not.toContain(colleague.id);
      expect(await listed('managerA')).not.toContain(otherTeam.id);
      expect(await listed('teamLeadA')).toEqual(expect.arrayContaining([own.id, colleague.id]));
      expect(await listed('teamLeadA')).not.toContain(otherTeam.id);
      expect(await listed('lead')).toEqual(expect.arrayContaining([own.id, colleague.id, otherTeam.id]));
      expect(await listed('lead')).not.toContain(otherTenantCase.id);

      // Staff of another tenant are refused at the tenant door.
      expect((await call('otherManager', 'GET', base())).statusCode).toBe(403);
      expect((await call('otherManager', 'GET', `${base()}/${own.id}`)).statusCode).toBe(403);
    });

    it('idle timeout: a session unused in case management for too long is ended (401, session gone)', async () => {
      const s = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamA.id });
      const first = await t.app.inject({ url: base(), headers: { cookie: s.cookie } });
      expect(first.statusCode).toBe(200);
      const [active] = await sql<{ n: number }>('SELECT count(*)::int n FROM auth_session WHERE user_id = $1 AND case_active_at IS NOT NULL', [s.account.id]);
      expect(active!.n).toBeGreaterThan(0);
      await sql(`UPDATE auth_session SET case_active_at = now() - interval '2 hours' WHERE user_id = $1`, [s.account.id]);
      const idle = await t.app.inject({ url: base(), headers: { cookie: s.cookie } });
      expect(idle.statusCode).toBe(401);
      expect(idle.json().error.details).toEqual({ reason: 'idle_timeout' });
      const [left] = await sql<{ n: number }>('SELECT count(*)::int n FROM auth_session WHERE user_id = $1 AND case_active_at IS NOT NULL', [s.account.id]);
      expect(left!.n).toBe(0);
      expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    });

    it('keep-alive answers with the idle timeout and records activity', async () => {
      const res = await call('managerA', 'POST', `${base()}/keep-alive`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ idleTimeoutMinutes: 15 });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('opening a case', () => {
    it('opens a case with a reference, the actor as owner and the owner’s team; logged and recorded', async () => {
      const p = await person('managerA', teamA);
      const res = await call('managerA', 'POST', base(), { personId: p.id, programmeId: programme.id, startedOn: today, plannedEndOn: addMonths(today, 12) });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c.reference).toMatch(new RegExp(`^IM-${today.slice(0, 4)}-\\d{5}$`));
      expect(c).toMatchObject({
        state: 'intake',
        owner: { id: ids.managerA, name: 'Mara Manager' },
        team: { id: teamA.id, name: 'Team Nord' },
        person: { id: p.id, givenName: p.givenName, familyName: 'Haddad', restricted: false },
        programme: { id: programme.id, code: 'IM', maxDurationMonths: 36 },
        startedOn: today,
        plannedEndOn: addMonths(today, 12),
        regularEndOn: addMonths(today, 36),
        maxExtendedUntil: addMonths(today, 48),
        limitOn: addMonths(today, 36),
        transitions: ['assessment', 'closed'],
        warnings: [],
        version: 1,
        may: { write: true, handover: false, extend: true },
      });
      expect((await events(c.id)).map((e) => [e.kind, e.to_state])).toEqual([['created', 'intake']]);
      const log = await accessLog(c.id);
      expect(log).toEqual([expect.objectContaining({ action: 'create', entity_type: 'case', actor_id: ids.managerA, person_id: p.id })]);
    });

    it('double submit: the second request gets 409 duplicate, one case exists', async () => {
      const p = await person('managerA', teamA);
      const body = { personId: p.id, programmeId: programme.id, startedOn: today };
      const [a, b] = await Promise.all([call('managerA', 'POST', base(), body), call('managerA', 'POST', base(), body)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const refused = a.statusCode === 409 ? a : b;
      expect(refused.json().error).toMatchObject({ code: 'duplicate', field: 'programmeId' });
      const again = await call('managerA', 'POST', base(), body);
      expect(again.statusCode).toBe(409);
      const [n] = await sql<{ n: number }>('SELECT count(*)::int n FROM cases WHERE person_id = $1', [p.id]);
      expect(n!.n).toBe(1);
      // Another programme is fine.
      const kim = await call('managerA', 'POST', base(), { ...body, programmeId: otherProgramme.id });
      expect(kim.statusCode).toBe(201);
      expect(kim.json().reference).toMatch(/^KIM-/);
    });

    it('gives every case its own reference when many are opened at once', async () => {
      const persons = await Promise.all(Array.from({ length: 6 }, () => person('managerA', teamA)));
      const results = await Promise.all(persons.map((p) => call('managerA', 'POST', base(), { personId: p.id, programmeId: programme.id, startedOn: today })));
      expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      const refs = results.map((r) => r.json().reference as string);
      expect(new Set(refs).size).toBe(6);
      const numbers = refs.map((r) => Number(r.split('-')[2])).sort((x, y) => x - y);
      for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1]! + 1);
    });

    it('owner and team: team leads assign within their team; managers only to themselves; the lead anywhere', async () => {
      const p1 = await person('managerA', teamA);
      const byLead = await call('teamLeadA', 'POST', base(), { personId: p1.id, programmeId: programme.id, startedOn: today, ownerId: ids.managerA2 });
      expect(byLead.statusCode, byLead.body).toBe(201);
      expect(byLead.json()).toMatchObject({ owner: { id: ids.managerA2 }, team: { id: teamA.id }, may: { handover: true } });

      const p2 = await person('managerA', teamA);
      const toOtherTeam = await call('teamLeadA', 'POST', base(), { personId: p2.id, programmeId: programme.id, startedOn: today, ownerId: ids.managerB });
      expect(toOtherTeam.statusCode).toBe(400);
      expect(toOtherTeam.json().error.field).toBe('ownerId');

      const forColleague = await call('managerA', 'POST', base(), { personId: p2.id, programmeId: programme.id, startedOn: today, ownerId: ids.managerA2 });
      expect(forColleague.statusCode).toBe(403);
      expect(forColleague.json().error.field).toBe('ownerId');

      const wrongTeam = await call('managerA', 'POST', base(), { personId: p2.id, programmeId: programme.id, startedOn: today, teamId: teamB.id });
      expect(wrongTeam.statusCode).toBe(400);
      expect(wrongTeam.json().error.field).toBe('teamId');

      const p3 = await person('managerB', teamB);
      const leadForB = await call('lead', 'POST', base(), { personId: p3.id, programmeId: programme.id, startedOn: today, ownerId: ids.managerB });
      expect(leadForB.statusCode).toBe(201);
      expect(leadForB.json().team.id).toBe(teamB.id);

      // The integration lead has no team: owning a case needs one named.
      const p4 = await person('managerB', teamB);
      const leadSelf = await call('lead', 'POST', base(), { personId: p4.id, programmeId: programme.id, startedOn: today });
      expect(leadSelf.statusCode).toBe(400);
      expect(leadSelf.json().error.field).toBe('teamId');
      const leadSelfTeam = await call('lead', 'POST', base(), { personId: p4.id, programmeId: programme.id, startedOn: today, teamId: teamB.id });
      expect(leadSelfTeam.statusCode).toBe(201);
    });

    it('bad input is a 400 naming the field (or 404 for a person out of scope), and nothing is written', async () => {
      const p = await person('managerA', teamA);
      const stranger = await person('managerB', teamB);
      const restricted = await person('managerA', teamA, { restricted: true, restrictionReason: 'Art. 18' });
      const inactive = await programmeFactory(t.db, tenant.id, { code: 'OLD', active: false });
      const before = await caseCount();
      const ok = { personId: p.id, programmeId: programme.id, startedOn: today };
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ ...ok, plannedEndOn: addDays(today, -1) }, 400, 'body.plannedEndOn'],
        [{ ...ok, startedOn: '2026-02-30' }, 400, 'body.startedOn'],
        [{ ...ok, startedOn: 'gestern' }, 400, 'body.startedOn'],
        [{ ...ok, startedOn: addDays(today, 400) }, 400, 'startedOn'],
        [{ ...ok, startedOn: addMonths(today, -37) }, 400, 'startedOn'],
        [{ ...ok, plannedEndOn: addMonths(today, 37) }, 400, 'plannedEndOn'],
        [{ ...ok, programmeId: inactive.id }, 400, 'programmeId'],
        [{ ...ok, programmeId: '00000000-0000-4000-8000-000000000000' }, 400, 'programmeId'],
        [{ ...ok, personId: stranger.id }, 404, 'personId'],
        [{ ...ok, personId: '00000000-0000-4000-8000-000000000000' }, 404, 'personId'],
        [{ ...ok, personId: restricted.id }, 403, 'restricted'],
        [{ ...ok, state: 'closed' }, 400, 'body'],
        [{ programmeId: programme.id, startedOn: today }, 400, 'body.personId'],
      ];
      for (const [body, status, field] of cases) {
        const res = await call('managerA', 'POST', base(), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
        expect(res.json().error.field).toBe(field);
      }
      expect(await caseCount()).toBe(before);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('list', () => {
    let team: { id: string };
    const mk: Record<string, { id: string; reference: string }> = {};
    beforeAll(async () => {
      // A fresh team so the numbers are exact.
      team = await teamFactory(t.db, tenant.id, { name: 'Team Listen' });
      const lister = await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: team.id, name: 'Lina Liste' });
      cookies.lister = lister.cookie;
      ids.lister = lister.account.id;
      const worker = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id, name: 'Willi Worker' });
      cookies.worker = worker.cookie;
      ids.worker = worker.account.id;
      const mkCase = async (key: string, owner: string, prog: { id: string }, overrides: Record<string, unknown>, names: { familyName: string }) => {
        const p = await personFactory(t.db, tenant.id, { createdBy: ids[owner]!, teamId: team.id, ...names });
        mk[key] = await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: prog.id, teamId: team.id, ownerId: ids[owner]! }, { reference: `LST-2026-0000${Object.keys(mk).length + 1}`, ...overrides });
      };
      await mkCase('fresh', 'worker', programme, { state: 'intake', startedOn: addDays(today, -10) }, { familyName: 'Adler' });
      await mkCase('nearLimit', 'worker', programme, { state: 'in_progress', startedOn: addDays(addMonths(today, -36), 30) }, { familyName: 'Berger' });
      await mkCase('overdue', 'lister', programme, { state: 'plan', startedOn: addMonths(today, -6), plannedEndOn: addDays(today, -2) }, { familyName: 'Celik' });
      await mkCase('closed', 'worker', otherProgramme, { state: 'closed', startedOn: addMonths(today, -20), closedOn: addDays(today, -5), closingReason: 'goals_reached' }, { familyName: 'Demir' });
      await mkCase('kim', 'lister', otherProgramme, { state: 'assessment', startedOn: addMonths(today, -2) }, { familyName: 'Ertl' });
    });
    const refs = async (who: string, qs: string) => {
      const res = await call(who, 'GET', `${base()}?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((c: { reference: string }) => c.reference) as string[];
    };

    it('filters by state, programme, owner, mine, team and attention; searches references', async () => {
      expect(await refs('lister', 'state=open&sort=reference&dir=asc')).toEqual([mk.fresh!.reference, mk.nearLimit!.reference, mk.overdue!.reference, mk.kim!.reference]);
      expect(await refs('lister', 'state=closed')).toEqual([mk.closed!.reference]);
      expect(await refs('lister', `programmeId=${otherProgramme.id}&sort=reference&dir=asc`)).toEqual([mk.closed!.reference, mk.kim!.reference]);
      expect(await refs('lister', `ownerId=${ids.lister}&sort=reference&dir=asc`)).toEqual([mk.overdue!.reference, mk.kim!.reference]);
      expect(await refs('lister', 'mine=true&sort=reference&dir=asc')).toEqual([mk.overdue!.reference, mk.kim!.reference]);
      expect(await refs('worker', 'sort=reference&dir=asc')).toEqual([mk.fresh!.reference, mk.nearLimit!.reference, mk.closed!.reference]);
      expect(await refs('lead', `teamId=${team.id}&sort=reference&dir=asc`)).toHaveLength(5);
      expect(await refs('lister', 'attention=max_duration')).toEqual([mk.nearLimit!.reference]);
      expect(await refs('lister', 'attention=planned_end')).toEqual([mk.overdue!.reference]);
      expect(await refs('lister', 'attention=any&sort=reference&dir=asc')).toEqual([mk.nearLimit!.reference, mk.overdue!.reference]);
      expect(await refs('lister', `q=${mk.kim!.reference}`)).toEqual([mk.kim!.reference]);
      expect(await refs('lister', `q=${mk.kim!.reference.slice(-3).toLowerCase()}`)).toEqual([mk.kim!.reference]);
      expect(await refs('lister', 'q=LST-2026&sort=reference&dir=asc')).toHaveLength(5);
      expect((await call('lister', 'GET', `${base()}?q=_`)).statusCode).toBe(400);
    });

    it('sorts and pages; the list shows names, owners and warnings', async () => {
      expect(await refs('lister', 'sort=person&dir=asc')).toEqual(['fresh', 'nearLimit', 'overdue', 'closed', 'kim'].map((k) => mk[k]!.reference));
      expect(await refs('lister', 'sort=startedOn&dir=desc')).toEqual(['fresh', 'kim', 'overdue', 'closed', 'nearLimit'].map((k) => mk[k]!.reference));
      expect(await refs('lister', 'sort=state&dir=asc')).toEqual(['fresh', 'kim', 'overdue', 'nearLimit', 'closed'].map((k) => mk[k]!.reference));
      const page1 = (await call('lister', 'GET', `${base()}?sort=reference&dir=asc&pageSize=2&page=1`)).json();
      const page3 = (await call('lister', 'GET', `${base()}?sort=reference&dir=asc&pageSize=2&page=3`)).json();
      expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(page1.items.map((c: { reference: string }) => c.reference)).toEqual([mk.fresh!.reference, mk.nearLimit!.reference]);
      expect(page3.items.map((c: { reference: string }) => c.reference)).toEqual([mk.kim!.reference]);
      const near = (await call('lister', 'GET', `${base()}?q=${mk.nearLimit!.reference}`)).json().items[0];
      expect(near).toMatchObject({ person: { name: expect.stringContaining('Berger') }, owner: { id: ids.worker, name: 'Willi Worker' }, team: { name: 'Team Listen' } });
      expect(near.warnings).toEqual([{ code: 'max_duration_approaching', on: addMonths(addDays(addMonths(today, -36), 30), 36), days: expect.any(Number) }]);
      const overdue = (await call('lister', 'GET', `${base()}?q=${mk.overdue!.reference}`)).json().items[0];
      expect(overdue.warnings).toEqual([{ code: 'planned_end_overdue', on: addDays(today, -2), days: -2 }]);
    });

    it('logs one list entry without person ids; bad filters are 400 naming the parameter', async () => {
      const before = await sql<{ n: number }>("SELECT count(*)::int n FROM case_access_log WHERE actor_id = $1 AND action = 'list'", [ids.worker]);
      await call('worker', 'GET', `${base()}?state=open`);
      const entries = await sql<{ person_id: string | null; case_id: string | null; details: { filters: string[] } }>(
        "SELECT person_id, case_id, details FROM case_access_log WHERE actor_id = $1 AND action = 'list' ORDER BY at DESC LIMIT 1",
        [ids.worker],
      );
      const after = await sql<{ n: number }>("SELECT count(*)::int n FROM case_access_log WHERE actor_id = $1 AND action = 'list'", [ids.worker]);
      expect(after[0]!.n).toBe(before[0]!.n + 1);
      expect(entries[0]).toMatchObject({ person_id: null, case_id: null, details: { filters: ['state'] } });
      for (const [qs, field] of [
        ['state=open2', 'querystring.state'],
        ['sort=name', 'querystring.sort'],
        ['q=Haddad%20Amal', 'querystring.q'],
        ['pageSize=1000', 'querystring.pageSize'],
        ['programmeId=x', 'querystring.programmeId'],
        ['name=x', 'querystring'],
      ]) {
        const res = await call('worker', 'GET', `${base()}?${qs}`);
        expect(res.statusCode, qs).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
    });

    it('counts exactly up to 5,000 matches and says "more" beyond', async () => {
      const big = await teamFactory(t.db, tenant.id, { name: 'Team Groß' });
      const bigLead = await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: big.id });
      await sql(
        `WITH p AS (INSERT INTO persons (tenant_id, given_name, family_name, team_id) SELECT $1, 'P', 'Nr ' || g, $2 FROM generate_series(1, 5001) g RETURNING id)
         INSERT INTO cases (tenant_id, reference, person_id, programme_id, team_id, owner_id, started_on)
         SELECT $1, 'BIG-2026-' || lpad(row_number() OVER ()::text, 5, '0'), p.id, $3, $2, $4, $5 FROM p`,
        [tenant.id, big.id, programme.id, bigLead.account.id, today],
      );
      const res = (await t.app.inject({ url: `${base()}?pageSize=10`, headers: { cookie: bigLead.cookie } })).json();
      expect(res).toMatchObject({ total: 5000, totalCapped: true });
      expect(res.items).toHaveLength(10);
      const narrow = (await t.app.inject({ url: `${base()}?q=BIG-2026-0400`, headers: { cookie: bigLead.cookie } })).json();
      expect(narrow).toMatchObject({ total: 10, totalCapped: false });
    });

    it('options: programmes, teams and staff in scope', async () => {
      const worker = (await call('worker', 'GET', `${base()}/options`)).json();
      expect(worker.scope).toBe('own');
      expect(worker.teams).toEqual([{ id: team.id, name: 'Team Listen' }]);
      expect(worker.staff.map((s: { id: string }) => s.id)).toEqual([ids.worker]);
      expect(worker.programmes.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['IM', 'KIM']));
      const lister = (await call('lister', 'GET', `${base()}/options`)).json();
      expect(lister.scope).toBe('team');
      expect(lister.staff.map((s: { id: string }) => s.id).sort()).toEqual([ids.lister, ids.worker].sort());
      const lead = (await call('lead', 'GET', `${base()}/options`)).json();
      expect(lead.scope).toBe('office');
      expect(lead.teams.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([teamA.id, teamB.id, team.id]));
      expect(lead.staff.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ids.managerA, ids.managerB, ids.worker, ids.lead]));
    });

    it('caseload (team view): per manager open, closed and attention; managers 403; other team 404', async () => {
      const res = await call('lister', 'GET', `${base()}/caseload`);
      expect(res.statusCode, res.body).toBe(200);
      const rows = Object.fromEntries(res.json().items.map((r: { id: string }) => [r.id, r]));
      expect(rows[ids.worker!]).toMatchObject({ name: 'Willi Worker', open: 2, closed: 1, attention: 1 });
      expect(rows[ids.lister!]).toMatchObject({ open: 2, closed: 0, attention: 1 });
      expect((await call('worker', 'GET', `${base()}/caseload`)).statusCode).toBe(403);
      expect((await call('lister', 'GET', `${base()}/caseload?teamId=${teamA.id}`)).statusCode).toBe(404);
      const lead = await call('lead', 'GET', `${base()}/caseload?teamId=${team.id}`);
      expect(lead.json().items).toHaveLength(2);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('case page', () => {
    it('shows the header with limits and warnings and logs the read', async () => {
      const startedOn = addDays(addMonths(today, -36), 20);
      const c = await aCase('managerA', teamA, { state: 'in_progress', startedOn, plannedEndOn: addDays(today, 10) });
      const res = await call('managerA', 'GET', `${base()}/${c.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const limit = addMonths(startedOn, 36);
      expect(res.json()).toMatchObject({
        id: c.id,
        reference: c.reference,
        regularEndOn: limit,
        limitOn: limit,
        maxExtendedUntil: addMonths(startedOn, 48),
        transitions: ['plan', 'closed'],
        warnings: [
          { code: 'max_duration_approaching', on: limit },
          { code: 'planned_end_approaching', on: addDays(today, 10), days: 10 },
        ],
      });
      expect(await accessLog(c.id)).toEqual([expect.objectContaining({ action: 'read', entity_type: 'case', actor_id: ids.managerA, person_id: c.personId })]);
      await call('managerA', 'GET', `${base()}/${c.id}/events`);
      expect((await accessLog(c.id)).map((e) => e.entity_type)).toEqual(['case', 'case_events']);
    });

    it('a restricted person’s case can be read, not changed (403 field restricted)', async () => {
      const p = await person('managerA', teamA, { restricted: true, restrictionReason: 'Art. 18' });
      const c = await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: teamA.id, ownerId: ids.managerA! }, { startedOn: addMonths(today, -1) });
      const read = await call('managerA', 'GET', `${base()}/${c.id}`);
      expect(read.json()).toMatchObject({ person: { restricted: true }, transitions: [], may: { write: false } });
      const change = await call('managerA', 'POST', `${base()}/${c.id}/transition`, { version: 1, to: 'plan' });
      expect(change.statusCode).toBe(403);
      expect(change.json().error.field).toBe('restricted');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('state machine', () => {
    const allowed: Record<CaseState, CaseState[]> = {
      intake: ['assessment', 'closed'],
      assessment: ['plan', 'closed'],
      plan: ['in_progress', 'assessment', 'closed'],
      in_progress: ['plan', 'closed'],
      closed: ['reopened'],
      reopened: ['assessment', 'plan', 'in_progress', 'closed'],
    };

    it('allows exactly the designed transitions (every pair), 422 invalid_state_transition otherwise', async () => {
      for (const from of CASE_STATES) {
        for (const to of CASE_STATES) {
          const closed = from === 'closed' ? { closedOn: addDays(today, -1), closingReason: 'moved_away', retentionDueOn: addMonths(today, 24) } : {};
          const c = await aCase('managerA', teamA, { state: from, ...closed });
          const body: Record<string, unknown> = { version: 1, to, reason: 'Weil es nötig ist' };
          if (to === 'closed') body.closingReason = 'goals_reached';
          const res = await call('managerA', 'POST', `${base()}/${c.id}/transition`, body);
          const expected = allowed[from].includes(to) ? 200 : 422;
          expect(res.statusCode, `${from} → ${to}: ${res.body}`).toBe(expected);
          const [row] = await sql<{ state: string; version: number }>('SELECT state, version FROM cases WHERE id = $1', [c.id]);
          if (expected === 200) {
            expect(row).toEqual({ state: to, version: 2 });
            expect(res.json().state).toBe(to);
            const ev = await events(c.id);
            expect(ev.map((e) => [e.kind, e.from_state, e.to_state])).toEqual([['state', from, to]]);
          } else {
            expect(res.json().error).toMatchObject({ code: 'invalid_state_transition', field: 'to', details: { from, to, allowed: allowed[from] } });
            expect(row).toEqual({ state: from, version: 1 });
            expect(await events(c.id)).toEqual([]);
          }
        }
      }
    });

    it('closing needs a reason and sets closedOn and the retention date; reopening needs a reason and clears them', async () => {
      const c = await aCase('managerA', teamA, { state: 'in_progress', startedOn: addMonths(today, -4) });
      const url = `${base()}/${c.id}/transition`;
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ version: 1, to: 'closed' }, 'closingReason'],
        [{ version: 1, to: 'closed', closingReason: 'other' }, 'closingNote'],
        [{ version: 1, to: 'closed', closingReason: 'goals_reached', closedOn: addDays(today, 1) }, 'closedOn'],
        [{ version: 1, to: 'closed', closingReason: 'goals_reached', closedOn: addMonths(today, -5) }, 'closedOn'],
        [{ version: 1, to: 'closed', closingReason: 'vanished' }, 'body.closingReason'],
        [{ version: 1, to: 'plan', closingReason: 'goals_reached' }, 'closingReason'],
      ];
      for (const [body, field] of bad) {
        const res = await call('managerA', 'POST', url, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const closedOn = addDays(today, -3);
      const closed = await call('managerA', 'POST', url, { version: 1, to: 'closed', closingReason: 'self_reliant', closingNote: 'Arbeit gefunden', closedOn });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ state: 'closed', closedOn, closingReason: 'self_reliant', closingNote: 'Arbeit gefunden', retentionDueOn: addMonths(closedOn, 24), warnings: [], transitions: ['reopened'] });

      const noReason = await call('managerA', 'POST', url, { version: 2, to: 'reopened' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.field).toBe('reason');
      const reopened = await call('managerA', 'POST', url, { version: 2, to: 'reopened', reason: 'Neue Fragen zum Aufenthalt' });
      expect(reopened.json()).toMatchObject({ state: 'reopened', closedOn: null, closingReason: null, closingNote: null, retentionDueOn: null, version: 3 });
      const ev = await events(c.id);
      expect(ev.map((e) => [e.from_state, e.to_state, e.reason])).toEqual([
        ['in_progress', 'closed', null],
        ['closed', 'reopened', 'Neue Fragen zum Aufenthalt'],
      ]);
      expect(ev[0]!.details).toMatchObject({ closingReason: 'self_reliant', closedOn });
      expect(ev[1]!.details).toMatchObject({ previousClosedOn: closedOn, previousClosingReason: 'self_reliant' });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('programme rules', () => {
    it('past the maximum duration only closing works until the case is extended (with a reason, within the maximum extension)', async () => {
      const startedOn = addDays(addMonths(today, -36), -10); // limit was 10 days ago
      const c = await aCase('managerA', teamA, { state: 'plan', startedOn });
      const regularEnd = addMonths(startedOn, 36);
      const detail = (await call('managerA', 'GET', `${base()}/${c.id}`)).json();
      expect(detail.warnings).toEqual([{ code: 'max_duration_reached', on: regularEnd, days: -10 }]);

      const move = await call('managerA', 'POST', `${base()}/${c.id}/transition`, { version: 1, to: 'in_progress' });
      expect(move.statusCode).toBe(422);
      expect(move.json().error).toMatchObject({ code: 'invalid_state_transition', field: 'extendedUntil' });

      const url = `${base()}/${c.id}/extension`;
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ version: 1, extendedUntil: addMonths(today, 6) }, 'body.reason'],
        [{ version: 1, extendedUntil: addMonths(today, 6), reason: '' }, 'body.reason'],
        [{ version: 1, extendedUntil: regularEnd, reason: 'Sprachkurs läuft noch' }, 'extendedUntil'],
        [{ version: 1, extendedUntil: addDays(addMonths(startedOn, 48), 1), reason: 'Sprachkurs läuft noch' }, 'extendedUntil'],
        [{ version: 1, extendedUntil: '2026-13-01', reason: 'Sprachkurs läuft noch' }, 'body.extendedUntil'],
      ];
      for (const [body, field] of bad) {
        const res = await call('managerA', 'POST', url, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const until = addMonths(startedOn, 48);
      const extended = await call('managerA', 'POST', url, { version: 1, extendedUntil: until, reason: 'Sprachkurs B2 läuft noch' });
      expect(extended.statusCode, extended.body).toBe(200);
      expect(extended.json()).toMatchObject({ extendedUntil: until, extensionReason: 'Sprachkurs B2 läuft noch', limitOn: until, version: 2, warnings: [] });
      const moved = await call('managerA', 'POST', `${base()}/${c.id}/transition`, { version: 2, to: 'in_progress' });
      expect(moved.statusCode).toBe(200);
      const ev = await events(c.id);
      expect(ev[0]).toMatchObject({ kind: 'extension', reason: 'Sprachkurs B2 läuft noch', details: { from: null, to: until, regularEndOn: regularEnd } });

      // A planned end beyond the extension is refused.
      const planned = await call('managerA', 'PATCH', `${base()}/${c.id}`, { version: 3, plannedEndOn: addDays(until, 1) });
      expect(planned.statusCode).toBe(400);
      expect(planned.json().error.field).toBe('plannedEndOn');
    });

    it('a programme without limit never warns of the maximum duration and allows no extension', async () => {
      const p = await person('managerA', teamA);
      const c = await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: otherProgramme.id, teamId: teamA.id, ownerId: ids.managerA! }, { startedOn: addMonths(today, -80) });
      const detail = (await call('managerA', 'GET', `${base()}/${c.id}`)).json();
      expect(detail).toMatchObject({ limitOn: null, regularEndOn: null, warnings: [], may: { extend: false } });
      const res = await call('managerA', 'POST', `${base()}/${c.id}/extension`, { version: 1, extendedUntil: addMonths(today, 3), reason: 'Weil es nötig ist' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('extendedUntil');
    });

    it('dates: the planned end not before the start (400 naming the field); changes go into the history', async () => {
      const c = await aCase('managerA', teamA, { state: 'assessment', startedOn: addMonths(today, -2) });
      const url = `${base()}/${c.id}`;
      const early = await call('managerA', 'PATCH', url, { version: 1, plannedEndOn: addMonths(today, -3) });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.field).toBe('plannedEndOn');
      const ok = await call('managerA', 'PATCH', url, { version: 1, plannedEndOn: addMonths(today, 6), startedOn: addMonths(today, -1) });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ plannedEndOn: addMonths(today, 6), startedOn: addMonths(today, -1), version: 2 });
      const ev = await events(c.id);
      expect(ev).toEqual([
        expect.objectContaining({
          kind: 'dates',
          details: { startedOn: { from: addMonths(today, -2), to: addMonths(today, -1) }, plannedEndOn: { from: null, to: addMonths(today, 6) } },
        }),
      ]);
      const unchanged = await call('managerA', 'PATCH', url, { version: 2, plannedEndOn: addMonths(today, 6) });
      expect(unchanged.json().version).toBe(2);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('conflicts', () => {
    it('two concurrent updates of the same version: one wins, the other gets 409 and nothing is lost', async () => {
      const c = await aCase('managerA', teamA, { state: 'assessment', startedOn: addMonths(today, -2) });
      const url = `${base()}/${c.id}`;
      const [a, b] = await Promise.all([
        call('managerA', 'PATCH', url, { version: 1, plannedEndOn: addMonths(today, 5) }),
        call('teamLeadA', 'POST', `${url}/transition`, { version: 1, to: 'plan' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().error).toMatchObject({ code: 'conflict', field: 'version' });
      const [row] = await sql<{ state: string; planned_end_on: unknown; version: number }>('SELECT state, planned_end_on::text, version FROM cases WHERE id = $1', [c.id]);
      expect(row!.version).toBe(2);
      // The loser reloads and repeats: both changes are kept.
      const retry = a.statusCode === 409 ? await call('managerA', 'PATCH', url, { version: 2, plannedEndOn: addMonths(today, 5) }) : await call('teamLeadA', 'POST', `${url}/transition`, { version: 2, to: 'plan' });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ state: 'plan', plannedEndOn: addMonths(today, 5), version: 3 });
      expect((await events(c.id)).map((e) => e.kind).sort()).toEqual(['dates', 'state']);
    });

    it('a stale version is 409 for every change, and nothing is written', async () => {
      const c = await aCase('managerA', teamA, { state: 'in_progress', version: 4 });
      const url = `${base()}/${c.id}`;
      for (const [method, path, body] of [
        ['PATCH', url, { version: 3, plannedEndOn: addMonths(today, 2) }],
        ['POST', `${url}/transition`, { version: 3, to: 'plan' }],
        ['POST', `${url}/extension`, { version: 3, extendedUntil: addMonths(today, 40), reason: 'Begründung' }],
        ['POST', `${url}/handover`, { version: 3, toOwnerId: ids.managerA2 }],
      ] as const) {
        const res = await call(path.endsWith('handover') ? 'teamLeadA' : 'managerA', method, path, body);
        expect(res.statusCode, `${method} ${path}`).toBe(409);
      }
      const [row] = await sql<{ version: number; state: string }>('SELECT version, state FROM cases WHERE id = $1', [c.id]);
      expect(row).toEqual({ version: 4, state: 'in_progress' });
      expect(await events(c.id)).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('handover', () => {
    it('one case: team leads within their team, the lead across teams; managers may not', async () => {
      const c = await aCase('managerA', teamA);
      const url = `${base()}/${c.id}/handover`;
      const byManager = await call('managerA', 'POST', url, { version: 1, toOwnerId: ids.managerA2 });
      expect(byManager.statusCode).toBe(403);
      const outside = await call('teamLeadA', 'POST', url, { version: 1, toOwnerId: ids.managerB });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.field).toBe('toOwnerId');
      const same = await call('teamLeadA', 'POST', url, { version: 1, toOwnerId: ids.managerA });
      expect(same.statusCode).toBe(400);
      const nobody = await call('teamLeadA', 'POST', url, { version: 1, toOwnerId: 'no-such-account' });
      expect(nobody.statusCode).toBe(400);

      const within = await call('teamLeadA', 'POST', url, { version: 1, toOwnerId: ids.managerA2, reason: 'Elternzeit' });
      expect(within.statusCode, within.body).toBe(200);
      expect(within.json()).toMatchObject({ owner: { id: ids.managerA2 }, team: { id: teamA.id }, version: 2 });
      // The former owner no longer sees it; the new one does.
      expect((await call('managerA', 'GET', `${base()}/${c.id}`)).statusCode).toBe(404);
      expect((await call('managerA2', 'GET', `${base()}/${c.id}`)).statusCode).toBe(200);

      const across = await call('lead', 'POST', url, { version: 2, toOwnerId: ids.managerB });
      expect(across.json()).toMatchObject({ owner: { id: ids.managerB }, team: { id: teamB.id } });
      const ev = await events(c.id);
      expect(ev.map((e) => [e.kind, e.details.fromOwnerId, e.details.toOwnerId])).toEqual([
        ['handover', ids.managerA, ids.managerA2],
        ['handover', ids.managerA2, ids.managerB],
      ]);
      expect(ev[1]!.details).toMatchObject({ fromTeamId: teamA.id, toTeamId: teamB.id });
      const log = (await accessLog(c.id)).filter((e) => e.action === 'handover');
      expect(log).toHaveLength(2);
    });

    it('all cases of a leaving manager in one transaction; only in scope; all or nothing', async () => {
      const team = await teamFactory(t.db, tenant.id, { name: 'Team Wechsel' });
      const leaving = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
      const staying = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
      const lead = await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: team.id });
      ids.leaving = leaving.account.id;
      const made = [];
      for (const state of ['intake', 'in_progress', 'closed'] as const) {
        const p = await personFactory(t.db, tenant.id, { createdBy: leaving.account.id, teamId: team.id });
        made.push(await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: team.id, ownerId: leaving.account.id }, { state }));
      }
      // One of their cases sits in another team (outside this team lead's scope).
      const p = await personFactory(t.db, tenant.id, { createdBy: leaving.account.id, teamId: teamB.id });
      const elsewhere = await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: teamB.id, ownerId: leaving.account.id });
      const url = `${base()}/handover`;
      const cookie = { cookie: lead.cookie };

      const bad = await t.app.inject({ method: 'POST', url, headers: cookie, payload: { fromOwnerId: leaving.account.id, toOwnerId: ids.managerB } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('toOwnerId');
      const self = await t.app.inject({ method: 'POST', url, headers: cookie, payload: { fromOwnerId: leaving.account.id, toOwnerId: leaving.account.id } });
      expect(self.statusCode).toBe(400);
      expect(self.json().error.field).toBe('body.toOwnerId');
      const [untouched] = await sql<{ n: number }>('SELECT count(*)::int n FROM cases WHERE owner_id = $1', [leaving.account.id]);
      expect(untouched!.n).toBe(4);
      expect((await call('managerA', 'POST', url, { fromOwnerId: ids.managerA, toOwnerId: ids.managerA2 })).statusCode).toBe(403);

      const res = await t.app.inject({ method: 'POST', url, headers: cookie, payload: { fromOwnerId: leaving.account.id, toOwnerId: staying.account.id, reason: 'Stellenwechsel' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().moved).toBe(3);
      expect(res.json().caseIds.sort()).toEqual(made.map((c) => c.id).sort());
      const owners = await sql<{ id: string; owner_id: string; version: number }>('SELECT id, owner_id, version FROM cases WHERE id = ANY($1::uuid[])', [[...made.map((c) => c.id), elsewhere.id]]);
      for (const o of owners) {
        if (o.id === elsewhere.id) expect(o).toMatchObject({ owner_id: leaving.account.id, version: 1 });
        else expect(o).toMatchObject({ owner_id: staying.account.id, version: 2 });
      }
      for (const c of made) {
        expect((await events(c.id)).map((e) => [e.kind, e.reason, e.details.bulk])).toEqual([['handover', 'Stellenwechsel', true]]);
        expect((await accessLog(c.id)).map((e) => e.action)).toEqual(['handover']);
      }
      // Nothing left to move: 0, not an error.
      const again = await t.app.inject({ method: 'POST', url, headers: cookie, payload: { fromOwnerId: leaving.account.id, toOwnerId: staying.account.id } });
      expect(again.json()).toEqual({ moved: 0, caseIds: [] });
      // Open cases only, by the integration lead across teams.
      const leadMove = await call('lead', 'POST', url, { fromOwnerId: leaving.account.id, toOwnerId: ids.managerB, includeClosed: false });
      expect(leadMove.json().moved).toBe(1);
    });
  });

  it('documents every case route in OpenAPI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const path of [
      '/api/v1/{tenant}/cases',
      '/api/v1/{tenant}/cases/options',
      '/api/v1/{tenant}/cases/caseload',
      '/api/v1/{tenant}/cases/handover',
      '/api/v1/{tenant}/cases/keep-alive',
      '/api/v1/{tenant}/cases/{id}',
      '/api/v1/{tenant}/cases/{id}/transition',
      '/api/v1/{tenant}/cases/{id}/extension',
      '/api/v1/{tenant}/cases/{id}/handover',
      '/api/v1/{tenant}/cases/{id}/events',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
