import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../../db/columns.ts';
import { GOAL_OUTCOMES, GOAL_STATUSES, PLAN_STATUSES, RESPONSIBLES } from '../../../shared/contracts/casePlans.ts';
import { caseSubjectColumns, caseSubjectKeys } from '../caseSubject.ts';
import { planDay } from './planDay.ts';

/**
 * Assessment (Erstgespräch / Bedarfsanalyse) and the versioned integration plan (Integrationsplan,
 * Zielvereinbarung) of a case. Every row names its case and person and is removed with them
 * (ON DELETE CASCADE), so erasing a person erases their assessments, plans and goals.
 */

/** Assessment of one field of action in a case: the texts are encrypted at rest (`_enc`). */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    /** key of a field of action (taxonomy `fields_of_action.key`, e.g. language, work, housing) */
    fieldOfAction: text('field_of_action').notNull(),
    situationEnc: text('situation_enc'),
    needsEnc: text('needs_enc'),
    resourcesEnc: text('resources_enc'),
    updatedBy: text('updated_by'),
    updatedByLabel: text('updated_by_label').notNull().default(''),
    /** optimistic locking: the client sends the version it read */
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('case_assessments_field_unique').on(t.tenantId, t.caseId, t.fieldOfAction),
    ...caseSubjectKeys(t),
    index('case_assessments_person_idx').on(t.tenantId, t.personId),
  ],
);

export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * One version of a case's integration plan. At most one draft and one agreed plan per case; an
 * agreement freezes the version's goals, re-planning copies them into a new draft, and agreeing
 * that draft supersedes the earlier agreement (kept unchanged, readable).
 */
export const casePlans = pgTable(
  'case_plans',
  {
    ...tenantColumns(),
    ...caseSubjectColumns(),
    /** 1, 2, 3 … per case */
    version: integer('version').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    /** the plan runs from this date (deadlines may not lie before it) */
    startsOn: planDay('starts_on').notNull(),
    agreedOn: planDay('agreed_on'),
    agreedBy: text('agreed_by'),
    agreedByLabel: text('agreed_by_label'),
    /** agreed_on + the programme's plan_review_days */
    reviewDueOn: planDay('review_due_on'),
    supersededOn: planDay('superseded_on'),
    /** the plan this draft was copied from (re-planning) */
    previousPlanId: uuid('previous_plan_id'),
    createdBy: text('created_by'),
    createdByLabel: text('created_by_label').notNull().default(''),
    updatedBy: text('updated_by'),
    updatedByLabel: text('updated_by_label').notNull().default(''),
    /** optimistic locking of the whole plan (goals included): the client sends the one it read */
    versionLock: integer('version_lock').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('case_plans_version_unique').on(t.tenantId, t.caseId, t.version),
    uniqueIndex('case_plans_one_draft').on(t.tenantId, t.caseId).where(sql`status = 'draft'`),
    uniqueIndex('case_plans_one_agreed').on(t.tenantId, t.caseId).where(sql`status = 'agreed'`),
    ...caseSubjectKeys(t),
    index('case_plans_person_idx').on(t.tenantId, t.personId),
    index('case_plans_review_idx').on(t.tenantId, t.reviewDueOn).where(sql`status = 'agreed'`),
  ],
);

export type Responsible = (typeof RESPONSIBLES)[number];

export interface GoalStep {
  text: string;
  responsible: Responsible;
  done: boolean;
}

export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** A goal of one plan version, with its steps. Re-planning copies it (same origin_id). */
export const caseGoals = pgTable(
  'case_goals',
  {
    ...tenantColumns(),
    planId: uuid('plan_id').notNull(),
    ...caseSubjectColumns(),
    /** the same goal across plan versions: the id of its first appearance */
    originId: uuid('origin_id').notNull(),
    position: integer('position').notNull().default(0),
    fieldOfAction: text('field_of_action').notNull(),
    title: text('title').notNull(),
    steps: jsonb('steps').$type<GoalStep[]>().notNull().default([]),
    responsible: text('responsible', { enum: RESPONSIBLES }).notNull().default('person'),
    /** e.g. the partner organisation or the named person responsible */
    responsibleName: text('responsible_name'),
    deadline: planDay('deadline'),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: GOAL_OUTCOMES }),
    outcomeOn: planDay('outcome_on'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [casePlans.tenantId, casePlans.id] }).onDelete('cascade'),
    ...caseSubjectKeys(t),
    index('case_goals_plan_idx').on(t.tenantId, t.planId, t.position),
    index('case_goals_case_idx').on(t.tenantId, t.caseId),
    index('case_goals_person_idx').on(t.tenantId, t.personId),
  ],
);
