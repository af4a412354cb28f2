import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { cryptoContext, type FieldCrypto } from '../../../security/fieldCrypto.ts';
import {
  type ConsentCheck,
  type ConsentCheckInput,
  OPEN_REFERRAL_STATES,
  type Referral,
  type ReferralState,
  type ShareField,
  type SharedSnapshot,
  type referralCreate,
} from '../../../shared/contracts/caseReferrals.ts';
import type { Actor } from '../../auth/roles.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { logCaseAccess } from '../accessLog.ts';
import type { CaseScope } from '../case.policy.ts';
import { type CaseRow, loadCaseWithPerson, type PersonRow } from '../caseLookup.ts';
import { type ConsentRecipient, type ConsentRow, findValidConsent, presentConsent, providerNames, today } from '../consents/consentService.ts';
import { resolveOffer, resolveProvider } from './directoryLookup.ts';
import { checkOverride, checkTransition, type TRANSITIONS } from './referral.policy.ts';
import { caseReferralEvents, caseReferrals } from './referrals.table.ts';

export type ReferralRow = typeof caseReferrals.$inferSelect;
export type ReferralEventRow = typeof caseReferralEvents.$inferSelect;

/** A short number partners and managers can name on the phone (no personal data). */
export const referralNumber = (id: string): string => `V-${id.slice(0, 8).toUpperCase()}`;

const snapshotContext = (tenantId: string) => cryptoContext(tenantId, 'case_referrals', 'snapshot_enc');
const feedbackContext = (tenantId: string) => cryptoContext(tenantId, 'case_referrals', 'feedback_enc');

export function readSnapshot(crypto: FieldCrypto, row: ReferralRow): SharedSnapshot {
  return JSON.parse(crypto.decrypt(row.snapshotEnc, snapshotContext(row.tenantId))) as SharedSnapshot;
}

export function readFeedback(crypto: FieldCrypto, row: ReferralRow): string | null {
  return crypto.decrypt(row.feedbackEnc, feedbackContext(row.tenantId));
}

export function encryptFeedback(crypto: FieldCrypto, tenantId: string, feedback: string): string {
  return crypto.encrypt(feedback, feedbackContext(tenantId));
}

/**
 * Copies the chosen values out of the person record. A chosen field without a value is refused
 * (400 naming `sharedFields`) rather than silently sent empty; the note is shared only if written.
 */
export function buildSnapshot(person: PersonRow, fields: readonly ShareField[], note: string): { snapshot: SharedSnapshot; fields: ShareField[] } {
  const chosen = [...new Set(fields)].filter((f) => f !== 'note' || note.trim() !== '');
  const snapshot: SharedSnapshot = {};
  const missing = (what: string) => new AppError('validation_failed', `The person record has no ${what} to share`, { field: 'sharedFields' });
  for (const field of chosen) {
    switch (field) {
      case 'givenName':
        snapshot.givenName = person.givenName;
        break;
      case 'familyInitial':
        snapshot.familyInitial = `${[...person.familyName.trim()][0] ?? ''}.`;
        break;
      case 'familyName':
        snapshot.familyName = person.familyName;
        break;
      case 'birthYear':
        if (!person.birthDate) throw missing('birth date');
        snapshot.birthYear = Number(person.birthDate.slice(0, 4));
        break;
      case 'languages':
        snapshot.languages = [...person.languages];
        break;
      case 'phone':
        if (!person.phone) throw missing('phone number');
        snapshot.phone = person.phone;
        break;
      case 'email':
        if (!person.email) throw missing('e-mail address');
        snapshot.email = person.email;
        break;
      case 'note':
        snapshot.note = note.trim();
        break;
    }
  }
  return { snapshot, fields: chosen };
}

export interface ReferralContext {
  tenant: Tenant;
  actor: Actor;
  scope: CaseScope;
  crypto: FieldCrypto;
}

function presentReferral(crypto: FieldCrypto, row: ReferralRow, events: ReferralEventRow[], names: Map<string, string>): Referral {
  return {
    id: row.id,
    number: referralNumber(row.id),
    caseId: row.caseId,
    personId: row.personId,
    kind: row.kind,
    offer: row.offerId ? { id: row.offerId, title: row.offerTitle ?? '' } : null,
    provider: row.providerId ? { id: row.providerId, name: names.get(row.providerId) ?? '' } : null,
    external: row.kind === 'external' ? { name: row.externalName ?? '', contact: row.externalContact ?? '' } : null,
    state: row.state,
    sharedFields: row.sharedFields,
    shared: readSnapshot(crypto, row),
    reason: row.reason,
    feedback: readFeedback(crypto, row),
    consentId: row.consentId,
    overrideReason: row.overrideReason,
    sentByLabel: row.sentByLabel,
    sentAt: row.sentAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    rejectedAt: row.rejectedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    history: events.map((e) => ({
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      actorLabel: e.actorLabel,
      side: e.actorRole === 'partner_editor' ? 'partner' : 'office',
      at: e.at.toISOString(),
    })),
  };
}

async function presentMany(tx: Tx, crypto: FieldCrypto, rows: ReferralRow[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const events = await tx.db
    .select()
    .from(caseReferralEvents)
    .where(
      inArray(
        caseReferralEvents.referralId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(caseReferralEvents.at), asc(caseReferralEvents.id));
  const names = await providerNames(
    tx,
    rows.map((r) => r.providerId),
  );
  return rows.map((r) =>
    presentReferral(
      crypto,
      r,
      events.filter((e) => e.referralId === r.id),
      names,
    ),
  );
}

/** The case's referrals with their history, newest first (one logged read). */
export async function listCaseReferrals(tx: Tx, c: ReferralContext, caseId: string): Promise<{ personId: string; restricted: boolean; items: Referral[] }> {
  const { case: row, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'read');
  const rows = await tx.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, row.id)).orderBy(desc(caseReferrals.sentAt), desc(caseReferrals.id));
  await logCaseAccess(tx, c.actor, { action: 'read', entityType: 'referral', caseId: row.id, personId: person.id, details: { count: rows.length } });
  return { personId: person.id, restricted: person.restricted, items: await presentMany(tx, c.crypto, rows) };
}

async function loadReferral(tx: Tx, caseRow: CaseRow, id: string): Promise<ReferralRow> {
  const [row] = await tx.db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.id, id), eq(caseReferrals.caseId, caseRow.id)));
  if (!row) throw new AppError('not_found', 'Referral not found');
  return row;
}

export async function getCaseReferral(tx: Tx, c: ReferralContext, caseId: string, id: string): Promise<Referral> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'read');
  const row = await loadReferral(tx, caseRow, id);
  await logCaseAccess(tx, c.actor, { action: 'read', entityType: 'referral', entityId: row.id, caseId: caseRow.id, personId: person.id });
  const [presented] = await presentMany(tx, c.crypto, [row]);
  return presented!;
}

/** The consent rule of referrals and releases: valid consent, or an override with permission and reason. */
export async function requireConsentOrOverride(
  tx: Tx,
  actor: Actor,
  args: {
    person: PersonRow;
    caseRow: CaseRow;
    purpose: 'referral' | 'data_release';
    recipient: ConsentRecipient;
    on: string;
    override: { reason: string } | undefined;
  },
): Promise<{ consent: ConsentRow | null; overrideReason: string | null }> {
  checkOverride(actor, args.override);
  const consent = await findValidConsent(tx, args.person.id, args.purpose, args.recipient, args.on, args.caseRow.id);
  if (consent) return { consent, overrideReason: null };
  if (!args.override) {
    throw new AppError(
      'consent_required',
      args.purpose === 'referral'
        ? 'No valid consent of the person for a referral to this recipient: record the consent first'
        : 'No valid consent of the person for releasing data to this recipient: record the consent first',
      { field: 'consent', details: { purpose: args.purpose } },
    );
  }
  return { consent: null, overrideReason: args.override.reason.trim() };
}

export interface CreatedReferral {
  referral: Referral;
  /** the provider whose partner accounts are told (after commit), if any */
  notifyProviderId: string | null;
}

/**
 * Sends a referral in one transaction: case in scope and person not restricted, case open, target
 * valid (published offer → its provider, or an external service), no open referral to the same
 * target, valid consent for 'referral' to that recipient (or an override), snapshot of the shared
 * values, first history event, access log ('release', plus 'override' with the reason).
 */
export async function createReferral(tx: Tx, c: ReferralContext, caseId: string, input: z.infer<typeof referralCreate>): Promise<CreatedReferral> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'share');
  if (caseRow.state === 'closed') {
    throw new AppError('invalid_state_transition', 'A closed case sends no referrals: reopen it first', { field: 'state' });
  }
  if ((input.offerId ? 1 : 0) + (input.external ? 1 : 0) !== 1) {
    throw new AppError('validation_failed', 'Choose an offer of the directory or name an external service (exactly one)', { field: 'offerId' });
  }
  const offer = input.offerId ? await resolveOffer(tx, c.tenant, input.offerId) : null;
  const external = input.external ? { name: input.external.name.trim().replace(/\s+/g, ' '), contact: input.external.contact.trim() } : null;

  const open = await tx.db
    .select({ id: caseReferrals.id })
    .from(caseReferrals)
    .where(
      and(
        eq(caseReferrals.caseId, caseRow.id),
        inArray(caseReferrals.state, [...OPEN_REFERRAL_STATES]),
        offer ? eq(caseReferrals.offerId, offer.offerId) : sql`lower(${caseReferrals.externalName}) = ${external!.name.toLowerCase()}`,
      ),
    )
    .limit(1);
  if (open.length > 0) {
    throw new AppError('duplicate', 'There is already an open referral of this case to this offer', {
      field: offer ? 'offerId' : 'external.name',
      details: { referralId: open[0]!.id },
    });
  }

  const recipient: ConsentRecipient = offer ? { type: 'provider', providerId: offer.providerId } : { type: 'external', name: external!.name };
  const { consent, overrideReason } = await requireConsentOrOverride(tx, c.actor, {
    person,
    caseRow,
    purpose: 'referral',
    recipient,
    on: today(),
    override: input.override,
  });
  const { snapshot, fields } = buildSnapshot(person, input.sharedFields, input.note);
  const now = new Date();
  const [row] = await tx.db
    .insert(caseReferrals)
    .values({
      tenantId: tx.tenantId!,
      caseId: caseRow.id,
      personId: person.id,
      kind: offer ? 'offer' : 'external',
      offerId: offer?.offerId ?? null,
      providerId: offer?.providerId ?? null,
      offerTitle: offer?.title ?? null,
      externalName: external?.name ?? null,
      externalContact: external?.contact ?? null,
      state: 'sent',
      sharedFields: fields,
      snapshotEnc: c.crypto.encrypt(JSON.stringify(snapshot), snapshotContext(tx.tenantId!)),
      consentId: consent?.id ?? null,
      overrideReason,
      sentBy: c.actor.userId,
      sentByLabel: c.actor.email,
      sentByName: c.actor.name,
      sentAt: now,
      updatedAt: now,
    })
    .returning();
  const referral = row!;
  await tx.db.insert(caseReferralEvents).values({
    tenantId: tx.tenantId!,
    referralId: referral.id,
    caseId: caseRow.id,
    personId: person.id,
    fromState: null,
    toState: 'sent',
    actorId: c.actor.userId,
    actorLabel: c.actor.email,
    actorRole: c.actor.role,
    at: now,
  });
  const target = { kind: referral.kind, offerId: referral.offerId, providerId: referral.providerId };
  await logCaseAccess(tx, c.actor, {
    action: 'release',
    entityType: 'referral',
    entityId: referral.id,
    caseId: caseRow.id,
    personId: person.id,
    details: { ...target, sharedFields: fields, consentId: referral.consentId },
  });
  if (overrideReason) {
    await logCaseAccess(tx, c.actor, {
      action: 'override',
      entityType: 'referral',
      entityId: referral.id,
      caseId: caseRow.id,
      personId: person.id,
      purpose: overrideReason,
      details: { consentPurpose: 'referral', ...target },
    });
  }
  const [presented] = await presentMany(tx, c.crypto, [referral]);
  return { referral: presented!, notifyProviderId: referral.providerId };
}

/**
 * Applies a state change (by the office or the partner) with its history event; the UPDATE checks
 * the state it read, so two concurrent decisions cannot both win (the second gets 409).
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  row: ReferralRow,
  transition: keyof typeof TRANSITIONS,
  extra: { reason?: string | null; feedbackEnc?: string | null } = {},
): Promise<ReferralRow> {
  const to: ReferralState = checkTransition(row.state, transition);
  const now = new Date();
  const stamp =
    to === 'accepted' ? { acceptedAt: now } : to === 'rejected' ? { rejectedAt: now } : to === 'done' ? { completedAt: now } : { revokedAt: now };
  const [updated] = await tx.db
    .update(caseReferrals)
    .set({
      state: to,
      ...stamp,
      ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
      ...(extra.feedbackEnc !== undefined ? { feedbackEnc: extra.feedbackEnc } : {}),
      updatedAt: now,
      version: row.version + 1,
    })
    .where(and(eq(caseReferrals.id, row.id), eq(caseReferrals.version, row.version)))
    .returning();
  if (!updated) throw new AppError('conflict', 'The referral was changed at the same time; please reload');
  await tx.db.insert(caseReferralEvents).values({
    tenantId: tx.tenantId!,
    referralId: row.id,
    caseId: row.caseId,
    personId: row.personId,
    fromState: row.state,
    toState: to,
    reason: extra.reason ?? null,
    actorId: actor.userId,
    actorLabel: actor.email,
    actorRole: actor.role,
    at: now,
  });
  return updated;
}

/** The office withdraws a sent or accepted referral (reason required); the partner loses the shared data. */
export async function revokeReferral(tx: Tx, c: ReferralContext, caseId: string, id: string, reason: string): Promise<Referral> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'read');
  const row = await loadReferral(tx, caseRow, id);
  const updated = await applyTransition(tx, c.actor, row, 'revoke', { reason: reason.trim() });
  await logCaseAccess(tx, c.actor, {
    action: 'update',
    entityType: 'referral',
    entityId: row.id,
    caseId: caseRow.id,
    personId: person.id,
    details: { from: row.state, to: updated.state },
  });
  const [presented] = await presentMany(tx, c.crypto, [updated]);
  return presented!;
}

/** Whether consent allows a referral/release to the target today — for the form, before sending. */
export async function checkConsentForCase(tx: Tx, c: ReferralContext, caseId: string, input: ConsentCheckInput): Promise<ConsentCheck> {
  const { case: caseRow, person } = await loadCaseWithPerson(tx, c.scope, caseId, 'read');
  const given = [input.offerId, input.providerId, input.externalName].filter(Boolean).length;
  if (given !== 1) throw new AppError('validation_failed', 'Name exactly one of offerId, providerId or externalName', { field: 'offerId' });
  let recipient: ConsentRecipient;
  if (input.offerId) recipient = { type: 'provider', providerId: (await resolveOffer(tx, c.tenant, input.offerId)).providerId };
  else if (input.providerId) recipient = { type: 'provider', providerId: (await resolveProvider(tx, input.providerId, 'providerId')).id };
  else recipient = { type: 'external', name: input.externalName! };
  const consent = await findValidConsent(tx, person.id, input.purpose, recipient, today(), caseRow.id);
  await logCaseAccess(tx, c.actor, {
    action: 'read',
    entityType: 'consent',
    entityId: consent?.id ?? null,
    caseId: caseRow.id,
    personId: person.id,
    details: { check: input.purpose, valid: consent !== null },
  });
  return {
    valid: consent !== null,
    consent: consent ? presentConsent(consent, await providerNames(tx, [consent.providerId])) : null,
    canOverride: c.actor.consentOverride,
    restricted: person.restricted,
  };
}
