import { type SQL, sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import {
  COMMITTEE_KINDS,
  CONSULTATION_ROLES,
  FILE_ROLES,
  MEETING_STATES,
  MEMBERSHIP_ROLES,
} from '../../shared/contracts/committees.ts';
import { day } from '../actors/day.ts';

/**
 * Committees (Gremien): council committees, migration advisory councils, forums — with their
 * legislative terms, members, meetings, agenda items, papers, consultations and files. The model
 * follows OParl 1.1, which the public read API serves (oparl/). Nothing is ever hard-deleted:
 * `deleted_at` marks a soft delete, which OParl reports as `deleted: true`.
 */

/** File contents; written and read only through hand-written SQL (base64), never through drizzle selects. */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

const deletedAt = () => ({ deletedAt: timestamp('deleted_at', { withTimezone: true }) });
const inList = (column: string, values: readonly string[]): SQL => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);


/** Gremium (OParl Organization of type "Gremium"). */
export const committees = pgTable(
  'committees',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    kind: text('kind').$type<(typeof COMMITTEE_KINDS)[number]>().notNull(),
    description: text('description').notNull().default(''),
    website: text('website'),
    startDate: day('start_date'),
    endDate: day('end_date'),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('committees_kind_check', inList('kind', COMMITTEE_KINDS)),
    check('committees_dates_check', sql`end_date IS NULL OR start_date IS NULL OR end_date >= start_date`),
    index('committees_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** Wahlperiode: of the whole council (committee_id null) or of one committee (e.g. an elected advisory council). */
export const committeeTerms = pgTable(
  'committee_terms',
  {
    ...tenantColumns(),
    committeeId: uuid('committee_id'),
    name: text('name').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.committeeId], foreignColumns: [committees.tenantId, committees.id] }),
    check('committee_terms_dates_check', sql`end_date IS NULL OR end_date >= start_date`),
    index('committee_terms_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** A committee member (OParl Person). Contact data is published only with `publish_contact`. */
export const committeePersons = pgTable(
  'committee_persons',
  {
    ...tenantColumns(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull().default(''),
    formOfAddress: text('form_of_address').notNull().default(''),
    title: text('title').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    publishContact: boolean('publish_contact').notNull().default(false),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('committee_persons_created_idx').on(t.tenantId, t.createdAt, t.id), index('committee_persons_name_idx').on(t.tenantId, t.familyName)],
);

export const committeeMemberships = pgTable(
  'committee_memberships',
  {
    ...tenantColumns(),
    committeeId: uuid('committee_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').$type<(typeof MEMBERSHIP_ROLES)[number]>().notNull(),
    votingRight: boolean('voting_right').notNull().default(true),
    startDate: day('start_date'),
    endDate: day('end_date'),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.committeeId], foreignColumns: [committees.tenantId, committees.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [committeePersons.tenantId, committeePersons.id] }),
    check('committee_memberships_role_check', inList('role', MEMBERSHIP_ROLES)),
    check('committee_memberships_dates_check', sql`end_date IS NULL OR start_date IS NULL OR end_date >= start_date`),
    index('committee_memberships_committee_idx').on(t.tenantId, t.committeeId),
    index('committee_memberships_person_idx').on(t.tenantId, t.personId),
    index('committee_memberships_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** Where meetings take place (OParl Location). */
export const committeeLocations = pgTable(
  'committee_locations',
  {
    ...tenantColumns(),
    description: text('description').notNull(),
    streetAddress: text('street_address').notNull().default(''),
    room: text('room').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    locality: text('locality').notNull().default(''),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('committee_locations_created_idx').on(t.tenantId, t.createdAt, t.id)],
);

/** Sitzung. Public only once published (`published_at`); the state follows the meeting's life. */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    ...tenantColumns(),
    committeeId: uuid('committee_id').notNull(),
    name: text('name').notNull(),
    state: text('state').$type<(typeof MEETING_STATES)[number]>().notNull().default('scheduled'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }),
    locationId: uuid('location_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.committeeId], foreignColumns: [committees.tenantId, committees.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [committeeLocations.tenantId, committeeLocations.id] }),
    check('committee_meetings_state_check', inList('state', MEETING_STATES)),
    check('committee_meetings_times_check', sql`end_at IS NULL OR end_at >= start_at`),
    index('committee_meetings_committee_idx').on(t.tenantId, t.committeeId, t.startAt),
    index('committee_meetings_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('committee_meetings_modified_idx').on(t.tenantId, t.updatedAt),
  ],
);

/** Tagesordnungspunkt. Non-public items (and their papers, files and minutes) never leave the back office. */
export const committeeAgendaItems = pgTable(
  'committee_agenda_items',
  {
    ...tenantColumns(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    name: text('name').notNull(),
    public: boolean('public').notNull().default(true),
    /** Short result ("einstimmig beschlossen"); OParl `result`. */
    result: text('result').notNull().default(''),
    /** Beschluss: the decision's text; OParl `resolutionText`. */
    resolutionText: text('resolution_text').notNull().default(''),
    /** Niederschrift of this item. */
    minutes: text('minutes').notNull().default(''),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('committee_agenda_items_meeting_key').on(t.tenantId, t.meetingId, t.id),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [committeeMeetings.tenantId, committeeMeetings.id] }),
    index('committee_agenda_items_meeting_idx').on(t.tenantId, t.meetingId, t.position),
    index('committee_agenda_items_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** Vorlage. Public once published, unless it is consulted under a non-public agenda item. */
export const committeePapers = pgTable(
  'committee_papers',
  {
    ...tenantColumns(),
    reference: text('reference').notNull(),
    name: text('name').notNull(),
    paperType: text('paper_type').notNull(),
    date: day('date').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('committee_papers_reference_key').on(t.tenantId, t.reference).where(sql`deleted_at IS NULL`),
    index('committee_papers_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** Beratung: a paper on a meeting's agenda (at most one paper per agenda item, as in OParl). */
export const committeeConsultations = pgTable(
  'committee_consultations',
  {
    ...tenantColumns(),
    paperId: uuid('paper_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id'),
    role: text('role').$type<(typeof CONSULTATION_ROLES)[number]>().notNull(),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [committeePapers.tenantId, committeePapers.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [committeeMeetings.tenantId, committeeMeetings.id] }),
    // The agenda item must belong to the consultation's meeting.
    foreignKey({
      name: 'committee_consultations_agenda_item_fk',
      columns: [t.tenantId, t.meetingId, t.agendaItemId],
      foreignColumns: [committeeAgendaItems.tenantId, committeeAgendaItems.meetingId, committeeAgendaItems.id],
    }),
    check('committee_consultations_role_check', inList('role', CONSULTATION_ROLES)),
    uniqueIndex('committee_consultations_agenda_item_key').on(t.tenantId, t.agendaItemId).where(sql`deleted_at IS NULL AND agenda_item_id IS NOT NULL`),
    index('committee_consultations_paper_idx').on(t.tenantId, t.paperId),
    index('committee_consultations_meeting_idx').on(t.tenantId, t.meetingId),
    index('committee_consultations_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** A document of a paper, a meeting or an agenda item; its bytes live in committee_file_contents. */
export const committeeFiles = pgTable(
  'committee_files',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha1: text('sha1').notNull(),
    sha512: text('sha512').notNull(),
    date: day('date'),
    role: text('role').$type<(typeof FILE_ROLES)[number]>().notNull(),
    paperId: uuid('paper_id'),
    meetingId: uuid('meeting_id'),
    agendaItemId: uuid('agenda_item_id'),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [committeePapers.tenantId, committeePapers.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [committeeMeetings.tenantId, committeeMeetings.id] }),
    foreignKey({ columns: [t.tenantId, t.agendaItemId], foreignColumns: [committeeAgendaItems.tenantId, committeeAgendaItems.id] }),
    check('committee_files_role_check', inList('role', FILE_ROLES)),
    check('committee_files_parent_check', sql`num_nonnulls(paper_id, meeting_id, agenda_item_id) = 1`),
    check(
      'committee_files_role_parent_check',
      sql`(paper_id IS NOT NULL AND role IN ('main', 'auxiliary')) OR (meeting_id IS NOT NULL AND role IN ('invitation', 'results_protocol', 'verbatim_protocol', 'auxiliary')) OR (agenda_item_id IS NOT NULL AND role IN ('resolution', 'auxiliary'))`,
    ),
    check('committee_files_size_check', sql`size >= 0`),
    // One main file per paper, one invitation/protocol per meeting, one resolution file per agenda item.
    uniqueIndex('committee_files_single_role_key')
      .on(t.tenantId, sql`coalesce(paper_id, meeting_id, agenda_item_id)`, t.role)
      .where(sql`deleted_at IS NULL AND role <> 'auxiliary'`),
    index('committee_files_paper_idx').on(t.tenantId, t.paperId),
    index('committee_files_meeting_idx').on(t.tenantId, t.meetingId),
    index('committee_files_agenda_item_idx').on(t.tenantId, t.agendaItemId),
    index('committee_files_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/** The bytes of a file; removed when the file is deleted (the file row stays as a tombstone). */
export const committeeFileContents = pgTable(
  'committee_file_contents',
  {
    tenantId: uuid('tenant_id').notNull(),
    fileId: uuid('file_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [committeeFiles.tenantId, committeeFiles.id] }),
  ],
);
