import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';

/**
 * The core of case management (Integrationsmanagement): teams, programmes, persons, households,
 * cases with their event history, the append-only access log and the anonymous statistics that
 * outlive erasure. Feature tables (assessment, plans, referrals, consents, journal, documents,
 * flags) live next to their services and reference `cases`/`persons` with ON DELETE CASCADE, so
 * erasing a person removes everything about them in one statement.
 *
 * Columns ending in `_enc` hold AES-256-GCM ciphertext from src/security/fieldCrypto.ts.
 */

/** A case-management team; integration managers and team leads belong to one (auth_user.team_id). */
export const teams = pgTable(
  'teams',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('teams_name_unique').on(t.tenantId, t.name)],
);

/** A support programme (BW Integrationsmanagement, KIM, MBE …) with its rules and retention period. */
export const casePrograms = pgTable(
  'case_programmes',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** longest regular duration of a case, e.g. 36 months */
    maxDurationMonths: integer('max_duration_months'),
    /** longest extension beyond that, only with a reason, e.g. 12 months */
    maxExtensionMonths: integer('max_extension_months').notNull().default(0),
    /** warn this many days before the planned end / maximum duration */
    warnBeforeDays: integer('warn_before_days').notNull().default(60),
    /** an agreed integration plan is due for review after this many days */
    planReviewDays: integer('plan_review_days').notNull().default(180),
    /** case data is erased / anonymised this many months after closure (Art. 17 DSGVO) */
    retentionMonths: integer('retention_months').notNull().default(36),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('case_programmes_code_unique').on(t.tenantId, t.code)],
);

/** A household (Haushalt / Bedarfsgemeinschaft) that persons belong to. */
export const households = pgTable(
  'households',
  {
    ...tenantColumns(),
    label: text('label').notNull().default(''),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export interface OtherName {
  givenName: string;
  familyName: string;
  /** e.g. "Arab", "Cyrl", "Latn" (ISO 15924) or a note such as "Passport" */
  script: string;
}

/** A person supported by integration management. */
export const persons = pgTable(
  'persons',
  {
    ...tenantColumns(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** transliterations and other spellings (passport, original script) */
    otherNames: jsonb('other_names').$type<OtherName[]>().notNull().default([]),
    /** all names, lower-cased and without accents, for trigram matching (duplicate check, search) */
    nameSearch: text('name_search').notNull().default(''),
    /** Kölner Phonetik codes of every name token (duplicate check) */
    namePhonetic: text('name_phonetic').array().notNull().default(sql`'{}'::text[]`),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    nationalities: text('nationalities').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** the language of the translated goal agreement */
    preferredLanguage: text('preferred_language'),
    phone: text('phone'),
    email: text('email'),
    street: text('street'),
    postcode: text('postcode'),
    town: text('town'),
    /** e.g. asylum_seeker, recognised_refugee, subsidiary_protection, toleration, eu_citizen … */
    residenceStatus: text('residence_status'),
    residenceExpiresOn: date('residence_expires_on', { mode: 'string' }),
    /** encrypted: details of the residence situation */
    residenceDetailsEnc: text('residence_details_enc'),
    /** encrypted: health information the person chose to share */
    healthNotesEnc: text('health_notes_enc'),
    /** e.g. reception_centre, shared_accommodation, own_flat, homeless, other */
    accommodation: text('accommodation'),
    householdId: uuid('household_id'),
    /** e.g. head, partner, child, parent, sibling, other */
    householdRole: text('household_role'),
    /** Art. 18 DSGVO: restriction of processing blocks editing and sharing */
    restricted: boolean('restricted').notNull().default(false),
    restrictionReason: text('restriction_reason'),
    restrictedAt: timestamp('restricted_at', { withTimezone: true }),
    /** set on the record that was merged into another one (kept for history, hidden from lists) */
    mergedIntoId: uuid('merged_into_id'),
    /** the team and account that recorded the person (visibility before a case exists) */
    teamId: uuid('team_id'),
    createdBy: text('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('persons_family_name_idx').on(t.tenantId, t.familyName, t.givenName),
    index('persons_birth_date_idx').on(t.tenantId, t.birthDate),
    index('persons_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('persons_phonetic_idx').using('gin', t.namePhonetic),
    index('persons_household_idx').on(t.tenantId, t.householdId),
  ],
);

export const CASE_STATES = ['intake', 'assessment', 'plan', 'in_progress', 'closed', 'reopened'] as const;

/** A case: one person in one programme, owned by an integration manager of a team. */
export const cases = pgTable(
  'cases',
  {
    ...tenantColumns(),
    /** human-readable number, e.g. IM-2026-00042 (no personal data) */
    reference: text('reference').notNull(),
    personId: uuid('person_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    ownerId: text('owner_id'),
    teamId: uuid('team_id').notNull(),
    state: text('state', { enum: CASE_STATES }).notNull().default('intake'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    extendedUntil: date('extended_until', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    /** e.g. goals_reached, self_reliant, moved_away, transferred, no_contact, declined, other */
    closingReason: text('closing_reason'),
    closingNote: text('closing_note'),
    /** when the retention job erases the case (closed_on + the programme's retention period) */
    retentionDueOn: date('retention_due_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('cases_reference_unique').on(t.tenantId, t.reference),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.programmeId], foreignColumns: [casePrograms.tenantId, casePrograms.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('cases_owner_idx').on(t.tenantId, t.ownerId, t.state),
    index('cases_team_idx').on(t.tenantId, t.teamId, t.state),
    index('cases_person_idx').on(t.tenantId, t.personId),
    index('cases_retention_idx').on(t.tenantId, t.retentionDueOn),
    // case lists (CASES): the whole office sorted by start, and the programme filter
    index('cases_started_idx').on(t.tenantId, t.startedOn),
    index('cases_programme_idx').on(t.tenantId, t.programmeId, t.state),
    index('cases_team_started_idx').on(t.tenantId, t.teamId, t.startedOn),
    index('cases_owner_started_idx').on(t.tenantId, t.ownerId, t.startedOn),
    // a team's list sorted by last change / planned end: the page in index order instead of reading
    // and sorting the team's ~2,000 scattered rows (12–95 ms → 1–8 ms, bench/cases.ts cases-list-pg)
    index('cases_team_updated_idx').on(t.tenantId, t.teamId, t.updatedAt),
    index('cases_team_planned_end_idx').on(t.tenantId, t.teamId, t.plannedEndOn),
    // reference prefix search (byte order, so a prefix is a range), usable under row-level security
    index('cases_reference_c_idx').on(t.tenantId, sql`("reference" COLLATE "C")`),
  ],
);

/** What happened to a case: state changes, handovers, extensions (with reasons). */
export const caseEvents = pgTable(
  'case_events',
  {
    ...tenantColumns(),
    caseId: uuid('case_id').notNull(),
    /** state, handover, extension, reopened … */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    index('case_events_case_idx').on(t.tenantId, t.caseId, t.at),
  ],
);

/**
 * Art. 16 DSGVO: every correction of a person's or case's data keeps the earlier value
 * (encrypted, because it may be sensitive). Erased with the person.
 */
export const recordHistory = pgTable(
  'record_history',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    oldValueEnc: text('old_value_enc'),
    newValueEnc: text('new_value_enc'),
    reason: text('reason'),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    index('record_history_entity_idx').on(t.tenantId, t.entityId, t.at),
    index('record_history_person_idx').on(t.tenantId, t.personId, t.at),
  ],
);

/**
 * Append-only log of every read, change, export, print and release of case data (who, when,
 * what, why). The application role may only insert; UPDATE/DELETE are refused by a trigger except
 * for the erasure job (owner role with `lotse.erasure = on`), which removes a person's entries.
 * No foreign keys: entries must not block erasure and name only ids, never personal data.
 */
export const caseAccessLog = pgTable(
  'case_access_log',
  {
    ...tenantColumns(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull().default(''),
    actorRole: text('actor_role').notNull().default(''),
    /** read, list, create, update, delete, export, print, release, override, handover, erase … */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    personId: uuid('person_id'),
    caseId: uuid('case_id'),
    /** why (e.g. the override reason, the export's purpose) */
    purpose: text('purpose'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_access_log_person_idx').on(t.tenantId, t.personId, t.at),
    index('case_access_log_case_idx').on(t.tenantId, t.caseId, t.at),
    index('case_access_log_at_idx').on(t.tenantId, t.at),
  ],
);

export interface GoalOutcomeSummary {
  /** field of action → counts and the days from agreement to outcome of reached goals */
  [field: string]: { reached: number; partly: number; notReached: number; open: number; daysToReach: number[] };
}

/**
 * Anonymous statistics of erased cases (what outlives Art. 17): no ids of persons, no names, the
 * birth date cut to the year, dates cut to the month. The outcome report adds them to live cases.
 */
export const caseStatistics = pgTable(
  'case_statistics',
  {
    ...tenantColumns(),
    programmeId: uuid('programme_id'),
    teamId: uuid('team_id'),
    birthYear: integer('birth_year'),
    /** first day of the month */
    startedMonth: date('started_month', { mode: 'string' }),
    closedMonth: date('closed_month', { mode: 'string' }),
    closingReason: text('closing_reason'),
    durationDays: integer('duration_days'),
    goals: jsonb('goals').$type<GoalOutcomeSummary>().notNull().default({}),
    referrals: jsonb('referrals').$type<{ sent: number; accepted: number; rejected: number; completed: number }>().notNull().default({
      sent: 0,
      accepted: 0,
      rejected: 0,
      completed: 0,
    }),
    /** anonymised | erased_on_request */
    cause: text('cause').notNull().default('anonymised'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('case_statistics_closed_idx').on(t.tenantId, t.closedMonth)],
);
