import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError, badInput } from '../../../errors.ts';
import { cryptoContext } from '../../../security/fieldCrypto.ts';
import {
  type CaseDocument,
  type CaseDocumentList,
  type DocumentMimeType,
  type DocumentUpdate,
  type DocumentUploadFields,
  documentUploadFields,
} from '../../../shared/contracts/caseJournal.ts';
import { logCaseAccess } from '../accessLog.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { cleanFilename, declaredTypeFits, detectDocumentType, neutralFilename } from './documentTypes.ts';
import { caseDocuments } from './journal.table.ts';
import { actorName, addDays, columnCipher, conflict, type FieldChange, type JournalDeps, nowOf, recordCorrections, sameValue, todayOf } from './journalCommon.ts';

/** Every column but the content: lists and checks never load the file. */
const META = {
  id: caseDocuments.id,
  tenantId: caseDocuments.tenantId,
  caseId: caseDocuments.caseId,
  personId: caseDocuments.personId,
  docType: caseDocuments.docType,
  filenameEnc: caseDocuments.filenameEnc,
  mimeType: caseDocuments.mimeType,
  sizeBytes: caseDocuments.sizeBytes,
  expiresOn: caseDocuments.expiresOn,
  remindBeforeDays: caseDocuments.remindBeforeDays,
  uploadedBy: caseDocuments.uploadedBy,
  uploadedByName: caseDocuments.uploadedByName,
  version: caseDocuments.version,
  createdAt: caseDocuments.createdAt,
  updatedAt: caseDocuments.updatedAt,
};
type DocumentMeta = { [K in keyof typeof META]: (typeof caseDocuments.$inferSelect)[K] };

const filenameCipher = (deps: JournalDeps, tenantId: string) => columnCipher(deps.crypto, tenantId, 'case_documents', 'filename_enc');
const contentContext = (tenantId: string) => cryptoContext(tenantId, 'case_documents', 'content');

export function presentDocument(deps: JournalDeps, row: DocumentMeta): CaseDocument {
  const today = todayOf(deps);
  const expired = row.expiresOn !== null && row.expiresOn < today;
  return {
    id: row.id,
    caseId: row.caseId,
    docType: row.docType,
    filename: filenameCipher(deps, row.tenantId).decrypt(row.filenameEnc) ?? '',
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    expiresOn: row.expiresOn,
    remindBeforeDays: row.remindBeforeDays,
    expired,
    expiringSoon: row.expiresOn !== null && !expired && row.expiresOn <= addDays(today, row.remindBeforeDays),
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function listDocuments(tx: Tx, deps: JournalDeps, caseId: string): Promise<CaseDocumentList> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const rows = await tx.db.select(META).from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).orderBy(desc(caseDocuments.createdAt), desc(caseDocuments.id));
  await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_document', caseId, personId: caseRow.personId, details: { count: rows.length } });
  return { items: rows.map((r) => presentDocument(deps, r)) };
}

export interface DocumentUpload {
  bytes: Buffer;
  filename?: string | undefined;
  /** the content type the client declared (checked against the content, never trusted) */
  mimeType?: string | undefined;
}

/** The upload's form fields, validated (400 naming the field). */
export function parseUploadFields(fields: Record<string, string>): DocumentUploadFields {
  const parsed = documentUploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : 'body');
    throw badInput(field, `${field}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Stores an uploaded document: type from the bytes (415 on `file` for anything but PDF, JPEG,
 * PNG, ODT, DOCX, or a declared type the bytes contradict), file name and content encrypted.
 */
export async function uploadDocument(tx: Tx, deps: JournalDeps, caseId: string, fields: DocumentUploadFields, upload: DocumentUpload): Promise<CaseDocument> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  if (upload.bytes.length === 0) throw badInput('file', 'The file is empty');
  const mimeType = detectDocumentType(upload.bytes);
  if (!mimeType) throw new AppError('unsupported_media_type', 'Only PDF, JPEG, PNG, ODT and DOCX documents can be uploaded', { field: 'file' });
  if (!declaredTypeFits(upload.mimeType, mimeType)) {
    throw new AppError('unsupported_media_type', 'The file’s content does not match its declared type', { field: 'file' });
  }
  const tenantId = tx.tenantId!;
  const content = deps.crypto.encryptBytes(upload.bytes, contentContext(tenantId));
  const now = nowOf(deps);
  const [row] = await tx.db
    .insert(caseDocuments)
    .values({
      tenantId,
      caseId,
      personId: caseRow.personId,
      docType: fields.docType,
      filenameEnc: filenameCipher(deps, tenantId).encrypt(cleanFilename(upload.filename, mimeType))!,
      mimeType,
      sizeBytes: upload.bytes.length,
      content: sql`decode(${content.toString('base64')}, 'base64')` as unknown as Buffer,
      expiresOn: fields.expiresOn ?? null,
      remindBeforeDays: fields.remindBeforeDays ?? 30,
      uploadedBy: deps.actor.userId,
      uploadedByName: actorName(deps.actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning(META);
  await logCaseAccess(tx, deps.actor, {
    action: 'create',
    entityType: 'case_document',
    entityId: row!.id,
    caseId,
    personId: caseRow.personId,
    details: { docType: fields.docType, mimeType, sizeBytes: upload.bytes.length },
  });
  return presentDocument(deps, row!);
}

async function findDocument(tx: Tx, caseId: string, documentId: string): Promise<DocumentMeta> {
  const [row] = await tx.db
    .select(META)
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)));
  if (!row) throw new AppError('not_found', 'Document not found');
  return row;
}

export interface DocumentDownload {
  bytes: Buffer;
  mimeType: DocumentMimeType;
  filename: string;
}

/** The decrypted file for download (with a neutral name); logged as a read. */
export async function downloadDocument(tx: Tx, deps: JournalDeps, caseId: string, documentId: string): Promise<DocumentDownload> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const meta = await findDocument(tx, caseId, documentId);
  const [stored] = await tx.db
    .select({ b64: sql<string>`encode(${caseDocuments.content}, 'base64')` })
    .from(caseDocuments)
    .where(eq(caseDocuments.id, meta.id));
  const bytes = deps.crypto.decryptBytes(Buffer.from(stored!.b64.replace(/\s+/g, ''), 'base64'), contentContext(tx.tenantId!));
  await logCaseAccess(tx, deps.actor, {
    action: 'read',
    entityType: 'case_document',
    entityId: meta.id,
    caseId,
    personId: caseRow.personId,
    details: { download: true, docType: meta.docType },
  });
  return { bytes, mimeType: meta.mimeType, filename: neutralFilename(meta.id, meta.mimeType) };
}

const DOCUMENT_FIELDS = ['docType', 'expiresOn', 'remindBeforeDays'] as const;

/** Corrects a document's type, expiry date or reminder period (history kept, 409 on a stale version). */
export async function updateDocument(tx: Tx, deps: JournalDeps, caseId: string, documentId: string, input: DocumentUpdate): Promise<CaseDocument> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const row = await findDocument(tx, caseId, documentId);
  if (row.version !== input.version) throw conflict();
  const before = { docType: row.docType, expiresOn: row.expiresOn, remindBeforeDays: row.remindBeforeDays };
  const after = {
    docType: input.docType ?? before.docType,
    expiresOn: input.expiresOn === undefined ? before.expiresOn : input.expiresOn,
    remindBeforeDays: input.remindBeforeDays ?? before.remindBeforeDays,
  };
  const changes: FieldChange[] = DOCUMENT_FIELDS.filter((f) => !sameValue(before[f], after[f])).map((f) => ({ field: f, before: before[f], after: after[f] }));
  if (!changes.length) {
    // nothing changed, but the answer shows the document's data: that is a read
    await logCaseAccess(tx, deps.actor, { action: 'read', entityType: 'case_document', entityId: row.id, caseId, personId: caseRow.personId, details: { unchanged: true } });
    return presentDocument(deps, row);
  }
  const [updated] = await tx.db
    .update(caseDocuments)
    .set({ ...after, updatedAt: nowOf(deps), version: row.version + 1 })
    .where(and(eq(caseDocuments.id, row.id), eq(caseDocuments.version, input.version)))
    .returning(META);
  if (!updated) throw conflict();
  await recordCorrections(tx, deps, { personId: caseRow.personId, caseId, entityType: 'case_document', entityId: row.id }, changes, null);
  await logCaseAccess(tx, deps.actor, {
    action: 'update',
    entityType: 'case_document',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { fields: changes.map((c) => c.field) },
  });
  return presentDocument(deps, updated);
}

/** Deletes a document and its encrypted content for good; logged. */
export async function deleteDocument(tx: Tx, deps: JournalDeps, caseId: string, documentId: string): Promise<void> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const row = await findDocument(tx, caseId, documentId);
  await tx.db.delete(caseDocuments).where(eq(caseDocuments.id, row.id));
  await logCaseAccess(tx, deps.actor, {
    action: 'delete',
    entityType: 'case_document',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { docType: row.docType },
  });
}
