import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFactory, caseStaffSession, personFactory, programmeFactory, teamFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';

describe('handover moves the open tasks along; the case header shows active flags', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('single and bulk handover reassign the previous owner’s open tasks (done ones stay)', async () => {
    const tenant = await tenantFactory(t.db);
    const team = await teamFactory(t.db, tenant.id);
    const programme = await programmeFactory(t.db, tenant.id);
    const lead = await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: team.id });
    const from = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
    const to = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
    const make = async () => {
      const person = await personFactory(t.db, tenant.id, { teamId: team.id });
      const kase = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: from.account.id });
      await t.db.system((tx) =>
        tx.query(
          `INSERT INTO case_tasks (tenant_id, case_id, person_id, title, due_on, assignee_id, done_at) VALUES
             ($1, $2, $3, 'open', '2026-12-01', $4, NULL), ($1, $2, $3, 'done', '2026-10-01', $4, now())`,
          [tenant.id, kase.id, person.id, from.account.id],
        ),
      );
      return kase;
    };
    const assignees = async (caseId: string) =>
      t.db.system((tx) => tx.query<{ title: string; assignee_id: string }>('SELECT title, assignee_id FROM case_tasks WHERE case_id = $1 ORDER BY title', [caseId]));

    const single = await make();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/cases/${single.id}/handover`,
      headers: { cookie: lead.cookie },
      payload: { version: single.version, toOwnerId: to.account.id, reason: 'Elternzeit' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await assignees(single.id)).toEqual([
      { title: 'done', assignee_id: from.account.id },
      { title: 'open', assignee_id: to.account.id },
    ]);

    const bulkA = await make();
    const bulkB = await make();
    const bulk = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/cases/handover`,
      headers: { cookie: lead.cookie },
      payload: { fromOwnerId: from.account.id, toOwnerId: to.account.id, reason: 'Stellenwechsel' },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    for (const c of [bulkA, bulkB]) expect((await assignees(c.id)).find((r) => r.title === 'open')?.assignee_id).toBe(to.account.id);
  });

  it('lists active flags (kinds only) in the case detail, not resolved ones', async () => {
    const tenant = await tenantFactory(t.db);
    const team = await teamFactory(t.db, tenant.id);
    const programme = await programmeFactory(t.db, tenant.id);
    const manager = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
    const person = await personFactory(t.db, tenant.id, { teamId: team.id });
    const kase = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: manager.account.id });
    await t.db.system((tx) =>
      tx.query(
        `INSERT INTO case_flags (tenant_id, case_id, person_id, kind, reason_enc, active) VALUES
           ($1, $2, $3, 'safeguarding', 'enc:v1:dev:x', true), ($1, $2, $3, 'health', 'enc:v1:dev:y', false)`,
        [tenant.id, kase.id, person.id],
      ),
    );
    const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/cases/${kase.id}`, headers: { cookie: manager.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flags.map((f: { kind: string }) => f.kind)).toEqual(['safeguarding']);
    expect(JSON.stringify(res.json().flags)).not.toContain('enc:v1');
  });
});
