import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { FieldCrypto } from '../security/fieldCrypto.ts';
import { accountFactory, caseFactory, offerFactory, personFactory, programmeFactory, providerFactory, teamFactory, tenantFactory } from '../test/factories.ts';
import { createTestDatabase } from '../test/testDatabase.ts';
import { seedConsentTexts, seedReferralsForCase } from './caseReferrals.ts';

describe('referral demo data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('seeds consent texts, consents, referrals in every state with history, and a release — decryptable', async () => {
    const crypto = FieldCrypto.fromConfig({ DATA_ENCRYPTION_KEYS: undefined, AUTH_SECRET: undefined });
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const withPartner = await providerFactory(db, tenant.id);
    await accountFactory(db, tenant, { role: 'partner_editor', providerId: withPartner.id });
    await offerFactory(db, tenant.id, { providerId: withPartner.id });
    await offerFactory(db, tenant.id);
    const manager = await accountFactory(db, tenant, { role: 'integration_manager', teamId: team.id });
    for (let variant = 0; variant < 4; variant++) {
      const person = await personFactory(db, tenant.id, { languages: ['ar'], phone: '+49 1' });
      const kase = await caseFactory(db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: manager.id });
      await db.tenant(tenant.id, (tx) => seedReferralsForCase(tx, crypto, { caseId: kase.id, variant }));
    }
    await db.tenant(tenant.id, (tx) => seedConsentTexts(tx));
    const [texts] = await db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM consent_texts WHERE tenant_id = $1', [tenant.id]));
    expect(texts!.n).toBe(4);
    const rows = await db.system((tx) =>
      tx.query<{ state: string; provider_id: string | null; snapshot_enc: string; n: number }>(
        'SELECT r.state, r.provider_id, r.snapshot_enc, (SELECT count(*)::int FROM case_referral_events e WHERE e.referral_id = r.id) AS n FROM case_referrals r WHERE r.tenant_id = $1',
        [tenant.id],
      ),
    );
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['sent', 'accepted', 'rejected', 'done', 'revoked']));
    expect(rows.find((r) => r.state === 'sent')!.provider_id).toBe(withPartner.id);
    for (const r of rows) {
      expect(JSON.parse(crypto.decrypt(r.snapshot_enc, `${tenant.id}:case_referrals.snapshot_enc`))).toHaveProperty('givenName');
      expect(r.n).toBeGreaterThanOrEqual(1);
    }
    const [releases] = await db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int n FROM case_releases WHERE tenant_id = $1', [tenant.id]));
    expect(releases!.n).toBe(1);
  });
});
