import type { Config } from '../config.ts';
import { Database } from './database.ts';

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
 * LOTSE_DATA_DIR. `inProcess` keeps PGlite on this thread (CLI tasks); the server uses a worker.
 * Drivers are imported on demand: each costs start-up time and only one is needed.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'LOTSE_DATA_DIR' | 'DATABASE_POOL_SIZE'>,
  options: { inProcess?: boolean } = {},
): Promise<Database> {
  if (config.DATABASE_URL) {
    const { postgresSource } = await import('./postgres.ts');
    return new Database(postgresSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE));
  }
  if (options.inProcess) {
    const { inProcessPGliteSource, openPGlite } = await import('./pglite.ts');
    return new Database(inProcessPGliteSource(await openPGlite({ dataDir: config.LOTSE_DATA_DIR })));
  }
  const { pgliteWorkerSource } = await import('./pgliteWorkerSource.ts');
  return new Database(await pgliteWorkerSource(config.LOTSE_DATA_DIR));
}
