// Test world of the assessment and plan tests: the shared case world (two tenants, two teams,
// case-management accounts of every role) plus a programme and cases in and out of each account's
// scope. Used by the *.test.ts files next to it.
import { type CaseWho, type CaseWorld, caseWorld, type HttpMethod } from '../../../test/caseWorld.ts';
import { caseFactory, personFactory, programmeFactory } from '../../../test/factories.ts';

export type Who = CaseWho;
export type Method = HttpMethod;
export interface TestCase {
  id: string;
  personId: string;
  reference: string;
}

export interface PlansWorld extends Omit<CaseWorld, 'otherTeam' | 'cookies'> {
  programme: { id: string; planReviewDays: number };
  /** owned by managerA in team A */
  caseA: TestCase;
  /** owned by managerB in team B */
  caseB: TestCase;
  /** owned by managerA, the person restricted (Art. 18) */
  caseRestricted: TestCase;
  /** a case of the other tenant */
  caseOther: TestCase;
  url(caseId: string, rest?: string): string;
  accessLog(caseId: string, entityType?: string): Promise<Array<{ action: string; entity_type: string; entity_id: string | null; actor_id: string; person_id: string | null; case_id: string | null; purpose: string | null; details: Record<string, unknown> }>>;
  /** a further case owned by `owner` in `team` (person overrides: languages, restricted …) */
  aCase(owner: Who, team: { id: string }, options?: { person?: Record<string, unknown>; case?: Record<string, unknown> }): Promise<TestCase>;
}

export async function plansWorld(): Promise<PlansWorld> {
  const world = await caseWorld({ tenantName: 'Stadt Teststadt' });
  const { t, tenant, ids, sql } = world;
  const programme = await programmeFactory(t.db, tenant.id, { code: 'IM', name: 'Integrationsmanagement BW', planReviewDays: 90 });

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
  const caseA = await aCase('managerA', world.teamA);
  const caseB = await aCase('managerB', world.teamB);
  const caseRestricted = await aCase('managerA', world.teamA, { person: { restricted: true, restrictionReason: 'Art. 18' } });
  const caseOther = await world.otherTenantCase();

  return {
    ...world,
    programme: { id: programme.id, planReviewDays: programme.planReviewDays },
    caseA,
    caseB,
    caseRestricted,
    caseOther,
    aCase,
    url: (caseId, rest = '') => `/api/v1/${tenant.slug}/cases/${caseId}${rest}`,
    accessLog: (caseId, entityType) =>
      sql(
        `SELECT action, entity_type, entity_id, actor_id, person_id, case_id, purpose, details FROM case_access_log
          WHERE case_id = $1 AND ($2::text IS NULL OR entity_type = $2) ORDER BY at, id`,
        [caseId, entityType ?? null],
      ),
  };
}
