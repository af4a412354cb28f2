// Back-office contracts for the offer directory apart from offers: providers, locations, taxonomy
// (fields of action, target groups, areas), search synonyms and first-steps lists. Browser-safe.
import { z } from 'zod';
import { hexColor, langCode, pageOf } from './common.ts';
import { locationInput, providerInput } from './offerAdmin.ts';
import { contact, openingDay } from './offerPublic.ts';

const pageParam = z.coerce.number().int().min(1).max(10000).default(1);
const pageSizeParam = z.coerce.number().int().min(1).max(100).default(25);
const booleanParam = z.enum(['true', 'false']).default('false');
const search = z.string().trim().max(200).optional();

/** Parameters of a tenant's admin route with one record id. */
export const tenantParams = z.object({ tenant: z.string().max(63) }).strict();
export const tenantIdParams = tenantParams.extend({ id: z.uuid() }).strict();

// ---------------------------------------------------------------------------------------------
// Providers (Träger)

export const providerListQuery = z
  .object({
    q: search,
    includeArchived: booleanParam,
    page: pageParam,
    pageSize: pageSizeParam,
    sort: z.enum(['name', 'updated']).default('name'),
  })
  .strict();
export type ProviderListQuery = z.infer<typeof providerListQuery>;

/** Create body: `providerInput` from offerAdmin (office roles only). */
export const providerCreate = providerInput;
export type ProviderCreate = z.infer<typeof providerCreate>;

/**
 * Update body (PUT, replaces the editable fields). `trusted` left out keeps the current value,
 * so a partner's form without the flag never resets it.
 */
export const providerUpdate = providerInput.extend({ trusted: z.boolean().optional() }).strict();
export type ProviderUpdate = z.infer<typeof providerUpdate>;

export const adminProvider = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  trusted: z.boolean(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminProvider = z.infer<typeof adminProvider>;

export const adminProviderDetail = adminProvider.extend({
  counts: z.object({
    /** All offers of the provider, whatever their status. */
    offers: z.number().int(),
    /** Locations that are not archived. */
    locations: z.number().int(),
  }),
});
export type AdminProviderDetail = z.infer<typeof adminProviderDetail>;

export const providerPage = pageOf(adminProvider);
export type ProviderPage = z.infer<typeof providerPage>;

// ---------------------------------------------------------------------------------------------
// Locations (Standorte)

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type LocationShape = z.infer<typeof locationInput>;

/** Opening hours and contacts beyond their shape: HH:MM, start < end, no overlaps, each weekday once. */
function checkLocation(value: LocationShape, ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  value.openingHours.forEach((day, d) => {
    if (seen.has(day.weekday)) {
      ctx.addIssue({ code: 'custom', message: `weekday ${day.weekday} appears more than once`, path: ['openingHours', d, 'weekday'] });
    }
    seen.add(day.weekday);
    if (day.slots.length > 6) ctx.addIssue({ code: 'custom', message: 'at most 6 time slots per day', path: ['openingHours', d, 'slots'] });
    const valid: Array<{ start: string; end: string; s: number }> = [];
    day.slots.forEach((slot, s) => {
      for (const key of ['start', 'end'] as const) {
        if (!TIME.test(slot[key])) {
          ctx.addIssue({ code: 'custom', message: 'a time like 09:30', path: ['openingHours', d, 'slots', s, key] });
        }
      }
      if (TIME.test(slot.start) && TIME.test(slot.end)) {
        if (slot.start >= slot.end) {
          ctx.addIssue({ code: 'custom', message: 'the start must be before the end', path: ['openingHours', d, 'slots', s, 'end'] });
        } else {
          valid.push({ ...slot, s });
        }
      }
    });
    valid.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < valid.length; i++) {
      if (valid[i]!.start < valid[i - 1]!.end) {
        ctx.addIssue({ code: 'custom', message: 'time slots overlap', path: ['openingHours', d, 'slots', valid[i]!.s, 'start'] });
      }
    }
  });
  value.contacts.forEach((c, i) => {
    if (c.name.trim().length === 0 && c.role.trim().length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a name or a role', path: ['contacts', i, 'name'] });
    }
    if (c.name.length > 200) ctx.addIssue({ code: 'custom', message: 'at most 200 characters', path: ['contacts', i, 'name'] });
    if (c.role.length > 200) ctx.addIssue({ code: 'custom', message: 'at most 200 characters', path: ['contacts', i, 'role'] });
    if (c.email && !EMAIL.test(c.email)) ctx.addIssue({ code: 'custom', message: 'a valid e-mail address', path: ['contacts', i, 'email'] });
    if (c.phone && !/^[+0-9 ()/-]{0,50}$/.test(c.phone)) {
      ctx.addIssue({ code: 'custom', message: 'digits, spaces and + ( ) / - only', path: ['contacts', i, 'phone'] });
    }
    if (c.officeHours && c.officeHours.length > 500) {
      ctx.addIssue({ code: 'custom', message: 'at most 500 characters', path: ['contacts', i, 'officeHours'] });
    }
  });
}

/** Create and update body of a location (PUT replaces all fields). */
export const locationBody = locationInput.superRefine(checkLocation);
export type LocationBody = z.infer<typeof locationBody>;

export const locationListQuery = z
  .object({
    q: search,
    providerId: z.uuid().optional(),
    areaId: z.uuid().optional(),
    includeArchived: booleanParam,
    page: pageParam,
    pageSize: pageSizeParam,
  })
  .strict();
export type LocationListQuery = z.infer<typeof locationListQuery>;

export const adminLocation = z.object({
  id: z.uuid(),
  providerId: z.uuid().nullable(),
  providerName: z.string().nullable(),
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  town: z.string(),
  areaId: z.uuid().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  barrierFree: z.boolean(),
  temporarilyClosed: z.boolean(),
  appointmentOnly: z.boolean(),
  openingHours: z.array(openingDay),
  contacts: z.array(contact),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminLocation = z.infer<typeof adminLocation>;

export const locationPage = pageOf(adminLocation);
export type LocationPage = z.infer<typeof locationPage>;

// ---------------------------------------------------------------------------------------------
// Taxonomy: fields of action, target groups, areas

/** Names per language; German is required. The server also checks the tenant offers each language. */
export const localizedName = z
  .record(langCode, z.string().trim().max(200))
  .refine((names) => typeof names.de === 'string' && names.de.length > 0, { message: 'a German name is required', path: ['de'] });

/** Longer localized texts (first-steps intro and step texts); German required. */
const localizedTextRequired = (max: number) =>
  z
    .record(langCode, z.string().trim().max(max))
    .refine((t) => typeof t.de === 'string' && t.de.length > 0, { message: 'a German text is required', path: ['de'] });

export const taxonomyKey = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, _ and -');

export const fieldOfActionInput = z
  .object({
    key: taxonomyKey,
    names: localizedName,
    icon: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'an icon name such as book').default('circle'),
    color: hexColor.default('#0b5394'),
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict();
export type FieldOfActionInput = z.infer<typeof fieldOfActionInput>;

export const targetGroupInput = z
  .object({
    key: taxonomyKey,
    names: localizedName,
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict();
export type TargetGroupInput = z.infer<typeof targetGroupInput>;

/** Stadtteil (district) or Gemeinde (municipality of a county). */
export const areaKind = z.enum(['district', 'municipality']);

export const areaInput = z
  .object({
    key: taxonomyKey,
    kind: areaKind.default('district'),
    names: localizedName,
    lat: z.number().min(-90).max(90).nullable().default(null),
    lon: z.number().min(-180).max(180).nullable().default(null),
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict()
  .refine((v) => (v.lat === null) === (v.lon === null), { message: 'latitude and longitude go together', path: ['lon'] });
export type AreaInput = z.infer<typeof areaInput>;

const taxonomyCommon = {
  id: z.uuid(),
  key: z.string(),
  names: z.record(z.string(), z.string()),
  sort: z.number().int(),
  /** Offers referring to this entry (it can be deleted only at 0). */
  offerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const adminFieldOfAction = z.object({ ...taxonomyCommon, icon: z.string(), color: z.string() });
export const adminTargetGroup = z.object(taxonomyCommon);
export const adminArea = z.object({ ...taxonomyCommon, kind: z.string(), lat: z.number().nullable(), lon: z.number().nullable() });
export type AdminFieldOfAction = z.infer<typeof adminFieldOfAction>;
export type AdminTargetGroup = z.infer<typeof adminTargetGroup>;
export type AdminArea = z.infer<typeof adminArea>;

export const fieldOfActionList = z.object({ items: z.array(adminFieldOfAction) });
export const targetGroupList = z.object({ items: z.array(adminTargetGroup) });
export const areaList = z.object({ items: z.array(adminArea) });

// ---------------------------------------------------------------------------------------------
// Search synonyms

/** Terms are trimmed and deduplicated case-insensitively (first spelling wins) before counting. */
export const synonymInput = z
  .object({
    terms: z
      .array(z.string().trim().min(2, 'at least 2 characters').max(60, 'at most 60 characters'))
      .max(40)
      .transform((terms) => {
        const seen = new Set<string>();
        return terms.filter((t) => {
          const k = t.toLocaleLowerCase('de');
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      })
      .pipe(z.array(z.string()).min(2, 'at least 2 different terms').max(20, 'at most 20 terms')),
  })
  .strict();
export type SynonymInput = z.infer<typeof synonymInput>;

export const adminSynonymGroup = z.object({
  id: z.uuid(),
  terms: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminSynonymGroup = z.infer<typeof adminSynonymGroup>;
export const synonymGroupList = z.object({ items: z.array(adminSynonymGroup) });

// ---------------------------------------------------------------------------------------------
// First steps ("Erste Schritte") per target group

export const firstStepsStatus = z.enum(['draft', 'published', 'archived']);

export const firstStepInput = z
  .object({
    title: localizedTextRequired(200),
    text: z.record(langCode, z.string().trim().max(5000)).default({}),
    fieldId: z.uuid().nullable().default(null),
    offerIds: z
      .array(z.uuid())
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'each offer once')
      .default([]),
  })
  .strict();
export type FirstStepInput = z.infer<typeof firstStepInput>;

export const firstStepsListInput = z
  .object({
    targetGroupId: z.uuid(),
    title: localizedTextRequired(200),
    intro: z.record(langCode, z.string().trim().max(5000)).default({}),
    steps: z.array(firstStepInput).max(30).default([]),
    status: firstStepsStatus.default('published'),
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict();
export type FirstStepsListInput = z.infer<typeof firstStepsListInput>;

export const adminFirstStep = z.object({
  title: z.record(z.string(), z.string()),
  text: z.record(z.string(), z.string()),
  fieldId: z.uuid().nullable(),
  offerIds: z.array(z.uuid()),
});

export const adminFirstStepsList = z.object({
  id: z.uuid(),
  targetGroupId: z.uuid(),
  title: z.record(z.string(), z.string()),
  intro: z.record(z.string(), z.string()),
  steps: z.array(adminFirstStep),
  status: firstStepsStatus,
  sort: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminFirstStepsList = z.infer<typeof adminFirstStepsList>;
export const firstStepsListList = z.object({ items: z.array(adminFirstStepsList) });
export const firstStepsListQuery = z.object({ targetGroupId: z.uuid().optional() }).strict();

/** Response of a DELETE. */
export const deleted = z.object({ id: z.uuid(), deleted: z.literal(true) });
