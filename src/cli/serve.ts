import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { type Config, publicUrl } from '../config.ts';
import { runRetention } from '../domains/cases/privacy/retention.ts';
import { migrate } from '../db/migrate.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/boot.ts';

/**
 * Starts the server: opens the database (PGlite in a worker thread, or PostgreSQL), migrates, optionally
 * loads the demo data into an empty installation, listens. SIGTERM/SIGINT close the listener first and
 * let in-flight requests (and their transactions) finish before the database closes.
 */
export async function serve(config: Config, options: { demo: boolean; database?: Promise<Database> }): Promise<void> {
  const started = performance.now();
  const db = await (options.database ?? openDatabase(config));
  const opened = performance.now();
  await migrate(db);
  const migrated = performance.now();
  const ctx = createContext(config, db);
  const app = await buildApp(ctx, {
    logger: {
      level: config.LOG_LEVEL,
      // Never log query strings: they may carry search terms or tokens.
      serializers: { req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }) },
    },
  });
  if (options.demo) {
    const { seedDemoIfEmpty } = await import('../demo/seed.ts');
    const result = await seedDemoIfEmpty(db, publicUrl(config));
    if (result) {
      app.log.info(result.summary);
      console.log(`\n${result.loginsText}\n`);
    }
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    {
      ms: Math.round(performance.now() - started),
      openMs: Math.round(opened - started),
      migrateMs: Math.round(migrated - opened),
      sinceProcessStartMs: Math.round(performance.now()),
      database: db.kind,
    },
    'Lotse is ready',
  );

  // PGlite has no autovacuum: refresh the planner statistics shortly after start and then every six
  // hours, or plans degrade as the data grows (PostgreSQL servers do this themselves).
  let maintenance: NodeJS.Timeout | undefined;
  if (db.kind === 'pglite') {
    const analyze = () =>
      db.system((tx) => tx.query('ANALYZE')).catch((error: unknown) => app.log.warn({ err: error }, 'ANALYZE failed'));
    const first = setTimeout(analyze, 10_000);
    first.unref();
    maintenance = setInterval(analyze, 6 * 60 * 60 * 1000);
    maintenance.unref();
  }

  // Art. 17: the retention job erases or anonymises case data past its retention period, daily.
  const retention = scheduleRetention(config, db, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    if (maintenance) clearInterval(maintenance);
    retention?.stop();
    try {
      await app.close();
      await db.close();
    } finally {
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Runs the retention job on RETENTION_JOB_CRON (`off` disables it); failures are logged, never fatal. */
function scheduleRetention(config: Config, db: Database, log: FastifyBaseLogger): Cron | null {
  if (config.RETENTION_JOB_CRON === 'off') return null;
  return new Cron(config.RETENTION_JOB_CRON, { protect: true, unref: true }, async () => {
    try {
      const report = await runRetention(db);
      log.info({ job: 'retention', ...report }, 'retention job finished');
    } catch (error) {
      log.error({ err: error, job: 'retention' }, 'retention job failed');
    }
  });
}
