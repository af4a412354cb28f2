import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { AdminOfferList, AdminOfferListQuery } from '../../../shared/contracts/offerAdmin.ts';
import type { Actor } from '../../auth/roles.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { countTranslationStates, type TranslationFacts } from '../../translations/translationStatus.ts';
import { providerScope } from '../offer.policy.ts';
import { type FieldVersions, type OfferStatus, offerTranslations } from '../offer.table.ts';

const ORDER = {
  title: 'lower(coalesce(s.title, \'\')) ASC, o.id ASC',
  updated: 'o.updated_at DESC, o.id ASC',
  status: "CASE o.status WHEN 'in_review' THEN 0 WHEN 'draft' THEN 1 WHEN 'published' THEN 2 ELSE 3 END ASC, o.updated_at DESC, o.id ASC",
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const iso = (v: unknown) => new Date(v as string | Date).toISOString();

interface ListRow {
  id: string;
  status: OfferStatus;
  provider_id: string;
  provider_name: string;
  has_pending: boolean;
  updated_at: string | Date;
  source_version: number;
  field_versions: FieldVersions;
  title: string;
}

/**
 * The back-office offer list: title search in every language, filters, paging and the translation
 * state counts per offer. Partners only ever see their own provider's offers.
 */
export async function listAdminOffers(tx: Tx, tenant: Tenant, actor: Actor, query: AdminOfferListQuery): Promise<AdminOfferList> {
  const params: unknown[] = [tenant.id, tenant.defaultLanguage];
  const where = ['o.tenant_id = $1'];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  const scope = providerScope(actor);
  if (scope) add((p) => `o.provider_id = ${p}::uuid`, scope);
  if (query.providerId) add((p) => `o.provider_id = ${p}::uuid`, query.providerId);
  if (query.status) add((p) => `o.status = ${p}`, query.status);
  if (query.field) add((p) => `o.field_ids @> ARRAY[${p}::uuid]`, query.field);
  if (query.q?.trim()) {
    add(
      (p) =>
        `EXISTS (SELECT 1 FROM offer_translations t WHERE t.tenant_id = o.tenant_id AND t.offer_id = o.id AND t.title ILIKE ${p} ESCAPE '\\')`,
      `%${escapeLike(query.q.trim())}%`,
    );
  }
  if (query.pendingReview === 'true') where.push("(o.pending_change IS NOT NULL OR o.status = 'in_review')");
  if (query.pendingReview === 'false') where.push("(o.pending_change IS NULL AND o.status <> 'in_review')");

  const from = `FROM offers o
    JOIN providers p ON p.tenant_id = o.tenant_id AND p.id = o.provider_id
    LEFT JOIN offer_translations s ON s.tenant_id = o.tenant_id AND s.offer_id = o.id AND s.lang = $2
    WHERE ${where.join(' AND ')}`;
  const [countRow] = await tx.query<{ total: string | number }>(`SELECT count(*) AS total ${from}`, params);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await tx.query<ListRow>(
    `SELECT o.id, o.status, o.provider_id, p.name AS provider_name, (o.pending_change IS NOT NULL) AS has_pending,
            o.updated_at, o.source_version, o.field_versions, coalesce(s.title, '') AS title
     ${from}
     ORDER BY ${ORDER[query.sort]}
     LIMIT ${query.pageSize} OFFSET ${offset}`,
    params,
  );

  const byOffer = new Map<string, Map<string, TranslationFacts>>();
  if (rows.length > 0) {
    const translations = await tx.db
      .select({
        offerId: offerTranslations.offerId,
        lang: offerTranslations.lang,
        sourceVersion: offerTranslations.sourceVersion,
        fieldVersions: offerTranslations.fieldVersions,
        machine: offerTranslations.machine,
      })
      .from(offerTranslations)
      .where(inArray(offerTranslations.offerId, rows.map((r) => r.id)));
    for (const t of translations) {
      const m = byOffer.get(t.offerId) ?? new Map<string, TranslationFacts>();
      m.set(t.lang, t);
      byOffer.set(t.offerId, m);
    }
  }

  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      providerId: r.provider_id,
      providerName: r.provider_name,
      hasPendingChange: Boolean(r.has_pending),
      translations: countTranslationStates(
        tenant.languages,
        tenant.defaultLanguage,
        { sourceVersion: Number(r.source_version), fieldVersions: r.field_versions },
        byOffer.get(r.id) ?? new Map()),
      updatedAt: iso(r.updated_at),
    })),
    total: Number(countRow?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
