import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerFactory, providerFactory, tenantFactory } from '../test/factories.ts';
import { createTestDatabase } from '../test/testDatabase.ts';
import type { Tenant } from '../domains/tenants/tenantService.ts';
import type { Database } from './database.ts';

/** Row-level security is the second wall behind every query's tenant filter; these tests knock on it directly. */
describe('tenant isolation in the database', () => {
  let db: Database;
  let a: Tenant;
  let b: Tenant;
  let offerOfB: { id: string; providerId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await tenantFactory(db);
    b = await tenantFactory(db);
    offerOfB = await offerFactory(db, b.id, { texts: { de: { title: 'Geheimes Angebot von B' } } });
  });
  afterAll(() => db.close());

  it('enables row-level security with a tenant policy on every table that has tenant_id', async () => {
    const rows = await db.system((tx) =>
      tx.query<{ table_name: string; rls: boolean; policies: number }>(`
        SELECT c.table_name, cl.relrowsecurity AS rls,
               (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.table_name AND p.policyname = 'tenant_isolation')::int AS policies
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        JOIN pg_class cl ON cl.relname = c.table_name AND cl.relnamespace = 'public'::regnamespace
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'`),
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) expect({ table: r.table_name, rls: r.rls, policies: r.policies }).toEqual({ table: r.table_name, rls: true, policies: 1 });
  });

  it("never shows another tenant's rows, even when asked for them by id", async () => {
    const seen = await db.tenant(a.id, (tx) => tx.query('SELECT id FROM offers WHERE id = $1', [offerOfB.id]));
    expect(seen).toEqual([]);
    const all = await db.tenant(a.id, (tx) => tx.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM offer_translations'));
    expect(all.every((r) => r.tenant_id === a.id)).toBe(true);
    const tenantsSeen = await db.tenant(a.id, (tx) => tx.query<{ id: string }>('SELECT id FROM tenants'));
    expect(tenantsSeen.map((t) => t.id)).toEqual([a.id]);
  });

  it("cannot change or delete another tenant's rows", async () => {
    const updated = await db.tenant(a.id, (tx) => tx.query("UPDATE providers SET name = 'gekapert' WHERE id = $1 RETURNING id", [offerOfB.providerId]));
    expect(updated).toEqual([]);
    const deleted = await db.tenant(a.id, (tx) => tx.query('DELETE FROM offers WHERE id = $1 RETURNING id', [offerOfB.id]));
    expect(deleted).toEqual([]);
    const still = await db.tenant(b.id, (tx) => tx.query<{ name: string }>('SELECT name FROM providers WHERE id = $1', [offerOfB.providerId]));
    expect(still[0]!.name).not.toBe('gekapert');
  });

  it('rejects rows written into another tenant', async () => {
    await expect(db.tenant(a.id, (tx) => tx.query("INSERT INTO providers (tenant_id, name) VALUES ($1, 'Fremd')", [b.id]))).rejects.toThrow(
      /row-level security/,
    );
  });

  it("cannot reference another tenant's provider, location or taxonomy", async () => {
    const providerOfA = await providerFactory(db, a.id);
    // Foreign key (tenant_id, provider_id) → providers(tenant_id, id): B's provider is not A's.
    await expect(
      db.tenant(a.id, (tx) => tx.query('INSERT INTO offers (tenant_id, provider_id) VALUES ($1, $2)', [a.id, offerOfB.providerId])),
    ).rejects.toMatchObject({ code: '23503' });
    const fieldOfB = await db.tenant(b.id, (tx) => tx.query<{ id: string }>('SELECT id FROM fields_of_action LIMIT 1'));
    await expect(
      db.tenant(a.id, (tx) =>
        tx.query('INSERT INTO offers (tenant_id, provider_id, field_ids) VALUES ($1, $2, ARRAY[$3::uuid])', [a.id, providerOfA.id, fieldOfB[0]!.id]),
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('keeps auth secrets and tenant settings out of reach of the tenant role', async () => {
    await expect(db.tenant(a.id, (tx) => tx.query('SELECT * FROM auth_account'))).rejects.toMatchObject({ code: '42501' });
    await expect(db.tenant(a.id, (tx) => tx.query("UPDATE tenants SET name = 'x' WHERE id = $1", [a.id]))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('keeps the audit log append-only', async () => {
    await db.tenant(a.id, (tx) => tx.query("INSERT INTO audit_log (tenant_id, action, entity_type) VALUES ($1, 'test', 'test')", [a.id]));
    await expect(db.tenant(a.id, (tx) => tx.query('DELETE FROM audit_log'))).rejects.toMatchObject({ code: '42501' });
    await expect(db.system((tx) => tx.query("UPDATE audit_log SET action = 'forged'"))).rejects.toMatchObject({ code: '42501' });
  });

  it('runs tenant transactions as the restricted role', async () => {
    const [row] = await db.tenant(a.id, (tx) => tx.query<{ u: string; t: string }>("SELECT current_user AS u, current_setting('app.tenant_id') AS t"));
    expect(row).toEqual({ u: 'lotse_app', t: a.id });
  });
});
