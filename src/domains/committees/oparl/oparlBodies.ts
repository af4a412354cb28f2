// System and Body objects: the installation is the OParl system, every tenant one body. These read
// installation-wide public data (tenant names, legislative terms) as the owner, never tenant input.
import type { Database, Tx } from '../../../db/database.ts';
import { berlinDateTime } from '../../../shared/berlinTime.ts';
import type { ListFilter, OparlObject, PageRequest } from './oparlObjects.ts';
import { type OparlUrls, oparlType } from './oparlUrls.ts';

interface BodyRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  modifiedAt: Date;
}

interface TermRow {
  tenantId: string;
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const dt = (d: Date | string) => berlinDateTime(new Date(d));

/** A body changes with its tenant and with its legislative terms (embedded in it). */
const BODY_SELECT = `SELECT t.id, t.slug, t.name, t.created_at AS "createdAt",
  greatest(t.updated_at, (SELECT max(ct.updated_at) FROM committee_terms ct WHERE ct.tenant_id = t.id)) AS "modifiedAt"
  FROM tenants t WHERE t.archived_at IS NULL`;

function body(urls: OparlUrls, r: BodyRow, terms: TermRow[]): OparlObject {
  const list = (segment: Parameters<OparlUrls['list']>[1]) => urls.list(r.slug, segment);
  return {
    id: urls.body(r.slug),
    type: oparlType('Body'),
    system: urls.system(),
    name: r.name,
    shortName: r.slug,
    website: `${urls.publicUrl}/${r.slug}/`,
    organization: list('organization'),
    person: list('person'),
    meeting: list('meeting'),
    paper: list('paper'),
    agendaItem: list('agendaItem'),
    consultation: list('consultation'),
    file: list('file'),
    locationList: list('location'),
    legislativeTermList: list('legislativeTerm'),
    membership: list('membership'),
    // Required, so written even when empty.
    legislativeTerm: terms.map((t) => {
      const term: OparlObject = {
        id: urls.object(r.slug, 'legislativeTerm', t.id),
        type: oparlType('LegislativeTerm'),
        name: t.name,
        startDate: t.startDate,
        created: dt(t.createdAt),
        modified: dt(t.updatedAt),
      };
      if (t.endDate) term.endDate = t.endDate;
      return term;
    }),
    created: dt(r.createdAt),
    modified: dt(r.modifiedAt),
    web: urls.web(r.slug),
  };
}

async function termsOf(tx: Tx, tenantIds: string[]): Promise<Map<string, TermRow[]>> {
  const map = new Map<string, TermRow[]>();
  if (!tenantIds.length) return map;
  const rows = await tx.query<TermRow>(
    `SELECT tenant_id AS "tenantId", id, name, start_date::text AS "startDate", end_date::text AS "endDate", created_at AS "createdAt", updated_at AS "updatedAt"
     FROM committee_terms WHERE tenant_id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY start_date, id`,
    [tenantIds],
  );
  for (const r of rows) map.set(r.tenantId, [...(map.get(r.tenantId) ?? []), r]);
  return map;
}

export async function systemObject(db: Database, urls: OparlUrls): Promise<OparlObject> {
  const [stats] = await db.system((tx) => tx.query<{ created: Date | null; modified: Date | null }>('SELECT min(created_at) AS created, max(updated_at) AS modified FROM tenants'), {
    readOnly: true,
  });
  const now = new Date();
  return {
    id: urls.system(),
    type: oparlType('System'),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    name: 'Lotse – Gremieninformation',
    body: urls.bodies(),
    website: `${urls.publicUrl}/`,
    created: dt(stats?.created ?? now),
    modified: dt(stats?.modified ?? now),
  };
}

export async function bodyPage(db: Database, urls: OparlUrls, filter: ListFilter, page: PageRequest): Promise<{ data: OparlObject[]; total: number }> {
  return db.system(
    async (tx) => {
      const params: unknown[] = [];
      const where: string[] = [];
      for (const [value, condition] of [
        [filter.createdSince, 'b."createdAt" >='],
        [filter.createdUntil, 'b."createdAt" <='],
        [filter.modifiedSince, 'b."modifiedAt" >='],
        [filter.modifiedUntil, 'b."modifiedAt" <='],
      ] as const) {
        if (!value) continue;
        params.push(value.toISOString());
        where.push(`${condition} $${params.length}::timestamptz`);
      }
      const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [counted] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${BODY_SELECT}) b ${condition}`, params);
      params.push(page.perPage, (page.page - 1) * page.perPage);
      const rows = await tx.query<BodyRow>(
        `SELECT * FROM (${BODY_SELECT}) b ${condition} ORDER BY b."createdAt", b.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      const terms = await termsOf(
        tx,
        rows.map((r) => r.id),
      );
      return { data: rows.map((r) => body(urls, r, terms.get(r.id) ?? [])), total: Number(counted?.n ?? 0) };
    },
    { readOnly: true },
  );
}

export async function bodyObject(db: Database, urls: OparlUrls, tenantId: string): Promise<OparlObject | null> {
  return db.system(
    async (tx) => {
      const [row] = await tx.query<BodyRow>(`SELECT * FROM (${BODY_SELECT}) b WHERE b.id = $1`, [tenantId]);
      if (!row) return null;
      const terms = await termsOf(tx, [row.id]);
      return body(urls, row, terms.get(row.id) ?? []);
    },
    { readOnly: true },
  );
}
