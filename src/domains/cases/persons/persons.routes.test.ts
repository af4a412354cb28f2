import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseFactory,
  casePersonFactory,
  caseStaffSession,
  programmeFactory,
  staffSession,
  teamFactory,
  tenantFactory,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('persons API', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let teamA: { id: string; name: string };
  let teamB: { id: string; name: string };
  let programme: { id: string };
  const cookies: Record<string, string> = {};
  const users: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/persons`;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.system((tx) => tx.query<{ n: number }>(sql, params)))[0]!.n);
  const personCount = () => count('SELECT count(*)::int n FROM persons WHERE tenant_id = $1', [tenant.id]);
  const historyCount = () => count('SELECT count(*)::int n FROM record_history WHERE tenant_id = $1', [tenant.id]);
  const accessLog = (personId: string) =>
    t.db.system((tx) =>
      tx.query<{ action: string; entity_type: string; person_id: string | null; details: Record<string, unknown>; purpose: string | null; actor_id: string }>(
        'SELECT action, entity_type, person_id, details, purpose, actor_id FROM case_access_log WHERE person_id = $1 ORDER BY at, id',
        [personId],
      ),
    );

  const valid = {
    givenName: 'Layla',
    familyName: 'Darwish',
    otherNames: [{ givenName: 'ليلى', familyName: 'درويش', script: 'Arab' }],
    birthDate: '1994-03-17',
    gender: 'female',
    nationalities: ['SY'],
    languages: ['ar', 'de'],
    preferredLanguage: 'ar',
    phone: '+49 621 123456',
    email: 'layla@example.org',
    street: 'Hauptstraße 1',
    postcode: '68159',
    town: 'Teststadt',
    residenceStatus: 'recognised_refugee',
    residenceExpiresOn: '2027-06-30',
    residenceDetails: 'Aufenthaltserlaubnis § 25 Abs. 2 bis Juni 2027',
    healthNotes: 'Diabetes Typ 1, Insulinpumpe',
    accommodation: 'own_flat',
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
    teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
    programme = await programmeFactory(t.db, tenant.id);
    for (const [key, opts] of [
      ['imA', { role: 'integration_manager', teamId: teamA.id }],
      ['imA2', { role: 'integration_manager', teamId: teamA.id }],
      ['leadA', { role: 'team_lead', teamId: teamA.id }],
      ['imB', { role: 'integration_manager', teamId: teamB.id }],
      ['lead', { role: 'integration_lead', teamId: null }],
    ] as const) {
      const s = await caseStaffSession(t.app, t.db, tenant, opts);
      cookies[key] = s.cookie;
      users[key] = s.account.id;
    }
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.otherIm = (await caseStaffSession(t.app, t.db, other, { role: 'integration_manager' })).cookie;
  }, 120_000);
  afterAll(() => t.close());

  const create = async (who: string, body: Record<string, unknown> = valid) => {
    const res = await call(who, 'POST', base(), { ...body, confirmedNotDuplicate: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number } & Record<string, unknown>;
  };

  it('401 without a session; office roles get 403 on lists and 404 on records; another tenant’s account gets 403', async () => {
    const someone = await casePersonFactory(t.db, tenant.id);
    for (const [method, url, body] of [
      ['POST', `${base()}/search`, {}],
      ['POST', base(), valid],
      ['GET', `${base()}/${someone.id}`, undefined],
      ['PATCH', `${base()}/${someone.id}`, { version: 1 }],
    ] as const) {
      expect((await call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    for (const who of ['office', 'admin']) {
      expect((await call(who, 'POST', `${base()}/search`, {})).statusCode).toBe(403);
      expect((await call(who, 'POST', base(), valid)).statusCode).toBe(403);
      expect((await call(who, 'POST', `${base()}/duplicates`, { givenName: 'A', familyName: 'B' })).statusCode).toBe(403);
      expect((await call(who, 'GET', `${base()}/${someone.id}`)).statusCode).toBe(404);
      expect((await call(who, 'PATCH', `${base()}/${someone.id}`, { version: 1, givenName: 'X' })).statusCode).toBe(404);
      expect((await call(who, 'GET', `${base()}/${someone.id}/history`)).statusCode).toBe(404);
    }
    expect((await call('otherIm', 'POST', `${base()}/search`, {})).statusCode).toBe(403);
    expect((await call('otherIm', 'GET', `${base()}/${someone.id}`)).statusCode).toBe(403);
  });

  it('records a person with every field; the read is logged; name keys are filled; sensitive fields are encrypted at rest', async () => {
    const created = await create('imA');
    expect(created).toMatchObject({
      ...valid,
      household: null,
      restricted: false,
      teamId: teamA.id,
      teamName: 'Team Nord',
      version: 1,
      permissions: { edit: true, restrict: true, unrestrict: false, merge: true },
    });

    const read = await call('imA', 'GET', `${base()}/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ residenceDetails: valid.residenceDetails, healthNotes: valid.healthNotes });

    const [raw] = await t.db.system((tx) =>
      tx.query<Record<string, unknown>>('SELECT name_search, name_phonetic, residence_details_enc, health_notes_enc, created_by FROM persons WHERE id = $1', [created.id]),
    );
    expect(raw!.name_search).toBe('layla darwish ليلى درويش');
    expect(raw!.name_phonetic).toEqual(expect.arrayContaining(['2738', '55', 'm:TRX']));
    expect(raw!.created_by).toBe(users.imA);
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain('Diabetes');
    expect(rawText).not.toContain('§ 25');
    expect(String(raw!.residence_details_enc)).toMatch(/^enc:v1:/);
    expect(String(raw!.health_notes_enc)).toMatch(/^enc:v1:/);

    const log = await accessLog(created.id);
    expect(log.map((l) => l.action)).toEqual(['create', 'read']);
    expect(log[0]!.details.fields).toEqual(expect.arrayContaining(['givenName', 'healthNotes', 'residenceDetails']));
    expect(JSON.stringify(log)).not.toContain('Darwish');
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = { persons: await personCount(), history: await historyCount() };
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, birthDate: tomorrow }, 'body.birthDate'],
      [{ ...valid, birthDate: '1850-01-01' }, 'body.birthDate'],
      [{ ...valid, birthDate: '2020-02-30' }, 'body.birthDate'],
      [{ ...valid, email: 'not-an-email' }, 'body.email'],
      [{ ...valid, phone: 'call me' }, 'body.phone'],
      [{ ...valid, givenName: '' }, 'body.givenName'],
      [{ ...valid, residenceStatus: 'tourist' }, 'body.residenceStatus'],
      [{ ...valid, nationalities: ['Syria'] }, 'body.nationalities.0'],
      [{ ...valid, otherNames: [{ givenName: '', familyName: '', script: 'Arab' }] }, 'body.otherNames.0.familyName'],
      [{ ...valid, householdId: '00000000-0000-4000-8000-000000000000', householdRole: 'child' }, 'householdId'],
      [{ ...valid, householdRole: 'child' }, 'householdRole'],
      [{ ...valid, residenceStatus: null }, 'residenceExpiresOn'],
      [{ ...valid, ownerId: 'x' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call('imA', 'POST', base(), { ...body, confirmedNotDuplicate: true });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.body).not.toContain('Darwish');
    }
    const person = await create('imA', { givenName: 'Bad', familyName: 'Input' });
    for (const [body, field] of [
      [{ version: 1, birthDate: tomorrow }, 'body.birthDate'],
      [{ version: 1, email: 'x@' }, 'body.email'],
      [{ version: 1, householdId: '00000000-0000-4000-8000-000000000000' }, 'householdId'],
      [{ givenName: 'Ohne Version' }, 'body.version'],
    ] as const) {
      const res = await call('imA', 'PATCH', `${base()}/${person.id}`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await personCount()).toBe(before.persons + 1);
    expect(await historyCount()).toBe(before.history);
    const [row] = await t.db.system((tx) => tx.query<{ version: number; email: string | null }>('SELECT version, email FROM persons WHERE id = $1', [person.id]));
    expect(row).toEqual({ version: 1, email: null });
  });

  it('corrections keep their history (Art. 16), encrypted; a stale version is a 409 and writes nothing', async () => {
    const p = await create('imA');
    const res = await call('imA', 'PATCH', `${base()}/${p.id}`, {
      version: 1,
      familyName: 'Darwisch',
      healthNotes: 'Diabetes Typ 1',
      email: null,
      reason: 'Schreibweise laut Pass',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ familyName: 'Darwisch', email: null, healthNotes: 'Diabetes Typ 1', givenName: 'Layla', version: 2 });

    const [raw] = await t.db.system((tx) => tx.query<{ name_search: string }>('SELECT name_search FROM persons WHERE id = $1', [p.id]));
    expect(raw!.name_search).toContain('darwisch');

    const stale = await call('imA', 'PATCH', `${base()}/${p.id}`, { version: 1, givenName: 'Leila' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', field: 'version', details: { currentVersion: 2 } });

    const unchanged = await call('imA', 'PATCH', `${base()}/${p.id}`, { version: 2, familyName: 'Darwisch' });
    expect(unchanged.json().version).toBe(2);

    const history = await call('imA', 'GET', `${base()}/${p.id}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as Array<{ field: string; oldValue: unknown; newValue: unknown; reason: string; actorLabel: string }>;
    expect(items.map((i) => i.field).sort()).toEqual(['email', 'familyName', 'healthNotes']);
    expect(items.find((i) => i.field === 'familyName')).toMatchObject({ oldValue: 'Darwish', newValue: 'Darwisch', reason: 'Schreibweise laut Pass' });
    expect(items.find((i) => i.field === 'healthNotes')).toMatchObject({ oldValue: valid.healthNotes, newValue: 'Diabetes Typ 1' });
    expect(items.find((i) => i.field === 'email')).toMatchObject({ oldValue: 'layla@example.org', newValue: null });

    const rawHistory = await t.db.system((tx) => tx.query<Record<string, unknown>>('SELECT old_value_enc, new_value_enc FROM record_history WHERE person_id = $1', [p.id]));
    expect(rawHistory).toHaveLength(3);
    const rawText = JSON.stringify(rawHistory);
    for (const plain of ['Darwish', 'Diabetes', 'layla@example.org']) expect(rawText).not.toContain(plain);

    // the correction that changed nothing still showed the person: a read, like the history
    const actions = (await accessLog(p.id)).map((l) => l.action);
    expect(actions).toEqual(['create', 'update', 'read', 'read']);
  });

  it('scope: another team’s manager and another tenant see 404; the team lead and the integration lead see the person', async () => {
    const p = await create('imA', { givenName: 'Scope', familyName: 'Probe', birthDate: '1980-01-01' });
    for (const [method, url, body] of [
      ['GET', `${base()}/${p.id}`, undefined],
      ['PATCH', `${base()}/${p.id}`, { version: 1, givenName: 'Gekapert' }],
      ['GET', `${base()}/${p.id}/history`, undefined],
      ['GET', `${base()}/${p.id}/cases`, undefined],
      ['POST', `${base()}/${p.id}/restriction`, { restricted: true, reason: 'Widerspruch' }],
    ] as const) {
      for (const who of ['imB', 'imA2']) expect((await call(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(404);
    }
    expect((await call('leadA', 'GET', `${base()}/${p.id}`)).statusCode).toBe(200);
    expect((await call('lead', 'GET', `${base()}/${p.id}`)).statusCode).toBe(200);

    // Once a case exists, its owner sees the person and the recorder no longer does.
    await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: teamB.id, ownerId: users.imB! });
    expect((await call('imB', 'GET', `${base()}/${p.id}`)).statusCode).toBe(200);
    expect((await call('imA', 'GET', `${base()}/${p.id}`)).statusCode).toBe(404);
    expect((await call('leadA', 'GET', `${base()}/${p.id}`)).statusCode).toBe(404);

    const foreign = await casePersonFactory(t.db, other.id);
    expect((await call('lead', 'GET', `${base()}/${foreign.id}`)).statusCode).toBe(404);
    expect((await call('lead', 'PATCH', `${base()}/${foreign.id}`, { version: 1, givenName: 'X' })).statusCode).toBe(404);
    const [row] = await t.db.system((tx) => tx.query<{ given_name: string }>('SELECT given_name FROM persons WHERE id = $1', [foreign.id]));
    expect(row!.given_name).not.toBe('X');
  });

  it('the person’s cases tab lists the cases in scope', async () => {
    const p = await create('imA', { givenName: 'Fall', familyName: 'Liste' });
    const own = await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: teamA.id, ownerId: users.imA! }, { reference: 'IM-2026-90001' });
    await caseFactory(t.db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: teamB.id, ownerId: users.imB! }, { reference: 'IM-2026-90002' });
    const mine = await call('imA', 'GET', `${base()}/${p.id}/cases`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ id: own.id, reference: 'IM-2026-90001', teamName: 'Team Nord', programmeName: 'Integrationsmanagement' })]);
    const all = await call('lead', 'GET', `${base()}/${p.id}/cases`);
    expect(all.json().items.map((c: { reference: string }) => c.reference).sort()).toEqual(['IM-2026-90001', 'IM-2026-90002']);
  });

  it('Art. 18: a restricted person cannot be edited; only a team lead or the integration lead lifts the restriction', async () => {
    const p = await create('imA', { givenName: 'Rita', familyName: 'Restrict', birthDate: '1970-05-05' });
    expect((await call('imA', 'POST', `${base()}/${p.id}/restriction`, { restricted: true, reason: '' })).json().error.field).toBe('body.reason');
    const restricted = await call('imA', 'POST', `${base()}/${p.id}/restriction`, { restricted: true, reason: 'Richtigkeit bestritten' });
    expect(restricted.statusCode).toBe(200);
    expect(restricted.json()).toMatchObject({
      restricted: true,
      restrictionReason: 'Richtigkeit bestritten',
      version: 2,
      permissions: { edit: false, restrict: false, unrestrict: false, merge: false },
    });

    const historyBefore = await historyCount();
    const edit = await call('imA', 'PATCH', `${base()}/${p.id}`, { version: 2, givenName: 'Rita Maria' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.field).toBe('restricted');
    expect(await historyCount()).toBe(historyBefore);

    const read = await call('imA', 'GET', `${base()}/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().givenName).toBe('Rita');

    const lift = await call('imA', 'POST', `${base()}/${p.id}/restriction`, { restricted: false, reason: 'geklärt' });
    expect(lift.statusCode).toBe(403);
    expect((await call('leadA', 'GET', `${base()}/${p.id}`)).json().permissions.unrestrict).toBe(true);
    const lifted = await call('leadA', 'POST', `${base()}/${p.id}/restriction`, { restricted: false, reason: 'Richtigkeit geklärt' });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ restricted: false, restrictionReason: null });
    expect((await call('imA', 'PATCH', `${base()}/${p.id}`, { version: 3, givenName: 'Rita Maria' })).statusCode).toBe(200);

    const log = await accessLog(p.id);
    expect(log.filter((l) => l.action === 'restrict').map((l) => [l.details.restricted, l.purpose])).toEqual([
      [true, 'Richtigkeit bestritten'],
      [false, 'Richtigkeit geklärt'],
    ]);
  });

  it('search: POST body, scoped, phonetic and typo tolerant, paged; logged without person ids', async () => {
    const mohammed = await create('imA', { givenName: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1988-08-08', town: 'Nordstadt' });
    await create('imA', { givenName: 'Olena', familyName: 'Shevchenko', birthDate: '1991-01-01' });
    const foreignTeam = await create('imB', { givenName: 'Mohamed', familyName: 'Hassan', birthDate: '1988-08-08' });
    const ref = await caseFactory(t.db, tenant.id, { personId: mohammed.id, programmeId: programme.id, teamId: teamA.id, ownerId: users.imA! }, { reference: 'IM-2026-77777' });

    const find = async (who: string, body: Record<string, unknown>) => {
      const res = await call(who, 'POST', `${base()}/search`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Array<{ id: string; openCases: number }>; total: number };
    };
    const ids = (r: { items: Array<{ id: string }> }) => r.items.map((i) => i.id);
    expect(ids(await find('imA', { name: 'muhammad alhasan' }))).toContain(mohammed.id);
    expect(ids(await find('imA', { name: 'hassan' }))).toContain(mohammed.id);
    expect(ids(await find('imA', { name: 'Schewtschenko' })).length).toBeGreaterThan(0);
    expect(ids(await find('imA', { name: 'hassan' }))).not.toContain(foreignTeam.id);
    expect(ids(await find('imB', { name: 'hassan' }))).toEqual([foreignTeam.id]);
    expect(ids(await find('lead', { name: 'hassan' }))).toEqual(expect.arrayContaining([mohammed.id, foreignTeam.id]));
    expect(ids(await find('imA', { birthDate: '1988-08-08' }))).toEqual([mohammed.id]);
    const byRef = await find('imA', { reference: '77777' });
    expect(ids(byRef)).toEqual([mohammed.id]);
    expect(byRef.items[0]!.openCases).toBe(1);
    expect(ref.reference).toBe('IM-2026-77777');
    const paged = await find('imA', { pageSize: 1, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);

    expect((await call('imA', 'POST', `${base()}/search`, { name: 'x', pageSize: 1000 })).json().error.field).toBe('body.pageSize');
    expect((await call('imA', 'POST', `${base()}/search`, { birthDate: '08.08.1988' })).json().error.field).toBe('body.birthDate');

    const [entry] = await t.db.system((tx) =>
      tx.query<{ person_id: string | null; entity_id: string | null; details: Record<string, unknown> }>(
        "SELECT person_id, entity_id, details FROM case_access_log WHERE action = 'search' AND tenant_id = $1 AND details->'criteria' ? 'reference' ORDER BY at DESC LIMIT 1",
        [tenant.id],
      ),
    );
    expect(entry).toMatchObject({ person_id: null, entity_id: null, details: { criteria: ['reference'], total: 1 } });
    expect(JSON.stringify(entry)).not.toContain('77777');
  });
});
