import type { Tx } from '../../db/database.ts';
import { cryptoContext, type FieldCrypto } from '../../security/fieldCrypto.ts';
import { recordHistory } from './case.table.ts';

/**
 * Art. 16 DSGVO: `record_history` keeps the earlier and the new value of every corrected field —
 * of a person, a journal entry, a task, a document … — as JSON, encrypted (the values can be as
 * sensitive as the record itself). The one place that writes and reads those values.
 */
export interface Correction {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface CorrectionEntry {
  personId: string;
  caseId?: string | null;
  entityType: string;
  entityId: string;
  reason?: string | null;
  actorId: string | null;
  /** how the author is shown (staff data, not case data) */
  actorLabel: string;
  /** default: the database's now() */
  at?: Date;
}

type HistoryColumn = 'old_value_enc' | 'new_value_enc';
const historyContext = (tenantId: string, column: HistoryColumn) => cryptoContext(tenantId, 'record_history', column);

/** One history row per changed field, in the caller's transaction (nothing for no changes). */
export async function writeCorrections(tx: Tx, crypto: FieldCrypto, entry: CorrectionEntry, changes: Correction[]): Promise<void> {
  if (!changes.length) return;
  const tenantId = tx.tenantId!;
  await tx.db.insert(recordHistory).values(
    changes.map((c) => ({
      tenantId,
      personId: entry.personId,
      caseId: entry.caseId ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId,
      field: c.field,
      oldValueEnc: crypto.encrypt(JSON.stringify(c.oldValue ?? null), historyContext(tenantId, 'old_value_enc')),
      newValueEnc: crypto.encrypt(JSON.stringify(c.newValue ?? null), historyContext(tenantId, 'new_value_enc')),
      reason: entry.reason ?? null,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      ...(entry.at ? { at: entry.at } : {}),
    })),
  );
}

/** The earlier and the new value of a history row, decrypted (a value that is no JSON comes back as text). */
export function correctionValues(crypto: FieldCrypto, row: Pick<typeof recordHistory.$inferSelect, 'tenantId' | 'oldValueEnc' | 'newValueEnc'>): { oldValue: unknown; newValue: unknown } {
  const decode = (stored: string | null, column: HistoryColumn): unknown => {
    const text = crypto.decrypt(stored, historyContext(row.tenantId, column));
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  return { oldValue: decode(row.oldValueEnc, 'old_value_enc'), newValue: decode(row.newValueEnc, 'new_value_enc') };
}
