import { z } from 'zod';
import { STAFF_ROLES } from '../roles.ts';
import { hexColor, langCode, tenantSlug } from './common.ts';

export const taxonomyEntry = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  /** All names, per language (for editors and offline use). */
  names: z.record(z.string(), z.string()),
});

export const fieldOfActionEntry = taxonomyEntry.extend({ icon: z.string(), color: z.string() });
export const areaEntry = taxonomyEntry.extend({
  kind: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

/** What the public navigator needs to render a tenant: branding, languages, taxonomy. */
export const publicTenantProfile = z.object({
  slug: tenantSlug,
  name: z.string(),
  defaultLanguage: langCode,
  languages: z.array(z.object({ code: langCode, nativeName: z.string(), dir: z.enum(['ltr', 'rtl']) })),
  logoUrl: z.string().nullable(),
  primaryColor: hexColor,
  accentColor: hexColor,
  imprint: z.string(),
  privacy: z.string(),
  map: z.object({
    tileUrl: z.string(),
    attribution: z.string(),
    center: z.object({ lat: z.number(), lon: z.number(), zoom: z.number() }),
  }),
  fieldsOfAction: z.array(fieldOfActionEntry),
  targetGroups: z.array(taxonomyEntry),
  areas: z.array(areaEntry),
});
export type PublicTenantProfile = z.infer<typeof publicTenantProfile>;

export const tenantSummary = z.object({
  id: z.uuid(),
  slug: tenantSlug,
  name: z.string(),
  languages: z.array(langCode),
  createdAt: z.string(),
  archived: z.boolean(),
});

export const createTenantRequest = z
  .object({
    slug: tenantSlug,
    name: z.string().min(2).max(200),
    languages: z.array(langCode).min(1).max(50).default(['de']),
    primaryColor: hexColor.optional(),
    accentColor: hexColor.optional(),
    admin: z
      .object({ email: z.email(), name: z.string().min(1).max(200), password: z.string().min(12).max(200) })
      .strict(),
  })
  .strict();

export const updateTenantSettingsRequest = z
  .object({
    name: z.string().min(2).max(200),
    languages: z.array(langCode).min(1).max(50),
    logoUrl: z.url().max(2000).nullable(),
    primaryColor: hexColor,
    accentColor: hexColor,
    imprint: z.string().max(20000),
    privacy: z.string().max(50000),
    twoFactorRoles: z.array(z.enum(STAFF_ROLES)),
    mapCenter: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), zoom: z.number().int().min(1).max(19) }),
  })
  .partial()
  .strict();

export const tenantSettings = z.object({
  id: z.uuid(),
  slug: tenantSlug,
  name: z.string(),
  languages: z.array(langCode),
  logoUrl: z.string().nullable(),
  primaryColor: hexColor,
  accentColor: hexColor,
  imprint: z.string(),
  privacy: z.string(),
  twoFactorRoles: z.array(z.string()),
  mapCenter: z.object({ lat: z.number(), lon: z.number(), zoom: z.number() }),
});
