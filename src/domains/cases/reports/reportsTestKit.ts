// Test world and factories of the dashboard and outcome tests: two tenants, two teams, two
// programmes, case-management accounts of every role, and builders for plans with goals,
// referrals, tasks, documents, flags and anonymous statistics (written directly, like the
// feature services would leave them).
import type { LightMyRequestResponse as LightResponse } from 'fastify';
import type { Database } from '../../../db/database.ts';
import type { GoalOutcomeSummary } from '../case.table.ts';
import { caseFactory, caseStaffSession, personFactory, programmeFactory, staffSession, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

export type Who = 'managerA' | 'managerA2' | 'managerB' | 'teamLeadA' | 'teamLeadB' | 'lead' | 'admin' | 'no2fa' | 'otherManager';

export interface KitCase {
  id: string;
  personId: string;
  reference: string;
  givenName: string;
  familyName: string;
}

export interface ReportsWorld {
  t: TestApp;
  tenant: Tenant;
  other: Tenant;
  teamA: { id: string };
  teamB: { id: string };
  otherTeam: { id: string };
  im: { id: string };
  kim: { id: string };
  otherProgramme: { id: string };
  ids: Record<Who, string>;
  get(who: Who | null, url: string): Promise<LightResponse>;
  url(path: string, query?: Record<string, string | number | undefined>): string;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** a case owned by `owner` in `team` (person overrides, case overrides) */
  aCase(
    owner: Who,
    team: { id: string },
    options?: { programme?: { id: string }; person?: Record<string, unknown>; case?: Record<string, unknown>; tenant?: Tenant },
  ): Promise<KitCase>;
}

let serial = 0;
const uniq = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export async function reportsWorld(): Promise<ReportsWorld> {
  const t = await createTestApp();
  const tenant = await tenantFactory(t.db, { name: 'Stadt Berichtsstadt' });
  const other = await tenantFactory(t.db);
  const teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
  const teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
  const im = await programmeFactory(t.db, tenant.id, { code: 'IM', name: 'Integrationsmanagement BW', maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60 });
  const kim = await programmeFactory(t.db, tenant.id, { code: 'KIM', name: 'KIM', maxDurationMonths: null, maxExtensionMonths: 0, warnBeforeDays: 30 });
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
  const otherProgramme = await programmeFactory(t.db, other.id, { code: 'IM', name: 'Integrationsmanagement' });
  const otherManager = await caseStaffSession(t.app, t.db, other, { role: 'integration_manager', teamId: otherTeam.id });
  cookies.otherManager = otherManager.cookie;
  ids.otherManager = otherManager.account.id;
  const admin = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
  cookies.admin = admin.cookie;
  ids.admin = admin.account.id;
  const no2fa = await staffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamA.id });
  cookies.no2fa = no2fa.cookie;
  ids.no2fa = no2fa.account.id;

  const aCase: ReportsWorld['aCase'] = async (owner, team, options = {}) => {
    const inTenant = options.tenant ?? tenant;
    const programme = options.programme ?? (inTenant === tenant ? im : otherProgramme);
    const givenName = `Yasmin${uniq()}`;
    const familyName = `Darwischzadeh${uniq()}`;
    const person = await personFactory(t.db, inTenant.id, { givenName, familyName, createdBy: ids[owner], teamId: team.id, ...options.person });
    const row = await caseFactory(t.db, inTenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: ids[owner] }, { startedOn: '2026-01-15', ...options.case });
    return { id: row.id, personId: person.id, reference: row.reference, givenName, familyName };
  };
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  return {
    t,
    tenant,
    other,
    teamA,
    teamB,
    otherTeam,
    im,
    kim,
    otherProgramme,
    ids,
    aCase,
    sql,
    get: (who, url) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] } : {} }),
    url: (path, query = {}) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
      const s = q.toString();
      return `/api/v1/${tenant.slug}/case-reports/${path}${s ? `?${s}` : ''}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Factories of feature rows (direct inserts, as the feature services leave them)

type CaseLike = { id: string; personId: string };

export interface GoalSpec {
  field: string;
  outcome?: 'reached' | 'partly' | 'not_reached' | null;
  outcomeOn?: string | null;
  /** the goal this one continues (re-planning keeps the origin) */
  originId?: string;
}

/** One plan version with its goals; returns the plan id and the goals' origin ids (in order). */
export async function planFactory(
  db: Database,
  tenantId: string,
  kase: CaseLike,
  plan: { version: number; status: 'draft' | 'agreed' | 'superseded'; startsOn?: string; agreedOn?: string | null; reviewDueOn?: string | null },
  goals: GoalSpec[] = [],
): Promise<{ planId: string; goalOrigins: string[] }> {
  return db.system(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO case_plans (tenant_id, case_id, person_id, version, status, starts_on, agreed_on, review_due_on)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7) RETURNING id`,
      [tenantId, kase.id, kase.personId, plan.version, plan.startsOn ?? plan.agreedOn ?? '2024-01-01', plan.agreedOn ?? null, plan.reviewDueOn ?? null],
    );
    const origins: string[] = [];
    let position = 0;
    for (const g of goals) {
      const [goal] = await tx.query<{ id: string; origin_id: string }>(
        `INSERT INTO case_goals (tenant_id, plan_id, case_id, person_id, origin_id, position, field_of_action, title, status, outcome, outcome_on)
         VALUES ($1, $2, $3, $4, coalesce($5::uuid, gen_random_uuid()), $6, $7, 'Ziel', $8, $9, $10) RETURNING id, origin_id`,
        [tenantId, row!.id, kase.id, kase.personId, g.originId ?? null, position++, g.field, g.outcome ? 'done' : 'open', g.outcome ?? null, g.outcomeOn ?? null],
      );
      origins.push(goal!.origin_id);
    }
    // goals go into drafts only (trigger case_goals_frozen); then the plan takes its status
    if (plan.status !== 'draft') await tx.query('UPDATE case_plans SET status = $2 WHERE id = $1', [row!.id, plan.status]);
    return { planId: row!.id, goalOrigins: origins };
  });
}

/** A referral to an external service in a state (accepted_at set for accepted and done). */
export async function referralFactory(db: Database, tenantId: string, kase: CaseLike, state: 'sent' | 'accepted' | 'rejected' | 'done' | 'revoked'): Promise<string> {
  const accepted = state === 'accepted' || state === 'done';
  const [row] = await db.system((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO case_referrals (tenant_id, case_id, person_id, kind, external_name, state, shared_fields, snapshot_enc, sent_at, accepted_at, rejected_at, completed_at)
       VALUES ($1, $2, $3, 'external', $4, $5, '{}', 'x', now() - interval '20 days',
               CASE WHEN $6 THEN now() - interval '15 days' END, CASE WHEN $5 = 'rejected' THEN now() - interval '15 days' END,
               CASE WHEN $5 = 'done' THEN now() - interval '5 days' END)
       RETURNING id`,
      [tenantId, kase.id, kase.personId, `Beratungsstelle ${uniq()}`, state, accepted],
    ),
  );
  return row!.id;
}

export async function taskFactory(db: Database, tenantId: string, kase: CaseLike, task: { dueOn: string; assigneeId: string; done?: boolean }): Promise<string> {
  const [row] = await db.system((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO case_tasks (tenant_id, case_id, person_id, title, due_on, assignee_id, done_at)
       VALUES ($1, $2, $3, 'Rückruf', $4, $5, CASE WHEN $6 THEN now() END) RETURNING id`,
      [tenantId, kase.id, kase.personId, task.dueOn, task.assigneeId, task.done ?? false],
    ),
  );
  return row!.id;
}

export async function documentFactory(db: Database, tenantId: string, kase: CaseLike, doc: { expiresOn: string; remindBeforeDays?: number }): Promise<string> {
  const [row] = await db.system((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO case_documents (tenant_id, case_id, person_id, doc_type, filename_enc, mime_type, size_bytes, content, expires_on, remind_before_days)
       VALUES ($1, $2, $3, 'residence_permit', 'x', 'application/pdf', 3, '\\x010203'::bytea, $4, $5) RETURNING id`,
      [tenantId, kase.id, kase.personId, doc.expiresOn, doc.remindBeforeDays ?? 30],
    ),
  );
  return row!.id;
}

export async function flagFactory(db: Database, tenantId: string, kase: CaseLike, flag: { kind: string; active?: boolean }): Promise<string> {
  const [row] = await db.system((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO case_flags (tenant_id, case_id, person_id, kind, reason_enc, active) VALUES ($1, $2, $3, $4, 'x', $5) RETURNING id`,
      [tenantId, kase.id, kase.personId, flag.kind, flag.active ?? true],
    ),
  );
  return row!.id;
}

/** The anonymous statistics of an erased case, as the erasure writes them. */
export async function statisticsFactory(
  db: Database,
  tenantId: string,
  stat: {
    programmeId: string | null;
    teamId: string | null;
    startedMonth: string;
    closedMonth: string | null;
    closingReason?: string | null;
    durationDays?: number | null;
    goals?: GoalOutcomeSummary;
    referrals?: { sent: number; accepted: number; rejected: number; completed: number };
    recordedAt?: string;
  },
): Promise<void> {
  await db.system((tx) =>
    tx.query(
      `INSERT INTO case_statistics (tenant_id, programme_id, team_id, birth_year, started_month, closed_month, closing_reason, duration_days, goals, referrals, recorded_at)
       VALUES ($1, $2, $3, 1985, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now()))`,
      [
        tenantId,
        stat.programmeId,
        stat.teamId,
        stat.startedMonth,
        stat.closedMonth,
        stat.closingReason ?? null,
        stat.durationDays ?? null,
        JSON.stringify(stat.goals ?? {}),
        JSON.stringify(stat.referrals ?? { sent: 0, accepted: 0, rejected: 0, completed: 0 }),
        stat.recordedAt ?? null,
      ],
    ),
  );
}
