import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { cryptoContext, type FieldCrypto } from '../../../security/fieldCrypto.ts';
import {
  type CasePerson,
  type HistoryPage,
  PERSON_FIELDS,
  type PersonCases,
  type PersonCreate,
  type PersonField,
  type PersonSearch,
  type PersonSummary,
  type PersonUpdate,
} from '../../../shared/contracts/casePersons.ts';
import { authUser } from '../../auth/auth.table.ts';
import type { Actor } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { type CaseScope, caseScopeSql, personScopeSql } from '../case.policy.ts';
import { casePrograms, cases, households, type OtherName, persons, recordHistory, teams } from '../case.table.ts';
import { loadPerson, type PersonRow } from '../caseLookup.ts';
import { type Correction, correctionValues, writeCorrections } from '../corrections.ts';
import { nameSearchOf, namePhoneticOf, normalizeName, type NameVariant, wordCodes } from './names.ts';
import { assertNotRestricted, personPermissions } from './person.policy.ts';

/** What every person service works with: the transaction, the key ring, who acts and what they see. */
export interface PersonCtx {
  tx: Tx;
  crypto: FieldCrypto;
  actor: Actor;
  scope: CaseScope;
}

/** A person's editable data in plain text (sensitive fields decrypted). */
export interface PersonValues {
  givenName: string;
  familyName: string;
  otherNames: OtherName[];
  birthDate: string | null;
  gender: string | null;
  nationalities: string[];
  languages: string[];
  preferredLanguage: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  town: string | null;
  residenceStatus: string | null;
  residenceExpiresOn: string | null;
  residenceDetails: string | null;
  healthNotes: string | null;
  accommodation: string | null;
  householdId: string | null;
  householdRole: string | null;
}

const ENCRYPTED: Partial<Record<PersonField, string>> = {
  residenceDetails: 'residence_details_enc',
  healthNotes: 'health_notes_enc',
};

const blank = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);
const dedupe = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Other names trimmed, empty ones and repeats dropped. */
function cleanOtherNames(names: readonly { givenName?: string; familyName?: string; script?: string }[]): OtherName[] {
  const seen = new Set<string>();
  const out: OtherName[] = [];
  for (const n of names) {
    const name = { givenName: n.givenName?.trim() ?? '', familyName: n.familyName?.trim() ?? '', script: n.script?.trim() ?? '' };
    if (!name.givenName && !name.familyName) continue;
    const key = `${name.givenName}\u0000${name.familyName}\u0000${name.script}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** The same value in every spelling the client may send: blank strings are null, lists deduplicated. */
export function normalizeValues(v: PersonValues): PersonValues {
  return {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    otherNames: cleanOtherNames(v.otherNames),
    birthDate: v.birthDate ?? null,
    gender: v.gender ?? null,
    nationalities: dedupe(v.nationalities),
    languages: dedupe(v.languages),
    preferredLanguage: v.preferredLanguage ?? null,
    phone: blank(v.phone),
    email: blank(v.email),
    street: blank(v.street),
    postcode: blank(v.postcode),
    town: blank(v.town),
    residenceStatus: v.residenceStatus ?? null,
    residenceExpiresOn: v.residenceExpiresOn ?? null,
    residenceDetails: blank(v.residenceDetails),
    healthNotes: blank(v.healthNotes),
    accommodation: v.accommodation ?? null,
    householdId: v.householdId ?? null,
    householdRole: v.householdId ? (v.householdRole ?? 'other') : (v.householdRole ?? null),
  };
}

const context = (tenantId: string, column: string) => cryptoContext(tenantId, 'persons', column);

/** Decrypts a person row into its plain values. */
export function plainOf(crypto: FieldCrypto, row: PersonRow): PersonValues {
  return {
    givenName: row.givenName,
    familyName: row.familyName,
    otherNames: cleanOtherNames(row.otherNames ?? []),
    birthDate: row.birthDate,
    gender: row.gender,
    nationalities: row.nationalities,
    languages: row.languages,
    preferredLanguage: row.preferredLanguage,
    phone: row.phone,
    email: row.email,
    street: row.street,
    postcode: row.postcode,
    town: row.town,
    residenceStatus: row.residenceStatus,
    residenceExpiresOn: row.residenceExpiresOn,
    residenceDetails: crypto.decrypt(row.residenceDetailsEnc, context(row.tenantId, 'residence_details_enc')),
    healthNotes: crypto.decrypt(row.healthNotesEnc, context(row.tenantId, 'health_notes_enc')),
    accommodation: row.accommodation,
    householdId: row.householdId,
    householdRole: row.householdRole,
  };
}

export const variantsOf = (v: { givenName: string; familyName: string; otherNames: readonly NameVariant[] }): NameVariant[] => [
  { givenName: v.givenName, familyName: v.familyName },
  ...v.otherNames,
];

/** Database columns for (some of) a person's values: encrypts sensitive fields, recomputes the name keys. */
export function columnsOf(crypto: FieldCrypto, tenantId: string, values: Partial<PersonValues>, full: PersonValues) {
  const out: Partial<typeof persons.$inferInsert> = {};
  for (const [field, value] of Object.entries(values) as Array<[PersonField, unknown]>) {
    const column = ENCRYPTED[field];
    if (column === 'residence_details_enc') out.residenceDetailsEnc = crypto.encrypt(value as string | null, context(tenantId, column));
    else if (column === 'health_notes_enc') out.healthNotesEnc = crypto.encrypt(value as string | null, context(tenantId, column));
    else (out as Record<string, unknown>)[field] = value;
  }
  if ('givenName' in values || 'familyName' in values || 'otherNames' in values) {
    const variants = variantsOf(full);
    out.nameSearch = nameSearchOf(variants);
    out.namePhonetic = namePhoneticOf(variants);
  }
  return out;
}

const hasValue = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '');
/** JSON with object keys sorted (jsonb returns keys in its own order). */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The fields whose value differs between two plain states. */
export function changedFieldsOf(before: PersonValues, after: PersonValues): PersonField[] {
  return PERSON_FIELDS.filter((f) => !same(before[f], after[f]));
}

/**
 * Art. 16: one `record_history` row per changed field with the earlier and the new value
 * (JSON, encrypted — they may be as sensitive as the field itself). Usable for any entity of a person.
 */
export async function recordCorrections(
  pctx: Pick<PersonCtx, 'tx' | 'crypto' | 'actor'>,
  entry: { personId: string; caseId?: string | null; entityType: string; entityId: string; reason?: string | null },
  changes: Correction[],
): Promise<void> {
  await writeCorrections(pctx.tx, pctx.crypto, { ...entry, actorId: pctx.actor.userId, actorLabel: pctx.actor.email }, changes);
}

/** A household the actor may refer to: at least one member lies in their scope. */
export async function householdVisible(tx: Tx, scope: CaseScope, householdId: string): Promise<boolean> {
  const [row] = await tx.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.householdId, householdId), personScopeSql(scope)))
    .limit(1);
  return Boolean(row);
}

/** Rules across fields, checked on the complete new state (400 naming the field). */
async function checkValues(pctx: PersonCtx, v: PersonValues, before: PersonValues | null): Promise<void> {
  if (v.residenceExpiresOn && !v.residenceStatus) {
    throw new AppError('validation_failed', 'An expiry date needs a residence status', { field: 'residenceExpiresOn' });
  }
  if (v.householdRole && !v.householdId) {
    throw new AppError('validation_failed', 'A household role needs a household', { field: 'householdRole' });
  }
  if (v.householdId && v.householdId !== before?.householdId && !(await householdVisible(pctx.tx, pctx.scope, v.householdId))) {
    throw new AppError('validation_failed', 'Unknown household', { field: 'householdId' });
  }
}

// ---------------------------------------------------------------------------------------------
// Presenters

async function teamName(tx: Tx, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const [t] = await tx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return t?.name ?? null;
}

export async function presentPerson(pctx: PersonCtx, row: PersonRow): Promise<CasePerson> {
  const plain = plainOf(pctx.crypto, row);
  let household: CasePerson['household'] = null;
  if (row.householdId) {
    const [h] = await pctx.tx.db.select({ id: households.id, label: households.label }).from(households).where(eq(households.id, row.householdId));
    household = h ?? null;
  }
  return {
    id: row.id,
    ...plain,
    household,
    restricted: row.restricted,
    restrictionReason: row.restrictionReason,
    restrictedAt: row.restrictedAt?.toISOString() ?? null,
    teamId: row.teamId,
    teamName: await teamName(pctx.tx, row.teamId),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: personPermissions(pctx.scope, row),
  };
}

const summaryColumns = {
  id: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  otherNames: persons.otherNames,
  birthDate: persons.birthDate,
  nationalities: persons.nationalities,
  town: persons.town,
  restricted: persons.restricted,
  householdId: persons.householdId,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] | null };

/**
 * Open cases per person in the actor's scope. (Conditions on other tables stay in WHERE clauses:
 * drizzle leaves columns in a select list unqualified, which would bind them to the subquery.)
 */
async function openCasesOf(tx: Tx, scope: CaseScope, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await tx.db
    .select({ personId: cases.personId, n: count() })
    .from(cases)
    .where(and(inArray(cases.personId, ids), sql`${cases.state} <> 'closed'`, caseScopeSql(scope)))
    .groupBy(cases.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

/** Which of the given persons the actor may see (personScopeSql). */
export async function visibleIds(tx: Tx, scope: CaseScope, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(inArray(persons.id, ids), personScopeSql(scope)));
  return new Set(rows.map((r) => r.id));
}

async function presentSummaries(tx: Tx, scope: CaseScope, rows: SummaryRow[]): Promise<PersonSummary[]> {
  const open = await openCasesOf(
    tx,
    scope,
    rows.map((r) => r.id!),
  );
  return rows.map((r) => ({
    id: r.id!,
    givenName: r.givenName ?? '',
    familyName: r.familyName ?? '',
    otherNames: cleanOtherNames(r.otherNames ?? []),
    birthDate: r.birthDate ?? null,
    nationalities: r.nationalities ?? [],
    town: r.town ?? null,
    restricted: Boolean(r.restricted),
    householdId: r.householdId ?? null,
    openCases: open.get(r.id!) ?? 0,
  }));
}

/** Summaries of the given persons (the caller checked visibility). */
export async function summariesOf(tx: Tx, scope: CaseScope, ids: string[]): Promise<Map<string, PersonSummary>> {
  if (!ids.length) return new Map();
  const rows = await tx.db.select(summaryColumns).from(persons).where(inArray(persons.id, ids));
  return new Map((await presentSummaries(tx, scope, rows)).map((s) => [s.id, s]));
}

// ---------------------------------------------------------------------------------------------
// Create, read, update

/** Inserts a person (the caller ran the duplicate check). */
export async function createPerson(pctx: PersonCtx, input: PersonCreate): Promise<PersonRow> {
  const { confirmedNotDuplicate: _confirmed, ...fields } = input;
  const values = normalizeValues(fields);
  await checkValues(pctx, values, null);
  const tenantId = pctx.tx.tenantId!;
  const [row] = await pctx.tx.db
    .insert(persons)
    .values({
      tenantId,
      ...(columnsOf(pctx.crypto, tenantId, values, values) as { givenName: string; familyName: string }),
      teamId: pctx.actor.teamId,
      createdBy: pctx.actor.userId,
    })
    .returning();
  await logCaseAccess(pctx.tx, pctx.actor, {
    action: 'create',
    entityType: 'person',
    entityId: row!.id,
    personId: row!.id,
    details: { fields: PERSON_FIELDS.filter((f) => hasValue(values[f])) },
  });
  return row!;
}

/** One person for the person page; logs the read. A merged-away record answers with its survivor's id. */
export async function readPerson(pctx: PersonCtx, id: string): Promise<CasePerson> {
  const row = await loadPerson(pctx.tx, pctx.scope, id);
  await logCaseAccess(pctx.tx, pctx.actor, { action: 'read', entityType: 'person', entityId: id, personId: id });
  return presentPerson(pctx, row);
}

/**
 * Where a merged-away record lives on: the surviving record's id, if the actor may see it (else
 * null, and the caller answers 404). Follows chains of merges.
 */
export async function survivorOf(tx: Tx, scope: CaseScope, id: string): Promise<string | null> {
  let current = id;
  for (let i = 0; i < 10; i++) {
    const [row] = await tx.db.select({ mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, current));
    if (!row) return null;
    if (!row.mergedIntoId) break;
    current = row.mergedIntoId;
  }
  if (current === id) return null;
  const [visible] = await tx.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, current), personScopeSql(scope)));
  return visible ? current : null;
}

/** Compares the version the client read; a mismatch is a 409 and nothing is written. */
export function assertVersion(row: { version: number }, version: number, field = 'version'): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'Someone else changed this record in the meantime; reload it and apply your change again', {
      field,
      details: { currentVersion: row.version },
    });
  }
}

/**
 * Writes a new state of the person: only changed fields, each with its history row, version + 1
 * (guarded in the UPDATE itself, so a concurrent writer gets a 409 instead of a lost update).
 */
export async function writePersonValues(
  pctx: PersonCtx,
  row: PersonRow,
  next: PersonValues,
  options: { reason?: string | null; logAction?: 'update' | false } = {},
): Promise<{ row: PersonRow; fields: PersonField[] }> {
  const before = plainOf(pctx.crypto, row);
  const fields = changedFieldsOf(before, next);
  if (!fields.length) {
    // nothing changed, but the caller shows the person: that is a read
    if (options.logAction !== false) {
      await logCaseAccess(pctx.tx, pctx.actor, { action: 'read', entityType: 'person', entityId: row.id, personId: row.id, details: { unchanged: true } });
    }
    return { row, fields };
  }
  const patch = Object.fromEntries(fields.map((f) => [f, next[f]])) as Partial<PersonValues>;
  const [updated] = await pctx.tx.db
    .update(persons)
    .set({ ...columnsOf(pctx.crypto, row.tenantId, patch, next), version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(persons.id, row.id), eq(persons.version, row.version)))
    .returning();
  if (!updated) throw new AppError('conflict', 'Someone else changed this record in the meantime; reload it and apply your change again', { field: 'version' });
  await recordCorrections(
    pctx,
    { personId: row.id, entityType: 'person', entityId: row.id, reason: options.reason ?? null },
    fields.map((f) => ({ field: f, oldValue: before[f], newValue: next[f] })),
  );
  if (options.logAction !== false) {
    await logCaseAccess(pctx.tx, pctx.actor, { action: 'update', entityType: 'person', entityId: row.id, personId: row.id, details: { fields } });
  }
  return { row: updated, fields };
}

/** PATCH: checks scope, restriction and version, then writes the changed fields. */
export async function updatePerson(pctx: PersonCtx, id: string, input: PersonUpdate): Promise<PersonRow> {
  const row = await loadPerson(pctx.tx, pctx.scope, id);
  assertNotRestricted(row);
  assertVersion(row, input.version);
  const { version: _version, reason, ...patch } = input;
  const before = plainOf(pctx.crypto, row);
  const next = normalizeValues({ ...before, ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PersonValues>) });
  await checkValues(pctx, next, before);
  const { row: updated } = await writePersonValues(pctx, row, next, { reason: reason ?? null });
  await deleteEmptyHousehold(pctx.tx, before.householdId);
  return updated;
}

/** Removes a household nobody belongs to any more. */
export async function deleteEmptyHousehold(tx: Tx, householdId: string | null): Promise<void> {
  if (!householdId) return;
  await tx.db
    .delete(households)
    .where(and(eq(households.id, householdId), sql`not exists (select 1 from ${persons} where ${persons.householdId} = ${householdId})`));
}

// ---------------------------------------------------------------------------------------------
// Art. 18 restriction

export async function setRestriction(pctx: PersonCtx, id: string, restricted: boolean, reason: string): Promise<PersonRow> {
  const row = await loadPerson(pctx.tx, pctx.scope, id);
  if (row.restricted === restricted) {
    // nothing changed, but the answer shows the person: that is a read
    await logCaseAccess(pctx.tx, pctx.actor, { action: 'read', entityType: 'person', entityId: id, personId: id, details: { unchanged: true } });
    return row;
  }
  const [updated] = await pctx.tx.db
    .update(persons)
    .set({
      restricted,
      restrictionReason: restricted ? reason : null,
      restrictedAt: restricted ? new Date() : null,
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(persons.id, id))
    .returning();
  await recordCorrections(pctx, { personId: id, entityType: 'person', entityId: id, reason }, [
    { field: 'restricted', oldValue: row.restricted, newValue: restricted },
  ]);
  await logCaseAccess(pctx.tx, pctx.actor, {
    action: 'restrict',
    entityType: 'person',
    entityId: id,
    personId: id,
    purpose: reason,
    details: { restricted },
  });
  return updated!;
}

// ---------------------------------------------------------------------------------------------
// Search (POST body; scoped; one access-log entry without person ids)

/** A text[] literal for a bound parameter (drizzle would expand a JS array into a list). */
export const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchPersons(pctx: PersonCtx, query: PersonSearch): Promise<{ items: PersonSummary[]; total: number }> {
  const { tx, scope } = pctx;
  const where: SQL[] = [personScopeSql(scope)];
  let rank: SQL | null = null;
  const normalized = query.name ? normalizeName(query.name) : '';
  if (normalized) {
    // Every word must occur in some spelling, or sound alike (Kölner Phonetik / Double Metaphone);
    // a whole-name trigram match catches typos across words.
    const words = normalized.split(' ').filter(Boolean).slice(0, 8);
    const perWord = words.map((w) => {
      const codes = wordCodes(w);
      const literal = sql`${persons.nameSearch} like ${likePattern(w)}`;
      return codes.length && w.length >= 3 ? sql`(${literal} or ${persons.namePhonetic} && ${textArray(codes)}::text[])` : literal;
    });
    where.push(sql`((${and(...perWord)}) or word_similarity(${normalized}, ${persons.nameSearch}) >= 0.6)`);
    rank = sql`greatest(similarity(${persons.nameSearch}, ${normalized}), word_similarity(${normalized}, ${persons.nameSearch}))`;
  }
  if (query.birthDate) where.push(eq(persons.birthDate, query.birthDate));
  if (query.restricted !== undefined) where.push(eq(persons.restricted, query.restricted));
  if (query.householdId) where.push(eq(persons.householdId, query.householdId));
  if (query.reference) {
    where.push(
      sql`exists (select 1 from ${cases} where ${cases.tenantId} = ${persons.tenantId} and ${cases.personId} = ${persons.id} and ${cases.reference} ilike ${likePattern(query.reference)} and ${caseScopeSql(scope)})`,
    );
  }
  const condition = and(...where);
  const order = [...(rank ? [desc(rank)] : []), asc(persons.familyName), asc(persons.givenName), asc(persons.id)];
  const rows = await tx.db
    .select(summaryColumns)
    .from(persons)
    .where(condition)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(persons).where(condition);
  const n = Number(total?.n ?? 0);
  const criteria = (['name', 'birthDate', 'reference', 'restricted', 'householdId'] as const).filter((k) => query[k] !== undefined && query[k] !== '');
  await logCaseAccess(tx, pctx.actor, { action: 'search', entityType: 'person', details: { criteria, total: n, page: query.page } });
  return { items: await presentSummaries(tx, scope, rows), total: n };
}

// ---------------------------------------------------------------------------------------------
// Art. 16 history and the person's cases

export async function personHistory(pctx: PersonCtx, id: string, page: number, pageSize: number): Promise<HistoryPage> {
  const { tx, crypto } = pctx;
  await loadPerson(tx, pctx.scope, id);
  const rows = await tx.db
    .select()
    .from(recordHistory)
    .where(eq(recordHistory.personId, id))
    .orderBy(desc(recordHistory.at), desc(recordHistory.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.db.select({ n: count() }).from(recordHistory).where(eq(recordHistory.personId, id));
  await logCaseAccess(tx, pctx.actor, { action: 'read', entityType: 'person', entityId: id, personId: id, details: { view: 'history' } });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      entityType: r.entityType,
      entityId: r.entityId,
      field: r.field,
      ...correctionValues(crypto, r),
      reason: r.reason,
      actorLabel: r.actorLabel,
    })),
    total: Number(total?.n ?? 0),
    page,
    pageSize,
  };
}

/** The person's cases in the actor's scope, newest first. */
export async function casesOfPerson(pctx: PersonCtx, id: string): Promise<PersonCases> {
  const { tx, scope } = pctx;
  await loadPerson(tx, scope, id);
  const rows = await tx.db
    .select({
      id: cases.id,
      reference: cases.reference,
      programmeName: casePrograms.name,
      state: cases.state,
      startedOn: cases.startedOn,
      plannedEndOn: cases.plannedEndOn,
      closedOn: cases.closedOn,
      teamName: teams.name,
      ownerName: authUser.name,
    })
    .from(cases)
    .innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId)))
    .leftJoin(teams, and(eq(teams.tenantId, cases.tenantId), eq(teams.id, cases.teamId)))
    .leftJoin(authUser, eq(authUser.id, cases.ownerId))
    .where(and(eq(cases.personId, id), caseScopeSql(scope)))
    .orderBy(desc(cases.startedOn), asc(cases.reference));
  await logCaseAccess(tx, pctx.actor, { action: 'list', entityType: 'case', personId: id, details: { view: 'person_cases', count: rows.length } });
  return { items: rows.map((r) => ({ ...r, teamName: r.teamName ?? null, ownerName: r.ownerName ?? null })) };
}
