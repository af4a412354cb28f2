// Contracts of the local declaration / alliance ("Erklärung", "Bündnis"): back office and public
// navigator. Browser-safe: the navigator and the back office validate with the same schemas.
import { z } from 'zod';
import { langCode, pageOf } from './common.ts';
import { STATEMENT_MAX } from './declarationLimits.ts';

export const signatureStates = ['unconfirmed', 'awaiting_verification', 'verified', 'rejected', 'withdrawn'] as const;
export const signatureState = z.enum(signatureStates);
export type SignatureState = z.infer<typeof signatureState>;

export { LOGO_MAX_BYTES, LOGO_TYPES, STATEMENT_MAX } from './declarationLimits.ts';

const localizedText = (max: number) => z.record(langCode, z.string().trim().max(max));
const localizedTextRequired = (max: number) =>
  localizedText(max).refine((t) => typeof t.de === 'string' && t.de.length > 0, { message: 'a German text is required', path: ['de'] });

export const sectorKey = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, _ and -');

export const declarationSector = z.object({ key: sectorKey, names: localizedTextRequired(100) }).strict();
export interface DeclarationSector {
  key: string;
  names: Record<string, string>;
}

/** Sectors a new declaration starts with; the office can change them. */
export const DEFAULT_SECTORS: DeclarationSector[] = [
  { key: 'verein', names: { de: 'Verein', en: 'Association' } },
  { key: 'unternehmen', names: { de: 'Unternehmen', en: 'Business' } },
  { key: 'religion', names: { de: 'Religionsgemeinschaft', en: 'Religious community' } },
  { key: 'bildung', names: { de: 'Bildung', en: 'Education' } },
  { key: 'verwaltung', names: { de: 'Verwaltung', en: 'Public administration' } },
  { key: 'migrantenorganisation', names: { de: 'Migrantenorganisation', en: 'Migrant organisation' } },
  { key: 'sonstige', names: { de: 'Sonstige', en: 'Other' } },
];

/** Path words of the public pages that cannot be a declaration's slug. */
export const RESERVED_DECLARATION_SLUGS = ['bestaetigen'];

export const declarationSlug = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(60)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and dashes')
  .refine((s) => !RESERVED_DECLARATION_SLUGS.includes(s), 'this word is reserved');

// ---------------------------------------------------------------------------------------------
// Back office

export const declarationInput = z
  .object({
    slug: declarationSlug,
    title: localizedTextRequired(200),
    intro: localizedText(2000).default({}),
    /** The declaration's text; blank lines separate paragraphs. */
    body: localizedTextRequired(20000),
    sectors: z
      .array(declarationSector)
      .min(1)
      .max(30)
      .refine((list) => new Set(list.map((s) => s.key)).size === list.length, 'each sector key once')
      .default(DEFAULT_SECTORS),
    published: z.boolean().default(false),
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict();
export type DeclarationInput = z.infer<typeof declarationInput>;

export const stateCounts = z.object({
  unconfirmed: z.number().int(),
  awaiting_verification: z.number().int(),
  verified: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
});
export type StateCounts = z.infer<typeof stateCounts>;

export const adminDeclaration = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.record(z.string(), z.string()),
  intro: z.record(z.string(), z.string()),
  body: z.record(z.string(), z.string()),
  sectors: z.array(z.object({ key: z.string(), names: z.record(z.string(), z.string()) })),
  published: z.boolean(),
  sort: z.number().int(),
  counts: stateCounts,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminDeclaration = z.infer<typeof adminDeclaration>;
export const adminDeclarationList = z.object({ items: z.array(adminDeclaration) });

export const declarationParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
export const signatureParams = declarationParams.extend({ signatureId: z.uuid() }).strict();

export const signatureListQuery = z
  .object({
    state: signatureState.optional(),
    sector: z.string().trim().max(40).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(['newest', 'oldest', 'name']).default('newest'),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type SignatureListQuery = z.infer<typeof signatureListQuery>;

export const adminSignature = z.object({
  id: z.uuid(),
  declarationId: z.uuid(),
  state: signatureState,
  organisation: z.string(),
  sector: z.string(),
  website: z.string().nullable(),
  statement: z.string(),
  contactName: z.string(),
  email: z.string(),
  lang: z.string(),
  /** Back-office address of the logo (needs the session), or null. */
  logoUrl: z.string().nullable(),
  /** For unconfirmed signatures: whether the e-mail link has expired. */
  linkExpired: z.boolean(),
  createdAt: z.string(),
  consentAt: z.string(),
  confirmedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type AdminSignature = z.infer<typeof adminSignature>;
export const adminSignaturePage = pageOf(adminSignature);
export type AdminSignaturePage = z.infer<typeof adminSignaturePage>;

/** A logo as sent by a browser: base64 or a data: URL of a PNG or JPEG file. */
export const logoUpload = z.string().max(4 * 1024 * 1024);

const websiteField = z
  .string()
  .trim()
  .max(300)
  .transform((v) => (v === '' ? null : /^https?:\/\//i.test(v) ? v : `https://${v}`))
  .refine((v) => v === null || isWebAddress(v), 'a web address such as https://www.example.org');

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** The public data of a signatory, as the office may correct it. `logo`: omitted keeps, null removes, a file replaces. */
export const signaturePublicInput = z
  .object({
    organisation: z.string().trim().min(2, 'at least 2 characters').max(200),
    sector: z.string().trim().min(1).max(40),
    website: websiteField.default(''),
    statement: z.string().trim().max(STATEMENT_MAX).default(''),
    logo: logoUpload.nullable().optional(),
  })
  .strict();
export type SignaturePublicInput = z.infer<typeof signaturePublicInput>;

export const rejectInput = z.object({ reason: z.string().trim().min(3, 'at least 3 characters').max(1000) }).strict();
export const withdrawInput = z.object({ reason: z.string().trim().max(1000).default('') }).strict();

export const statisticsMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  verified: z.number().int(),
  /** Verified signatures withdrawn or rejected in this month. */
  ended: z.number().int(),
  /** Public signatories at the end of the month. */
  cumulative: z.number().int(),
});
export const declarationStatistics = z.object({
  months: z.array(statisticsMonth),
  bySector: z.array(z.object({ sector: z.string(), count: z.number().int() })),
  counts: stateCounts,
});
export type DeclarationStatistics = z.infer<typeof declarationStatistics>;

export const signatureExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), state: signatureState.optional() }).strict();

// ---------------------------------------------------------------------------------------------
// Public navigator

export const publicLangQuery = z.object({ lang: z.string().max(10).optional() }).strict();
export const publicDeclarationParams = z.object({ tenant: z.string().max(63), slug: z.string().max(60) }).strict();
export const publicLogoParams = publicDeclarationParams.extend({ signatureId: z.uuid() }).strict();

export const publicDeclarationSummary = z.object({ slug: z.string(), title: z.string(), signatoryCount: z.number().int() });
export const publicDeclarationList = z.array(publicDeclarationSummary);
export type PublicDeclarationSummary = z.infer<typeof publicDeclarationSummary>;

export const publicSignatory = z.object({
  id: z.uuid(),
  organisation: z.string(),
  sector: z.string(),
  website: z.string().nullable(),
  statement: z.string(),
  logoUrl: z.string().nullable(),
  verifiedAt: z.string(),
});
export type PublicSignatory = z.infer<typeof publicSignatory>;

export const publicDeclaration = z.object({
  slug: z.string(),
  lang: z.string(),
  title: z.string(),
  intro: z.string(),
  body: z.string(),
  sectors: z.array(z.object({ key: z.string(), name: z.string() })),
  signatoryCount: z.number().int(),
  /** Verified signatories, alphabetically. */
  signatories: z.array(publicSignatory),
});
export type PublicDeclaration = z.infer<typeof publicDeclaration>;

/**
 * Proof of work (hashcash): find a `nonce` (decimal digits) so that SHA-256 of
 * `${challenge}:${nonce}` (UTF-8) starts with `difficulty` zero bits.
 */
export const powChallenge = z.object({ challenge: z.string(), difficulty: z.number().int(), expiresAt: z.string() });
export type PowChallenge = z.infer<typeof powChallenge>;

export const signInput = z
  .object({
    organisation: z.string().trim().min(2, 'at least 2 characters').max(200),
    sector: z.string().trim().min(1, 'choose a sector').max(40),
    website: websiteField.default(''),
    contactName: z.string().trim().min(2, 'at least 2 characters').max(200),
    email: z.string().trim().max(254).pipe(z.email('a valid e-mail address')),
    statement: z.string().trim().max(STATEMENT_MAX).default(''),
    /** PNG or JPEG, at most 1 MB, as base64 or data: URL. */
    logo: logoUpload.optional(),
    /** Consent to publish organisation, sector, website, statement and logo. */
    consent: z.literal(true, 'consent to the publication is required'),
    lang: z.string().max(10).optional(),
    /** Must stay empty (a field people never see). */
    honeypot: z.string().max(1000).default(''),
    pow: z.object({ challenge: z.string().max(1000), nonce: z.string().regex(/^[0-9]{1,16}$/, 'decimal digits') }).strict(),
  })
  .strict();
export type SignInput = z.input<typeof signInput>;

export const signResult = z.object({ state: z.literal('unconfirmed'), email: z.string(), expiresAt: z.string() });
export type SignResult = z.infer<typeof signResult>;

export const confirmInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'the code from the e-mail link') }).strict();
export const confirmResult = z.object({
  state: z.literal('awaiting_verification'),
  organisation: z.string(),
  declarationSlug: z.string(),
  declarationTitle: z.string(),
});
export type ConfirmResult = z.infer<typeof confirmResult>;

