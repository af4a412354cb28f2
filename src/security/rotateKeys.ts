import type { Database } from '../db/database.ts';
import { cryptoContext, type FieldCrypto } from './fieldCrypto.ts';
import { ENCRYPTED_COLUMNS } from './encryptedColumns.ts';

export interface RotationReport {
  activeKeyId: string;
  /** per "table.column": values re-encrypted */
  columns: Record<string, number>;
  total: number;
}

const BATCH = 500;
const IDENT = /^[a-z_][a-z0-9_]*$/;

/** SQL for the key id a stored value names (see FieldCrypto's formats). */
const keyIdSql = (column: string, kind: 'text' | 'bytes'): string =>
  kind === 'text' ? `split_part(${column}, ':', 3)` : `convert_from(substring(${column} from 7 for get_byte(${column}, 5)), 'UTF8')`;

/**
 * Key rotation: re-encrypts every value of every registered encrypted column that is not under
 * the active key (the first of DATA_ENCRYPTION_KEYS). Batches of 500 rows, each in its own
 * transaction (owner role: all tenants); safe to interrupt and run again. Afterwards no value
 * needs the old keys, which can then be removed from the configuration.
 */
export async function rotateKeys(db: Database, crypto: FieldCrypto): Promise<RotationReport> {
  const report: RotationReport = { activeKeyId: crypto.activeKeyId, columns: {}, total: 0 };
  for (const { table, column, kind } of ENCRYPTED_COLUMNS) {
    if (!IDENT.test(table) || !IDENT.test(column)) throw new Error(`bad identifier ${table}.${column}`);
    let done = 0;
    for (;;) {
      const count = await db.system(async (tx) => {
        const rows = await tx.query<{ tenant_id: string; id: string; value: string | Uint8Array }>(
          `SELECT tenant_id, id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND ${keyIdSql(column, kind)} <> $1 LIMIT ${BATCH} FOR UPDATE`,
          [crypto.activeKeyId],
        );
        for (const row of rows) {
          const context = cryptoContext(row.tenant_id, table, column);
          const fresh =
            kind === 'text'
              ? crypto.encrypt(crypto.decrypt(row.value as string, context), context)
              : crypto.encryptBytes(crypto.decryptBytes(row.value as Uint8Array, context), context);
          await tx.query(`UPDATE ${table} SET ${column} = $1 WHERE tenant_id = $2 AND id = $3`, [fresh, row.tenant_id, row.id]);
        }
        return rows.length;
      });
      done += count;
      if (count < BATCH) break;
    }
    report.columns[`${table}.${column}`] = done;
    report.total += done;
  }
  return report;
}

/** Keys in use: how many values each key id still encrypts (for the operator before removing a key). */
export async function keyUsage(db: Database): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const { table, column, kind } of ENCRYPTED_COLUMNS) {
    const rows = await db.system((tx) =>
      tx.query<{ key_id: string; n: string }>(`SELECT ${keyIdSql(column, kind)} AS key_id, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1`),
    );
    for (const r of rows) usage[r.key_id] = (usage[r.key_id] ?? 0) + Number(r.n);
  }
  return usage;
}

