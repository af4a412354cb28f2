/**
 * Public reads of single offers and of the whole directory (offline snapshot of the navigator).
 * Only published offers are visible; row-level security confines everything to the tenant.
 */
import type { Tx } from '../../../db/database.ts';
import type { DirectorySnapshot, OfferDetail } from '../../../shared/contracts/offerPublic.ts';
import { pickLocalized } from '../../taxonomy/localize.ts';
import type { LocalizedText } from '../../taxonomy/taxonomy.table.ts';
import {
  type JsonLdContext,
  type OfferDetailRow,
  type OfferLocationRow,
  type OfferProviderRow,
  offerDetailJsonSql,
  paramList,
  presentOfferDetail,
} from '../offerPresenter.ts';

export interface PublicTenant {
  id: string;
  defaultLanguage: string;
}

/** Fields of action whose offers are courses for schema.org (language and education). */
const COURSE_FIELD_KEYS = new Set(['language', 'education']);

export interface JsonLdTaxonomy {
  areaNames: Record<string, LocalizedText>;
  courseFieldIds: string[];
}

/** Area names and course-like fields of the tenant, for the JSON-LD of offers. */
export async function loadJsonLdTaxonomy(tx: Tx): Promise<JsonLdTaxonomy> {
  const [row] = await tx.query<{ areas: Record<string, LocalizedText> | null; fields: string[] | null }>(
    `SELECT (SELECT json_object_agg(a.id, a.names) FROM areas a) AS areas,
            (SELECT json_agg(f.id) FROM fields_of_action f WHERE f.key = ANY($1::text[])) AS fields`,
    [[...COURSE_FIELD_KEYS]],
  );
  return { areaNames: row?.areas ?? {}, courseFieldIds: row?.fields ?? [] };
}

export function jsonLdContext(taxonomy: JsonLdTaxonomy, lang: string, fallback: string): JsonLdContext {
  return {
    areaNames: new Map(Object.entries(taxonomy.areaNames).map(([id, names]) => [id, pickLocalized(names, lang, fallback)])),
    courseFieldIds: new Set(taxonomy.courseFieldIds),
  };
}

/** One published offer in `lang` (falling back to the default language), or null. */
export async function loadPublicOffer(tx: Tx, tenant: PublicTenant, offerId: string, lang: string, taxonomy: JsonLdTaxonomy): Promise<OfferDetail | null> {
  const { params, p } = paramList();
  const tenantId = p(tenant.id);
  const id = p(offerId);
  const sql = `SELECT ${offerDetailJsonSql('o', p(lang), p(tenant.defaultLanguage))} AS offer
    FROM offers o WHERE o.tenant_id = ${tenantId} AND o.id = ${id} AND o.status = 'published'`;
  const [row] = await tx.query<{ offer: OfferDetailRow }>(sql, params);
  if (!row) return null;
  return presentOfferDetail(row.offer, lang, jsonLdContext(taxonomy, row.offer.text?.lang ?? lang, tenant.defaultLanguage));
}

interface DirectoryOfferRow extends Omit<OfferDetailRow, 'provider' | 'locations'> {
  providerId: string;
  locationIds: string[];
}

/**
 * Every published offer as a full detail in one language, built from four set-based queries
 * (offers with texts, providers, locations, taxonomy) instead of one lookup per offer.
 */
export async function loadDirectory(tx: Tx, tenant: PublicTenant, lang: string, generatedAt: Date = new Date()): Promise<DirectorySnapshot> {
  const offers = await tx.query<{ o: DirectoryOfferRow }>(
    `WITH pub AS (SELECT tenant_id, id, provider_id, location_ids, free_of_charge, childcare, barrier_free, online, in_person,
         field_ids, target_group_ids, area_ids, languages, updated_at, signup_url, email, phone
       FROM offers WHERE tenant_id = $1 AND status = 'published'),
     langs AS (SELECT t.offer_id, array_agg(t.lang ORDER BY t.lang) AS langs FROM offer_translations t JOIN pub ON pub.id = t.offer_id GROUP BY t.offer_id)
     SELECT json_build_object('id', o.id, 'providerId', o.provider_id, 'locationIds', o.location_ids,
       'freeOfCharge', o.free_of_charge, 'childcare', o.childcare, 'barrierFree', o.barrier_free, 'online', o.online, 'inPerson', o.in_person,
       'fieldIds', o.field_ids, 'targetGroupIds', o.target_group_ids, 'areaIds', o.area_ids, 'languages', o.languages, 'updatedAt', o.updated_at,
       'signupUrl', o.signup_url, 'email', o.email, 'phone', o.phone,
       'availableLanguages', coalesce(langs.langs, ARRAY[]::text[]),
       'text', CASE WHEN t.offer_id IS NOT NULL THEN json_build_object('lang', t.lang, 'title', t.title, 'summary', t.summary, 'description', t.description,
           'costs', t.costs, 'requirements', t.requirements, 'registration', t.registration) END) AS o
     FROM pub o
     LEFT JOIN langs ON langs.offer_id = o.id
     LEFT JOIN offer_translations t ON t.tenant_id = o.tenant_id AND t.offer_id = o.id
       AND t.lang = CASE WHEN $2 = ANY(langs.langs) THEN $2 WHEN $3 = ANY(langs.langs) THEN $3 ELSE langs.langs[1] END
     ORDER BY o.id`,
    [tenant.id, lang, tenant.defaultLanguage],
  );
  const providers = await tx.query<{ p: OfferProviderRow }>(
    `SELECT json_build_object('id', p.id, 'name', p.name, 'website', p.website, 'email', p.email, 'phone', p.phone,
       'street', p.street, 'postcode', p.postcode, 'town', p.town) AS p
     FROM providers p WHERE p.tenant_id = $1 AND p.id IN (SELECT provider_id FROM offers WHERE tenant_id = $1 AND status = 'published')`,
    [tenant.id],
  );
  const locations = await tx.query<{ l: OfferLocationRow }>(
    `SELECT json_build_object('id', l.id, 'name', l.name, 'street', l.street, 'postcode', l.postcode, 'town', l.town,
       'areaId', l.area_id, 'lat', l.lat, 'lon', l.lon, 'barrierFree', l.barrier_free, 'temporarilyClosed', l.temporarily_closed,
       'appointmentOnly', l.appointment_only, 'openingHours', l.opening_hours, 'contacts', l.contacts) AS l
     FROM locations l WHERE l.tenant_id = $1 AND l.archived_at IS NULL
       AND l.id IN (SELECT unnest(location_ids) FROM offers WHERE tenant_id = $1 AND status = 'published')`,
    [tenant.id],
  );
  const taxonomy = await loadJsonLdTaxonomy(tx);
  const providerById = new Map(providers.map((r) => [r.p.id, r.p]));
  const locationById = new Map(locations.map((r) => [r.l.id, r.l]));
  const contexts = new Map<string, JsonLdContext>();
  const contextFor = (textLang: string) => {
    let c = contexts.get(textLang);
    if (!c) {
      c = jsonLdContext(taxonomy, textLang, tenant.defaultLanguage);
      contexts.set(textLang, c);
    }
    return c;
  };
  return {
    lang,
    generatedAt: generatedAt.toISOString(),
    offers: offers.map(({ o }) => {
      const { providerId, locationIds, ...rest } = o;
      const row: OfferDetailRow = {
        ...rest,
        provider: providerById.get(providerId) ?? null,
        locations: (locationIds ?? []).map((id) => locationById.get(id)).filter((l): l is OfferLocationRow => Boolean(l)),
      };
      return presentOfferDetail(row, lang, contextFor(o.text?.lang ?? lang));
    }),
  };
}
