import { asc } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { CORE_FIELDS_OF_ACTION, type FieldOfActionOption } from '../../../shared/contracts/casePlans.ts';
import { DEFAULT_FIELDS_OF_ACTION } from '../../taxonomy/defaultTaxonomy.ts';
import { fieldsOfAction } from '../../taxonomy/taxonomy.table.ts';

/**
 * The fields of action an assessment or goal may use: the eight of the German programmes
 * (language, education, work, housing, health, family, residence, participation) — named as in the
 * tenant's taxonomy where it has them, else with the default names — followed by the tenant's other
 * fields of action (e.g. counselling). Rows store the key, so renaming a field in the taxonomy
 * renames it everywhere.
 */
export async function fieldOptions(tx: Tx): Promise<FieldOfActionOption[]> {
  const rows = await tx.db
    .select({ key: fieldsOfAction.key, names: fieldsOfAction.names, color: fieldsOfAction.color })
    .from(fieldsOfAction)
    .orderBy(asc(fieldsOfAction.sort), asc(fieldsOfAction.key));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const core: FieldOfActionOption[] = CORE_FIELDS_OF_ACTION.map((key) => {
    const own = byKey.get(key);
    const fallback = DEFAULT_FIELDS_OF_ACTION.find((f) => f.key === key)!;
    return { key, names: own?.names ?? fallback.names, color: own?.color ?? fallback.color };
  });
  const coreKeys = new Set<string>(CORE_FIELDS_OF_ACTION);
  const others = rows.filter((r) => !coreKeys.has(r.key)).map((r) => ({ key: r.key, names: r.names, color: r.color }));
  return [...core, ...others];
}

/** Throws a 400 naming `field` unless `key` is one of the options. */
export function requireKnownField(options: FieldOfActionOption[], key: string, field: string): void {
  if (!options.some((o) => o.key === key)) {
    throw new AppError('validation_failed', `Unknown field of action "${key.slice(0, 40)}"`, { field });
  }
}

/** The name of a field in a language (German, then the key, as fallbacks). */
export function fieldName(options: FieldOfActionOption[], key: string, lang: string): string {
  const option = options.find((o) => o.key === key);
  return option?.names[lang] || option?.names.de || key;
}
