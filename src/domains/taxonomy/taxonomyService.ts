import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { fromDatabaseError } from '../../server/errorHandler.ts';
import type { AreaInput, FieldOfActionInput, TargetGroupInput } from '../../shared/contracts/directoryAdmin.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { areas, fieldsOfAction, targetGroups } from './taxonomy.table.ts';

/** The three office-kept lists share one lifecycle; this says where each lives and who uses it. */
export const TAXONOMY_KINDS = {
  field: { table: fieldsOfAction, entityType: 'field_of_action', offerColumn: 'field_ids', label: 'field of action' },
  targetGroup: { table: targetGroups, entityType: 'target_group', offerColumn: 'target_group_ids', label: 'target group' },
  area: { table: areas, entityType: 'area', offerColumn: 'area_ids', label: 'area' },
} as const;
export type TaxonomyKind = keyof typeof TAXONOMY_KINDS;

type InputOf = { field: FieldOfActionInput; targetGroup: TargetGroupInput; area: AreaInput };
type RowOf = { field: typeof fieldsOfAction.$inferSelect; targetGroup: typeof targetGroups.$inferSelect; area: typeof areas.$inferSelect };
const FIELDS = {
  field: ['key', 'names', 'icon', 'color', 'sort'],
  targetGroup: ['key', 'names', 'sort'],
  area: ['key', 'kind', 'names', 'lat', 'lon', 'sort'],
} as const;

// The three tables share id, key, names, sort and timestamps; drizzle cannot type a union of
// tables, so the common operations use the narrowest of them and the inputs carry the rest.
const tableOf = (kind: TaxonomyKind) => TAXONOMY_KINDS[kind].table as typeof targetGroups;

/** Names only in languages the tenant publishes in (German is required by the contract). */
function checkNames(tenant: Tenant, names: Record<string, string>, field = 'names'): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [lang, text] of Object.entries(names)) {
    if (!tenant.languages.includes(lang) && lang !== 'de') {
      throw new AppError('validation_failed', `Language "${lang}" is not offered here`, { field: `${field}.${lang}` });
    }
    if (text.length > 0) clean[lang] = text;
  }
  return clean;
}

/** Number of offers referring to each entry of the kind (all statuses: an archived offer still points at it). */
async function offerCounts(tx: Tx, kind: TaxonomyKind, id?: string): Promise<Map<string, number>> {
  const column = TAXONOMY_KINDS[kind].offerColumn;
  const rows = await tx.query<{ id: string; n: number }>(
    `SELECT r.id::text AS id, count(*)::int AS n FROM offers o, unnest(o.${column}) AS r(id)
     WHERE $1::uuid IS NULL OR r.id = $1::uuid GROUP BY r.id`,
    [id ?? null],
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function listTaxonomy<K extends TaxonomyKind>(tx: Tx, kind: K): Promise<Array<RowOf[K] & { offerCount: number }>> {
  const table = tableOf(kind);
  const rows = (await tx.db.select().from(table).orderBy(asc(table.sort), asc(table.key))) as RowOf[K][];
  const counts = await offerCounts(tx, kind);
  return rows.map((r) => ({ ...r, offerCount: counts.get(r.id) ?? 0 }));
}

export async function findTaxonomy<K extends TaxonomyKind>(tx: Tx, kind: K, id: string): Promise<(RowOf[K] & { offerCount: number }) | null> {
  const table = tableOf(kind);
  const [row] = (await tx.db.select().from(table).where(eq(table.id, id))) as RowOf[K][];
  if (!row) return null;
  const counts = await offerCounts(tx, kind, id);
  return { ...row, offerCount: counts.get(id) ?? 0 };
}

async function assertKeyFree(tx: Tx, kind: TaxonomyKind, key: string, exceptId?: string): Promise<void> {
  const table = tableOf(kind);
  const [hit] = await tx.db.select({ id: table.id }).from(table).where(eq(table.key, key));
  if (hit && hit.id !== exceptId) throw new AppError('duplicate', `The key "${key}" is already used`, { field: 'key' });
}

/** A unique violation that slipped past the check (concurrent insert) still names the key. */
function rethrowDuplicateKey(error: unknown): never {
  const mapped = fromDatabaseError(error);
  if (mapped?.code === 'duplicate') throw new AppError('duplicate', 'The key is already used', { field: 'key' });
  throw error;
}

export async function createTaxonomy<K extends TaxonomyKind>(
  tx: Tx,
  tenant: Tenant,
  author: Author,
  kind: K,
  input: InputOf[K],
): Promise<RowOf[K] & { offerCount: number }> {
  const values = { ...input, names: checkNames(tenant, input.names) };
  await assertKeyFree(tx, kind, values.key);
  const table = tableOf(kind);
  const [row] = (await tx.db
    .insert(table)
    .values({ ...(values as TargetGroupInput), tenantId: tx.tenantId! })
    .returning()
    .catch(rethrowDuplicateKey)) as RowOf[K][];
  await writeAudit(tx, {
    ...author,
    action: `${TAXONOMY_KINDS[kind].entityType}.created`,
    entityType: TAXONOMY_KINDS[kind].entityType,
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row as Record<string, unknown>, FIELDS[kind]) },
  });
  return { ...row!, offerCount: 0 };
}

export async function updateTaxonomy<K extends TaxonomyKind>(
  tx: Tx,
  tenant: Tenant,
  author: Author,
  kind: K,
  before: RowOf[K] & { offerCount: number },
  input: InputOf[K],
): Promise<RowOf[K] & { offerCount: number }> {
  const values = { ...input, names: checkNames(tenant, input.names) };
  const changes = changedFields(before as Record<string, unknown>, values as Record<string, unknown>, FIELDS[kind]);
  if (Object.keys(changes).length === 0) return before;
  if (values.key !== before.key) await assertKeyFree(tx, kind, values.key, before.id);
  const table = tableOf(kind);
  const [row] = (await tx.db
    .update(table)
    .set({ ...(values as TargetGroupInput), updatedAt: new Date() })
    .where(eq(table.id, before.id))
    .returning()
    .catch(rethrowDuplicateKey)) as RowOf[K][];
  await writeAudit(tx, {
    ...author,
    action: `${TAXONOMY_KINDS[kind].entityType}.updated`,
    entityType: TAXONOMY_KINDS[kind].entityType,
    entityId: before.id,
    details: { changes },
  });
  return { ...row!, offerCount: before.offerCount };
}

/** What else (besides offers) points at an entry and would be left dangling. */
async function otherUses(tx: Tx, kind: TaxonomyKind, id: string): Promise<string | null> {
  if (kind === 'area') {
    const [r] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM locations WHERE area_id = $1', [id]);
    return Number(r?.n) > 0 ? `${r!.n} location(s)` : null;
  }
  const sql =
    kind === 'targetGroup'
      ? 'SELECT count(*)::int AS n FROM first_steps_lists WHERE target_group_id = $1'
      : `SELECT count(*)::int AS n FROM first_steps_lists l WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(l.steps) s WHERE s->>'fieldId' = $1::text)`;
  const [r] = await tx.query<{ n: number }>(sql, [id]);
  return Number(r?.n) > 0 ? `${r!.n} first-steps list(s)` : null;
}

/** Deletes an entry nobody uses; otherwise a 409 that says how many offers (or others) use it. */
export async function deleteTaxonomy(tx: Tx, author: Author, kind: TaxonomyKind, before: { id: string; key: string; names: unknown; offerCount: number }): Promise<void> {
  const { label, entityType } = TAXONOMY_KINDS[kind];
  if (before.offerCount > 0) {
    throw new AppError('conflict', `This ${label} is used by ${before.offerCount} offer(s); remove it from them first`, {
      details: { offers: before.offerCount },
    });
  }
  const other = await otherUses(tx, kind, before.id);
  if (other) throw new AppError('conflict', `This ${label} is used by ${other}; remove it there first`);
  const table = tableOf(kind);
  await tx.db.delete(table).where(eq(table.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: `${entityType}.deleted`,
    entityType,
    entityId: before.id,
    details: { changes: { key: { before: before.key, after: null }, names: { before: before.names, after: null } } },
  });
}
