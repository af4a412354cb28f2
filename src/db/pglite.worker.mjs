// Worker thread that owns the embedded PGlite database, so its queries never block the HTTP
// event loop. Plain JavaScript: workers do not inherit the TypeScript loader.
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const { dataDir } = workerData;
if (dataDir) mkdirSync(dataDir, { recursive: true });

let db;
try {
  db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: { 20: (v) => Number(v), 1700: (v) => Number(v), 1082: (v) => v },
    // Same as src/db/pglite.ts (PGLITE_START_PARAMS): smaller shared buffers, ~110 MB less memory.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', error: serializeError(error) });
}

function serializeError(error) {
  const out = { message: String(error?.message ?? error) };
  for (const key of ['code', 'detail', 'hint', 'column', 'table', 'constraint', 'schema', 'severity', 'position']) {
    if (error && error[key] !== undefined) out[key] = error[key];
  }
  return out;
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'query') {
      const r = await db.query(msg.sql, msg.params, msg.arrays ? { rowMode: 'array' } : undefined);
      parentPort.postMessage({ id: msg.id, ok: true, rows: r.rows, rowCount: r.affectedRows ?? r.rows.length });
    } else if (msg.type === 'exec') {
      await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true, rows: [], rowCount: 0 });
    } else if (msg.type === 'close') {
      await db.close();
      parentPort.postMessage({ id: msg.id, ok: true, rows: [], rowCount: 0 });
    }
  } catch (error) {
    parentPort.postMessage({ id: msg.id, ok: false, error: serializeError(error) });
  }
});
