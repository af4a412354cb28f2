import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStaffSession, staffSession, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

describe('households', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/persons`;
  const q = <R>(sql: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(sql, params));
  const person = async (who: string, givenName: string, familyName = 'Karimi') => {
    const res = await call(who, 'POST', base(), { givenName, familyName, confirmedNotDuplicate: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  type HouseholdBody = { id: string; label: string; members: Array<{ person: { id: string; givenName: string }; role: string }>; hiddenMembers: number };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    const teamA = await teamFactory(t.db, tenant.id);
    const teamB = await teamFactory(t.db, tenant.id);
    cookies.imA = (await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamA.id })).cookie;
    cookies.imB = (await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamB.id })).cookie;
    cookies.lead = (await caseStaffSession(t.app, t.db, tenant, { role: 'integration_lead', teamId: null })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.otherIm = (await caseStaffSession(t.app, t.db, other, { role: 'integration_manager' })).cookie;
  }, 120_000);
  afterAll(() => t.close());

  it('creates a household, shows only the members the actor may see, and keeps membership in the history', async () => {
    const mother = await person('imA', 'Zahra');
    const son = await person('imA', 'Ali');
    const father = await person('imB', 'Reza');

    const created = await call('imA', 'POST', `${base()}/households`, {
      label: 'Familie Karimi',
      members: [
        { personId: mother.id, role: 'head' },
        { personId: son.id, role: 'child' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json() as HouseholdBody;
    expect(h).toMatchObject({ label: 'Familie Karimi', hiddenMembers: 0 });
    expect(h.members.map((m) => [m.person.givenName, m.role]).sort()).toEqual([
      ['Ali', 'child'],
      ['Zahra', 'head'],
    ]);

    // imA may not name a person they cannot see; the integration lead sees everyone.
    const hidden = await call('imA', 'POST', `${base()}/households/${h.id}/members`, { personId: father.id, role: 'partner' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.field).toBe('personId');
    expect((await call('imB', 'POST', `${base()}/households/${h.id}/members`, { personId: father.id, role: 'partner' })).statusCode).toBe(404);
    const added = await call('lead', 'POST', `${base()}/households/${h.id}/members`, { personId: father.id, role: 'partner' });
    expect(added.statusCode, added.body).toBe(200);
    expect((added.json() as HouseholdBody).members).toHaveLength(3);

    const asA = await call('imA', 'GET', `${base()}/households/${h.id}`);
    expect(asA.statusCode).toBe(200);
    expect((asA.json() as HouseholdBody).members.map((m) => m.person.id).sort()).toEqual([mother.id, son.id].sort());
    expect(asA.json().hiddenMembers).toBe(1);
    expect(asA.body).not.toContain('Reza');
    expect(asA.body).not.toContain(father.id);

    const asB = await call('imB', 'GET', `${base()}/households/${h.id}`);
    expect((asB.json() as HouseholdBody).members.map((m) => m.person.givenName)).toEqual(['Reza']);
    expect(asB.json().hiddenMembers).toBe(2);

    const read = await call('imA', 'GET', `${base()}/${mother.id}`);
    expect(read.json()).toMatchObject({ householdId: h.id, householdRole: 'head', household: { id: h.id, label: 'Familie Karimi' } });

    // Changing the role through the person is a correction like any other.
    const role = await call('imA', 'PATCH', `${base()}/${son.id}`, { version: (await call('imA', 'GET', `${base()}/${son.id}`)).json().version, householdRole: 'relative' });
    expect(role.statusCode).toBe(200);
    const history = (await call('imA', 'GET', `${base()}/${son.id}/history`)).json().items as Array<{ field: string; oldValue: unknown; newValue: unknown }>;
    expect(history.map((x) => [x.field, x.oldValue, x.newValue])).toEqual(
      expect.arrayContaining([
        ['householdId', null, h.id],
        ['householdRole', 'child', 'relative'],
      ]),
    );

    const renamed = await call('imA', 'PATCH', `${base()}/households/${h.id}`, { label: 'Karimi (Nordstadt)' });
    expect(renamed.json().label).toBe('Karimi (Nordstadt)');

    // Removing members; the last one out deletes the household.
    const removed = await call('imA', 'DELETE', `${base()}/households/${h.id}/members/${son.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().household.members.map((m: { person: { id: string } }) => m.person.id)).toEqual([mother.id]);
    expect((await call('imA', 'DELETE', `${base()}/households/${h.id}/members/${son.id}`)).statusCode).toBe(404);
    expect((await call('imA', 'DELETE', `${base()}/households/${h.id}/members/${mother.id}`)).json().household).toMatchObject({ hiddenMembers: 1 });
    // imA no longer sees any member: the household is not found for them.
    expect((await call('imA', 'GET', `${base()}/households/${h.id}`)).statusCode).toBe(404);
    expect((await call('imB', 'DELETE', `${base()}/households/${h.id}/members/${father.id}`)).json()).toEqual({ household: null });
    expect(await q('SELECT id FROM households WHERE id = $1', [h.id])).toEqual([]);

    const log = await q<{ action: string; entity_type: string }>("SELECT action, entity_type FROM case_access_log WHERE person_id = $1 AND entity_type = 'household'", [father.id]);
    expect(log.length).toBeGreaterThan(0);
  });

  it('a person joins a household through the person record; unknown households are refused', async () => {
    const a = await person('imA', 'Sara', 'Yousef');
    const b = await person('imA', 'Omar', 'Yousef');
    const foreignPerson = await person('imB', 'Nadia', 'Fremd');
    const foreign = (await call('imB', 'POST', `${base()}/households`, { members: [{ personId: foreignPerson.id, role: 'head' }] })).json() as HouseholdBody;
    const h = (await call('imA', 'POST', `${base()}/households`, { members: [{ personId: a.id, role: 'head' }] })).json() as HouseholdBody;

    for (const householdId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('imA', 'PATCH', `${base()}/${b.id}`, { version: 1, householdId, householdRole: 'partner' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('householdId');
    }
    const joined = await call('imA', 'PATCH', `${base()}/${b.id}`, { version: 1, householdId: h.id, householdRole: 'partner' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ householdId: h.id, householdRole: 'partner', household: { id: h.id } });
    const created = await call('imA', 'POST', base(), { givenName: 'Lina', familyName: 'Yousef', householdId: h.id, householdRole: 'child', confirmedNotDuplicate: true });
    expect(created.statusCode).toBe(201);
    expect((await call('imA', 'GET', `${base()}/households/${h.id}`)).json().members).toHaveLength(3);

    // Moving a person to another household through the person record leaves an empty one deleted.
    const solo = await person('imA', 'Solo', 'Yousef');
    const soloHousehold = (await call('imA', 'POST', `${base()}/households`, { members: [{ personId: solo.id, role: 'head' }] })).json() as HouseholdBody;
    const moved = await call('imA', 'POST', `${base()}/households/${h.id}/members`, { personId: solo.id, role: 'sibling' });
    expect(moved.statusCode).toBe(200);
    expect(await q('SELECT id FROM households WHERE id = $1', [soloHousehold.id])).toEqual([]);
  });

  it('a restricted person cannot join or leave a household', async () => {
    const a = await person('imA', 'Hana', 'Sato');
    const b = await person('imA', 'Ken', 'Sato');
    const h = (await call('imA', 'POST', `${base()}/households`, { members: [{ personId: a.id, role: 'head' }] })).json() as HouseholdBody;
    await call('imA', 'POST', `${base()}/${b.id}/restriction`, { restricted: true, reason: 'Widerspruch' });
    await call('imA', 'POST', `${base()}/${a.id}/restriction`, { restricted: true, reason: 'Widerspruch' });
    const join = await call('imA', 'POST', `${base()}/households/${h.id}/members`, { personId: b.id, role: 'partner' });
    expect(join.statusCode).toBe(403);
    expect(join.json().error.field).toBe('restricted');
    const leave = await call('imA', 'DELETE', `${base()}/households/${h.id}/members/${a.id}`);
    expect(leave.statusCode).toBe(403);
    const create = await call('imA', 'POST', `${base()}/households`, { members: [{ personId: b.id, role: 'head' }] });
    expect(create.statusCode).toBe(403);
    const [row] = await q<{ household_id: string | null }>('SELECT household_id FROM persons WHERE id = $1', [b.id]);
    expect(row!.household_id).toBeNull();
  });

  it('access and bad input', async () => {
    const a = await person('imA', 'Eva', 'Probe');
    const h = (await call('imA', 'POST', `${base()}/households`, { members: [{ personId: a.id, role: 'head' }] })).json() as HouseholdBody;
    expect((await call('office', 'POST', `${base()}/households`, { members: [{ personId: a.id, role: 'head' }] })).statusCode).toBe(403);
    expect((await call('office', 'GET', `${base()}/households/${h.id}`)).statusCode).toBe(404);
    expect((await call('otherIm', 'GET', `${base()}/households/${h.id}`)).statusCode).toBe(403);
    const countBefore = await q<{ n: number }>('SELECT count(*)::int n FROM households WHERE tenant_id = $1', [tenant.id]);
    for (const [body, field] of [
      [{ members: [] }, 'body.members'],
      [{ members: [{ personId: a.id, role: 'king' }] }, 'body.members.0.role'],
      [{ members: [{ personId: 'x', role: 'head' }] }, 'body.members.0.personId'],
      [
        {
          members: [
            { personId: a.id, role: 'head' },
            { personId: a.id, role: 'child' },
          ],
        },
        'members.1.personId',
      ],
      [{ members: [{ personId: '00000000-0000-4000-8000-000000000000', role: 'head' }] }, 'members.0.personId'],
    ] as const) {
      const res = await call('imA', 'POST', `${base()}/households`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await q<{ n: number }>('SELECT count(*)::int n FROM households WHERE tenant_id = $1', [tenant.id])).toEqual(countBefore);
    expect((await call('imA', 'GET', `${base()}/households/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});
