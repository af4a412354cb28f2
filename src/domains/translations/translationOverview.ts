import type { Tx } from '../../db/database.ts';
import type { TranslationOverview, TranslationOverviewQuery } from '../../shared/contracts/translations.ts';
import type { FieldVersions, OfferStatus } from '../offers/offer.table.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { SQL_TRANSLATION_OUTDATED, translationStatusOf } from './translationStatus.ts';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date).toISOString());

/** SQL for the state of language $L of offer o, matching translationStatusOf(). */
const STATE = `CASE WHEN t.lang IS NULL THEN 'missing'
  WHEN ${SQL_TRANSLATION_OUTDATED} THEN 'outdated'
  WHEN t.machine THEN 'machine' ELSE 'current' END`;

/**
 * Translation work per language over all offers that are not archived: counts of current, outdated,
 * machine-made and missing translations for every target language, and for one language the offers
 * that need work (outdated first, then missing, then machine), paged. `providerId` confines a partner.
 */
export async function translationOverview(
  tx: Tx,
  tenant: Tenant,
  query: Omit<TranslationOverviewQuery, 'lang'> & { lang: string | null },
  providerId: string | null,
): Promise<TranslationOverview> {
  const targets = tenant.languages.filter((l) => l !== tenant.defaultLanguage);
  const base: unknown[] = [tenant.id];
  let scope = '';
  if (providerId) {
    base.push(providerId);
    scope = `AND o.provider_id = $${base.length}::uuid`;
  }
  const languages: TranslationOverview['languages'] = [];
  if (targets.length > 0) {
    const langParam = base.length + 1;
    const rows = await tx.query<{ lang: string; state: string; n: string | number }>(
      `SELECT l.lang, ${STATE} AS state, count(*) AS n
       FROM offers o
       CROSS JOIN unnest(string_to_array($${langParam}, ',')) AS l(lang)
       LEFT JOIN offer_translations t ON t.tenant_id = o.tenant_id AND t.offer_id = o.id AND t.lang = l.lang
       WHERE o.tenant_id = $1 AND o.status <> 'archived' ${scope}
       GROUP BY l.lang, 2`,
      [...base, targets.join(',')],
    );
    for (const lang of targets) {
      const counts = { lang, current: 0, outdated: 0, machine: 0, missing: 0 };
      for (const r of rows) if (r.lang === lang) counts[r.state as 'current'] = Number(r.n);
      languages.push(counts);
    }
  }

  const lang = query.lang;
  if (!lang) return { sourceLanguage: tenant.defaultLanguage, languages, lang: null, items: [], total: 0, page: query.page, pageSize: query.pageSize };

  const params = [...base, lang, tenant.defaultLanguage];
  const langP = `$${base.length + 1}`;
  const srcP = `$${base.length + 2}`;
  const states = query.status ? [query.status] : ['outdated', 'missing', 'machine'];
  params.push(states.join(','));
  const statesP = `$${params.length}`;
  const from = `FROM offers o
    LEFT JOIN offer_translations t ON t.tenant_id = o.tenant_id AND t.offer_id = o.id AND t.lang = ${langP}
    LEFT JOIN offer_translations s ON s.tenant_id = o.tenant_id AND s.offer_id = o.id AND s.lang = ${srcP}
    WHERE o.tenant_id = $1 AND o.status <> 'archived' ${scope}
      AND (${STATE}) = ANY(string_to_array(${statesP}, ','))`;
  const [count] = await tx.query<{ total: string | number }>(`SELECT count(*) AS total ${from}`, params);
  const rows = await tx.query<{
    id: string;
    title: string;
    status: OfferStatus;
    source_version: number;
    field_versions: FieldVersions;
    t_lang: string | null;
    t_source_version: number | null;
    t_field_versions: FieldVersions | null;
    t_machine: boolean | null;
    t_updated_at: string | Date | null;
  }>(
    `SELECT o.id, coalesce(s.title, '') AS title, o.status, o.source_version, o.field_versions,
            t.lang AS t_lang, t.source_version AS t_source_version, t.field_versions AS t_field_versions, t.machine AS t_machine, t.updated_at AS t_updated_at
     ${from}
     ORDER BY CASE ${STATE} WHEN 'outdated' THEN 0 WHEN 'missing' THEN 1 ELSE 2 END, lower(coalesce(s.title, '')), o.id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    sourceLanguage: tenant.defaultLanguage,
    languages,
    lang,
    items: rows.map((r) => ({
      offerId: r.id,
      title: r.title,
      offerStatus: r.status,
      status: translationStatusOf(
        lang,
        tenant.defaultLanguage,
        { sourceVersion: Number(r.source_version), fieldVersions: r.field_versions },
        r.t_lang
          ? { sourceVersion: Number(r.t_source_version), fieldVersions: r.t_field_versions ?? {}, machine: Boolean(r.t_machine) }
          : undefined,
      ),
      translatedAt: iso(r.t_updated_at),
    })),
    total: Number(count?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
