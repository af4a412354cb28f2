import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentFactory } from '../../../test/factories.ts';
import { counts, day, outbox, type ReferralWorld, referralWorld } from './referralTestKit.ts';

describe('referrals of a case (office side)', () => {
  let w: ReferralWorld;
  let personId: string;
  let caseId: string;

  const referrals = (id = caseId) => w.url(`/cases/${id}/referrals`);

  beforeAll(async () => {
    w = await referralWorld();
    ({ personId, caseId } = await w.newCase());
    // valid consent for referrals to provider A only
    await consentFactory(w.db, w.tenant.id, personId, { recipientType: 'provider', providerId: w.providerA.id });
  });
  afterAll(() => w.t.close());

  it('401 without a session; a case outside the scope, office roles and partners read 404', async () => {
    expect((await w.call(null, 'GET', referrals())).statusCode).toBe(401);
    for (const who of ['stranger', 'office', 'admin', 'partnerA', 'otherManager']) {
      const res = await w.call(who, 'GET', referrals());
      expect(res.statusCode, who).toBe(who === 'otherManager' ? 403 : 404);
      const post = await w.call(who, 'POST', referrals(), { offerId: w.offerA.id });
      expect(post.statusCode, who).toBe(who === 'otherManager' ? 403 : 404);
    }
    expect((await w.call('lead', 'GET', referrals())).statusCode).toBe(200);
    expect((await counts(w.db)).referrals).toBe(0);
  });

  it('the offer search lists published offers with provider and location (case roles only)', async () => {
    const res = await w.call('manager', 'GET', w.url('/cases/referral-offers?q=deutschkurs'));
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: w.offerA.id,
        title: w.offerA.title,
        summary: 'Integrationskurs für Berufstätige',
        provider: { id: w.providerA.id, name: 'Sprachschule Nord' },
        locations: [{ name: 'Haus der Sprachen', town: 'Musterstadt' }],
        languages: ['de', 'ar'],
      },
    ]);
    const byProvider = (await w.call('manager', 'GET', w.url('/cases/referral-offers?q=Beratung%20S%C3%BCd'))).json();
    expect(byProvider.items.map((o: { id: string }) => o.id)).toEqual([w.offerB.id]);
    const all = (await w.call('manager', 'GET', w.url('/cases/referral-offers?pageSize=50'))).json();
    const ids = all.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(w.offerA.id);
    expect(ids).not.toContain(w.draftOffer.id);
    expect(ids).not.toContain(w.otherTenantOffer.id);
    expect((await w.call('partnerA', 'GET', w.url('/cases/referral-offers'))).statusCode).toBe(403);
    expect((await w.call('office', 'GET', w.url('/cases/referral-offers'))).statusCode).toBe(403);
    expect((await w.call('manager', 'GET', w.url('/cases/referral-offers?pageSize=500'))).json().error.field).toBe('querystring.pageSize');
    const providers = (await w.call('manager', 'GET', w.url('/cases/referral-providers?q=nord'))).json();
    expect(providers.items).toEqual([{ id: w.providerA.id, name: 'Sprachschule Nord', town: null }]);
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    const before = await counts(w.db);
    const cases: Array<[unknown, string]> = [
      [{}, 'offerId'],
      [{ offerId: w.offerA.id, external: { name: 'Jobcenter' } }, 'offerId'],
      [{ offerId: '00000000-0000-4000-8000-000000000000' }, 'offerId'],
      [{ offerId: 'not-a-uuid' }, 'body.offerId'],
      [{ offerId: w.draftOffer.id }, 'offerId'],
      [{ offerId: w.otherTenantOffer.id }, 'offerId'],
      [{ offerId: w.offerA.id, sharedFields: ['email'] }, 'sharedFields'],
      [{ offerId: w.offerA.id, sharedFields: ['birthDate'] }, 'body.sharedFields.0'],
      [{ offerId: w.offerA.id, note: 'x'.repeat(2001) }, 'body.note'],
      [{ offerId: w.offerA.id, secret: true }, 'body'],
      [{ external: { name: '  ' } }, 'body.external.name'],
      [{ offerId: w.offerA.id, override: { reason: '' } }, 'body.override.reason'],
    ];
    for (const [payload, field] of cases) {
      const res = await w.call('manager', 'POST', referrals(), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field, JSON.stringify(payload)).toBe(field);
    }
    const malformed = await w.t.app.inject({ method: 'POST', url: referrals(), headers: { cookie: w.cookies.manager!, 'content-type': 'application/json' }, payload: '{"offerId":' });
    expect(malformed.statusCode).toBe(400);
    expect(await counts(w.db)).toEqual(before);
  });

  it('sends a referral with the minimal default data, snapshots it and tells the partners without personal data', async () => {
    const res = await w.call('manager', 'POST', referrals(), { offerId: w.offerA.id, note: 'Bitte Abendkurs, Kinderbetreuung nötig.' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      caseId,
      personId,
      kind: 'offer',
      state: 'sent',
      offer: { id: w.offerA.id, title: w.offerA.title },
      provider: { id: w.providerA.id, name: 'Sprachschule Nord' },
      sharedFields: ['givenName', 'familyInitial', 'languages', 'note'],
      shared: { givenName: 'Amal', familyInitial: 'H.', languages: ['ar', 'de'], note: 'Bitte Abendkurs, Kinderbetreuung nötig.' },
      overrideReason: null,
      history: [{ fromState: null, toState: 'sent', side: 'office' }],
    });
    expect(body.number).toMatch(/^V-[0-9A-F]{8}$/);
    expect(body.consentId).not.toBeNull();
    expect(body.shared).not.toHaveProperty('phone');

    // stored encrypted, never in clear text
    const [row] = await w.db.system((tx) => tx.query<{ snapshot_enc: string }>('SELECT snapshot_enc FROM case_referrals WHERE id = $1', [body.id]));
    expect(row!.snapshot_enc).toMatch(/^enc:v1:/);
    expect(row!.snapshot_enc).not.toContain('Amal');

    const mails = await outbox(w.db);
    const toPartners = mails.filter((m) => m.text.includes(body.id));
    expect(toPartners.map((m) => m.to).sort()).toEqual([w.accounts.partnerA!.email, w.accounts.partnerA2!.email, w.accounts.partnerNo2fa!.email].sort());
    for (const mail of toPartners) {
      expect(mail.subject).toContain('Neue Vermittlung');
      expect(mail.text).toContain(`/admin/${w.tenant.slug}/referral-inbox/${body.id}`);
      for (const secret of ['Amal', 'Haddad', 'Abendkurs', '123456', personId, caseId, w.offerA.title]) expect(`${mail.subject} ${mail.text}`).not.toContain(secret);
    }
    expect(mails.some((m) => m.to === w.accounts.partnerB!.email)).toBe(false);

    // logged as a release of data
    const log = await w.db.system((tx) =>
      tx.query<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM case_access_log WHERE entity_id = $1 AND action = 'release'", [body.id]),
    );
    expect(log).toHaveLength(1);
    expect(log[0]!.details).toMatchObject({ sharedFields: ['givenName', 'familyInitial', 'languages', 'note'], providerId: w.providerA.id });
    expect(JSON.stringify(log[0]!.details)).not.toContain('Amal');
  });

  it('a double submit (open referral to the same offer) is refused with 409', async () => {
    const before = await counts(w.db);
    const res = await w.call('manager', 'POST', referrals(), { offerId: w.offerA.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate', field: 'offerId' });
    expect(await counts(w.db)).toEqual(before);
  });

  it('a concurrent double submit creates exactly one referral', async () => {
    const { personId: p, caseId: c } = await w.newCase();
    await consentFactory(w.db, w.tenant.id, p);
    const results = await Promise.all([1, 2, 3].map(() => w.call('manager', 'POST', referrals(c), { offerId: w.offerB.id })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const [n] = await w.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM case_referrals WHERE case_id = $1', [c]));
    expect(n!.n).toBe(1);
  });

  it('the case tab lists referrals with history; a single one is readable; reads are logged', async () => {
    const list = await w.call('manager', 'GET', referrals());
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ personId, restricted: false });
    expect(list.json().items).toHaveLength(1);
    const id = list.json().items[0].id;
    const one = await w.call('manager', 'GET', `${referrals()}/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().id).toBe(id);
    expect((await w.call('stranger', 'GET', `${referrals()}/${id}`)).statusCode).toBe(404);
    const { caseId: otherCase } = await w.newCase();
    expect((await w.call('manager', 'GET', `${referrals(otherCase)}/${id}`)).statusCode).toBe(404);
    const reads = await w.db.system((tx) =>
      tx.query<{ n: number }>("SELECT count(*)::int n FROM case_access_log WHERE action = 'read' AND entity_type = 'referral' AND case_id = $1", [caseId]),
    );
    expect(reads[0]!.n).toBeGreaterThanOrEqual(2);
  });

  describe('consent enforcement', () => {
    const refused = async (setup: (personId: string, caseId: string) => Promise<unknown>, payload: (caseId: string) => unknown = () => ({ offerId: w.offerA.id })) => {
      const { personId: p, caseId: c } = await w.newCase();
      await setup(p, c);
      const before = await counts(w.db);
      const res = await w.call('manager', 'POST', referrals(c), payload(c));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'consent_required', field: 'consent' });
      expect(await counts(w.db)).toEqual(before);
    };

    it('no consent → refused', () => refused(async () => undefined));
    it('expired consent → refused', () =>
      refused((p) => consentFactory(w.db, w.tenant.id, p, { givenOn: day(-400), expiresOn: day(-1) })));
    it('withdrawn consent → refused', () =>
      refused((p) => consentFactory(w.db, w.tenant.id, p, { givenOn: day(-60), withdrawnOn: day(0) })));
    it('consent given in the future (not yet valid) → refused', () => refused((p) => consentFactory(w.db, w.tenant.id, p, { givenOn: day(2) })));
    it('consent to another recipient → refused', () =>
      refused((p) => consentFactory(w.db, w.tenant.id, p, { recipientType: 'provider', providerId: w.providerB.id })));
    it('consent for another purpose → refused', () =>
      refused((p) => consentFactory(w.db, w.tenant.id, p, { purpose: 'contact_partner', recipientType: 'provider', providerId: w.providerA.id })));
    it('consent bound to another case → refused', () =>
      refused(async (p) => {
        const { caseFactory } = await import('../../../test/factories.ts');
        const second = await caseFactory(w.db, w.tenant.id, { personId: p, programmeId: w.programmeId, teamId: w.teamId, ownerId: w.accounts.manager!.id });
        await consentFactory(w.db, w.tenant.id, p, { caseId: second.id });
      }));
    it('external service: consent for another external recipient → refused', () =>
      refused(
        (p) => consentFactory(w.db, w.tenant.id, p, { recipientType: 'external', recipientName: 'Jobcenter Nord' }),
        () => ({ external: { name: 'Jobcenter Süd', contact: 'jobcenter@example.org' } }),
      ));

    it('still valid on its last day; an external recipient matches without case and spaces', async () => {
      const { personId: p, caseId: c } = await w.newCase();
      await consentFactory(w.db, w.tenant.id, p, { givenOn: day(-10), expiresOn: day(0) });
      await consentFactory(w.db, w.tenant.id, p, { recipientType: 'external', recipientName: 'Jobcenter  Nord' });
      expect((await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id })).statusCode).toBe(201);
      const ext = await w.call('manager', 'POST', referrals(c), { external: { name: 'jobcenter nord', contact: 'Tel. 0621 1' } });
      expect(ext.statusCode, ext.body).toBe(201);
      expect(ext.json()).toMatchObject({ kind: 'external', offer: null, provider: null, external: { name: 'jobcenter nord', contact: 'Tel. 0621 1' } });
      // the same external service again while open
      const again = await w.call('manager', 'POST', referrals(c), { external: { name: 'JOBCENTER NORD' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.field).toBe('external.name');
    });

    it('an override without the permission is 403 (even with consent), nothing written', async () => {
      const { personId: p, caseId: c } = await w.newCase();
      const before = await counts(w.db);
      const res = await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id, override: { reason: 'Dringend, Person ist einverstanden' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.field).toBe('override');
      await consentFactory(w.db, w.tenant.id, p);
      const withConsent = await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id, override: { reason: 'x' } });
      expect(withConsent.statusCode).toBe(403);
      expect({ ...(await counts(w.db)), consents: before.consents }).toEqual(before);
    });

    it('an override with the permission and a reason goes through: stored on the referral and logged', async () => {
      const { personId: p, caseId: c } = await w.newCase();
      const none = await w.call('overrider', 'POST', referrals(c), { offerId: w.offerA.id });
      expect(none.statusCode).toBe(422);
      const reason = 'Mündliche Einwilligung, schriftlich folgt am Montag';
      const res = await w.call('overrider', 'POST', referrals(c), { offerId: w.offerA.id, override: { reason } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ consentId: null, overrideReason: reason, state: 'sent' });
      const log = await w.db.system((tx) =>
        tx.query<{ actor_id: string; purpose: string; person_id: string; case_id: string }>(
          "SELECT actor_id, purpose, person_id, case_id FROM case_access_log WHERE action = 'override' AND entity_id = $1",
          [res.json().id],
        ),
      );
      expect(log).toEqual([{ actor_id: w.accounts.overrider!.id, purpose: reason, person_id: p, case_id: c }]);
    });
  });

  it('restricted persons (Art. 18) cannot be referred; closed cases send none', async () => {
    const { personId: p, caseId: c } = await w.newCase({ restricted: true, restrictionReason: 'Widerspruch' });
    await consentFactory(w.db, w.tenant.id, p);
    const before = await counts(w.db);
    const res = await w.call('overrider', 'POST', referrals(c), { offerId: w.offerA.id, override: { reason: 'egal' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.field).toBe('restricted');
    const list = (await w.call('manager', 'GET', referrals(c))).json();
    expect(list.restricted).toBe(true);
    const { personId: p2, caseId: closed } = await w.newCase({}, { state: 'closed', closedOn: day(-1), closingReason: 'goals_reached' });
    await consentFactory(w.db, w.tenant.id, p2);
    const closedRes = await w.call('manager', 'POST', referrals(closed), { offerId: w.offerA.id });
    expect(closedRes.statusCode).toBe(422);
    expect(closedRes.json().error.field).toBe('state');
    expect({ ...(await counts(w.db)), consents: before.consents }).toEqual(before);
  });

  it('shares only fields with values; contact channels on request', async () => {
    const { personId: p, caseId: c } = await w.newCase({ email: null, birthDate: '1988-02-03' });
    await consentFactory(w.db, w.tenant.id, p);
    const res = await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id, sharedFields: ['givenName', 'familyName', 'birthYear', 'phone', 'note'] });
    expect(res.statusCode).toBe(201);
    // an empty note is not shared
    expect(res.json().sharedFields).toEqual(['givenName', 'familyName', 'birthYear', 'phone']);
    expect(res.json().shared).toEqual({ givenName: 'Amal', familyName: 'Haddad', birthYear: 1988, phone: '+49 621 123456' });
  });

  it('revokes a sent referral with a reason; the partner is told; revoking twice is 422', async () => {
    const { personId: p, caseId: c } = await w.newCase();
    await consentFactory(w.db, w.tenant.id, p);
    const sent = (await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id })).json();
    const url = `${referrals(c)}/${sent.id}/revoke`;
    const noReason = await w.call('manager', 'POST', url, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('body.reason');
    expect((await w.call('stranger', 'POST', url, { reason: 'x' })).statusCode).toBe(404);
    const res = await w.call('manager', 'POST', url, { reason: 'Person ist umgezogen' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'revoked', reason: 'Person ist umgezogen' });
    expect(res.json().revokedAt).not.toBeNull();
    expect(res.json().history.map((h: { toState: string }) => h.toState)).toEqual(['sent', 'revoked']);
    const again = await w.call('manager', 'POST', url, { reason: 'nochmal' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('invalid_state_transition');
    const mail = (await outbox(w.db)).find((m) => m.text.includes(sent.id) && m.subject.includes('zurückgezogen'));
    expect(mail).toBeDefined();
    expect(mail!.text).not.toContain('umgezogen');
    // a new referral to the same offer is possible again after the revocation
    expect((await w.call('manager', 'POST', referrals(c), { offerId: w.offerA.id })).statusCode).toBe(201);
  });
});
