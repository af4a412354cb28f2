// Case management (Integrationsmanagement): setup of teams and programmes (tenant admin), cases
// with their state machine, programme rules, extension, closing, reopening and handover. Shared by
// the server (route schemas, OpenAPI) and the back office (form validation). Browser-safe.
import { z } from 'zod';
import { flagKind } from './caseJournal.ts';
import { pageOf } from './common.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day 'YYYY-MM-DD' that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(DAY, 'a date like 2026-03-31')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= '1900-01-01' && value <= '2199-12-31';
  }, 'a date like 2026-03-31');

/** Account ids (better-auth user ids). */
export const accountId = z.string().trim().min(1).max(100);

const booleanParam = z.enum(['true', 'false']).default('false');

export const caseTenantParams = z.object({ tenant: z.string().max(63) }).strict();
export const caseIdParams = caseTenantParams.extend({ id: z.uuid() }).strict();

// ---------------------------------------------------------------------------------------------
// States, transitions, closing reasons

export const CASE_STATES = ['intake', 'assessment', 'plan', 'in_progress', 'closed', 'reopened'] as const;
export const caseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseState>;

/**
 * The state machine: intake → assessment → plan → in progress → closed → reopened. Closing is
 * possible from every open state; re-assessment (plan → assessment) and re-planning
 * (in progress → plan) go back one step; a reopened case continues at assessment, plan or
 * in progress, or is closed again. Everything else is an invalid transition (422).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  intake: ['assessment', 'closed'],
  assessment: ['plan', 'closed'],
  plan: ['in_progress', 'assessment', 'closed'],
  in_progress: ['plan', 'closed'],
  closed: ['reopened'],
  reopened: ['assessment', 'plan', 'in_progress', 'closed'],
};

export const canTransition = (from: CaseState, to: CaseState): boolean => CASE_TRANSITIONS[from].includes(to);

export const CLOSING_REASONS = ['goals_reached', 'self_reliant', 'moved_away', 'transferred', 'no_contact', 'declined', 'other'] as const;
export const closingReason = z.enum(CLOSING_REASONS);
export type ClosingReason = z.infer<typeof closingReason>;

export const CASE_WARNINGS = ['max_duration_reached', 'max_duration_approaching', 'planned_end_overdue', 'planned_end_approaching'] as const;
export const caseWarning = z.object({
  code: z.enum(CASE_WARNINGS),
  /** the date the warning is about (the limit or the planned end) */
  on: isoDate,
  /** days from today until that date (negative: past) */
  days: z.number().int(),
});
export type CaseWarning = z.infer<typeof caseWarning>;

// ---------------------------------------------------------------------------------------------
// Setup: teams (tenant admin)

export const teamInput = z.object({ name: z.string().trim().min(2).max(100) }).strict();
export type TeamInput = z.infer<typeof teamInput>;

export const teamListQuery = z.object({ includeArchived: booleanParam }).strict();

export const caseTeam = z.object({
  id: z.uuid(),
  name: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  /** active accounts of the team */
  members: z.number().int(),
  /** cases of the team that are not closed */
  openCases: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseTeam = z.infer<typeof caseTeam>;
export const caseTeamList = z.object({ items: z.array(caseTeam) });
export type CaseTeamList = z.infer<typeof caseTeamList>;

// ---------------------------------------------------------------------------------------------
// Setup: programmes (tenant admin)

const programmeFields = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'upper-case letters and digits, 2 to 10 characters, starting with a letter'),
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).default(''),
    /** longest regular duration in months; null: no limit */
    maxDurationMonths: z.number().int().min(1).max(120).nullable(),
    /** longest extension beyond it (with a reason) */
    maxExtensionMonths: z.number().int().min(0).max(60),
    warnBeforeDays: z.number().int().min(0).max(365),
    planReviewDays: z.number().int().min(7).max(730),
    /** months after closure until erasure (Art. 17 GDPR) */
    retentionMonths: z.number().int().min(1).max(240),
    active: z.boolean(),
  })
  .strict();

export const programmeInput = programmeFields.superRefine((value, ctx) => {
  if (value.maxDurationMonths === null && value.maxExtensionMonths > 0) {
    ctx.addIssue({ code: 'custom', message: 'an extension needs a maximum duration', path: ['maxExtensionMonths'] });
  }
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

export const caseProgramme = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  maxDurationMonths: z.number().int().nullable(),
  maxExtensionMonths: z.number().int(),
  warnBeforeDays: z.number().int(),
  planReviewDays: z.number().int(),
  retentionMonths: z.number().int(),
  active: z.boolean(),
  /** cases of the programme that are not closed */
  openCases: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseProgramme = z.infer<typeof caseProgramme>;
export const caseProgrammeList = z.object({ items: z.array(caseProgramme) });
export type CaseProgrammeList = z.infer<typeof caseProgrammeList>;

// ---------------------------------------------------------------------------------------------
// Cases

export const caseCreate = z
  .object({
    personId: z.uuid(),
    programmeId: z.uuid(),
    /** default: the signed-in account */
    ownerId: accountId.optional(),
    /** default: the owner's team (needed only when the owner has none, e.g. the integration lead) */
    teamId: z.uuid().optional(),
    startedOn: isoDate,
    plannedEndOn: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.plannedEndOn && value.plannedEndOn < value.startedOn) {
      ctx.addIssue({ code: 'custom', message: 'the planned end must not be before the start', path: ['plannedEndOn'] });
    }
  });
export type CaseCreate = z.infer<typeof caseCreate>;

export const caseUpdate = z
  .object({
    /** the version read; a different current version is a conflict (409) */
    version: z.number().int().min(1),
    startedOn: isoDate.optional(),
    plannedEndOn: isoDate.nullable().optional(),
  })
  .strict();
export type CaseUpdate = z.infer<typeof caseUpdate>;

const reasonText = z.string().trim().min(3).max(2000);

export const caseTransition = z
  .object({
    version: z.number().int().min(1),
    to: caseState,
    /** why (required for reopening) */
    reason: reasonText.optional(),
    /** required when closing */
    closingReason: closingReason.optional(),
    closingNote: z.string().trim().max(2000).optional(),
    /** default: today */
    closedOn: isoDate.optional(),
  })
  .strict();
export type CaseTransition = z.infer<typeof caseTransition>;

export const caseExtension = z
  .object({
    version: z.number().int().min(1),
    extendedUntil: isoDate,
    reason: reasonText,
  })
  .strict();
export type CaseExtension = z.infer<typeof caseExtension>;

export const caseHandover = z
  .object({
    version: z.number().int().min(1),
    toOwnerId: accountId,
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CaseHandover = z.infer<typeof caseHandover>;

export const bulkHandover = z
  .object({
    fromOwnerId: accountId,
    toOwnerId: accountId,
    reason: z.string().trim().max(2000).optional(),
    /** also the closed cases (kept until their retention period ends); default true */
    includeClosed: z.boolean().default(true),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.fromOwnerId === value.toOwnerId) ctx.addIssue({ code: 'custom', message: 'choose another manager', path: ['toOwnerId'] });
  });
export type BulkHandover = z.infer<typeof bulkHandover>;
export const bulkHandoverResult = z.object({ moved: z.number().int(), caseIds: z.array(z.uuid()) });
export type BulkHandoverResult = z.infer<typeof bulkHandoverResult>;

export const CASE_SORTS = ['startedOn', 'plannedEndOn', 'reference', 'person', 'updatedAt', 'state'] as const;

export const caseListQuery = z
  .object({
    /** a state, or "open" for every state but closed */
    state: z.union([caseState, z.literal('open')]).optional(),
    programmeId: z.uuid().optional(),
    ownerId: accountId.optional(),
    teamId: z.uuid().optional(),
    personId: z.uuid().optional(),
    /** only the signed-in account's own cases */
    mine: booleanParam,
    /** due for attention: near/over the maximum duration, planned end near/overdue, or either */
    attention: z.enum(['any', 'max_duration', 'planned_end']).optional(),
    /** a case reference or a part of it (no names: person search is a POST) */
    q: z
      .string()
      .trim()
      .max(40)
      .regex(/^[A-Za-z0-9-]*$/, 'letters, digits and dashes of a case reference')
      .optional(),
    sort: z.enum(CASE_SORTS).default('startedOn'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const caseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: caseState,
  person: z.object({ id: z.uuid(), name: z.string() }),
  programme: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  owner: ref.nullable(),
  team: ref,
  startedOn: isoDate,
  plannedEndOn: isoDate.nullable(),
  extendedUntil: isoDate.nullable(),
  /** the day the case may run until: the extension, else start + maximum duration (null: no limit) */
  limitOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  warnings: z.array(caseWarning),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;
/** `total` is exact up to 5,000 matches; beyond that it stays at 5,000 and `totalCapped` is true. */
export const casePage = pageOf(caseSummary).extend({ totalCapped: z.boolean() });
export type CasePage = z.infer<typeof casePage>;

export const caseDetail = caseSummary.extend({
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: isoDate.nullable(),
    /** Art. 18 GDPR: processing restricted (no editing, no sharing) */
    restricted: z.boolean(),
  }),
  programme: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    maxDurationMonths: z.number().int().nullable(),
    maxExtensionMonths: z.number().int(),
    warnBeforeDays: z.number().int(),
    retentionMonths: z.number().int(),
    active: z.boolean(),
  }),
  /** start + the programme's maximum duration */
  regularEndOn: isoDate.nullable(),
  /** the latest day an extension may reach */
  maxExtendedUntil: isoDate.nullable(),
  extensionReason: z.string().nullable(),
  closingReason: closingReason.nullable(),
  closingNote: z.string().nullable(),
  retentionDueOn: isoDate.nullable(),
  /** active flags (kinds only; reasons on the flags tab) */
  flags: z.array(z.object({ id: z.uuid(), kind: flagKind })),
  /** the states this case may move to now */
  transitions: z.array(caseState),
  may: z.object({ write: z.boolean(), handover: z.boolean(), extend: z.boolean() }),
  createdAt: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const caseEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorLabel: z.string(),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof caseEvent>;
export const caseEventList = z.object({ items: z.array(caseEvent) });
export type CaseEventList = z.infer<typeof caseEventList>;

// ---------------------------------------------------------------------------------------------
// Options for forms and filters, caseload (team view)

export const caseStaffMember = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  teamId: z.uuid().nullable(),
  disabled: z.boolean(),
});
export type CaseStaffMember = z.infer<typeof caseStaffMember>;

export const caseOptions = z.object({
  programmes: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      active: z.boolean(),
      maxDurationMonths: z.number().int().nullable(),
      maxExtensionMonths: z.number().int(),
    }),
  ),
  /** teams in the actor's scope (not archived) */
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** case-management accounts in the actor's scope: possible owners and handover targets */
  staff: z.array(caseStaffMember),
  scope: z.enum(['own', 'team', 'office']),
});
export type CaseOptions = z.infer<typeof caseOptions>;

export const caseloadQuery = z.object({ teamId: z.uuid().optional() }).strict();
export const caseload = z.object({
  items: z.array(
    caseStaffMember.extend({
      /** cases not closed */
      open: z.number().int(),
      closed: z.number().int(),
      /** open cases due for attention (maximum duration or planned end) */
      attention: z.number().int(),
    }),
  ),
});
export type Caseload = z.infer<typeof caseload>;
