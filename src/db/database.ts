import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { ConnectionSource, SqlConnection } from './connection.ts';
import * as schema from './schema.ts';

export type Drizzle = PgRemoteDatabase<typeof schema>;
/**
 * A transaction's drizzle: the query builder without the relational `db.query` API (unused), because
 * drizzle derives the relational config of the whole schema on every construction — 1–2 ms of CPU
 * per transaction, ~7 % of the server's time under the case benchmarks (bench/cases.ts).
 */
export type TxDrizzle = PgRemoteDatabase;

/** A transaction: drizzle for typed queries, `sql` for the hand-written ones (search, reports). */
export interface Tx {
  readonly db: TxDrizzle;
  readonly conn: SqlConnection;
  /** The tenant this transaction is scoped to (row-level security), or null for system work. */
  readonly tenantId: string | null;
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function drizzleOver(conn: SqlConnection): TxDrizzle {
  return drizzle(async (sql, params, method) => {
    if (method === 'all') return conn.queryArrays(sql, params);
    return conn.query(sql, params);
  });
}

export interface TransactionOptions {
  /** Serializable isolation, for read-check-write sequences that must not interleave. */
  serializable?: boolean;
  readOnly?: boolean;
  /** Extra `SET LOCAL` settings, e.g. { 'lotse.bulk': 'on' }. Keys and values must be simple words. */
  settings?: Record<string, string>;
}

const SETTING = /^[a-z_]+(\.[a-z_]+)?$/;
const SETTING_VALUE = /^[A-Za-z0-9_.-]*$/;

/**
 * The application's handle on PostgreSQL (embedded or server). All work happens in transactions:
 * `tenant()` runs as the restricted role `lotse_app` with `app.tenant_id` set, so row-level security
 * confines every statement to one tenant; `system()` runs as the owner for installation-wide work
 * (tenants, sign-in, migrations) and must never take tenant input unchecked.
 */
export class Database {
  readonly kind: 'pglite' | 'postgres';
  readonly #source: ConnectionSource;
  /** Statement-per-call drizzle for libraries that manage their own statements (better-auth). */
  readonly systemDrizzle: Drizzle;

  constructor(source: ConnectionSource) {
    this.#source = source;
    this.kind = source.kind;
    this.systemDrizzle = drizzle(
      async (sql, params, method) => {
        const lease = await this.#source.acquire();
        try {
          return method === 'all' ? await lease.conn.queryArrays(sql, params) : await lease.conn.query(sql, params);
        } finally {
          lease.release();
        }
      },
      { schema },
    );
  }

  tenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!UUID.test(tenantId)) throw new Error('tenant id must be a uuid');
    return this.#run(tenantId, fn, options);
  }

  system<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.#run(null, fn, options);
  }

  async #run<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>, options: TransactionOptions): Promise<T> {
    const lease = await this.#source.acquire();
    const { conn } = lease;
    let broken = false;
    try {
      const mode = [options.serializable ? 'ISOLATION LEVEL SERIALIZABLE' : '', options.readOnly ? 'READ ONLY' : '']
        .filter(Boolean)
        .join(' ');
      const statements = [`BEGIN ${mode}`];
      if (tenantId) {
        statements.push(`SET LOCAL ROLE lotse_app`, `SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      }
      for (const [key, value] of Object.entries(options.settings ?? {})) {
        if (!SETTING.test(key) || !SETTING_VALUE.test(value)) throw new Error(`invalid setting ${key}`);
        statements.push(`SELECT set_config('${key}', '${value}', true)`);
      }
      await conn.exec(statements.join(';\n'));
      const tx: Tx = {
        db: drizzleOver(conn),
        conn,
        tenantId,
        async query<R>(sql: string, params: readonly unknown[] = []) {
          return (await conn.query<R>(sql, params)).rows;
        },
      };
      try {
        const result = await fn(tx);
        await conn.exec('COMMIT');
        return result;
      } catch (error) {
        try {
          await conn.exec('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      }
    } finally {
      lease.release(broken);
    }
  }

  close(): Promise<void> {
    return this.#source.close();
  }
}
