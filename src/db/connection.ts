/**
 * The smallest common ground of PGlite (embedded) and node-postgres (server): one connection that
 * runs one statement at a time. Everything above (transactions, tenant context, drizzle) is built
 * on this, so both databases behave the same.
 */
export interface QueryResult<R = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

export interface SqlConnection {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Rows as arrays of values, in column order (drizzle's select mapping needs this). */
  queryArrays(sql: string, params?: readonly unknown[]): Promise<QueryResult<unknown[]>>;
  /** Several statements without parameters, in one round trip. */
  exec(sql: string): Promise<void>;
}

export interface LeasedConnection {
  conn: SqlConnection;
  release(broken?: boolean): void;
}

export interface ConnectionSource {
  readonly kind: 'pglite' | 'postgres';
  acquire(): Promise<LeasedConnection>;
  close(): Promise<void>;
}

/** A FIFO lock: PGlite has a single connection, so a transaction must own it until it ends. */
export class Mutex {
  #locked = false;
  #waiters: Array<() => void> = [];

  async lock(): Promise<() => void> {
    if (this.#locked) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    } else {
      this.#locked = true;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#locked = false;
    };
  }

  get waiting(): number {
    return this.#waiters.length;
  }
}
