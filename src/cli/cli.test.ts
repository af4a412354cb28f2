import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../db/pglite.ts';
import { verifyPassword } from '../domains/auth/password.ts';
import { TEST_DB_KIND, TEST_PG_URL, withDatabase } from '../test/testDatabase.ts';

// The `lotse` command as an operator runs it: a child process against its own database (an
// embedded data directory, or an empty PostgreSQL database when LOTSE_TEST_DB=postgres).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
const dataDir = join(work, 'data');
const pgName = `lotse_cli_test_${randomBytes(5).toString('hex')}`;
const pgUrl = withDatabase(TEST_PG_URL, pgName);
/** The generated password of the super admin created below (the serve test signs in with it). */
let adminPassword = '';
let appliedMigrations = 0;

function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  delete env.LOTSE_DATA_DIR;
  if (TEST_DB_KIND === 'postgres') env.DATABASE_URL = pgUrl;
  else env.LOTSE_DATA_DIR = dataDir;
  return env;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lotse(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lotse.mjs', ...args], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads the database the CLI wrote (only while no CLI process holds it). */
async function inspect<R>(sql: string, params: unknown[] = []): Promise<R[]> {
  if (TEST_DB_KIND === 'postgres') {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as R[];
    } finally {
      await c.end();
    }
  }
  const db = await openPGlite({ dataDir });
  try {
    return (await db.query<R>(sql, params)).rows;
  } finally {
    await db.close();
  }
}

async function adminPg(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (TEST_DB_KIND === 'postgres') await adminPg(`CREATE DATABASE ${pgName}`);
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (TEST_DB_KIND === 'postgres') await adminPg(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
});

// Each case spawns Node processes that open the database; generous limits for busy CI machines.
describe('lotse command', { timeout: 120_000 }, () => {
  it('prints the usage for help', async () => {
    const r = await lotse('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lotse <command>');
    expect(r.stdout).toContain('create-admin');
  });

  it('exits 64 with a message for an unknown command, without touching a database', async () => {
    const r = await lotse('frobnicate');
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('lotse help');
    if (TEST_DB_KIND === 'pglite') expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 64 for an unknown option', async () => {
    const r = await lotse('migrate', '--frobnicate');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/frobnicate/);
  });

  it('migrates, and a second run finds the database up to date', async () => {
    const first = await lotse('migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied: \d{4}_/);
    const second = await lotse('migrate');
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('database is up to date');
    const [migrations] = await inspect<{ n: number }>('SELECT count(*)::int AS n FROM lotse_migrations');
    appliedMigrations = migrations!.n;
    expect(appliedMigrations).toBe(first.stdout.split(',').length);
  });

  it('creates a super admin with a generated password (the serve test signs in with it)', async () => {
    const r = await lotse('create-admin', '--email', 'Chefin@Example.org', '--name', 'Chefin');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created super_admin chefin@example.org');
    const password = /password: (\S+)/.exec(r.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(12);
    adminPassword = password!;
    const [user] = await inspect<{ role: string; tenant_id: string | null; password: string }>(
      `SELECT u.role, u.tenant_id, a.password FROM auth_user u JOIN auth_account a ON a.user_id = u.id AND a.provider_id = 'credential' WHERE u.email = $1`,
      ['chefin@example.org'],
    );
    expect(user).toMatchObject({ role: 'super_admin', tenant_id: null });
    expect(await verifyPassword(user!.password, password!)).toBe(true);
    expect(await verifyPassword(user!.password, 'not-the-password')).toBe(false);
  });

  it('refuses a bad e-mail address readably and creates nothing', async () => {
    const before = await inspect<{ n: number }>('SELECT count(*)::int AS n FROM auth_user');
    const r = await lotse('create-admin', '--email', 'not-an-address', '--name', 'Niemand', '--password', 'a-long-enough-password');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('lotse: not an e-mail address');
    expect(r.stdout).toBe('');
    expect(await inspect('SELECT count(*)::int AS n FROM auth_user')).toEqual(before);
  });

  it('backs up and restores: data written after the backup is gone, data before it is back', async () => {
    const file = join(work, 'lotse.backup');
    const b = await lotse('backup', '--file', file);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain(`backup written: ${file}`);

    const late = await lotse('create-admin', '--email', 'late@example.org', '--name', 'Late', '--password', 'another-long-password');
    expect(late.code).toBe(0);
    expect(await inspect('SELECT email FROM auth_user ORDER BY email')).toEqual([{ email: 'chefin@example.org' }, { email: 'late@example.org' }]);

    const r = await lotse('restore', '--file', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restored');
    expect(await inspect('SELECT email FROM auth_user ORDER BY email')).toEqual([{ email: 'chefin@example.org' }]);
    // The restored database is complete: migrations recorded, row-level security in place.
    const [migrations] = await inspect<{ n: number }>('SELECT count(*)::int AS n FROM lotse_migrations');
    expect(migrations?.n).toBe(appliedMigrations);
    const [rls] = await inspect<{ relrowsecurity: boolean }>("SELECT relrowsecurity FROM pg_class WHERE relname = 'offers'");
    expect(rls?.relrowsecurity).toBe(true);
  });

  it('refuses to restore a missing file', async () => {
    const r = await lotse('restore', '--file', join(work, 'nope.backup'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
    expect(await inspect('SELECT email FROM auth_user ORDER BY email')).toEqual([{ email: 'chefin@example.org' }]);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('lotse serve', { timeout: 120_000 }, () => {
  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
    const port = await freePort();
    const server: ChildProcess = spawn(process.execPath, ['bin/lotse.mjs', 'serve'], {
      cwd: ROOT,
      env: cliEnv({ LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', AUTH_RATE_LIMIT: 'false', PUBLIC_URL: `http://127.0.0.1:${port}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) resolve();
          else if (server.exitCode !== null) reject(new Error(`serve exited before "${text}":\n${output}`));
          else setImmediate(check);
        };
        check();
      });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      await waitFor('Lotse is ready');
      // Sign-ins (argon2id, session row, audit entry) whose bodies are still on the way: the server
      // has parsed their headers (it answered 100 Continue), so they are in flight when SIGTERM comes.
      const body = JSON.stringify({ email: 'chefin@example.org', password: adminPassword });
      const inFlight = Array.from({ length: 6 }, () => {
        const req = request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/sign-in/email',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
        });
        const continued = new Promise<void>((resolve) => req.once('continue', resolve));
        const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
          req.once('response', (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.once('error', reject);
        });
        req.flushHeaders();
        return { req, continued, answered };
      });
      await Promise.all(inFlight.map((r) => r.continued));
      server.kill('SIGTERM');
      await waitFor('shutting down');
      for (const r of inFlight) r.req.end(body);
      const results = await Promise.all(inFlight.map((r) => r.answered));

      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      expect(JSON.parse(results[0]!.text)).toMatchObject({ user: { email: 'chefin@example.org' } });
      expect(await exited).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    const [sessions] = await inspect<{ n: number }>(
      "SELECT count(*)::int AS n FROM auth_session s JOIN auth_user u ON u.id = s.user_id WHERE u.email = 'chefin@example.org'",
    );
    expect(sessions?.n).toBe(6);
  });
});
