import type { Database } from '../db/database.ts';

/**
 * Where in the whole database do these strings still occur? Scans every row of every table in
 * the public schema as text (all columns, jsonb and arrays included) and bytea also as hex, so a
 * plaintext copy anywhere is found. Used to prove erasure leaves nothing identifying behind.
 */
export async function findTraces(db: Database, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  const wanted = needles.filter((n) => n.length >= 3);
  await db.system(async (tx) => {
    const tables = await tx.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    for (const { table_name } of tables) {
      for (const needle of wanted) {
        const hex = Buffer.from(needle, 'utf8').toString('hex');
        const [row] = await tx.query<{ n: string }>(
          `SELECT count(*) AS n FROM "${table_name}" t WHERE position(lower($1) in lower(t::text)) > 0 OR position($2 in t::text) > 0`,
          [needle, hex],
        );
        if (Number(row?.n ?? 0) > 0) hits.push(`${table_name}: ${needle}`);
      }
    }
  });
  return hits;
}
