import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from '../../../db/columns.ts';
import type { ReferralState, ReleaseField, ShareField } from '../../../shared/contracts/caseReferrals.ts';
import { offers } from '../../offers/offer.table.ts';
import { providers } from '../../providers/provider.table.ts';
import { caseSubjectColumns, caseSubjectKeys } from '../caseSubject.ts';
import { caseConsents } from '../consents/consents.table.ts';

/**
 * A referral (Vermittlung) of a person in a case to an offer of the directory (its provider is the
 * recipient) or to an external service: sent → accepted | rejected (reason) → done (feedback);
 * sent/accepted → revoked by the office. The shared values are copied into an encrypted snapshot
 * when the referral is sent — the partner never reads the live person record. Erased with the
 * person or the case (ON DELETE CASCADE).
 */
export const caseReferrals = pgTable(
  'case_referrals',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    kind: text('kind').$type<'offer' | 'external'>().notNull(),
    offerId: uuid('offer_id'),
    providerId: uuid('provider_id'),
    /** the offer's title when the referral was sent (not personal data) */
    offerTitle: text('offer_title'),
    externalName: text('external_name'),
    externalContact: text('external_contact'),
    state: text('state').$type<ReferralState>().notNull().default('sent'),
    sharedFields: text('shared_fields').array().$type<ShareField[]>().notNull(),
    /** encrypted JSON of the shared values at sending time */
    snapshotEnc: text('snapshot_enc').notNull(),
    consentId: uuid('consent_id'),
    /** sent without valid consent: the reason given with the override permission */
    overrideReason: text('override_reason'),
    /** reason of a rejection (partner) or revocation (office) */
    reason: text('reason'),
    /** encrypted: the provider's feedback on completion */
    feedbackEnc: text('feedback_enc'),
    sentBy: text('sent_by'),
    sentByLabel: text('sent_by_label').notNull().default(''),
    sentByName: text('sent_by_name').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    foreignKey({ columns: [t.tenantId, t.offerId], foreignColumns: [offers.tenantId, offers.id] }),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    foreignKey({ columns: [t.tenantId, t.consentId], foreignColumns: [caseConsents.tenantId, caseConsents.id] }),
    index('case_referrals_case_idx').on(t.tenantId, t.caseId, t.sentAt),
    index('case_referrals_inbox_idx').on(t.tenantId, t.providerId, t.sentAt),
    index('case_referrals_sent_idx').on(t.tenantId, t.sentAt),
    // erasure: ON DELETE CASCADE from persons and the consent check on deleting consents look these up
    index('case_referrals_person_idx').on(t.tenantId, t.personId),
    index('case_referrals_consent_idx').on(t.tenantId, t.consentId),
    // One open referral per case and offer (or external service): double submits are refused.
    uniqueIndex('case_referrals_open_offer_unique')
      .on(t.tenantId, t.caseId, t.offerId)
      .where(sql`${t.state} IN ('sent', 'accepted') AND ${t.offerId} IS NOT NULL`),
    uniqueIndex('case_referrals_open_external_unique')
      .on(t.tenantId, t.caseId, sql`lower(${t.externalName})`)
      .where(sql`${t.state} IN ('sent', 'accepted') AND ${t.externalName} IS NOT NULL`),
    check(
      'case_referrals_target_check',
      sql`(${t.kind} = 'offer' AND ${t.offerId} IS NOT NULL AND ${t.providerId} IS NOT NULL) OR (${t.kind} = 'external' AND ${t.externalName} IS NOT NULL)`,
    ),
  ],
);

/** Every state change of a referral, by the office or the partner, with its time and reason. */
export const caseReferralEvents = pgTable(
  'case_referral_events',
  {
    ...tenantColumns(),
    referralId: uuid('referral_id').notNull(),
    ...caseSubjectColumns(),
    fromState: text('from_state').$type<ReferralState>(),
    toState: text('to_state').$type<ReferralState>().notNull(),
    reason: text('reason'),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull().default(''),
    actorRole: text('actor_role').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [caseReferrals.tenantId, caseReferrals.id] }).onDelete('cascade'),
    ...caseSubjectKeys(t),
    index('case_referral_events_referral_idx').on(t.tenantId, t.referralId, t.at),
    // erasure: ON DELETE CASCADE from cases and persons
    index('case_referral_events_case_idx').on(t.tenantId, t.caseId),
    index('case_referral_events_person_idx').on(t.tenantId, t.personId),
  ],
);

/**
 * A release of case data to a third party (Datenweitergabe): recipient, purpose, which data, on
 * which day, under which consent (or the override reason). The record of what left the office.
 */
export const caseReleases = pgTable(
  'case_releases',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    recipientType: text('recipient_type').$type<'provider' | 'external'>().notNull(),
    providerId: uuid('provider_id'),
    recipientName: text('recipient_name'),
    purpose: text('purpose').notNull(),
    fields: text('fields').array().$type<ReleaseField[]>().notNull(),
    releasedOn: date('released_on', { mode: 'string' }).notNull(),
    consentId: uuid('consent_id'),
    overrideReason: text('override_reason'),
    releasedBy: text('released_by'),
    releasedByLabel: text('released_by_label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    foreignKey({ columns: [t.tenantId, t.consentId], foreignColumns: [caseConsents.tenantId, caseConsents.id] }),
    index('case_releases_case_idx').on(t.tenantId, t.caseId, t.releasedOn),
    // erasure: ON DELETE CASCADE from persons, the consent check on deleting consents
    index('case_releases_person_idx').on(t.tenantId, t.personId),
    index('case_releases_consent_idx').on(t.tenantId, t.consentId),
  ],
);
