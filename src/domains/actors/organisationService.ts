import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type {
  AdminOrganisation,
  DuplicateCandidate,
  DuplicateReason,
  OrganisationCreate,
  OrganisationDetail,
  OrganisationDuplicateQuery,
  OrganisationInput,
  OrganisationListQuery,
} from '../../shared/contracts/actors.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { providers } from '../providers/provider.table.ts';
import { membershipsOf, mergesOf, relationshipsOf } from './actorLinks.ts';
import { organisations } from './actors.table.ts';
import { domainsOf, normalizeName } from './normalize.ts';
import { checkTaxonomyRefs, dedupe, type KnownTaxonomy, knownTaxonomy } from './taxonomyRefs.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

const EDITABLE = [
  'name', 'type', 'description', 'street', 'postcode', 'town', 'website', 'email', 'phone', 'languages', 'fieldIds', 'targetGroupIds', 'areaIds', 'providerId',
] as const;

/** Name similarity from which two organisations count as likely the same (pg_trgm, 0…1). */
export const ORGANISATION_SIMILARITY = 0.5;

export function presentOrganisation(row: OrganisationRow, providerName: string | null, known?: KnownTaxonomy): AdminOrganisation {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    street: row.street,
    postcode: row.postcode,
    town: row.town,
    website: row.website,
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    fieldIds: known ? row.fieldIds.filter((id) => known.fields.has(id)) : row.fieldIds,
    targetGroupIds: known ? row.targetGroupIds.filter((id) => known.targetGroups.has(id)) : row.targetGroupIds,
    areaIds: known ? row.areaIds.filter((id) => known.areas.has(id)) : row.areaIds,
    provider: row.providerId ? { id: row.providerId, name: providerName ?? '' } : null,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `%term%` for ILIKE, the term's wildcards taken literally. */
const contains = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listOrganisations(tx: Tx, query: OrganisationListQuery): Promise<{ items: AdminOrganisation[]; total: number }> {
  const where: SQL[] = [];
  if (query.q) {
    const norm = normalizeName(query.q);
    where.push(sql`(${organisations.name} ILIKE ${contains(query.q)} OR ${organisations.normName} LIKE ${contains(norm)})`);
  }
  if (query.type) where.push(eq(organisations.type, query.type));
  if (query.fieldId) where.push(sql`${organisations.fieldIds} @> ARRAY[${query.fieldId}]::uuid[]`);
  if (query.targetGroupId) where.push(sql`${organisations.targetGroupIds} @> ARRAY[${query.targetGroupId}]::uuid[]`);
  if (query.areaId) where.push(sql`${organisations.areaIds} @> ARRAY[${query.areaId}]::uuid[]`);
  if (query.groupId) {
    where.push(sql`EXISTS (SELECT 1 FROM group_members m WHERE m.tenant_id = ${organisations.tenantId} AND m.organisation_id = ${organisations.id} AND m.group_id = ${query.groupId})`);
  }
  if (query.includeArchived !== 'true') where.push(sql`${organisations.archivedAt} IS NULL`);
  const condition = where.length ? and(...where) : undefined;
  const rows = await tx.db
    .select({ o: organisations, providerName: providers.name })
    .from(organisations)
    .leftJoin(providers, and(eq(providers.tenantId, organisations.tenantId), eq(providers.id, organisations.providerId)))
    .where(condition)
    .orderBy(organisations.normName, organisations.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(condition);
  const known = await knownTaxonomy(tx);
  return { items: rows.map((r) => presentOrganisation(r.o, r.providerName, known)), total: Number(total?.n ?? 0) };
}

export async function findOrganisation(tx: Tx, id: string): Promise<OrganisationRow | null> {
  const [row] = await tx.db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function requireOrganisation(tx: Tx, id: string, field?: string): Promise<OrganisationRow> {
  const row = await findOrganisation(tx, id);
  if (!row) throw field ? new AppError('validation_failed', 'Unknown organisation', { field }) : new AppError('not_found', 'Organisation not found');
  return row;
}

async function providerName(tx: Tx, providerId: string | null): Promise<string | null> {
  if (!providerId) return null;
  const [p] = await tx.db.select({ name: providers.name }).from(providers).where(eq(providers.id, providerId));
  return p?.name ?? null;
}

export async function presentOrganisationDetail(tx: Tx, row: OrganisationRow): Promise<OrganisationDetail> {
  const [name, known, relationships, memberships, merges] = [
    await providerName(tx, row.providerId),
    await knownTaxonomy(tx),
    await relationshipsOf(tx, { organisationId: row.id }),
    await membershipsOf(tx, { organisationId: row.id }),
    await mergesOf(tx, row.id),
  ];
  return { ...presentOrganisation(row, name, known), relationships, memberships, merges };
}

/** Likely duplicates: a similar normalised name, the same web or mail domain, the same e-mail address. */
export async function findOrganisationDuplicates(tx: Tx, query: OrganisationDuplicateQuery): Promise<DuplicateCandidate[]> {
  const norm = normalizeName(query.name);
  const domains = domainsOf(query.website, query.email);
  const email = query.email?.trim() || null;
  const rows = await tx.query<{ id: string; name: string; town: string | null; type: string; score: number; same_domain: boolean; same_email: boolean }>(
    `SELECT id, name, town, type, similarity(norm_name, $1)::float8 AS score,
            (domains && $2::text[]) AS same_domain,
            coalesce(lower(email) = lower($3::text), false) AS same_email
     FROM organisations
     WHERE ($4::uuid IS NULL OR id <> $4::uuid)
       AND (similarity(norm_name, $1) >= $5 OR domains && $2::text[] OR lower(email) = lower($3::text))
     ORDER BY score DESC, name
     LIMIT 10`,
    [norm, domains, email, query.excludeId ?? null, ORGANISATION_SIMILARITY],
  );
  return rows.map((r) => {
    const reasons: DuplicateReason[] = [];
    if (r.score >= ORGANISATION_SIMILARITY) reasons.push('similar_name');
    if (r.same_domain) reasons.push('same_domain');
    if (r.same_email) reasons.push('same_email');
    return { id: r.id, name: r.name, detail: [r.town, r.type].filter(Boolean).join(' · '), score: Math.round(r.score * 100) / 100, reasons };
  });
}

/** References of the input: taxonomy entries and the provider must exist in this tenant; one organisation per provider. */
async function checkOrganisationRefs(tx: Tx, input: OrganisationInput, selfId?: string): Promise<void> {
  await checkTaxonomyRefs(tx, input);
  if (input.providerId) {
    const [p] = await tx.db.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId));
    if (!p) throw new AppError('validation_failed', 'Unknown provider', { field: 'providerId' });
    const [taken] = await tx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.providerId, input.providerId));
    if (taken && taken.id !== selfId) {
      throw new AppError('duplicate', `This provider is already linked to the organisation "${taken.name}"`, { field: 'providerId', details: { organisationId: taken.id } });
    }
  }
}

function values(input: OrganisationInput) {
  return {
    name: input.name,
    normName: normalizeName(input.name),
    type: input.type,
    description: input.description,
    street: input.street || null,
    postcode: input.postcode || null,
    town: input.town || null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone || null,
    domains: domainsOf(input.website, input.email),
    languages: dedupe(input.languages),
    fieldIds: dedupe(input.fieldIds),
    targetGroupIds: dedupe(input.targetGroupIds),
    areaIds: dedupe(input.areaIds),
    providerId: input.providerId ?? null,
  };
}

export async function createOrganisation(tx: Tx, author: Author, input: OrganisationCreate): Promise<OrganisationRow> {
  const { ignoreDuplicates, ...data } = input;
  await checkOrganisationRefs(tx, data);
  if (!ignoreDuplicates) {
    const candidates = await findOrganisationDuplicates(tx, { name: data.name, email: data.email ?? null, website: data.website ?? null });
    if (candidates.length) {
      throw new AppError('duplicate', 'This organisation may already exist; check the candidates or confirm to create it anyway', {
        field: 'name',
        details: { candidates },
      });
    }
  }
  const [row] = await tx.db.insert(organisations).values({ tenantId: tx.tenantId!, ...values(data) }).returning();
  await writeAudit(tx, {
    ...author,
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE), ...(ignoreDuplicates ? { duplicatesConfirmed: true } : {}) },
  });
  return row!;
}

export async function updateOrganisation(tx: Tx, author: Author, before: OrganisationRow, input: OrganisationInput): Promise<OrganisationRow> {
  await checkOrganisationRefs(tx, input, before.id);
  const next = values(input);
  const changes = changedFields(before, next, EDITABLE);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await tx.db
    .update(organisations)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(organisations.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'organisation.updated', entityType: 'organisation', entityId: before.id, details: { changes } });
  return row!;
}

export async function setOrganisationArchived(tx: Tx, author: Author, before: OrganisationRow, archived: boolean): Promise<OrganisationRow> {
  if ((before.archivedAt !== null) === archived) return before;
  const [row] = await tx.db
    .update(organisations)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(organisations.id, before.id))
    .returning();
  await writeAudit(tx, {
    ...author,
    action: archived ? 'organisation.archived' : 'organisation.restored',
    entityType: 'organisation',
    entityId: before.id,
    details: { changes: { archived: { before: !archived, after: archived } } },
  });
  return row!;
}
