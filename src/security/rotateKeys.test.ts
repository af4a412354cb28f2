import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { personFactory, tenantFactory } from '../test/factories.ts';
import { createTestDatabase } from '../test/testDatabase.ts';
import { cryptoContext, FieldCrypto } from './fieldCrypto.ts';
import { keyUsage, rotateKeys } from './rotateKeys.ts';

describe('key rotation (lotse rotate-keys)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('re-encrypts every registered column under the new key; the old key is then no longer needed', async () => {
    const k1 = { id: 'k1', key: randomBytes(32) };
    const k2 = { id: 'k2', key: randomBytes(32) };
    const old = new FieldCrypto([k1]);
    const tenant = await tenantFactory(db);
    const ctx = cryptoContext(tenant.id, 'persons', 'health_notes_enc');
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await personFactory(db, tenant.id, { healthNotesEnc: old.encrypt(`Befund ${i}`, ctx) }));
    expect((await keyUsage(db)).k1).toBeGreaterThanOrEqual(3);

    const rotated = new FieldCrypto([k2, k1]);
    const report = await rotateKeys(db, rotated);
    expect(report.columns['persons.health_notes_enc']).toBeGreaterThanOrEqual(3);
    const usage = await keyUsage(db);
    expect(usage.k1 ?? 0).toBe(0);

    // Only the new key is needed from now on.
    const onlyNew = new FieldCrypto([k2]);
    const rows = await db.system((tx) => tx.query<{ id: string; v: string }>('SELECT id, health_notes_enc AS v FROM persons WHERE tenant_id = $1', [tenant.id]));
    const texts = rows.map((r) => onlyNew.decrypt(r.v, ctx)).sort();
    expect(texts).toEqual(['Befund 0', 'Befund 1', 'Befund 2']);
    // A second run has nothing to do.
    expect((await rotateKeys(db, rotated)).total).toBe(0);
  });
});
