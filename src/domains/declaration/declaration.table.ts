import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import type { DeclarationSector, SignatureState } from '../../shared/contracts/declaration.ts';
import type { LocalizedText } from '../taxonomy/taxonomy.table.ts';
import { tenants } from '../tenants/tenant.table.ts';

/** Raw bytes (logos). PGlite hands out Uint8Array, node-postgres Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value as Uint8Array),
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Erklärung / Bündnis: a local declaration that organisations sign publicly (e.g. the "Mannheimer
 * Erklärung für ein Zusammenleben in Vielfalt"). A tenant may run several; the navigator shows
 * the published ones.
 */
export const declarations = pgTable(
  'declarations',
  {
    ...tenantColumns(),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    intro: jsonb('intro').$type<LocalizedText>().notNull().default({}),
    /** The declaration's text; blank lines separate paragraphs. */
    body: jsonb('body').$type<LocalizedText>().notNull(),
    sectors: jsonb('sectors').$type<DeclarationSector[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('declarations_slug_idx').on(t.tenantId, t.slug)],
);

/** States that block a second sign-up of the same organisation or e-mail address. */
export const ACTIVE_STATES_SQL = `state IN ('unconfirmed', 'awaiting_verification', 'verified')`;

/**
 * One organisation's signature. Lifecycle: unconfirmed (e-mail link pending) → awaiting_verification
 * (e-mail confirmed) → verified (public) | rejected; verified → withdrawn. Contact name and e-mail
 * are never public. The confirmation token is stored as a SHA-256 hash only.
 */
export const declarationSignatures = pgTable(
  'declaration_signatures',
  {
    ...tenantColumns(),
    declarationId: uuid('declaration_id').notNull(),
    state: text('state').$type<SignatureState>().notNull().default('unconfirmed'),
    organisation: text('organisation').notNull(),
    /** Normalised organisation name for duplicate detection ("Caritas e. V." = "caritas"). */
    nameKey: text('name_key').notNull(),
    sector: text('sector').notNull(),
    website: text('website'),
    statement: text('statement').notNull().default(''),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    /** Language of the signing page, for mails. */
    lang: text('lang').notNull().default('de'),
    consentAt: at('consent_at').notNull(),
    logo: bytea('logo'),
    logoType: text('logo_type'),
    logoHash: text('logo_hash'),
    tokenHash: text('token_hash'),
    tokenExpiresAt: at('token_expires_at'),
    /** Hash of the proof-of-work challenge used, so a solved challenge signs only once. */
    challengeHash: text('challenge_hash'),
    confirmedAt: at('confirmed_at'),
    verifiedAt: at('verified_at'),
    decidedBy: text('decided_by'),
    rejectedAt: at('rejected_at'),
    rejectionReason: text('rejection_reason'),
    withdrawnAt: at('withdrawn_at'),
    withdrawalReason: text('withdrawal_reason'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.declarationId], foreignColumns: [declarations.tenantId, declarations.id] }),
    index('declaration_signatures_state_idx').on(t.tenantId, t.declarationId, t.state),
    uniqueIndex('declaration_signatures_name_key_idx').on(t.tenantId, t.declarationId, t.nameKey).where(sql.raw(ACTIVE_STATES_SQL)),
    uniqueIndex('declaration_signatures_email_key_idx').on(t.tenantId, t.declarationId, t.emailKey).where(sql.raw(ACTIVE_STATES_SQL)),
    uniqueIndex('declaration_signatures_token_idx').on(t.tenantId, t.tokenHash),
    uniqueIndex('declaration_signatures_challenge_idx').on(t.tenantId, t.challengeHash),
    check('declaration_signatures_state_check', sql.raw(`state IN ('unconfirmed', 'awaiting_verification', 'verified', 'rejected', 'withdrawn')`)),
  ],
);

/** Sign-up attempts per client address (keyed by an HMAC of it, never the address itself) and window. */
export const declarationRateLimit = pgTable(
  'declaration_rate_limit',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
