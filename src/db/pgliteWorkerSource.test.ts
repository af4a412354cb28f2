import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { pgliteWorkerSource } from './pgliteWorkerSource.ts';
import { TEST_DB_KIND } from '../test/testDatabase.ts';

// Embedded-only: runs once, in the PGlite pass of the suite.
describe.skipIf(TEST_DB_KIND === 'postgres')('embedded database in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-worker-'));
  let db: Database;
  beforeAll(async () => {
    db = new Database(await pgliteWorkerSource(join(dir, 'data')));
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and answers queries with typed values', async () => {
    const [row] = await db.system((tx) => tx.query<{ n: number; now: Date }>('SELECT count(*) AS n, now() AS now FROM lotse_migrations'));
    expect(row!.n).toBeGreaterThanOrEqual(2);
    expect(row!.now).toBeInstanceOf(Date);
  });

  it('carries PostgreSQL error codes across the thread boundary', async () => {
    await db.system((tx) => tx.query("INSERT INTO tenants (slug, name) VALUES ('dup', 'Dup')"));
    await expect(db.system((tx) => tx.query("INSERT INTO tenants (slug, name) VALUES ('dup', 'Dup')"))).rejects.toMatchObject({ code: '23505' });
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      db.system(async (tx) => {
        await tx.query("INSERT INTO tenants (slug, name) VALUES ('half', 'Half')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.system((tx) => tx.query("SELECT 1 FROM tenants WHERE slug = 'half'"));
    expect(rows).toEqual([]);
  });

  it('serialises concurrent transactions on the single connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.system(async (tx) => {
          await tx.query('INSERT INTO tenants (slug, name) VALUES ($1, $2)', [`c-${i}`, `C ${i}`]);
          const [r] = await tx.query<{ n: number }>("SELECT count(*) AS n FROM tenants WHERE slug LIKE 'c-%'");
          return r!.n;
        }),
      ),
    );
    expect(new Set(results).size).toBe(20);
  });
});
