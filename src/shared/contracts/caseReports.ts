// Caseload dashboard, team view and outcome figures of case management (Integrationsmanagement).
// Shared by the server (route schemas, OpenAPI) and the back office. Browser-safe.
//
// Privacy: dashboard items name cases by id and reference only — never a person's name or id.
// Outcome figures are pseudonymised aggregates (counts, means, medians): no person ids, names or
// case references; the funder export suppresses small cells (see OUTCOME_SUPPRESSION).
import { z } from 'zod';
import { CASE_STATES, CASE_WARNINGS, caseTenantParams, isoDate } from './cases.ts';

export { caseTenantParams };

export const REPORT_SCOPES = ['own', 'team', 'office'] as const;
export const reportScope = z.enum(REPORT_SCOPES);
export type ReportScope = z.infer<typeof reportScope>;

// ---------------------------------------------------------------------------------------------
// Caseload dashboard

export const dashboardQuery = z
  .object({
    /**
     * own: the signed-in account's cases; team: a team's cases (team leads: their team); office:
     * every case (integration lead). Default: the widest scope of the role. A wider scope than the
     * role's is refused (403).
     */
    scope: reportScope.optional(),
    /** integration lead with scope=team: which team (team leads may only name their own) */
    teamId: z.uuid().optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** A case an item is about: its id (link) and reference (no personal data). */
const caseRef = { caseId: z.uuid(), caseReference: z.string() };

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    /** all matching items in the scope */
    total: z.number().int(),
    /** the most urgent ones (at most DASHBOARD_ITEM_LIMIT) */
    items: z.array(item),
  });

export const DASHBOARD_ITEM_LIMIT = 50;

export const managerRow = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  teamId: z.uuid().nullable(),
  disabled: z.boolean(),
  /** cases not closed */
  openCases: z.number().int(),
  /** open tasks assigned to the account whose due day has passed */
  overdueTasks: z.number().int(),
  /** agreed plans of the account's open cases due for review within 14 days (or overdue) */
  reviewsDue: z.number().int(),
  /** open cases near or past their maximum duration or planned end (programme warnBeforeDays) */
  approachingLimits: z.number().int(),
});
export type ManagerRow = z.infer<typeof managerRow>;

export const caseloadDashboard = z.object({
  scope: reportScope,
  /** the team of a team scope, else null */
  teamId: z.uuid().nullable(),
  /** the day the figures refer to (Europe/Berlin) */
  today: isoDate,
  openCases: z.object({
    total: z.number().int(),
    byState: z.array(z.object({ state: z.enum(CASE_STATES), count: z.number().int() })),
  }),
  /** per manager (team and office scope; empty for own) */
  managers: z.array(managerRow),
  tasks: z.object({
    /** open tasks in the scope's cases */
    open: z.number().int(),
    /** overdue tasks in the scope's cases (the team's / the office's) */
    overdue: z.number().int(),
    /** overdue tasks assigned to the signed-in account */
    overdueOwn: z.number().int(),
    /** cases with overdue tasks, oldest due first */
    cases: listOf(z.object({ ...caseRef, overdue: z.number().int(), oldestDueOn: isoDate })),
  }),
  plansDueForReview: listOf(z.object({ ...caseRef, planId: z.uuid(), version: z.number().int(), reviewDueOn: isoDate, days: z.number().int() })),
  approachingLimits: listOf(
    z.object({
      ...caseRef,
      warnings: z.array(z.object({ code: z.enum(CASE_WARNINGS), on: isoDate, days: z.number().int() })),
    }),
  ),
  /** residence permits of persons with an open case expiring within 60 days (or expired) */
  residenceExpiring: listOf(z.object({ ...caseRef, expiresOn: isoDate, days: z.number().int() })),
  /** documents expiring within their reminder period (or expired) */
  documentsExpiring: listOf(z.object({ ...caseRef, documentId: z.uuid(), docType: z.string(), expiresOn: isoDate, days: z.number().int() })),
  activeFlags: listOf(z.object({ ...caseRef, kinds: z.array(z.string()) })).extend({
    byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  }),
});
export type CaseloadDashboard = z.infer<typeof caseloadDashboard>;

export const RESIDENCE_WARN_DAYS = 60;
export const REVIEW_AHEAD_DAYS = 14;

// ---------------------------------------------------------------------------------------------
// Team view (team leads: their team; integration lead: a team or the whole office)

export const teamViewQuery = z.object({ teamId: z.uuid().optional() }).strict();
export const teamView = z.object({
  teamId: z.uuid().nullable(),
  today: isoDate,
  managers: z.array(managerRow),
  /** the sums over the managers (cases without owner included in openCases) */
  totals: z.object({ openCases: z.number().int(), overdueTasks: z.number().int(), reviewsDue: z.number().int(), approachingLimits: z.number().int() }),
});
export type TeamView = z.infer<typeof teamView>;

// ---------------------------------------------------------------------------------------------
// Outcome figures

/**
 * Which cases the goal and referral outcomes describe:
 * - closed: cases closed in the year — their final outcomes (the funder report);
 * - active: cases supported in the year (started before its end, not closed before its start) —
 *   outcomes so far.
 * Case counts (opened, closed, supported, closing reasons, duration) are the same for both.
 */
export const OUTCOME_COHORTS = ['closed', 'active'] as const;

export const outcomeQuery = z
  .object({
    /** the report year (default: the current year); not in the future */
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    cohort: z.enum(OUTCOME_COHORTS).default('closed'),
    programmeId: z.uuid().optional(),
    teamId: z.uuid().optional(),
  })
  .strict();
export type OutcomeQuery = z.infer<typeof outcomeQuery>;

export const outcomeExportQuery = outcomeQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }).strict();
export type OutcomeExportQuery = z.infer<typeof outcomeExportQuery>;

/** Days from agreeing a goal in the plan to reaching it. null without values. */
export const timeToReach = z.object({ n: z.number().int(), medianDays: z.number().nullable(), meanDays: z.number().nullable() });
export type TimeToReach = z.infer<typeof timeToReach>;

export const goalCounts = z.object({
  reached: z.number().int(),
  partly: z.number().int(),
  notReached: z.number().int(),
  /** agreed goals without an outcome yet */
  open: z.number().int(),
  total: z.number().int(),
  /** reached / (reached + partly + not reached); null without any outcome */
  reachedRate: z.number().nullable(),
  timeToReach,
});
export type GoalCounts = z.infer<typeof goalCounts>;

export const outcomeBlock = z.object({
  cases: z.object({
    /** supported in the year: started before its end and not closed before its start */
    active: z.number().int(),
    opened: z.number().int(),
    closed: z.number().int(),
    /** mean days from start to closure of the cases closed in the year */
    meanDurationDays: z.number().nullable(),
    /** a closing reason (see CLOSING_REASONS), 'unknown' where none was recorded */
    closingReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  goals: z.object({
    /** agreed goals (every version of a goal once), per field of action */
    byField: z.array(goalCounts.extend({ field: z.string() })),
    all: goalCounts,
  }),
  referrals: z.object({
    sent: z.number().int(),
    /** accepted by the provider (including those completed later) */
    accepted: z.number().int(),
    rejected: z.number().int(),
    /** completed with the provider's feedback */
    completed: z.number().int(),
    /** accepted / sent, rejected / sent, completed / sent; null without referrals */
    acceptanceRate: z.number().nullable(),
    rejectionRate: z.number().nullable(),
    completionRate: z.number().nullable(),
  }),
});
export type OutcomeBlock = z.infer<typeof outcomeBlock>;

export const outcomeFigures = z.object({
  year: z.number().int(),
  cohort: z.enum(OUTCOME_COHORTS),
  scope: reportScope,
  programmeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  /**
   * Whether the anonymous statistics of erased cases are included. They carry programme and team
   * but no owner, so a manager's own-cases report covers live cases only.
   */
  includesErased: z.boolean(),
  /** field-of-action labels (by language) */
  fields: z.array(z.object({ key: z.string(), names: z.record(z.string(), z.string()) })),
  total: outcomeBlock,
  byProgramme: z.array(outcomeBlock.extend({ programmeId: z.uuid().nullable(), code: z.string().nullable(), name: z.string().nullable() })),
  byTeam: z.array(outcomeBlock.extend({ teamId: z.uuid().nullable(), name: z.string().nullable() })),
});
export type OutcomeFigures = z.infer<typeof outcomeFigures>;

/**
 * Small-cell suppression of the funder export: counts of 1 or 2 are shown as "<3"; a mean, median
 * or rate resting on 1 or 2 values likewise. Where a suppressed count could be worked out from a
 * total and the other cells (a row, a field-of-action column, the programmes or teams adding up to
 * the whole), the smallest further cell is hidden as "•" (secondary suppression). Zero stays 0.
 */
export const OUTCOME_SUPPRESSION = { below: 3, primary: '<3', secondary: '•' } as const;
