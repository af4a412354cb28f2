// Back-office contracts of networks and working groups (Netzwerke, Arbeitskreise): groups and
// members, meetings with agenda, invitation, attendance, minutes and decisions, follow-up tasks,
// the network graph. Browser-safe.
import { z } from 'zod';
import { actorParams, idName, isoDate, MAIL_BLOCKS, pageParam, pageSizeParam, RELATIONSHIP_KINDS } from './actors.ts';
import { pageOf } from './common.ts';

export const GROUP_KINDS = ['network', 'working_group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const MEMBER_ROLES = ['chair', 'deputy', 'coordination', 'member', 'guest'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const dateTime = z.iso.datetime({ offset: true, message: 'a date and time like 2026-03-31T18:00:00+02:00' });

// ---------------------------------------------------------------------------------------------
// Groups and members

export const groupInput = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(200),
    kind: z.enum(GROUP_KINDS).default('working_group'),
    purpose: z.string().trim().max(5000).default(''),
    fieldIds: z.array(z.uuid()).max(30).default([]),
  })
  .strict();
export type GroupInput = z.infer<typeof groupInput>;

export const groupListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(GROUP_KINDS).optional(),
    fieldId: z.uuid().optional(),
    includeArchived: z.enum(['true', 'false']).default('false'),
    page: pageParam,
    pageSize: pageSizeParam,
  })
  .strict();
export type GroupListQuery = z.infer<typeof groupListQuery>;

export const adminGroup = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  purpose: z.string(),
  fieldIds: z.array(z.uuid()),
  counts: z.object({ organisations: z.number().int(), people: z.number().int(), openTasks: z.number().int() }),
  nextMeeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminGroup = z.infer<typeof adminGroup>;
export const groupPage = pageOf(adminGroup);
export type GroupPage = z.infer<typeof groupPage>;

export const memberInput = z
  .object({
    organisationId: z.uuid().nullable().optional(),
    /** The organisation's delegate, or a person in their own right. */
    contactId: z.uuid().nullable().optional(),
    role: z.enum(MEMBER_ROLES).default('member'),
    joinedOn: isoDate.nullable().optional(),
    leftOn: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.organisationId && !v.contactId) ctx.addIssue({ code: 'custom', message: 'an organisation or a person', path: ['organisationId'] });
    if (v.joinedOn && v.leftOn && v.leftOn < v.joinedOn) ctx.addIssue({ code: 'custom', message: 'the end must not be before the start', path: ['leftOn'] });
  });
export type MemberInput = z.infer<typeof memberInput>;

/** Change of a membership: role and period (who it is stays). */
export const memberUpdate = z
  .object({ role: z.enum(MEMBER_ROLES), joinedOn: isoDate.nullable().optional(), leftOn: isoDate.nullable().optional() })
  .strict()
  .refine((v) => !(v.joinedOn && v.leftOn && v.leftOn < v.joinedOn), { message: 'the end must not be before the start', path: ['leftOn'] });
export type MemberUpdate = z.infer<typeof memberUpdate>;

export const groupMember = z.object({
  id: z.uuid(),
  organisation: idName.nullable(),
  contact: idName.extend({ email: z.string().nullable(), mailBlock: z.enum(MAIL_BLOCKS).nullable() }).nullable(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  /** Not left (no end, or an end today or later). */
  current: z.boolean(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const meetingSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  status: z.enum(MEETING_STATUSES),
  invitationSentAt: z.string().nullable(),
  minutesSentAt: z.string().nullable(),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const groupDetail = adminGroup.extend({ members: z.array(groupMember), meetings: z.array(meetingSummary) });
export type GroupDetail = z.infer<typeof groupDetail>;

// ---------------------------------------------------------------------------------------------
// Meetings

const agendaItemInput = z
  .object({
    /** Keep the id of an existing item so its notes and decisions stay attached. */
    id: z.uuid().optional(),
    title: z.string().trim().min(2, 'at least 2 characters').max(300),
    description: z.string().trim().max(5000).default(''),
  })
  .strict();

export const meetingInput = z
  .object({
    title: z.string().trim().min(2, 'at least 2 characters').max(200),
    startsAt: dateTime,
    endsAt: dateTime,
    location: z.string().trim().max(500).default(''),
    onlineUrl: z.url('a full address starting with https://').max(2000).nullable().optional(),
    invitationText: z.string().trim().max(10000).default(''),
    agenda: z.array(agendaItemInput).max(50).default([]),
    status: z.enum(MEETING_STATUSES).default('planned'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', message: 'the end must be after the start', path: ['endsAt'] });
    if (Date.parse(v.endsAt) - Date.parse(v.startsAt) > 7 * 24 * 3600_000) ctx.addIssue({ code: 'custom', message: 'a meeting lasts at most 7 days', path: ['endsAt'] });
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const minutesInput = z
  .object({
    minutes: z.string().trim().max(50000).default(''),
    /** Notes per agenda item (by id). */
    agendaNotes: z.array(z.object({ id: z.uuid(), notes: z.string().trim().max(20000) }).strict()).max(50).default([]),
    decisions: z
      .array(z.object({ id: z.uuid().optional(), agendaItemId: z.uuid().nullable().optional(), text: z.string().trim().min(2, 'at least 2 characters').max(5000) }).strict())
      .max(100)
      .default([]),
    attendance: z.array(z.object({ contactId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }).strict()).max(500).default([]),
    /** Usually `held` once the minutes are written. */
    status: z.enum(MEETING_STATUSES).default('held'),
  })
  .strict();
export type MinutesInput = z.infer<typeof minutesInput>;

export const agendaItem = z.object({ id: z.uuid(), title: z.string(), description: z.string(), notes: z.string() });
export const decision = z.object({ id: z.uuid(), agendaItemId: z.uuid().nullable(), text: z.string() });

export const networkTask = z.object({
  id: z.uuid(),
  group: idName,
  meeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
  title: z.string(),
  description: z.string(),
  owner: z.object({ type: z.enum(['contact', 'account']), id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  /** Open or in progress and past its deadline. */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NetworkTask = z.infer<typeof networkTask>;

export const meetingDetail = meetingSummary.extend({
  group: idName,
  onlineUrl: z.string().nullable(),
  invitationText: z.string(),
  agenda: z.array(agendaItem),
  minutes: z.string(),
  decisions: z.array(decision),
  attendance: z.array(z.object({ contactId: z.uuid(), name: z.string(), organisation: z.string().nullable(), status: z.enum(ATTENDANCE_STATUSES) })),
  tasks: z.array(networkTask),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** Who got the mail and who did not (and why): opted-out contacts are never mailed. */
export const mailResult = z.object({
  sent: z.number().int(),
  recipients: z.array(z.object({ contactId: z.uuid(), name: z.string(), email: z.string() })),
  skipped: z.array(z.object({ contactId: z.uuid(), name: z.string(), reason: z.enum(MAIL_BLOCKS) })),
  /** Mails delivered by SMTP now (0 without SMTP: they wait in the development outbox). */
  delivered: z.number().int(),
});
export type MailResult = z.infer<typeof mailResult>;

// ---------------------------------------------------------------------------------------------
// Tasks

export const taskInput = z
  .object({
    groupId: z.uuid(),
    meetingId: z.uuid().nullable().optional(),
    title: z.string().trim().min(2, 'at least 2 characters').max(300),
    description: z.string().trim().max(5000).default(''),
    ownerContactId: z.uuid().nullable().optional(),
    ownerAccountId: z.string().trim().min(1).max(100).nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    status: z.enum(TASK_STATUSES).default('open'),
  })
  .strict()
  .refine((v) => !(v.ownerContactId && v.ownerAccountId), { message: 'one owner: a contact or a staff account', path: ['ownerAccountId'] });
export type TaskInput = z.infer<typeof taskInput>;

/** PATCH: every field optional (e.g. only the status). */
export const taskUpdate = z
  .object({
    title: z.string().trim().min(2, 'at least 2 characters').max(300),
    description: z.string().trim().max(5000),
    ownerContactId: z.uuid().nullable(),
    ownerAccountId: z.string().trim().min(1).max(100).nullable(),
    dueOn: isoDate.nullable(),
    status: z.enum(TASK_STATUSES),
  })
  .partial()
  .strict()
  .refine((v) => !(v.ownerContactId && v.ownerAccountId), { message: 'one owner: a contact or a staff account', path: ['ownerAccountId'] });
export type TaskUpdate = z.infer<typeof taskUpdate>;

export const taskListQuery = z
  .object({
    /** open = open or in progress; overdue = open and past the deadline. */
    status: z.enum(['open', 'overdue', 'done', 'cancelled', 'all']).default('open'),
    groupId: z.uuid().optional(),
    ownerContactId: z.uuid().optional(),
    ownerAccountId: z.string().max(100).optional(),
    page: pageParam,
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskPage = pageOf(networkTask);
export type TaskPage = z.infer<typeof taskPage>;

export const staffList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) });
export type StaffList = z.infer<typeof staffList>;

// ---------------------------------------------------------------------------------------------
// Network graph

export const NODE_KINDS = ['group', 'organisation', 'contact'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const EDGE_KINDS = ['member', 'delegate', ...RELATIONSHIP_KINDS] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const graphQuery = z
  .object({
    fieldId: z.uuid().optional(),
    areaId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    /** Centre on one organisation: it, its groups, related organisations and its people. */
    organisationId: z.uuid().optional(),
    /** Contacts as nodes too (always for one group or organisation; else up to a limit). */
    contacts: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export type GraphQuery = z.infer<typeof graphQuery>;

/** A node as the browser uses it. */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Organisation type or group kind; '' for contacts. */
  type: string;
}

/**
 * The graph, compact for whole-tenant graphs (5,000 organisations): nodes are
 * [id, kind, label, type] (type = organisation type or group kind, '' for contacts) and edges
 * [source node index, target node index, kind].
 */
export const networkGraph = z.object({
  nodes: z.array(z.tuple([z.uuid(), z.enum(NODE_KINDS), z.string(), z.string()])),
  edges: z.array(z.tuple([z.number().int(), z.number().int(), z.enum(EDGE_KINDS)])),
  /** Contacts were asked for but left out because there are too many: choose a group or an organisation. */
  contactsOmitted: z.boolean(),
  /** All groups and organisations of the tenant (not archived), whatever the filters. */
  totals: z.object({ groups: z.number().int(), organisations: z.number().int() }),
});
export type NetworkGraph = z.infer<typeof networkGraph>;

/** The wire format's node tuples as objects. */
export const graphNodes = (graph: NetworkGraph): GraphNode[] => graph.nodes.map(([id, kind, label, type]) => ({ id, kind, label, type }));

/** `:tenant/…/:id` of a group, meeting or task (the same as the actor network's records). */
export const networkIdParams = actorParams;
export const memberParams = networkIdParams.extend({ memberId: z.uuid() }).strict();
