import type { Config } from '../config.ts';
import { Database } from './database.ts';
import { openPGlite, inProcessPGliteSource } from './pglite.ts';
import { pgliteWorkerSource } from './pgliteWorkerSource.ts';
import { postgresSource } from './postgres.ts';

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
 * LOTSE_DATA_DIR. `inProcess` keeps PGlite on this thread (CLI tasks); the server uses a worker.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'LOTSE_DATA_DIR' | 'DATABASE_POOL_SIZE'>,
  options: { inProcess?: boolean } = {},
): Promise<Database> {
  if (config.DATABASE_URL) return new Database(postgresSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE));
  if (options.inProcess) return new Database(inProcessPGliteSource(await openPGlite({ dataDir: config.LOTSE_DATA_DIR })));
  return new Database(await pgliteWorkerSource(config.LOTSE_DATA_DIR));
}
