import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../errors.ts';
import { MERGE_FIELD_COLUMNS, MERGE_FIELDS, type MergeBody, type MergeField } from '../../../shared/contracts/casePersons.ts';
import { logCaseAccess } from '../accessLog.ts';
import { persons } from '../case.table.ts';
import { loadPerson, type PersonRow } from '../caseLookup.ts';
import { PERSONAL_DATA_TABLES } from '../personalData.ts';
import { assertNotRestricted } from './person.policy.ts';
import {
  assertVersion,
  deleteEmptyHousehold,
  normalizeValues,
  type PersonCtx,
  type PersonValues,
  plainOf,
  recordCorrections,
  writePersonValues,
} from './personService.ts';

/**
 * Merging two records of the same person. Everything happens in the caller's one transaction, so a
 * failure anywhere leaves both records exactly as they were:
 * 1. the surviving record takes, per field group, the value the user chose (Art. 16 history rows
 *    for every changed field); the other record's names are kept as other names;
 * 2. the merged-away record becomes a tombstone: its values leave it (each one kept in the history),
 *    it gets `merged_into_id`, leaves its household and disappears from lists and duplicate checks
 *    (personScopeSql, lotse_person_candidates); reading it answers with the survivor;
 * 3. cases and every row of the tables registered in personalData.ts (person column), the history
 *    included, move to the survivor — except the append-only access log, whose entries keep naming
 *    the merged-away id (the tombstone stays, so "who saw my data" can follow merged_into_id);
 * 4. both records get a 'merge' access-log entry.
 * Erasing the survivor later erases everything: no second copy of the person's data is left behind.
 */
const APPEND_ONLY = new Set(['case_access_log']);
const IDENT = /^[a-z_][a-z0-9_]*$/;

/** What a merged-away record keeps of the person: nothing (names are NOT NULL, so empty). */
const TOMBSTONE: PersonValues = {
  givenName: '',
  familyName: '',
  otherNames: [],
  birthDate: null,
  gender: null,
  nationalities: [],
  languages: [],
  preferredLanguage: null,
  phone: null,
  email: null,
  street: null,
  postcode: null,
  town: null,
  residenceStatus: null,
  residenceExpiresOn: null,
  residenceDetails: null,
  healthNotes: null,
  accommodation: null,
  householdId: null,
  householdRole: null,
};

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Whose value each field group keeps: the user's choice, else the survivor's unless it is empty. */
export function mergeChoices(survivor: PersonValues, merged: PersonValues, choose: MergeBody['choose']): Record<MergeField, 'survivor' | 'merged'> {
  const out = {} as Record<MergeField, 'survivor' | 'merged'>;
  for (const field of MERGE_FIELDS) {
    const chosen = choose[field];
    if (chosen) out[field] = chosen;
    else {
      const columns = MERGE_FIELD_COLUMNS[field];
      out[field] = columns.every((c) => isEmpty(survivor[c])) && columns.some((c) => !isEmpty(merged[c])) ? 'merged' : 'survivor';
    }
  }
  return out;
}

export async function mergePersons(pctx: PersonCtx, survivorId: string, body: MergeBody): Promise<PersonRow> {
  const { tx, crypto } = pctx;
  if (body.mergeId === survivorId) throw new AppError('validation_failed', 'A record cannot be merged with itself', { field: 'mergeId' });
  const survivor = await loadPerson(tx, pctx.scope, survivorId);
  let merged: PersonRow;
  try {
    merged = await loadPerson(tx, pctx.scope, body.mergeId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw new AppError('validation_failed', 'Unknown person', { field: 'mergeId' });
    throw e;
  }
  assertNotRestricted(survivor);
  assertNotRestricted(merged);
  assertVersion(survivor, body.version, 'version');
  assertVersion(merged, body.mergeVersion, 'mergeVersion');

  const a = plainOf(crypto, survivor);
  const b = plainOf(crypto, merged);
  const choices = mergeChoices(a, b, body.choose);
  const next: PersonValues = { ...a };
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== 'merged') continue;
    for (const column of MERGE_FIELD_COLUMNS[field]) (next as unknown as Record<string, unknown>)[column] = b[column];
  }
  // No spelling is lost: the name that does not survive and the other record's other names stay as other names.
  const dropped = choices.name === 'merged' ? a : b;
  next.otherNames = [...a.otherNames, ...b.otherNames, { givenName: dropped.givenName, familyName: dropped.familyName, script: '' }].filter(
    (n) => !(n.givenName === next.givenName && n.familyName === next.familyName && !n.script),
  );
  const normalized = normalizeValues(next);

  // 1. the survivor's new state, with its history
  const written = await writePersonValues(pctx, survivor, normalized, { reason: body.reason ?? null, logAction: false });
  let updated = written.row;
  if (!written.fields.length) {
    // Nothing of the survivor's own data changed, but its cases did: stale forms must reload.
    const [bumped] = await tx.db
      .update(persons)
      .set({ version: survivor.version + 1, updatedAt: new Date() })
      .where(and(eq(persons.id, survivorId), eq(persons.version, survivor.version)))
      .returning();
    if (!bumped) throw new AppError('conflict', 'Someone else changed this record in the meantime; reload it and apply your change again', { field: 'version' });
    updated = bumped;
  }

  // 2. the merged-away record becomes a tombstone: its values are in the survivor or, where they were
  // not chosen, only in the history (Art. 16) — so no second copy of the person's data lingers, and
  // erasing the survivor (with its history) erases everything.
  const { row: emptied } = await writePersonValues(pctx, merged, TOMBSTONE, { reason: body.reason ?? null, logAction: false });
  const [marked] = await tx.db
    .update(persons)
    .set({ mergedIntoId: survivorId, version: emptied.version + 1, updatedAt: new Date() })
    .where(and(eq(persons.id, merged.id), eq(persons.version, emptied.version)))
    .returning({ id: persons.id });
  if (!marked) throw new AppError('conflict', 'Someone else changed this record in the meantime; reload it and apply your change again', { field: 'mergeVersion' });

  // 3. move everything about the merged record (its history too)
  const moved: Record<string, number> = {};
  for (const entry of PERSONAL_DATA_TABLES) {
    const column = entry.personColumn;
    if (!column || column === 'id' || APPEND_ONLY.has(entry.table)) continue;
    if (!IDENT.test(entry.table) || !IDENT.test(column)) throw new Error(`invalid personal data table ${entry.table}.${column}`);
    const rows = await tx.query<{ n: number }>(
      `WITH m AS (UPDATE "${entry.table}" SET "${column}" = $1 WHERE "${column}" = $2 RETURNING 1) SELECT count(*)::int AS n FROM m`,
      [survivorId, merged.id],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n) moved[entry.table] = n;
  }

  await recordCorrections(pctx, { personId: survivorId, entityType: 'person', entityId: merged.id, reason: body.reason ?? null }, [
    { field: 'mergedIntoId', oldValue: null, newValue: survivorId },
  ]);
  await recordCorrections(pctx, { personId: survivorId, entityType: 'person', entityId: survivorId, reason: body.reason ?? null }, [
    { field: 'mergedFrom', oldValue: null, newValue: merged.id },
  ]);
  if (b.householdId && b.householdId !== normalized.householdId) await deleteEmptyHousehold(tx, b.householdId);
  if (a.householdId && a.householdId !== normalized.householdId) await deleteEmptyHousehold(tx, a.householdId);

  // 4. the access log of both
  const fromMerged = MERGE_FIELDS.filter((f) => choices[f] === 'merged');
  await logCaseAccess(tx, pctx.actor, {
    action: 'merge',
    entityType: 'person',
    entityId: survivorId,
    personId: survivorId,
    purpose: body.reason ?? null,
    details: { mergedPersonId: merged.id, fieldsFromMerged: fromMerged, moved },
  });
  await logCaseAccess(tx, pctx.actor, {
    action: 'merge',
    entityType: 'person',
    entityId: merged.id,
    personId: merged.id,
    purpose: body.reason ?? null,
    details: { mergedIntoId: survivorId },
  });
  return updated;
}
