import type { OfferCard, OfferDetail } from '../../shared/contracts/offerPublic.ts';
import { languageInfo } from '../../shared/languages.ts';
import type { Contact, OpeningDay } from '../providers/provider.table.ts';

/**
 * Offer presenters: SQL fragments that fetch exactly what a card or a detail page needs in one
 * statement (as JSON), and the functions that turn those rows into the public contracts. The
 * back office reuses them for previews.
 */

/** Adds a parameter and returns its placeholder; SQL builders share one parameter list. */
export type Param = (value: unknown) => string;

export function paramList(): { params: unknown[]; p: Param } {
  const params: unknown[] = [];
  return { params, p: (value) => `$${params.push(value)}` };
}

/** Great-circle distance in km between a location row alias and a point (haversine). */
export function distanceKmSql(loc: string, lat: string, lon: string): string {
  return `(6371.0 * 2 * asin(least(1.0, sqrt(power(sin(radians(${loc}.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${loc}.lat)) * power(sin(radians(${loc}.lon - ${lon}) / 2), 2)))))`;
}

/**
 * The texts of offer `o` in `lang`, else in the tenant's default language, else any language:
 * a correlated lookup on the (tenant_id, offer_id, lang) primary key, meant for a page of rows.
 */
function pickedTextSql(o: string, lang: string, fallback: string, columns: string): string {
  return `(SELECT json_build_object('lang', t.lang, ${columns}) FROM offer_translations t
    WHERE t.tenant_id = ${o}.tenant_id AND t.offer_id = ${o}.id
    ORDER BY t.lang = ${lang} DESC, t.lang = ${fallback} DESC, t.lang LIMIT 1)`;
}

const locationPinsSql = (o: string) => `(SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'town', l.town, 'lat', l.lat, 'lon', l.lon)
    ORDER BY array_position(${o}.location_ids, l.id)), '[]'::json)
    FROM locations l WHERE l.tenant_id = ${o}.tenant_id AND l.id = ANY(${o}.location_ids) AND l.archived_at IS NULL)`;

const flagColumnsSql = (o: string) =>
  `'freeOfCharge', ${o}.free_of_charge, 'childcare', ${o}.childcare, 'barrierFree', ${o}.barrier_free, 'online', ${o}.online, 'inPerson', ${o}.in_person,
   'fieldIds', ${o}.field_ids, 'targetGroupIds', ${o}.target_group_ids, 'areaIds', ${o}.area_ids, 'languages', ${o}.languages, 'updatedAt', ${o}.updated_at`;

/**
 * JSON for one offer card of offers row `o`. `distance` is an SQL expression (or 'NULL').
 * Use it over a page of rows, never over a whole table.
 */
export function offerCardJsonSql(o: string, lang: string, fallback: string, distance = 'NULL'): string {
  return `json_build_object('id', ${o}.id, ${flagColumnsSql(o)},
    'text', ${pickedTextSql(o, lang, fallback, `'title', t.title, 'summary', t.summary`)},
    'providerName', (SELECT pr.name FROM providers pr WHERE pr.tenant_id = ${o}.tenant_id AND pr.id = ${o}.provider_id),
    'locations', ${locationPinsSql(o)},
    'distanceKm', ${distance})`;
}

/** Distance from a point to the nearest located place of offer `o`, or NULL. */
export function nearestLocationKmSql(o: string, lat: string, lon: string): string {
  return `(SELECT min(${distanceKmSql('l', lat, lon)}) FROM locations l
    WHERE l.tenant_id = ${o}.tenant_id AND l.id = ANY(${o}.location_ids) AND l.lat IS NOT NULL AND l.lon IS NOT NULL AND l.archived_at IS NULL)`;
}

interface CardText {
  lang: string;
  title: string;
  summary: string;
}

export interface OfferCardRow {
  id: string;
  freeOfCharge: boolean;
  childcare: boolean;
  barrierFree: boolean;
  online: boolean;
  inPerson: boolean;
  fieldIds: string[] | null;
  targetGroupIds: string[] | null;
  areaIds: string[] | null;
  languages: string[] | null;
  updatedAt: string;
  text: CardText | null;
  providerName: string | null;
  locations: Array<{ id: string; name: string; town: string; lat: number | null; lon: number | null }>;
  distanceKm: number | null;
}

const iso = (value: string | Date): string => new Date(value).toISOString();
const roundKm = (km: number | null): number | null => (km === null || !Number.isFinite(km) ? null : Math.round(km * 100) / 100);

export function presentOfferCard(row: OfferCardRow, requestedLang: string): OfferCard {
  const text = row.text ?? { lang: requestedLang, title: '', summary: '' };
  return {
    id: row.id,
    title: text.title,
    summary: text.summary,
    lang: text.lang,
    fallback: text.lang !== requestedLang,
    providerName: row.providerName ?? '',
    fieldIds: row.fieldIds ?? [],
    targetGroupIds: row.targetGroupIds ?? [],
    areaIds: row.areaIds ?? [],
    languages: row.languages ?? [],
    locations: row.locations ?? [],
    distanceKm: roundKm(row.distanceKm),
    updatedAt: iso(row.updatedAt),
    freeOfCharge: row.freeOfCharge,
    childcare: row.childcare,
    barrierFree: row.barrierFree,
    online: row.online,
    inPerson: row.inPerson,
  };
}

/** JSON for a full offer detail of offers row `o` (texts, provider, locations, languages). */
export function offerDetailJsonSql(o: string, lang: string, fallback: string): string {
  return `json_build_object('id', ${o}.id, ${flagColumnsSql(o)},
    'signupUrl', ${o}.signup_url, 'email', ${o}.email, 'phone', ${o}.phone,
    'text', ${pickedTextSql(o, lang, fallback, `'title', t.title, 'summary', t.summary, 'description', t.description, 'costs', t.costs, 'requirements', t.requirements, 'registration', t.registration`)},
    'availableLanguages', (SELECT coalesce(json_agg(t.lang ORDER BY t.lang), '[]'::json) FROM offer_translations t WHERE t.tenant_id = ${o}.tenant_id AND t.offer_id = ${o}.id),
    'provider', (SELECT json_build_object('id', pr.id, 'name', pr.name, 'website', pr.website, 'email', pr.email, 'phone', pr.phone,
        'street', pr.street, 'postcode', pr.postcode, 'town', pr.town)
      FROM providers pr WHERE pr.tenant_id = ${o}.tenant_id AND pr.id = ${o}.provider_id),
    'locations', (SELECT coalesce(json_agg(${locationJsonSql('l')} ORDER BY array_position(${o}.location_ids, l.id)), '[]'::json)
      FROM locations l WHERE l.tenant_id = ${o}.tenant_id AND l.id = ANY(${o}.location_ids) AND l.archived_at IS NULL))`;
}

/** JSON for one locations row (full detail). */
export function locationJsonSql(l: string): string {
  return `json_build_object('id', ${l}.id, 'name', ${l}.name, 'street', ${l}.street, 'postcode', ${l}.postcode, 'town', ${l}.town,
    'areaId', ${l}.area_id, 'lat', ${l}.lat, 'lon', ${l}.lon, 'barrierFree', ${l}.barrier_free, 'temporarilyClosed', ${l}.temporarily_closed,
    'appointmentOnly', ${l}.appointment_only, 'openingHours', ${l}.opening_hours, 'contacts', ${l}.contacts)`;
}

export interface OfferLocationRow {
  id: string;
  name: string;
  street: string;
  postcode: string;
  town: string;
  areaId: string | null;
  lat: number | null;
  lon: number | null;
  barrierFree: boolean;
  temporarilyClosed: boolean;
  appointmentOnly: boolean;
  openingHours: OpeningDay[] | null;
  contacts: Contact[] | null;
}

export interface OfferProviderRow {
  id: string;
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  town: string | null;
}

export interface OfferDetailRow {
  id: string;
  freeOfCharge: boolean;
  childcare: boolean;
  barrierFree: boolean;
  online: boolean;
  inPerson: boolean;
  fieldIds: string[] | null;
  targetGroupIds: string[] | null;
  areaIds: string[] | null;
  languages: string[] | null;
  updatedAt: string;
  signupUrl: string | null;
  email: string | null;
  phone: string | null;
  text: (CardText & { description: string; costs: string; requirements: string; registration: string }) | null;
  availableLanguages: string[];
  provider: OfferProviderRow | null;
  locations: OfferLocationRow[];
}

/** Tenant facts the JSON-LD needs (areas served by name, the public address of the navigator). */
export interface JsonLdContext {
  /** Absolute URL of the offer page in the navigator, if known. */
  url?: string;
  /** Area id → area name in the offer's language. */
  areaNames?: ReadonlyMap<string, string>;
  /** Field of action ids that make an offer a course (schema.org Course instead of Service). */
  courseFieldIds?: ReadonlySet<string>;
}

const cleanOpeningDays = (days: OpeningDay[] | null): OpeningDay[] =>
  (days ?? []).map((d) => ({
    weekday: d.weekday,
    slots: (d.slots ?? []).map((s) => ({ start: s.start, end: s.end })),
    ...(d.appointmentOnly === undefined ? {} : { appointmentOnly: d.appointmentOnly }),
  }));

const cleanContacts = (contacts: Contact[] | null): Contact[] =>
  (contacts ?? []).map((c) => ({
    name: c.name ?? '',
    role: c.role ?? '',
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.officeHours ? { officeHours: c.officeHours } : {}),
  }));

export function presentOfferDetail(row: OfferDetailRow, requestedLang: string, context: JsonLdContext = {}): OfferDetail {
  const text = row.text ?? { lang: requestedLang, title: '', summary: '', description: '', costs: '', requirements: '', registration: '' };
  const provider = row.provider ?? { id: row.id, name: '', website: null, email: null, phone: null, street: null, postcode: null, town: null };
  const detail: Omit<OfferDetail, 'jsonLd'> = {
    id: row.id,
    lang: text.lang,
    fallback: text.lang !== requestedLang,
    availableLanguages: row.availableLanguages ?? [],
    title: text.title,
    summary: text.summary,
    description: text.description,
    costs: text.costs,
    requirements: text.requirements,
    registration: text.registration,
    provider,
    locations: (row.locations ?? []).map((l) => ({
      ...l,
      openingHours: cleanOpeningDays(l.openingHours),
      contacts: cleanContacts(l.contacts),
    })),
    fieldIds: row.fieldIds ?? [],
    targetGroupIds: row.targetGroupIds ?? [],
    areaIds: row.areaIds ?? [],
    languages: row.languages ?? [],
    signupUrl: row.signupUrl,
    email: row.email,
    phone: row.phone,
    updatedAt: iso(row.updatedAt),
    freeOfCharge: row.freeOfCharge,
    childcare: row.childcare,
    barrierFree: row.barrierFree,
    online: row.online,
    inPerson: row.inPerson,
  };
  return { ...detail, jsonLd: offerJsonLd(detail, context) };
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const bcp47 = (code: string) => languageInfo(code)?.bcp47 ?? code;

/**
 * schema.org JSON-LD for search engines: a Service (or Course for language and education offers)
 * with its provider, places, languages, cost and last change.
 */
export function offerJsonLd(detail: Omit<OfferDetail, 'jsonLd'>, context: JsonLdContext = {}): Record<string, unknown> {
  const isCourse = detail.fieldIds.some((id) => context.courseFieldIds?.has(id));
  const p = detail.provider;
  const organization: Record<string, unknown> = {
    '@type': 'Organization',
    name: p.name,
    ...(p.website ? { url: p.website } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { telephone: p.phone } : {}),
    ...(p.street || p.town
      ? { address: { '@type': 'PostalAddress', streetAddress: p.street ?? '', postalCode: p.postcode ?? '', addressLocality: p.town ?? '', addressCountry: 'DE' } }
      : {}),
  };
  const places = detail.locations.map((l) => ({
    '@type': 'Place',
    name: l.name,
    address: { '@type': 'PostalAddress', streetAddress: l.street, postalCode: l.postcode, addressLocality: l.town, addressCountry: 'DE' },
    ...(l.lat !== null && l.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lon } } : {}),
    ...(l.barrierFree ? { amenityFeature: { '@type': 'LocationFeatureSpecification', name: 'wheelchair accessible', value: true } } : {}),
    ...(l.openingHours.length
      ? {
          openingHoursSpecification: l.openingHours.flatMap((d) =>
            d.slots.map((s) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: `https://schema.org/${DAY_NAMES[d.weekday - 1] ?? 'Monday'}`, opens: s.start, closes: s.end })),
          ),
        }
      : {}),
  }));
  const areaServed = detail.areaIds
    .map((id) => context.areaNames?.get(id))
    .filter((name): name is string => Boolean(name))
    .map((name) => ({ '@type': 'AdministrativeArea', name }));
  const languages = detail.languages.map((code) => ({ '@type': 'Language', name: languageInfo(code)?.nativeName ?? code, alternateName: bcp47(code) }));
  return {
    '@context': 'https://schema.org',
    '@type': isCourse ? 'Course' : 'Service',
    '@id': context.url ?? `urn:uuid:${detail.id}`,
    ...(context.url ? { url: context.url } : {}),
    name: detail.title,
    description: detail.summary || detail.description,
    inLanguage: bcp47(detail.lang),
    availableLanguage: languages,
    isAccessibleForFree: detail.freeOfCharge,
    dateModified: detail.updatedAt,
    provider: organization,
    ...(areaServed.length ? { areaServed } : {}),
    ...(isCourse
      ? {
          hasCourseInstance: {
            '@type': 'CourseInstance',
            courseMode: [detail.online ? 'online' : null, detail.inPerson ? 'onsite' : null].filter(Boolean),
            ...(places.length ? { location: places } : {}),
          },
        }
      : { ...(places.length ? { availableChannel: { '@type': 'ServiceChannel', serviceLocation: places } } : {}) }),
    ...(places.length ? { location: places.length === 1 ? places[0] : places } : {}),
    ...(detail.signupUrl ? { potentialAction: { '@type': 'RegisterAction', target: detail.signupUrl } } : {}),
  };
}
