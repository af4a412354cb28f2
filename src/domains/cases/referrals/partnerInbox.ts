import { and, count, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { FieldCrypto } from '../../../security/fieldCrypto.ts';
import type { InboxPage, InboxQuery, InboxReferral } from '../../../shared/contracts/caseReferrals.ts';
import type { Actor } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { persons } from '../case.table.ts';
import { assertNotRestricted } from '../persons/person.policy.ts';
import { authorizeInboxReferral, partnerSeesSharedData } from './referral.policy.ts';
import { applyTransition, encryptFeedback, type ReferralRow, readFeedback, readSnapshot, referralNumber } from './referralService.ts';
import { caseReferrals } from './referrals.table.ts';

/**
 * The partner inbox: a provider's partner accounts see the referrals sent to their provider —
 * only the snapshot of the shared fields, never person or case ids, never another provider's
 * referrals. Every list, read and decision is in the case access log. While the person's
 * processing is restricted (Art. 18) the partner decides nothing (403 `restricted`).
 */

/** What the partner sees of one referral (the presenter is the boundary: nothing else leaves). */
export function presentInboxReferral(crypto: FieldCrypto, row: ReferralRow): InboxReferral {
  return {
    id: row.id,
    number: referralNumber(row.id),
    state: row.state,
    offer: row.offerId ? { id: row.offerId, title: row.offerTitle ?? '' } : null,
    shared: partnerSeesSharedData(row.state) ? readSnapshot(crypto, row) : null,
    reason: row.reason,
    feedback: readFeedback(crypto, row),
    sentByName: row.sentByName,
    sentAt: row.sentAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    rejectedAt: row.rejectedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listInbox(tx: Tx, actor: Actor, providerId: string, query: InboxQuery): Promise<InboxPage> {
  const condition = and(eq(caseReferrals.providerId, providerId), query.state ? eq(caseReferrals.state, query.state) : undefined);
  const rows = await tx.db
    .select({
      id: caseReferrals.id,
      state: caseReferrals.state,
      offerTitle: caseReferrals.offerTitle,
      sentAt: caseReferrals.sentAt,
      updatedAt: caseReferrals.updatedAt,
    })
    .from(caseReferrals)
    .where(condition)
    .orderBy(desc(caseReferrals.sentAt), desc(caseReferrals.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(caseReferrals).where(condition);
  await logCaseAccess(tx, actor, { action: 'list', entityType: 'referral', details: { providerId, count: rows.length, state: query.state ?? null } });
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: referralNumber(r.id),
      state: r.state,
      offerTitle: r.offerTitle,
      sentAt: r.sentAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadInboxReferral(tx: Tx, providerId: string, id: string): Promise<ReferralRow> {
  const [row] = await tx.db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.id, id), eq(caseReferrals.providerId, providerId)));
  return authorizeInboxReferral(providerId, row);
}

export async function readInboxReferral(tx: Tx, crypto: FieldCrypto, actor: Actor, providerId: string, id: string): Promise<InboxReferral> {
  const row = await loadInboxReferral(tx, providerId, id);
  await logCaseAccess(tx, actor, {
    action: 'read',
    entityType: 'referral',
    entityId: row.id,
    caseId: row.caseId,
    personId: row.personId,
    details: { partner: true, providerId, sharedFields: partnerSeesSharedData(row.state) ? row.sharedFields : [] },
  });
  return presentInboxReferral(crypto, row);
}

export type PartnerDecision = { kind: 'accept' } | { kind: 'reject'; reason: string } | { kind: 'complete'; feedback: string };

/** The partner's decision: accept, reject with a reason, or complete with feedback. */
export async function decideInboxReferral(
  tx: Tx,
  crypto: FieldCrypto,
  actor: Actor,
  providerId: string,
  id: string,
  decision: PartnerDecision,
): Promise<{ referral: InboxReferral; row: ReferralRow }> {
  const row = await loadInboxReferral(tx, providerId, id);
  // Art. 18: the person's data may be stored, not processed further — the partner records nothing
  // (the office can still withdraw the referral)
  const [person] = await tx.db.select({ restricted: persons.restricted }).from(persons).where(eq(persons.id, row.personId));
  if (person) assertNotRestricted(person);
  const extra =
    decision.kind === 'reject'
      ? { reason: decision.reason.trim() }
      : decision.kind === 'complete'
        ? { feedbackEnc: encryptFeedback(crypto, row.tenantId, decision.feedback.trim()) }
        : {};
  const updated = await applyTransition(tx, actor, row, decision.kind, extra);
  await logCaseAccess(tx, actor, {
    action: 'update',
    entityType: 'referral',
    entityId: row.id,
    caseId: row.caseId,
    personId: row.personId,
    details: { partner: true, providerId, from: row.state, to: updated.state },
  });
  return { referral: presentInboxReferral(crypto, updated), row: updated };
}
