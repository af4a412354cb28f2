import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import type { Release, releaseCreate } from '../../../shared/contracts/caseReferrals.ts';
import { logCaseAccess } from '../accessLog.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { type ConsentRecipient, providerNames, today } from '../consents/consentService.ts';
import { resolveProvider } from './directoryLookup.ts';
import { type ReferralContext, requireConsentOrOverride } from './referralService.ts';
import { caseReleases } from './referrals.table.ts';

type ReleaseRow = typeof caseReleases.$inferSelect;

function presentRelease(row: ReleaseRow, names: Map<string, string>): Release {
  return {
    id: row.id,
    caseId: row.caseId,
    personId: row.personId,
    recipient: {
      type: row.recipientType,
      providerId: row.providerId,
      name: row.recipientType === 'provider' ? (names.get(row.providerId ?? '') ?? null) : row.recipientName,
    },
    purpose: row.purpose,
    fields: row.fields,
    releasedOn: row.releasedOn,
    consentId: row.consentId,
    overrideReason: row.overrideReason,
    releasedByLabel: row.releasedByLabel,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The case's data releases, newest first (one logged read). */
export async function listReleases(tx: Tx, c: ReferralContext, caseId: string): Promise<Release[]> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'read');
  const rows = await tx.db.select().from(caseReleases).where(eq(caseReleases.caseId, caseRow.id)).orderBy(desc(caseReleases.releasedOn), desc(caseReleases.createdAt));
  await logCaseAccess(tx, c.actor, { action: 'read', entityType: 'release', caseId: caseRow.id, personId: person.id, details: { count: rows.length } });
  const names = await providerNames(
    tx,
    rows.map((r) => r.providerId),
  );
  return rows.map((r) => presentRelease(r, names));
}

/**
 * Records a release of case data to a third party: the person must not be restricted, the day not
 * in the future, and valid consent for 'data_release' to that recipient must hold on that day —
 * or the actor overrides with permission and reason. Logged as 'release' (and 'override').
 */
export async function createRelease(tx: Tx, c: ReferralContext, caseId: string, input: z.infer<typeof releaseCreate>): Promise<Release> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'share');
  if (input.releasedOn > today()) throw new AppError('validation_failed', 'The day of the release cannot lie in the future', { field: 'releasedOn' });
  if (input.releasedOn < caseRow.startedOn) {
    throw new AppError('validation_failed', 'The day of the release cannot lie before the case started', { field: 'releasedOn' });
  }
  let recipient: ConsentRecipient;
  let recipientName: string | null = null;
  if (input.recipient.type === 'provider') {
    const provider = await resolveProvider(tx, input.recipient.providerId, 'recipient.providerId');
    recipient = { type: 'provider', providerId: provider.id };
  } else {
    recipientName = input.recipient.name.trim().replace(/\s+/g, ' ');
    recipient = { type: 'external', name: recipientName };
  }
  const { consent, overrideReason } = await requireConsentOrOverride(tx, c.actor, {
    person,
    caseRow,
    purpose: 'data_release',
    recipient,
    on: input.releasedOn,
    override: input.override,
  });
  const fields = [...new Set(input.fields)];
  const [row] = await tx.db
    .insert(caseReleases)
    .values({
      tenantId: tx.tenantId!,
      caseId: caseRow.id,
      personId: person.id,
      recipientType: recipient.type,
      providerId: recipient.type === 'provider' ? recipient.providerId : null,
      recipientName,
      purpose: input.purpose.trim(),
      fields,
      releasedOn: input.releasedOn,
      consentId: consent?.id ?? null,
      overrideReason,
      releasedBy: c.actor.userId,
      releasedByLabel: c.actor.email,
    })
    .returning();
  const release = row!;
  const target = { recipientType: release.recipientType, providerId: release.providerId };
  await logCaseAccess(tx, c.actor, {
    action: 'release',
    entityType: 'release',
    entityId: release.id,
    caseId: caseRow.id,
    personId: person.id,
    purpose: release.purpose,
    details: { ...target, fields, consentId: release.consentId },
  });
  if (overrideReason) {
    await logCaseAccess(tx, c.actor, {
      action: 'override',
      entityType: 'release',
      entityId: release.id,
      caseId: caseRow.id,
      personId: person.id,
      purpose: overrideReason,
      details: { consentPurpose: 'data_release', ...target },
    });
  }
  return presentRelease(release, await providerNames(tx, [release.providerId]));
}
