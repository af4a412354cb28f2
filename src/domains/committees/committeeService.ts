// Committees, legislative terms, persons, memberships and meeting locations (back office).
// Every write runs in the caller's tenant transaction and leaves an audit entry; deletes are soft.
import { and, asc, count, eq, gte, ilike, inArray, isNull, min, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError, badInput, notFound } from '../../errors.ts';
import type {
  AdminCommittee,
  AdminCommitteeDetail,
  AdminCommitteeLocation,
  AdminMembership,
  AdminPerson,
  AdminPersonDetail,
  AdminTerm,
  CommitteeInput,
  CommitteeLocationInput,
  MembershipInput,
  PersonInput,
  PersonListQuery,
  TermInput,
} from '../../shared/contracts/committees.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { containsPattern } from '../providers/providerService.ts';
import { committeeLocations, committeeMeetings, committeeMemberships, committeePersons, committees, committeeTerms } from './committees.table.ts';
import { iso, personName, presentLocation } from './committeePresenters.ts';
import { listMeetingSummaries } from './meetingService.ts';

export type CommitteeRow = typeof committees.$inferSelect;
export type TermRow = typeof committeeTerms.$inferSelect;
export type PersonRow = typeof committeePersons.$inferSelect;
export type MembershipRow = typeof committeeMemberships.$inferSelect;
export type LocationRow = typeof committeeLocations.$inferSelect;
export { iso, personName, presentLocation };


async function audit(tx: Tx, author: Author, action: string, entityType: string, entityId: string, details: Record<string, unknown> = {}): Promise<void> {
  await writeAudit(tx, { ...author, action, entityType, entityId, details });
}

// ---------------------------------------------------------------------------------------------
// Committees

export async function findCommittee(tx: Tx, id: string): Promise<CommitteeRow> {
  const [row] = await tx.db.select().from(committees).where(and(eq(committees.id, id), isNull(committees.deletedAt)));
  if (!row) throw notFound('Committee');
  return row;
}

/** A committee that a new record refers to: missing → 400 naming the field. */
export async function requireCommitteeRef(tx: Tx, id: string, field = 'committeeId'): Promise<CommitteeRow> {
  const [row] = await tx.db.select().from(committees).where(and(eq(committees.id, id), isNull(committees.deletedAt)));
  if (!row) throw badInput(field, 'No such committee');
  return row;
}

async function committeeFacts(tx: Tx, ids: string[]): Promise<Map<string, { members: number; next: Date | null }>> {
  const facts = new Map(ids.map((id) => [id, { members: 0, next: null as Date | null }]));
  if (!ids.length) return facts;
  const today = new Date().toISOString().slice(0, 10);
  const members = await tx.db
    .select({ id: committeeMemberships.committeeId, n: count() })
    .from(committeeMemberships)
    .where(
      and(
        inArray(committeeMemberships.committeeId, ids),
        isNull(committeeMemberships.deletedAt),
        or(isNull(committeeMemberships.endDate), gte(committeeMemberships.endDate, today)),
      ),
    )
    .groupBy(committeeMemberships.committeeId);
  for (const m of members) facts.get(m.id)!.members = Number(m.n);
  const next = await tx.db
    .select({ id: committeeMeetings.committeeId, at: min(committeeMeetings.startAt) })
    .from(committeeMeetings)
    .where(and(inArray(committeeMeetings.committeeId, ids), isNull(committeeMeetings.deletedAt), gte(committeeMeetings.startAt, new Date())))
    .groupBy(committeeMeetings.committeeId);
  for (const n of next) facts.get(n.id)!.next = n.at ? new Date(n.at) : null;
  return facts;
}

function presentCommittee(row: CommitteeRow, facts: { members: number; next: Date | null }): AdminCommittee {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    description: row.description,
    website: row.website,
    startDate: row.startDate,
    endDate: row.endDate,
    sort: row.sort,
    memberCount: facts.members,
    nextMeetingAt: iso(facts.next),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCommittees(tx: Tx): Promise<AdminCommittee[]> {
  const rows = await tx.db.select().from(committees).where(isNull(committees.deletedAt)).orderBy(asc(committees.sort), asc(committees.name), asc(committees.id));
  const facts = await committeeFacts(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCommittee(r, facts.get(r.id)!));
}

export async function committeeDetail(tx: Tx, row: CommitteeRow): Promise<AdminCommitteeDetail> {
  const facts = await committeeFacts(tx, [row.id]);
  const terms = await tx.db
    .select()
    .from(committeeTerms)
    .where(and(isNull(committeeTerms.deletedAt), or(isNull(committeeTerms.committeeId), eq(committeeTerms.committeeId, row.id))))
    .orderBy(asc(committeeTerms.startDate), asc(committeeTerms.id));
  return {
    ...presentCommittee(row, facts.get(row.id)!),
    terms: terms.map(presentTerm),
    memberships: await listMemberships(tx, eq(committeeMemberships.committeeId, row.id)),
    meetings: (await listMeetingSummaries(tx, { committeeId: row.id, page: 1, pageSize: 1000 }, 'desc')).rows,
  };
}

const COMMITTEE_FIELDS = ['name', 'shortName', 'kind', 'description', 'website', 'startDate', 'endDate', 'sort'] as const;

export async function createCommittee(tx: Tx, author: Author, input: CommitteeInput): Promise<CommitteeRow> {
  const [row] = await tx.db
    .insert(committees)
    .values({ tenantId: tx.tenantId!, ...input })
    .returning();
  await audit(tx, author, 'committee.created', 'committee', row!.id, { changes: changedFields({} as CommitteeRow, row!, COMMITTEE_FIELDS) });
  return row!;
}

export async function updateCommittee(tx: Tx, author: Author, before: CommitteeRow, input: CommitteeInput): Promise<CommitteeRow> {
  const changes = changedFields(before, input, COMMITTEE_FIELDS);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db
    .update(committees)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(committees.id, before.id))
    .returning();
  await audit(tx, author, 'committee.updated', 'committee', before.id, { changes });
  return row!;
}

/** A committee with meetings keeps them: delete those first (409 otherwise). Its memberships and own terms go with it. */
export async function deleteCommittee(tx: Tx, author: Author, before: CommitteeRow): Promise<void> {
  const [meetings] = await tx.db
    .select({ n: count() })
    .from(committeeMeetings)
    .where(and(eq(committeeMeetings.committeeId, before.id), isNull(committeeMeetings.deletedAt)));
  if (Number(meetings?.n ?? 0) > 0) {
    throw new AppError('conflict', 'The committee still has meetings; delete them first', { field: 'meetings' });
  }
  const now = new Date();
  const memberships = await tx.db
    .update(committeeMemberships)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeMemberships.committeeId, before.id), isNull(committeeMemberships.deletedAt)))
    .returning({ personId: committeeMemberships.personId });
  await touchPersons(
    tx,
    memberships.map((m) => m.personId),
    now,
  );
  await tx.db
    .update(committeeTerms)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeTerms.committeeId, before.id), isNull(committeeTerms.deletedAt)));
  await tx.db.update(committees).set({ deletedAt: now, updatedAt: now }).where(eq(committees.id, before.id));
  await audit(tx, author, 'committee.deleted', 'committee', before.id, { name: before.name, memberships: memberships.length });
}

// ---------------------------------------------------------------------------------------------
// Legislative terms

export const presentTerm = (row: TermRow): AdminTerm => ({
  id: row.id,
  committeeId: row.committeeId,
  name: row.name,
  startDate: row.startDate,
  endDate: row.endDate,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listTerms(tx: Tx): Promise<AdminTerm[]> {
  const rows = await tx.db.select().from(committeeTerms).where(isNull(committeeTerms.deletedAt)).orderBy(asc(committeeTerms.startDate), asc(committeeTerms.id));
  return rows.map(presentTerm);
}

export async function findTerm(tx: Tx, id: string): Promise<TermRow> {
  const [row] = await tx.db.select().from(committeeTerms).where(and(eq(committeeTerms.id, id), isNull(committeeTerms.deletedAt)));
  if (!row) throw notFound('Legislative term');
  return row;
}

const TERM_FIELDS = ['committeeId', 'name', 'startDate', 'endDate'] as const;

export async function saveTerm(tx: Tx, author: Author, before: TermRow | null, input: TermInput): Promise<TermRow> {
  if (input.committeeId) await requireCommitteeRef(tx, input.committeeId);
  if (!before) {
    const [row] = await tx.db
      .insert(committeeTerms)
      .values({ tenantId: tx.tenantId!, ...input })
      .returning();
    await audit(tx, author, 'committee_term.created', 'committee_term', row!.id, { changes: changedFields({} as TermRow, row!, TERM_FIELDS) });
    return row!;
  }
  const changes = changedFields(before, input, TERM_FIELDS);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db
    .update(committeeTerms)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(committeeTerms.id, before.id))
    .returning();
  await audit(tx, author, 'committee_term.updated', 'committee_term', before.id, { changes });
  return row!;
}

export async function deleteTerm(tx: Tx, author: Author, before: TermRow): Promise<void> {
  const now = new Date();
  await tx.db.update(committeeTerms).set({ deletedAt: now, updatedAt: now }).where(eq(committeeTerms.id, before.id));
  await audit(tx, author, 'committee_term.deleted', 'committee_term', before.id, { name: before.name });
}

// ---------------------------------------------------------------------------------------------
// Persons

export const presentPerson = (row: PersonRow): AdminPerson => ({
  id: row.id,
  name: personName(row),
  familyName: row.familyName,
  givenName: row.givenName,
  formOfAddress: row.formOfAddress,
  title: row.title,
  email: row.email,
  phone: row.phone,
  publishContact: row.publishContact,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listPersons(tx: Tx, query: PersonListQuery): Promise<{ rows: AdminPerson[]; total: number }> {
  const where: SQL[] = [isNull(committeePersons.deletedAt)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(committeePersons.familyName, pattern), ilike(committeePersons.givenName, pattern))!);
  }
  const condition = and(...where);
  const rows = await tx.db
    .select()
    .from(committeePersons)
    .where(condition)
    .orderBy(asc(committeePersons.familyName), asc(committeePersons.givenName), asc(committeePersons.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(committeePersons).where(condition);
  return { rows: rows.map(presentPerson), total: Number(total?.n ?? 0) };
}

export async function findPerson(tx: Tx, id: string): Promise<PersonRow> {
  const [row] = await tx.db.select().from(committeePersons).where(and(eq(committeePersons.id, id), isNull(committeePersons.deletedAt)));
  if (!row) throw notFound('Person');
  return row;
}

export async function personDetail(tx: Tx, row: PersonRow): Promise<AdminPersonDetail> {
  return { ...presentPerson(row), memberships: await listMemberships(tx, eq(committeeMemberships.personId, row.id)) };
}

const PERSON_FIELDS = ['familyName', 'givenName', 'formOfAddress', 'title', 'email', 'phone', 'publishContact'] as const;

export async function savePerson(tx: Tx, author: Author, before: PersonRow | null, input: PersonInput): Promise<PersonRow> {
  if (!before) {
    const [row] = await tx.db
      .insert(committeePersons)
      .values({ tenantId: tx.tenantId!, ...input })
      .returning();
    // Contact data is personal: the audit log names the changed fields only.
    await audit(tx, author, 'committee_person.created', 'committee_person', row!.id, { name: personName(row!) });
    return row!;
  }
  const changes = changedFields(before, input, PERSON_FIELDS);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db
    .update(committeePersons)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(committeePersons.id, before.id))
    .returning();
  await audit(tx, author, 'committee_person.updated', 'committee_person', before.id, { fields: Object.keys(changes) });
  await touchCommitteesOfPerson(tx, before.id, row!.updatedAt);
  return row!;
}

/** Deleting a person ends its memberships too (both soft). */
export async function deletePerson(tx: Tx, author: Author, before: PersonRow): Promise<void> {
  const now = new Date();
  const ended = await tx.db
    .update(committeeMemberships)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeMemberships.personId, before.id), isNull(committeeMemberships.deletedAt)))
    .returning({ committeeId: committeeMemberships.committeeId });
  await touchCommittees(
    tx,
    ended.map((m) => m.committeeId),
    now,
  );
  await tx.db.update(committeePersons).set({ deletedAt: now, updatedAt: now }).where(eq(committeePersons.id, before.id));
  await audit(tx, author, 'committee_person.deleted', 'committee_person', before.id, { memberships: ended.length });
}

// ---------------------------------------------------------------------------------------------
// Memberships

async function listMemberships(tx: Tx, condition: SQL): Promise<AdminMembership[]> {
  const rows = await tx.db
    .select({ m: committeeMemberships, person: committeePersons, committeeName: committees.name })
    .from(committeeMemberships)
    .innerJoin(committeePersons, and(eq(committeePersons.tenantId, committeeMemberships.tenantId), eq(committeePersons.id, committeeMemberships.personId)))
    .innerJoin(committees, and(eq(committees.tenantId, committeeMemberships.tenantId), eq(committees.id, committeeMemberships.committeeId)))
    .where(and(condition, isNull(committeeMemberships.deletedAt)))
    .orderBy(
      sql`array_position(ARRAY['chair','deputy_chair','member','advisory_member']::text[], ${committeeMemberships.role})`,
      asc(committeePersons.familyName),
      asc(committeeMemberships.startDate),
      asc(committeeMemberships.id),
    );
  return rows.map(({ m, person, committeeName }) => presentMembership(m, personName(person), committeeName));
}

const presentMembership = (m: MembershipRow, personNameText: string, committeeName: string): AdminMembership => ({
  id: m.id,
  committeeId: m.committeeId,
  committeeName,
  personId: m.personId,
  personName: personNameText,
  role: m.role,
  votingRight: m.votingRight,
  startDate: m.startDate,
  endDate: m.endDate,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

export async function findMembership(tx: Tx, id: string): Promise<MembershipRow> {
  const [row] = await tx.db.select().from(committeeMemberships).where(and(eq(committeeMemberships.id, id), isNull(committeeMemberships.deletedAt)));
  if (!row) throw notFound('Membership');
  return row;
}

const MEMBERSHIP_FIELDS = ['committeeId', 'personId', 'role', 'votingRight', 'startDate', 'endDate'] as const;

export async function saveMembership(tx: Tx, author: Author, before: MembershipRow | null, input: MembershipInput): Promise<AdminMembership> {
  const committee = await requireCommitteeRef(tx, input.committeeId);
  const [person] = await tx.db.select().from(committeePersons).where(and(eq(committeePersons.id, input.personId), isNull(committeePersons.deletedAt)));
  if (!person) throw badInput('personId', 'No such person');
  const now = new Date();
  let row: MembershipRow;
  if (!before) {
    [row] = (await tx.db
      .insert(committeeMemberships)
      .values({ tenantId: tx.tenantId!, ...input })
      .returning()) as [MembershipRow];
    await audit(tx, author, 'committee_membership.created', 'committee_membership', row.id, { changes: changedFields({} as MembershipRow, row, MEMBERSHIP_FIELDS) });
  } else {
    const changes = changedFields(before, input, MEMBERSHIP_FIELDS);
    if (!Object.keys(changes).length) return presentMembership(before, personName(person), committee.name);
    [row] = (await tx.db
      .update(committeeMemberships)
      .set({ ...input, updatedAt: now })
      .where(eq(committeeMemberships.id, before.id))
      .returning()) as [MembershipRow];
    await audit(tx, author, 'committee_membership.updated', 'committee_membership', before.id, { changes });
  }
  // OParl embeds memberships in the person and lists them at the organization: both changed.
  await touchPersons(tx, [input.personId, ...(before ? [before.personId] : [])], now);
  await touchCommittees(tx, [input.committeeId, ...(before ? [before.committeeId] : [])], now);
  return presentMembership(row, personName(person), committee.name);
}

export async function deleteMembership(tx: Tx, author: Author, before: MembershipRow): Promise<void> {
  const now = new Date();
  await tx.db.update(committeeMemberships).set({ deletedAt: now, updatedAt: now }).where(eq(committeeMemberships.id, before.id));
  await touchPersons(tx, [before.personId], now);
  await touchCommittees(tx, [before.committeeId], now);
  await audit(tx, author, 'committee_membership.deleted', 'committee_membership', before.id, { committeeId: before.committeeId, personId: before.personId });
}

async function touchPersons(tx: Tx, ids: string[], at: Date): Promise<void> {
  if (ids.length) await tx.db.update(committeePersons).set({ updatedAt: at }).where(inArray(committeePersons.id, [...new Set(ids)]));
}

async function touchCommittees(tx: Tx, ids: string[], at: Date): Promise<void> {
  if (ids.length) await tx.db.update(committees).set({ updatedAt: at }).where(inArray(committees.id, [...new Set(ids)]));
}

async function touchCommitteesOfPerson(tx: Tx, personId: string, at: Date): Promise<void> {
  const rows = await tx.db
    .select({ id: committeeMemberships.committeeId })
    .from(committeeMemberships)
    .where(and(eq(committeeMemberships.personId, personId), isNull(committeeMemberships.deletedAt)));
  await touchCommittees(
    tx,
    rows.map((r) => r.id),
    at,
  );
}

// ---------------------------------------------------------------------------------------------
// Locations


export async function listLocations(tx: Tx): Promise<AdminCommitteeLocation[]> {
  const rows = await tx.db.select().from(committeeLocations).where(isNull(committeeLocations.deletedAt)).orderBy(asc(committeeLocations.description), asc(committeeLocations.id));
  return rows.map(presentLocation);
}

export async function findLocation(tx: Tx, id: string): Promise<LocationRow> {
  const [row] = await tx.db.select().from(committeeLocations).where(and(eq(committeeLocations.id, id), isNull(committeeLocations.deletedAt)));
  if (!row) throw notFound('Location');
  return row;
}

const LOCATION_FIELDS = ['description', 'streetAddress', 'room', 'postalCode', 'locality'] as const;

export async function saveLocation(tx: Tx, author: Author, before: LocationRow | null, input: CommitteeLocationInput): Promise<LocationRow> {
  if (!before) {
    const [row] = await tx.db
      .insert(committeeLocations)
      .values({ tenantId: tx.tenantId!, ...input })
      .returning();
    await audit(tx, author, 'committee_location.created', 'committee_location', row!.id, { changes: changedFields({} as LocationRow, row!, LOCATION_FIELDS) });
    return row!;
  }
  const changes = changedFields(before, input, LOCATION_FIELDS);
  if (!Object.keys(changes).length) return before;
  const now = new Date();
  const [row] = await tx.db
    .update(committeeLocations)
    .set({ ...input, updatedAt: now })
    .where(eq(committeeLocations.id, before.id))
    .returning();
  // Meetings embed their location (OParl): they changed as well.
  await tx.db.update(committeeMeetings).set({ updatedAt: now }).where(and(eq(committeeMeetings.locationId, before.id), isNull(committeeMeetings.deletedAt)));
  await audit(tx, author, 'committee_location.updated', 'committee_location', before.id, { changes });
  return row!;
}

/** A location still used by a meeting stays (409). */
export async function deleteLocation(tx: Tx, author: Author, before: LocationRow): Promise<void> {
  const [used] = await tx.db
    .select({ n: count() })
    .from(committeeMeetings)
    .where(and(eq(committeeMeetings.locationId, before.id), isNull(committeeMeetings.deletedAt)));
  if (Number(used?.n ?? 0) > 0) {
    throw new AppError('conflict', 'The location is still used by meetings', { field: 'locationId' });
  }
  const now = new Date();
  await tx.db.update(committeeLocations).set({ deletedAt: now, updatedAt: now }).where(eq(committeeLocations.id, before.id));
  await audit(tx, author, 'committee_location.deleted', 'committee_location', before.id, { description: before.description });
}
