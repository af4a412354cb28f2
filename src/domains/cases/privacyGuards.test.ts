// Privacy guards found missing in the review of case management, each proven here:
// - an answer that shows case data is in the access log even when a change changed nothing;
// - renaming a household is logged for its members;
// - a consent is bound only to a case in the actor's scope;
// - the retention overview shows only the person's cases in the actor's scope;
// - the reason of an erasure on request names the person in no spelling, nor by e-mail;
// - while a person's processing is restricted (Art. 18) the partner decides nothing on a referral;
// - a text the database refuses (a NUL character) is a 400, not a 500, and an unexpected database
//   error is logged without the request's values.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../../server/boot.ts';
import { caseFactory, caseStaffSession, consentFactory, consentTextFactory, personFactory, tenantFactory } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/testDatabase.ts';
import { type JournalWorld, journalWorld, multipart, samplePdf } from './journal/journalTestKit.ts';
import { day, type ReferralWorld, referralWorld } from './referrals/referralTestKit.ts';

describe('case data answers and changes are logged, and ids in bodies stay in scope', () => {
  let w: JournalWorld;
  beforeAll(async () => {
    w = await journalWorld();
  });
  afterAll(() => w.t.close());

  /** The access-log entries written by `fn` (the whole tenant). */
  const logged = async (fn: () => Promise<unknown>) => {
    const [{ n }] = (await w.sql<{ n: number }>('SELECT count(*)::int AS n FROM case_access_log WHERE tenant_id = $1', [w.tenant.id])) as [{ n: number }];
    await fn();
    return w.sql<{ action: string; entity_type: string; entity_id: string | null; person_id: string | null; case_id: string | null }>(
      'SELECT action, entity_type, entity_id, person_id, case_id FROM case_access_log WHERE tenant_id = $1 ORDER BY at, id OFFSET $2',
      [w.tenant.id, Number(n)],
    );
  };

  it('a correction that changes nothing still shows the record: it is logged as a read', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, status = 200) => {
      const res = await w.call('managerA', method, url, payload);
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as { id: string; version: number };
    };
    const entry = await ok('POST', w.url(c.id, '/entries'), { kind: 'note', body: 'Vertraulich' }, 201);
    const task = await ok('POST', w.url(c.id, '/tasks'), { title: 'Rückruf', dueOn: '2030-01-01' }, 201);
    const form = multipart({ docType: 'other' }, { filename: 'scan.pdf', contentType: 'application/pdf', content: samplePdf('guard') });
    const upload = await w.call('managerA', 'POST', w.url(c.id, '/documents'), undefined, { payload: form.payload, headers: { cookie: w.cookies.managerA, ...form.headers } });
    expect(upload.statusCode, upload.body).toBe(201);
    const document = upload.json() as { id: string; version: number };
    const kase = await ok('GET', w.url(c.id));
    const person = await ok('GET', `/api/v1/${w.tenant.slug}/persons/${c.personId}`);

    const noOps: Array<[string, string, string, unknown]> = [
      ['case_entry', entry.id, w.url(c.id, `/entries/${entry.id}`), { version: entry.version }],
      ['case_task', task.id, w.url(c.id, `/tasks/${task.id}`), { version: task.version }],
      ['case_document', document.id, w.url(c.id, `/documents/${document.id}`), { version: document.version }],
      ['case', c.id, w.url(c.id), { version: kase.version }],
      ['person', c.personId, `/api/v1/${w.tenant.slug}/persons/${c.personId}`, { version: person.version }],
    ];
    for (const [entityType, id, url, body] of noOps) {
      const entries = await logged(() => ok('PATCH', url, body));
      expect(entries, `${entityType}: ${JSON.stringify(entries)}`).toEqual([
        expect.objectContaining({ action: 'read', entity_type: entityType, entity_id: id, person_id: c.personId }),
      ]);
    }
    // restricting an unrestricted person "again" (lifting, here) changes nothing and shows the person
    const lifted = await logged(async () => {
      const res = await w.call('teamLeadA', 'POST', `/api/v1/${w.tenant.slug}/persons/${c.personId}/restriction`, { restricted: false, reason: 'Widerspruch erledigt' });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(lifted).toEqual([expect.objectContaining({ action: 'read', entity_type: 'person', entity_id: c.personId, person_id: c.personId })]);
  });

  it('renaming a household is logged for every member the actor sees', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const created = await w.call('managerA', 'POST', `/api/v1/${w.tenant.slug}/persons/households`, { label: 'Familie', members: [{ personId: c.personId, role: 'head' }] });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json() as { id: string };
    const entries = await logged(async () => {
      const res = await w.call('managerA', 'PATCH', `/api/v1/${w.tenant.slug}/persons/households/${household.id}`, { label: 'Familie (Nebenwohnung)' });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(entries).toContainEqual(expect.objectContaining({ action: 'update', entity_type: 'household', entity_id: household.id, person_id: c.personId }));
  });

  it('a consent is bound only to a case of the person in the actor’s scope (another team’s case: 400, nothing written)', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const programme = (await w.sql<{ programme_id: string }>('SELECT programme_id FROM cases WHERE id = $1', [c.id]))[0]!.programme_id;
    const elsewhere = await caseFactory(w.t.db, w.tenant.id, { personId: c.personId, programmeId: programme, teamId: w.teamB.id, ownerId: w.ids.managerB }, { state: 'intake' });
    await consentTextFactory(w.t.db, w.tenant.id, { purpose: 'referral' });
    const body = (caseId: string) => ({ purpose: 'referral', recipient: { type: 'any_provider' }, givenOn: '2026-01-20', caseId });
    const url = `/api/v1/${w.tenant.slug}/persons/${c.personId}/consents`;
    const before = await w.count('case_consents', 'person_id = $1', [c.personId]);
    const refused = await w.call('managerA', 'POST', url, body(elsewhere.id));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.field).toBe('caseId');
    expect(await w.count('case_consents', 'person_id = $1', [c.personId])).toBe(before);
    // the integration lead sees both cases; the manager their own
    expect((await w.call('lead', 'POST', url, body(elsewhere.id))).statusCode).toBe(201);
    expect((await w.call('managerA', 'POST', url, body(c.id))).statusCode).toBe(201);
  });

  it('the reason of an erasure on request (kept in the audit log) names the person in no spelling and not by e-mail', async () => {
    const person = await personFactory(w.t.db, w.tenant.id, {
      givenName: 'Zerafina',
      familyName: 'Oksandrova',
      otherNames: [{ givenName: 'Serafina', familyName: 'Oxandrowa', script: 'Latn' }],
      email: 'zo.guard@example.org',
      createdBy: w.ids.managerA,
      teamId: w.teamA.id,
    });
    const url = `/api/v1/${w.tenant.slug}/persons/${person.id}/erase`;
    for (const reason of ['Antrag von Frau Oxandrowa vom 12.11.', 'Antrag per Mail zo.guard@example.org']) {
      const res = await w.call('teamLeadA', 'POST', url, { reason, confirmFamilyName: 'Oksandrova' });
      expect(res.statusCode, `${reason}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe('reason');
    }
    expect(await w.count('persons', 'id = $1', [person.id])).toBe(1);
    expect(await w.count('audit_log', "details::text LIKE '%Oxandrowa%' OR details::text LIKE '%zo.guard%'")).toBe(0);
    const erased = await w.call('teamLeadA', 'POST', url, { reason: 'Antrag nach Art. 17 DSGVO vom 12.11.', confirmFamilyName: 'Oksandrova' });
    expect(erased.statusCode, erased.body).toBe(200);
  });

  it('the retention overview lists only the person’s cases in the actor’s scope', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const programme = (await w.sql<{ programme_id: string }>('SELECT programme_id FROM cases WHERE id = $1', [c.id]))[0]!.programme_id;
    const elsewhere = await caseFactory(w.t.db, w.tenant.id, { personId: c.personId, programmeId: programme, teamId: w.teamB.id, ownerId: w.ids.managerB }, { state: 'intake' });
    const caseIds = async (who: 'managerA' | 'managerB' | 'lead') => {
      const res = await w.call(who, 'GET', `/api/v1/${w.tenant.slug}/persons/${c.personId}/retention`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { cases: Array<{ caseId: string }> }).cases.map((x) => x.caseId).sort();
    };
    expect(await caseIds('managerA')).toEqual([c.id]);
    expect(await caseIds('managerB')).toEqual([elsewhere.id]);
    expect(await caseIds('lead')).toEqual([c.id, elsewhere.id].sort());
  });
});

describe('Art. 18 in the partner inbox', () => {
  let w: ReferralWorld;
  beforeAll(async () => {
    w = await referralWorld();
  });
  afterAll(() => w.t.close());

  it('while the person is restricted the partner cannot accept, reject or complete; the office can still withdraw', async () => {
    const { personId, caseId } = await w.newCase();
    await consentFactory(w.db, w.tenant.id, personId, { givenOn: day(-10) });
    const sent = await w.call('manager', 'POST', w.url(`/cases/${caseId}/referrals`), { offerId: w.offerA.id, note: 'Bitte melden', sharedFields: ['givenName'] });
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json() as { id: string };
    const accepted = await w.call('partnerA', 'POST', w.url(`/referral-inbox/${referral.id}/accept`));
    expect(accepted.statusCode, accepted.body).toBe(200);
    const restricted = await w.call('manager', 'POST', w.url(`/persons/${personId}/restriction`), { restricted: true, reason: 'Richtigkeit bestritten' });
    expect(restricted.statusCode, restricted.body).toBe(200);

    const state = async () => (await w.db.system((tx) => tx.query<{ state: string; feedback_enc: string | null }>('SELECT state, feedback_enc FROM case_referrals WHERE id = $1', [referral.id])))[0]!;
    const complete = await w.call('partnerA', 'POST', w.url(`/referral-inbox/${referral.id}/complete`), { feedback: 'Teilnahme bestätigt' });
    expect(complete.statusCode, complete.body).toBe(403);
    expect(complete.json().error.field).toBe('restricted');
    expect(await state()).toEqual({ state: 'accepted', feedback_enc: null });

    const revoked = await w.call('manager', 'POST', w.url(`/cases/${caseId}/referrals/${referral.id}/revoke`), { reason: 'Einschränkung der Verarbeitung' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await state()).state).toBe('revoked');
  });
});

describe('values the database refuses, and database errors in the log', () => {
  it('a NUL character in a name is a 400; an unexpected database error is logged without the request’s values', async () => {
    const db = await createTestDatabase();
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', PUBLIC_URL: 'http://localhost:3000', AUTH_RATE_LIMIT: 'false' });
    const app = await buildApp(createContext(config, db), { serveWeb: false, logger: { level: 'error', stream } });
    await app.ready();
    try {
      const tenant = await tenantFactory(db);
      const { cookie } = await caseStaffSession(app, db, tenant, { role: 'integration_manager' });
      const url = `/api/v1/${tenant.slug}/persons`;
      const person = (givenName: string) => ({ givenName, familyName: 'Oksandrova', email: 'zerafina.o@example.org', birthDate: '1983-06-14', confirmedNotDuplicate: true });

      const nul = await app.inject({ method: 'POST', url, headers: { cookie }, payload: person('Zera\u0000fina') });
      expect(nul.statusCode, nul.body).toBe(400);
      expect(nul.body).not.toContain('Zera');

      // an error nobody foresaw (a trigger of a later migration, a bug): 500, and the log keeps the
      // query but not its parameters
      await db.system((tx) =>
        tx.conn.exec(`CREATE FUNCTION guard_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'unforeseen'; END $$;
                      CREATE TRIGGER guard_fail BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION guard_fail();`),
      );
      const failed = await app.inject({ method: 'POST', url, headers: { cookie }, payload: person('Zerafina') });
      expect(failed.statusCode, failed.body).toBe(500);
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(log).toContain('persons');
      for (const value of ['Zerafina', 'Oksandrova', 'zerafina.o@example.org', '1983-06-14']) expect(log).not.toContain(value);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
