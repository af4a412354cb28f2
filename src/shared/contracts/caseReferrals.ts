// Contracts of referrals, the consent register and data releases in case management (issue 3),
// and of the partner inbox. Browser-safe: the server validates with these schemas (and OpenAPI is
// generated from them), the back office types and validates its forms with them.
import { z } from 'zod';
import { pageOf } from './common.ts';

/** A calendar day, YYYY-MM-DD. */
export const isoDay = z.iso.date('a date like 2026-03-31');
const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or uk');
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max);

// ---------------------------------------------------------------------------------------------
// Consent texts and the consent register

/**
 * What a consent is for. `anyProvider`: whether the person may consent to "any provider of the
 * offer directory" at once (referrals, contact); releases of data and reports to funders always
 * name their recipient.
 */
export const CONSENT_PURPOSES = ['referral', 'data_release', 'contact_partner', 'funding_report'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const PURPOSE_ALLOWS_ANY_PROVIDER: Record<ConsentPurpose, boolean> = {
  referral: true,
  contact_partner: true,
  data_release: false,
  funding_report: false,
};

export const RECIPIENT_TYPES = ['provider', 'external', 'any_provider'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const consentPurpose = z.enum(CONSENT_PURPOSES);

/** A version of a consent text (immutable once recorded: consents refer to the exact wording). */
export const consentText = z.object({
  id: z.uuid(),
  purpose: consentPurpose,
  version: z.number().int(),
  /** the German text (source) */
  body: z.string(),
  /** translations for the person, language → text */
  translations: z.record(z.string(), z.string()),
  /** the newest version of its purpose (new consents use it by default) */
  current: z.boolean(),
  createdByLabel: z.string(),
  createdAt: z.string(),
});
export type ConsentText = z.infer<typeof consentText>;
export const consentTextList = z.object({ items: z.array(consentText) });
export type ConsentTextList = z.infer<typeof consentTextList>;

export const consentTextInput = z
  .object({
    purpose: consentPurpose,
    body: requiredText(20000),
    translations: z.record(langCode, text(20000)).default({}),
  })
  .strict();
export type ConsentTextInput = z.input<typeof consentTextInput>;

export const consentTextQuery = z.object({ purpose: consentPurpose.optional() }).strict();

/** Who receives data under a consent, release or referral. */
export const recipientInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('provider'), providerId: z.uuid() }).strict(),
  z.object({ type: z.literal('external'), name: requiredText(200) }).strict(),
  z.object({ type: z.literal('any_provider') }).strict(),
]);
export type RecipientInput = z.infer<typeof recipientInput>;

export const recipient = z.object({
  type: z.enum(RECIPIENT_TYPES),
  providerId: z.uuid().nullable(),
  /** provider's name, or the external recipient's name; null for "any provider" */
  name: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipient>;

export const CONSENT_STATUSES = ['valid', 'not_yet_valid', 'expired', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const consent = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  caseId: z.uuid().nullable(),
  purpose: consentPurpose,
  recipient,
  textId: z.uuid(),
  textVersion: z.number().int(),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** today, in the office's time zone */
  status: z.enum(CONSENT_STATUSES),
  recordedByLabel: z.string(),
  recordedAt: z.string(),
  withdrawnByLabel: z.string().nullable(),
});
export type Consent = z.infer<typeof consent>;
export const consentList = z.object({ items: z.array(consent) });
export type ConsentList = z.infer<typeof consentList>;

export const consentInput = z
  .object({
    purpose: consentPurpose,
    recipient: recipientInput,
    /** bind the consent to one of the person's cases (else it holds for every case) */
    caseId: z.uuid().nullable().optional(),
    /** the consent text version shown to the person; default: the purpose's current version */
    textId: z.uuid().optional(),
    givenOn: isoDay,
    expiresOn: isoDay.nullable().optional(),
  })
  .strict();
export type ConsentInput = z.input<typeof consentInput>;

export const consentWithdrawal = z.object({ withdrawnOn: isoDay }).strict();
export type ConsentWithdrawal = z.infer<typeof consentWithdrawal>;

/** `/persons/:id/consents…` (the person's id) */
export const personParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
export const personConsentParams = personParams.extend({ consentId: z.uuid() }).strict();

// ---------------------------------------------------------------------------------------------
// Referrals (Vermittlungen)

export const REFERRAL_STATES = ['sent', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = ['sent', 'accepted'];

/**
 * What a referral may share with the receiving partner. The values are copied (snapshot) when the
 * referral is sent: the partner never reads the live person record.
 */
export const SHARE_FIELDS = ['givenName', 'familyInitial', 'familyName', 'birthYear', 'languages', 'phone', 'email', 'note'] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];
/** The minimal default: given name, initial of the family name, languages (+ the note, if written). */
export const DEFAULT_SHARE_FIELDS: readonly ShareField[] = ['givenName', 'familyInitial', 'languages', 'note'];

/** The shared values as the partner sees them. */
export const sharedSnapshot = z.object({
  givenName: z.string().optional(),
  familyInitial: z.string().optional(),
  familyName: z.string().optional(),
  birthYear: z.number().int().optional(),
  languages: z.array(z.string()).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  note: z.string().optional(),
});
export type SharedSnapshot = z.infer<typeof sharedSnapshot>;

export const overrideInput = z.object({ reason: requiredText(1000) }).strict();

/** An external service that is not in the directory. */
export const externalTarget = z
  .object({
    name: requiredText(200),
    /** how the office reaches the service (address, phone, mail); no personal data of the client */
    contact: text(500).default(''),
  })
  .strict();

/** Refer to an offer of the directory (`offerId`) or to an external service (`external`) — exactly one. */
export const referralCreate = z
  .object({
    offerId: z.uuid().optional(),
    external: externalTarget.optional(),
    sharedFields: z.array(z.enum(SHARE_FIELDS)).max(SHARE_FIELDS.length).default([...DEFAULT_SHARE_FIELDS]),
    /** a note to the provider (shared only when `note` is among sharedFields) */
    note: text(2000).default(''),
    /** send without valid consent: needs the consent-override permission and a reason (logged) */
    override: overrideInput.optional(),
  })
  .strict();
export type ReferralCreate = z.input<typeof referralCreate>;

export const reasonInput = z.object({ reason: requiredText(1000) }).strict();
export const feedbackInput = z.object({ feedback: requiredText(4000) }).strict();

export const referralEvent = z.object({
  fromState: z.enum(REFERRAL_STATES).nullable(),
  toState: z.enum(REFERRAL_STATES),
  reason: z.string().nullable(),
  actorLabel: z.string(),
  /** "office" or "partner" */
  side: z.enum(['office', 'partner']),
  at: z.string(),
});

export const referral = z.object({
  id: z.uuid(),
  number: z.string(),
  caseId: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(['offer', 'external']),
  offer: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  provider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  external: z.object({ name: z.string(), contact: z.string() }).nullable(),
  state: z.enum(REFERRAL_STATES),
  sharedFields: z.array(z.enum(SHARE_FIELDS)),
  shared: sharedSnapshot,
  reason: z.string().nullable(),
  feedback: z.string().nullable(),
  consentId: z.uuid().nullable(),
  overrideReason: z.string().nullable(),
  sentByLabel: z.string(),
  sentAt: z.string(),
  acceptedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  history: z.array(referralEvent),
});
export type Referral = z.infer<typeof referral>;
export const referralList = z.object({
  personId: z.uuid(),
  /** the person is restricted (Art. 18): no new referrals or releases */
  restricted: z.boolean(),
  items: z.array(referral),
});
export type ReferralList = z.infer<typeof referralList>;

/** `/cases/:id/referrals…` (the case's id) */
export const caseParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
export const caseReferralParams = caseParams.extend({ referralId: z.uuid() }).strict();
export const consentTextParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();

/** The consent check before sending a referral (`offerId` or `externalName`) or releasing data (`providerId` or `externalName`). */
export const consentCheckInput = z
  .object({
    purpose: z.enum(['referral', 'data_release']),
    offerId: z.uuid().optional(),
    providerId: z.uuid().optional(),
    externalName: requiredText(200).optional(),
  })
  .strict();
export type ConsentCheckInput = z.infer<typeof consentCheckInput>;
export const consentCheck = z.object({
  valid: z.boolean(),
  consent: consent.nullable(),
  /** the signed-in account may override missing consent (with a reason) */
  canOverride: z.boolean(),
  restricted: z.boolean(),
});
export type ConsentCheck = z.infer<typeof consentCheck>;

/** Published offers of the directory to refer to. */
export const referralOfferQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export const referralOffer = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  locations: z.array(z.object({ name: z.string(), town: z.string() })),
  languages: z.array(z.string()),
});
export type ReferralOffer = z.infer<typeof referralOffer>;
export const referralOfferPage = pageOf(referralOffer);
export type ReferralOfferPage = z.infer<typeof referralOfferPage>;

/** Providers of the directory (recipient of a consent or a release). */
export const referralProviderQuery = z
  .object({ q: z.string().trim().max(200).optional(), pageSize: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();
export const referralProviderList = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), town: z.string().nullable() })) });
export type ReferralProviderList = z.infer<typeof referralProviderList>;

// ---------------------------------------------------------------------------------------------
// Data releases (Datenweitergabe an Dritte)

/** Which case data a release names (the record of what left the office). */
export const RELEASE_FIELDS = [
  'name',
  'birthDate',
  'nationalities',
  'languages',
  'contact',
  'address',
  'residenceStatus',
  'accommodation',
  'household',
  'caseReference',
  'caseState',
  'assessment',
  'plan',
  'referrals',
  'documents',
] as const;
export type ReleaseField = (typeof RELEASE_FIELDS)[number];

export const releaseCreate = z
  .object({
    recipient: z.discriminatedUnion('type', [
      z.object({ type: z.literal('provider'), providerId: z.uuid() }).strict(),
      z.object({ type: z.literal('external'), name: requiredText(200) }).strict(),
    ]),
    /** why the data is released, e.g. "Antrag auf Leistungen beim Jobcenter" */
    purpose: requiredText(500),
    fields: z.array(z.enum(RELEASE_FIELDS)).min(1, 'choose at least one').max(RELEASE_FIELDS.length),
    releasedOn: isoDay,
    override: overrideInput.optional(),
  })
  .strict();
export type ReleaseCreate = z.input<typeof releaseCreate>;

export const release = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  personId: z.uuid(),
  recipient,
  purpose: z.string(),
  fields: z.array(z.enum(RELEASE_FIELDS)),
  releasedOn: z.string(),
  consentId: z.uuid().nullable(),
  overrideReason: z.string().nullable(),
  releasedByLabel: z.string(),
  createdAt: z.string(),
});
export type Release = z.infer<typeof release>;
export const releaseList = z.object({ items: z.array(release) });
export type ReleaseList = z.infer<typeof releaseList>;

// ---------------------------------------------------------------------------------------------
// Partner inbox (partner_editor of the receiving provider)

export const inboxQuery = z
  .object({
    state: z.enum(REFERRAL_STATES).optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuery>;

/** A referral in the partner's list: no personal data at all. */
export const inboxItem = z.object({
  id: z.uuid(),
  number: z.string(),
  state: z.enum(REFERRAL_STATES),
  offerTitle: z.string().nullable(),
  sentAt: z.string(),
  updatedAt: z.string(),
});
export type InboxItem = z.infer<typeof inboxItem>;
export const inboxPage = pageOf(inboxItem);
export type InboxPage = z.infer<typeof inboxPage>;

/**
 * One referral as the partner sees it: only the snapshot of the shared fields (while the referral
 * is open or done; after a rejection or revocation the shared data is withheld), never person or
 * case ids, never other referrals.
 */
export const inboxReferral = z.object({
  id: z.uuid(),
  number: z.string(),
  state: z.enum(REFERRAL_STATES),
  offer: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  shared: sharedSnapshot.nullable(),
  reason: z.string().nullable(),
  feedback: z.string().nullable(),
  sentByName: z.string(),
  sentAt: z.string(),
  acceptedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type InboxReferral = z.infer<typeof inboxReferral>;

export const inboxParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
