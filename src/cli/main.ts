import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';

const HELP = `lotse — municipal integration management

Usage: lotse <command> [options]

Commands:
  serve [--demo]                         start the server (--demo: load demo data into an empty installation)
  migrate                                apply database migrations
  seed --demo                            load the demo tenants into an empty installation
  seed --offers N [--tenant SLUG]        create tenant SLUG (default: gross) with N generated offers (benchmarks)
  create-admin --email E --name N [--password P] [--tenant SLUG] [--role R]
                                         create an account (without --tenant: a super admin)
  import --tenant SLUG --file F [--dry-run]
                                         import offers from CSV or XLSX (all or nothing)
  export --tenant SLUG --file F [--format csv|xlsx|json]
                                         export offers
  backup --file F                        back up the database (embedded: data directory archive; PostgreSQL: pg_dump)
  restore --file F                       restore a backup (stop the server first)
  retention [--dry-run] [--tenant SLUG]  erase/anonymise case data past its retention period now
                                         (the server also runs this daily, see RETENTION_JOB_CRON)
  rotate-keys                            re-encrypt case data with the first key of DATA_ENCRYPTION_KEYS

Configuration comes from environment variables (see README): DATABASE_URL, LOTSE_DATA_DIR, PORT, …
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    allowPositionals: false,
    options: {
      demo: { type: 'boolean', default: false },
      offers: { type: 'string' },
      tenant: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!command || command === 'help' || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const need = (name: keyof typeof values): string => {
    const v = values[name];
    if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required for "${command}"`);
    return v;
  };

  switch (command) {
    case 'serve': {
      // The embedded database boots in its worker thread while the HTTP stack's modules load here.
      const { openDatabase } = await import('../db/open.ts');
      const database = openDatabase(config);
      database.catch(() => undefined);
      const { serve } = await import('./serve.ts');
      await serve(config, { demo: values.demo, database });
      return -1; // keeps running
    }
    case 'migrate': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { migrate } = await import('../db/migrate.ts');
        const r = await migrate(db);
        console.log(r.applied.length ? `applied: ${r.applied.join(', ')}` : 'database is up to date');
      });
      return 0;
    }
    case 'seed': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { migrate } = await import('../db/migrate.ts');
        await migrate(db);
        if (values.offers) {
          const count = Number(values.offers);
          if (!Number.isInteger(count) || count < 1 || count > 200_000) throw new UsageError('--offers must be a whole number between 1 and 200000');
          const { seedGenerated } = await import('../demo/seedGenerated.ts');
          const r = await seedGenerated(db, values.tenant ?? 'gross', count);
          console.log(`tenant ${r.slug}: ${count} offers in ${r.ms} ms`);
        } else if (values.demo) {
          const { seedDemoIfEmpty } = await import('../demo/seed.ts');
          const r = await seedDemoIfEmpty(db);
          console.log(r ? `${r.summary}\n\n${r.loginsText}` : 'The installation has tenants already; demo data not loaded.');
        } else {
          throw new UsageError('seed needs --demo or --offers N');
        }
      });
      return 0;
    }
    case 'create-admin': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { migrate } = await import('../db/migrate.ts');
        await migrate(db);
        const { createAdminFromCli } = await import('./createAdmin.ts');
        const r = await createAdminFromCli(db, {
          email: need('email'),
          name: need('name'),
          password: values.password,
          tenant: values.tenant,
          role: values.role,
        });
        console.log(`created ${r.role} ${r.email}${r.tenant ? ` in ${r.tenant}` : ''}${r.generatedPassword ? `\npassword: ${r.generatedPassword}` : ''}`);
      });
      return 0;
    }
    case 'import': {
      const { withDatabase } = await import('./withDatabase.ts');
      let exitCode = 0;
      await withDatabase(config, async (db) => {
        const { importOffersFromFile } = await import('../domains/importexport/offerImport.ts');
        const report = await importOffersFromFile(db, need('tenant'), need('file'), { dryRun: values['dry-run'], actorLabel: 'cli' });
        for (const e of report.errors) console.error(`row ${e.row}, ${e.field}: ${e.message}`);
        console.log(
          `${report.dryRun ? 'dry run: ' : ''}${report.rows} rows, ${report.created} created, ${report.updated} updated, ${report.errors.length} errors${report.errors.length ? ' — nothing written' : ''}`,
        );
        exitCode = report.errors.length ? 2 : 0;
      });
      return exitCode;
    }
    case 'export': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { exportOffersToFile } = await import('../domains/importexport/offerExport.ts');
        const format = values.format ?? 'csv';
        if (format !== 'csv' && format !== 'xlsx' && format !== 'json') throw new UsageError('--format must be csv, xlsx or json');
        const n = await exportOffersToFile(db, need('tenant'), need('file'), format);
        console.log(`exported ${n} offers to ${values.file}`);
      });
      return 0;
    }
    case 'backup': {
      const { backup } = await import('./backup.ts');
      const r = await backup(config, need('file'));
      console.log(`backup written: ${r.file} (${r.bytes} bytes, ${r.kind})`);
      return 0;
    }
    case 'restore': {
      const { restore } = await import('./backup.ts');
      const r = await restore(config, need('file'));
      console.log(`restored ${r.kind} database from ${r.file}`);
      return 0;
    }
    case 'retention': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { migrate } = await import('../db/migrate.ts');
        await migrate(db);
        const { requireTenant } = await import('../domains/tenants/tenantService.ts');
        const tenantId = values.tenant ? (await requireTenant(db, values.tenant)).id : undefined;
        const { runRetention } = await import('../domains/cases/privacy/retention.ts');
        const r = await runRetention(db, { dryRun: values['dry-run'], tenantId });
        console.log(`${r.dryRun ? 'dry run: would erase' : 'erased'} ${r.persons} persons and ${r.cases} cases in ${r.tenants} tenant(s)`);
      });
      return 0;
    }
    case 'rotate-keys': {
      const { withDatabase } = await import('./withDatabase.ts');
      await withDatabase(config, async (db) => {
        const { FieldCrypto } = await import('../security/fieldCrypto.ts');
        const { keyUsage, rotateKeys } = await import('../security/rotateKeys.ts');
        const r = await rotateKeys(db, FieldCrypto.fromConfig(config));
        for (const [column, n] of Object.entries(r.columns)) console.log(`${column}: ${n} re-encrypted`);
        console.log(`active key ${r.activeKeyId}; values per key now: ${JSON.stringify(await keyUsage(db))}`);
      });
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof AppError) {
      console.error(`lotse: ${error.message}`);
      if (error instanceof UsageError) console.error('Run "lotse help" for usage.');
      process.exit(error instanceof UsageError ? 64 : 1);
    }
    if (error instanceof Error && String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      console.error(`lotse: ${error.message}`);
      process.exit(64);
    }
    console.error(error);
    process.exit(1);
  },
);
