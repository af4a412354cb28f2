import { z } from 'zod';

/** Query parameters that may repeat (`field=a&field=b`) or be comma separated (`field=a,b`). */
const multi = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)),
      z.array(item).max(30),
    )
    .optional();

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const offerSearchQuery = z
  .object({
    q: z.string().max(200, 'at most 200 characters').optional(),
    lang: z.string().max(10).optional(),
    field: multi(z.uuid()),
    targetGroup: multi(z.uuid()),
    /** Language the offer is held in (ISO code). */
    language: multi(z.string().regex(/^[a-z]{2,3}$/)),
    area: multi(z.uuid()),
    free: flag,
    childcare: flag,
    barrierFree: flag,
    online: flag,
    inPerson: flag,
    sort: z.enum(['relevance', 'distance', 'title', 'updated']).default('relevance'),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine((v) => v.sort !== 'distance' || (v.lat !== undefined && v.lon !== undefined), {
    message: 'sorting by distance needs lat and lon',
    path: ['lat'],
  });
export type OfferSearchQuery = z.infer<typeof offerSearchQuery>;

export const offerLocationPin = z.object({
  id: z.uuid(),
  name: z.string(),
  town: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const offerFlags = z.object({
  freeOfCharge: z.boolean(),
  childcare: z.boolean(),
  barrierFree: z.boolean(),
  online: z.boolean(),
  inPerson: z.boolean(),
});

/** An offer in a result list. */
export const offerCard = offerFlags.extend({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  /** Language of title and summary. */
  lang: z.string(),
  /** True when the requested language is missing and the tenant's default language is shown. */
  fallback: z.boolean(),
  providerName: z.string(),
  fieldIds: z.array(z.uuid()),
  targetGroupIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  languages: z.array(z.string()),
  locations: z.array(offerLocationPin),
  distanceKm: z.number().nullable(),
  updatedAt: z.string(),
});
export type OfferCard = z.infer<typeof offerCard>;

const facetCount = z.object({ value: z.string(), count: z.number().int() });

export const offerSearchResult = z.object({
  items: z.array(offerCard),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  lang: z.string(),
  /** Counts per filter value over the current result (each facet ignores its own filter). */
  facets: z.object({
    field: z.array(facetCount),
    targetGroup: z.array(facetCount),
    language: z.array(facetCount),
    area: z.array(facetCount),
    free: z.number().int(),
    childcare: z.number().int(),
    barrierFree: z.number().int(),
    online: z.number().int(),
    inPerson: z.number().int(),
  }),
  /** Terms the query was widened with (synonyms). */
  expandedTerms: z.array(z.string()),
});
export type OfferSearchResult = z.infer<typeof offerSearchResult>;

export const openingDay = z.object({
  weekday: z.number().int().min(1).max(7),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
  appointmentOnly: z.boolean().optional(),
});

export const contact = z.object({
  name: z.string(),
  role: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  officeHours: z.string().optional(),
});

export const offerLocation = z.object({
  id: z.uuid(),
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
});

export const offerDetail = offerFlags.extend({
  id: z.uuid(),
  lang: z.string(),
  fallback: z.boolean(),
  /** Languages this offer has texts in. */
  availableLanguages: z.array(z.string()),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  costs: z.string(),
  requirements: z.string(),
  registration: z.string(),
  provider: z.object({
    id: z.uuid(),
    name: z.string(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    town: z.string().nullable(),
  }),
  locations: z.array(offerLocation),
  fieldIds: z.array(z.uuid()),
  targetGroupIds: z.array(z.uuid()),
  areaIds: z.array(z.uuid()),
  languages: z.array(z.string()),
  signupUrl: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  updatedAt: z.string(),
  /** schema.org JSON-LD for search engines. */
  jsonLd: z.record(z.string(), z.unknown()),
});
export type OfferDetail = z.infer<typeof offerDetail>;

export const offerDetailQuery = z.object({ lang: z.string().max(10).optional() }).strict();

/** Everything the navigator needs offline in one language: all published offers, full detail. */
export const directorySnapshot = z.object({
  lang: z.string(),
  generatedAt: z.string(),
  offers: z.array(offerDetail),
});
export type DirectorySnapshot = z.infer<typeof directorySnapshot>;

export const firstStepsQuery = z
  .object({
    lang: z.string().max(10).optional(),
    targetGroup: z.uuid(),
    field: multi(z.uuid()),
    area: z.uuid().optional(),
  })
  .strict();

export const firstStepsResult = z.object({
  lang: z.string(),
  targetGroupId: z.uuid(),
  title: z.string(),
  intro: z.string(),
  steps: z.array(
    z.object({
      title: z.string(),
      text: z.string(),
      fieldId: z.uuid().nullable(),
      offers: z.array(offerCard),
    }),
  ),
  /** Further published offers for this target group, need and area. */
  offers: z.array(offerCard),
});
export type FirstStepsResult = z.infer<typeof firstStepsResult>;
