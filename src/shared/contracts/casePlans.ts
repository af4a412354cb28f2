// Assessment (Erstgespräch / Bedarfsanalyse) and integration plan (Integrationsplan /
// Zielvereinbarung) of a case: request and response schemas shared by server, OpenAPI and the
// back office. Browser-safe.
import { z } from 'zod';

/** A calendar day, YYYY-MM-DD. */
export const planDate = z.iso.date('a date like 2026-03-31');

/** The key of a field of action (taxonomy `fields_of_action.key`). */
export const fieldOfActionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'the key of a field of action, e.g. language');

/** The fields every integration plan can use, in this order (the tenant's taxonomy may add more). */
export const CORE_FIELDS_OF_ACTION = ['language', 'education', 'work', 'housing', 'health', 'family', 'residence', 'participation'] as const;

export const PLAN_STATUSES = ['draft', 'agreed', 'superseded'] as const;
export const GOAL_STATUSES = ['open', 'in_progress', 'done'] as const;
export const GOAL_OUTCOMES = ['reached', 'partly', 'not_reached'] as const;
export const RESPONSIBLES = ['person', 'manager', 'partner'] as const;

/** The languages of the goal agreement PDF (the navigator's nine). */
export const PDF_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

export const caseParams = z.object({ tenant: z.string().max(63), caseId: z.uuid() }).strict();
export const assessmentFieldParams = z.object({ tenant: z.string().max(63), caseId: z.uuid(), field: z.string().max(60) }).strict();
export const planParams = z.object({ tenant: z.string().max(63), caseId: z.uuid(), planId: z.uuid() }).strict();
export const goalParams = z.object({ tenant: z.string().max(63), caseId: z.uuid(), planId: z.uuid(), goalId: z.uuid() }).strict();

export const fieldOfActionOption = z.object({
  key: z.string(),
  /** names per language from the tenant's taxonomy (German always) */
  names: z.record(z.string(), z.string()),
  color: z.string(),
});
export type FieldOfActionOption = z.infer<typeof fieldOfActionOption>;

/** Why the plan or assessment cannot be changed right now (null: it can). */
export const lockReason = z.enum(['restricted', 'closed']).nullable();

// ---- assessment ------------------------------------------------------------------------------

const assessmentText = z.string().max(20000);

export const assessmentEntry = z.object({
  fieldOfAction: z.string(),
  situation: z.string(),
  needs: z.string(),
  resources: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AssessmentEntry = z.infer<typeof assessmentEntry>;

export const assessmentResponse = z.object({
  caseId: z.uuid(),
  fieldsOfAction: z.array(fieldOfActionOption),
  entries: z.array(assessmentEntry),
  lockedBecause: lockReason,
});
export type AssessmentResponse = z.infer<typeof assessmentResponse>;

export const assessmentInput = z
  .object({
    situation: assessmentText.default(''),
    needs: assessmentText.default(''),
    resources: assessmentText.default(''),
    /** the version read; 0 when the field had no assessment yet */
    version: z.number().int().min(0),
  })
  .strict();
export type AssessmentInput = z.input<typeof assessmentInput>;

// ---- plan ------------------------------------------------------------------------------------

export const goalStep = z
  .object({
    text: z.string().trim().min(1).max(2000),
    responsible: z.enum(RESPONSIBLES).default('person'),
    done: z.boolean().default(false),
  })
  .strict();
export type GoalStepInput = z.input<typeof goalStep>;

export const goalInput = z
  .object({
    /** an existing goal of this plan; leave out for a new one */
    id: z.uuid().nullable().optional(),
    fieldOfAction: fieldOfActionKey,
    title: z.string().trim().min(1).max(500),
    steps: z.array(goalStep).max(50).default([]),
    responsible: z.enum(RESPONSIBLES).default('person'),
    /** e.g. the partner organisation */
    responsibleName: z.string().trim().max(200).nullable().optional(),
    deadline: planDate.nullable().optional(),
    status: z.enum(GOAL_STATUSES).default('open'),
    outcome: z.enum(GOAL_OUTCOMES).nullable().optional(),
    outcomeOn: planDate.nullable().optional(),
  })
  .strict();
export type GoalInput = z.input<typeof goalInput>;

/** Replaces a draft's start date and goals (the whole list, in order). */
export const planUpdateInput = z
  .object({
    /** the plan's lockVersion as read: a concurrent change answers 409 conflict */
    lockVersion: z.number().int().min(1),
    startsOn: planDate,
    goals: z.array(goalInput).max(100),
  })
  .strict();
export type PlanUpdateInput = z.input<typeof planUpdateInput>;

/** Starts a plan: the first draft, or a new draft version copying the agreed goals (re-planning). */
export const planCreateInput = z
  .object({
    startsOn: planDate.optional(),
  })
  .strict();

export const planAgreeInput = z
  .object({
    lockVersion: z.number().int().min(1),
    /** the day of the agreement (default: today); not in the future, not before the plan's start */
    agreedOn: planDate.optional(),
  })
  .strict();

/** Progress on the current plan (also an agreed one): status, steps done, outcome. */
export const goalProgressInput = z
  .object({
    lockVersion: z.number().int().min(1),
    status: z.enum(GOAL_STATUSES),
    /** done flag per step, in the goal's step order */
    stepsDone: z.array(z.boolean()).max(50),
    outcome: z.enum(GOAL_OUTCOMES).nullable(),
    outcomeOn: planDate.nullable(),
  })
  .strict();
export type GoalProgressInput = z.input<typeof goalProgressInput>;

export const planDiscardQuery = z.object({ lockVersion: z.coerce.number().int().min(1) }).strict();

export const goal = z.object({
  id: z.uuid(),
  originId: z.uuid(),
  position: z.number().int(),
  fieldOfAction: z.string(),
  title: z.string(),
  steps: z.array(z.object({ text: z.string(), responsible: z.enum(RESPONSIBLES), done: z.boolean() })),
  responsible: z.enum(RESPONSIBLES),
  responsibleName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  outcome: z.enum(GOAL_OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
});
export type Goal = z.infer<typeof goal>;

export const plan = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  startsOn: z.string(),
  agreedOn: z.string().nullable(),
  agreedBy: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  supersededOn: z.string().nullable(),
  previousPlanId: z.uuid().nullable(),
  /** send it back with every change (optimistic locking) */
  lockVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** what may be changed: everything (draft), progress only (the current agreement), nothing */
  editable: z.enum(['full', 'progress', 'none']),
  goals: z.array(goal),
});
export type Plan = z.infer<typeof plan>;

export const planListItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  startsOn: z.string(),
  agreedOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  supersededOn: z.string().nullable(),
  goalCount: z.number().int(),
  updatedAt: z.string(),
});
export type PlanListItem = z.infer<typeof planListItem>;

export const planOverview = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  caseStartedOn: z.string(),
  fieldsOfAction: z.array(fieldOfActionOption),
  /** newest first */
  plans: z.array(planListItem),
  draftPlanId: z.uuid().nullable(),
  agreedPlanId: z.uuid().nullable(),
  /** the languages of the goal agreement: German, and the person's language if it is one of the nine */
  pdfLanguages: z.array(z.enum(PDF_LANGUAGES)),
  lockedBecause: lockReason,
});
export type PlanOverview = z.infer<typeof planOverview>;

export const planPdfQuery = z
  .object({
    /** the translated section's language (default: the person's language); de = German only */
    lang: z.enum(PDF_LANGUAGES).optional(),
  })
  .strict();
