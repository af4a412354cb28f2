import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentFactory } from '../../../test/factories.ts';
import { today } from '../consents/consentService.ts';
import { referralCountsForCase, referralStatsForCases } from './referralQueries.ts';
import { counts, day, type ReferralWorld, referralWorld } from './referralTestKit.ts';

describe('data releases and referral figures', () => {
  let w: ReferralWorld;
  let personId: string;
  let caseId: string;
  const releases = (id = caseId) => w.url(`/cases/${id}/releases`);
  const valid = () => ({
    recipient: { type: 'external', name: 'Jobcenter Musterstadt' },
    purpose: 'Antrag auf Leistungen',
    fields: ['name', 'birthDate', 'residenceStatus'],
    releasedOn: day(0),
  });

  beforeAll(async () => {
    w = await referralWorld();
    ({ personId, caseId } = await w.newCase({}, { startedOn: day(-100) }));
  });
  afterAll(() => w.t.close());

  it('401, 404 outside the scope and for partners', async () => {
    expect((await w.call(null, 'GET', releases())).statusCode).toBe(401);
    for (const who of ['stranger', 'partnerA', 'office']) {
      expect((await w.call(who, 'GET', releases())).statusCode, who).toBe(404);
      expect((await w.call(who, 'POST', releases(), valid())).statusCode, who).toBe(404);
    }
  });

  it('refuses a release without valid consent for data_release to that recipient; nothing written', async () => {
    // consent for referrals (another purpose) and for another recipient do not count
    await consentFactory(w.db, w.tenant.id, personId, { recipientType: 'external', recipientName: 'Jobcenter Musterstadt' });
    await consentFactory(w.db, w.tenant.id, personId, { purpose: 'data_release', recipientType: 'external', recipientName: 'Ausländerbehörde' });
    const before = await counts(w.db);
    const res = await w.call('manager', 'POST', releases(), valid());
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'consent_required', field: 'consent' });
    const override = await w.call('manager', 'POST', releases(), { ...valid(), override: { reason: 'Eilfall' } });
    expect(override.statusCode).toBe(403);
    expect(await counts(w.db)).toEqual(before);
  });

  it('bad input names the field', async () => {
    const before = await counts(w.db);
    for (const [payload, field] of [
      [{ ...valid(), releasedOn: day(1) }, 'releasedOn'],
      [{ ...valid(), releasedOn: day(-101) }, 'releasedOn'],
      [{ ...valid(), fields: [] }, 'body.fields'],
      [{ ...valid(), fields: ['healthNotes'] }, 'body.fields.0'],
      [{ ...valid(), purpose: '' }, 'body.purpose'],
      [{ ...valid(), recipient: { type: 'any_provider' } }, 'body.recipient.type'],
      [{ ...valid(), recipient: { type: 'provider', providerId: '00000000-0000-4000-8000-000000000000' } }, 'recipient.providerId'],
    ] as const) {
      const res = await w.call('manager', 'POST', releases(), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field, JSON.stringify(payload)).toBe(field);
    }
    expect(await counts(w.db)).toEqual(before);
  });

  it('records a release under valid consent and logs it as a release', async () => {
    const consent = await consentFactory(w.db, w.tenant.id, personId, {
      purpose: 'data_release',
      recipientType: 'external',
      recipientName: 'jobcenter musterstadt',
      givenOn: day(-5),
    });
    const res = await w.call('manager', 'POST', releases(), valid());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      caseId,
      personId,
      recipient: { type: 'external', providerId: null, name: 'Jobcenter Musterstadt' },
      purpose: 'Antrag auf Leistungen',
      fields: ['name', 'birthDate', 'residenceStatus'],
      releasedOn: day(0),
      consentId: consent.id,
      overrideReason: null,
    });
    const log = await w.db.system((tx) =>
      tx.query<{ action: string; purpose: string; details: { fields: string[] } }>(
        "SELECT action, purpose, details FROM case_access_log WHERE entity_id = $1",
        [res.json().id],
      ),
    );
    expect(log).toEqual([{ action: 'release', purpose: 'Antrag auf Leistungen', details: expect.objectContaining({ fields: ['name', 'birthDate', 'residenceStatus'] }) }]);
    const list = await w.call('manager', 'GET', releases());
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
  });

  it('consent must hold on the day of the release', async () => {
    const { personId: p, caseId: c } = await w.newCase({}, { startedOn: day(-100) });
    await consentFactory(w.db, w.tenant.id, p, { purpose: 'data_release', recipientType: 'provider', providerId: w.providerB.id, givenOn: day(-5) });
    const early = await w.call('manager', 'POST', releases(c), { ...valid(), recipient: { type: 'provider', providerId: w.providerB.id }, releasedOn: day(-6) });
    expect(early.statusCode).toBe(422);
    const ok = await w.call('manager', 'POST', releases(c), { ...valid(), recipient: { type: 'provider', providerId: w.providerB.id }, releasedOn: day(-5) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().recipient).toEqual({ type: 'provider', providerId: w.providerB.id, name: 'Beratung Süd' });
  });

  it('an override with permission and reason is stored and logged; restricted persons release nothing', async () => {
    const res = await w.call('overrider', 'POST', releases(), {
      ...valid(),
      recipient: { type: 'external', name: 'Gesundheitsamt' },
      override: { reason: 'Gefahr im Verzug' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ consentId: null, overrideReason: 'Gefahr im Verzug' });
    const [log] = await w.db.system((tx) => tx.query<{ purpose: string }>("SELECT purpose FROM case_access_log WHERE action = 'override' AND entity_id = $1", [res.json().id]));
    expect(log!.purpose).toBe('Gefahr im Verzug');

    const { caseId: c } = await w.newCase({ restricted: true });
    const restricted = await w.call('overrider', 'POST', releases(c), { ...valid(), override: { reason: 'x' } });
    expect(restricted.statusCode).toBe(403);
    expect(restricted.json().error.field).toBe('restricted');
  });

  it('referral figures per programme, team and month, within the scope', async () => {
    const made: Array<{ caseId: string; id: string }> = [];
    for (let i = 0; i < 4; i++) {
      const { personId: p, caseId: c } = await w.newCase();
      await consentFactory(w.db, w.tenant.id, p);
      const r = await w.call('manager', 'POST', w.url(`/cases/${c}/referrals`), { offerId: w.offerA.id });
      made.push({ caseId: c, id: r.json().id });
    }
    const inbox = (id: string, verb: string, body?: unknown) => w.call('partnerA', 'POST', w.url(`/referral-inbox/${id}/${verb}`), body);
    await inbox(made[0]!.id, 'accept');
    await inbox(made[1]!.id, 'accept');
    await inbox(made[1]!.id, 'complete', { feedback: 'gut' });
    await inbox(made[2]!.id, 'reject', { reason: 'voll' });
    const ext = await w.newCase();
    await w.call('overrider', 'POST', w.url(`/cases/${ext.caseId}/referrals`), { external: { name: 'Tafel' }, override: { reason: 'mündlich' } });

    const stats = await w.db.tenant(w.tenant.id, (tx) => referralStatsForCases(tx, { groupBy: ['programme', 'team'] }));
    expect(stats).toEqual([
      {
        programmeId: w.programmeId,
        teamId: w.teamId,
        month: null,
        sent: 5,
        accepted: 2,
        rejected: 1,
        done: 1,
        revoked: 0,
        open: 2,
        external: 1,
        overridden: 1,
        avgDaysToDecision: expect.any(Number),
      },
    ]);
    const month = today().slice(0, 7);
    const byMonth = await w.db.tenant(w.tenant.id, (tx) => referralStatsForCases(tx, { groupBy: ['month'], from: day(-1), to: day(1) }));
    expect(byMonth.map((r) => [r.month, r.sent])).toEqual([[month, 5]]);
    const none = await w.db.tenant(w.tenant.id, (tx) => referralStatsForCases(tx, { from: day(1) }));
    expect(none).toEqual([]);
    // scoped: another team sees nothing of these
    const scoped = await w.db.tenant(w.tenant.id, (tx) => referralStatsForCases(tx, { scope: { kind: 'team', userId: 'x', teamId: '00000000-0000-4000-8000-000000000000' } }));
    expect(scoped).toEqual([]);
    expect(await w.db.tenant(w.tenant.id, (tx) => referralCountsForCase(tx, made[1]!.caseId))).toEqual({ sent: 1, accepted: 1, rejected: 0, completed: 1 });
    // other tenants' figures are separate
    expect(await w.db.tenant(w.other.id, (tx) => referralStatsForCases(tx))).toEqual([]);
  });
});

