import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { Database } from '../db/database.ts';
import { inProcessPGliteSource, openPGlite } from '../db/pglite.ts';
import { postgresSource } from '../db/postgres.ts';

/** Which database the suite runs on: LOTSE_TEST_DB=pglite (default) or postgres. */
export const TEST_DB_KIND = process.env.LOTSE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const TEST_PG_URL = process.env.LOTSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file: PGlite loaded from the migrated template dump, or a
 * PostgreSQL database cloned from the migrated template database. Close it with `db.close()`.
 */
export async function createTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === 'pglite') {
    const template = inject('testDatabaseTemplate');
    if (!template || !existsSync(template)) throw new Error('PGlite template missing: run the suite through vitest (globalSetup)');
    const blob = new Blob([readFileSync(template)]);
    return new Database(inProcessPGliteSource(await openPGlite({ loadDataDir: blob })));
  }
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('testDatabaseTemplate')}`);
  } finally {
    await admin.end();
  }
  const db = new Database(postgresSource(withDatabase(TEST_PG_URL, name), 4));
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return db;
}

export { withDatabase };
