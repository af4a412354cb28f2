import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError, badInput } from '../../../errors.ts';
import {
  type CaseEntry,
  type CaseEntryPage,
  type EntryCreate,
  type EntryHistory,
  type EntryListQuery,
  type EntryUpdate,
  entryIssues,
  type UpcomingList,
} from '../../../shared/contracts/caseJournal.ts';
import { logCaseAccess } from '../accessLog.ts';
import { caseScopeSql } from '../case.policy.ts';
import { cases, persons } from '../case.table.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { authorizeEntryEdit, mayEditEntry } from './journal.policy.ts';
import { caseEntries } from './journal.table.ts';
import {
  actorName,
  columnCipher,
  conflict,
  correctionsOf,
  type FieldChange,
  type JournalDeps,
  nowOf,
  recordCorrections,
  sameValue,
} from './journalCommon.ts';

export type EntryRow = typeof caseEntries.$inferSelect;

/** Contacts and notes happen now or in the past; a little clock skew between devices is tolerated. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Appointments can be planned up to five years ahead. */
const PLAN_AHEAD_MS = 5 * 366 * 86_400_000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');

function ciphers(deps: JournalDeps, tenantId: string) {
  return {
    subject: columnCipher(deps.crypto, tenantId, 'case_entries', 'subject_enc'),
    body: columnCipher(deps.crypto, tenantId, 'case_entries', 'body_enc'),
    participants: columnCipher(deps.crypto, tenantId, 'case_entries', 'participants_enc'),
  };
}

interface EntryTexts {
  subject: string;
  body: string;
  participants: string[];
}

function decryptTexts(deps: JournalDeps, row: EntryRow): EntryTexts {
  const c = ciphers(deps, row.tenantId);
  const participants = c.participants.decrypt(row.participantsEnc);
  return {
    subject: c.subject.decrypt(row.subjectEnc) ?? '',
    body: c.body.decrypt(row.bodyEnc) ?? '',
    participants: participants ? (JSON.parse(participants) as string[]) : [],
  };
}

export function presentEntry(deps: JournalDeps, row: EntryRow): CaseEntry {
  const texts = decryptTexts(deps, row);
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    channel: row.channel,
    appointmentStatus: row.appointmentStatus,
    participants: texts.participants,
    interpreter: row.interpreter,
    interpreterLanguage: row.interpreterLanguage,
    subject: texts.subject,
    body: texts.body,
    authorId: row.authorId,
    authorName: row.authorName,
    editedAt: row.editedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    canEdit: mayEditEntry(deps.actor, row),
  };
}

/** Server-side date rules: contacts and notes not in the future, nothing absurdly early or late. */
function checkOccurredAt(deps: JournalDeps, kind: EntryRow['kind'], occurredAt: Date): void {
  const now = nowOf(deps).getTime();
  const t = occurredAt.getTime();
  if (t < EARLIEST) throw badInput('occurredAt', 'The date lies too far in the past');
  if (kind !== 'appointment' && t > now + FUTURE_TOLERANCE_MS) {
    throw badInput('occurredAt', 'A contact or note cannot lie in the future; plan an appointment instead');
  }
  if (t > now + PLAN_AHEAD_MS) throw badInput('occurredAt', 'Appointments can be planned at most five years ahead');
}

/** Midnight of a Berlin calendar day as a timestamp (journal filters are by local day). */
const berlinMidnight = (day: string, plusDays = 0): SQL =>
  sql`((${day}::date + ${plusDays}::int)::timestamp AT TIME ZONE 'Europe/Berlin')`;

/** One case's journal, newest first, filtered and paged; logged as one 'list' access. */
export async function listEntries(tx: Tx, deps: JournalDeps, caseId: string, query: EntryListQuery): Promise<CaseEntryPage> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const where: SQL[] = [eq(caseEntries.caseId, caseId)];
  if (query.kind) where.push(eq(caseEntries.kind, query.kind));
  if (query.from) where.push(gte(caseEntries.occurredAt, berlinMidnight(query.from)));
  if (query.to) where.push(sql`${caseEntries.occurredAt} < ${berlinMidnight(query.to, 1)}`);
  if (query.interpreter === 'used') where.push(ne(caseEntries.interpreter, 'none'));
  else if (query.interpreter && query.interpreter !== 'any') where.push(eq(caseEntries.interpreter, query.interpreter));
  const condition = and(...where);
  const rows = await tx.db
    .select()
    .from(caseEntries)
    .where(condition)
    .orderBy(desc(caseEntries.occurredAt), desc(caseEntries.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(caseEntries).where(condition);
  await logCaseAccess(tx, deps.actor, {
    action: 'list',
    entityType: 'case_entry',
    caseId,
    personId: caseRow.personId,
    details: { count: rows.length, page: query.page, ...(query.kind ? { kind: query.kind } : {}) },
  });
  return { items: rows.map((r) => presentEntry(deps, r)), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

async function findEntry(tx: Tx, caseId: string, entryId: string): Promise<EntryRow> {
  const [row] = await tx.db
    .select()
    .from(caseEntries)
    .where(and(eq(caseEntries.id, entryId), eq(caseEntries.caseId, caseId)));
  if (!row) throw new AppError('not_found', 'Entry not found');
  return row;
}

export async function getEntry(tx: Tx, deps: JournalDeps, caseId: string, entryId: string): Promise<CaseEntry> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const row = await findEntry(tx, caseId, entryId);
  await logCaseAccess(tx, deps.actor, { action: 'read', entityType: 'case_entry', entityId: row.id, caseId, personId: caseRow.personId });
  return presentEntry(deps, row);
}

export async function createEntry(tx: Tx, deps: JournalDeps, caseId: string, input: EntryCreate): Promise<CaseEntry> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const now = nowOf(deps);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  checkOccurredAt(deps, input.kind, occurredAt);
  const c = ciphers(deps, tx.tenantId!);
  const participants = input.participants ?? [];
  const [row] = await tx.db
    .insert(caseEntries)
    .values({
      tenantId: tx.tenantId!,
      caseId,
      personId: caseRow.personId,
      kind: input.kind,
      occurredAt,
      durationMinutes: input.durationMinutes ?? null,
      channel: input.channel ?? null,
      appointmentStatus: input.kind === 'appointment' ? (input.appointmentStatus ?? 'scheduled') : null,
      interpreter: input.interpreter ?? 'none',
      interpreterLanguage: input.interpreterLanguage ?? null,
      participantsEnc: participants.length ? c.participants.encrypt(JSON.stringify(participants)) : null,
      subjectEnc: c.subject.encrypt(input.subject ?? ''),
      bodyEnc: c.body.encrypt(input.body ?? ''),
      authorId: deps.actor.userId,
      authorName: actorName(deps.actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await logCaseAccess(tx, deps.actor, {
    action: 'create',
    entityType: 'case_entry',
    entityId: row!.id,
    caseId,
    personId: caseRow.personId,
    details: { kind: input.kind },
  });
  return presentEntry(deps, row!);
}

/** The fields a correction can change, in the order they are compared. */
const EDITABLE = ['occurredAt', 'durationMinutes', 'channel', 'appointmentStatus', 'participants', 'interpreter', 'interpreterLanguage', 'subject', 'body'] as const;
type Editable = (typeof EDITABLE)[number];

/**
 * Corrects an entry (Art. 16): only its author, a team lead or the integration lead; the version
 * read must still be current (else 409, nothing written); every changed field's earlier value is
 * kept in record_history.
 */
export async function updateEntry(tx: Tx, deps: JournalDeps, caseId: string, entryId: string, input: EntryUpdate): Promise<CaseEntry> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const row = await findEntry(tx, caseId, entryId);
  authorizeEntryEdit(deps.actor, row);
  if (row.version !== input.version) throw conflict();
  const texts = decryptTexts(deps, row);
  const before: Record<Editable, unknown> = {
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    channel: row.channel,
    appointmentStatus: row.appointmentStatus,
    participants: texts.participants,
    interpreter: row.interpreter,
    interpreterLanguage: row.interpreterLanguage,
    subject: texts.subject,
    body: texts.body,
  };
  const after: Record<Editable, unknown> = { ...before };
  for (const field of EDITABLE) {
    const value = input[field];
    if (value === undefined) continue;
    after[field] = field === 'occurredAt' && value !== null ? new Date(value as string).toISOString() : value;
  }
  if (after.occurredAt === null) throw badInput('occurredAt', 'The date and time cannot be removed');
  // Switching the interpreter off drops its language (the form sends both, an API client may not).
  if (input.interpreter === 'none' && input.interpreterLanguage === undefined) after.interpreterLanguage = null;
  const merged = {
    kind: row.kind,
    occurredAt: after.occurredAt as string,
    channel: after.channel as EntryRow['channel'],
    appointmentStatus: after.appointmentStatus as EntryRow['appointmentStatus'],
    interpreter: after.interpreter as EntryRow['interpreter'],
    interpreterLanguage: after.interpreterLanguage as string | null,
    subject: after.subject as string,
    body: after.body as string,
  };
  const issue = entryIssues(merged)[0];
  if (issue) throw badInput(issue.path, issue.message);
  const changes: FieldChange[] = EDITABLE.filter((f) => !sameValue(before[f], after[f])).map((f) => ({ field: f, before: before[f], after: after[f] }));
  if (!changes.length) {
    // nothing changed, but the answer shows the entry: that is a read
    await logCaseAccess(tx, deps.actor, { action: 'read', entityType: 'case_entry', entityId: row.id, caseId, personId: caseRow.personId, details: { unchanged: true } });
    return presentEntry(deps, row);
  }
  if (!sameValue(before.occurredAt, after.occurredAt)) checkOccurredAt(deps, row.kind, new Date(merged.occurredAt));
  const c = ciphers(deps, tx.tenantId!);
  const now = nowOf(deps);
  const participants = after.participants as string[];
  const [updated] = await tx.db
    .update(caseEntries)
    .set({
      occurredAt: new Date(merged.occurredAt),
      durationMinutes: after.durationMinutes as number | null,
      channel: merged.channel,
      appointmentStatus: merged.appointmentStatus,
      interpreter: merged.interpreter,
      interpreterLanguage: merged.interpreterLanguage,
      participantsEnc: participants.length ? c.participants.encrypt(JSON.stringify(participants)) : null,
      subjectEnc: c.subject.encrypt(merged.subject),
      bodyEnc: c.body.encrypt(merged.body),
      editedAt: now,
      updatedAt: now,
      version: row.version + 1,
    })
    .where(and(eq(caseEntries.id, row.id), eq(caseEntries.version, input.version)))
    .returning();
  if (!updated) throw conflict();
  await recordCorrections(
    tx,
    deps,
    { personId: caseRow.personId, caseId, entityType: 'case_entry', entityId: row.id },
    changes,
    input.reason?.trim() || null,
  );
  await logCaseAccess(tx, deps.actor, {
    action: 'update',
    entityType: 'case_entry',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { fields: changes.map((ch) => ch.field) },
  });
  return presentEntry(deps, updated);
}

/** The corrections of an entry (earlier and new values), oldest first; logged as a read. */
export async function entryHistory(tx: Tx, deps: JournalDeps, caseId: string, entryId: string): Promise<EntryHistory> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const row = await findEntry(tx, caseId, entryId);
  const items = await correctionsOf(tx, deps, 'case_entry', row.id);
  await logCaseAccess(tx, deps.actor, {
    action: 'read',
    entityType: 'case_entry',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { history: true, count: items.length },
  });
  return { items };
}

/**
 * The actor's upcoming appointments (scheduled, from now on, within `days`): those they entered and
 * those in the cases they own, within their case scope. One 'list' access entry, no person ids.
 */
export async function upcomingAppointments(tx: Tx, deps: JournalDeps, days: number): Promise<UpcomingList> {
  const now = nowOf(deps);
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await tx.db
    .select({
      entry: caseEntries,
      caseReference: cases.reference,
      givenName: persons.givenName,
      familyName: persons.familyName,
    })
    .from(caseEntries)
    .innerJoin(cases, and(eq(cases.tenantId, caseEntries.tenantId), eq(cases.id, caseEntries.caseId)))
    .innerJoin(persons, and(eq(persons.tenantId, caseEntries.tenantId), eq(persons.id, caseEntries.personId)))
    .where(
      and(
        eq(caseEntries.kind, 'appointment'),
        inArray(caseEntries.appointmentStatus, ['scheduled']),
        gte(caseEntries.occurredAt, now),
        lte(caseEntries.occurredAt, until),
        caseScopeSql(deps.scope),
        or(eq(caseEntries.authorId, deps.actor.userId), eq(cases.ownerId, deps.actor.userId)),
      ),
    )
    .orderBy(asc(caseEntries.occurredAt), asc(caseEntries.id))
    .limit(200);
  await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_entry', details: { upcoming: true, days, count: rows.length } });
  return {
    items: rows.map(({ entry, caseReference, givenName, familyName }) => ({
      id: entry.id,
      caseId: entry.caseId,
      caseReference,
      personName: `${givenName} ${familyName}`.trim(),
      occurredAt: entry.occurredAt.toISOString(),
      durationMinutes: entry.durationMinutes,
      channel: entry.channel,
      interpreter: entry.interpreter,
      interpreterLanguage: entry.interpreterLanguage,
      subject: decryptTexts(deps, entry).subject,
    })),
  };
}
