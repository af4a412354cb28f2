import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../../db/columns.ts';
import type {
  AppointmentStatus,
  ContactChannel,
  DocumentMimeType,
  DocumentType,
  EntryKind,
  FlagKind,
  InterpreterKind,
} from '../../../shared/contracts/caseJournal.ts';
import { day } from '../../actors/day.ts';
import { caseSubjectColumns, caseSubjectKeys } from '../caseSubject.ts';

/**
 * The case journal: appointments, contacts and notes (`case_entries`), tasks and reminders
 * (`case_tasks`), documents (`case_documents`) and flags (`case_flags`). Every row names its case
 * and the case's person and is removed with either (ON DELETE CASCADE), so erasing a person leaves
 * nothing of the journal behind. Columns ending in `_enc` and the document `content` hold
 * AES-256-GCM ciphertext (src/security/fieldCrypto.ts, registered in encryptedColumns.ts).
 */

/** Encrypted document bytes. Written and read as base64 through SQL (the same on PGlite and PostgreSQL). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value as Uint8Array),
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Appointments (also future ones), contacts (phone, in person, video, e-mail) and notes. */
export const caseEntries = pgTable(
  'case_entries',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    kind: text('kind').$type<EntryKind>().notNull(),
    /** when it happened; for appointments the scheduled time */
    occurredAt: at('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    /** contacts and appointments: phone, in_person, video, email */
    channel: text('channel').$type<ContactChannel>(),
    /** appointments: scheduled, held, cancelled, missed */
    appointmentStatus: text('appointment_status').$type<AppointmentStatus>(),
    /** none, professional, volunteer, family */
    interpreter: text('interpreter').$type<InterpreterKind>().notNull().default('none'),
    interpreterLanguage: text('interpreter_language'),
    /** encrypted JSON array of participant descriptions (third parties can be named) */
    participantsEnc: text('participants_enc'),
    subjectEnc: text('subject_enc'),
    bodyEnc: text('body_enc'),
    authorId: text('author_id'),
    authorName: text('author_name').notNull().default(''),
    /** set on the first correction (the earlier values are in record_history) */
    editedAt: at('edited_at'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    check('case_entries_duration_range', sql`${t.durationMinutes} IS NULL OR ${t.durationMinutes} BETWEEN 0 AND 1440`),
    check('case_entries_kind', sql`${t.kind} IN ('appointment', 'contact', 'note')`),
    /** the case page: one case's journal, newest first (stays fast with millions of entries per tenant) */
    index('case_entries_case_idx').on(t.tenantId, t.caseId, t.occurredAt, t.id),
    /** upcoming appointments */
    index('case_entries_appointments_idx').on(t.tenantId, t.occurredAt).where(sql`${t.kind} = 'appointment'`),
    index('case_entries_person_idx').on(t.tenantId, t.personId),
  ],
);

/** Tasks and reminders of a case, assigned to a case-management account. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    title: text('title').notNull(),
    descriptionEnc: text('description_enc'),
    dueOn: day('due_on').notNull(),
    /** from this day on the task shows as a reminder in "my tasks" */
    remindOn: day('remind_on'),
    assigneeId: text('assignee_id').notNull(),
    doneAt: at('done_at'),
    doneBy: text('done_by'),
    createdBy: text('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    index('case_tasks_case_idx').on(t.tenantId, t.caseId, t.dueOn),
    /** "my tasks" */
    index('case_tasks_open_assignee_idx').on(t.tenantId, t.assigneeId, t.dueOn).where(sql`${t.doneAt} IS NULL`),
    /** overdue lists and the dashboard's counts */
    index('case_tasks_open_due_idx').on(t.tenantId, t.dueOn).where(sql`${t.doneAt} IS NULL`),
    index('case_tasks_person_idx').on(t.tenantId, t.personId),
  ],
);

/** Documents of a case; file name and content encrypted at rest. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    docType: text('doc_type').$type<DocumentType>().notNull(),
    /** the original file name, encrypted (file names can identify a person) */
    filenameEnc: text('filename_enc').notNull(),
    /** detected from the content (magic bytes), never taken from the client */
    mimeType: text('mime_type').$type<DocumentMimeType>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** the file, AES-256-GCM encrypted (FieldCrypto.encryptBytes) */
    content: bytea('content').notNull(),
    expiresOn: day('expires_on'),
    /** the document shows as expiring this many days before expires_on */
    remindBeforeDays: integer('remind_before_days').notNull().default(30),
    uploadedBy: text('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    check('case_documents_remind_range', sql`${t.remindBeforeDays} BETWEEN 0 AND 365`),
    index('case_documents_case_idx').on(t.tenantId, t.caseId, t.createdAt),
    index('case_documents_expiry_idx').on(t.tenantId, t.expiresOn).where(sql`${t.expiresOn} IS NOT NULL`),
    index('case_documents_person_idx').on(t.tenantId, t.personId),
  ],
);

/** Flags (Hinweise) with a reason, shown in the case header while active. */
export const caseFlags = pgTable(
  'case_flags',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    kind: text('kind').$type<FlagKind>().notNull(),
    reasonEnc: text('reason_enc').notNull(),
    active: boolean('active').notNull().default(true),
    setBy: text('set_by'),
    setByName: text('set_by_name').notNull().default(''),
    resolvedAt: at('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolvedByName: text('resolved_by_name'),
    resolutionNoteEnc: text('resolution_note_enc'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ...caseSubjectKeys(t),
    index('case_flags_case_idx').on(t.tenantId, t.caseId, t.active),
    index('case_flags_person_idx').on(t.tenantId, t.personId),
  ],
);
