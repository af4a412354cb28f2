// Contracts of persons and households in case management (Integrationsmanagement): record,
// search, duplicate check, merge, Art. 16 correction history, Art. 18 restriction. Browser-safe:
// the back office validates its forms with the same schemas.
import { z } from 'zod';
import { langCode, pageOf } from './common.ts';

export const GENDERS = ['female', 'male', 'diverse', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** Residence titles as German authorities record them (AufenthG / AsylG / FreizügG). */
export const RESIDENCE_STATUSES = [
  'asylum_seeker', // Aufenthaltsgestattung
  'recognised_refugee', // Flüchtlingseigenschaft / Asylberechtigung
  'subsidiary_protection',
  'deportation_ban', // Abschiebungsverbot § 60 Abs. 5/7
  'toleration', // Duldung
  'temporary_protection', // § 24 AufenthG (e.g. Ukraine)
  'residence_permit', // other Aufenthaltserlaubnis (work, study, family)
  'settlement_permit', // Niederlassungserlaubnis / Daueraufenthalt-EU
  'eu_citizen', // Freizügigkeit
  'german_citizen',
  'visa',
  'other',
  'unknown',
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

export const ACCOMMODATIONS = ['reception_centre', 'shared_accommodation', 'own_flat', 'with_relatives', 'homeless', 'other'] as const;
export const HOUSEHOLD_ROLES = ['head', 'partner', 'child', 'parent', 'sibling', 'relative', 'other'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

/** Special nationality values besides ISO 3166-1 alpha-2 codes. */
export const SPECIAL_NATIONALITIES = ['stateless', 'unclear'] as const;
export const nationality = z.string().regex(/^(?:[A-Z]{2}|stateless|unclear)$/, 'an ISO country code such as SY, or stateless / unclear');

/** Today's date in Germany, YYYY-MM-DD (birth dates may not lie after it). */
export const todayInGermany = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

export const isoDay = z.iso.date('a date like 2026-03-31');
export const birthDate = isoDay
  .refine((d) => d >= '1900-01-01', 'must not be before 1900')
  .refine((d) => d <= todayInGermany(), 'must not be in the future');

const personalName = z.string().trim().min(1, 'required').max(200);

export const otherName = z
  .object({
    givenName: z.string().trim().max(200).default(''),
    familyName: z.string().trim().max(200).default(''),
    /** ISO 15924 script (Arab, Cyrl, Latn …) or a note such as "Passport" */
    script: z.string().trim().max(40).default(''),
  })
  .strict()
  .refine((n) => n.givenName !== '' || n.familyName !== '', { message: 'a given or family name', path: ['familyName'] });
export type OtherNameInput = z.infer<typeof otherName>;

/** The fields of a person; all optional in a PATCH. */
const personFields = {
  givenName: personalName,
  familyName: personalName,
  otherNames: z.array(otherName).max(20),
  birthDate: birthDate.nullable(),
  gender: z.enum(GENDERS).nullable(),
  nationalities: z.array(nationality).max(5),
  languages: z.array(langCode).max(20),
  /** the language of translated documents (goal agreement) */
  preferredLanguage: langCode.nullable(),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[+0-9 ()/-]*$/, 'digits, spaces and + ( ) / - only')
    .nullable(),
  email: z.email('a valid e-mail address').max(320).nullable(),
  street: z.string().trim().max(200).nullable(),
  postcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{0,10}$/, 'a postcode such as 68159')
    .nullable(),
  town: z.string().trim().max(200).nullable(),
  residenceStatus: z.enum(RESIDENCE_STATUSES).nullable(),
  residenceExpiresOn: isoDay.nullable(),
  /** stored encrypted */
  residenceDetails: z.string().max(5000).nullable(),
  /** stored encrypted */
  healthNotes: z.string().max(5000).nullable(),
  accommodation: z.enum(ACCOMMODATIONS).nullable(),
  householdId: z.uuid().nullable(),
  householdRole: z.enum(HOUSEHOLD_ROLES).nullable(),
};

export const personCreate = z
  .object({
    givenName: personFields.givenName,
    familyName: personFields.familyName,
    otherNames: personFields.otherNames.default([]),
    birthDate: personFields.birthDate.default(null),
    gender: personFields.gender.default(null),
    nationalities: personFields.nationalities.default([]),
    languages: personFields.languages.default([]),
    preferredLanguage: personFields.preferredLanguage.default(null),
    phone: personFields.phone.default(null),
    email: personFields.email.default(null),
    street: personFields.street.default(null),
    postcode: personFields.postcode.default(null),
    town: personFields.town.default(null),
    residenceStatus: personFields.residenceStatus.default(null),
    residenceExpiresOn: personFields.residenceExpiresOn.default(null),
    residenceDetails: personFields.residenceDetails.default(null),
    healthNotes: personFields.healthNotes.default(null),
    accommodation: personFields.accommodation.default(null),
    householdId: personFields.householdId.default(null),
    householdRole: personFields.householdRole.default(null),
    /** the user looked at the likely duplicates and records a new person anyway */
    confirmedNotDuplicate: z.boolean().default(false),
  })
  .strict();
export type PersonCreate = z.infer<typeof personCreate>;

/** PATCH: only the fields sent change; `version` is the one the client read (optimistic locking). */
export const personUpdate = z
  .object({
    givenName: personFields.givenName.optional(),
    familyName: personFields.familyName.optional(),
    otherNames: personFields.otherNames.optional(),
    birthDate: personFields.birthDate.optional(),
    gender: personFields.gender.optional(),
    nationalities: personFields.nationalities.optional(),
    languages: personFields.languages.optional(),
    preferredLanguage: personFields.preferredLanguage.optional(),
    phone: personFields.phone.optional(),
    email: personFields.email.optional(),
    street: personFields.street.optional(),
    postcode: personFields.postcode.optional(),
    town: personFields.town.optional(),
    residenceStatus: personFields.residenceStatus.optional(),
    residenceExpiresOn: personFields.residenceExpiresOn.optional(),
    residenceDetails: personFields.residenceDetails.optional(),
    healthNotes: personFields.healthNotes.optional(),
    accommodation: personFields.accommodation.optional(),
    householdId: personFields.householdId.optional(),
    householdRole: personFields.householdRole.optional(),
    version: z.number().int().min(1),
    /** why the data is corrected (Art. 16), kept in the history */
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type PersonUpdate = z.infer<typeof personUpdate>;

/** The fields the correction history and the merge know, in form order. */
export const PERSON_FIELDS = [
  'givenName',
  'familyName',
  'otherNames',
  'birthDate',
  'gender',
  'nationalities',
  'languages',
  'preferredLanguage',
  'phone',
  'email',
  'street',
  'postcode',
  'town',
  'residenceStatus',
  'residenceExpiresOn',
  'residenceDetails',
  'healthNotes',
  'accommodation',
  'householdId',
  'householdRole',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const personOtherName = z.object({ givenName: z.string(), familyName: z.string(), script: z.string() });

export const personPermissions = z.object({
  edit: z.boolean(),
  restrict: z.boolean(),
  unrestrict: z.boolean(),
  merge: z.boolean(),
});

export const casePerson = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.array(personOtherName),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  preferredLanguage: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  residenceExpiresOn: z.string().nullable(),
  residenceDetails: z.string().nullable(),
  healthNotes: z.string().nullable(),
  accommodation: z.string().nullable(),
  householdId: z.uuid().nullable(),
  householdRole: z.string().nullable(),
  household: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  restricted: z.boolean(),
  restrictionReason: z.string().nullable(),
  restrictedAt: z.string().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: personPermissions,
});
export type CasePerson = z.infer<typeof casePerson>;

/** A person in lists and search results (no sensitive fields). */
export const personSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.array(personOtherName),
  birthDate: z.string().nullable(),
  nationalities: z.array(z.string()),
  town: z.string().nullable(),
  restricted: z.boolean(),
  householdId: z.uuid().nullable(),
  openCases: z.number().int(),
});
export type PersonSummary = z.infer<typeof personSummary>;

// ---------------------------------------------------------------------------------------------
// Search (POST: names never travel in URLs)

export const personSearch = z
  .object({
    /** any part of any name, also other spellings; phonetic and typo-tolerant */
    name: z.string().trim().max(200).optional(),
    birthDate: isoDay.optional(),
    /** a case reference such as IM-2026-00042 */
    reference: z.string().trim().max(60).optional(),
    restricted: z.boolean().optional(),
    householdId: z.uuid().optional(),
    page: z.number().int().min(1).max(10000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type PersonSearch = z.infer<typeof personSearch>;
export const personPage = pageOf(personSummary);
export type PersonPage = z.infer<typeof personPage>;

// ---------------------------------------------------------------------------------------------
// Duplicate check

export const duplicateQuery = z
  .object({
    givenName: personalName,
    familyName: personalName,
    otherNames: z.array(otherName).max(20).default([]),
    birthDate: birthDate.nullable().default(null),
    /** leave this person out (checking an existing record) */
    excludeId: z.uuid().optional(),
  })
  .strict();
export type DuplicateQuery = z.infer<typeof duplicateQuery>;

export const DUPLICATE_REASONS = ['same_spelling', 'transliteration', 'similar_name', 'sounds_alike', 'same_birth_date', 'close_birth_date', 'same_birth_year'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_LEVELS = ['likely', 'possible'] as const;

export const duplicateCandidate = z.object({
  person: personSummary,
  /** 0..1 */
  score: z.number(),
  level: z.enum(DUPLICATE_LEVELS),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** A similar record the actor may not see: only who manages it — no name, birth date or id. */
export const duplicateHint = z.object({
  level: z.enum(DUPLICATE_LEVELS),
  teamName: z.string().nullable(),
});
export type DuplicateHint = z.infer<typeof duplicateHint>;

export const duplicateResult = z.object({
  candidates: z.array(duplicateCandidate),
  hints: z.array(duplicateHint),
});
export type DuplicateResult = z.infer<typeof duplicateResult>;

// ---------------------------------------------------------------------------------------------
// Merge

/** What the user chooses per field group when merging; the other record's value is dropped. */
export const MERGE_FIELDS = [
  'name',
  'birthDate',
  'gender',
  'nationalities',
  'languages',
  'preferredLanguage',
  'phone',
  'email',
  'address',
  'residence',
  'residenceDetails',
  'healthNotes',
  'accommodation',
  'household',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** The person columns each merge choice carries over. */
export const MERGE_FIELD_COLUMNS: Record<MergeField, readonly PersonField[]> = {
  name: ['givenName', 'familyName'],
  birthDate: ['birthDate'],
  gender: ['gender'],
  nationalities: ['nationalities'],
  languages: ['languages'],
  preferredLanguage: ['preferredLanguage'],
  phone: ['phone'],
  email: ['email'],
  address: ['street', 'postcode', 'town'],
  residence: ['residenceStatus', 'residenceExpiresOn'],
  residenceDetails: ['residenceDetails'],
  healthNotes: ['healthNotes'],
  accommodation: ['accommodation'],
  household: ['householdId', 'householdRole'],
};

export const mergeBody = z
  .object({
    /** the record that is merged into the one in the path (it keeps `mergedIntoId`) */
    mergeId: z.uuid(),
    /** the versions the user compared (optimistic locking of both records) */
    version: z.number().int().min(1),
    mergeVersion: z.number().int().min(1),
    /** per field group, whose value survives; missing: the surviving record's, or the other's if that one is empty */
    choose: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'merged'])).default({}),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type MergeBody = z.infer<typeof mergeBody>;

// ---------------------------------------------------------------------------------------------
// Art. 18 restriction

export const restrictionBody = z
  .object({
    restricted: z.boolean(),
    reason: z.string().trim().min(3, 'a reason').max(500),
  })
  .strict();
export type RestrictionBody = z.infer<typeof restrictionBody>;

// ---------------------------------------------------------------------------------------------
// Art. 16 correction history

export const historyEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  entityType: z.string(),
  entityId: z.uuid(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
  actorLabel: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const historyQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const historyPage = pageOf(historyEntry);
export type HistoryPage = z.infer<typeof historyPage>;

// ---------------------------------------------------------------------------------------------
// The person's cases (the "Fälle" tab)

export const personCase = z.object({
  id: z.uuid(),
  reference: z.string(),
  programmeName: z.string(),
  state: z.string(),
  startedOn: z.string(),
  plannedEndOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  teamName: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export const personCases = z.object({ items: z.array(personCase) });
export type PersonCases = z.infer<typeof personCases>;

// ---------------------------------------------------------------------------------------------
// Households

export const householdCreate = z
  .object({
    label: z.string().trim().max(200).default(''),
    members: z
      .array(z.object({ personId: z.uuid(), role: z.enum(HOUSEHOLD_ROLES) }).strict())
      .min(1, 'at least one member')
      .max(30),
  })
  .strict();
export type HouseholdCreate = z.infer<typeof householdCreate>;

export const householdUpdate = z.object({ label: z.string().trim().max(200) }).strict();
export const householdMemberBody = z.object({ personId: z.uuid(), role: z.enum(HOUSEHOLD_ROLES) }).strict();
export type HouseholdMemberBody = z.infer<typeof householdMemberBody>;

export const household = z.object({
  id: z.uuid(),
  label: z.string(),
  members: z.array(
    z.object({
      person: personSummary,
      role: z.string().nullable(),
    }),
  ),
  /** members the actor may not see: shown as "another person (no access)" */
  hiddenMembers: z.number().int(),
});
export type Household = z.infer<typeof household>;

// ---------------------------------------------------------------------------------------------
// Params

export const tenantParams = z.object({ tenant: z.string().max(63) }).strict();
export const personParams = tenantParams.extend({ id: z.uuid() }).strict();
export const householdMemberParams = tenantParams.extend({ id: z.uuid(), personId: z.uuid() }).strict();

/** ISO 3166-1 alpha-2 codes, for the nationality picker (names come from Intl.DisplayNames). */
export const COUNTRY_CODES = (
  'AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ ' +
  'DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR ' +
  'XK KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PS PA ' +
  'PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TW TJ TZ TH TL TG TO TT TN TR ' +
  'TM TV UG UA AE GB US UY UZ VU VA VE VN EH YE ZM ZW'
).split(' ');
