import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { inProcessPGliteSource, openPGlite } from '../db/pglite.ts';
import { postgresSource } from '../db/postgres.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, TEST_DB_KIND, TEST_PG_URL, withDatabase } from './testDatabase.ts';

/** Migrates one template database per run; each test file clones it (fast, isolated). */
export default async function setup(): Promise<void> {
  if (TEST_DB_KIND === 'pglite') {
    const pglite = await openPGlite({});
    const db = new Database(inProcessPGliteSource(pglite));
    await migrate(db);
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(fileURLToPath(new URL('.', PGLITE_TEMPLATE)), { recursive: true });
    writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    return;
  }
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    // Old test databases of crashed runs go first.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'lotse_test_%'");
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const db = new Database(postgresSource(withDatabase(TEST_PG_URL, PG_TEMPLATE_DB), 1));
  await migrate(db);
  await db.close();
}
