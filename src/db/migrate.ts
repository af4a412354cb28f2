import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MIGRATIONS_DIR as DIR } from '../paths.ts';

const MIGRATIONS_DIR = `${DIR}/`;
import type { Database } from './database.ts';


interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies drizzle-kit's generated migrations in journal order, each in its own transaction, on
 * PGlite and PostgreSQL alike (drizzle-kit's own migrate cannot load PGlite's extensions). An
 * advisory lock keeps two app nodes from migrating at once. Afterwards tenant isolation is
 * re-applied to every table with a tenant_id whenever a migration ran.
 */
export async function migrate(database: Database): Promise<MigrationResult> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}meta/_journal.json`, 'utf8')) as Journal;
  const applied: string[] = [];
  await database.system(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7106453)');
    await tx.query(`CREATE TABLE IF NOT EXISTS lotse_migrations (
      tag text PRIMARY KEY,
      hash text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ tag: string }>('SELECT tag FROM lotse_migrations')).map((r) => r.tag));
    for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
      if (done.has(entry.tag)) continue;
      const text = readFileSync(`${MIGRATIONS_DIR}${entry.tag}.sql`, 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.query(statement);
      }
      const hash = createHash('sha256').update(text).digest('hex');
      await tx.query('INSERT INTO lotse_migrations (tag, hash) VALUES ($1, $2)', [entry.tag, hash]);
      applied.push(entry.tag);
    }
    // Only after a change: re-running it on every start would cost ~0.5 s of start-up.
    if (applied.length) await tx.query('SELECT lotse_apply_tenant_rls()');
  });
  return { applied };
}
