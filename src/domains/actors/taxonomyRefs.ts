import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { areas, fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';

/**
 * Taxonomy references (fields of action, target groups, areas) must exist in this tenant.
 * Row-level security hides other tenants' entries, so a foreign id is simply unknown: 400 naming the field.
 */
export async function checkTaxonomyRefs(tx: Tx, refs: { fieldIds?: string[]; targetGroupIds?: string[]; areaIds?: string[] }): Promise<void> {
  const checks = [
    { field: 'fieldIds', ids: refs.fieldIds ?? [], table: fieldsOfAction, label: 'field of action' },
    { field: 'targetGroupIds', ids: refs.targetGroupIds ?? [], table: targetGroups, label: 'target group' },
    { field: 'areaIds', ids: refs.areaIds ?? [], table: areas, label: 'area' },
  ] as const;
  for (const check of checks) {
    if (check.ids.length === 0) continue;
    const found = await tx.db.select({ id: check.table.id }).from(check.table).where(inArray(check.table.id, [...check.ids]));
    const known = new Set(found.map((r) => r.id));
    const unknown = check.ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new AppError('validation_failed', `Unknown ${check.label}: ${unknown.slice(0, 5).join(', ')}`, { field: check.field, details: { unknown } });
    }
  }
}

/** The ids of a tenant's taxonomy, to leave out references to entries deleted since. */
export interface KnownTaxonomy {
  fields: Set<string>;
  targetGroups: Set<string>;
  areas: Set<string>;
}

export async function knownTaxonomy(tx: Tx): Promise<KnownTaxonomy> {
  const rows = await tx.query<{ kind: string; id: string }>(
    `SELECT 'f' AS kind, id FROM fields_of_action UNION ALL SELECT 't', id FROM target_groups UNION ALL SELECT 'a', id FROM areas`,
  );
  const known: KnownTaxonomy = { fields: new Set(), targetGroups: new Set(), areas: new Set() };
  for (const r of rows) (r.kind === 'f' ? known.fields : r.kind === 't' ? known.targetGroups : known.areas).add(r.id);
  return known;
}

export const dedupe = <T>(items: readonly T[]): T[] => [...new Set(items)];
