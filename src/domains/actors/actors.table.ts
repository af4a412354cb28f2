import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import { day } from './day.ts';
import type { ConsentPurpose, ContactChannel, OrganisationType, RelationshipKind } from '../../shared/contracts/actors.ts';
import { providers } from '../providers/provider.table.ts';

/**
 * Organisation (Akteur): association, provider, authority, company … that works in the local
 * integration landscape. `normName` and `domains` are maintained by the service for duplicate
 * detection (trigram similarity of the normalised name; same web or mail domain).
 */
export const organisations = pgTable(
  'organisations',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    normName: text('norm_name').notNull(),
    type: text('type').$type<OrganisationType>().notNull().default('other'),
    description: text('description').notNull().default(''),
    street: text('street'),
    postcode: text('postcode'),
    town: text('town'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    /** Lower-case web and mail domains (without www., without free-mail providers). */
    domains: text('domains').array().notNull().default(sql`ARRAY[]::text[]`),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    fieldIds: uuid('field_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    targetGroupIds: uuid('target_group_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    /** Districts the organisation works in; empty = the whole municipality. */
    areaIds: uuid('area_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    /** Its record in the offer directory, if it runs offers. */
    providerId: uuid('provider_id'),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    uniqueIndex('organisations_provider_uq').on(t.tenantId, t.providerId),
    index('organisations_norm_name_idx').on(t.tenantId, t.normName),
    index('organisations_norm_name_trgm_idx').using('gin', sql`${t.normName} gin_trgm_ops`),
    index('organisations_domains_idx').using('gin', t.domains),
    index('organisations_field_ids_idx').using('gin', t.fieldIds),
    index('organisations_target_group_ids_idx').using('gin', t.targetGroupIds),
    index('organisations_area_ids_idx').using('gin', t.areaIds),
  ],
);

/** Contact person (Ansprechperson), with GDPR contact preferences. */
export const contacts = pgTable(
  'contacts',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    normName: text('norm_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    jobFunction: text('job_function').notNull().default(''),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    notes: text('notes').notNull().default(''),
    preferredChannel: text('preferred_channel').$type<ContactChannel>().notNull().default('email'),
    optOutNewsletter: boolean('opt_out_newsletter').notNull().default(false),
    /** No invitations and minutes by mail (network mail). */
    optOutInvitations: boolean('opt_out_invitations').notNull().default(false),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('contacts_norm_name_idx').on(t.tenantId, t.normName),
    index('contacts_norm_name_trgm_idx').using('gin', sql`${t.normName} gin_trgm_ops`),
    index('contacts_email_idx').on(t.tenantId, sql`lower(${t.email})`),
  ],
);

/** Consent records of a contact: one row per grant; withdrawal keeps the row (history). */
export const contactConsents = pgTable(
  'contact_consents',
  {
    ...tenantColumns(),
    contactId: uuid('contact_id').notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    givenOn: day('given_on').notNull(),
    /** Where the consent came from: form, e-mail, in person … */
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }).onDelete('cascade'),
    index('contact_consents_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** A typed relationship over time: contact → organisation or organisation → organisation. */
export const actorRelationships = pgTable(
  'actor_relationships',
  {
    ...tenantColumns(),
    kind: text('kind').$type<RelationshipKind>().notNull(),
    fromContactId: uuid('from_contact_id'),
    fromOrganisationId: uuid('from_organisation_id'),
    toOrganisationId: uuid('to_organisation_id').notNull(),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    note: text('note').notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fromContactId], foreignColumns: [contacts.tenantId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.fromOrganisationId], foreignColumns: [organisations.tenantId, organisations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.toOrganisationId], foreignColumns: [organisations.tenantId, organisations.id] }).onDelete('cascade'),
    check('actor_relationships_one_source', sql`num_nonnulls(${t.fromContactId}, ${t.fromOrganisationId}) = 1`),
    check('actor_relationships_not_self', sql`${t.fromOrganisationId} IS NULL OR ${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    check('actor_relationships_period', sql`${t.endsOn} IS NULL OR ${t.startsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
    index('actor_relationships_to_idx').on(t.tenantId, t.toOrganisationId),
    index('actor_relationships_from_org_idx').on(t.tenantId, t.fromOrganisationId),
    index('actor_relationships_from_contact_idx').on(t.tenantId, t.fromContactId),
  ],
);

/** Merge history: the merged record as it was, and what moved to the survivor. */
export const actorMerges = pgTable(
  'actor_merges',
  {
    ...tenantColumns(),
    kind: text('kind').$type<'organisation' | 'contact'>().notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    mergedName: text('merged_name').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<Record<string, number>>().notNull(),
    mergedBy: text('merged_by'),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('actor_merges_survivor_idx').on(t.tenantId, t.survivorId)],
);
