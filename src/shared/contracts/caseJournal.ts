// Contracts of the case journal (issue 3): appointments, contacts and notes; tasks and reminders;
// documents; flags. Browser-safe: the back office validates its forms with the same schemas.
import { z } from 'zod';
import { langCode, pageOf } from './common.ts';

export const ENTRY_KINDS = ['appointment', 'contact', 'note'] as const;
export const CONTACT_CHANNELS = ['in_person', 'phone', 'video', 'email'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'held', 'cancelled', 'missed'] as const;
/** Interpreter used (Sprachmittlung): none, a professional, a volunteer, a family member. */
export const INTERPRETER_KINDS = ['none', 'professional', 'volunteer', 'family'] as const;
export const DOCUMENT_TYPES = ['id_copy', 'residence_permit', 'certificate', 'application', 'letter', 'other'] as const;
export const FLAG_KINDS = ['safeguarding', 'health', 'deadline', 'interpreter_needed', 'other'] as const;

/** Document types that can be uploaded (recognised by their content), with their file extension. */
export const DOCUMENT_MIME_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;

export const entryKind = z.enum(ENTRY_KINDS);
export const contactChannel = z.enum(CONTACT_CHANNELS);
export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
export const interpreterKind = z.enum(INTERPRETER_KINDS);
export const documentType = z.enum(DOCUMENT_TYPES);
export const flagKind = z.enum(FLAG_KINDS);
export const documentMimeType = z.enum(Object.keys(DOCUMENT_MIME_TYPES) as [keyof typeof DOCUMENT_MIME_TYPES, ...(keyof typeof DOCUMENT_MIME_TYPES)[]]);
export type EntryKind = z.infer<typeof entryKind>;
export type ContactChannel = z.infer<typeof contactChannel>;
export type AppointmentStatus = z.infer<typeof appointmentStatus>;
export type InterpreterKind = z.infer<typeof interpreterKind>;
export type DocumentType = z.infer<typeof documentType>;
export type FlagKind = z.infer<typeof flagKind>;
export type DocumentMimeType = z.infer<typeof documentMimeType>;

/** Calendar days between 2000 and 2100 (a real date: 2026-02-30 is refused). */
export const journalDay = z.iso
  .date('a date like 2026-03-31')
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'a date between 2000 and 2100');
const isoDateTime = z.iso.datetime({ offset: true, message: 'a date and time with time zone, e.g. 2026-05-13T09:30:00+02:00' });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'required').max(max);
const page = z.coerce.number().int().min(1).max(10000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
/** Duration of an appointment or contact: 0 … 1440 minutes (one day). */
export const durationMinutes = z.number().int('whole minutes').min(0, 'at least 0 minutes').max(1440, 'at most 1440 minutes (one day)');

// ---------------------------------------------------------------------------------------------
// Parameters

export const journalTenantParams = z.object({ tenant: z.string().max(63) }).strict();
export const journalCaseParams = journalTenantParams.extend({ caseId: z.uuid() }).strict();
export const entryParams = journalCaseParams.extend({ entryId: z.uuid() }).strict();
export const taskParams = journalCaseParams.extend({ taskId: z.uuid() }).strict();
export const documentParams = journalCaseParams.extend({ documentId: z.uuid() }).strict();
export const flagParams = journalCaseParams.extend({ flagId: z.uuid() }).strict();

// ---------------------------------------------------------------------------------------------
// Appointments, contacts and notes

export interface EntryShape {
  kind: EntryKind;
  occurredAt?: string | null | undefined;
  channel?: ContactChannel | null | undefined;
  appointmentStatus?: AppointmentStatus | null | undefined;
  interpreter?: InterpreterKind | undefined;
  interpreterLanguage?: string | null | undefined;
  subject?: string | undefined;
  body?: string | undefined;
}

/**
 * The rules that tie an entry's fields together (shared by the create schema, the service's check
 * of a corrected entry, and the back office's form): the issue names the field.
 */
export function entryIssues(v: EntryShape): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (v.kind === 'appointment' && !v.occurredAt) issues.push({ path: 'occurredAt', message: 'An appointment needs its date and time' });
  if (v.kind === 'contact' && !v.channel) issues.push({ path: 'channel', message: 'A contact needs its channel (phone, in person, video, e-mail)' });
  if (v.kind === 'note' && v.channel) issues.push({ path: 'channel', message: 'A note has no channel' });
  if (v.kind !== 'appointment' && v.appointmentStatus) issues.push({ path: 'appointmentStatus', message: 'Only appointments have a status' });
  const interpreter = v.interpreter ?? 'none';
  if (interpreter !== 'none' && !v.interpreterLanguage) issues.push({ path: 'interpreterLanguage', message: 'Name the language interpreted' });
  if (interpreter === 'none' && v.interpreterLanguage) issues.push({ path: 'interpreterLanguage', message: 'No interpreter was used, so no language' });
  if (!v.subject?.trim() && !v.body?.trim()) issues.push({ path: 'body', message: 'Write a subject or a text' });
  return issues;
}

const entryFields = {
  occurredAt: isoDateTime.nullable().optional(),
  durationMinutes: durationMinutes.nullable().optional(),
  channel: contactChannel.nullable().optional(),
  appointmentStatus: appointmentStatus.nullable().optional(),
  participants: z.array(required(200)).max(20).optional(),
  interpreter: interpreterKind.optional(),
  interpreterLanguage: langCode.nullable().optional(),
  subject: text(200).optional(),
  body: text(20000).optional(),
};

export const entryCreate = z
  .object({ kind: entryKind, ...entryFields })
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of entryIssues(v)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type EntryCreate = z.infer<typeof entryCreate>;

/** A correction (Art. 16): the changed fields, the version read, optionally why. */
export const entryUpdate = z
  .object({
    ...entryFields,
    version: z.number().int().min(1),
    reason: text(500).optional(),
  })
  .strict();
export type EntryUpdate = z.infer<typeof entryUpdate>;

export const entryListQuery = z
  .object({
    kind: entryKind.optional(),
    /** from this day on (inclusive) */
    from: journalDay.optional(),
    /** up to this day (inclusive) */
    to: journalDay.optional(),
    interpreter: z.enum(['any', 'used', ...INTERPRETER_KINDS]).optional(),
    page,
    pageSize,
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ['to'], message: 'The end must not be before the start' });
export type EntryListQuery = z.infer<typeof entryListQuery>;

export const caseEntry = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: entryKind,
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  channel: contactChannel.nullable(),
  appointmentStatus: appointmentStatus.nullable(),
  participants: z.array(z.string()),
  interpreter: interpreterKind,
  interpreterLanguage: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  editedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** the actor may correct it (its author, a team lead or the integration lead) */
  canEdit: z.boolean(),
});
export type CaseEntry = z.infer<typeof caseEntry>;
export const caseEntryPage = pageOf(caseEntry);
export type CaseEntryPage = z.infer<typeof caseEntryPage>;

export const entryChange = z.object({
  id: z.uuid(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export const entryHistory = z.object({ items: z.array(entryChange) });
export type EntryHistory = z.infer<typeof entryHistory>;

export const upcomingQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) }).strict();
export const upcomingAppointment = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  personName: z.string(),
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  channel: contactChannel.nullable(),
  interpreter: interpreterKind,
  interpreterLanguage: z.string().nullable(),
  subject: z.string(),
});
export const upcomingList = z.object({ items: z.array(upcomingAppointment) });
export type UpcomingAppointment = z.infer<typeof upcomingAppointment>;
export type UpcomingList = z.infer<typeof upcomingList>;

// ---------------------------------------------------------------------------------------------
// Tasks and reminders

const REMIND_AFTER_DUE = 'The reminder must not be after the due date';

export const taskCreate = z
  .object({
    title: required(200),
    description: text(5000).optional(),
    dueOn: journalDay,
    remindOn: journalDay.nullable().optional(),
    /** a case-management account of the tenant that can see the case; default: the actor */
    assigneeId: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .refine((v) => !v.remindOn || v.remindOn <= v.dueOn, { path: ['remindOn'], message: REMIND_AFTER_DUE });
export type TaskCreate = z.infer<typeof taskCreate>;

export const taskUpdate = z
  .object({
    title: required(200).optional(),
    description: text(5000).optional(),
    dueOn: journalDay.optional(),
    remindOn: journalDay.nullable().optional(),
    assigneeId: z.string().trim().min(1).max(64).optional(),
    done: z.boolean().optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type TaskUpdate = z.infer<typeof taskUpdate>;
export const REMIND_AFTER_DUE_MESSAGE = REMIND_AFTER_DUE;

export const taskStatusQuery = z.object({ status: z.enum(['open', 'done', 'all']).default('open') }).strict();
export const overdueQuery = z
  .object({
    /** team: the actor's case scope (own cases / team / office); mine: assigned to the actor */
    scope: z.enum(['team', 'mine']).default('team'),
    /** integration lead: one team only */
    teamId: z.uuid().optional(),
  })
  .strict();
export type OverdueQuery = z.infer<typeof overdueQuery>;

export const caseTask = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  title: z.string(),
  description: z.string(),
  dueOn: z.string(),
  remindOn: z.string().nullable(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  overdue: z.boolean(),
  /** the reminder day has come and the task is open */
  reminderDue: z.boolean(),
});
export type CaseTask = z.infer<typeof caseTask>;
export const caseTaskList = z.object({ items: z.array(caseTask) });
export type CaseTaskList = z.infer<typeof caseTaskList>;

export const taskListItem = caseTask.extend({ caseReference: z.string(), personName: z.string() });
export type TaskListItem = z.infer<typeof taskListItem>;
export const taskList = z.object({ items: z.array(taskListItem), total: z.number().int() });
export type TaskList = z.infer<typeof taskList>;

export const assignee = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const assigneeList = z.object({ items: z.array(assignee) });
export type Assignee = z.infer<typeof assignee>;

// ---------------------------------------------------------------------------------------------
// Documents

/** The form fields sent with an upload (multipart, next to the field `file`). */
export const documentUploadFields = z
  .object({
    docType: documentType,
    expiresOn: z.preprocess((v) => (v === '' ? null : v), journalDay.nullable()).optional(),
    remindBeforeDays: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(0).max(365).optional()),
  })
  .strict();
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const documentUpdate = z
  .object({
    docType: documentType.optional(),
    expiresOn: journalDay.nullable().optional(),
    remindBeforeDays: z.number().int().min(0).max(365).optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type DocumentUpdate = z.infer<typeof documentUpdate>;

export const caseDocument = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  docType: documentType,
  filename: z.string(),
  mimeType: documentMimeType,
  sizeBytes: z.number().int(),
  expiresOn: z.string().nullable(),
  remindBeforeDays: z.number().int(),
  /** expired already / within its reminder period */
  expired: z.boolean(),
  expiringSoon: z.boolean(),
  uploadedByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CaseDocument = z.infer<typeof caseDocument>;
export const caseDocumentList = z.object({ items: z.array(caseDocument) });
export type CaseDocumentList = z.infer<typeof caseDocumentList>;

export const expiringQuery = z
  .object({
    /** expiring within this many days; without it each document's own reminder period counts */
    days: z.coerce.number().int().min(0).max(365).optional(),
  })
  .strict();
export const expiringDocument = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  personName: z.string(),
  docType: documentType,
  expiresOn: z.string(),
  daysLeft: z.number().int(),
});
export type ExpiringDocument = z.infer<typeof expiringDocument>;
export const expiringList = z.object({ items: z.array(expiringDocument) });
export type ExpiringList = z.infer<typeof expiringList>;

// ---------------------------------------------------------------------------------------------
// Flags

export const flagCreate = z.object({ kind: flagKind, reason: required(1000) }).strict();
export type FlagCreate = z.infer<typeof flagCreate>;
export const flagResolve = z.object({ resolutionNote: required(1000) }).strict();
export type FlagResolve = z.infer<typeof flagResolve>;
export const flagListQuery = z.object({ status: z.enum(['active', 'all']).default('all') }).strict();

export const caseFlag = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: flagKind,
  reason: z.string(),
  active: z.boolean(),
  setByName: z.string(),
  setAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type CaseFlag = z.infer<typeof caseFlag>;
export const caseFlagList = z.object({ items: z.array(caseFlag) });
export type CaseFlagList = z.infer<typeof caseFlagList>;
