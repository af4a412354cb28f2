import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import { contacts, organisations } from '../actors/actors.table.ts';
import { day } from '../actors/day.ts';
import { authUser } from '../auth/auth.table.ts';
import type { AttendanceStatus, GroupKind, MeetingStatus, MemberRole, TaskStatus } from '../../shared/contracts/networks.ts';

/** Tagesordnungspunkt, with the minutes' notes on it. */
export interface AgendaItem {
  id: string;
  title: string;
  description: string;
  notes: string;
}

/** Beschluss, optionally under an agenda item. */
export interface Decision {
  id: string;
  agendaItemId: string | null;
  text: string;
}

/** Netzwerk or Arbeitskreis. */
export const networkGroups = pgTable(
  'network_groups',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    kind: text('kind').$type<GroupKind>().notNull().default('working_group'),
    purpose: text('purpose').notNull().default(''),
    fieldIds: uuid('field_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('network_groups_name_idx').on(t.tenantId, t.name)],
);

/**
 * Membership in a group: an organisation (organisationId), its delegate (organisationId +
 * contactId), or a person in their own right (contactId only).
 */
export const groupMembers = pgTable(
  'group_members',
  {
    ...tenantColumns(),
    groupId: uuid('group_id').notNull(),
    organisationId: uuid('organisation_id'),
    contactId: uuid('contact_id'),
    role: text('role').$type<MemberRole>().notNull().default('member'),
    joinedOn: day('joined_on'),
    leftOn: day('left_on'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [networkGroups.tenantId, networkGroups.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }).onDelete('cascade'),
    unique('group_members_uq').on(t.tenantId, t.groupId, t.organisationId, t.contactId).nullsNotDistinct(),
    check('group_members_someone', sql`num_nonnulls(${t.organisationId}, ${t.contactId}) >= 1`),
    check('group_members_period', sql`${t.leftOn} IS NULL OR ${t.joinedOn} IS NULL OR ${t.leftOn} >= ${t.joinedOn}`),
    index('group_members_group_idx').on(t.tenantId, t.groupId),
    index('group_members_organisation_idx').on(t.tenantId, t.organisationId),
    index('group_members_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** Sitzung of a group: invitation, agenda, minutes, decisions. */
export const networkMeetings = pgTable(
  'network_meetings',
  {
    ...tenantColumns(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    /** Text of the invitation mail, above the agenda. */
    invitationText: text('invitation_text').notNull().default(''),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    decisions: jsonb('decisions').$type<Decision[]>().notNull().default([]),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    invitationSentAt: timestamp('invitation_sent_at', { withTimezone: true }),
    minutesSentAt: timestamp('minutes_sent_at', { withTimezone: true }),
    /** iCalendar SEQUENCE: incremented when date, time or place change. */
    sequence: integer('sequence').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [networkGroups.tenantId, networkGroups.id] }).onDelete('cascade'),
    check('network_meetings_period', sql`${t.endsAt} > ${t.startsAt}`),
    index('network_meetings_group_idx').on(t.tenantId, t.groupId, t.startsAt),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    ...tenantColumns(),
    meetingId: uuid('meeting_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [networkMeetings.tenantId, networkMeetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }).onDelete('cascade'),
    unique('meeting_attendance_uq').on(t.tenantId, t.meetingId, t.contactId),
    index('meeting_attendance_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** Follow-up task of a group (Arbeitsauftrag), owned by a contact or a staff account. */
export const networkTasks = pgTable(
  'network_tasks',
  {
    ...tenantColumns(),
    groupId: uuid('group_id').notNull(),
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerContactId: uuid('owner_contact_id'),
    ownerAccountId: text('owner_account_id').references(() => authUser.id, { onDelete: 'set null' }),
    dueOn: day('due_on'),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [networkGroups.tenantId, networkGroups.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [networkMeetings.tenantId, networkMeetings.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerContactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    check('network_tasks_one_owner', sql`num_nonnulls(${t.ownerContactId}, ${t.ownerAccountId}) <= 1`),
    index('network_tasks_status_idx').on(t.tenantId, t.status, t.dueOn),
    index('network_tasks_group_idx').on(t.tenantId, t.groupId),
    index('network_tasks_owner_contact_idx').on(t.tenantId, t.ownerContactId),
  ],
);
