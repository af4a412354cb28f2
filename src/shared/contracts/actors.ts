// Back-office contracts of the actor network (C5): organisations, contacts, typed relationships
// over time, consent and contact preferences, duplicate check and merge, and the "who works on …"
// search. Browser-safe: the server validates with these schemas, the back office types and
// validates its forms with them.
import { z } from 'zod';
import { pageOf } from './common.ts';

export const ORGANISATION_TYPES = [
  'provider',
  'association',
  'migrant_organisation',
  'foreigners_office',
  'job_centre',
  'adult_education_centre',
  'school',
  'authority',
  'company',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
/** The authorities (Behörden) among the organisation types. */
export const AUTHORITY_TYPES: readonly OrganisationType[] = ['foreigners_office', 'job_centre', 'adult_education_centre', 'school', 'authority'];

export const RELATIONSHIP_KINDS = ['member_of', 'chairs', 'works_for', 'funds', 'cooperates_with'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
/** Which kinds a contact may have towards an organisation, and which an organisation towards another. */
export const CONTACT_RELATIONSHIP_KINDS: readonly RelationshipKind[] = ['works_for', 'member_of', 'chairs'];
export const ORGANISATION_RELATIONSHIP_KINDS: readonly RelationshipKind[] = ['member_of', 'funds', 'cooperates_with'];

export const CONSENT_PURPOSES = ['storage', 'contact', 'newsletter'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONTACT_CHANNELS = ['email', 'phone', 'post', 'none'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const EMAIL_MESSAGE = 'a valid e-mail address';
const optionalUrl = z.url('a full address starting with https://').max(2000).nullable().optional();
const optionalEmail = z.email(EMAIL_MESSAGE).max(320).nullable().optional();
const optionalPhone = z
  .string()
  .trim()
  .max(50)
  .regex(/^[+0-9 ()/-]*$/, 'digits, spaces and + ( ) / - only')
  .nullable()
  .optional();
const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or uk');
/** A calendar day, YYYY-MM-DD. */
export const isoDate = z.iso.date('a date like 2026-03-31');
export const pageParam = z.coerce.number().int().min(1).max(10000).default(1);
export const pageSizeParam = z.coerce.number().int().min(1).max(100).default(25);
const booleanParam = z.enum(['true', 'false']).default('false');
const search = z.string().trim().max(200).optional();

/** Query parameters that may repeat (`x=a&x=b`) or be comma separated (`x=a,b`). */
export const multiParam = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)), z.array(item).max(30))
    .optional();

export const idName = z.object({ id: z.uuid(), name: z.string() });
export type IdName = z.infer<typeof idName>;

// ---------------------------------------------------------------------------------------------
// Organisations

export const organisationInput = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(200),
    type: z.enum(ORGANISATION_TYPES).default('other'),
    description: z.string().trim().max(5000).default(''),
    street: z.string().trim().max(200).nullable().optional(),
    postcode: z.string().trim().regex(/^([0-9]{5})?$/, 'five digits').nullable().optional(),
    town: z.string().trim().max(200).nullable().optional(),
    website: optionalUrl,
    email: optionalEmail,
    phone: optionalPhone,
    languages: z.array(langCode).max(30).default([]),
    fieldIds: z.array(z.uuid()).max(30).default([]),
    targetGroupIds: z.array(z.uuid()).max(30).default([]),
    /** Districts it works in; empty = the whole municipality. */
    areaIds: z.array(z.uuid()).max(200).default([]),
    /** Its provider record in the offer directory (same tenant). */
    providerId: z.uuid().nullable().optional(),
  })
  .strict();
export type OrganisationInput = z.infer<typeof organisationInput>;

/** Create: a likely duplicate is refused (409 duplicate, with the candidates) unless confirmed. */
export const organisationCreate = organisationInput.extend({ ignoreDuplicates: z.boolean().default(false) }).strict();
export type OrganisationCreate = z.infer<typeof organisationCreate>;

export const organisationListQuery = z
  .object({
    q: search,
    type: z.enum(ORGANISATION_TYPES).optional(),
    fieldId: z.uuid().optional(),
    targetGroupId: z.uuid().optional(),
    areaId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    includeArchived: booleanParam,
    page: pageParam,
    pageSize: pageSizeParam,
  })
  .strict();
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export const adminOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  description: z.string(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  fieldIds: z.array(z.uuid()),
  targetGroupIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  provider: idName.nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminOrganisation = z.infer<typeof adminOrganisation>;
export const organisationPage = pageOf(adminOrganisation);
export type OrganisationPage = z.infer<typeof organisationPage>;

// ---------------------------------------------------------------------------------------------
// Relationships

export const relationshipInput = z
  .object({
    kind: z.enum(RELATIONSHIP_KINDS),
    fromContactId: z.uuid().nullable().optional(),
    fromOrganisationId: z.uuid().nullable().optional(),
    toOrganisationId: z.uuid(),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    const sources = [v.fromContactId, v.fromOrganisationId].filter(Boolean).length;
    if (sources !== 1) ctx.addIssue({ code: 'custom', message: 'either a contact or an organisation', path: ['fromContactId'] });
    if (v.fromContactId && !CONTACT_RELATIONSHIP_KINDS.includes(v.kind)) {
      ctx.addIssue({ code: 'custom', message: 'a contact works for, is a member of or chairs an organisation', path: ['kind'] });
    }
    if (v.fromOrganisationId && !ORGANISATION_RELATIONSHIP_KINDS.includes(v.kind)) {
      ctx.addIssue({ code: 'custom', message: 'an organisation is a member of, funds or cooperates with another', path: ['kind'] });
    }
    if (v.fromOrganisationId && v.fromOrganisationId === v.toOrganisationId) {
      ctx.addIssue({ code: 'custom', message: 'an organisation cannot be related to itself', path: ['toOrganisationId'] });
    }
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', message: 'the end must not be before the start', path: ['endsOn'] });
  });
export type RelationshipInput = z.infer<typeof relationshipInput>;

/** Change of an existing relationship: its period and note (kind and ends stay). */
export const relationshipUpdate = z
  .object({
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .refine((v) => !(v.startsOn && v.endsOn && v.endsOn < v.startsOn), { message: 'the end must not be before the start', path: ['endsOn'] });
export type RelationshipUpdate = z.infer<typeof relationshipUpdate>;

export const relationship = z.object({
  id: z.uuid(),
  kind: z.enum(RELATIONSHIP_KINDS),
  from: z.object({ type: z.enum(['contact', 'organisation']), id: z.uuid(), name: z.string() }),
  to: idName,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  note: z.string(),
  /** Running today (no end, or an end today or later, and started). */
  current: z.boolean(),
});
export type Relationship = z.infer<typeof relationship>;

// ---------------------------------------------------------------------------------------------
// Contacts

export const contactInput = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(200),
    email: optionalEmail,
    phone: optionalPhone,
    jobFunction: z.string().trim().max(200).default(''),
    languages: z.array(langCode).max(30).default([]),
    notes: z.string().trim().max(5000).default(''),
    preferredChannel: z.enum(CONTACT_CHANNELS).default('email'),
    optOutNewsletter: z.boolean().default(false),
    /** No invitations and minutes by e-mail. */
    optOutInvitations: z.boolean().default(false),
  })
  .strict();
export type ContactInput = z.infer<typeof contactInput>;

export const consentInput = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    givenOn: isoDate,
    source: z.string().trim().min(2, 'at least 2 characters').max(200),
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type ConsentInput = z.infer<typeof consentInput>;

export const contactCreate = contactInput
  .extend({
    /** Creates a "works for" relationship from today. */
    organisationId: z.uuid().nullable().optional(),
    /** Consents recorded with the new contact. */
    consents: z.array(consentInput).max(3).default([]),
    ignoreDuplicates: z.boolean().default(false),
  })
  .strict();
export type ContactCreate = z.infer<typeof contactCreate>;

export const contactListQuery = z
  .object({
    q: search,
    organisationId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    includeArchived: booleanParam,
    page: pageParam,
    pageSize: pageSizeParam,
  })
  .strict();
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const consent = z.object({
  id: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  givenOn: z.string(),
  source: z.string(),
  note: z.string(),
  withdrawnAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof consent>;

/** Why a contact gets no network mail (invitations, minutes). */
export const MAIL_BLOCKS = ['no_email', 'opted_out', 'no_consent', 'archived', 'channel'] as const;
export type MailBlock = (typeof MAIL_BLOCKS)[number];

export const adminContact = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  jobFunction: z.string(),
  languages: z.array(z.string()),
  notes: z.string(),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  optOutNewsletter: z.boolean(),
  optOutInvitations: z.boolean(),
  /** Current organisations (works for, member of, chairs). */
  organisations: z.array(idName.extend({ kind: z.enum(RELATIONSHIP_KINDS) })),
  /** Active consents by purpose. */
  consentTo: z.array(z.enum(CONSENT_PURPOSES)),
  /** null = invitations and minutes reach this contact; else the reason they do not. */
  mailBlock: z.enum(MAIL_BLOCKS).nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminContact = z.infer<typeof adminContact>;
export const contactPage = pageOf(adminContact);
export type ContactPage = z.infer<typeof contactPage>;

// ---------------------------------------------------------------------------------------------
// Memberships in groups, merges (as shown on an organisation's or contact's page)

export const actorMembership = z.object({
  id: z.uuid(),
  group: idName,
  role: z.string(),
  organisation: idName.nullable(),
  contact: idName.nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type ActorMembership = z.infer<typeof actorMembership>;

export const mergeEntry = z.object({
  id: z.uuid(),
  mergedId: z.uuid(),
  mergedName: z.string(),
  moved: z.record(z.string(), z.number()),
  mergedBy: z.string().nullable(),
  mergedAt: z.string(),
});
export type MergeEntry = z.infer<typeof mergeEntry>;

export const organisationDetail = adminOrganisation.extend({
  relationships: z.array(relationship),
  memberships: z.array(actorMembership),
  merges: z.array(mergeEntry),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const contactTask = z.object({ id: z.uuid(), title: z.string(), status: z.string(), dueOn: z.string().nullable(), group: idName });

export const contactDetail = adminContact.extend({
  consents: z.array(consent),
  relationships: z.array(relationship),
  memberships: z.array(actorMembership),
  tasks: z.array(contactTask),
  merges: z.array(mergeEntry),
});
export type ContactDetail = z.infer<typeof contactDetail>;

// ---------------------------------------------------------------------------------------------
// Duplicates and merge

export const DUPLICATE_REASONS = ['similar_name', 'same_domain', 'same_email', 'same_phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const organisationDuplicateQuery = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(200),
    email: z.string().trim().max(320).nullable().optional(),
    website: z.string().trim().max(2000).nullable().optional(),
    /** Leave this record out (when editing it). */
    excludeId: z.uuid().optional(),
  })
  .strict();
export type OrganisationDuplicateQuery = z.infer<typeof organisationDuplicateQuery>;

export const contactDuplicateQuery = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(200),
    email: z.string().trim().max(320).nullable().optional(),
    phone: z.string().trim().max(50).nullable().optional(),
    excludeId: z.uuid().optional(),
  })
  .strict();
export type ContactDuplicateQuery = z.infer<typeof contactDuplicateQuery>;

export const duplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  detail: z.string(),
  /** Name similarity 0…1 (trigram). */
  score: z.number(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export const duplicateList = z.object({ candidates: z.array(duplicateCandidate) });
export type DuplicateList = z.infer<typeof duplicateList>;

/** Merge `mergeId` into the record of the URL (the survivor). */
export const mergeInput = z.object({ mergeId: z.uuid() }).strict();
export type MergeInput = z.infer<typeof mergeInput>;

// ---------------------------------------------------------------------------------------------
// "Who works on … for … in …?"

export const actorSearchQuery = z
  .object({
    q: search,
    fieldIds: multiParam(z.uuid()),
    targetGroupIds: multiParam(z.uuid()),
    /** all = every target group named (women AND parents); any = at least one. */
    targetGroupMatch: z.enum(['all', 'any']).default('all'),
    areaId: z.uuid().optional(),
    /** Also organisations that work in the whole municipality (no district named). */
    includeCityWide: z.enum(['true', 'false']).default('true'),
    language: langCode.optional(),
    type: z.enum(ORGANISATION_TYPES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ActorSearchQuery = z.infer<typeof actorSearchQuery>;

export const actorSearchPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  jobFunction: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  kind: z.enum(RELATIONSHIP_KINDS),
});

export const actorSearchHit = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  fieldIds: z.array(z.uuid()),
  targetGroupIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  languages: z.array(z.string()),
  /** Works in the whole municipality (no district named). */
  cityWide: z.boolean(),
  people: z.array(actorSearchPerson),
  groups: z.array(idName.extend({ role: z.string() })),
});
export type ActorSearchHit = z.infer<typeof actorSearchHit>;

export const actorSearchResult = z.object({
  organisations: z.array(actorSearchHit),
  total: z.number().int(),
  /** Distinct people across the hits (the "who"). */
  people: z.number().int(),
});
export type ActorSearchResult = z.infer<typeof actorSearchResult>;

export const actorParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
export const consentParams = actorParams.extend({ consentId: z.uuid() }).strict();

export const deletedRecord = z.object({ id: z.uuid(), deleted: z.literal(true) });
