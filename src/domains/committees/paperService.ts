// Papers (Vorlagen) and their consultations (Beratungen) in the back office.
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError, badInput, notFound } from '../../errors.ts';
import type { AdminConsultation, AdminPaper, AdminPaperDetail, ConsultationsInput, PaperInput, PaperListQuery } from '../../shared/contracts/committees.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { containsPattern } from '../providers/providerService.ts';
import { committeeAgendaItems, committeeConsultations, committeeFiles, committeeMeetings, committeePapers, committees } from './committees.table.ts';
import { iso } from './committeePresenters.ts';
import { presentFile, softDeleteFiles } from './fileService.ts';

export type PaperRow = typeof committeePapers.$inferSelect;
type ConsultationRow = typeof committeeConsultations.$inferSelect;

export const presentPaper = (row: PaperRow): AdminPaper => ({
  id: row.id,
  reference: row.reference,
  name: row.name,
  paperType: row.paperType,
  date: row.date,
  published: row.publishedAt !== null,
  publishedAt: iso(row.publishedAt),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listPapers(tx: Tx, query: PaperListQuery): Promise<{ rows: AdminPaper[]; total: number }> {
  const where: SQL[] = [isNull(committeePapers.deletedAt)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(committeePapers.reference, pattern), ilike(committeePapers.name, pattern))!);
  }
  const condition = and(...where);
  const rows = await tx.db
    .select()
    .from(committeePapers)
    .where(condition)
    .orderBy(desc(committeePapers.date), asc(committeePapers.reference), asc(committeePapers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(committeePapers).where(condition);
  return { rows: rows.map(presentPaper), total: Number(total?.n ?? 0) };
}

export async function findPaper(tx: Tx, id: string): Promise<PaperRow> {
  const [row] = await tx.db.select().from(committeePapers).where(and(eq(committeePapers.id, id), isNull(committeePapers.deletedAt)));
  if (!row) throw notFound('Paper');
  return row;
}

export async function paperDetail(tx: Tx, row: PaperRow): Promise<AdminPaperDetail> {
  const consultations = await tx.db
    .select({ c: committeeConsultations, meeting: committeeMeetings, committeeName: committees.name, item: committeeAgendaItems })
    .from(committeeConsultations)
    .innerJoin(committeeMeetings, and(eq(committeeMeetings.tenantId, committeeConsultations.tenantId), eq(committeeMeetings.id, committeeConsultations.meetingId)))
    .innerJoin(committees, and(eq(committees.tenantId, committeeMeetings.tenantId), eq(committees.id, committeeMeetings.committeeId)))
    .leftJoin(committeeAgendaItems, and(eq(committeeAgendaItems.tenantId, committeeConsultations.tenantId), eq(committeeAgendaItems.id, committeeConsultations.agendaItemId)))
    .where(and(eq(committeeConsultations.paperId, row.id), isNull(committeeConsultations.deletedAt)))
    .orderBy(asc(committeeMeetings.startAt), asc(committeeConsultations.id));
  const files = await tx.db
    .select()
    .from(committeeFiles)
    .where(and(eq(committeeFiles.paperId, row.id), isNull(committeeFiles.deletedAt)))
    .orderBy(asc(committeeFiles.createdAt), asc(committeeFiles.id));
  return {
    ...presentPaper(row),
    consultations: consultations.map(
      ({ c, meeting, committeeName, item }): AdminConsultation => ({
        id: c.id,
        paperId: c.paperId,
        meetingId: meeting.id,
        meetingName: meeting.name,
        meetingStartAt: meeting.startAt.toISOString(),
        committeeId: meeting.committeeId,
        committeeName,
        agendaItemId: item?.id ?? null,
        agendaItemNumber: item?.number ?? null,
        agendaItemName: item?.name ?? null,
        agendaItemPublic: item ? item.public : null,
        role: c.role,
      }),
    ),
    files: files.map(presentFile),
  };
}

const PAPER_FIELDS = ['reference', 'name', 'paperType', 'date', 'publishedAt'] as const;

async function assertReferenceFree(tx: Tx, reference: string, exceptId: string | null): Promise<void> {
  const [other] = await tx.db
    .select({ id: committeePapers.id })
    .from(committeePapers)
    .where(and(eq(committeePapers.reference, reference), isNull(committeePapers.deletedAt)));
  if (other && other.id !== exceptId) {
    throw new AppError('duplicate', `A paper with the reference "${reference}" already exists`, { field: 'reference' });
  }
}

export async function savePaper(tx: Tx, author: Author, before: PaperRow | null, input: PaperInput): Promise<PaperRow> {
  await assertReferenceFree(tx, input.reference, before?.id ?? null);
  const now = new Date();
  const values = {
    reference: input.reference,
    name: input.name,
    paperType: input.paperType,
    date: input.date,
    publishedAt: input.published ? (before?.publishedAt ?? now) : null,
  };
  if (!before) {
    const [row] = await tx.db
      .insert(committeePapers)
      .values({ tenantId: tx.tenantId!, ...values })
      .returning();
    await writeAudit(tx, { ...author, action: 'committee_paper.created', entityType: 'committee_paper', entityId: row!.id, details: { changes: changedFields({} as PaperRow, row!, PAPER_FIELDS) } });
    return row!;
  }
  const changes = changedFields(before, values, PAPER_FIELDS);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db
    .update(committeePapers)
    .set({ ...values, updatedAt: now })
    .where(eq(committeePapers.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'committee_paper.updated', entityType: 'committee_paper', entityId: before.id, details: { changes } });
  return row!;
}

/** Deletes (soft) the paper with its consultations and files. */
export async function deletePaper(tx: Tx, author: Author, before: PaperRow): Promise<void> {
  const now = new Date();
  const gone = await tx.db
    .update(committeeConsultations)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(committeeConsultations.paperId, before.id), isNull(committeeConsultations.deletedAt)))
    .returning();
  await touchAgendaItems(tx, gone, now);
  await softDeleteFiles(tx, eq(committeeFiles.paperId, before.id), now);
  await tx.db.update(committeePapers).set({ deletedAt: now, updatedAt: now }).where(eq(committeePapers.id, before.id));
  await writeAudit(tx, { ...author, action: 'committee_paper.deleted', entityType: 'committee_paper', entityId: before.id, details: { reference: before.reference } });
}

/** Agenda items name their consultation (OParl), meetings embed the items: both change. */
async function touchAgendaItems(tx: Tx, consultations: ConsultationRow[], at: Date): Promise<void> {
  const itemIds = consultations.map((c) => c.agendaItemId).filter((id): id is string => Boolean(id));
  if (itemIds.length) await tx.db.update(committeeAgendaItems).set({ updatedAt: at }).where(inArray(committeeAgendaItems.id, itemIds));
  const meetingIds = [...new Set(consultations.map((c) => c.meetingId))];
  if (meetingIds.length) await tx.db.update(committeeMeetings).set({ updatedAt: at }).where(inArray(committeeMeetings.id, meetingIds));
}

const CONSULTATION_FIELDS = ['meetingId', 'agendaItemId', 'role'] as const;

/**
 * Replaces the paper's consultations. Each names a meeting and optionally one of its agenda items;
 * an agenda item discusses at most one paper (OParl: AgendaItem.consultation is 1:1).
 */
export async function saveConsultations(tx: Tx, author: Author, paper: PaperRow, input: ConsultationsInput): Promise<void> {
  const existing = await tx.db
    .select()
    .from(committeeConsultations)
    .where(and(eq(committeeConsultations.paperId, paper.id), isNull(committeeConsultations.deletedAt)));
  const byId = new Map(existing.map((c) => [c.id, c]));
  const kept = new Set<string>();
  const items = new Set<string>();
  for (const [index, c] of input.items.entries()) {
    if (c.id) {
      if (!byId.has(c.id)) throw badInput(`items.${index}.id`, 'This consultation does not belong to the paper');
      if (kept.has(c.id)) throw badInput(`items.${index}.id`, 'The consultation is listed twice');
      kept.add(c.id);
    }
    const [meeting] = await tx.db
      .select({ id: committeeMeetings.id })
      .from(committeeMeetings)
      .where(and(eq(committeeMeetings.id, c.meetingId), isNull(committeeMeetings.deletedAt)));
    if (!meeting) throw badInput(`items.${index}.meetingId`, 'No such meeting');
    if (c.agendaItemId) {
      if (items.has(c.agendaItemId)) throw badInput(`items.${index}.agendaItemId`, 'The agenda item is listed twice');
      items.add(c.agendaItemId);
      const [item] = await tx.db
        .select({ meetingId: committeeAgendaItems.meetingId })
        .from(committeeAgendaItems)
        .where(and(eq(committeeAgendaItems.id, c.agendaItemId), isNull(committeeAgendaItems.deletedAt)));
      if (!item || item.meetingId !== c.meetingId) throw badInput(`items.${index}.agendaItemId`, 'The agenda item does not belong to this meeting');
      const [taken] = await tx.db
        .select({ id: committeeConsultations.id, paperId: committeeConsultations.paperId })
        .from(committeeConsultations)
        .where(and(eq(committeeConsultations.agendaItemId, c.agendaItemId), isNull(committeeConsultations.deletedAt)));
      if (taken && taken.paperId !== paper.id) throw badInput(`items.${index}.agendaItemId`, 'Another paper is already discussed under this agenda item');
    }
  }
  const now = new Date();
  const touched: ConsultationRow[] = [];
  const removed = existing.filter((c) => !kept.has(c.id));
  if (removed.length) {
    await tx.db
      .update(committeeConsultations)
      .set({ deletedAt: now, updatedAt: now })
      .where(
        inArray(
          committeeConsultations.id,
          removed.map((c) => c.id),
        ),
      );
    touched.push(...removed);
  }
  let created = 0;
  let updated = 0;
  for (const c of input.items) {
    const values = { meetingId: c.meetingId, agendaItemId: c.agendaItemId, role: c.role };
    const before = c.id ? byId.get(c.id) : undefined;
    if (!before) {
      const [row] = await tx.db
        .insert(committeeConsultations)
        .values({ tenantId: tx.tenantId!, paperId: paper.id, ...values, createdAt: now, updatedAt: now })
        .returning();
      touched.push(row!);
      created++;
      continue;
    }
    if (!Object.keys(changedFields(before, values, CONSULTATION_FIELDS)).length) continue;
    const [row] = await tx.db.update(committeeConsultations).set({ ...values, updatedAt: now }).where(eq(committeeConsultations.id, before.id)).returning();
    touched.push(before, row!);
    updated++;
  }
  if (!created && !updated && !removed.length) return;
  await touchAgendaItems(tx, touched, now);
  await tx.db.update(committeePapers).set({ updatedAt: now }).where(eq(committeePapers.id, paper.id));
  await writeAudit(tx, {
    ...author,
    action: 'committee_paper.consultations_saved',
    entityType: 'committee_paper',
    entityId: paper.id,
    details: { created, updated, deleted: removed.length },
  });
}
