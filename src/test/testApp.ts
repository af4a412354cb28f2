import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext } from '../server/boot.ts';
import type { AppContext } from '../server/context.ts';
import { createTestDatabase } from './testDatabase.ts';

export interface TestApp {
  app: App;
  ctx: AppContext;
  db: Database;
  close(): Promise<void>;
}

/** The real app on a fresh test database, driven with app.inject(). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', AUTH_RATE_LIMIT: 'false', ...env });
  const ctx = createContext(config, db);
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return {
    app,
    ctx,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
