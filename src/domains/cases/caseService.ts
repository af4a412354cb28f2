import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import { type ActiveFlag, activeFlags } from './journal/journalQueries.ts';
import { reassignOpenTasks } from './journal/taskService.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import {
  type BulkHandover,
  type BulkHandoverResult,
  CASE_STATES,
  type CaseCreate,
  type CaseDetail,
  type CaseEvent,
  type CaseExtension,
  type CaseHandover,
  type CaseListQuery,
  type Caseload,
  type CaseOptions,
  type CaseStaffMember,
  type CaseSummary,
  type CaseTransition,
  type CaseUpdate,
  CASE_TRANSITIONS,
  canTransition,
  type ClosingReason,
} from '../../shared/contracts/cases.ts';
import { authUser } from '../auth/auth.table.ts';
import { type Actor, CASE_ROLES } from '../auth/roles.ts';
import { logCaseAccess } from './accessLog.ts';
import { authorizeCase, type CaseScope, caseInScope, caseScopeSql } from './case.policy.ts';
import { caseEvents, casePrograms, cases, persons, teams } from './case.table.ts';
import { type CaseRow, loadCase, loadCaseWithPerson, loadPerson, type PersonRow } from './caseLookup.ts';
import { caseReferenceCounters } from './caseReference.table.ts';
import { addDays, caseLimits, caseWarnings, daysBetween, retentionDueOn } from './caseRules.ts';

/**
 * Cases: opening (with a reference such as IM-2026-00042), lists with filters, the case page,
 * the state machine, programme rules (maximum duration, extension with a reason), closing,
 * reopening and handover. Every function runs inside the caller's tenant transaction, checks the
 * actor's scope (a case outside it reads as "not found"), writes the case event and the access-log
 * entry in the same transaction, and guards changes with the case's version (409 on conflict).
 */

export type ProgrammeRow = typeof casePrograms.$inferSelect;
type StaffRow = CaseStaffMember;

const bad = (field: string, message: string) => new AppError('validation_failed', message, { field });
const conflict = () => new AppError('conflict', 'The case was changed in the meantime: reload it and try again', { field: 'version' });

// ---------------------------------------------------------------------------------------------
// Lookups

async function findProgramme(tx: Tx, id: string): Promise<ProgrammeRow | null> {
  const [row] = await tx.db.select().from(casePrograms).where(eq(casePrograms.id, id));
  return row ?? null;
}

async function requireProgramme(tx: Tx, id: string): Promise<ProgrammeRow> {
  const row = await findProgramme(tx, id);
  if (!row) throw new AppError('internal', 'Programme of a case missing');
  return row;
}

const staffColumns = { id: authUser.id, name: authUser.name, role: authUser.role, teamId: authUser.teamId, disabled: authUser.disabled };

/** An account of this tenant (row-level security confines auth_user to the tenant). */
async function findStaff(tx: Tx, id: string): Promise<StaffRow | null> {
  const [row] = await tx.db.select(staffColumns).from(authUser).where(eq(authUser.id, id));
  return row ?? null;
}

/**
 * The account a case is given to (opening, handover): an active case-management account of the
 * tenant; a team lead gives cases only to members of their own team.
 */
async function requireOwnerCandidate(tx: Tx, scope: CaseScope, id: string, field: string): Promise<StaffRow> {
  const staff = await findStaff(tx, id);
  if (!staff || staff.disabled || !(CASE_ROLES as readonly string[]).includes(staff.role)) {
    throw bad(field, 'Choose an active integration-management account of this office');
  }
  if (scope.kind === 'team' && staff.teamId !== scope.teamId) throw bad(field, 'Team leads assign cases only within their own team');
  return staff;
}

async function requireActiveTeam(tx: Tx, id: string, field: string): Promise<void> {
  const [team] = await tx.db.select({ archivedAt: teams.archivedAt }).from(teams).where(eq(teams.id, id));
  if (!team || team.archivedAt) throw bad(field, 'Choose an active team');
}

// ---------------------------------------------------------------------------------------------
// Presenters

type JoinedCase = {
  case: CaseRow;
  programme: ProgrammeRow;
  person: Pick<PersonRow, 'id' | 'givenName' | 'familyName' | 'birthDate' | 'restricted'>;
  teamName: string;
  ownerName: string | null;
};

function presentSummary(row: JoinedCase, today: string): CaseSummary {
  const c = row.case;
  const { limitOn } = caseLimits(row.programme, c);
  return {
    id: c.id,
    reference: c.reference,
    state: c.state,
    person: { id: row.person.id, name: `${row.person.givenName} ${row.person.familyName}`.trim() },
    programme: { id: row.programme.id, code: row.programme.code, name: row.programme.name },
    owner: c.ownerId ? { id: c.ownerId, name: row.ownerName ?? '–' } : null,
    team: { id: c.teamId, name: row.teamName },
    startedOn: c.startedOn,
    plannedEndOn: c.plannedEndOn,
    extendedUntil: c.extendedUntil,
    limitOn,
    closedOn: c.closedOn,
    warnings: caseWarnings(row.programme, c, today),
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

function presentDetail(row: JoinedCase, scope: CaseScope, today: string, flags: ActiveFlag[]): CaseDetail {
  const c = row.case;
  const p = row.programme;
  const limits = caseLimits(p, c);
  const write = !row.person.restricted;
  return {
    ...presentSummary(row, today),
    person: {
      id: row.person.id,
      name: `${row.person.givenName} ${row.person.familyName}`.trim(),
      givenName: row.person.givenName,
      familyName: row.person.familyName,
      birthDate: row.person.birthDate,
      restricted: row.person.restricted,
    },
    programme: {
      id: p.id,
      code: p.code,
      name: p.name,
      maxDurationMonths: p.maxDurationMonths,
      maxExtensionMonths: p.maxExtensionMonths,
      warnBeforeDays: p.warnBeforeDays,
      retentionMonths: p.retentionMonths,
      active: p.active,
    },
    regularEndOn: limits.regularEndOn,
    maxExtendedUntil: limits.maxExtendedUntil,
    extensionReason: c.extensionReason,
    closingReason: c.closingReason as ClosingReason | null,
    closingNote: c.closingNote,
    retentionDueOn: c.retentionDueOn,
    flags: flags.map((f) => ({ id: f.id, kind: f.kind })),
    transitions: write ? [...CASE_TRANSITIONS[c.state]] : [],
    may: {
      write,
      handover: scope.kind !== 'own',
      extend: write && p.maxDurationMonths !== null && p.maxExtensionMonths > 0,
    },
    createdAt: c.createdAt.toISOString(),
  };
}

function joinedSelect(tx: Tx) {
  return tx.db
    .select({
      case: cases,
      programme: casePrograms,
      person: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName, birthDate: persons.birthDate, restricted: persons.restricted },
      teamName: teams.name,
      ownerName: authUser.name,
    })
    .from(cases)
    .innerJoin(persons, and(eq(persons.tenantId, cases.tenantId), eq(persons.id, cases.personId)))
    .innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId)))
    .innerJoin(teams, and(eq(teams.tenantId, cases.tenantId), eq(teams.id, cases.teamId)))
    .leftJoin(authUser, eq(authUser.id, cases.ownerId));
}

async function loadJoined(tx: Tx, id: string): Promise<JoinedCase> {
  const [row] = await joinedSelect(tx).where(eq(cases.id, id));
  if (!row) throw new AppError('not_found', 'Case not found');
  return row;
}

// ---------------------------------------------------------------------------------------------
// SQL for lists: the programme rules of caseRules.ts

/** The day a case may run until (extension, else start + maximum duration); null without limit. */
const limitOnSql = sql`coalesce(${cases.extendedUntil}, (${cases.startedOn} + make_interval(months => ${casePrograms.maxDurationMonths}))::date)`;

/** Open cases with a warning (see caseWarnings): within the warning period of the limit or the planned end, or past it. */
function attentionSql(kind: 'any' | 'max_duration' | 'planned_end', today: string): SQL {
  const maxDuration = sql`(${limitOnSql} - ${casePrograms.warnBeforeDays}) <= ${today}::date`;
  const plannedEnd = sql`(${cases.plannedEndOn} - ${casePrograms.warnBeforeDays}) <= ${today}::date`;
  const condition = kind === 'max_duration' ? maxDuration : kind === 'planned_end' ? plannedEnd : sql`(${maxDuration} or ${plannedEnd})`;
  return and(ne(cases.state, 'closed'), sql`coalesce(${condition}, false)`)!;
}

const REFERENCE = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5}$/;

function listConditions(actor: Actor, scope: CaseScope, query: CaseListQuery, today: string): { where: SQL; needsProgramme: boolean } {
  const where: SQL[] = [caseScopeSql(scope)];
  let needsProgramme = false;
  if (query.state === 'open') where.push(ne(cases.state, 'closed'));
  else if (query.state) where.push(eq(cases.state, query.state));
  if (query.programmeId) where.push(eq(cases.programmeId, query.programmeId));
  if (query.ownerId) where.push(eq(cases.ownerId, query.ownerId));
  if (query.mine === 'true') where.push(eq(cases.ownerId, actor.userId));
  if (query.teamId) where.push(eq(cases.teamId, query.teamId));
  if (query.personId) where.push(eq(cases.personId, query.personId));
  if (query.attention) {
    where.push(attentionSql(query.attention, today));
    needsProgramme = true;
  }
  if (query.q) {
    const q = query.q.toUpperCase();
    // A whole reference uses the unique index; a beginning ("IM-2026") is a range in byte order
    // (index cases_reference_c_idx; comparisons are leakproof, so row-level security keeps the
    // index usable); anything else ("00042") is a literal substring match within the scope.
    if (REFERENCE.test(q)) where.push(eq(cases.reference, q));
    else if (/^[A-Z]/.test(q)) {
      const upper = q.slice(0, -1) + String.fromCharCode(q.charCodeAt(q.length - 1) + 1);
      where.push(sql`(${cases.reference} COLLATE "C") >= ${q} and (${cases.reference} COLLATE "C") < ${upper}`);
    } else where.push(sql`${cases.reference} like ${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  }
  return { where: and(...where)!, needsProgramme };
}

/**
 * Up to this many matches (the count cap) a list sorted by name sorts them (a team's ~1,500 open
 * cases: ~10–30 ms, steady); beyond, it walks the name index persons_family_name_idx (the office).
 */
const SORT_MATCHES_BY_NAME_UP_TO = 5000;

function listOrder(query: CaseListQuery, matches: number): SQL[] {
  const dir = query.dir === 'asc' ? asc : desc;
  const nullsLast = (column: SQL | typeof cases.plannedEndOn) => (query.dir === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`);
  switch (query.sort) {
    case 'plannedEndOn':
      return [nullsLast(cases.plannedEndOn), dir(cases.id)];
    case 'reference':
      // byte order (references are ASCII): the same index as the prefix search (cases_reference_c_idx)
      // serves filter and order; the default collation made a prefix search sorted by reference walk
      // every case of the tenant (bench/cases.ts, cases-list-pg)
      return [dir(sql`(${cases.reference} COLLATE "C")`)];
    case 'person': {
      // Walking the tenant's name index until a page of matches turns up costs (page end × persons
      // ÷ matches) probes: cheap for the whole office, ~340 ms for a team lead's programme filter
      // (bench/cases.ts, cases-list-pg). With few matches, sort them instead: `|| ''` (same order,
      // same collation) keeps the planner from walking the index.
      const name = (column: typeof persons.familyName | typeof persons.givenName) => (matches <= SORT_MATCHES_BY_NAME_UP_TO ? sql`(${column} || '')` : column);
      return [dir(name(persons.familyName)), dir(name(persons.givenName)), dir(cases.id)];
    }
    case 'updatedAt':
      return [dir(cases.updatedAt), dir(cases.id)];
    case 'state':
      return [
        dir(sql`array_position(array[${sql.join(
          CASE_STATES.map((s) => sql`${s}`),
          sql`, `,
        )}]::text[], ${cases.state})`),
        dir(cases.startedOn),
        dir(cases.id),
      ];
    default:
      return [dir(cases.startedOn), dir(cases.id)];
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One page of the cases in the actor's scope, filtered and sorted; one access-log entry (no person ids). */
/** Lists count their matches up to this many (see listCases). */
export const CASE_COUNT_CAP = 5000;

export async function listCases(
  tx: Tx,
  actor: Actor,
  scope: CaseScope,
  query: CaseListQuery,
  today: string,
): Promise<{ items: CaseSummary[]; total: number; totalCapped: boolean }> {
  const { where, needsProgramme } = listConditions(actor, scope, query, today);
  // Counted up to a cap: an exact count of the whole office's cases would cost a scan of them all
  // on every page; beyond the cap the list says "more than …" and filters narrow it down. Counted
  // first: the number of matches decides how a list sorted by name is read (listOrder).
  const matching = tx.db.select({ one: sql`1` }).from(cases);
  const capped = (needsProgramme ? matching.innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId))) : matching)
    .where(where)
    .limit(CASE_COUNT_CAP + 1)
    .as('matching');
  const [counted] = await tx.db.select({ n: count() }).from(capped);
  const n = Number(counted?.n ?? 0);
  const total = Math.min(n, CASE_COUNT_CAP);
  const rows = await joinedSelect(tx)
    .where(where)
    .orderBy(...listOrder(query, n))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const filters: string[] = (['state', 'programmeId', 'ownerId', 'teamId', 'personId', 'attention', 'q'] as const).filter((k) => query[k] !== undefined);
  if (query.mine === 'true') filters.push('mine');
  await logCaseAccess(tx, actor, {
    action: 'list',
    entityType: 'case',
    details: { filters, page: query.page, returned: rows.length, total },
  });
  return { items: rows.map((r) => presentSummary(r, today)), total, totalCapped: n > CASE_COUNT_CAP };
}

/** The case page: header data, limits, warnings, possible transitions; logged as a read. */
export async function getCase(tx: Tx, actor: Actor, scope: CaseScope, id: string, today: string): Promise<CaseDetail> {
  const row = await loadCase(tx, scope, id);
  const joined = await loadJoined(tx, row.id);
  await logCaseAccess(tx, actor, { action: 'read', entityType: 'case', entityId: row.id, caseId: row.id, personId: row.personId });
  return presentDetail(joined, scope, today, await activeFlags(tx, row.id));
}

async function detailAfterChange(tx: Tx, scope: CaseScope, id: string, today: string): Promise<CaseDetail> {
  return presentDetail(await loadJoined(tx, id), scope, today, await activeFlags(tx, id));
}

/** The history of a case (state changes, handovers, extensions, date corrections), oldest first. */
export async function listCaseEvents(tx: Tx, actor: Actor, scope: CaseScope, id: string): Promise<CaseEvent[]> {
  const row = await loadCase(tx, scope, id);
  const events = await tx.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
  await logCaseAccess(tx, actor, { action: 'read', entityType: 'case_events', entityId: row.id, caseId: row.id, personId: row.personId });
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    fromState: e.fromState,
    toState: e.toState,
    reason: e.reason,
    details: e.details,
    actorLabel: e.actorLabel,
    at: e.at.toISOString(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Writing: helpers

async function addEvent(
  tx: Tx,
  actor: Actor,
  caseId: string,
  event: { kind: string; fromState?: string | null; toState?: string | null; reason?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx.db.insert(caseEvents).values({
    tenantId: tx.tenantId!,
    caseId,
    kind: event.kind,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    reason: event.reason ?? null,
    details: event.details ?? {},
    actorId: actor.userId,
    actorLabel: actor.name,
  });
}

/** Writes `values` only if the case still has the version the client read (else 409, nothing written). */
async function guardedUpdate(tx: Tx, id: string, version: number, values: Partial<typeof cases.$inferInsert>): Promise<CaseRow> {
  const [row] = await tx.db
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  if (!row) throw conflict();
  return row;
}

function checkVersion(row: CaseRow, version: number): void {
  if (row.version !== version) throw conflict();
}

/** A case may not continue (any state but closed) beyond its limit without an extension. */
function assertWithinLimit(programme: ProgrammeRow, row: Pick<CaseRow, 'startedOn' | 'extendedUntil'>, today: string): void {
  const { limitOn } = caseLimits(programme, row);
  if (limitOn && limitOn < today) {
    throw new AppError(
      'invalid_state_transition',
      `The case has reached the programme's maximum duration (${limitOn}): extend it with a reason, or close it`,
      { field: 'extendedUntil', details: { limitOn } },
    );
  }
}

/** Next free reference PREFIX-YEAR-NNNNN (counter row locked until the transaction ends). */
export async function nextReference(tx: Tx, prefix: string, year: number): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const [counter] = await tx.db
      .insert(caseReferenceCounters)
      .values({ tenantId: tx.tenantId!, prefix, year, last: 1 })
      .onConflictDoUpdate({
        target: [caseReferenceCounters.tenantId, caseReferenceCounters.prefix, caseReferenceCounters.year],
        set: { last: sql`${caseReferenceCounters.last} + 1` },
      })
      .returning({ last: caseReferenceCounters.last });
    const reference = `${prefix}-${year}-${String(counter!.last).padStart(5, '0')}`;
    // Skip numbers taken outside the counter (imported cases).
    const [taken] = await tx.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    if (!taken) return reference;
  }
  throw new AppError('internal', 'No free case reference');
}

function checkStart(startedOn: string, today: string): void {
  if (startedOn > addDays(today, 365)) throw bad('startedOn', 'The start may lie at most one year ahead');
}

function checkPlannedEnd(programme: ProgrammeRow, c: { startedOn: string; plannedEndOn: string | null; extendedUntil: string | null }): void {
  if (!c.plannedEndOn) return;
  if (c.plannedEndOn < c.startedOn) throw bad('plannedEndOn', 'The planned end must not be before the start');
  const { limitOn, regularEndOn } = caseLimits(programme, c);
  if (limitOn && c.plannedEndOn > limitOn) {
    throw bad(
      'plannedEndOn',
      c.extendedUntil
        ? `The planned end lies beyond the extension (until ${limitOn})`
        : `The planned end lies beyond the programme's maximum duration of ${programme.maxDurationMonths} months (until ${regularEndOn}); extend the case first`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Opening a case

export async function createCase(tx: Tx, actor: Actor, scope: CaseScope, input: CaseCreate, today: string): Promise<CaseDetail> {
  let person: PersonRow;
  try {
    person = await loadPerson(tx, scope, input.personId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', 'Person not found', { field: 'personId' });
    throw error;
  }
  if (person.restricted) {
    throw new AppError('forbidden', 'Processing of this person’s data is restricted (Art. 18 GDPR): no new case', { field: 'restricted' });
  }
  // One case creation per person at a time: the second of two simultaneous requests (double
  // submit) waits here and then finds the first one's case.
  await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [person.id]);

  const programme = await findProgramme(tx, input.programmeId);
  if (!programme) throw bad('programmeId', 'Unknown programme');
  if (!programme.active) throw bad('programmeId', 'This programme takes no new cases');

  const ownerId = input.ownerId ?? actor.userId;
  if (scope.kind === 'own' && ownerId !== actor.userId) throw new AppError('forbidden', 'Integration managers open cases for themselves', { field: 'ownerId' });
  const owner = await requireOwnerCandidate(tx, scope, ownerId, 'ownerId');
  let teamId: string;
  if (owner.teamId) {
    if (input.teamId && input.teamId !== owner.teamId) throw bad('teamId', "A case belongs to its owner's team");
    teamId = owner.teamId;
  } else {
    if (!input.teamId) throw bad('teamId', 'Choose the team of the case');
    teamId = input.teamId;
  }
  await requireActiveTeam(tx, teamId, 'teamId');

  checkStart(input.startedOn, today);
  const { regularEndOn } = caseLimits(programme, { startedOn: input.startedOn, extendedUntil: null });
  if (regularEndOn && regularEndOn < today) {
    throw bad('startedOn', `With this start the programme's maximum duration of ${programme.maxDurationMonths} months would already be over`);
  }
  checkPlannedEnd(programme, { startedOn: input.startedOn, plannedEndOn: input.plannedEndOn ?? null, extendedUntil: null });

  const [open] = await tx.db
    .select({ id: cases.id, ownerId: cases.ownerId, teamId: cases.teamId })
    .from(cases)
    .where(and(eq(cases.personId, person.id), eq(cases.programmeId, programme.id), ne(cases.state, 'closed')));
  if (open) {
    throw new AppError('duplicate', 'This person already has an open case in this programme', {
      field: 'programmeId',
      ...(caseInScope(scope, open) ? { details: { caseId: open.id } } : {}),
    });
  }

  const reference = await nextReference(tx, programme.code, Number(today.slice(0, 4)));
  const [row] = await tx.db
    .insert(cases)
    .values({
      tenantId: tx.tenantId!,
      reference,
      personId: person.id,
      programmeId: programme.id,
      ownerId,
      teamId,
      state: 'intake',
      startedOn: input.startedOn,
      plannedEndOn: input.plannedEndOn ?? null,
    })
    .returning();
  await addEvent(tx, actor, row!.id, { kind: 'created', toState: 'intake', details: { reference, programmeId: programme.id, ownerId, teamId } });
  await logCaseAccess(tx, actor, { action: 'create', entityType: 'case', entityId: row!.id, caseId: row!.id, personId: person.id });
  return detailAfterChange(tx, scope, row!.id, today);
}

// ---------------------------------------------------------------------------------------------
// Changing a case

/** Corrects the start or the planned end (kept in the case history). */
export async function updateCaseDates(tx: Tx, actor: Actor, scope: CaseScope, id: string, input: CaseUpdate, today: string): Promise<CaseDetail> {
  const { case: row } = await loadCaseWithPerson(tx, scope, id, 'write');
  checkVersion(row, input.version);
  if (row.state === 'closed') {
    throw new AppError('invalid_state_transition', 'A closed case cannot be changed: reopen it first', { field: 'state' });
  }
  const programme = await requireProgramme(tx, row.programmeId);
  const startedOn = input.startedOn ?? row.startedOn;
  const plannedEndOn = input.plannedEndOn === undefined ? row.plannedEndOn : input.plannedEndOn;
  if (startedOn !== row.startedOn) {
    if (row.extendedUntil) throw bad('startedOn', 'The start of an extended case cannot be moved');
    checkStart(startedOn, today);
  }
  checkPlannedEnd(programme, { startedOn, plannedEndOn, extendedUntil: row.extendedUntil });
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  if (startedOn !== row.startedOn) changes.startedOn = { from: row.startedOn, to: startedOn };
  if (plannedEndOn !== row.plannedEndOn) changes.plannedEndOn = { from: row.plannedEndOn, to: plannedEndOn };
  if (Object.keys(changes).length === 0) {
    // nothing changed, but the answer shows the case: that is a read
    await logCaseAccess(tx, actor, { action: 'read', entityType: 'case', entityId: row.id, caseId: row.id, personId: row.personId, details: { unchanged: true } });
    return detailAfterChange(tx, scope, row.id, today);
  }
  await guardedUpdate(tx, row.id, input.version, { startedOn, plannedEndOn });
  await addEvent(tx, actor, row.id, { kind: 'dates', details: changes });
  await logCaseAccess(tx, actor, { action: 'update', entityType: 'case', entityId: row.id, caseId: row.id, personId: row.personId, details: { fields: Object.keys(changes) } });
  return detailAfterChange(tx, scope, row.id, today);
}

/** Moves a case through the state machine (closing: reason and date; reopening: a reason). */
export async function transitionCase(tx: Tx, actor: Actor, scope: CaseScope, id: string, input: CaseTransition, today: string): Promise<CaseDetail> {
  const { case: row } = await loadCaseWithPerson(tx, scope, id, 'write');
  checkVersion(row, input.version);
  const from = row.state;
  const to = input.to;
  if (!canTransition(from, to)) {
    throw new AppError('invalid_state_transition', `A case cannot move from ${from} to ${to}`, {
      field: 'to',
      details: { from, to, allowed: CASE_TRANSITIONS[from] },
    });
  }
  if (to !== 'closed') {
    for (const field of ['closingReason', 'closingNote', 'closedOn'] as const) {
      if (input[field] !== undefined) throw bad(field, 'Only for closing a case');
    }
  }
  const programme = await requireProgramme(tx, row.programmeId);
  let values: Partial<typeof cases.$inferInsert>;
  let details: Record<string, unknown> = {};
  if (to === 'closed') {
    if (!input.closingReason) throw bad('closingReason', 'Give the reason for closing the case');
    if (input.closingReason === 'other' && !input.closingNote) throw bad('closingNote', 'Describe the reason for closing');
    const closedOn = input.closedOn ?? today;
    if (closedOn < row.startedOn) throw bad('closedOn', 'The case cannot close before it started');
    if (closedOn > today) throw bad('closedOn', 'The closing date cannot lie in the future');
    const due = retentionDueOn(closedOn, programme.retentionMonths);
    values = { state: 'closed', closedOn, closingReason: input.closingReason, closingNote: input.closingNote || null, retentionDueOn: due };
    details = { closingReason: input.closingReason, closedOn, retentionDueOn: due };
  } else {
    assertWithinLimit(programme, row, today);
    if (to === 'reopened') {
      if (!input.reason) throw bad('reason', 'Give the reason for reopening the case');
      values = { state: 'reopened', closedOn: null, closingReason: null, closingNote: null, retentionDueOn: null };
      details = { previousClosedOn: row.closedOn, previousClosingReason: row.closingReason };
    } else {
      values = { state: to };
    }
  }
  await guardedUpdate(tx, row.id, input.version, values);
  await addEvent(tx, actor, row.id, { kind: 'state', fromState: from, toState: to, reason: input.reason ?? null, details });
  await logCaseAccess(tx, actor, { action: 'update', entityType: 'case', entityId: row.id, caseId: row.id, personId: row.personId, details: { from, to } });
  return detailAfterChange(tx, scope, row.id, today);
}

/** Extends a case beyond the programme's maximum duration, within its maximum extension, with a reason. */
export async function extendCase(tx: Tx, actor: Actor, scope: CaseScope, id: string, input: CaseExtension, today: string): Promise<CaseDetail> {
  const { case: row } = await loadCaseWithPerson(tx, scope, id, 'write');
  checkVersion(row, input.version);
  const programme = await requireProgramme(tx, row.programmeId);
  const { regularEndOn, maxExtendedUntil } = caseLimits(programme, row);
  if (!regularEndOn || !maxExtendedUntil || programme.maxExtensionMonths === 0) {
    throw bad('extendedUntil', 'This programme allows no extension');
  }
  if (input.extendedUntil <= regularEndOn) throw bad('extendedUntil', `An extension must reach beyond the regular end (${regularEndOn})`);
  if (input.extendedUntil > maxExtendedUntil) {
    throw bad('extendedUntil', `The programme allows at most ${programme.maxExtensionMonths} months of extension (until ${maxExtendedUntil})`);
  }
  if (row.plannedEndOn && row.plannedEndOn > input.extendedUntil) throw bad('extendedUntil', `The extension must not end before the planned end (${row.plannedEndOn})`);
  await guardedUpdate(tx, row.id, input.version, { extendedUntil: input.extendedUntil, extensionReason: input.reason });
  await addEvent(tx, actor, row.id, {
    kind: 'extension',
    reason: input.reason,
    details: { from: row.extendedUntil, to: input.extendedUntil, regularEndOn, daysBeyond: daysBetween(regularEndOn, input.extendedUntil) },
  });
  await logCaseAccess(tx, actor, { action: 'update', entityType: 'case', entityId: row.id, caseId: row.id, personId: row.personId, details: { fields: ['extendedUntil'] } });
  return detailAfterChange(tx, scope, row.id, today);
}

// ---------------------------------------------------------------------------------------------
// Handover

/** A team lead or the integration lead gives one case to another manager (the case moves to their team). */
export async function handoverCase(tx: Tx, actor: Actor, scope: CaseScope, id: string, input: CaseHandover, today: string): Promise<CaseDetail> {
  const row = authorizeCase(actor, await loadCase(tx, scope, id), 'handover');
  checkVersion(row, input.version);
  const target = await requireOwnerCandidate(tx, scope, input.toOwnerId, 'toOwnerId');
  if (target.id === row.ownerId) throw bad('toOwnerId', 'This account owns the case already');
  const teamId = target.teamId ?? row.teamId;
  await guardedUpdate(tx, row.id, input.version, { ownerId: target.id, teamId });
  // The previous owner's open tasks of this case go along with it.
  const tasksMoved = row.ownerId ? await reassignOpenTasks(tx, row.id, row.ownerId, target.id) : 0;
  await addEvent(tx, actor, row.id, {
    kind: 'handover',
    reason: input.reason || null,
    details: { fromOwnerId: row.ownerId, toOwnerId: target.id, fromTeamId: row.teamId, toTeamId: teamId, tasksMoved },
  });
  await logCaseAccess(tx, actor, {
    action: 'handover',
    entityType: 'case',
    entityId: row.id,
    caseId: row.id,
    personId: row.personId,
    purpose: input.reason || null,
    details: { fromOwnerId: row.ownerId, toOwnerId: target.id },
  });
  return detailAfterChange(tx, scope, row.id, today);
}

/**
 * All cases (in the actor's scope) of one manager go to another — e.g. when someone leaves — in
 * one transaction: all or nothing. Each case gets its event and access-log entry.
 */
export async function bulkHandover(tx: Tx, actor: Actor, scope: CaseScope, input: BulkHandover): Promise<BulkHandoverResult> {
  if (scope.kind === 'own' || scope.kind === 'none') throw new AppError('forbidden', 'Only team leads and the integration lead hand cases over');
  const target = await requireOwnerCandidate(tx, scope, input.toOwnerId, 'toOwnerId');
  const where = and(caseScopeSql(scope), eq(cases.ownerId, input.fromOwnerId), input.includeClosed ? undefined : ne(cases.state, 'closed'));
  const rows = await tx.db
    .select({ id: cases.id, personId: cases.personId, teamId: cases.teamId })
    .from(cases)
    .where(where)
    .orderBy(asc(cases.reference))
    .for('update');
  if (rows.length === 0) return { moved: 0, caseIds: [] };
  const ids = rows.map((r) => r.id);
  await tx.db
    .update(cases)
    .set({ ownerId: target.id, ...(target.teamId ? { teamId: target.teamId } : {}), version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(inArray(cases.id, ids));
  await tx.db.insert(caseEvents).values(
    rows.map((r) => ({
      tenantId: tx.tenantId!,
      caseId: r.id,
      kind: 'handover',
      reason: input.reason || null,
      details: { fromOwnerId: input.fromOwnerId, toOwnerId: target.id, fromTeamId: r.teamId, toTeamId: target.teamId ?? r.teamId, bulk: true },
      actorId: actor.userId,
      actorLabel: actor.name,
    })),
  );
  for (const r of rows) {
    await reassignOpenTasks(tx, r.id, input.fromOwnerId, target.id);
    await logCaseAccess(tx, actor, {
      action: 'handover',
      entityType: 'case',
      entityId: r.id,
      caseId: r.id,
      personId: r.personId,
      purpose: input.reason || null,
      details: { fromOwnerId: input.fromOwnerId, toOwnerId: target.id, bulk: true, count: rows.length },
    });
  }
  return { moved: rows.length, caseIds: ids };
}

// ---------------------------------------------------------------------------------------------
// Options for forms and filters; caseload per manager (team view)

const caseRoleFilter = inArray(authUser.role, [...CASE_ROLES]);

function staffScope(actor: Actor, scope: CaseScope): SQL | undefined {
  if (scope.kind === 'own') return eq(authUser.id, actor.userId);
  if (scope.kind === 'team') return eq(authUser.teamId, scope.teamId);
  return undefined;
}

export async function caseOptions(tx: Tx, actor: Actor, scope: CaseScope): Promise<CaseOptions> {
  const programmes = await tx.db.select().from(casePrograms).orderBy(asc(casePrograms.name));
  const ownTeam = scope.kind === 'team' || scope.kind === 'own' ? scope.teamId : null;
  const teamRows = await tx.db
    .select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt })
    .from(teams)
    .where(scope.kind === 'office' ? undefined : ownTeam ? eq(teams.id, ownTeam) : sql`false`)
    .orderBy(asc(teams.name));
  const staff = await tx.db
    .select(staffColumns)
    .from(authUser)
    .where(and(caseRoleFilter, staffScope(actor, scope)))
    .orderBy(asc(authUser.name));
  return {
    programmes: programmes.map((p) => ({ id: p.id, code: p.code, name: p.name, active: p.active, maxDurationMonths: p.maxDurationMonths, maxExtensionMonths: p.maxExtensionMonths })),
    teams: teamRows.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name })),
    staff,
    scope: scope.kind === 'none' ? 'own' : scope.kind,
  };
}

/** The team view: each manager of the team (or office) with open, closed and attention-needing cases. */
export async function caseloadOf(tx: Tx, actor: Actor, scope: CaseScope, teamId: string | undefined, today: string): Promise<Caseload> {
  if (scope.kind === 'own' || scope.kind === 'none') throw new AppError('forbidden', 'The team view is for team leads and the integration lead');
  if (scope.kind === 'team' && teamId && teamId !== scope.teamId) throw new AppError('not_found', 'Team not found', { field: 'teamId' });
  const team = scope.kind === 'team' ? scope.teamId : teamId;
  if (team) {
    const [exists] = await tx.db.select({ id: teams.id }).from(teams).where(eq(teams.id, team));
    if (!exists) throw new AppError('not_found', 'Team not found', { field: 'teamId' });
  }
  const counts = await tx.db
    .select({
      ownerId: cases.ownerId,
      open: sql<number>`count(*) filter (where ${cases.state} <> 'closed')`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${cases.state} = 'closed')`.mapWith(Number),
      attention: sql<number>`count(*) filter (where ${attentionSql('any', today)})`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId)))
    .where(and(caseScopeSql(scope), team ? eq(cases.teamId, team) : undefined, isNotNull(cases.ownerId)))
    .groupBy(cases.ownerId);
  const members = await tx.db
    .select(staffColumns)
    .from(authUser)
    .where(and(caseRoleFilter, team ? eq(authUser.teamId, team) : undefined));
  const known = new Set(members.map((m) => m.id));
  const missing = counts.map((c) => c.ownerId!).filter((id) => !known.has(id));
  const others = missing.length ? await tx.db.select(staffColumns).from(authUser).where(inArray(authUser.id, missing)) : [];
  const byOwner = new Map(counts.map((c) => [c.ownerId!, c]));
  const items = [...members, ...others]
    .map((m) => ({ ...m, open: byOwner.get(m.id)?.open ?? 0, closed: byOwner.get(m.id)?.closed ?? 0, attention: byOwner.get(m.id)?.attention ?? 0 }))
    .filter((m) => !m.disabled || m.open + m.closed > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  await logCaseAccess(tx, actor, { action: 'list', entityType: 'caseload', details: { teamId: team ?? null, managers: items.length } });
  return { items };
}

