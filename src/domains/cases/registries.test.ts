// The two registries of case management, checked against the migrated database itself, so a new
// feature table or column cannot slip past them:
// - every table that references a person or a case is in personalData.ts (merge, Art. 15/20
//   export and the erasure proof read that list), with the right columns;
// - every column holding ciphertext (`*_enc`, and bytea content next to person data) is in
//   encryptedColumns.ts (key rotation re-encrypts exactly those), and every registered one exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { ENCRYPTED_COLUMNS } from '../../security/encryptedColumns.ts';
import { createTestDatabase } from '../../test/testDatabase.ts';
import { PERSONAL_DATA_TABLES } from './personalData.ts';

describe('registries of personal data and encrypted columns', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const columns = () =>
    db.system((tx) =>
      tx.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
          WHERE c.table_schema = 'public'`,
      ),
    );

  it('every table referencing persons or cases is registered in personalData.ts with those columns', async () => {
    const references = await db.system((tx) =>
      tx.query<{ table_name: string; column_name: string; target: string }>(
        `SELECT cl.relname AS table_name, a.attname AS column_name, tcl.relname AS target
           FROM pg_constraint con
           JOIN pg_class cl ON cl.oid = con.conrelid
           JOIN pg_class tcl ON tcl.oid = con.confrelid
           JOIN LATERAL unnest(con.conkey) AS k(attnum) ON true
           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
          WHERE con.contype = 'f' AND tcl.relname IN ('persons', 'cases') AND a.attname <> 'tenant_id'
            AND cl.relnamespace = 'public'::regnamespace`,
      ),
    );
    expect(references.length).toBeGreaterThan(10);
    const registered = new Map(PERSONAL_DATA_TABLES.map((t) => [t.table, t]));
    for (const ref of references) {
      const entry = registered.get(ref.table_name);
      expect(entry, `${ref.table_name}.${ref.column_name} → ${ref.target} is not registered in personalData.ts`).toBeDefined();
      const column = ref.target === 'persons' ? entry!.personColumn : entry!.caseColumn;
      expect(column, `${ref.table_name}: register ${ref.column_name} as its ${ref.target === 'persons' ? 'personColumn' : 'caseColumn'}`).toBe(ref.column_name);
    }
    const existing = new Set((await columns()).map((c) => `${c.table_name}.${c.column_name}`));
    for (const t of PERSONAL_DATA_TABLES) {
      for (const column of [t.personColumn, t.caseColumn]) {
        if (column) expect(existing.has(`${t.table}.${column}`), `personalData.ts names ${t.table}.${column}`).toBe(true);
      }
    }
  });

  it('every ciphertext column is registered in encryptedColumns.ts, and every registered one exists', async () => {
    const all = await columns();
    const personal = new Set(PERSONAL_DATA_TABLES.map((t) => t.table));
    const key = (table: string, column: string) => `${table}.${column}`;
    const registered = new Map(ENCRYPTED_COLUMNS.map((c) => [key(c.table, c.column), c.kind]));
    const found = new Map<string, 'text' | 'bytes'>();
    for (const c of all) {
      if (c.column_name.endsWith('_enc')) found.set(key(c.table_name, c.column_name), 'text');
      // file contents next to person data are encrypted bytes
      else if (c.data_type === 'bytea' && personal.has(c.table_name)) found.set(key(c.table_name, c.column_name), 'bytes');
    }
    expect(found.size).toBeGreaterThan(10);
    for (const [column, kind] of found) expect(registered.get(column), `${column} is not registered in encryptedColumns.ts`).toBe(kind);
    for (const column of registered.keys()) expect(found.has(column), `encryptedColumns.ts names ${column}, which is no ciphertext column`).toBe(true);
  });
});
