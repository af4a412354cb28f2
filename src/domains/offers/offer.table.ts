import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import { tsvector } from '../../db/types.ts';
import { providers } from '../providers/provider.table.ts';
import { tenants } from '../tenants/tenant.table.ts';

export const OFFER_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A partner's change to a published offer, waiting for review by the office. */
export interface PendingOfferChange {
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
  /** The proposed offer input (same shape as an update request). */
  data: Record<string, unknown>;
}

/**
 * Angebot. Language-independent facts live here; texts live in offer_translations, one row per
 * language, the tenant's default language being the source. References to taxonomy entries and
 * locations are arrays (fast filtering and facet counts); a trigger checks they exist in the same
 * tenant.
 */
export const offers = pgTable(
  'offers',
  {
    ...tenantColumns(),
    providerId: uuid('provider_id').notNull(),
    status: text('status').$type<OfferStatus>().notNull().default('draft'),
    /** Incremented by every non-minor edit of the source text; translations record the version they follow. */
    sourceVersion: integer('source_version').notNull().default(1),
    /** Per translatable field: the sourceVersion at which it last changed non-minorly (absent = sourceVersion, as before per-field tracking). */
    fieldVersions: jsonb('field_versions').$type<FieldVersions>().notNull().default({}),
    /** Optimistic concurrency: incremented on every write. */
    version: integer('version').notNull().default(1),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    freeOfCharge: boolean('free_of_charge').notNull().default(false),
    childcare: boolean('childcare').notNull().default(false),
    barrierFree: boolean('barrier_free').notNull().default(false),
    online: boolean('online').notNull().default(false),
    inPerson: boolean('in_person').notNull().default(true),
    signupUrl: text('signup_url'),
    email: text('email'),
    phone: text('phone'),
    fieldIds: uuid('field_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    targetGroupIds: uuid('target_group_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    areaIds: uuid('area_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    locationIds: uuid('location_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    pendingChange: jsonb('pending_change').$type<PendingOfferChange | null>(),
    /** Maintained by trigger from all translations (weighted title > summary > description). */
    searchTsv: tsvector('search_tsv'),
    /** Maintained by trigger: titles of all translations only, small enough to rank in-row. */
    titleTsv: tsvector('title_tsv').notNull().default(sql`''::tsvector`),
    /** Maintained by trigger: unaccented lower-case titles and summaries, for typo tolerance. */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    ...timestamps(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    index('offers_status_idx').on(t.tenantId, t.status),
    index('offers_provider_idx').on(t.tenantId, t.providerId),
    index('offers_search_tsv_idx').using('gin', t.searchTsv),
    index('offers_search_text_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('offers_field_ids_idx').using('gin', t.fieldIds),
    index('offers_target_group_ids_idx').using('gin', t.targetGroupIds),
    index('offers_area_ids_idx').using('gin', t.areaIds),
    index('offers_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

/**
 * The distinct words of a tenant's offer titles and summaries (unaccented, lower-case): typo
 * tolerance matches query words against this short list by trigram similarity. Maintained by
 * lotse_refresh_offer_search.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    term: text('term').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.term] }), index('search_terms_term_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

export const TRANSLATABLE_OFFER_FIELDS = [
  'title',
  'summary',
  'description',
  'costs',
  'requirements',
  'registration',
] as const;
export type TranslatableOfferField = (typeof TRANSLATABLE_OFFER_FIELDS)[number];
/** Field → version; see offers.fieldVersions and offer_translations.fieldVersions. */
export type FieldVersions = Partial<Record<TranslatableOfferField, number>>;

export const offerTranslations = pgTable(
  'offer_translations',
  {
    tenantId: uuid('tenant_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    costs: text('costs').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    registration: text('registration').notNull().default(''),
    /** The offer's sourceVersion this text follows; older means outdated. */
    sourceVersion: integer('source_version').notNull().default(1),
    /** Per field: the offer's field version this text follows (absent = sourceVersion of this row). */
    fieldVersions: jsonb('field_versions').$type<FieldVersions>().notNull().default({}),
    machine: boolean('machine').notNull().default(false),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerId, t.lang] }),
    foreignKey({ columns: [t.tenantId, t.offerId], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade'),
  ],
);

/** Change history of an offer: who changed what, when. */
export const offerRevisions = pgTable(
  'offer_revisions',
  {
    ...tenantColumns(),
    offerId: uuid('offer_id').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    action: text('action').notNull(),
    /** field → [before, after] */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    minor: boolean('minor').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offerId], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade'),
    index('offer_revisions_offer_idx').on(t.tenantId, t.offerId, t.createdAt),
  ],
);
