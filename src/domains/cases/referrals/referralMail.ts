import { and, eq } from 'drizzle-orm';
import { publicUrl } from '../../../config.ts';
import type { AppContext } from '../../../server/context.ts';
import { authUser } from '../../auth/auth.table.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { referralNumber } from './referralService.ts';

/**
 * Notifications about referrals. They carry NO personal data — no names, no notes, no offer
 * details, nothing from the case: only that something happened, the referral's number and a link
 * into Lotse, where the reader signs in (with two-factor login) to see it.
 */

const FOOTER_DE = 'Aus Datenschutzgründen enthält diese E-Mail keine persönlichen Daten.';
const FOOTER_EN = 'For data protection reasons this e-mail contains no personal data.';

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

async function sendAll(ctx: AppContext, tenant: Tenant, to: string[], subject: string, text: string, log: Logger): Promise<void> {
  for (const address of to) {
    try {
      await ctx.mailer.send({ tenantId: tenant.id, to: address, subject, text });
    } catch (error) {
      // A lost notification must not undo the referral; the inbox shows it anyway.
      log.warn({ err: error }, 'referral notification could not be queued');
    }
  }
}

/** The active partner accounts of a provider. */
async function partnerAddresses(ctx: AppContext, tenant: Tenant, providerId: string): Promise<string[]> {
  const rows = await ctx.db.tenant(
    tenant.id,
    (tx) =>
      tx.db
        .select({ email: authUser.email })
        .from(authUser)
        .where(and(eq(authUser.providerId, providerId), eq(authUser.role, 'partner_editor'), eq(authUser.disabled, false))),
    { readOnly: true },
  );
  return rows.map((r) => r.email);
}

/** "New referral" / "referral withdrawn" to every partner account of the receiving provider. */
export async function notifyPartners(
  ctx: AppContext,
  tenant: Tenant,
  event: 'sent' | 'revoked',
  referral: { id: string; providerId: string | null },
  log: Logger,
): Promise<void> {
  if (!referral.providerId) return;
  const to = await partnerAddresses(ctx, tenant, referral.providerId);
  if (to.length === 0) return;
  const link = `${publicUrl(ctx.config)}/admin/${tenant.slug}/referral-inbox/${referral.id}`;
  const number = referralNumber(referral.id);
  const subject = event === 'sent' ? `Neue Vermittlung in Lotse (${number})` : `Vermittlung zurückgezogen (${number})`;
  const text =
    event === 'sent'
      ? `Guten Tag,\n\nIhre Organisation hat in Lotse eine neue Vermittlung erhalten (${number}). Bitte melden Sie sich an und sehen Sie sie im Posteingang an:\n${link}\n\n${FOOTER_DE}\n\n---\nYour organisation has received a new referral in Lotse (${number}). Please sign in to view it in the referral inbox (link above).\n${FOOTER_EN}\n`
      : `Guten Tag,\n\ndie Vermittlung ${number} wurde vom Integrationsmanagement zurückgezogen. Die geteilten Angaben sind in Lotse nicht mehr sichtbar:\n${link}\n\n${FOOTER_DE}\n\n---\nReferral ${number} has been withdrawn by the integration office; its shared details are no longer visible in Lotse.\n${FOOTER_EN}\n`;
  await sendAll(ctx, tenant, to, subject, text, log);
}

/** "Feedback on a referral" to the manager who sent it, when the partner decided. */
export async function notifySender(
  ctx: AppContext,
  tenant: Tenant,
  referral: { id: string; caseId: string; sentBy: string | null; state: string },
  log: Logger,
): Promise<void> {
  if (!referral.sentBy) return;
  const sentBy = referral.sentBy;
  const [row] = await ctx.db.tenant(
    tenant.id,
    (tx) =>
      tx.db
        .select({ email: authUser.email })
        .from(authUser)
        .where(and(eq(authUser.id, sentBy), eq(authUser.disabled, false))),
    { readOnly: true },
  );
  if (!row) return;
  const number = referralNumber(referral.id);
  const link = `${publicUrl(ctx.config)}/admin/${tenant.slug}/cases/${referral.caseId}/referrals`;
  const stateDe = { accepted: 'angenommen', rejected: 'abgelehnt', done: 'abgeschlossen' }[referral.state] ?? referral.state;
  const stateEn = { accepted: 'accepted', rejected: 'rejected', done: 'completed' }[referral.state] ?? referral.state;
  const subject = `Rückmeldung zur Vermittlung ${number}`;
  const text = `Guten Tag,\n\ndie Vermittlung ${number} wurde vom Träger ${stateDe}. Bitte sehen Sie die Rückmeldung in Lotse an:\n${link}\n\n${FOOTER_DE}\n\n---\nReferral ${number} has been ${stateEn} by the provider. Please sign in to Lotse to see the feedback (link above).\n${FOOTER_EN}\n`;
  await sendAll(ctx, tenant, [row.email], subject, text, log);
}
