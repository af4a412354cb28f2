import { z } from 'zod';
import { contact, openingDay } from './offerPublic.ts';

export const offerStatus = z.enum(['draft', 'in_review', 'published', 'archived']);
export type OfferStatusValue = z.infer<typeof offerStatus>;

const optionalUrl = z.url('a full address starting with https://').max(2000).nullable().optional();
const optionalEmail = z.email('a valid e-mail address').max(320).nullable().optional();
const optionalPhone = z
  .string()
  .max(50)
  .regex(/^[+0-9 ()/-]*$/, 'digits, spaces and + ( ) / - only')
  .nullable()
  .optional();
const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or uk');

/** The translatable texts of an offer in one language. */
export const offerTexts = z
  .object({
    title: z.string().trim().min(3, 'at least 3 characters').max(200),
    summary: z.string().trim().max(500).default(''),
    description: z.string().trim().max(10000).default(''),
    costs: z.string().trim().max(1000).default(''),
    requirements: z.string().trim().max(2000).default(''),
    registration: z.string().trim().max(2000).default(''),
  })
  .strict();
export type OfferTexts = z.infer<typeof offerTexts>;

/** Create/update an offer; `texts` are in the tenant's default (source) language. */
export const offerInput = z
  .object({
    providerId: z.uuid(),
    texts: offerTexts,
    languages: z.array(langCode).max(30).default([]),
    freeOfCharge: z.boolean().default(false),
    childcare: z.boolean().default(false),
    barrierFree: z.boolean().default(false),
    online: z.boolean().default(false),
    inPerson: z.boolean().default(true),
    signupUrl: optionalUrl,
    email: optionalEmail,
    phone: optionalPhone,
    fieldIds: z.array(z.uuid()).max(20).default([]),
    targetGroupIds: z.array(z.uuid()).max(20).default([]),
    areaIds: z.array(z.uuid()).max(100).default([]),
    locationIds: z.array(z.uuid()).max(100).default([]),
  })
  .strict();
export type OfferInput = z.infer<typeof offerInput>;

export const offerUpdate = offerInput.extend({
  /** The version the editor started from; a newer one in the database means a conflict (409). */
  version: z.number().int().min(1),
  /** A minor edit (typo) does not outdate translations. */
  minor: z.boolean().default(false),
});
export type OfferUpdate = z.infer<typeof offerUpdate>;

export const translationStatus = z.enum(['source', 'current', 'outdated', 'machine', 'missing']);
export type TranslationStatus = z.infer<typeof translationStatus>;

/** The translatable text fields (the keys of offerTexts). */
export const translatableField = offerTexts.keyof();
export type TranslatableField = z.infer<typeof translatableField>;

export const offerTranslationInfo = z.object({
  lang: z.string(),
  /** The worst state of the language's fields (missing > outdated > machine > current). */
  status: translationStatus,
  /** The state of every translatable field: only fields whose source text changed are outdated. */
  fields: z.record(translatableField, translationStatus),
  texts: offerTexts.nullable(),
  updatedAt: z.string().nullable(),
});

export const adminOffer = z.object({
  id: z.uuid(),
  status: offerStatus,
  version: z.number().int(),
  sourceVersion: z.number().int(),
  providerId: z.uuid(),
  providerName: z.string(),
  texts: offerTexts,
  languages: z.array(z.string()),
  freeOfCharge: z.boolean(),
  childcare: z.boolean(),
  barrierFree: z.boolean(),
  online: z.boolean(),
  inPerson: z.boolean(),
  signupUrl: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  fieldIds: z.array(z.uuid()),
  targetGroupIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  locationIds: z.array(z.uuid()),
  translations: z.array(offerTranslationInfo),
  /** A partner's change waiting for review by the office. */
  pendingChange: z
    .object({ submittedByName: z.string(), submittedAt: z.string(), data: z.record(z.string(), z.unknown()) })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type AdminOffer = z.infer<typeof adminOffer>;

export const adminOfferListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  status: offerStatus,
  providerId: z.uuid(),
  providerName: z.string(),
  hasPendingChange: z.boolean(),
  /** Counts of translation states over the tenant's languages. */
  translations: z.record(translationStatus, z.number().int()),
  updatedAt: z.string(),
});

export const adminOfferListQuery = z
  .object({
    q: z.string().max(200).optional(),
    status: offerStatus.optional(),
    providerId: z.uuid().optional(),
    field: z.uuid().optional(),
    pendingReview: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    sort: z.enum(['title', 'updated', 'status']).default('updated'),
  })
  .strict();

export const statusChangeRequest = z
  .object({ status: offerStatus, comment: z.string().max(2000).optional(), version: z.number().int().min(1) })
  .strict();

/** `version` is the offer's version (as for updates); every translation write increments it. */
export const translationInput = offerTexts.extend({ version: z.number().int().min(1) });

export const offerRevision = z.object({
  id: z.uuid(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  minor: z.boolean(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});

/** Provider, location and taxonomy inputs (back office). */
export const providerInput = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(5000).default(''),
    website: optionalUrl,
    email: optionalEmail,
    phone: optionalPhone,
    street: z.string().trim().max(200).nullable().optional(),
    postcode: z.string().trim().regex(/^[0-9]{5}$/, 'five digits').nullable().optional(),
    town: z.string().trim().max(200).nullable().optional(),
    trusted: z.boolean().default(false),
  })
  .strict();

export const locationInput = z
  .object({
    providerId: z.uuid().nullable().optional(),
    name: z.string().trim().min(2).max(200),
    street: z.string().trim().max(200).default(''),
    postcode: z.string().trim().regex(/^([0-9]{5})?$/, 'five digits').default(''),
    town: z.string().trim().max(200).default(''),
    areaId: z.uuid().nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    barrierFree: z.boolean().default(false),
    temporarilyClosed: z.boolean().default(false),
    appointmentOnly: z.boolean().default(false),
    openingHours: z.array(openingDay).max(7).default([]),
    contacts: z.array(contact).max(20).default([]),
  })
  .strict()
  .refine((v) => (v.lat === null || v.lat === undefined) === (v.lon === null || v.lon === undefined), {
    message: 'latitude and longitude go together',
    path: ['lon'],
  });

export const importReport = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReport>;

/* ---- Additions for the back-office offer API (additive) ---- */

/** GET /admin/offers answer. */
export const adminOfferList = z.object({
  items: z.array(adminOfferListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminOfferList = z.infer<typeof adminOfferList>;
export type AdminOfferListQuery = z.infer<typeof adminOfferListQuery>;
export type AdminOfferListItem = z.infer<typeof adminOfferListItem>;

/** POST /admin/offers?publish=true: office staff may publish at once; partners may not. */
export const createOfferQuery = z.object({ publish: z.enum(['true', 'false']).optional() }).strict();

export type StatusChangeRequest = z.infer<typeof statusChangeRequest>;
export type TranslationInput = z.infer<typeof translationInput>;
export type OfferRevision = z.infer<typeof offerRevision>;
export type OfferTranslationInfo = z.infer<typeof offerTranslationInfo>;

/**
 * Change history, newest first. Field keys in `changes` are offer fields (`status`, `fieldIds`,
 * `texts.title`, translations as `<lang>.title`); a review or rejection comment appears as `comment: [null, text]`.
 */
export const offerRevisionList = z.object({ items: z.array(offerRevision) });

/** POST /admin/offers/:id/review: approve or reject a pending partner change or an offer in review. */
export const reviewDecision = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length > 0, {
    message: 'a rejection needs a comment for the partner',
    path: ['comment'],
  });
export type ReviewDecision = z.infer<typeof reviewDecision>;

/** One entry of the review queue: a partner's pending change to a published offer, or an offer in review. */
export const reviewItem = z.object({
  offerId: z.uuid(),
  kind: z.enum(['pending_change', 'in_review']),
  title: z.string(),
  status: offerStatus,
  providerId: z.uuid(),
  providerName: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  /** For a pending change: field → [live value, proposed value]. Empty for offers in review. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const reviewList = z.object({
  items: z.array(reviewItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
