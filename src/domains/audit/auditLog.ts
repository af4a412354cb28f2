import { auditLog } from './audit.table.ts';
import type { Tx } from '../../db/database.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  actorId?: string | null;
  actorLabel?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log inside the caller's transaction, so the record and its log commit together. */
export async function writeAudit(tx: Tx, entry: AuditEntry & { tenantId?: string | null }): Promise<void> {
  await tx.db.insert(auditLog).values({
    tenantId: entry.tenantId ?? tx.tenantId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    actorId: entry.actorId ?? null,
    actorLabel: entry.actorLabel ?? '',
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
