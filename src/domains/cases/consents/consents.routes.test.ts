import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFactory, consentFactory, consentTextFactory } from '../../../test/factories.ts';
import { counts, day, type ReferralWorld, referralWorld } from '../referrals/referralTestKit.ts';
import { findValidConsent } from './consentService.ts';

describe('consent register and consent texts', () => {
  let w: ReferralWorld;
  let personId: string;
  let caseId: string;
  const consents = (id = personId) => w.url(`/persons/${id}/consents`);
  const texts = () => w.url('/case-setup/consent-texts');

  beforeAll(async () => {
    w = await referralWorld();
    ({ personId, caseId } = await w.newCase());
  });
  afterAll(() => w.t.close());

  describe('consent texts', () => {
    it('the integration lead and administrators write versions; case staff read; others are refused', async () => {
      expect((await w.call(null, 'GET', texts())).statusCode).toBe(401);
      for (const who of ['office', 'partnerA']) expect((await w.call(who, 'GET', texts())).statusCode, who).toBe(403);
      expect((await w.call('otherManager', 'GET', texts())).statusCode).toBe(403);
      const input = { purpose: 'referral', body: 'Ich willige ein, dass meine Angaben an den Träger weitergegeben werden.', translations: { en: 'I consent …', ar: '' } };
      expect((await w.call('manager', 'POST', texts(), input)).statusCode).toBe(403);
      expect((await w.call('office', 'POST', texts(), input)).statusCode).toBe(403);

      const first = await w.call('lead', 'POST', texts(), input);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ purpose: 'referral', version: 1, current: true, translations: { en: 'I consent …' } });
      const second = await w.call('admin', 'POST', texts(), { ...input, body: 'Neue Fassung' });
      expect(second.json()).toMatchObject({ version: 2, current: true });
      await w.call('admin', 'POST', texts(), { purpose: 'data_release', body: 'Weitergabe an Dritte' });

      const list = await w.call('manager', 'GET', `${texts()}?purpose=referral`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((x: { version: number; current: boolean }) => [x.version, x.current])).toEqual([
        [2, true],
        [1, false],
      ]);
      const all = (await w.call('manager', 'GET', texts())).json().items.map((x: { purpose: string }) => x.purpose);
      expect(all).toEqual(['referral', 'referral', 'data_release']);
      const one = await w.call('manager', 'GET', `${texts()}/${first.json().id}`);
      expect(one.json()).toMatchObject({ version: 1, current: false, body: input.body });
    });

    it('bad input names the field', async () => {
      for (const [payload, field] of [
        [{ purpose: 'marketing', body: 'x' }, 'body.purpose'],
        [{ purpose: 'referral', body: ' ' }, 'body.body'],
        [{ purpose: 'referral', body: 'x', translations: { Deutsch: 'x' } }, 'body.translations.Deutsch'],
        [{ purpose: 'referral', body: 'x', version: 7 }, 'body'],
      ] as const) {
        const res = await w.call('lead', 'POST', texts(), payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      expect((await w.call('lead', 'GET', `${texts()}?purpose=x`)).json().error.field).toBe('querystring.purpose');
    });
  });

  describe('recording and withdrawing consent', () => {
    const valid = () => ({ purpose: 'referral', recipient: { type: 'provider', providerId: w.providerA.id }, givenOn: day(-3), expiresOn: day(365) });

    it('401, 404 outside the scope or for partners and office roles', async () => {
      expect((await w.call(null, 'GET', consents())).statusCode).toBe(401);
      for (const who of ['stranger', 'office', 'partnerA']) {
        expect((await w.call(who, 'GET', consents())).statusCode, who).toBe(404);
        expect((await w.call(who, 'POST', consents(), valid())).statusCode, who).toBe(404);
      }
    });

    it('records a consent with the current text version; lists it with its status', async () => {
      const res = await w.call('manager', 'POST', consents(), valid());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        personId,
        caseId: null,
        purpose: 'referral',
        recipient: { type: 'provider', providerId: w.providerA.id, name: 'Sprachschule Nord' },
        textVersion: 2,
        givenOn: day(-3),
        expiresOn: day(365),
        withdrawnOn: null,
        status: 'valid',
        recordedByLabel: w.accounts.manager!.email,
      });
      const ext = await w.call('manager', 'POST', consents(), { purpose: 'data_release', recipient: { type: 'external', name: ' Jobcenter   Nord ' }, caseId, givenOn: day(0) });
      expect(ext.statusCode, ext.body).toBe(201);
      expect(ext.json()).toMatchObject({ caseId, recipient: { type: 'external', providerId: null, name: 'Jobcenter Nord' }, textVersion: 1 });
      const list = await w.call('manager', 'GET', consents());
      expect(list.json().items).toHaveLength(2);
      const log = await w.db.system((tx) => tx.query<{ action: string }>("SELECT action FROM case_access_log WHERE entity_type = 'consent' AND person_id = $1", [personId]));
      expect(log.map((l) => l.action).sort()).toEqual(['create', 'create', 'read']);
    });

    it('bad input: 400 naming the field, nothing written', async () => {
      const other = await w.newCase();
      const before = await counts(w.db);
      const cases: Array<[unknown, string]> = [
        [{ ...valid(), givenOn: day(1) }, 'givenOn'],
        [{ ...valid(), expiresOn: day(-3) }, 'expiresOn'],
        [{ ...valid(), expiresOn: day(-4) }, 'expiresOn'],
        [{ ...valid(), givenOn: '2026-02-30' }, 'body.givenOn'],
        [{ ...valid(), purpose: 'data_release', recipient: { type: 'any_provider' } }, 'recipient.type'],
        [{ ...valid(), recipient: { type: 'provider', providerId: '00000000-0000-4000-8000-000000000000' } }, 'recipient.providerId'],
        [{ ...valid(), recipient: { type: 'external', name: '' } }, 'body.recipient.name'],
        [{ ...valid(), recipient: { type: 'somebody' } }, 'body.recipient.type'],
        [{ ...valid(), purpose: 'funding_report' }, 'textId'],
        [{ ...valid(), caseId: other.caseId }, 'caseId'],
        [{ ...valid(), textId: '00000000-0000-4000-8000-000000000000' }, 'textId'],
        [{ ...valid(), withdrawnOn: day(0) }, 'body'],
      ];
      for (const [payload, field] of cases) {
        const res = await w.call('manager', 'POST', consents(), payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.field, JSON.stringify(payload)).toBe(field);
      }
      // a text of another purpose
      const releaseText = (await w.call('manager', 'GET', `${texts()}?purpose=data_release`)).json().items[0].id;
      const wrongText = await w.call('manager', 'POST', consents(), { ...valid(), textId: releaseText });
      expect(wrongText.json().error.field).toBe('textId');
      expect(await counts(w.db)).toEqual(before);
    });

    it('restricted persons get no new consents (403), but a withdrawal is still recorded', async () => {
      const { personId: p } = await w.newCase({ restricted: true });
      const given = await consentFactory(w.db, w.tenant.id, p);
      const res = await w.call('manager', 'POST', consents(p), valid());
      expect(res.statusCode).toBe(403);
      expect(res.json().error.field).toBe('restricted');
      const withdrawn = await w.call('manager', 'POST', `${consents(p)}/${given.id}/withdraw`, { withdrawnOn: day(0) });
      expect(withdrawn.statusCode).toBe(200);
    });

    it('withdrawal: a dated event, not in the future, not before the consent, only once', async () => {
      const c = await consentFactory(w.db, w.tenant.id, personId, { givenOn: day(-10) });
      const url = `${consents()}/${c.id}/withdraw`;
      for (const [payload, status, field] of [
        [{ withdrawnOn: day(1) }, 400, 'withdrawnOn'],
        [{ withdrawnOn: day(-11) }, 400, 'withdrawnOn'],
        [{}, 400, 'body.withdrawnOn'],
      ] as const) {
        const res = await w.call('manager', 'POST', url, payload);
        expect(res.statusCode).toBe(status);
        expect(res.json().error.field).toBe(field);
      }
      expect((await w.call('stranger', 'POST', url, { withdrawnOn: day(0) })).statusCode).toBe(404);
      const other = await w.newCase();
      expect((await w.call('manager', 'POST', `${consents(other.personId)}/${c.id}/withdraw`, { withdrawnOn: day(0) })).statusCode).toBe(404);
      const res = await w.call('manager', 'POST', url, { withdrawnOn: day(-2) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ withdrawnOn: day(-2), status: 'withdrawn', withdrawnByLabel: w.accounts.manager!.email });
      const again = await w.call('manager', 'POST', url, { withdrawnOn: day(0) });
      expect(again.statusCode).toBe(422);
      // still in the register
      expect((await w.call('manager', 'GET', consents())).json().items.some((x: { id: string }) => x.id === c.id)).toBe(true);
    });
  });

  describe('findValidConsent', () => {
    it('applies purpose, recipient, dates, withdrawal and case binding', async () => {
      const { personId: p, caseId: c } = await w.newCase();
      const second = await caseFactory(w.db, w.tenant.id, { personId: p, programmeId: w.programmeId, teamId: w.teamId, ownerId: null });
      const text = await consentTextFactory(w.db, w.tenant.id, { purpose: 'data_release' });
      const releaseToA = await consentFactory(w.db, w.tenant.id, p, {
        purpose: 'data_release',
        textId: text.id,
        recipientType: 'provider',
        providerId: w.providerA.id,
        givenOn: '2026-01-10',
        expiresOn: '2026-06-30',
        withdrawnOn: '2026-05-01',
      });
      const anyForCase = await consentFactory(w.db, w.tenant.id, p, { recipientType: 'any_provider', caseId: second.id, givenOn: '2026-01-01' });
      const find = (purpose: 'referral' | 'data_release', providerId: string, on: string, caseOf?: string) =>
        w.db.tenant(w.tenant.id, (tx) => findValidConsent(tx, p, purpose, { type: 'provider', providerId }, on, caseOf)).then((r) => r?.id ?? null);
      expect(await find('data_release', w.providerA.id, '2026-01-09')).toBeNull();
      expect(await find('data_release', w.providerA.id, '2026-01-10')).toBe(releaseToA.id);
      expect(await find('data_release', w.providerA.id, '2026-04-30')).toBe(releaseToA.id);
      expect(await find('data_release', w.providerA.id, '2026-05-01')).toBeNull();
      expect(await find('data_release', w.providerB.id, '2026-02-01')).toBeNull();
      expect(await find('referral', w.providerA.id, '2026-02-01')).toBeNull();
      expect(await find('referral', w.providerB.id, '2026-02-01', second.id)).toBe(anyForCase.id);
      expect(await find('referral', w.providerB.id, '2026-02-01', c)).toBeNull();
      expect(await find('referral', w.providerB.id, '2026-02-01')).toBeNull();
    });
  });
});
