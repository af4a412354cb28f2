import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { inProcessPGliteSource, openPGlite } from '../db/pglite.ts';
import { postgresSource } from '../db/postgres.ts';
import { TEST_DB_KIND, TEST_PG_URL, withDatabase } from './testDatabase.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of this run's migrated data-directory dump. PostgreSQL: name of this run's template database. */
    testDatabaseTemplate: string;
  }
}

/**
 * Migrates one template database per run; each test file clones it (fast, isolated). Names are
 * unique per run, so several runs on one machine do not disturb each other.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  if (TEST_DB_KIND === 'pglite') {
    const dir = fileURLToPath(new URL('../../.tmp/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}pglite-template-${runId}.tar.gz`;
    const pglite = await openPGlite({});
    const db = new Database(inProcessPGliteSource(pglite));
    await migrate(db);
    const dump = await pglite.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('testDatabaseTemplate', file);
    return async () => rmSync(file, { force: true });
  }

  const template = `lotse_test_template_${runId}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    // Leftovers of crashed runs: test databases nobody is connected to.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE 'lotse_test_%'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)
         AND NOT datname LIKE 'lotse_test_template_%'`,
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const db = new Database(postgresSource(withDatabase(TEST_PG_URL, template), 1));
  await migrate(db);
  await db.close();
  project.provide('testDatabaseTemplate', template);
  return async () => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}
