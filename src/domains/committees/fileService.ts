// Files of papers, meetings and agenda items: type detection by content, storage as bytea in the
// database (base64 over the wire, the same on PGlite and PostgreSQL), soft deletion.
import { createHash } from 'node:crypto';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError, badInput, notFound } from '../../errors.ts';
import { type AdminFile, COMMITTEE_FILE_TYPES, type FileRole, type FileUploadQuery } from '../../shared/contracts/committees.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { committeeAgendaItems, committeeFiles, committeeMeetings, committeePapers } from './committees.table.ts';

export type FileRow = typeof committeeFiles.$inferSelect;
export type CommitteeMimeType = keyof typeof COMMITTEE_FILE_TYPES;

const startsWith = (bytes: Buffer, signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

/**
 * The type of an upload, from its first bytes (the name and the browser's content type are not
 * trusted): PDF, PNG, JPEG, and the two ZIP-based office formats (ODT: its first entry is the
 * uncompressed `mimetype` file; DOCX: a ZIP with `[Content_Types].xml` and `word/` parts).
 */
export function detectFileType(bytes: Buffer): CommitteeMimeType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (bytes.subarray(30, 38).toString('latin1') === 'mimetype' && bytes.subarray(38, 38 + 39).toString('latin1') === 'application/vnd.oasis.opendocument.text') {
      return 'application/vnd.oasis.opendocument.text';
    }
    const text = bytes.toString('latin1');
    if (text.includes('[Content_Types].xml') && text.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** A safe file name: no path, no control or quote characters, the extension of the real type. */
export function cleanFileName(original: string | undefined, mimeType: CommitteeMimeType): string {
  const ext = COMMITTEE_FILE_TYPES[mimeType];
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  let name = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 200);
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const hasExt = name.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && name.toLowerCase().endsWith('.jpeg'));
  if (!stem) name = `datei.${ext}`;
  else if (!hasExt) name = `${stem}.${ext}`;
  return name;
}

export const presentFile = (row: FileRow): AdminFile => ({
  id: row.id,
  name: row.name,
  fileName: row.fileName,
  mimeType: row.mimeType,
  size: row.size,
  date: row.date,
  role: row.role,
  paperId: row.paperId,
  meetingId: row.meetingId,
  agendaItemId: row.agendaItemId,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const PAPER_ROLES: readonly FileRole[] = ['main', 'auxiliary'];
const MEETING_ROLES: readonly FileRole[] = ['invitation', 'results_protocol', 'verbatim_protocol', 'auxiliary'];
const AGENDA_ITEM_ROLES: readonly FileRole[] = ['resolution', 'auxiliary'];

export interface Upload {
  bytes: Buffer;
  filename?: string | undefined;
}

/** Checks type and parent, then stores the file; a file in a single role (main, invitation …) replaces the previous one. */
export async function storeFile(tx: Tx, author: Author, query: FileUploadQuery, upload: Upload): Promise<FileRow> {
  if (upload.bytes.length === 0) throw badInput('file', 'The file is empty');
  const mimeType = detectFileType(upload.bytes);
  if (!mimeType) throw new AppError('unsupported_media_type', 'Only PDF, ODT, DOCX, PNG and JPEG files can be uploaded', { field: 'file' });
  const now = new Date();
  let parent: SQL;
  if (query.paperId) {
    if (!PAPER_ROLES.includes(query.role)) throw badInput('role', `A paper's file is its main file or an auxiliary file`);
    const [paper] = await tx.db.select({ id: committeePapers.id }).from(committeePapers).where(and(eq(committeePapers.id, query.paperId), isNull(committeePapers.deletedAt)));
    if (!paper) throw badInput('paperId', 'No such paper');
    parent = eq(committeeFiles.paperId, query.paperId);
    await tx.db.update(committeePapers).set({ updatedAt: now }).where(eq(committeePapers.id, query.paperId));
  } else if (query.meetingId) {
    if (!MEETING_ROLES.includes(query.role)) throw badInput('role', `A meeting's file is an invitation, a protocol or an auxiliary file`);
    const [meeting] = await tx.db.select({ id: committeeMeetings.id }).from(committeeMeetings).where(and(eq(committeeMeetings.id, query.meetingId), isNull(committeeMeetings.deletedAt)));
    if (!meeting) throw badInput('meetingId', 'No such meeting');
    parent = eq(committeeFiles.meetingId, query.meetingId);
    await tx.db.update(committeeMeetings).set({ updatedAt: now }).where(eq(committeeMeetings.id, query.meetingId));
  } else {
    if (!AGENDA_ITEM_ROLES.includes(query.role)) throw badInput('role', `An agenda item's file is a resolution or an auxiliary file`);
    const [item] = await tx.db
      .select({ id: committeeAgendaItems.id, meetingId: committeeAgendaItems.meetingId })
      .from(committeeAgendaItems)
      .where(and(eq(committeeAgendaItems.id, query.agendaItemId!), isNull(committeeAgendaItems.deletedAt)));
    if (!item) throw badInput('agendaItemId', 'No such agenda item');
    parent = eq(committeeFiles.agendaItemId, item.id);
    await tx.db.update(committeeAgendaItems).set({ updatedAt: now }).where(eq(committeeAgendaItems.id, item.id));
    await tx.db.update(committeeMeetings).set({ updatedAt: now }).where(eq(committeeMeetings.id, item.meetingId));
  }
  if (query.role !== 'auxiliary') await softDeleteFiles(tx, and(parent, eq(committeeFiles.role, query.role))!, now);
  const fileName = cleanFileName(upload.filename, mimeType);
  const [row] = await tx.db
    .insert(committeeFiles)
    .values({
      tenantId: tx.tenantId!,
      name: query.name || fileName.replace(/\.[a-z]+$/i, ''),
      fileName,
      mimeType,
      size: upload.bytes.length,
      sha1: createHash('sha1').update(upload.bytes).digest('hex'),
      sha512: createHash('sha512').update(upload.bytes).digest('hex'),
      date: now.toISOString().slice(0, 10),
      role: query.role,
      paperId: query.paperId ?? null,
      meetingId: query.meetingId ?? null,
      agendaItemId: query.agendaItemId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.query(`INSERT INTO committee_file_contents (tenant_id, file_id, content) VALUES ($1, $2, decode($3, 'base64'))`, [
    tx.tenantId,
    row!.id,
    upload.bytes.toString('base64'),
  ]);
  await writeAudit(tx, {
    ...author,
    action: 'committee_file.uploaded',
    entityType: 'committee_file',
    entityId: row!.id,
    details: { fileName, mimeType, size: upload.bytes.length, role: query.role },
  });
  return row!;
}

export async function findFile(tx: Tx, id: string): Promise<FileRow> {
  const [row] = await tx.db.select().from(committeeFiles).where(and(eq(committeeFiles.id, id), isNull(committeeFiles.deletedAt)));
  if (!row) throw notFound('File');
  return row;
}

export async function readFileContent(tx: Tx, fileId: string): Promise<Buffer | null> {
  const [row] = await tx.query<{ b64: string }>(`SELECT encode(content, 'base64') AS b64 FROM committee_file_contents WHERE file_id = $1`, [fileId]);
  return row ? Buffer.from(row.b64, 'base64') : null;
}

export async function renameFile(tx: Tx, author: Author, before: FileRow, name: string): Promise<FileRow> {
  if (before.name === name) return before;
  const now = new Date();
  const [row] = await tx.db.update(committeeFiles).set({ name, updatedAt: now }).where(eq(committeeFiles.id, before.id)).returning();
  await touchParent(tx, before, now);
  await writeAudit(tx, { ...author, action: 'committee_file.renamed', entityType: 'committee_file', entityId: before.id, details: { changes: { name: { before: before.name, after: name } } } });
  return row!;
}

export async function deleteFile(tx: Tx, author: Author, before: FileRow): Promise<void> {
  const now = new Date();
  await softDeleteFiles(tx, eq(committeeFiles.id, before.id), now);
  await touchParent(tx, before, now);
  await writeAudit(tx, { ...author, action: 'committee_file.deleted', entityType: 'committee_file', entityId: before.id, details: { fileName: before.fileName } });
}

async function touchParent(tx: Tx, file: FileRow, at: Date): Promise<void> {
  if (file.paperId) await tx.db.update(committeePapers).set({ updatedAt: at }).where(eq(committeePapers.id, file.paperId));
  if (file.meetingId) await tx.db.update(committeeMeetings).set({ updatedAt: at }).where(eq(committeeMeetings.id, file.meetingId));
  if (file.agendaItemId) {
    const [item] = await tx.db
      .update(committeeAgendaItems)
      .set({ updatedAt: at })
      .where(eq(committeeAgendaItems.id, file.agendaItemId))
      .returning({ meetingId: committeeAgendaItems.meetingId });
    if (item) await tx.db.update(committeeMeetings).set({ updatedAt: at }).where(eq(committeeMeetings.id, item.meetingId));
  }
}

/** Marks files deleted (the row stays for OParl's `deleted: true`) and removes their bytes. */
export async function softDeleteFiles(tx: Tx, condition: SQL, at: Date): Promise<void> {
  const gone = await tx.db
    .update(committeeFiles)
    .set({ deletedAt: at, updatedAt: at })
    .where(and(condition, isNull(committeeFiles.deletedAt)))
    .returning({ id: committeeFiles.id });
  if (gone.length) {
    await tx.query(`DELETE FROM committee_file_contents WHERE file_id = ANY($1::uuid[])`, [gone.map((g) => g.id)]);
  }
}
