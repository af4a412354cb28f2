import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentFactory } from '../../../test/factories.ts';
import { outbox, type ReferralWorld, referralWorld } from './referralTestKit.ts';

/** The whole loop through the partner's account, and what the partner can (not) see. */
describe('partner inbox', () => {
  let w: ReferralWorld;
  let personId: string;
  let caseId: string;
  let referralId: string;
  const inbox = (path = '') => w.url(`/referral-inbox${path}`);

  /** Every key a partner's view of a referral may carry. */
  const PARTNER_KEYS = ['id', 'number', 'state', 'offer', 'shared', 'reason', 'feedback', 'sentByName', 'sentAt', 'acceptedAt', 'rejectedAt', 'completedAt', 'revokedAt'];

  beforeAll(async () => {
    w = await referralWorld();
    ({ personId, caseId } = await w.newCase({ email: 'amal@example.org', residenceStatus: 'asylum_seeker', accommodation: 'shared_accommodation' }));
    await consentFactory(w.db, w.tenant.id, personId);
    const res = await w.call('manager', 'POST', w.url(`/cases/${caseId}/referrals`), {
      offerId: w.offerA.id,
      sharedFields: ['givenName', 'familyInitial', 'languages', 'email', 'note'],
      note: 'Sucht einen Abendkurs.',
    });
    expect(res.statusCode, res.body).toBe(201);
    referralId = res.json().id;
  });
  afterAll(() => w.t.close());

  it('401 without a session; other tenants 403; case staff and office roles have no inbox', async () => {
    expect((await w.call(null, 'GET', inbox())).statusCode).toBe(401);
    expect((await w.call('otherPartner', 'GET', inbox())).statusCode).toBe(403);
    expect((await w.call('otherPartner', 'GET', inbox(`/${referralId}`))).statusCode).toBe(403);
    for (const who of ['manager', 'lead', 'office', 'admin']) {
      expect((await w.call(who, 'GET', inbox())).statusCode, who).toBe(403);
      expect((await w.call(who, 'GET', inbox(`/${referralId}`))).statusCode, who).toBe(404);
      expect((await w.call(who, 'POST', inbox(`/${referralId}/accept`))).statusCode, who).toBe(404);
    }
  });

  it('two-factor login is mandatory for partners reading referral data', async () => {
    const res = await w.call('partnerNo2fa', 'GET', inbox(`/${referralId}`));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('two_factor_required');
    expect((await w.call('partnerNo2fa', 'GET', inbox())).json().error.code).toBe('two_factor_required');
  });

  it('the list holds the provider’s referrals only, without personal data', async () => {
    const res = await w.call('partnerA', 'GET', inbox());
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      { id: referralId, number: expect.stringMatching(/^V-/), state: 'sent', offerTitle: w.offerA.title, sentAt: expect.any(String), updatedAt: expect.any(String) },
    ]);
    expect(res.body).not.toContain('Amal');
    expect(res.body).not.toContain(personId);
    expect(res.body).not.toContain(caseId);
    expect((await w.call('partnerB', 'GET', inbox())).json().total).toBe(0);
    expect((await w.call('partnerA', 'GET', inbox('?state=done'))).json().total).toBe(0);
    expect((await w.call('partnerA', 'GET', inbox('?state=lost'))).json().error.field).toBe('querystring.state');
  });

  it('the detail holds exactly the snapshot of the shared fields — nothing beyond it', async () => {
    const res = await w.call('partnerA', 'GET', inbox(`/${referralId}`));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([...PARTNER_KEYS].sort());
    expect(body.shared).toEqual({ givenName: 'Amal', familyInitial: 'H.', languages: ['ar', 'de'], email: 'amal@example.org', note: 'Sucht einen Abendkurs.' });
    expect(body).toMatchObject({ state: 'sent', offer: { id: w.offerA.id, title: w.offerA.title }, sentByName: 'Maria Managerin', feedback: null });
    for (const secret of [personId, caseId, 'Haddad', '123456', 'asylum', 'shared_accommodation', '1990-04-12', w.accounts.manager!.email]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('the partner never reads the live person record: later changes do not reach the snapshot', async () => {
    await w.db.system((tx) => tx.query("UPDATE persons SET given_name = 'Geändert', email = 'neu@example.org' WHERE id = $1", [personId]));
    const body = (await w.call('partnerA', 'GET', inbox(`/${referralId}`))).json();
    expect(body.shared.givenName).toBe('Amal');
    expect(body.shared.email).toBe('amal@example.org');
  });

  it('another provider’s partner and unknown ids read 404; a referral of another tenant is invisible', async () => {
    expect((await w.call('partnerB', 'GET', inbox(`/${referralId}`))).statusCode).toBe(404);
    expect((await w.call('partnerB', 'POST', inbox(`/${referralId}/accept`))).statusCode).toBe(404);
    expect((await w.call('partnerB', 'POST', inbox(`/${referralId}/reject`), { reason: 'nicht zuständig' })).statusCode).toBe(404);
    expect((await w.call('partnerB', 'POST', inbox(`/${referralId}/complete`), { feedback: 'x' })).statusCode).toBe(404);
    expect((await w.call('partnerA', 'GET', inbox('/00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await w.call('partnerA', 'GET', inbox('/not-a-uuid'))).json().error.field).toBe('params.id');
    // a referral of another tenant, looked up by its id through this tenant's inbox
    const otherPerson = await import('../../../test/factories.ts').then(async (f) => {
      const team = await f.teamFactory(w.db, w.other.id);
      const programme = await f.programmeFactory(w.db, w.other.id);
      const p = await f.personFactory(w.db, w.other.id);
      const c = await f.caseFactory(w.db, w.other.id, { personId: p.id, programmeId: programme.id, teamId: team.id, ownerId: null });
      const provider = await f.providerFactory(w.db, w.other.id);
      const offer = await f.offerFactory(w.db, w.other.id, { providerId: provider.id });
      const { caseReferrals } = await import('./referrals.table.ts');
      const [r] = await w.db.tenant(w.other.id, (tx) =>
        tx.db
          .insert(caseReferrals)
          .values({ tenantId: w.other.id, caseId: c.id, personId: p.id, kind: 'offer', offerId: offer.id, providerId: provider.id, sharedFields: [], snapshotEnc: 'x' })
          .returning(),
      );
      return r!.id;
    });
    expect((await w.call('partnerA', 'GET', inbox(`/${otherPerson}`))).statusCode).toBe(404);
  });

  it('partners cannot reach any case or person route', async () => {
    for (const path of [
      `/cases/${caseId}/referrals`,
      `/cases/${caseId}/referrals/${referralId}`,
      `/cases/${caseId}/releases`,
      `/persons/${personId}/consents`,
    ]) {
      expect((await w.call('partnerA', 'GET', w.url(path))).statusCode, path).toBe(404);
    }
    expect((await w.call('partnerA', 'POST', w.url(`/cases/${caseId}/referrals/${referralId}/revoke`), { reason: 'x' })).statusCode).toBe(404);
    expect((await w.call('partnerA', 'POST', w.url(`/cases/${caseId}/consent-check`), { purpose: 'referral', offerId: w.offerA.id })).statusCode).toBe(404);
    expect((await w.call('partnerA', 'GET', w.url('/case-setup/consent-texts'))).statusCode).toBe(403);
  });

  it('no case, person or setup route of any feature answers a partner with data', async () => {
    const spec = (await w.t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const caseRoutes = Object.entries(spec.paths).filter(([path]) => /^\/api\/v1\/\{tenant\}\/(cases|persons|case-setup)(\/|$)/.test(path));
    expect(caseRoutes.length).toBeGreaterThan(5);
    for (const [path, methods] of caseRoutes) {
      const url = path
        .replace('{tenant}', w.tenant.slug)
        .replace(/\{(id|caseId)\}/g, caseId)
        .replace(/\{personId\}/g, personId)
        .replace(/\{referralId\}/g, referralId)
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const method of Object.keys(methods)) {
        const res = await w.call('partnerA', method.toUpperCase() as 'GET', url, method === 'get' ? undefined : {});
        expect(res.statusCode, `${method.toUpperCase()} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.body, `${method.toUpperCase()} ${path}`).not.toContain('Amal');
      }
    }
  });

  it('bad decisions: completing before accepting is 422; a rejection needs a reason', async () => {
    const complete = await w.call('partnerA', 'POST', inbox(`/${referralId}/complete`), { feedback: 'Kurs beendet' });
    expect(complete.statusCode).toBe(422);
    expect(complete.json().error.code).toBe('invalid_state_transition');
    const noReason = await w.call('partnerA', 'POST', inbox(`/${referralId}/reject`), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('body.reason');
    const noFeedback = await w.call('partnerA', 'POST', inbox(`/${referralId}/complete`), {});
    expect(noFeedback.json().error.field).toBe('body.feedback');
    expect((await w.call('partnerA', 'GET', inbox(`/${referralId}`))).json().state).toBe('sent');
  });

  it('the whole loop: accept → done with feedback, flowing back into the case with timestamps', async () => {
    const accepted = await w.call('partnerA', 'POST', inbox(`/${referralId}/accept`));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted' });
    expect(accepted.json().acceptedAt).not.toBeNull();
    // a second partner account of the same provider sees the decision; accepting twice is 422
    expect((await w.call('partnerA2', 'POST', inbox(`/${referralId}/accept`))).statusCode).toBe(422);
    const rejectLate = await w.call('partnerA2', 'POST', inbox(`/${referralId}/reject`), { reason: 'zu spät' });
    expect(rejectLate.statusCode).toBe(422);

    const mailToManager = (await outbox(w.db)).find((m) => m.to === w.accounts.manager!.email && m.text.includes('angenommen'));
    expect(mailToManager).toBeDefined();
    expect(mailToManager!.text).toContain(`/admin/${w.tenant.slug}/cases/${caseId}/referrals`);
    expect(mailToManager!.text).not.toContain('Amal');

    const feedback = 'Teilnahme ab 3. März, regelmäßig anwesend.';
    const done = await w.call('partnerA2', 'POST', inbox(`/${referralId}/complete`), { feedback });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', feedback });
    const [stored] = await w.db.system((tx) => tx.query<{ feedback_enc: string }>('SELECT feedback_enc FROM case_referrals WHERE id = $1', [referralId]));
    expect(stored!.feedback_enc).not.toContain('März');

    const caseView = (await w.call('manager', 'GET', w.url(`/cases/${caseId}/referrals`))).json().items[0];
    expect(caseView).toMatchObject({ id: referralId, state: 'done', feedback });
    expect(caseView.history.map((h: { fromState: string | null; toState: string; side: string }) => [h.fromState, h.toState, h.side])).toEqual([
      [null, 'sent', 'office'],
      ['sent', 'accepted', 'partner'],
      ['accepted', 'done', 'partner'],
    ]);
    for (const h of caseView.history) expect(Number.isNaN(Date.parse(h.at))).toBe(false);
    expect(caseView.completedAt).not.toBeNull();
    // the partner still sees what it delivered on; the office cannot revoke a finished referral
    expect((await w.call('partnerA', 'GET', inbox(`/${referralId}`))).json().shared.givenName).toBe('Amal');
    expect((await w.call('manager', 'POST', w.url(`/cases/${caseId}/referrals/${referralId}/revoke`), { reason: 'x' })).statusCode).toBe(422);
  });

  it('every partner read and decision is in the access log (with the person, invisible to the partner)', async () => {
    const rows = await w.db.system((tx) =>
      tx.query<{ action: string; actor_role: string; person_id: string | null; entity_id: string | null }>(
        "SELECT action, actor_role, person_id, entity_id FROM case_access_log WHERE actor_role = 'partner_editor' ORDER BY at",
      ),
    );
    const onReferral = rows.filter((r) => r.entity_id === referralId);
    expect(onReferral.filter((r) => r.action === 'read').length).toBeGreaterThanOrEqual(3);
    expect(onReferral.filter((r) => r.action === 'update')).toHaveLength(2);
    expect(onReferral.every((r) => r.person_id === personId)).toBe(true);
    expect(rows.some((r) => r.action === 'list' && r.person_id === null)).toBe(true);
  });

  it('a rejection ends the partner’s sight of the shared data; the reason flows back', async () => {
    const { personId: p, caseId: c } = await w.newCase();
    await consentFactory(w.db, w.tenant.id, p);
    const id = (await w.call('manager', 'POST', w.url(`/cases/${c}/referrals`), { offerId: w.offerA.id })).json().id;
    const res = await w.call('partnerA', 'POST', inbox(`/${id}/reject`), { reason: 'Kurs ist voll' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'rejected', reason: 'Kurs ist voll', shared: null });
    expect((await w.call('partnerA', 'GET', inbox(`/${id}`))).json().shared).toBeNull();
    const back = (await w.call('manager', 'GET', w.url(`/cases/${c}/referrals/${id}`))).json();
    expect(back).toMatchObject({ state: 'rejected', reason: 'Kurs ist voll' });
    expect(back.rejectedAt).not.toBeNull();
    expect((await w.call('partnerA', 'POST', inbox(`/${id}/accept`))).statusCode).toBe(422);
  });

  it('withdrawing the consent revokes the open referral resting on it: the partner loses the data', async () => {
    const { personId: p, caseId: c } = await w.newCase();
    const consent = await consentFactory(w.db, w.tenant.id, p, { recipientType: 'provider', providerId: w.providerA.id });
    const id = (await w.call('manager', 'POST', w.url(`/cases/${c}/referrals`), { offerId: w.offerA.id })).json().id;
    expect((await w.call('partnerA', 'POST', inbox(`/${id}/accept`))).statusCode).toBe(200);
    const today = (await import('../consents/consentService.ts')).today();
    const res = await w.call('manager', 'POST', w.url(`/persons/${p}/consents/${consent.id}/withdraw`), { withdrawnOn: today });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnOn: today });
    const view = (await w.call('partnerA', 'GET', inbox(`/${id}`))).json();
    expect(view).toMatchObject({ state: 'revoked', shared: null });
    const office = (await w.call('manager', 'GET', w.url(`/cases/${c}/referrals/${id}`))).json();
    expect(office.history.map((h: { toState: string }) => h.toState)).toEqual(['sent', 'accepted', 'revoked']);
    expect((await outbox(w.db)).some((m) => m.text.includes(id) && m.subject.includes('zurückgezogen'))).toBe(true);
    // and a new referral to that provider is refused now
    expect((await w.call('manager', 'POST', w.url(`/cases/${c}/referrals`), { offerId: w.offerA.id })).statusCode).toBe(422);
  });
});
