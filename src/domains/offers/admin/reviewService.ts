import { AppError } from '../../../errors.ts';
import { type ReviewDecision, type ReviewItem, offerInput } from '../../../shared/contracts/offerAdmin.ts';
import type { Actor } from '../../auth/roles.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import type { Tx } from '../../../db/database.ts';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorizeReview } from '../offer.policy.ts';
import { type OfferStatus, type PendingOfferChange, offers } from '../offer.table.ts';
import { recordOfferChange } from './offerHistory.ts';
import {
  type OfferRow,
  applyOfferChange,
  checkOfferReferences,
  diffSnapshots,
  loadSourceTexts,
  lockOffer,
  setOfferStatus,
  snapshotFromInput,
  snapshotOf,
} from './offerService.ts';

const iso = (v: unknown) => new Date(v as string | Date).toISOString();

interface ReviewRow {
  id: string;
  status: OfferStatus;
  provider_id: string;
  provider_name: string;
  pending_change: PendingOfferChange | string | null;
  title: string;
  submitted_by: string | null;
  submitted_at: string | Date | null;
  updated_at: string | Date;
}

/** A pending change as stored: the offer input plus the partner's minor flag. */
const pendingData = offerInput.extend({ minor: z.boolean().default(false) });

/**
 * The office's review queue: partners' pending changes to published offers and offers submitted for
 * review, oldest first. Pending changes come with their field-by-field difference to the live offer.
 */
export async function listReviews(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  paging: { page: number; pageSize: number },
): Promise<{ items: ReviewItem[]; total: number; page: number; pageSize: number }> {
  authorizeReview(actor);
  const where = "o.tenant_id = $1 AND (o.pending_change IS NOT NULL OR o.status = 'in_review')";
  const [count] = await tx.query<{ total: string | number }>(`SELECT count(*) AS total FROM offers o WHERE ${where}`, [tenant.id]);
  const rows = await tx.query<ReviewRow>(
    `SELECT o.id, o.status, o.provider_id, p.name AS provider_name, o.pending_change, coalesce(s.title, '') AS title,
            r.actor_name AS submitted_by, r.created_at AS submitted_at, o.updated_at
     FROM offers o
     JOIN providers p ON p.tenant_id = o.tenant_id AND p.id = o.provider_id
     LEFT JOIN offer_translations s ON s.tenant_id = o.tenant_id AND s.offer_id = o.id AND s.lang = $2
     LEFT JOIN LATERAL (
       SELECT actor_name, created_at FROM offer_revisions r
       WHERE r.tenant_id = o.tenant_id AND r.offer_id = o.id AND r.action = 'status_changed'
       ORDER BY created_at DESC LIMIT 1
     ) r ON true
     WHERE ${where}
     ORDER BY coalesce((o.pending_change->>'submittedAt')::timestamptz, r.created_at, o.updated_at) ASC, o.id ASC
     LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
    [tenant.id, tenant.defaultLanguage],
  );
  const items: ReviewItem[] = [];
  for (const r of rows) {
    const pending = (typeof r.pending_change === 'string' ? JSON.parse(r.pending_change) : r.pending_change) as PendingOfferChange | null;
    const base = { offerId: r.id, title: r.title, status: r.status, providerId: r.provider_id, providerName: r.provider_name };
    if (pending) {
      const [offer] = await tx.db.select().from(offers).where(eq(offers.id, r.id));
      const parsed = pendingData.safeParse(pending.data);
      const changes = parsed.success
        ? diffSnapshots(snapshotOf(offer!, await loadSourceTexts(tx, tenant, r.id)), snapshotFromInput(parsed.data))
        : {};
      items.push({ ...base, kind: 'pending_change', submittedByName: pending.submittedByName, submittedAt: pending.submittedAt, changes });
    } else {
      items.push({
        ...base,
        kind: 'in_review',
        submittedByName: r.submitted_by ?? '',
        submittedAt: iso(r.submitted_at ?? r.updated_at),
        changes: {},
      });
    }
  }
  return { items, total: Number(count?.total ?? 0), page: paging.page, pageSize: paging.pageSize };
}

/**
 * Decides on an offer in the review queue. A pending partner change is applied (approve) or dropped
 * (reject); an offer in review is published (approve) or sent back to draft (reject). The comment is
 * kept in the history either way.
 */
export async function reviewOffer(tx: Tx, tenant: Tenant, actor: Actor, id: string, decision: ReviewDecision): Promise<OfferRow> {
  authorizeReview(actor);
  const current = await lockOffer(tx, tenant, id);
  const comment = decision.comment?.trim() || undefined;
  const pending = current.pendingChange;

  if (pending) {
    if (decision.decision === 'reject') {
      await tx.db
        .update(offers)
        .set({ pendingChange: null, version: current.version + 1 })
        .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, id)));
      await recordOfferChange(tx, actor, id, 'change_rejected', comment ? { comment: [null, comment] } : {}, {
        details: { submittedBy: pending.submittedBy },
      });
      return lockOffer(tx, tenant, id);
    }
    const parsed = pendingData.safeParse(pending.data);
    if (!parsed.success) {
      throw new AppError('invalid_state_transition', 'The pending change no longer fits the offer form; reject it and ask for a new one');
    }
    const { minor, ...input } = parsed.data;
    const next = snapshotFromInput(input);
    await checkOfferReferences(tx, next, { provider: next.providerId !== current.providerId });
    const changes = diffSnapshots(snapshotOf(current, await loadSourceTexts(tx, tenant, id)), next);
    return applyOfferChange(tx, tenant, actor, current, next, changes, {
      minor,
      action: 'change_approved',
      clearPending: true,
      ...(comment ? { comment } : {}),
    });
  }

  if (current.status === 'in_review') {
    return setOfferStatus(tx, tenant, actor, current, decision.decision === 'approve' ? 'published' : 'draft', comment);
  }
  throw new AppError('invalid_state_transition', 'There is nothing to review for this offer', { field: 'decision' });
}
