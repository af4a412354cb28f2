import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { openPGlite } from '../db/pglite.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  kind: 'pglite' | 'postgres';
}

/**
 * Embedded: a gzip tar of the PGlite data directory (the server must be stopped: one process per
 * data directory). PostgreSQL: pg_dump in custom format.
 */
export async function backup(config: Config, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (config.DATABASE_URL) {
    const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.DATABASE_URL], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
    return { file: target, bytes: statSync(target).size, kind: 'postgres' };
  }
  if (!existsSync(config.LOTSE_DATA_DIR)) throw new Error(`no embedded database at ${config.LOTSE_DATA_DIR}`);
  const db = await openPGlite({ dataDir: config.LOTSE_DATA_DIR });
  try {
    const dump = await db.dumpDataDir('gzip');
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  return { file: target, bytes: statSync(target).size, kind: 'pglite' };
}

/** Restores a backup. Embedded: the current data directory is kept beside it as <dir>.before-restore-<time>. */
export async function restore(config: Config, file: string): Promise<BackupResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`no such file: ${source}`);
  if (config.DATABASE_URL) {
    const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.DATABASE_URL}`, source], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pg_restore failed');
    return { file: source, bytes: statSync(source).size, kind: 'postgres' };
  }
  const dir = resolve(config.LOTSE_DATA_DIR);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    renameSync(dir, `${dir}.before-restore-${Date.now()}`);
  }
  const db = await openPGlite({ dataDir: dir, loadDataDir: new Blob([readFileSync(source)]) });
  await db.query('SELECT 1');
  await db.close();
  return { file: source, bytes: statSync(source).size, kind: 'pglite' };
}
