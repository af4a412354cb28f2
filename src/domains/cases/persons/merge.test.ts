import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFactory, caseStaffSession, programmeFactory, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { PERSONAL_DATA_TABLES } from '../personalData.ts';

describe('merging persons', () => {
  let t: TestApp;
  let tenant: Tenant;
  let teamA: { id: string };
  let programme: { id: string };
  const cookies: Record<string, string> = {};
  const users: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/persons`;
  const q = <R>(sql: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(sql, params));

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
    const teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
    programme = await programmeFactory(t.db, tenant.id);
    for (const [key, role, team] of [
      ['imA', 'integration_manager', teamA.id],
      ['leadA', 'team_lead', teamA.id],
      ['imB', 'integration_manager', teamB.id],
    ] as const) {
      const s = await caseStaffSession(t.app, t.db, tenant, { role, teamId: team });
      cookies[key] = s.cookie;
      users[key] = s.account.id;
    }
  }, 120_000);
  afterAll(() => t.close());

  /** Two records of the same man, each with a case, b also with a correction and a household. */
  async function pair() {
    const a = await call('imA', 'POST', base(), {
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1990-04-12',
      phone: '0621 111',
      confirmedNotDuplicate: true,
    });
    const b = await call('imA', 'POST', base(), {
      givenName: 'Muhammad',
      familyName: 'Alhasan',
      otherNames: [{ givenName: 'محمد', familyName: 'الحسن', script: 'Arab' }],
      birthDate: '1990-04-21',
      email: 'm.alhasan@example.org',
      healthNotes: 'Asthma',
      confirmedNotDuplicate: true,
    });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    const aId = a.json().id as string;
    const bId = b.json().id as string;
    const corrected = await call('imA', 'PATCH', `${base()}/${bId}`, { version: 1, phone: '0621 222', reason: 'neue Nummer' });
    expect(corrected.statusCode).toBe(200);
    const household = await call('imA', 'POST', `${base()}/households`, { label: 'Familie Alhasan', members: [{ personId: bId, role: 'head' }] });
    expect(household.statusCode).toBe(201);
    const caseA = await caseFactory(t.db, tenant.id, { personId: aId, programmeId: programme.id, teamId: teamA.id, ownerId: users.imA! });
    const caseB = await caseFactory(t.db, tenant.id, { personId: bId, programmeId: programme.id, teamId: teamA.id, ownerId: users.imA! });
    const versions = { a: (await call('imA', 'GET', `${base()}/${aId}`)).json().version as number, b: (await call('imA', 'GET', `${base()}/${bId}`)).json().version as number };
    return { aId, bId, caseA, caseB, householdId: household.json().id as string, versions };
  }

  it('moves cases, household and history to the survivor with the chosen values; reading the merged record answers with the survivor', async () => {
    const { aId, bId, caseA, caseB, householdId, versions } = await pair();
    const res = await call('imA', 'POST', `${base()}/${aId}/merge`, {
      mergeId: bId,
      version: versions.a,
      mergeVersion: versions.b,
      choose: { birthDate: 'survivor', phone: 'merged', household: 'merged' },
      reason: 'Doppelt erfasst',
    });
    expect(res.statusCode, res.body).toBe(200);
    const survivor = res.json();
    expect(survivor).toMatchObject({
      id: aId,
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1990-04-12',
      phone: '0621 222',
      // empty on the survivor: taken from the merged record without being asked
      email: 'm.alhasan@example.org',
      healthNotes: 'Asthma',
      householdId,
      householdRole: 'head',
      version: versions.a + 1,
    });
    expect(survivor.otherNames).toEqual(
      expect.arrayContaining([
        { givenName: 'محمد', familyName: 'الحسن', script: 'Arab' },
        { givenName: 'Muhammad', familyName: 'Alhasan', script: '' },
      ]),
    );

    const caseRows = await q<{ id: string; person_id: string }>('SELECT id, person_id FROM cases WHERE id = ANY($1::uuid[])', [[caseA.id, caseB.id]]);
    expect(caseRows.every((c) => c.person_id === aId)).toBe(true);
    // The merged-away record is a tombstone: no personal data left in it.
    const [merged] = await q<Record<string, unknown>>(
      'SELECT merged_into_id, household_id, given_name, family_name, other_names, birth_date, email, health_notes_enc, name_search, name_phonetic FROM persons WHERE id = $1',
      [bId],
    );
    expect(merged).toEqual({
      merged_into_id: aId,
      household_id: null,
      given_name: '',
      family_name: '',
      other_names: [],
      birth_date: null,
      email: null,
      health_notes_enc: null,
      name_search: '',
      name_phonetic: [],
    });
    expect(await q('SELECT 1 FROM record_history WHERE person_id = $1', [bId])).toEqual([]);

    // The merged record: hidden from search and duplicate checks, its page redirects to the survivor.
    const found = await call('imA', 'POST', `${base()}/search`, { name: 'alhasan' });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([aId]);
    const dup = await call('imA', 'POST', `${base()}/duplicates`, { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1990-04-21' });
    expect(dup.json().candidates.map((c: { person: { id: string } }) => c.person.id)).toEqual([aId]);
    const redirect = await call('imA', 'GET', `${base()}/${bId}`);
    expect(redirect.statusCode).toBe(200);
    expect(redirect.json().id).toBe(aId);
    expect(redirect.headers['content-location']).toBe(`${base()}/${aId}`);
    expect((await call('imB', 'GET', `${base()}/${bId}`)).statusCode).toBe(404);
    expect((await call('imA', 'PATCH', `${base()}/${bId}`, { version: versions.b + 1, givenName: 'X' })).statusCode).toBe(404);

    // History kept: b's earlier correction, the survivor's changes, the merge itself.
    const history = (await call('imA', 'GET', `${base()}/${aId}/history`)).json().items as Array<{ field: string; entityId: string; reason: string | null; newValue: unknown }>;
    expect(history.find((h) => h.entityId === bId && h.field === 'phone' && h.reason === 'neue Nummer')).toMatchObject({ newValue: '0621 222' });
    expect(history.find((h) => h.entityId === bId && h.field === 'mergedIntoId')).toMatchObject({ newValue: aId, reason: 'Doppelt erfasst' });
    expect(history.find((h) => h.entityId === aId && h.field === 'mergedFrom')).toMatchObject({ newValue: bId });
    expect(history.find((h) => h.entityId === aId && h.field === 'email')).toMatchObject({ newValue: 'm.alhasan@example.org' });
    // What the merged record held is kept in the history (Art. 16), e.g. its birth date that did not survive.
    expect(history.find((h) => h.entityId === bId && h.field === 'birthDate')).toMatchObject({ oldValue: '1990-04-21', newValue: null });

    const log = await q<{ person_id: string; action: string; details: Record<string, unknown>; purpose: string }>(
      "SELECT person_id, action, details, purpose FROM case_access_log WHERE action = 'merge' AND person_id = ANY($1::uuid[]) ORDER BY person_id",
      [[aId, bId]],
    );
    expect(log).toHaveLength(2);
    expect(log.find((l) => l.person_id === aId)!.details).toMatchObject({ mergedPersonId: bId, moved: { cases: 1 } });
    expect(log.find((l) => l.person_id === bId)!.details).toMatchObject({ mergedIntoId: aId });
    expect(JSON.stringify(log)).not.toContain('Asthma');

    const household = await call('imA', 'GET', `${base()}/households/${householdId}`);
    expect(household.json().members.map((m: { person: { id: string } }) => m.person.id)).toEqual([aId]);
  });

  it('refuses bad merges with a clear error and changes nothing', async () => {
    const { aId, bId, caseB, versions } = await pair();
    const foreign = await call('imB', 'POST', base(), { givenName: 'Fremd', familyName: 'Person', confirmedNotDuplicate: true });
    const snapshot = () => q('SELECT id, version, merged_into_id, email, restricted FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id', [[aId, bId]]);
    const before = await snapshot();
    const attempts: Array<[string, Record<string, unknown>, number, string]> = [
      [aId, { mergeId: aId, version: versions.a, mergeVersion: versions.a }, 400, 'mergeId'],
      [aId, { mergeId: foreign.json().id, version: versions.a, mergeVersion: 1 }, 400, 'mergeId'],
      [aId, { mergeId: '00000000-0000-4000-8000-000000000000', version: versions.a, mergeVersion: 1 }, 400, 'mergeId'],
      [aId, { mergeId: bId, version: versions.a + 3, mergeVersion: versions.b }, 409, 'version'],
      [aId, { mergeId: bId, version: versions.a, mergeVersion: versions.b + 5 }, 409, 'mergeVersion'],
      [aId, { mergeId: bId, version: versions.a, mergeVersion: versions.b, choose: { email: 'both' } }, 400, 'body.choose.email'],
      [aId, { mergeId: bId, version: versions.a, mergeVersion: versions.b, choose: { shoeSize: 'merged' } }, 400, 'body.choose'],
    ];
    for (const [id, body, status, field] of attempts) {
      const res = await call('imA', 'POST', `${base()}/${id}/merge`, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.json().error.field).toBe(field);
    }
    expect((await call('imB', 'POST', `${base()}/${aId}/merge`, { mergeId: bId, version: versions.a, mergeVersion: versions.b })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);

    // A restricted record is neither merged away nor merged into.
    const restrict = await call('imA', 'POST', `${base()}/${bId}/restriction`, { restricted: true, reason: 'Widerspruch eingelegt' });
    expect(restrict.statusCode).toBe(200);
    for (const [from, into] of [
      [aId, bId],
      [bId, aId],
    ]) {
      const res = await call('imA', 'POST', `${base()}/${from}/merge`, {
        mergeId: into,
        version: from === aId ? versions.a : versions.b + 1,
        mergeVersion: into === aId ? versions.a : versions.b + 1,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.field).toBe('restricted');
    }
    const [caseRow] = await q<{ person_id: string }>('SELECT person_id FROM cases WHERE id = $1', [caseB.id]);
    expect(caseRow!.person_id).toBe(bId);
  });

  it('a failure in the middle leaves nothing half-merged', async () => {
    const { aId, bId, caseB, householdId, versions } = await pair();
    // A feature table holding person data, registered like every other, that refuses the move
    // (one row per person): the merge fails after the survivor, the cases and the history moved.
    await t.db.system((tx) =>
      tx.conn.exec(
        `CREATE TABLE merge_probe (tenant_id uuid NOT NULL, person_id uuid NOT NULL, UNIQUE (tenant_id, person_id));
         GRANT SELECT, INSERT, UPDATE, DELETE ON merge_probe TO lotse_app;
         INSERT INTO merge_probe VALUES ('${tenant.id}', '${aId}'), ('${tenant.id}', '${bId}');`,
      ),
    );
    PERSONAL_DATA_TABLES.push({ table: 'merge_probe', personColumn: 'person_id', exportAs: 'probe' });
    const snapshot = async () => ({
      persons: await q('SELECT id, version, merged_into_id, email, phone, other_names, household_id, name_search FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id', [[aId, bId]]),
      cases: await q('SELECT id, person_id FROM cases WHERE person_id = ANY($1::uuid[]) ORDER BY id', [[aId, bId]]),
      history: await q('SELECT id, person_id FROM record_history WHERE person_id = ANY($1::uuid[]) ORDER BY id', [[aId, bId]]),
      log: await q("SELECT id FROM case_access_log WHERE action = 'merge' AND person_id = ANY($1::uuid[])", [[aId, bId]]),
      probe: await q('SELECT person_id FROM merge_probe ORDER BY person_id'),
      households: await q('SELECT id FROM households WHERE id = $1', [householdId]),
    });
    try {
      const before = await snapshot();
      const res = await call('imA', 'POST', `${base()}/${aId}/merge`, {
        mergeId: bId,
        version: versions.a,
        mergeVersion: versions.b,
        choose: { phone: 'merged', household: 'merged' },
      });
      expect(res.statusCode).toBe(409);
      expect(await snapshot()).toEqual(before);
      const [caseRow] = await q<{ person_id: string }>('SELECT person_id FROM cases WHERE id = $1', [caseB.id]);
      expect(caseRow!.person_id).toBe(bId);
    } finally {
      PERSONAL_DATA_TABLES.pop();
      await t.db.system((tx) => tx.conn.exec('DROP TABLE merge_probe'));
    }
  });
});
