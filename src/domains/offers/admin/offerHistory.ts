import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { OfferRevision } from '../../../shared/contracts/offerAdmin.ts';
import { writeAudit } from '../../audit/auditLog.ts';
import type { Actor } from '../../auth/roles.ts';
import { offerRevisions } from '../offer.table.ts';

export type FieldChanges = Record<string, [unknown, unknown]>;

/**
 * Records one change of an offer twice, in the caller's transaction: as a revision (the history
 * editors read, field by field) and in the audit log (who did what, for accountability).
 */
export async function recordOfferChange(
  tx: Tx,
  actor: Actor,
  offerId: string,
  action: string,
  changes: FieldChanges,
  options: { minor?: boolean; details?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.db.insert(offerRevisions).values({
    tenantId: requireTenantTx(tx),
    offerId,
    actorId: actor.userId,
    actorName: actor.name || actor.email,
    action,
    changes,
    minor: options.minor ?? false,
  });
  await writeAudit(tx, {
    action: `offer.${action}`,
    entityType: 'offer',
    entityId: offerId,
    actorId: actor.userId,
    actorLabel: actor.email,
    details: { fields: Object.keys(changes), ...(options.minor ? { minor: true } : {}), ...options.details },
  });
}

/** The change history of an offer, newest first (the caller has authorized reading the offer). */
export async function listOfferRevisions(tx: Tx, offerId: string, limit = 500): Promise<OfferRevision[]> {
  const rows = await tx.db
    .select()
    .from(offerRevisions)
    .where(eq(offerRevisions.offerId, offerId))
    .orderBy(desc(offerRevisions.createdAt), desc(offerRevisions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actorName: r.actorName,
    action: r.action,
    minor: r.minor,
    changes: r.changes,
  }));
}

function requireTenantTx(tx: Tx): string {
  if (!tx.tenantId) throw new Error('offer changes must run in a tenant transaction');
  return tx.tenantId;
}
