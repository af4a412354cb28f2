import { and, asc, count, desc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import type { AdminProvider, AdminProviderDetail, ProviderCreate, ProviderListQuery, ProviderUpdate } from '../../shared/contracts/directoryAdmin.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { offers } from '../offers/offer.table.ts';
import { locations, providers } from './provider.table.ts';

export type ProviderRow = typeof providers.$inferSelect;

const EDITABLE = ['name', 'description', 'website', 'email', 'phone', 'street', 'postcode', 'town', 'trusted'] as const;

/** `%term%` for ILIKE with the wildcard characters of the term taken literally. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const presentProvider = (row: ProviderRow): AdminProvider => ({
  id: row.id,
  name: row.name,
  description: row.description,
  website: row.website,
  email: row.email,
  phone: row.phone,
  street: row.street,
  postcode: row.postcode,
  town: row.town,
  trusted: row.trusted,
  archived: row.archivedAt !== null,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** One page of providers; `onlyProviderId` confines a partner to its own provider. */
export async function listProviders(
  tx: Tx,
  query: ProviderListQuery,
  onlyProviderId?: string | null,
): Promise<{ rows: ProviderRow[]; total: number }> {
  const where: SQL[] = [];
  if (onlyProviderId !== undefined) {
    if (onlyProviderId === null) return { rows: [], total: 0 };
    where.push(eq(providers.id, onlyProviderId));
  }
  if (query.q) where.push(ilike(providers.name, containsPattern(query.q)));
  if (query.includeArchived !== 'true') where.push(isNull(providers.archivedAt));
  const condition = where.length ? and(...where) : undefined;
  const order = query.sort === 'updated' ? [desc(providers.updatedAt), asc(providers.id)] : [asc(providers.name), asc(providers.id)];
  const rows = await tx.db
    .select()
    .from(providers)
    .where(condition)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(providers).where(condition);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findProvider(tx: Tx, id: string): Promise<ProviderRow | null> {
  const [row] = await tx.db.select().from(providers).where(eq(providers.id, id));
  return row ?? null;
}

export async function presentProviderDetail(tx: Tx, row: ProviderRow): Promise<AdminProviderDetail> {
  const [offerCount] = await tx.db.select({ n: count() }).from(offers).where(eq(offers.providerId, row.id));
  const [locationCount] = await tx.db
    .select({ n: count() })
    .from(locations)
    .where(and(eq(locations.providerId, row.id), isNull(locations.archivedAt)));
  return { ...presentProvider(row), counts: { offers: Number(offerCount?.n ?? 0), locations: Number(locationCount?.n ?? 0) } };
}

const normalize = (input: ProviderCreate | ProviderUpdate) => ({
  name: input.name,
  description: input.description,
  website: input.website ?? null,
  email: input.email ?? null,
  phone: input.phone || null,
  street: input.street || null,
  postcode: input.postcode || null,
  town: input.town || null,
});

export async function createProvider(tx: Tx, author: Author, input: ProviderCreate): Promise<ProviderRow> {
  const [row] = await tx.db
    .insert(providers)
    .values({ tenantId: tx.tenantId!, ...normalize(input), trusted: input.trusted })
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'provider.created',
    entityType: 'provider',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE) },
  });
  return row!;
}

/** Replaces the editable fields; `trusted` stays unless given (the policy decided who may give it). */
export async function updateProvider(tx: Tx, author: Author, before: ProviderRow, input: ProviderUpdate): Promise<ProviderRow> {
  const values = { ...normalize(input), ...(input.trusted === undefined ? {} : { trusted: input.trusted }) };
  const changes = changedFields(before, values, EDITABLE);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await tx.db
    .update(providers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(providers.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'provider.updated', entityType: 'provider', entityId: before.id, details: { changes } });
  return row!;
}

/** Archives or restores; doing it twice changes nothing and logs nothing. */
export async function setProviderArchived(tx: Tx, author: Author, before: ProviderRow, archived: boolean): Promise<ProviderRow> {
  if ((before.archivedAt !== null) === archived) return before;
  const [row] = await tx.db
    .update(providers)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(providers.id, before.id))
    .returning();
  await writeAudit(tx, {
    ...author,
    action: archived ? 'provider.archived' : 'provider.restored',
    entityType: 'provider',
    entityId: before.id,
    details: { changes: { archived: { before: !archived, after: archived } } },
  });
  return row!;
}
