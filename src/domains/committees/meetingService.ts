// Meetings (Sitzungen) and their agenda (back office): create, edit, publish, delete; the whole
// agenda is saved at once (order, public/non-public, minutes and decisions), in one transaction.
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { badInput, notFound } from '../../errors.ts';
import type { AdminAgendaItem, AdminFile, AdminMeeting, AdminMeetingSummary, AgendaInput, MeetingInput, MeetingListQuery } from '../../shared/contracts/committees.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import {
  committeeAgendaItems,
  committeeConsultations,
  committeeFiles,
  committeeLocations,
  committeeMeetings,
  committeePapers,
  committees,
} from './committees.table.ts';
import { boundary } from '../../shared/berlinTime.ts';
import { iso, presentLocation } from './committeePresenters.ts';
import { presentFile, softDeleteFiles } from './fileService.ts';

export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type AgendaItemRow = typeof committeeAgendaItems.$inferSelect;

export async function listMeetingSummaries(tx: Tx, query: MeetingListQuery, order: 'asc' | 'desc' = 'asc'): Promise<{ rows: AdminMeetingSummary[]; total: number }> {
  const where: SQL[] = [isNull(committeeMeetings.deletedAt)];
  if (query.committeeId) where.push(eq(committeeMeetings.committeeId, query.committeeId));
  if (query.from) where.push(gte(committeeMeetings.startAt, boundary(query.from)));
  if (query.to) where.push(lt(committeeMeetings.startAt, boundary(query.to)));
  const condition = and(...where);
  const rows = await tx.db
    .select({
      m: committeeMeetings,
      committeeName: committees.name,
      items: sql<number>`(SELECT count(*)::int FROM committee_agenda_items a WHERE a.tenant_id = ${committeeMeetings.tenantId} AND a.meeting_id = ${committeeMeetings.id} AND a.deleted_at IS NULL)`,
    })
    .from(committeeMeetings)
    .innerJoin(committees, and(eq(committees.tenantId, committeeMeetings.tenantId), eq(committees.id, committeeMeetings.committeeId)))
    .where(condition)
    .orderBy(order === 'asc' ? asc(committeeMeetings.startAt) : desc(committeeMeetings.startAt), asc(committeeMeetings.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(committeeMeetings).where(condition);
  return { rows: rows.map((r) => presentMeetingSummary(r.m, r.committeeName, Number(r.items))), total: Number(total?.n ?? 0) };
}

export const presentMeetingSummary = (m: MeetingRow, committeeName: string, agendaItemCount: number): AdminMeetingSummary => ({
  id: m.id,
  committeeId: m.committeeId,
  committeeName,
  name: m.name,
  state: m.state,
  startAt: m.startAt.toISOString(),
  endAt: iso(m.endAt),
  locationId: m.locationId,
  published: m.publishedAt !== null,
  publishedAt: iso(m.publishedAt),
  agendaItemCount,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

export async function findMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const [row] = await tx.db.select().from(committeeMeetings).where(and(eq(committeeMeetings.id, id), isNull(committeeMeetings.deletedAt)));
  if (!row) throw notFound('Meeting');
  return row;
}

async function agendaItemsOf(tx: Tx, meetingId: string): Promise<AgendaItemRow[]> {
  return tx.db
    .select()
    .from(committeeAgendaItems)
    .where(and(eq(committeeAgendaItems.meetingId, meetingId), isNull(committeeAgendaItems.deletedAt)))
    .orderBy(asc(committeeAgendaItems.position), asc(committeeAgendaItems.id));
}

export async function meetingDetail(tx: Tx, m: MeetingRow): Promise<AdminMeeting> {
  const [committee] = await tx.db.select({ name: committees.name }).from(committees).where(eq(committees.id, m.committeeId));
  const [location] = m.locationId ? await tx.db.select().from(committeeLocations).where(eq(committeeLocations.id, m.locationId)) : [];
  const items = await agendaItemsOf(tx, m.id);
  const itemIds = items.map((i) => i.id);
  const consultations = itemIds.length
    ? await tx.db
        .select({ c: committeeConsultations, reference: committeePapers.reference, paperName: committeePapers.name })
        .from(committeeConsultations)
        .innerJoin(committeePapers, and(eq(committeePapers.tenantId, committeeConsultations.tenantId), eq(committeePapers.id, committeeConsultations.paperId)))
        .where(and(inArray(committeeConsultations.agendaItemId, itemIds), isNull(committeeConsultations.deletedAt)))
    : [];
  const files = await tx.db
    .select()
    .from(committeeFiles)
    .where(
      and(
        isNull(committeeFiles.deletedAt),
        itemIds.length ? sql`(${committeeFiles.meetingId} = ${m.id} OR ${inArray(committeeFiles.agendaItemId, itemIds)})` : eq(committeeFiles.meetingId, m.id),
      ),
    )
    .orderBy(asc(committeeFiles.createdAt), asc(committeeFiles.id));
  const filesOf = (itemId: string): AdminFile[] => files.filter((f) => f.agendaItemId === itemId).map(presentFile);
  const agendaItems: AdminAgendaItem[] = items.map((i) => {
    const c = consultations.find((x) => x.c.agendaItemId === i.id);
    return {
      id: i.id,
      position: i.position,
      number: i.number,
      name: i.name,
      public: i.public,
      result: i.result,
      resolutionText: i.resolutionText,
      minutes: i.minutes,
      consultation: c ? { id: c.c.id, paperId: c.c.paperId, paperReference: c.reference, paperName: c.paperName, role: c.c.role } : null,
      files: filesOf(i.id),
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    };
  });
  return {
    ...presentMeetingSummary(m, committee?.name ?? '', items.length),
    location: location ? presentLocation(location) : null,
    agendaItems,
    files: files.filter((f) => f.meetingId === m.id).map(presentFile),
  };
}

const MEETING_FIELDS = ['committeeId', 'name', 'state', 'startAt', 'endAt', 'locationId'] as const;

export async function saveMeeting(tx: Tx, author: Author, before: MeetingRow | null, input: MeetingInput): Promise<MeetingRow> {
  const [committee] = await tx.db.select({ id: committees.id }).from(committees).where(and(eq(committees.id, input.committeeId), isNull(committees.deletedAt)));
  if (!committee) throw badInput('committeeId', 'No such committee');
  if (input.locationId) {
    const [location] = await tx.db
      .select({ id: committeeLocations.id })
      .from(committeeLocations)
      .where(and(eq(committeeLocations.id, input.locationId), isNull(committeeLocations.deletedAt)));
    if (!location) throw badInput('locationId', 'No such location');
  }
  const values = { ...input, startAt: new Date(input.startAt), endAt: input.endAt ? new Date(input.endAt) : null };
  if (!before) {
    const [row] = await tx.db
      .insert(committeeMeetings)
      .values({ tenantId: tx.tenantId!, ...values })
      .returning();
    await writeAudit(tx, { ...author, action: 'committee_meeting.created', entityType: 'committee_meeting', entityId: row!.id, details: { changes: changedFields({} as MeetingRow, row!, MEETING_FIELDS) } });
    return row!;
  }
  const changes = changedFields(before, values, MEETING_FIELDS);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db
    .update(committeeMeetings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(committeeMeetings.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'committee_meeting.updated', entityType: 'committee_meeting', entityId: before.id, details: { changes } });
  return row!;
}

/** Publishing makes the meeting and its public agenda items visible in the navigator and OParl. */
export async function setMeetingPublished(tx: Tx, author: Author, before: MeetingRow, published: boolean): Promise<MeetingRow> {
  if ((before.publishedAt !== null) === published) return before;
  const now = new Date();
  const [row] = await tx.db
    .update(committeeMeetings)
    .set({ publishedAt: published ? now : null, updatedAt: now })
    .where(eq(committeeMeetings.id, before.id))
    .returning();
  await touchPapersOfMeeting(tx, before.id, now);
  await writeAudit(tx, {
    ...author,
    action: published ? 'committee_meeting.published' : 'committee_meeting.unpublished',
    entityType: 'committee_meeting',
    entityId: before.id,
    details: {},
  });
  return row!;
}

/** Deletes (soft) the meeting with its agenda items, consultations and files. */
export async function deleteMeeting(tx: Tx, author: Author, before: MeetingRow): Promise<void> {
  const now = new Date();
  await touchPapersOfMeeting(tx, before.id, now);
  const papersUnpublished = await unpublishPapersOfNonPublicItems(tx, sql`a.meeting_id = ${before.id}`, now);
  await tx.db
    .update(committeeConsultations)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeConsultations.meetingId, before.id), isNull(committeeConsultations.deletedAt)));
  const items = await tx.db
    .update(committeeAgendaItems)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeAgendaItems.meetingId, before.id), isNull(committeeAgendaItems.deletedAt)))
    .returning({ id: committeeAgendaItems.id });
  await softDeleteFiles(tx, eq(committeeFiles.meetingId, before.id), now);
  if (items.length) {
    await softDeleteFiles(
      tx,
      inArray(
        committeeFiles.agendaItemId,
        items.map((i) => i.id),
      ),
      now,
    );
  }
  await tx.db.update(committeeMeetings).set({ deletedAt: now, updatedAt: now }).where(eq(committeeMeetings.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'committee_meeting.deleted',
    entityType: 'committee_meeting',
    entityId: before.id,
    details: { name: before.name, agendaItems: items.length, ...(papersUnpublished ? { papersUnpublished } : {}) },
  });
}

/**
 * A paper discussed under a non-public agenda item is internal, published or not. When such items
 * go (removed from the agenda, or their meeting deleted), their papers are unpublished first: they
 * stay internal — never does a deletion make a confidential paper and its files public — until the
 * office publishes them again. Returns how many papers were unpublished.
 */
async function unpublishPapersOfNonPublicItems(tx: Tx, items: SQL, at: Date): Promise<number> {
  const papers = await tx.db
    .update(committeePapers)
    .set({ publishedAt: null, updatedAt: at })
    .where(
      sql`${committeePapers.publishedAt} IS NOT NULL AND ${committeePapers.id} IN (
        SELECT c.paper_id FROM committee_consultations c
        JOIN committee_agenda_items a ON a.tenant_id = c.tenant_id AND a.id = c.agenda_item_id
        WHERE c.tenant_id = ${committeePapers.tenantId} AND c.deleted_at IS NULL AND a.deleted_at IS NULL AND NOT a.public AND ${items})`,
    )
    .returning({ id: committeePapers.id });
  return papers.length;
}

/** Papers embed their consultations and their visibility depends on the meeting: they change with it. */
async function touchPapersOfMeeting(tx: Tx, meetingId: string, at: Date): Promise<void> {
  await tx.db
    .update(committeePapers)
    .set({ updatedAt: at })
    .where(
      sql`${committeePapers.id} IN (SELECT paper_id FROM committee_consultations c WHERE c.tenant_id = ${committeePapers.tenantId} AND c.meeting_id = ${meetingId} AND c.deleted_at IS NULL)`,
    );
}

const ITEM_FIELDS = ['position', 'number', 'name', 'public', 'result', 'resolutionText', 'minutes'] as const;

/**
 * Replaces the agenda: items are stored in the given order; an existing item keeps its id (and its
 * paper and files), items left out are deleted with their consultation and files.
 */
export async function saveAgenda(tx: Tx, author: Author, meeting: MeetingRow, input: AgendaInput): Promise<void> {
  const existing = await agendaItemsOf(tx, meeting.id);
  const byId = new Map(existing.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const [index, item] of input.items.entries()) {
    if (!item.id) continue;
    if (!byId.has(item.id)) throw badInput(`items.${index}.id`, 'This agenda item does not belong to the meeting');
    if (seen.has(item.id)) throw badInput(`items.${index}.id`, 'The agenda item is listed twice');
    seen.add(item.id);
  }
  const now = new Date();
  const removed = existing.filter((i) => !seen.has(i.id)).map((i) => i.id);
  const visibilityChanged: string[] = [...removed];
  let created = 0;
  let updated = 0;
  for (const [index, item] of input.items.entries()) {
    const values = {
      position: index + 1,
      number: item.number,
      name: item.name,
      public: item.public,
      result: item.result,
      resolutionText: item.resolutionText,
      minutes: item.minutes,
    };
    const before = item.id ? byId.get(item.id) : undefined;
    if (!before) {
      await tx.db.insert(committeeAgendaItems).values({ tenantId: tx.tenantId!, meetingId: meeting.id, ...values });
      created++;
      continue;
    }
    if (!Object.keys(changedFields(before, values, ITEM_FIELDS)).length) continue;
    if (before.public !== values.public) visibilityChanged.push(before.id);
    await tx.db
      .update(committeeAgendaItems)
      .set({ ...values, updatedAt: now })
      .where(eq(committeeAgendaItems.id, before.id));
    updated++;
  }
  if (visibilityChanged.length) {
    // The papers discussed under these items change their visibility (or lose a consultation).
    await tx.db
      .update(committeePapers)
      .set({ updatedAt: now })
      .where(
        sql`${committeePapers.id} IN (SELECT paper_id FROM committee_consultations c WHERE c.tenant_id = ${committeePapers.tenantId} AND c.deleted_at IS NULL AND ${inArray(sql`c.agenda_item_id`, visibilityChanged)})`,
      );
  }
  let papersUnpublished = 0;
  if (removed.length) {
    papersUnpublished = await unpublishPapersOfNonPublicItems(tx, inArray(sql`a.id`, removed), now);
    await tx.db
      .update(committeeConsultations)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(inArray(committeeConsultations.agendaItemId, removed), isNull(committeeConsultations.deletedAt)));
    await softDeleteFiles(tx, inArray(committeeFiles.agendaItemId, removed), now);
    await tx.db
      .update(committeeAgendaItems)
      .set({ deletedAt: now, updatedAt: now })
      .where(inArray(committeeAgendaItems.id, removed));
  }
  if (!created && !updated && !removed.length) return;
  await tx.db.update(committeeMeetings).set({ updatedAt: now }).where(eq(committeeMeetings.id, meeting.id));
  await writeAudit(tx, {
    ...author,
    action: 'committee_meeting.agenda_saved',
    entityType: 'committee_meeting',
    entityId: meeting.id,
    details: { created, updated, deleted: removed.length, items: input.items.length, ...(papersUnpublished ? { papersUnpublished } : {}) },
  });
}

/** An agenda item that a record refers to (consultation, file): missing → 400 naming the field. */
export async function requireAgendaItemRef(tx: Tx, id: string, field: string): Promise<AgendaItemRow> {
  const [row] = await tx.db.select().from(committeeAgendaItems).where(and(eq(committeeAgendaItems.id, id), isNull(committeeAgendaItems.deletedAt)));
  if (!row) throw badInput(field, 'No such agenda item');
  return row;
}

export async function requireMeetingRef(tx: Tx, id: string, field: string): Promise<MeetingRow> {
  const [row] = await tx.db.select().from(committeeMeetings).where(and(eq(committeeMeetings.id, id), isNull(committeeMeetings.deletedAt)));
  if (!row) throw badInput(field, 'No such meeting');
  return row;
}
