import { Worker } from 'node:worker_threads';
import { PGLITE_WORKER_FILE } from '../paths.ts';
import type { ConnectionSource, LeasedConnection, QueryResult, SqlConnection } from './connection.ts';
import { Mutex } from './connection.ts';

interface Reply {
  id: number;
  ok: boolean;
  rows?: unknown[];
  rowCount?: number;
  error?: Record<string, unknown> & { message: string };
}

/** Database error rebuilt on this side of the worker boundary, with PostgreSQL's fields. */
export class WorkerDatabaseError extends Error {
  code?: string;
  detail?: string;
  column?: string;
  table?: string;
  constraint?: string;
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    Object.assign(this, fields);
  }
}

/** Embedded PGlite running in a worker thread; one connection, lent to one transaction at a time. */
export async function pgliteWorkerSource(dataDir: string): Promise<ConnectionSource> {
  const worker = new Worker(PGLITE_WORKER_FILE, { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (r: Reply) => void }>();
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type?: string; error?: { message: string } }) => {
      if (msg.type === 'ready') {
        worker.off('message', onMessage);
        resolve();
      } else if (msg.type === 'failed') {
        worker.off('message', onMessage);
        reject(new Error(`Could not open the embedded database in ${dataDir}: ${msg.error?.message}`));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

  worker.on('message', (msg: Reply) => {
    const p = pending.get(msg.id);
    if (p) {
      pending.delete(msg.id);
      p.resolve(msg);
    }
  });

  const send = (msg: Record<string, unknown>): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { resolve });
      worker.postMessage({ ...msg, id });
    });

  const unwrap = <R>(r: Reply): QueryResult<R> => {
    if (!r.ok) throw new WorkerDatabaseError(r.error ?? { message: 'database error' });
    return { rows: (r.rows ?? []) as R[], rowCount: r.rowCount ?? 0 };
  };

  const conn: SqlConnection = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return unwrap<R>(await send({ type: 'query', sql, params }));
    },
    async queryArrays(sql: string, params: readonly unknown[] = []) {
      return unwrap<unknown[]>(await send({ type: 'query', sql, params, arrays: true }));
    },
    async exec(sql: string) {
      unwrap(await send({ type: 'exec', sql }));
    },
  };

  const mutex = new Mutex();
  return {
    kind: 'pglite',
    async acquire(): Promise<LeasedConnection> {
      const unlock = await mutex.lock();
      return { conn, release: unlock };
    },
    async close() {
      const unlock = await mutex.lock();
      try {
        unwrap(await send({ type: 'close' }));
      } finally {
        unlock();
        await worker.terminate();
      }
    },
  };
}
