// Test world of the assessment and plan tests: two tenants, two teams, case-management accounts
// of every role, cases in and out of each account's scope. Used by the *.test.ts files next to it.
import type { LightMyRequestResponse as LightResponse } from 'fastify';
import { caseFactory, caseStaffSession, personFactory, programmeFactory, staffSession, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

export type Who = 'managerA' | 'managerA2' | 'managerB' | 'teamLeadA' | 'teamLeadB' | 'lead' | 'admin' | 'no2fa' | 'otherManager';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface TestCase {
  id: string;
  personId: string;
  reference: string;
}

export interface PlansWorld {
  t: TestApp;
  tenant: Tenant;
  other: Tenant;
  teamA: { id: string };
  teamB: { id: string };
  programme: { id: string; planReviewDays: number };
  ids: Record<Who, string>;
  /** owned by managerA in team A */
  caseA: TestCase;
  /** owned by managerB in team B */
  caseB: TestCase;
  /** owned by managerA, the person restricted (Art. 18) */
  caseRestricted: TestCase;
  /** a case of the other tenant */
  caseOther: TestCase;
  call(who: Who | null, method: Method, url: string, payload?: unknown): Promise<LightResponse>;
  url(caseId: string, rest?: string): string;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  accessLog(caseId: string, entityType?: string): Promise<Array<{ action: string; entity_type: string; entity_id: string | null; actor_id: string; person_id: string | null; case_id: string | null; purpose: string | null; details: Record<string, unknown> }>>;
  /** a further case owned by `owner` in `team` (person overrides: languages, restricted …) */
  aCase(owner: Who, team: { id: string }, options?: { person?: Record<string, unknown>; case?: Record<string, unknown> }): Promise<TestCase>;
}

export async function plansWorld(): Promise<PlansWorld> {
  const t = await createTestApp();
  const tenant = await tenantFactory(t.db, { name: 'Stadt Teststadt' });
  const other = await tenantFactory(t.db);
  const teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
  const teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
  const programme = await programmeFactory(t.db, tenant.id, { code: 'IM', name: 'Integrationsmanagement BW', planReviewDays: 90 });
  const ids = {} as Record<Who, string>;
  const cookies = {} as Record<Who, string>;
  const sessions: Array<[Who, Parameters<typeof caseStaffSession>[3]]> = [
    ['managerA', { role: 'integration_manager', teamId: teamA.id, name: 'Mara Manager' }],
    ['managerA2', { role: 'integration_manager', teamId: teamA.id, name: 'Malte Manager' }],
    ['managerB', { role: 'integration_manager', teamId: teamB.id, name: 'Bea Manager' }],
    ['teamLeadA', { role: 'team_lead', teamId: teamA.id, name: 'Tilda Teamleitung' }],
    ['teamLeadB', { role: 'team_lead', teamId: teamB.id, name: 'Timo Teamleitung' }],
    ['lead', { role: 'integration_lead', name: 'Lea Leitung' }],
  ];
  for (const [key, options] of sessions) {
    const s = await caseStaffSession(t.app, t.db, tenant, options);
    cookies[key] = s.cookie;
    ids[key] = s.account.id;
  }
  const otherTeam = await teamFactory(t.db, other.id);
  const otherManager = await caseStaffSession(t.app, t.db, other, { role: 'integration_manager', teamId: otherTeam.id });
  cookies.otherManager = otherManager.cookie;
  ids.otherManager = otherManager.account.id;
  const admin = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
  cookies.admin = admin.cookie;
  ids.admin = admin.account.id;
  const no2fa = await staffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamA.id });
  cookies.no2fa = no2fa.cookie;
  ids.no2fa = no2fa.account.id;

  const aCase: PlansWorld['aCase'] = async (owner, team, options = {}) => {
    const person = await personFactory(t.db, tenant.id, { createdBy: ids[owner], teamId: team.id, ...options.person });
    const row = await caseFactory(
      t.db,
      tenant.id,
      { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: ids[owner] },
      { startedOn: '2026-01-15', ...options.case },
    );
    return { id: row.id, personId: person.id, reference: row.reference };
  };
  const caseA = await aCase('managerA', teamA);
  const caseB = await aCase('managerB', teamB);
  const caseRestricted = await aCase('managerA', teamA, { person: { restricted: true, restrictionReason: 'Art. 18' } });
  const otherProgramme = await programmeFactory(t.db, other.id);
  const otherPerson = await personFactory(t.db, other.id);
  const otherCase = await caseFactory(t.db, other.id, { personId: otherPerson.id, programmeId: otherProgramme.id, teamId: otherTeam.id, ownerId: ids.otherManager });
  const caseOther = { id: otherCase.id, personId: otherPerson.id, reference: otherCase.reference };

  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  return {
    t,
    tenant,
    other,
    teamA,
    teamB,
    programme: { id: programme.id, planReviewDays: programme.planReviewDays },
    ids,
    caseA,
    caseB,
    caseRestricted,
    caseOther,
    aCase,
    sql,
    call: (who, method, url, payload) =>
      t.app.inject({ method, url, headers: who ? { cookie: cookies[who] } : {}, ...(payload === undefined ? {} : { payload: payload as object }) }),
    url: (caseId, rest = '') => `/api/v1/${tenant.slug}/cases/${caseId}${rest}`,
    async count(table, where = 'true', params = []) {
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return Number(row?.n ?? 0);
    },
    accessLog: (caseId, entityType) =>
      sql(
        `SELECT action, entity_type, entity_id, actor_id, person_id, case_id, purpose, details FROM case_access_log
          WHERE case_id = $1 AND ($2::text IS NULL OR entity_type = $2) ORDER BY at, id`,
        [caseId, entityType ?? null],
      ),
  };
}
