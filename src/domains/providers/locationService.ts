import { and, asc, count, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AdminLocation, LocationBody, LocationListQuery } from '../../shared/contracts/directoryAdmin.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { areas } from '../taxonomy/taxonomy.table.ts';
import { locations, providers } from './provider.table.ts';
import { containsPattern } from './providerService.ts';

export type LocationRow = typeof locations.$inferSelect;
type LocationWithProvider = LocationRow & { providerName: string | null };

const EDITABLE = [
  'providerId',
  'name',
  'street',
  'postcode',
  'town',
  'areaId',
  'lat',
  'lon',
  'barrierFree',
  'temporarilyClosed',
  'appointmentOnly',
  'openingHours',
  'contacts',
] as const;

export const presentLocation = (row: LocationWithProvider): AdminLocation => ({
  id: row.id,
  providerId: row.providerId,
  providerName: row.providerName,
  name: row.name,
  street: row.street,
  postcode: row.postcode,
  town: row.town,
  areaId: row.areaId,
  lat: row.lat,
  lon: row.lon,
  barrierFree: row.barrierFree,
  temporarilyClosed: row.temporarilyClosed,
  appointmentOnly: row.appointmentOnly,
  openingHours: row.openingHours,
  contacts: row.contacts,
  archived: row.archivedAt !== null,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const selection = { location: locations, providerName: providers.name };
const flatten = (r: { location: LocationRow; providerName: string | null }): LocationWithProvider => ({ ...r.location, providerName: r.providerName });

/** One page of locations; `onlyProviderId` confines a partner to its own provider's locations. */
export async function listLocations(
  tx: Tx,
  query: LocationListQuery,
  onlyProviderId?: string | null,
): Promise<{ rows: LocationWithProvider[]; total: number }> {
  const where: SQL[] = [];
  if (onlyProviderId !== undefined) {
    if (onlyProviderId === null) return { rows: [], total: 0 };
    where.push(eq(locations.providerId, onlyProviderId));
  }
  if (query.providerId) where.push(eq(locations.providerId, query.providerId));
  if (query.areaId) where.push(eq(locations.areaId, query.areaId));
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(locations.name, pattern), ilike(locations.street, pattern), ilike(locations.town, pattern))!);
  }
  if (query.includeArchived !== 'true') where.push(isNull(locations.archivedAt));
  const condition = where.length ? and(...where) : undefined;
  const rows = await tx.db
    .select(selection)
    .from(locations)
    .leftJoin(providers, and(eq(providers.tenantId, locations.tenantId), eq(providers.id, locations.providerId)))
    .where(condition)
    .orderBy(asc(locations.name), asc(locations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(locations).where(condition);
  return { rows: rows.map(flatten), total: Number(total?.n ?? 0) };
}

export async function findLocation(tx: Tx, id: string): Promise<LocationWithProvider | null> {
  const [row] = await tx.db
    .select(selection)
    .from(locations)
    .leftJoin(providers, and(eq(providers.tenantId, locations.tenantId), eq(providers.id, locations.providerId)))
    .where(eq(locations.id, id));
  return row ? flatten(row) : null;
}

/**
 * References must exist in this tenant. Row-level security hides other tenants' rows, so their
 * ids read as unknown here (and the composite foreign keys would refuse them anyway).
 */
async function checkReferences(tx: Tx, input: LocationBody): Promise<void> {
  if (input.providerId) {
    const [p] = await tx.db.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId));
    if (!p) throw new AppError('validation_failed', 'Unknown provider', { field: 'providerId' });
  }
  if (input.areaId) {
    const [a] = await tx.db.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId));
    if (!a) throw new AppError('validation_failed', 'Unknown area', { field: 'areaId' });
  }
}

const normalize = (input: LocationBody) => ({
  providerId: input.providerId ?? null,
  name: input.name,
  street: input.street,
  postcode: input.postcode,
  town: input.town,
  areaId: input.areaId ?? null,
  lat: input.lat ?? null,
  lon: input.lon ?? null,
  barrierFree: input.barrierFree,
  temporarilyClosed: input.temporarilyClosed,
  appointmentOnly: input.appointmentOnly,
  // Sorted by weekday so the public navigator can render them as stored.
  openingHours: [...input.openingHours]
    .sort((a, b) => a.weekday - b.weekday)
    .map((d) => ({ ...d, slots: [...d.slots].sort((x, y) => x.start.localeCompare(y.start)) })),
  contacts: input.contacts,
});

export async function createLocation(tx: Tx, author: Author, input: LocationBody): Promise<LocationWithProvider> {
  await checkReferences(tx, input);
  const [row] = await tx.db
    .insert(locations)
    .values({ tenantId: tx.tenantId!, ...normalize(input) })
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'location.created',
    entityType: 'location',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE) },
  });
  return (await findLocation(tx, row!.id))!;
}

export async function updateLocation(tx: Tx, author: Author, before: LocationRow, input: LocationBody): Promise<LocationWithProvider> {
  await checkReferences(tx, input);
  const values = normalize(input);
  const changes = changedFields(before, values, EDITABLE);
  if (Object.keys(changes).length > 0) {
    await tx.db
      .update(locations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(locations.id, before.id));
    await writeAudit(tx, { ...author, action: 'location.updated', entityType: 'location', entityId: before.id, details: { changes } });
  }
  return (await findLocation(tx, before.id))!;
}

/** Archives or restores; doing it twice changes nothing and logs nothing. */
export async function setLocationArchived(tx: Tx, author: Author, before: LocationRow, archived: boolean): Promise<LocationWithProvider> {
  if ((before.archivedAt !== null) !== archived) {
    await tx.db
      .update(locations)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(locations.id, before.id));
    await writeAudit(tx, {
      ...author,
      action: archived ? 'location.archived' : 'location.restored',
      entityType: 'location',
      entityId: before.id,
      details: { changes: { archived: { before: !archived, after: archived } } },
    });
  }
  return (await findLocation(tx, before.id))!;
}
