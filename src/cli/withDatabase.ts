import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';

/** Opens the database on this thread for a CLI task and always closes it (PGlite keeps the process alive otherwise). */
export async function withDatabase(config: Config, fn: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(config, { inProcess: true });
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}
