import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import {
  type Consent,
  type ConsentPurpose,
  type ConsentStatus,
  type ConsentWithdrawal,
  type consentInput,
  PURPOSE_ALLOWS_ANY_PROVIDER,
} from '../../../shared/contracts/caseReferrals.ts';
import type { z } from 'zod';
import type { Actor } from '../../auth/roles.ts';
import { providers } from '../../providers/provider.table.ts';
import { logCaseAccess } from '../accessLog.ts';
import { caseInScope, caseScope } from '../case.policy.ts';
import { cases } from '../case.table.ts';
import type { PersonRow } from '../caseLookup.ts';
import { caseReferralEvents, caseReferrals } from '../referrals/referrals.table.ts';
import { consentTexts, caseConsents } from './consents.table.ts';

export type ConsentRow = typeof caseConsents.$inferSelect;

/** Today's date in the office's time zone (German municipalities: Europe/Berlin), YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A consent's status on a day: valid, not yet valid (given later), expired or withdrawn. */
export function consentStatus(row: Pick<ConsentRow, 'givenOn' | 'expiresOn' | 'withdrawnOn'>, on: string = today()): ConsentStatus {
  if (row.withdrawnOn !== null && row.withdrawnOn <= on) return 'withdrawn';
  if (row.givenOn > on) return 'not_yet_valid';
  if (row.expiresOn !== null && row.expiresOn < on) return 'expired';
  return 'valid';
}

/** Whom data goes to: a provider of the directory, or an external recipient by name. */
export type ConsentRecipient = { type: 'provider'; providerId: string } | { type: 'external'; name: string };

const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The consent that allows `purpose` towards `recipient` on day `on` for the person, or null:
 * given on or before `on`, not expired (expires_on is the last valid day), not withdrawn by then
 * (withdrawn_on is the first day it no longer holds), for exactly that provider — or for any
 * provider where the purpose allows it — or for that external recipient (name compared without
 * case and extra spaces). A consent bound to a case holds only for that case; pass `caseId` when
 * the processing belongs to one. The most specific, then the most recent consent wins.
 */
export async function findValidConsent(
  tx: Tx,
  personId: string,
  purpose: ConsentPurpose,
  recipient: ConsentRecipient,
  on: string,
  caseId?: string | null,
): Promise<ConsentRow | null> {
  const recipientMatch =
    recipient.type === 'provider'
      ? PURPOSE_ALLOWS_ANY_PROVIDER[purpose]
        ? or(and(eq(caseConsents.recipientType, 'provider'), eq(caseConsents.providerId, recipient.providerId)), eq(caseConsents.recipientType, 'any_provider'))
        : and(eq(caseConsents.recipientType, 'provider'), eq(caseConsents.providerId, recipient.providerId))
      : and(
          eq(caseConsents.recipientType, 'external'),
          sql`lower(regexp_replace(btrim(${caseConsents.recipientName}), '\\s+', ' ', 'g')) = ${normalizeName(recipient.name)}`,
        );
  const caseMatch = caseId ? or(isNull(caseConsents.caseId), eq(caseConsents.caseId, caseId)) : isNull(caseConsents.caseId);
  const [row] = await tx.db
    .select()
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.personId, personId),
        eq(caseConsents.purpose, purpose),
        lte(caseConsents.givenOn, on),
        or(isNull(caseConsents.expiresOn), gte(caseConsents.expiresOn, on)),
        or(isNull(caseConsents.withdrawnOn), gt(caseConsents.withdrawnOn, on)),
        caseMatch,
        recipientMatch,
      ),
    )
    .orderBy(sql`case when ${caseConsents.recipientType} = 'any_provider' then 1 else 0 end`, desc(caseConsents.givenOn), desc(caseConsents.createdAt))
    .limit(1);
  return row ?? null;
}

/** Provider names for presenting recipients. */
export async function providerNames(tx: Tx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function presentConsent(row: ConsentRow, names: Map<string, string>, on: string = today()): Consent {
  return {
    id: row.id,
    personId: row.personId,
    caseId: row.caseId,
    purpose: row.purpose,
    recipient: {
      type: row.recipientType,
      providerId: row.providerId,
      name: row.recipientType === 'provider' ? (names.get(row.providerId ?? '') ?? null) : row.recipientType === 'external' ? row.recipientName : null,
    },
    textId: row.textId,
    textVersion: row.textVersion,
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    withdrawnOn: row.withdrawnOn,
    status: consentStatus(row, on),
    recordedByLabel: row.recordedByLabel,
    recordedAt: row.createdAt.toISOString(),
    withdrawnByLabel: row.withdrawnByLabel,
  };
}

/** The person's consents, newest first, logged as one read of the person's consent register. */
export async function listConsents(tx: Tx, actor: Actor, person: PersonRow): Promise<Consent[]> {
  const rows = await tx.db
    .select()
    .from(caseConsents)
    .where(eq(caseConsents.personId, person.id))
    .orderBy(desc(caseConsents.givenOn), desc(caseConsents.createdAt));
  await logCaseAccess(tx, actor, { action: 'read', entityType: 'consent', personId: person.id, details: { count: rows.length } });
  const names = await providerNames(tx, rows.map((r) => r.providerId));
  return rows.map((r) => presentConsent(r, names));
}

/** Records a consent (the person must not be restricted: Art. 18 blocks new processing). */
export async function recordConsent(tx: Tx, actor: Actor, person: PersonRow, input: z.infer<typeof consentInput>): Promise<Consent> {
  const on = today();
  if (input.givenOn > on) throw new AppError('validation_failed', 'The date of consent cannot lie in the future', { field: 'givenOn' });
  const expiresOn = input.expiresOn ?? null;
  if (expiresOn !== null && expiresOn <= input.givenOn) {
    throw new AppError('validation_failed', 'The consent must expire after the day it was given', { field: 'expiresOn' });
  }
  const recipient = input.recipient;
  if (recipient.type === 'any_provider' && !PURPOSE_ALLOWS_ANY_PROVIDER[input.purpose]) {
    throw new AppError('validation_failed', 'This purpose needs a named recipient, not "any provider"', { field: 'recipient.type' });
  }
  if (recipient.type === 'provider') {
    const [provider] = await tx.db.select().from(providers).where(eq(providers.id, recipient.providerId));
    if (!provider || provider.archivedAt) throw new AppError('validation_failed', 'Unknown provider', { field: 'recipient.providerId' });
  }
  if (input.caseId) {
    const [owned] = await tx.db
      .select({ id: cases.id, ownerId: cases.ownerId, teamId: cases.teamId })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.personId, person.id)));
    // a case of the person outside the actor's scope (another team's) is named like an unknown one
    if (!owned || !caseInScope(caseScope(actor), owned)) throw new AppError('validation_failed', 'The case does not belong to this person', { field: 'caseId' });
  }
  const text = await consentTextFor(tx, input.purpose, input.textId);
  const [row] = await tx.db
    .insert(caseConsents)
    .values({
      tenantId: tx.tenantId!,
      personId: person.id,
      caseId: input.caseId ?? null,
      purpose: input.purpose,
      recipientType: recipient.type,
      providerId: recipient.type === 'provider' ? recipient.providerId : null,
      recipientName: recipient.type === 'external' ? recipient.name.trim().replace(/\s+/g, ' ') : null,
      textId: text.id,
      textVersion: text.version,
      givenOn: input.givenOn,
      expiresOn,
      recordedBy: actor.userId,
      recordedByLabel: actor.email,
    })
    .returning();
  await logCaseAccess(tx, actor, {
    action: 'create',
    entityType: 'consent',
    entityId: row!.id,
    personId: person.id,
    caseId: row!.caseId,
    details: { purpose: row!.purpose, recipientType: row!.recipientType, providerId: row!.providerId, textVersion: row!.textVersion },
  });
  return presentConsent(row!, await providerNames(tx, [row!.providerId]));
}

/** The given text version of the purpose, or its current version. */
async function consentTextFor(tx: Tx, purpose: ConsentPurpose, textId: string | undefined): Promise<typeof consentTexts.$inferSelect> {
  if (textId) {
    const [text] = await tx.db.select().from(consentTexts).where(eq(consentTexts.id, textId));
    if (!text || text.purpose !== purpose) throw new AppError('validation_failed', 'Unknown consent text for this purpose', { field: 'textId' });
    return text;
  }
  const [current] = await tx.db.select().from(consentTexts).where(eq(consentTexts.purpose, purpose)).orderBy(desc(consentTexts.version)).limit(1);
  if (!current) {
    throw new AppError('validation_failed', 'There is no consent text for this purpose yet: the integration lead records one first', { field: 'textId' });
  }
  return current;
}

export const WITHDRAWAL_REASON = 'Einwilligung widerrufen / consent withdrawn';

/**
 * Records the withdrawal as a dated event (the consent stays in the register). Open referrals that
 * rest on the consent are revoked in the same transaction: the partner loses sight of the shared
 * data. Possible even for restricted persons (it reduces processing).
 */
export async function withdrawConsent(
  tx: Tx,
  actor: Actor,
  person: PersonRow,
  consentId: string,
  input: ConsentWithdrawal,
): Promise<{ consent: Consent; revokedReferralIds: string[] }> {
  const [before] = await tx.db
    .select()
    .from(caseConsents)
    .where(and(eq(caseConsents.id, consentId), eq(caseConsents.personId, person.id)));
  if (!before) throw new AppError('not_found', 'Consent not found');
  if (before.withdrawnOn !== null) {
    throw new AppError('invalid_state_transition', 'The consent has already been withdrawn', { field: 'withdrawnOn' });
  }
  if (input.withdrawnOn > today()) throw new AppError('validation_failed', 'The withdrawal cannot lie in the future', { field: 'withdrawnOn' });
  if (input.withdrawnOn < before.givenOn) {
    throw new AppError('validation_failed', 'The withdrawal cannot lie before the day the consent was given', { field: 'withdrawnOn' });
  }
  const [row] = await tx.db
    .update(caseConsents)
    .set({ withdrawnOn: input.withdrawnOn, withdrawnBy: actor.userId, withdrawnByLabel: actor.email, withdrawnAt: new Date() })
    .where(and(eq(caseConsents.id, before.id), isNull(caseConsents.withdrawnOn)))
    .returning();
  if (!row) throw new AppError('conflict', 'The consent was changed at the same time; please reload');
  const open = await tx.db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.consentId, before.id), inArray(caseReferrals.state, ['sent', 'accepted'])))
    .orderBy(asc(caseReferrals.sentAt));
  const now = new Date();
  for (const referral of open) {
    await tx.db
      .update(caseReferrals)
      .set({ state: 'revoked', reason: WITHDRAWAL_REASON, revokedAt: now, updatedAt: now, version: referral.version + 1 })
      .where(eq(caseReferrals.id, referral.id));
    await tx.db.insert(caseReferralEvents).values({
      tenantId: tx.tenantId!,
      referralId: referral.id,
      caseId: referral.caseId,
      personId: referral.personId,
      fromState: referral.state,
      toState: 'revoked',
      reason: WITHDRAWAL_REASON,
      actorId: actor.userId,
      actorLabel: actor.email,
      actorRole: actor.role,
      at: now,
    });
  }
  await logCaseAccess(tx, actor, {
    action: 'update',
    entityType: 'consent',
    entityId: row.id,
    personId: person.id,
    caseId: row.caseId,
    details: { withdrawn: true, revokedReferrals: open.map((r) => r.id) },
  });
  return { consent: presentConsent(row, await providerNames(tx, [row.providerId])), revokedReferralIds: open.map((r) => r.id) };
}
