import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from '../../../db/columns.ts';
import type { ConsentPurpose, RecipientType } from '../../../shared/contracts/caseReferrals.ts';
import { providers } from '../../providers/provider.table.ts';
import { cases, persons } from '../case.table.ts';

/**
 * The wording a person consents to, versioned per tenant and purpose. A version is never changed
 * once written (a consent names the exact text it was given for): a new wording is a new version.
 */
export const consentTexts = pgTable(
  'consent_texts',
  {
    ...tenantColumns(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    version: integer('version').notNull(),
    /** German source text */
    body: text('body').notNull(),
    /** language → translated text (shown to the person) */
    translations: jsonb('translations').$type<Record<string, string>>().notNull().default({}),
    createdBy: text('created_by'),
    createdByLabel: text('created_by_label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('consent_texts_version_unique').on(t.tenantId, t.purpose, t.version)],
);

/**
 * The consent register (Einwilligungen): per person (optionally bound to one case) a purpose, a
 * recipient (a provider of the directory, an external recipient by name, or any provider where the
 * purpose allows), the text version, given/expiry dates and the withdrawal — a dated event, never a
 * delete. Erased with the person (ON DELETE CASCADE).
 */
export const caseConsents = pgTable(
  'case_consents',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id'),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    recipientType: text('recipient_type').$type<RecipientType>().notNull(),
    providerId: uuid('provider_id'),
    recipientName: text('recipient_name'),
    textId: uuid('text_id').notNull(),
    textVersion: integer('text_version').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    /** last day the consent holds (inclusive); null = until withdrawn */
    expiresOn: date('expires_on', { mode: 'string' }),
    /** first day the consent no longer holds */
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: text('withdrawn_by'),
    withdrawnByLabel: text('withdrawn_by_label'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedBy: text('recorded_by'),
    recordedByLabel: text('recorded_by_label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    foreignKey({ columns: [t.tenantId, t.textId], foreignColumns: [consentTexts.tenantId, consentTexts.id] }),
    index('case_consents_person_idx').on(t.tenantId, t.personId, t.purpose),
    // erasure: ON DELETE CASCADE from cases
    index('case_consents_case_idx').on(t.tenantId, t.caseId),
    check('case_consents_expiry_check', sql`${t.expiresOn} IS NULL OR ${t.expiresOn} > ${t.givenOn}`),
    check('case_consents_withdrawal_check', sql`${t.withdrawnOn} IS NULL OR ${t.withdrawnOn} >= ${t.givenOn}`),
    check(
      'case_consents_recipient_check',
      sql`(${t.recipientType} = 'provider' AND ${t.providerId} IS NOT NULL) OR (${t.recipientType} = 'external' AND ${t.recipientName} IS NOT NULL) OR (${t.recipientType} = 'any_provider')`,
    ),
  ],
);
