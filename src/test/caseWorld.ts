// The shared world of the case-management API tests: two tenants, two teams of the first one
// ("Team Nord" = A, "Team Süd" = B), case-management accounts of every role with real two-factor
// login, an account without it, the tenant admin, and a manager of the other tenant. The feature
// test kits (journal, plans, reports …) add their programmes and cases on top.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../domains/tenants/tenantService.ts';
import { caseFactory, caseStaffSession, personFactory, programmeFactory, staffSession, teamFactory, tenantFactory } from './factories.ts';
import { createTestApp, type TestApp } from './testApp.ts';

/** The accounts of the world: managers A/A2 (team A), B (team B), both team leads, the integration lead, … */
export type CaseWho = 'managerA' | 'managerA2' | 'managerB' | 'teamLeadA' | 'teamLeadB' | 'lead' | 'admin' | 'no2fa' | 'otherManager';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A day relative to today in Europe/Berlin (the municipality's day), YYYY-MM-DD. */
export function berlinDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** `call(who, method, url, payload?, extra?)`: a request with the named account's cookie (null: anonymous). */
export function caller<K extends string>(t: TestApp, cookies: Partial<Record<K, string>>) {
  return (who: K | null, method: HttpMethod, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: who ? { cookie: cookies[who] ?? '' } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
      ...extra,
    });
}

export interface CaseWorld {
  t: TestApp;
  tenant: Tenant;
  /** another tenant (row-level security keeps its data out of reach) */
  other: Tenant;
  teamA: { id: string };
  teamB: { id: string };
  /** the team of `otherManager` in the other tenant */
  otherTeam: { id: string };
  ids: Record<CaseWho, string>;
  cookies: Record<CaseWho, string>;
  call: ReturnType<typeof caller<CaseWho>>;
  /** SQL as the database owner (no row-level security) */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** a case of `otherManager` in the other tenant (its own programme and person) */
  otherTenantCase(): Promise<{ id: string; personId: string; reference: string }>;
}

export async function caseWorld(options: { env?: Record<string, string>; tenantName?: string } = {}): Promise<CaseWorld> {
  const t = await createTestApp(options.env ?? {});
  const tenant = await tenantFactory(t.db, options.tenantName ? { name: options.tenantName } : {});
  const other = await tenantFactory(t.db);
  const teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
  const teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
  const ids = {} as Record<CaseWho, string>;
  const cookies = {} as Record<CaseWho, string>;
  const sessions: Array<[CaseWho, Parameters<typeof caseStaffSession>[3]]> = [
    ['managerA', { role: 'integration_manager', teamId: teamA.id, name: 'Mara Manager' }],
    ['managerA2', { role: 'integration_manager', teamId: teamA.id, name: 'Malte Manager' }],
    ['managerB', { role: 'integration_manager', teamId: teamB.id, name: 'Bea Manager' }],
    ['teamLeadA', { role: 'team_lead', teamId: teamA.id, name: 'Tilda Teamleitung' }],
    ['teamLeadB', { role: 'team_lead', teamId: teamB.id, name: 'Timo Teamleitung' }],
    ['lead', { role: 'integration_lead', name: 'Lea Leitung' }],
  ];
  for (const [key, sessionOptions] of sessions) {
    const s = await caseStaffSession(t.app, t.db, tenant, sessionOptions);
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

  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  return {
    t,
    tenant,
    other,
    teamA,
    teamB,
    otherTeam,
    ids,
    cookies,
    call: caller<CaseWho>(t, cookies),
    sql,
    async count(table, where = 'true', params = []) {
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return Number(row?.n ?? 0);
    },
    async otherTenantCase() {
      const programme = await programmeFactory(t.db, other.id);
      const person = await personFactory(t.db, other.id);
      const row = await caseFactory(t.db, other.id, { personId: person.id, programmeId: programme.id, teamId: otherTeam.id, ownerId: otherManager.account.id });
      return { id: row.id, personId: person.id, reference: row.reference };
    },
  };
}
