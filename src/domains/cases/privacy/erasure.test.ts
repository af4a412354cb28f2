import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFactory, personFactory, programmeFactory, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestDatabase } from '../../../test/testDatabase.ts';
import { findTraces } from '../../../test/traces.ts';
import type { Database } from '../../../db/database.ts';
import { FieldCrypto, cryptoContext } from '../../../security/fieldCrypto.ts';
import { erasePersons } from './erasure.ts';
import { runRetention } from './retention.ts';
import { planFactory, referralFactory } from '../reports/reportsTestKit.ts';

const crypto = FieldCrypto.fromConfig({ DATA_ENCRYPTION_KEYS: undefined, AUTH_SECRET: undefined });

describe('erasure and retention (Art. 17)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  async function personWithTraces(tenantId: string, teamId: string, programmeId: string, closedOn: string | null, retentionDueOn: string | null) {
    const person = await personFactory(db, tenantId, {
      givenName: 'Zainab',
      familyName: `Qasimova${Math.random().toString(36).slice(2, 8)}`,
      email: `zq${Math.random().toString(36).slice(2, 8)}@example.org`,
      phone: '+49 621 5550123',
      birthDate: '1987-03-09',
      healthNotesEnc: crypto.encrypt('Diabetes', cryptoContext(tenantId, 'persons', 'health_notes_enc')),
    });
    const kase = await caseFactory(
      db,
      tenantId,
      { personId: person.id, programmeId, teamId, ownerId: null },
      closedOn ? { state: 'closed', closedOn, closingReason: 'goals_reached', retentionDueOn } : {},
    );
    await db.system(async (tx) => {
      await tx.query(
        `INSERT INTO case_access_log (tenant_id, actor_id, actor_label, actor_role, action, entity_type, entity_id, person_id, case_id)
         VALUES ($1, 'u1', 'im@example.org', 'integration_manager', 'read', 'case', $2, $3, $2)`,
        [tenantId, kase.id, person.id],
      );
      await tx.query(
        `INSERT INTO record_history (tenant_id, person_id, entity_type, entity_id, field, old_value_enc, actor_label) VALUES ($1, $2, 'person', $2, 'phone', 'x', 'im')`,
        [tenantId, person.id],
      );
      await tx.query(`INSERT INTO case_events (tenant_id, case_id, kind, to_state) VALUES ($1, $2, 'state', 'closed')`, [tenantId, kase.id]);
    });
    return { person, kase };
  }

  it('erases a person on request: nothing identifying remains anywhere, anonymous statistics stay', async () => {
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const { person, kase } = await personWithTraces(tenant.id, team.id, programme.id, '2025-06-30', '2028-06-30');
    const other = await personWithTraces(tenant.id, team.id, programme.id, null, null);

    const needles = [person.familyName, person.email!, person.id, kase.id, kase.reference];
    expect((await findTraces(db, needles)).length).toBeGreaterThan(0);

    const result = await erasePersons(db, tenant.id, [person.id], 'erased_on_request', 'teamlead@example.org');
    expect(result).toEqual({ persons: 1, cases: 1 });
    expect(await findTraces(db, needles)).toEqual([]);

    const stats = await db.system((tx) => tx.query<Record<string, unknown>>('SELECT * FROM case_statistics WHERE tenant_id = $1', [tenant.id]));
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ birth_year: 1987, closing_reason: 'goals_reached', cause: 'erased_on_request' });
    const [month] = await db.system((tx) => tx.query<{ m: string }>("SELECT to_char(closed_month, 'YYYY-MM-DD') AS m FROM case_statistics WHERE tenant_id = $1", [tenant.id]));
    expect(month!.m).toBe('2025-06-01');
    // The other person is untouched.
    expect((await findTraces(db, [other.person.familyName, other.kase.id])).length).toBeGreaterThan(0);
  });

  it('the retention job erases persons whose cases are all past retention, only due cases of others', async () => {
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const expired = await personWithTraces(tenant.id, team.id, programme.id, '2022-01-31', '2025-01-31');
    const recent = await personWithTraces(tenant.id, team.id, programme.id, '2026-01-31', '2029-01-31');
    const open = await personWithTraces(tenant.id, team.id, programme.id, null, null);
    // A person with one expired and one open case keeps the person and the open case.
    const mixed = await personWithTraces(tenant.id, team.id, programme.id, null, null);
    const mixedOld = await caseFactory(
      db,
      tenant.id,
      { personId: mixed.person.id, programmeId: programme.id, teamId: team.id, ownerId: null },
      { state: 'closed', closedOn: '2021-01-31', closingReason: 'moved_away', retentionDueOn: '2024-01-31' },
    );

    const dry = await runRetention(db, { tenantId: tenant.id, today: '2026-11-21', dryRun: true });
    expect(dry).toMatchObject({ persons: 1, cases: 1, dryRun: true });
    expect((await findTraces(db, [expired.person.familyName])).length).toBeGreaterThan(0);

    const report = await runRetention(db, { tenantId: tenant.id, today: '2026-11-21' });
    expect(report).toMatchObject({ persons: 1, cases: 2 });
    expect(await findTraces(db, [expired.person.familyName, expired.person.id, expired.kase.id, mixedOld.id, mixedOld.reference])).toEqual([]);
    for (const kept of [recent, open, mixed]) expect((await findTraces(db, [kept.person.familyName, kept.kase.id])).length).toBeGreaterThan(0);
    // A household member without a case of their own stays while the household's case is kept;
    // a person without any case and household goes after 12 months unchanged.
    const household = await db.system(async (tx) => {
      const [h] = await tx.query<{ id: string }>(`INSERT INTO households (tenant_id, label) VALUES ($1, 'H') RETURNING id`, [tenant.id]);
      return h!.id;
    });
    const child = await personFactory(db, tenant.id, { familyName: `Kind${Math.random().toString(36).slice(2, 8)}`, householdId: household });
    const loner = await personFactory(db, tenant.id, { familyName: `Allein${Math.random().toString(36).slice(2, 8)}` });
    await db.system((tx) => tx.query('UPDATE persons SET household_id = $2 WHERE id = $1', [open.person.id, household]));
    await db.system((tx) => tx.query(`UPDATE persons SET updated_at = '2024-01-01' WHERE id = ANY($1::uuid[])`, [[child.id, loner.id]]));
    expect(await runRetention(db, { tenantId: tenant.id, today: '2026-11-21' })).toMatchObject({ persons: 1, cases: 0 });
    expect((await findTraces(db, [child.familyName])).length).toBeGreaterThan(0);
    expect(await findTraces(db, [loner.familyName])).toEqual([]);

    // Idempotent: a second run finds nothing more.
    expect(await runRetention(db, { tenantId: tenant.id, today: '2026-11-21' })).toMatchObject({ persons: 0, cases: 0 });
  });

  it('the anonymous statistics keep the goal outcomes per field of action and the referral counts', async () => {
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const { person, kase } = await personWithTraces(tenant.id, team.id, programme.id, '2025-06-30', '2028-06-30');
    const v1 = await planFactory(db, tenant.id, kase, { version: 1, status: 'superseded', agreedOn: '2025-01-10' }, [{ field: 'language' }, { field: 'work' }]);
    await planFactory(db, tenant.id, kase, { version: 2, status: 'agreed', agreedOn: '2025-03-01' }, [
      { field: 'language', outcome: 'reached', outcomeOn: '2025-04-10', originId: v1.goalOrigins[0]! },
      { field: 'housing', outcome: 'not_reached', outcomeOn: '2025-05-01' },
    ]);
    for (const state of ['done', 'rejected', 'accepted', 'sent'] as const) await referralFactory(db, tenant.id, kase, state);

    await erasePersons(db, tenant.id, [person.id], 'erased_on_request', 'teamlead@example.org');
    const [stat] = await db.system((tx) => tx.query<{ goals: unknown; referrals: unknown }>('SELECT goals, referrals FROM case_statistics WHERE tenant_id = $1', [tenant.id]));
    expect(stat).toEqual({
      goals: {
        // first agreed 2025-01-10, reached 2025-04-10: 90 days; the dropped work goal stays open
        language: { reached: 1, partly: 0, notReached: 0, open: 0, daysToReach: [90] },
        work: { reached: 0, partly: 0, notReached: 0, open: 1, daysToReach: [] },
        housing: { reached: 0, partly: 0, notReached: 1, open: 0, daysToReach: [] },
      },
      referrals: { sent: 4, accepted: 2, rejected: 1, completed: 1 },
    });
    expect(await findTraces(db, [person.familyName, person.id, kase.id, kase.reference])).toEqual([]);
  });

  it('the access log refuses updates and deletes from the application role and without the erasure switch', async () => {
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const { person } = await personWithTraces(tenant.id, team.id, programme.id, null, null);
    await expect(db.tenant(tenant.id, (tx) => tx.query('DELETE FROM case_access_log WHERE person_id = $1', [person.id]))).rejects.toThrow();
    await expect(db.tenant(tenant.id, (tx) => tx.query("UPDATE case_access_log SET action = 'x' WHERE person_id = $1", [person.id]))).rejects.toThrow();
    await expect(
      db.tenant(tenant.id, (tx) => tx.query('DELETE FROM case_access_log WHERE person_id = $1', [person.id]), { settings: { 'lotse.erasure': 'on' } }),
    ).rejects.toThrow();
    await expect(db.system((tx) => tx.query('DELETE FROM case_access_log WHERE person_id = $1', [person.id]))).rejects.toThrow(/append-only/);
    const [row] = await db.system((tx) => tx.query<{ n: string }>('SELECT count(*) AS n FROM case_access_log WHERE person_id = $1', [person.id]));
    expect(Number(row!.n)).toBe(1);
  });
});
