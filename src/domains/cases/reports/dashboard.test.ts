import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadDashboard, TeamView } from '../../../shared/contracts/caseReports.ts';
import { addDays, addMonths, todayIso } from '../caseRules.ts';
import { documentFactory, flagFactory, type KitCase, planFactory, type ReportsWorld, reportsWorld, taskFactory, type Who } from './reportsTestKit.ts';

/**
 * Dashboard and team view per scope. Data relative to today:
 * - a1 (managerA, team A): maximum duration reached in ~30 days; an overdue task of managerA (and
 *   a done and a future one); plan review due in 5 days; residence permit expiring in 20 days; a
 *   document expiring in 10 days; an active safeguarding flag (and a resolved one).
 * - a2 (managerA2, team A): planned end in 10 days; an overdue task of managerA2; review in 30
 *   days (not yet due); permit in 90 days (not yet).
 * - tl (teamLeadA, team A): nothing special.
 * - closedA (managerA, team A, closed): permit and flag — closed cases are left out.
 * - b1 (managerB, team B): overdue task; review overdue; permit expired 5 days ago; document
 *   expired yesterday; interpreter flag.
 * - a case of the other tenant with all of it.
 */
describe('caseload dashboard and team view', () => {
  let w: ReportsWorld;
  let a1: KitCase;
  let a2: KitCase;
  let tl: KitCase;
  let closedA: KitCase;
  let b1: KitCase;
  let otherCase: KitCase;
  const today = todayIso();

  beforeAll(async () => {
    w = await reportsWorld();
    const { t, tenant, ids } = w;
    a1 = await w.aCase('managerA', w.teamA, {
      person: { residenceExpiresOn: addDays(today, 20) },
      case: { startedOn: addDays(addMonths(today, -36), 30) },
    });
    await taskFactory(t.db, tenant.id, a1, { dueOn: addDays(today, -3), assigneeId: ids.managerA });
    await taskFactory(t.db, tenant.id, a1, { dueOn: addDays(today, -10), assigneeId: ids.managerA, done: true });
    await taskFactory(t.db, tenant.id, a1, { dueOn: addDays(today, 3), assigneeId: ids.managerA });
    await planFactory(t.db, tenant.id, a1, { version: 1, status: 'agreed', agreedOn: addDays(today, -175), reviewDueOn: addDays(today, 5) });
    await documentFactory(t.db, tenant.id, a1, { expiresOn: addDays(today, 10) });
    await flagFactory(t.db, tenant.id, a1, { kind: 'safeguarding' });
    await flagFactory(t.db, tenant.id, a1, { kind: 'health', active: false });

    a2 = await w.aCase('managerA2', w.teamA, { person: { residenceExpiresOn: addDays(today, 90) }, case: { startedOn: addDays(today, -100), plannedEndOn: addDays(today, 10) } });
    await taskFactory(t.db, tenant.id, a2, { dueOn: addDays(today, -1), assigneeId: ids.managerA2 });
    await planFactory(t.db, tenant.id, a2, { version: 1, status: 'agreed', agreedOn: addDays(today, -60), reviewDueOn: addDays(today, 30) });

    tl = await w.aCase('teamLeadA', w.teamA, { case: { startedOn: addDays(today, -20) } });
    closedA = await w.aCase('managerA', w.teamA, {
      person: { residenceExpiresOn: addDays(today, 3) },
      case: { startedOn: addDays(today, -400), state: 'closed', closedOn: addDays(today, -30), closingReason: 'moved_away' },
    });
    await flagFactory(t.db, tenant.id, closedA, { kind: 'deadline' });
    await documentFactory(t.db, tenant.id, closedA, { expiresOn: addDays(today, 5) });

    b1 = await w.aCase('managerB', w.teamB, { programme: w.kim, person: { residenceExpiresOn: addDays(today, -5) }, case: { startedOn: addDays(today, -200) } });
    await taskFactory(t.db, tenant.id, b1, { dueOn: addDays(today, -7), assigneeId: ids.managerB });
    await planFactory(t.db, tenant.id, b1, { version: 1, status: 'agreed', agreedOn: addDays(today, -190), reviewDueOn: addDays(today, -2) });
    await documentFactory(t.db, tenant.id, b1, { expiresOn: addDays(today, -1) });
    await flagFactory(t.db, tenant.id, b1, { kind: 'interpreter_needed' });

    otherCase = await w.aCase('otherManager', w.otherTeam, {
      tenant: w.other,
      person: { residenceExpiresOn: addDays(today, 1) },
      case: { startedOn: addDays(addMonths(today, -36), 5), plannedEndOn: addDays(today, 2) },
    });
    await taskFactory(t.db, w.other.id, otherCase, { dueOn: addDays(today, -2), assigneeId: ids.otherManager });
    await planFactory(t.db, w.other.id, otherCase, { version: 1, status: 'agreed', agreedOn: addDays(today, -100), reviewDueOn: today });
    await documentFactory(t.db, w.other.id, otherCase, { expiresOn: today });
    await flagFactory(t.db, w.other.id, otherCase, { kind: 'safeguarding' });
  }, 120_000);
  afterAll(() => w?.t.close());

  const dashboard = async (who: Who, query: Record<string, string | undefined> = {}) => {
    const res = await w.get(who, w.url('dashboard', query));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return { data: res.json() as CaseloadDashboard, body: res.body };
  };

  /** every case id any item of the dashboard links to */
  const linked = (d: CaseloadDashboard) =>
    new Set([
      ...d.tasks.cases.items,
      ...d.plansDueForReview.items,
      ...d.approachingLimits.items,
      ...d.residenceExpiring.items,
      ...d.documentsExpiring.items,
      ...d.activeFlags.items,
    ].map((i) => i.caseId));

  const allCases = () => [a1, a2, tl, closedA, b1, otherCase];
  const expectNoPersonData = (body: string) => {
    for (const c of allCases()) for (const needle of [c.personId, c.givenName, c.familyName]) expect(body).not.toContain(needle);
  };

  it('a manager sees their own cases only', async () => {
    const { data, body } = await dashboard('managerA');
    expect(data).toMatchObject({ scope: 'own', teamId: null, today, managers: [] });
    expect(data.openCases).toEqual({ total: 1, byState: [{ state: 'in_progress', count: 1 }] });
    expect(data.tasks).toMatchObject({ open: 2, overdue: 1, overdueOwn: 1 });
    expect(data.tasks.cases).toEqual({ total: 1, items: [{ caseId: a1.id, caseReference: a1.reference, overdue: 1, oldestDueOn: addDays(today, -3) }] });
    expect(data.plansDueForReview.items).toEqual([expect.objectContaining({ caseId: a1.id, reviewDueOn: addDays(today, 5), days: 5, version: 1 })]);
    expect(data.approachingLimits.items).toHaveLength(1);
    expect(data.approachingLimits.items[0]!.warnings.map((x) => x.code)).toEqual(['max_duration_approaching']);
    expect(data.residenceExpiring).toEqual({ total: 1, items: [{ caseId: a1.id, caseReference: a1.reference, expiresOn: addDays(today, 20), days: 20 }] });
    expect(data.documentsExpiring.items).toEqual([expect.objectContaining({ caseId: a1.id, docType: 'residence_permit', days: 10 })]);
    expect(data.activeFlags).toEqual({ total: 1, items: [{ caseId: a1.id, caseReference: a1.reference, kinds: ['safeguarding'] }], byKind: [{ kind: 'safeguarding', count: 1 }] });
    expect([...linked(data)]).toEqual([a1.id]);
    expectNoPersonData(body);
  });

  it('a team lead sees the team (per manager), or only own cases', async () => {
    const { data, body } = await dashboard('teamLeadA');
    expect(data).toMatchObject({ scope: 'team', teamId: w.teamA.id });
    expect(data.openCases.total).toBe(3);
    expect(data.tasks).toMatchObject({ overdue: 2, overdueOwn: 0 });
    expect(linked(data)).toEqual(new Set([a1.id, a2.id]));
    expect(data.approachingLimits.items.map((i) => [i.caseId, i.warnings.map((x) => x.code)])).toEqual(
      expect.arrayContaining([
        [a1.id, ['max_duration_approaching']],
        [a2.id, ['planned_end_approaching']],
      ]),
    );
    const row = (id: string) => data.managers.find((m) => m.id === id);
    expect(row(w.ids.managerA)).toMatchObject({ name: 'Mara Manager', openCases: 1, overdueTasks: 1, reviewsDue: 1, approachingLimits: 1 });
    expect(row(w.ids.managerA2)).toMatchObject({ openCases: 1, overdueTasks: 1, reviewsDue: 0, approachingLimits: 1 });
    expect(row(w.ids.teamLeadA)).toMatchObject({ openCases: 1, overdueTasks: 0 });
    expect(row(w.ids.managerB)).toBeUndefined();
    expectNoPersonData(body);

    const own = (await dashboard('teamLeadA', { scope: 'own' })).data;
    expect(own).toMatchObject({ scope: 'own', managers: [], openCases: { total: 1 } });
    expect(linked(own).size).toBe(0);
    expect((await dashboard('teamLeadA', { scope: 'team', teamId: w.teamA.id })).data.openCases.total).toBe(3);
  });

  it('the integration lead sees the office or one team; the other tenant never', async () => {
    const { data, body } = await dashboard('lead');
    expect(data).toMatchObject({ scope: 'office', teamId: null });
    expect(data.openCases.total).toBe(4);
    expect(linked(data)).toEqual(new Set([a1.id, a2.id, b1.id]));
    // most urgent first
    expect(data.plansDueForReview.items.map((i) => i.caseId)).toEqual([b1.id, a1.id]);
    expect(data.residenceExpiring.items.map((i) => [i.caseId, i.days])).toEqual([
      [b1.id, -5],
      [a1.id, 20],
    ]);
    expect(data.documentsExpiring.items.map((i) => i.caseId)).toEqual([b1.id, a1.id]);
    expect(data.activeFlags.byKind).toEqual([
      { kind: 'interpreter_needed', count: 1 },
      { kind: 'safeguarding', count: 1 },
    ]);
    expect(data.managers.find((m) => m.id === w.ids.managerB)).toMatchObject({ openCases: 1, overdueTasks: 1, reviewsDue: 1, approachingLimits: 0 });
    expect(data.managers.some((m) => m.id === w.ids.otherManager)).toBe(false);
    expect(body).not.toContain(otherCase.id);
    expectNoPersonData(body);

    const teamB = (await dashboard('lead', { scope: 'team', teamId: w.teamB.id })).data;
    expect(teamB).toMatchObject({ scope: 'team', teamId: w.teamB.id, openCases: { total: 1 } });
    expect(linked(teamB)).toEqual(new Set([b1.id]));
    expect(teamB.managers.map((m) => m.id)).toEqual(expect.arrayContaining([w.ids.managerB, w.ids.teamLeadB]));
    expect(teamB.managers.some((m) => m.id === w.ids.managerA)).toBe(false);

    const other = await w.get('otherManager', `/api/v1/${w.other.slug}/case-reports/dashboard`);
    expect(other.statusCode).toBe(200);
    expect([...linked(other.json() as CaseloadDashboard)]).toEqual([otherCase.id]);
  });

  it('refuses a wider scope than the role’s (403) and bad input (4xx naming the field)', async () => {
    const cases: Array<[Who, Record<string, string>, number, string | undefined]> = [
      ['managerA', { scope: 'team' }, 403, 'scope'],
      ['managerA', { scope: 'office' }, 403, 'scope'],
      ['teamLeadA', { scope: 'office' }, 403, 'scope'],
      ['teamLeadA', { scope: 'team', teamId: w.teamB.id }, 403, 'teamId'],
      ['lead', { scope: 'team' }, 400, 'teamId'],
      ['lead', { scope: 'own', teamId: w.teamA.id }, 400, 'teamId'],
      ['lead', { scope: 'team', teamId: '00000000-0000-4000-8000-000000000000' }, 404, 'teamId'],
      ['lead', { scope: 'everything' }, 400, 'querystring.scope'],
      ['lead', { teamId: 'not-a-uuid', scope: 'team' }, 400, 'querystring.teamId'],
      ['admin', {}, 403, undefined],
      ['no2fa', {}, 403, undefined],
    ];
    for (const [who, query, status, field] of cases) {
      const res = await w.get(who, w.url('dashboard', query));
      expect(res.statusCode, `${who} ${JSON.stringify(query)}: ${res.body}`).toBe(status);
      if (field) expect(res.json().error.field).toBe(field);
    }
    expect((await w.get('no2fa', w.url('dashboard'))).json().error.code).toBe('two_factor_required');
    expect((await w.get(null, w.url('dashboard'))).statusCode).toBe(401);
    // the other tenant's account cannot use this tenant
    expect((await w.get('otherManager', w.url('dashboard'))).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('writes one list entry to the access log per dashboard, without person or case ids', async () => {
    const count = async () => (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM case_access_log WHERE tenant_id = $1`, [w.tenant.id]))[0]!.n;
    const before = await count();
    await dashboard('teamLeadA');
    expect(await count()).toBe(before + 1);
    const [entry] = await w.sql<{ action: string; entity_type: string; person_id: string | null; case_id: string | null; actor_id: string; details: Record<string, unknown> }>(
      `SELECT action, entity_type, person_id, case_id, actor_id, details FROM case_access_log WHERE tenant_id = $1 ORDER BY at DESC, id LIMIT 1`,
      [w.tenant.id],
    );
    expect(entry).toMatchObject({ action: 'list', entity_type: 'dashboard', person_id: null, case_id: null, actor_id: w.ids.teamLeadA });
    expect(entry!.details).toMatchObject({ scope: 'team', teamId: w.teamA.id, openCases: 3, overdueTasks: 2 });
    for (const c of allCases()) expect(JSON.stringify(entry)).not.toContain(c.personId);
  });

  it('team view: per manager for team leads and the integration lead; managers are refused', async () => {
    const view = async (who: Who, query: Record<string, string> = {}) => {
      const res = await w.get(who, w.url('team', query));
      return { status: res.statusCode, data: res.json() as TeamView & { error?: { field?: string } } };
    };
    expect((await view('managerA')).status).toBe(403);
    expect((await view('teamLeadA', { teamId: w.teamB.id })).status).toBe(403);
    expect((await view('admin')).status).toBe(403);

    const team = await view('teamLeadA');
    expect(team.status).toBe(200);
    expect(team.data.teamId).toBe(w.teamA.id);
    expect(team.data.totals).toEqual({ openCases: 3, overdueTasks: 2, reviewsDue: 1, approachingLimits: 2 });
    expect(team.data.managers.find((m) => m.id === w.ids.managerA)).toMatchObject({ openCases: 1, overdueTasks: 1, reviewsDue: 1, approachingLimits: 1 });
    expect(team.data.managers.some((m) => m.id === w.ids.managerB)).toBe(false);

    const office = await view('lead');
    expect(office.data.teamId).toBeNull();
    expect(office.data.totals).toEqual({ openCases: 4, overdueTasks: 3, reviewsDue: 2, approachingLimits: 2 });
    const teamB = await view('lead', { teamId: w.teamB.id });
    expect(teamB.data.totals).toEqual({ openCases: 1, overdueTasks: 1, reviewsDue: 1, approachingLimits: 0 });
    for (const c of allCases()) expect(JSON.stringify(office.data)).not.toContain(c.personId);
    const [entry] = await w.sql<{ entity_type: string; person_id: string | null }>(
      `SELECT entity_type, person_id FROM case_access_log WHERE tenant_id = $1 ORDER BY at DESC, id LIMIT 1`,
      [w.tenant.id],
    );
    expect(entry).toEqual({ entity_type: 'team_view', person_id: null });
  });
});
