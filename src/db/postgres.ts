import pg from 'pg';
import type { ConnectionSource, LeasedConnection, SqlConnection } from './connection.ts';

// int8 (counts) and numeric as JavaScript numbers, as on PGlite; `date` as the calendar day
// 'YYYY-MM-DD' it is (node-postgres would make it local midnight, which shifts the day when
// converted back in UTC on servers east of Greenwich).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

function clientConnection(client: pg.PoolClient): SqlConnection {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async queryArrays(sql: string, params: readonly unknown[] = []) {
      const r = await client.query({ text: sql, values: params as unknown[], rowMode: 'array' });
      return { rows: r.rows as unknown[][], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function postgresSource(url: string, poolSize: number): ConnectionSource {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* idle client errors are reported on the next acquire */
  });
  return {
    kind: 'postgres',
    async acquire(): Promise<LeasedConnection> {
      const client = await pool.connect();
      return {
        conn: clientConnection(client),
        release: (broken) => client.release(broken ? true : undefined),
      };
    },
    async close() {
      await pool.end();
    },
  };
}
