// Contracts of the committees domain (Gremien): back office and public navigator. Browser-safe.
import { z } from 'zod';
import { pageOf } from './common.ts';

export const COMMITTEE_KINDS = ['committee', 'advisory_council', 'forum', 'working_group'] as const;
export const MEMBERSHIP_ROLES = ['chair', 'deputy_chair', 'member', 'advisory_member'] as const;
export const MEETING_STATES = ['scheduled', 'invited', 'held', 'cancelled'] as const;
export const CONSULTATION_ROLES = ['advisory', 'deciding'] as const;
export const FILE_ROLES = ['main', 'auxiliary', 'invitation', 'results_protocol', 'verbatim_protocol', 'resolution'] as const;

/** Upload types: PDF, ODT, DOCX, PNG, JPEG (recognised by their content, not by the name). */
export const COMMITTEE_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;

export const committeeKind = z.enum(COMMITTEE_KINDS);
export const membershipRole = z.enum(MEMBERSHIP_ROLES);
export const meetingState = z.enum(MEETING_STATES);
export const consultationRole = z.enum(CONSULTATION_ROLES);
export const fileRole = z.enum(FILE_ROLES);
export type CommitteeKind = z.infer<typeof committeeKind>;
export type MembershipRole = z.infer<typeof membershipRole>;
export type MeetingState = z.infer<typeof meetingState>;
export type ConsultationRole = z.infer<typeof consultationRole>;
export type FileRole = z.infer<typeof fileRole>;

const isoDate = z.iso.date('a date as YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true, message: 'a date and time with time zone, e.g. 2026-05-13T17:00:00+02:00' });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'required').max(max);
const httpUrl = z.url({ protocol: /^https?$/, message: 'a full address starting with https://' }).max(2000);

const END_BEFORE_START = 'The end must not be before the start';
/** end ≥ start for optional date pairs; the issue names the end field. */
function endNotBeforeStart<T extends { startDate?: string | null; endDate?: string | null }>(v: T, ctx: z.RefinementCtx): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: END_BEFORE_START });
}

// ---------------------------------------------------------------------------------------------
// Parameters and queries

export const committeeParams = z.object({ tenant: z.string().max(63) }).strict();
export const committeeIdParams = committeeParams.extend({ id: z.uuid() }).strict();

const page = z.coerce.number().int().min(1).max(10000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(25);

export const personListQuery = z.object({ q: text(200).optional(), page, pageSize }).strict();
export type PersonListQuery = z.infer<typeof personListQuery>;

export const meetingListQuery = z
  .object({
    committeeId: z.uuid().optional(),
    /** ISO date or date-time: meetings starting at or after. */
    from: z.union([isoDateTime, isoDate]).optional(),
    /** ISO date or date-time: meetings starting before. */
    to: z.union([isoDateTime, isoDate]).optional(),
    page,
    pageSize,
  })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const paperListQuery = z.object({ q: text(200).optional(), page, pageSize }).strict();
export type PaperListQuery = z.infer<typeof paperListQuery>;

export const fileUploadQuery = z
  .object({
    paperId: z.uuid().optional(),
    meetingId: z.uuid().optional(),
    agendaItemId: z.uuid().optional(),
    role: fileRole.default('auxiliary'),
    /** Display name; the file name without extension when left out. */
    name: text(300).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const parents = [v.paperId, v.meetingId, v.agendaItemId].filter(Boolean).length;
    if (parents !== 1) ctx.addIssue({ code: 'custom', path: ['paperId'], message: 'Name exactly one of paperId, meetingId or agendaItemId' });
  });
export type FileUploadQuery = z.infer<typeof fileUploadQuery>;

// ---------------------------------------------------------------------------------------------
// Inputs (back office)

export const committeeInput = z
  .object({
    name: required(200),
    shortName: text(40).default(''),
    kind: committeeKind,
    description: text(5000).default(''),
    website: httpUrl.nullable().default(null),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
    sort: z.number().int().min(0).max(10000).default(0),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type CommitteeInput = z.infer<typeof committeeInput>;

export const termInput = z
  .object({
    /** null: a legislative term of the whole council; else of this committee only. */
    committeeId: z.uuid().nullable().default(null),
    name: required(200),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type TermInput = z.infer<typeof termInput>;

export const personInput = z
  .object({
    familyName: required(200),
    givenName: text(200).default(''),
    formOfAddress: text(50).default(''),
    title: text(100).default(''),
    email: z.email('a valid e-mail address').max(320).nullable().default(null),
    phone: z
      .string()
      .trim()
      .max(50)
      .regex(/^[+0-9 ()/-]*$/, 'digits, spaces and + ( ) / - only')
      .nullable()
      .default(null),
    /** Publish e-mail and phone in the navigator and OParl. */
    publishContact: z.boolean().default(false),
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

export const membershipInput = z
  .object({
    committeeId: z.uuid(),
    personId: z.uuid(),
    role: membershipRole,
    votingRight: z.boolean().default(true),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type MembershipInput = z.infer<typeof membershipInput>;

export const locationInput = z
  .object({
    description: required(300),
    streetAddress: text(200).default(''),
    room: text(100).default(''),
    postalCode: text(20).default(''),
    locality: text(100).default(''),
  })
  .strict();
export type CommitteeLocationInput = z.infer<typeof locationInput>;

export const meetingInput = z
  .object({
    committeeId: z.uuid(),
    name: required(300),
    state: meetingState.default('scheduled'),
    startAt: isoDateTime,
    endAt: isoDateTime.nullable().default(null),
    locationId: z.uuid().nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endAt && Date.parse(v.endAt) < Date.parse(v.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: END_BEFORE_START });
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const agendaItemInput = z
  .object({
    /** An existing item of this meeting; left out for a new one. */
    id: z.uuid().optional(),
    number: text(20).default(''),
    name: required(500),
    public: z.boolean().default(true),
    result: text(500).default(''),
    resolutionText: text(20000).default(''),
    minutes: text(50000).default(''),
  })
  .strict();
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

/** The whole agenda in its order: items left out are deleted, new ones created. */
export const agendaInput = z.object({ items: z.array(agendaItemInput).max(200) }).strict();
export type AgendaInput = z.infer<typeof agendaInput>;

export const paperInput = z
  .object({
    reference: required(60),
    name: required(500),
    paperType: required(100),
    date: isoDate,
    published: z.boolean().default(false),
  })
  .strict();
export type PaperInput = z.infer<typeof paperInput>;

export const consultationInput = z
  .object({
    id: z.uuid().optional(),
    meetingId: z.uuid(),
    agendaItemId: z.uuid().nullable().default(null),
    role: consultationRole,
  })
  .strict();
export type ConsultationInput = z.infer<typeof consultationInput>;

/** All consultations of a paper: items left out are deleted, new ones created. */
export const consultationsInput = z.object({ items: z.array(consultationInput).max(100) }).strict();
export type ConsultationsInput = z.infer<typeof consultationsInput>;

export const fileRename = z.object({ name: required(300) }).strict();

// ---------------------------------------------------------------------------------------------
// Views (back office)

const stamps = { createdAt: z.string(), updatedAt: z.string() };

export const adminCommittee = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: committeeKind,
  description: z.string(),
  website: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  sort: z.number().int(),
  memberCount: z.number().int(),
  nextMeetingAt: z.string().nullable(),
  ...stamps,
});
export type AdminCommittee = z.infer<typeof adminCommittee>;

export const adminTerm = z.object({ id: z.uuid(), committeeId: z.uuid().nullable(), name: z.string(), startDate: z.string(), endDate: z.string().nullable(), ...stamps });
export type AdminTerm = z.infer<typeof adminTerm>;

export const adminPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  formOfAddress: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  publishContact: z.boolean(),
  ...stamps,
});
export type AdminPerson = z.infer<typeof adminPerson>;

export const adminMembership = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  role: membershipRole,
  votingRight: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ...stamps,
});
export type AdminMembership = z.infer<typeof adminMembership>;

export const adminPersonDetail = adminPerson.extend({ memberships: z.array(adminMembership) });
export type AdminPersonDetail = z.infer<typeof adminPersonDetail>;

export const adminCommitteeLocation = z.object({
  id: z.uuid(),
  description: z.string(),
  streetAddress: z.string(),
  room: z.string(),
  postalCode: z.string(),
  locality: z.string(),
  ...stamps,
});
export type AdminCommitteeLocation = z.infer<typeof adminCommitteeLocation>;

export const adminFile = z.object({
  id: z.uuid(),
  name: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  date: z.string().nullable(),
  role: fileRole,
  paperId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  agendaItemId: z.uuid().nullable(),
  ...stamps,
});
export type AdminFile = z.infer<typeof adminFile>;

export const adminMeetingSummary = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  name: z.string(),
  state: meetingState,
  startAt: z.string(),
  endAt: z.string().nullable(),
  locationId: z.uuid().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  agendaItemCount: z.number().int(),
  ...stamps,
});
export type AdminMeetingSummary = z.infer<typeof adminMeetingSummary>;

export const adminAgendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  number: z.string(),
  name: z.string(),
  public: z.boolean(),
  result: z.string(),
  resolutionText: z.string(),
  minutes: z.string(),
  consultation: z
    .object({ id: z.uuid(), paperId: z.uuid(), paperReference: z.string(), paperName: z.string(), role: consultationRole })
    .nullable(),
  files: z.array(adminFile),
  ...stamps,
});
export type AdminAgendaItem = z.infer<typeof adminAgendaItem>;

export const adminMeeting = adminMeetingSummary.extend({
  location: adminCommitteeLocation.nullable(),
  agendaItems: z.array(adminAgendaItem),
  files: z.array(adminFile),
});
export type AdminMeeting = z.infer<typeof adminMeeting>;

export const adminCommitteeDetail = adminCommittee.extend({
  terms: z.array(adminTerm),
  memberships: z.array(adminMembership),
  meetings: z.array(adminMeetingSummary),
});
export type AdminCommitteeDetail = z.infer<typeof adminCommitteeDetail>;

export const adminPaper = z.object({
  id: z.uuid(),
  reference: z.string(),
  name: z.string(),
  paperType: z.string(),
  date: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  ...stamps,
});
export type AdminPaper = z.infer<typeof adminPaper>;

export const adminConsultation = z.object({
  id: z.uuid(),
  paperId: z.uuid(),
  meetingId: z.uuid(),
  meetingName: z.string(),
  meetingStartAt: z.string(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  agendaItemId: z.uuid().nullable(),
  agendaItemNumber: z.string().nullable(),
  agendaItemName: z.string().nullable(),
  agendaItemPublic: z.boolean().nullable(),
  role: consultationRole,
});
export type AdminConsultation = z.infer<typeof adminConsultation>;

export const adminPaperDetail = adminPaper.extend({ consultations: z.array(adminConsultation), files: z.array(adminFile) });
export type AdminPaperDetail = z.infer<typeof adminPaperDetail>;

export const committeeList = z.object({ items: z.array(adminCommittee) });
export const termList = z.object({ items: z.array(adminTerm) });
export const locationList = z.object({ items: z.array(adminCommitteeLocation) });
export const personPage = pageOf(adminPerson);
export const meetingPage = pageOf(adminMeetingSummary);
export const paperPage = pageOf(adminPaper);
export type PersonPage = z.infer<typeof personPage>;
export type MeetingPage = z.infer<typeof meetingPage>;
export type PaperPage = z.infer<typeof paperPage>;
export const deletedAnswer = z.object({ id: z.uuid(), deleted: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Public (navigator): only published meetings, public agenda items, public papers and their files

export const publicFile = z.object({
  id: z.uuid(),
  name: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  role: fileRole,
  /** Opens the file (OParl accessUrl). */
  accessUrl: z.string(),
  /** Downloads the file (OParl downloadUrl). */
  downloadUrl: z.string(),
});
export type PublicFile = z.infer<typeof publicFile>;

export const publicMeetingSummary = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  name: z.string(),
  state: meetingState,
  startAt: z.string(),
  endAt: z.string().nullable(),
});
export type PublicMeetingSummary = z.infer<typeof publicMeetingSummary>;

export const publicCommitteeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: committeeKind,
  description: z.string(),
  website: z.string().nullable(),
  nextMeeting: publicMeetingSummary.nullable(),
});
export type PublicCommitteeSummary = z.infer<typeof publicCommitteeSummary>;
export const publicCommitteeList = z.object({ items: z.array(publicCommitteeSummary) });
export type PublicCommitteeList = z.infer<typeof publicCommitteeList>;

export const publicMember = z.object({
  personId: z.uuid(),
  name: z.string(),
  role: membershipRole,
  votingRight: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PublicMember = z.infer<typeof publicMember>;

export const publicCommittee = publicCommitteeSummary.extend({
  terms: z.array(z.object({ id: z.uuid(), name: z.string(), startDate: z.string(), endDate: z.string().nullable() })),
  members: z.array(publicMember),
  upcoming: z.array(publicMeetingSummary),
  past: z.array(publicMeetingSummary),
  /** iCalendar feed of the committee's published meetings. */
  calendarUrl: z.string(),
});
export type PublicCommittee = z.infer<typeof publicCommittee>;

export const publicPaperRef = z.object({
  id: z.uuid(),
  reference: z.string(),
  name: z.string(),
  paperType: z.string(),
  date: z.string(),
  role: consultationRole,
  files: z.array(publicFile),
});

export const publicAgendaItem = z.object({
  id: z.uuid(),
  number: z.string(),
  name: z.string(),
  result: z.string(),
  resolutionText: z.string(),
  minutes: z.string(),
  paper: publicPaperRef.nullable(),
  files: z.array(publicFile),
});
export type PublicAgendaItem = z.infer<typeof publicAgendaItem>;

export const publicMeeting = publicMeetingSummary.extend({
  location: z.object({ description: z.string(), streetAddress: z.string(), room: z.string(), postalCode: z.string(), locality: z.string() }).nullable(),
  agendaItems: z.array(publicAgendaItem),
  files: z.array(publicFile),
  calendarUrl: z.string(),
});
export type PublicMeeting = z.infer<typeof publicMeeting>;

export const publicPaper = z.object({
  id: z.uuid(),
  reference: z.string(),
  name: z.string(),
  paperType: z.string(),
  date: z.string(),
  files: z.array(publicFile),
  consultations: z.array(
    z.object({ meeting: publicMeetingSummary, agendaItemNumber: z.string().nullable(), agendaItemName: z.string().nullable(), role: consultationRole }),
  ),
});
export type PublicPaper = z.infer<typeof publicPaper>;
