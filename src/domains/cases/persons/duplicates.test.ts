import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFactory, casePersonFactory, caseStaffSession, programmeFactory, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { birthMatch, nameMatch } from './duplicates.ts';
import { foldTransliteration, nameSearchOf, namePhoneticOf, normalizeName, phoneticMatch } from './names.ts';

describe('name keys', () => {
  it('normalizes accents, punctuation and German letters', () => {
    expect(normalizeName('  Ayşe  Yılmaz-Öztürk ')).toBe('ayse yilmaz ozturk');
    expect(normalizeName('Jörg Weiß')).toBe('jorg weiss');
    expect(nameSearchOf([{ givenName: 'Олександр', familyName: 'Шевченко' }])).toBe('олександр шевченко oleksandr shevchenko');
    expect(foldTransliteration('schewtschenko')).toBe('shevchenko');
  });

  it('phonetic codes meet across spellings and transliterations', () => {
    const stored = (given: string, family: string) => new Set(namePhoneticOf([{ givenName: given, familyName: family }]));
    expect(phoneticMatch({ givenName: 'Muhammad', familyName: 'Alhasan' }, stored('Mohammed', 'Al-Hassan'))).toBe(1);
    expect(phoneticMatch({ givenName: 'Mohamed', familyName: 'Hassan' }, stored('Muhammad', 'Al Hasan'))).toBe(1);
    expect(phoneticMatch({ givenName: 'Jussuf', familyName: 'Müller' }, stored('Yusuf', 'Mueller'))).toBe(1);
    expect(phoneticMatch({ givenName: 'Oleksandr', familyName: 'Schewtschenko' }, stored('Олександр', 'Шевченко'))).toBe(1);
    expect(phoneticMatch({ givenName: 'Peter', familyName: 'Schmidt' }, stored('Mohammed', 'Al-Hassan'))).toBe(0);
  });

  it('scores names and birth dates', () => {
    const row = { variants: [{ givenName: 'Mohammed', familyName: 'Al-Hassan' }], codes: namePhoneticOf([{ givenName: 'Mohammed', familyName: 'Al-Hassan' }]) };
    expect(nameMatch([{ givenName: 'Mohammed', familyName: 'Al-Hassan' }], row, 1)).toMatchObject({ score: 1, reasons: expect.arrayContaining(['same_spelling']) });
    expect(nameMatch([{ givenName: 'Al-Hassan', familyName: 'Mohammed' }], row, 0.9).reasons).toContain('same_spelling');
    expect(nameMatch([{ givenName: 'Muhammad', familyName: 'Alhasan' }], row, 0.2).score).toBeGreaterThan(0.85);
    expect(nameMatch([{ givenName: 'Peter', familyName: 'Schmidt' }], row, 0.05).score).toBeLessThan(0.2);
    expect(birthMatch('1990-04-12', '1990-04-12')).toEqual({ score: 1, reason: 'same_birth_date' });
    expect(birthMatch('1990-04-12', '1990-12-04').reason).toBe('close_birth_date');
    expect(birthMatch('1990-04-12', '1991-04-12').reason).toBe('close_birth_date');
    expect(birthMatch('1990-04-12', '1990-04-13').reason).toBe('close_birth_date');
    expect(birthMatch('1990-01-01', '1990-07-20').reason).toBe('same_birth_year');
    expect(birthMatch('1990-04-12', '1975-09-30')).toEqual({ score: 0, reason: null });
    expect(birthMatch(null, '1975-09-30')).toEqual({ score: 0.5, reason: null });
  });
});

describe('duplicate check API', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let teamA: { id: string };
  let teamB: { id: string };
  const cookies: Record<string, string> = {};
  const users: Record<string, string> = {};
  let mohammed: { id: string };
  let oleksandr: { id: string };

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/persons`;
  const check = async (who: string, body: Record<string, unknown>) => {
    const res = await call(who, 'POST', `${base()}/duplicates`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      candidates: Array<{ person: { id: string; givenName: string }; score: number; level: string; reasons: string[] }>;
      hints: Array<{ level: string; teamName: string | null }>;
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
    teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
    for (const [key, team] of [
      ['imA', teamA.id],
      ['imB', teamB.id],
    ] as const) {
      const s = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team });
      cookies[key] = s.cookie;
      users[key] = s.account.id;
    }
    mohammed = await casePersonFactory(t.db, tenant.id, { givenName: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1990-04-12', teamId: teamA.id, createdBy: users.imA! });
    oleksandr = await casePersonFactory(t.db, tenant.id, {
      givenName: 'Oleksandr',
      familyName: 'Shevchenko',
      otherNames: [{ givenName: 'Олександр', familyName: 'Шевченко', script: 'Cyrl' }],
      birthDate: '1985-11-02',
      teamId: teamA.id,
      createdBy: users.imA!,
    });
    // Noise: same birth date, other names; and an identical name in another tenant.
    await casePersonFactory(t.db, tenant.id, { givenName: 'Peter', familyName: 'Schmidt', birthDate: '1990-04-12', teamId: teamA.id, createdBy: users.imA! });
    await casePersonFactory(t.db, tenant.id, { givenName: 'Fatima', familyName: 'Haddad', birthDate: '1990-04-12', teamId: teamA.id, createdBy: users.imA! });
    await casePersonFactory(t.db, other.id, { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1990-04-12' });
  }, 120_000);
  afterAll(() => t.close());

  it('finds "Muhammad Alhasan" for "Mohammed Al-Hassan", ranked by name and birth date', async () => {
    const same = await check('imA', { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1990-04-12' });
    expect(same.candidates.map((c) => c.person.id)).toEqual([mohammed.id]);
    expect(same.candidates[0]).toMatchObject({ level: 'likely', reasons: expect.arrayContaining(['sounds_alike', 'same_birth_date']) });
    expect(same.candidates[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(same.hints).toEqual([]);

    const unknownBirth = await check('imA', { givenName: 'Muhammad', familyName: 'Alhasan' });
    expect(unknownBirth.candidates[0]).toMatchObject({ person: { id: mohammed.id }, level: 'likely' });

    const typo = await check('imA', { givenName: 'Mohamed', familyName: 'Al Hasan', birthDate: '1990-12-04' });
    expect(typo.candidates[0]).toMatchObject({ person: { id: mohammed.id }, level: 'likely', reasons: expect.arrayContaining(['close_birth_date']) });

    const otherBirth = await check('imA', { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1962-07-30' });
    expect(otherBirth.candidates[0]).toMatchObject({ person: { id: mohammed.id }, level: 'possible' });
    expect(otherBirth.candidates[0]!.score).toBeLessThan(same.candidates[0]!.score);
  });

  it('finds transliterations: Cyrillic original, German spelling, swapped name order', async () => {
    const cyrillic = await check('imA', { givenName: 'Олександр', familyName: 'Шевченко', birthDate: '1985-11-02' });
    expect(cyrillic.candidates[0]).toMatchObject({ person: { id: oleksandr.id }, level: 'likely', reasons: expect.arrayContaining(['transliteration']) });

    const german = await check('imA', { givenName: 'Oleksandr', familyName: 'Schewtschenko', birthDate: '1985-11-02' });
    expect(german.candidates[0]).toMatchObject({ person: { id: oleksandr.id }, level: 'likely', reasons: expect.arrayContaining(['sounds_alike']) });

    const viaOtherName = await check('imA', {
      givenName: 'Aleksandr',
      familyName: 'Sevcenko',
      otherNames: [{ givenName: 'Олександр', familyName: 'Шевченко', script: 'Cyrl' }],
      birthDate: null,
    });
    expect(viaOtherName.candidates[0]).toMatchObject({ person: { id: oleksandr.id }, level: 'likely', reasons: expect.arrayContaining(['transliteration']) });

    const swapped = await check('imA', { givenName: 'Al-Hassan', familyName: 'Mohammed', birthDate: '1990-04-12' });
    expect(swapped.candidates[0]).toMatchObject({ person: { id: mohammed.id }, level: 'likely' });
  });

  it('does not flag other people: the same birth date alone, a different name, another tenant', async () => {
    const res = await check('imA', { givenName: 'Jana', familyName: 'Novak', birthDate: '1990-04-12' });
    expect(res.candidates).toEqual([]);
    expect(res.hints).toEqual([]);
    const excluded = await check('imA', { givenName: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1990-04-12', excludeId: mohammed.id });
    expect(excluded.candidates.map((c) => c.person.id)).not.toContain(mohammed.id);
  });

  it('records outside the scope come back only as a redacted hint naming the team', async () => {
    const res = await call('imB', 'POST', `${base()}/duplicates`, { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1990-04-12' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ candidates: [], hints: [{ level: 'likely', teamName: 'Team Nord' }] });
    for (const secret of ['Mohammed', 'Hassan', '1990', mohammed.id]) expect(res.body).not.toContain(secret);

    // With a case, the hint names the team of the case.
    const programme = await programmeFactory(t.db, tenant.id);
    const teamC = await teamFactory(t.db, tenant.id, { name: 'Team West' });
    await caseFactory(t.db, tenant.id, { personId: oleksandr.id, programmeId: programme.id, teamId: teamC.id, ownerId: null });
    const hinted = await check('imB', { givenName: 'Oleksandr', familyName: 'Shevchenko', birthDate: '1985-11-02' });
    expect(hinted).toEqual({ candidates: [], hints: [{ level: 'likely', teamName: 'Team West' }] });
  });

  it('creating a likely duplicate in scope is a 409 with the candidates; confirmed it is created; the check is logged', async () => {
    const personCount = async () =>
      Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM persons WHERE tenant_id = $1', [tenant.id])))[0]!.n);
    const before = await personCount();
    const body = { givenName: 'Muhammad', familyName: 'Alhasan', birthDate: '1990-04-12' };
    const dup = await call('imA', 'POST', base(), body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'confirmedNotDuplicate' });
    expect(dup.json().error.details.candidates[0]).toMatchObject({ person: { id: mohammed.id, givenName: 'Mohammed' }, level: 'likely' });
    expect(dup.json().error.message).not.toContain('Mohammed');
    expect(await personCount()).toBe(before);

    const [logged] = await t.db.system((tx) =>
      tx.query<{ person_id: string | null; details: Record<string, unknown> }>(
        "SELECT person_id, details FROM case_access_log WHERE tenant_id = $1 AND action = 'search' AND details->>'kind' = 'duplicate_check' AND actor_id = $2 ORDER BY at DESC LIMIT 1",
        [tenant.id, users.imA],
      ),
    );
    expect(logged).toMatchObject({ person_id: null, details: { candidates: 1, hints: 0 } });

    // Outside the scope there is only a hint: the API records the person (the UI shows the hint first).
    const b = await call('imB', 'POST', base(), body);
    expect(b.statusCode).toBe(201);

    const confirmed = await call('imA', 'POST', base(), { ...body, confirmedNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(await personCount()).toBe(before + 2);
  });

  it('bad input names the field', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const [body, field] of [
      [{ givenName: 'A', familyName: 'B', birthDate: tomorrow }, 'body.birthDate'],
      [{ givenName: '', familyName: 'B' }, 'body.givenName'],
      [{ familyName: 'B' }, 'body.givenName'],
      [{ givenName: 'A', familyName: 'B', excludeId: 'nope' }, 'body.excludeId'],
    ] as const) {
      const res = await call('imA', 'POST', `${base()}/duplicates`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });
});
