import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseLimits } from '../domains/cases/caseRules.ts';
import { tenantFactory } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/testApp.ts';
import { seedCaseDemo } from './cases.ts';

describe('case-management demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds teams, programmes, accounts and ~30 persons with cases in every state, once', async () => {
    const tenant = await tenantFactory(t.db);
    const logins = await seedCaseDemo(t.db, tenant.id, tenant.slug);
    expect(logins.map((l) => [l.email.split('@')[0], l.role])).toEqual([
      ['im', 'integration_manager'],
      ['teamleitung', 'team_lead'],
      ['leitung-im', 'integration_lead'],
      ['im2', 'integration_manager'],
      ['im-sued', 'integration_manager'],
    ]);
    const q = <R>(text: string) => t.db.system((tx) => tx.query<R>(text, [tenant.id]));
    const counts = async () =>
      (
        await q<{ teams: number; programmes: number; persons: number; cases: number; events: number }>(
          `SELECT (SELECT count(*)::int FROM teams WHERE tenant_id = $1) teams, (SELECT count(*)::int FROM case_programmes WHERE tenant_id = $1) programmes,
                  (SELECT count(*)::int FROM persons WHERE tenant_id = $1) persons, (SELECT count(*)::int FROM cases WHERE tenant_id = $1) cases,
                  (SELECT count(*)::int FROM case_events WHERE tenant_id = $1) events`,
        )
      )[0]!;
    const first = await counts();
    expect(first).toMatchObject({ teams: 2, programmes: 3, persons: 30, cases: 30 });
    const states = await q<{ state: string; n: number }>('SELECT state, count(*)::int n FROM cases WHERE tenant_id = $1 GROUP BY state');
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toMatchObject({ intake: expect.any(Number), assessment: expect.any(Number), plan: expect.any(Number), in_progress: expect.any(Number), closed: expect.any(Number), reopened: expect.any(Number) });
    const rows = await q<{ reference: string; state: string; started_on: string; planned_end_on: string | null; extended_until: string | null; closed_on: string | null; retention_due_on: string | null; code: string; max: number | null; ext: number }>(
      `SELECT c.reference, c.state, c.started_on::text, c.planned_end_on::text, c.extended_until::text, c.closed_on::text, c.retention_due_on::text, p.code, p.max_duration_months max, p.max_extension_months ext
         FROM cases c JOIN case_programmes p ON p.tenant_id = c.tenant_id AND p.id = c.programme_id WHERE c.tenant_id = $1`,
    );
    for (const r of rows) {
      expect(r.reference).toMatch(new RegExp(`^${r.code}-\\d{4}-\\d{5}$`));
      const { limitOn, maxExtendedUntil } = caseLimits({ maxDurationMonths: r.max, maxExtensionMonths: r.ext, warnBeforeDays: 0, retentionMonths: 0 }, { startedOn: r.started_on, extendedUntil: r.extended_until });
      if (r.planned_end_on) {
        expect(r.planned_end_on >= r.started_on).toBe(true);
        if (limitOn) expect(r.planned_end_on <= limitOn, r.reference).toBe(true);
      }
      if (r.extended_until) expect(r.extended_until <= maxExtendedUntil!).toBe(true);
      expect(Boolean(r.closed_on && r.retention_due_on)).toBe(r.state === 'closed');
    }
    const accounts = await q<{ email: string; team_id: string | null; consent_override: boolean }>("SELECT email, team_id, consent_override FROM auth_user WHERE tenant_id = $1 ORDER BY email");
    expect(accounts.find((a) => a.email.startsWith('leitung-im@'))).toMatchObject({ team_id: null, consent_override: true });
    expect(accounts.filter((a) => a.team_id).length).toBe(4);

    // A second run changes nothing.
    expect(await seedCaseDemo(t.db, tenant.id, tenant.slug)).toEqual([]);
    expect(await counts()).toEqual(first);
  });
});
