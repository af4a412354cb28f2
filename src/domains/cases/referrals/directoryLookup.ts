import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import type { ReferralOfferPage, ReferralProviderList } from '../../../shared/contracts/caseReferrals.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

/**
 * The offer directory as case management sees it: only published offers of active providers can
 * receive referrals. No case data here.
 */

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface OfferRow {
  id: string;
  provider_id: string;
  provider_name: string;
  title: string;
  summary: string;
  languages: string[];
  locations: Array<{ name: string; town: string }> | null;
}

/** Published offers, searched by title/summary in every language and by provider name. */
export async function searchReferralOffers(tx: Tx, tenant: Tenant, query: { q?: string | undefined; page: number; pageSize: number }): Promise<ReferralOfferPage> {
  const params: unknown[] = [];
  const where = ["o.status = 'published'", 'p.archived_at IS NULL'];
  const q = query.q?.trim();
  if (q) {
    params.push(`%${escapeLike(q)}%`);
    const p = `$${params.length}`;
    where.push(
      `(p.name ILIKE ${p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM offer_translations t WHERE t.tenant_id = o.tenant_id AND t.offer_id = o.id AND (t.title ILIKE ${p} ESCAPE '\\' OR t.summary ILIKE ${p} ESCAPE '\\')))`,
    );
  }
  const base = 'FROM offers o JOIN providers p ON p.tenant_id = o.tenant_id AND p.id = o.provider_id';
  const condition = `WHERE ${where.join(' AND ')}`;
  const [count] = await tx.query<{ n: number | string }>(`SELECT count(*) AS n ${base} ${condition}`, params);
  const lang = `$${params.length + 1}`;
  const rows = await tx.query<OfferRow>(
    `SELECT o.id, o.provider_id, p.name AS provider_name, o.languages,
            coalesce(s.title, f.title, '') AS title, coalesce(s.summary, f.summary, '') AS summary,
            (SELECT json_agg(json_build_object('name', l.name, 'town', l.town) ORDER BY l.name)
               FROM locations l WHERE l.tenant_id = o.tenant_id AND l.id = ANY(o.location_ids) AND l.archived_at IS NULL) AS locations
     ${base}
     LEFT JOIN offer_translations s ON s.tenant_id = o.tenant_id AND s.offer_id = o.id AND s.lang = ${lang}
     LEFT JOIN LATERAL (SELECT t.title, t.summary FROM offer_translations t WHERE t.tenant_id = o.tenant_id AND t.offer_id = o.id ORDER BY t.lang LIMIT 1) f ON true
     ${condition}
     ORDER BY lower(coalesce(s.title, f.title, '')), o.id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    [...params, tenant.defaultLanguage],
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      provider: { id: r.provider_id, name: r.provider_name },
      locations: r.locations ?? [],
      languages: r.languages ?? [],
    })),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Active providers by name (recipients of consents and releases). */
export async function searchReferralProviders(tx: Tx, query: { q?: string | undefined; pageSize: number }): Promise<ReferralProviderList> {
  const params: unknown[] = [];
  let where = 'archived_at IS NULL';
  if (query.q?.trim()) {
    params.push(`%${escapeLike(query.q.trim())}%`);
    where += ` AND name ILIKE $1 ESCAPE '\\'`;
  }
  const rows = await tx.query<{ id: string; name: string; town: string | null }>(
    `SELECT id, name, town FROM providers WHERE ${where} ORDER BY lower(name), id LIMIT ${query.pageSize}`,
    params,
  );
  return { items: rows };
}

export interface OfferTarget {
  offerId: string;
  providerId: string;
  providerName: string;
  title: string;
}

/**
 * The offer a referral goes to: it must exist in the tenant, be published and belong to an active
 * provider; otherwise 400 naming `offerId`.
 */
export async function resolveOffer(tx: Tx, tenant: Tenant, offerId: string): Promise<OfferTarget> {
  const [row] = await tx.query<{ id: string; status: string; provider_id: string; provider_name: string; archived: boolean; title: string | null }>(
    `SELECT o.id, o.status, o.provider_id, p.name AS provider_name, (p.archived_at IS NOT NULL) AS archived,
            coalesce((SELECT t.title FROM offer_translations t WHERE t.tenant_id = o.tenant_id AND t.offer_id = o.id
                      ORDER BY (t.lang = $2) DESC, t.lang LIMIT 1), '') AS title
     FROM offers o JOIN providers p ON p.tenant_id = o.tenant_id AND p.id = o.provider_id
     WHERE o.id = $1`,
    [offerId, tenant.defaultLanguage],
  );
  if (!row) throw new AppError('validation_failed', 'Unknown offer', { field: 'offerId' });
  if (row.status !== 'published' || row.archived) {
    throw new AppError('validation_failed', 'Referrals go to published offers only', { field: 'offerId' });
  }
  return { offerId: row.id, providerId: row.provider_id, providerName: row.provider_name, title: row.title ?? '' };
}

/** A provider as the recipient of a release or consent check (active, in the tenant). */
export async function resolveProvider(tx: Tx, providerId: string, field: string): Promise<{ id: string; name: string }> {
  const [row] = await tx.query<{ id: string; name: string; archived_at: Date | null }>('SELECT id, name, archived_at FROM providers WHERE id = $1', [providerId]);
  if (!row || row.archived_at) throw new AppError('validation_failed', 'Unknown provider', { field });
  return { id: row.id, name: row.name };
}
