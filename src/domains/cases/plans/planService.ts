import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import {
  type GoalInput,
  type GoalProgressInput,
  goalInput as goalInputSchema,
  PDF_LANGUAGES,
  type PdfLanguage,
  type Plan,
  type PlanListItem,
  type PlanOverview,
} from '../../../shared/contracts/casePlans.ts';
import type { Actor } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { casePrograms } from '../case.table.ts';
import type { CaseRow, PersonRow } from '../caseLookup.ts';
import { fieldOptions, requireKnownField } from './fieldsOfAction.ts';
import { addDays, today as todayIn } from './planDay.ts';
import { checkOutcome, lockReasonOf, requireNotBefore, requireNotFuture, requireOpenCase } from './planRules.ts';
import { caseGoals, casePlans, type GoalStep } from './plans.table.ts';

export type PlanRow = typeof casePlans.$inferSelect;
export type GoalRow = typeof caseGoals.$inferSelect;
type Found = { case: CaseRow; person: PersonRow };
type ParsedGoal = ReturnType<typeof goalInputSchema.parse>;

const authorLabel = (actor: Actor) => actor.name || actor.email;

export function presentGoal(row: GoalRow): Plan['goals'][number] {
  return {
    id: row.id,
    originId: row.originId,
    position: row.position,
    fieldOfAction: row.fieldOfAction,
    title: row.title,
    steps: row.steps.map((s) => ({ text: s.text, responsible: s.responsible, done: s.done })),
    responsible: row.responsible,
    responsibleName: row.responsibleName,
    deadline: row.deadline,
    status: row.status,
    outcome: row.outcome,
    outcomeOn: row.outcomeOn,
  };
}

export function presentPlan(row: PlanRow, goals: GoalRow[], editable: Plan['editable']): Plan {
  return {
    id: row.id,
    caseId: row.caseId,
    version: row.version,
    status: row.status,
    startsOn: row.startsOn,
    agreedOn: row.agreedOn,
    agreedBy: row.agreedByLabel,
    reviewDueOn: row.reviewDueOn,
    supersededOn: row.supersededOn,
    previousPlanId: row.previousPlanId,
    lockVersion: row.versionLock,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByLabel || row.createdByLabel,
    editable,
    goals: goals.map(presentGoal),
  };
}

/** The language of the translated goal agreement: the preferred one, else the first spoken one of the nine. */
export function personPdfLanguage(person: Pick<PersonRow, 'preferredLanguage' | 'languages'>): PdfLanguage | null {
  const known = (code: string | null | undefined): code is PdfLanguage => !!code && (PDF_LANGUAGES as readonly string[]).includes(code);
  if (known(person.preferredLanguage)) return person.preferredLanguage;
  const first = person.languages[0];
  return known(first) ? first : null;
}

async function plansOfCase(tx: Tx, caseId: string): Promise<PlanRow[]> {
  return tx.db.select().from(casePlans).where(eq(casePlans.caseId, caseId)).orderBy(desc(casePlans.version));
}

async function goalsOf(tx: Tx, planId: string): Promise<GoalRow[]> {
  return tx.db.select().from(caseGoals).where(eq(caseGoals.planId, planId)).orderBy(asc(caseGoals.position), asc(caseGoals.createdAt));
}

/** What may be changed in a plan: the draft fully, the current agreement (no newer draft) its progress. */
async function editableOf(tx: Tx, found: Found, plan: PlanRow): Promise<Plan['editable']> {
  if (lockReasonOf(found)) return 'none';
  if (plan.status === 'draft') return 'full';
  if (plan.status === 'superseded') return 'none';
  const [newer] = await tx.db
    .select({ n: count() })
    .from(casePlans)
    .where(and(eq(casePlans.caseId, plan.caseId), sql`${casePlans.version} > ${plan.version}`));
  return (newer?.n ?? 0) > 0 ? 'none' : 'progress';
}

/** A plan of this case (else 404: the id may belong to another case, team or tenant). */
export async function requirePlan(tx: Tx, caseId: string, planId: string): Promise<PlanRow> {
  const [row] = await tx.db
    .select()
    .from(casePlans)
    .where(and(eq(casePlans.id, planId), eq(casePlans.caseId, caseId)));
  if (!row) throw new AppError('not_found', 'Plan not found');
  return row;
}

/** The versions of a case's plan (newest first), logged as a read. */
export async function planOverview(tx: Tx, actor: Actor, found: Found): Promise<PlanOverview> {
  const plans = await plansOfCase(tx, found.case.id);
  const counts = plans.length
    ? await tx.db
        .select({ planId: caseGoals.planId, n: count() })
        .from(caseGoals)
        .where(inArray(
          caseGoals.planId,
          plans.map((p) => p.id),
        ))
        .groupBy(caseGoals.planId)
    : [];
  const goalCount = new Map(counts.map((c) => [c.planId, Number(c.n)]));
  await logCaseAccess(tx, actor, {
    action: 'read',
    entityType: 'plan',
    entityId: null,
    personId: found.person.id,
    caseId: found.case.id,
    details: { versions: plans.length },
  });
  const lang = personPdfLanguage(found.person);
  return {
    caseId: found.case.id,
    caseReference: found.case.reference,
    caseStartedOn: found.case.startedOn,
    fieldsOfAction: await fieldOptions(tx),
    plans: plans.map(
      (p): PlanListItem => ({
        id: p.id,
        version: p.version,
        status: p.status,
        startsOn: p.startsOn,
        agreedOn: p.agreedOn,
        reviewDueOn: p.reviewDueOn,
        supersededOn: p.supersededOn,
        goalCount: goalCount.get(p.id) ?? 0,
        updatedAt: p.updatedAt.toISOString(),
      }),
    ),
    draftPlanId: plans.find((p) => p.status === 'draft')?.id ?? null,
    agreedPlanId: plans.find((p) => p.status === 'agreed')?.id ?? null,
    pdfLanguages: lang && lang !== 'de' ? ['de', lang] : ['de'],
    lockedBecause: lockReasonOf(found),
  };
}

/** One plan version with its goals, logged as a read. */
export async function readPlan(tx: Tx, actor: Actor, found: Found, planId: string): Promise<Plan> {
  const plan = await requirePlan(tx, found.case.id, planId);
  await logCaseAccess(tx, actor, {
    action: 'read',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { version: plan.version, status: plan.status },
  });
  return presentPlan(plan, await goalsOf(tx, plan.id), await editableOf(tx, found, plan));
}

/**
 * Starts a plan version: the first draft (from the case's start), or — when an agreement exists —
 * a new draft copying its goals (re-planning; the agreement stays valid and unchanged until the
 * new version is agreed). There is at most one draft.
 */
export async function createPlan(tx: Tx, actor: Actor, found: Found, input: { startsOn?: string | undefined }): Promise<Plan> {
  requireOpenCase(found);
  const plans = await plansOfCase(tx, found.case.id);
  const draft = plans.find((p) => p.status === 'draft');
  if (draft) {
    throw new AppError('conflict', `A draft (version ${draft.version}) already exists: change it instead of starting another one`, {
      field: 'status',
      details: { draftPlanId: draft.id },
    });
  }
  const agreed = plans.find((p) => p.status === 'agreed');
  const now = todayIn();
  const startsOn = input.startsOn ?? (agreed ? (now < found.case.startedOn ? found.case.startedOn : now) : found.case.startedOn);
  requireNotBefore(startsOn, found.case.startedOn, 'startsOn', 'the start of the case');
  const version = (plans[0]?.version ?? 0) + 1;
  const [row] = await tx.db
    .insert(casePlans)
    .values({
      tenantId: found.case.tenantId,
      caseId: found.case.id,
      personId: found.person.id,
      version,
      status: 'draft',
      startsOn,
      previousPlanId: agreed?.id ?? null,
      createdBy: actor.userId,
      createdByLabel: authorLabel(actor),
      updatedBy: actor.userId,
      updatedByLabel: authorLabel(actor),
    })
    .returning();
  const plan = row!;
  let goals: GoalRow[] = [];
  if (agreed) {
    const previous = await goalsOf(tx, agreed.id);
    if (previous.length) {
      goals = await tx.db
        .insert(caseGoals)
        .values(
          previous.map((g) => ({
            tenantId: g.tenantId,
            planId: plan.id,
            caseId: g.caseId,
            personId: found.person.id,
            originId: g.originId,
            position: g.position,
            fieldOfAction: g.fieldOfAction,
            title: g.title,
            steps: g.steps,
            responsible: g.responsible,
            responsibleName: g.responsibleName,
            deadline: g.deadline,
            status: g.status,
            outcome: g.outcome,
            outcomeOn: g.outcomeOn,
          })),
        )
        .returning();
      goals.sort((a, b) => a.position - b.position);
    }
  }
  await logCaseAccess(tx, actor, {
    action: 'create',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { version, copiedFrom: agreed?.id ?? null, goals: goals.length },
  });
  return presentPlan(plan, goals, 'full');
}

/**
 * Takes the optimistic lock: bumps the plan's lock version if it is still the one the client read.
 * On PostgreSQL a concurrent writer waits for this row and then finds the version changed, so
 * exactly one of two simultaneous changes wins; the other gets 409 and writes nothing.
 */
async function takeLock(tx: Tx, actor: Actor, plan: PlanRow, lockVersion: number): Promise<PlanRow> {
  if (plan.versionLock !== lockVersion) throw planConflict(plan.versionLock);
  const [row] = await tx.db
    .update(casePlans)
    .set({ versionLock: sql`${casePlans.versionLock} + 1`, updatedBy: actor.userId, updatedByLabel: authorLabel(actor), updatedAt: sql`now()` })
    .where(and(eq(casePlans.id, plan.id), eq(casePlans.versionLock, lockVersion)))
    .returning();
  if (!row) throw planConflict(lockVersion + 1);
  return row;
}

function planConflict(current: number): AppError {
  return new AppError(
    'conflict',
    'This plan was changed by someone else in the meantime. Your input has not been saved: reload the plan and enter your changes again.',
    { field: 'lockVersion', details: { currentLockVersion: current } },
  );
}

function requireDraft(plan: PlanRow): void {
  if (plan.status !== 'draft') {
    throw new AppError(
      'invalid_state_transition',
      plan.status === 'agreed'
        ? 'This plan version is agreed and frozen: start a new version (re-planning) to change its goals'
        : 'This plan version was superseded by a later agreement and cannot be changed',
      { field: 'status' },
    );
  }
}

/** Validates the goals of a draft; every error names its field, e.g. goals.2.deadline. */
function checkGoals(
  goals: ParsedGoal[],
  ctx: { fields: Awaited<ReturnType<typeof fieldOptions>>; startsOn: string; caseStartedOn: string; today: string; existing: Map<string, GoalRow> },
): void {
  const earliest = ctx.startsOn > ctx.caseStartedOn ? ctx.startsOn : ctx.caseStartedOn;
  const what = ctx.startsOn > ctx.caseStartedOn ? 'the start of the plan' : 'the start of the case';
  const seen = new Set<string>();
  goals.forEach((g, i) => {
    const prefix = `goals.${i}.`;
    if (g.id) {
      if (!ctx.existing.has(g.id)) throw new AppError('validation_failed', 'This goal does not belong to this plan', { field: `${prefix}id` });
      if (seen.has(g.id)) throw new AppError('validation_failed', 'The same goal appears twice', { field: `${prefix}id` });
      seen.add(g.id);
    }
    requireKnownField(ctx.fields, g.fieldOfAction, `${prefix}fieldOfAction`);
    // A goal carried over from an earlier version keeps its deadline as agreed, even when it lies
    // before the new version's start; a new or changed deadline must not.
    const carried = g.id ? ctx.existing.get(g.id)?.deadline === g.deadline : false;
    if (g.deadline && !carried) requireNotBefore(g.deadline, earliest, `${prefix}deadline`, what);
    checkOutcome(g.outcome, g.outcomeOn, { today: ctx.today, caseStartedOn: ctx.caseStartedOn, prefix });
  });
}

/** Replaces a draft's start and goals (in order); goals keep their identity by id. */
export async function updateDraft(
  tx: Tx,
  actor: Actor,
  found: Found,
  planId: string,
  input: { lockVersion: number; startsOn: string; goals: GoalInput[] },
): Promise<Plan> {
  requireOpenCase(found);
  const plan = await requirePlan(tx, found.case.id, planId);
  requireDraft(plan);
  const goals = input.goals.map((g) => goalInputSchema.parse(g));
  requireNotBefore(input.startsOn, found.case.startedOn, 'startsOn', 'the start of the case');
  const before = await goalsOf(tx, plan.id);
  checkGoals(goals, {
    fields: await fieldOptions(tx),
    startsOn: input.startsOn,
    caseStartedOn: found.case.startedOn,
    today: todayIn(),
    existing: new Map(before.map((g) => [g.id, g])),
  });
  const locked = await takeLock(tx, actor, plan, input.lockVersion);
  let row = locked;
  if (input.startsOn !== plan.startsOn) {
    [row] = (await tx.db.update(casePlans).set({ startsOn: input.startsOn }).where(eq(casePlans.id, plan.id)).returning()) as [PlanRow];
  }
  const keep = new Set(goals.map((g) => g.id).filter((id): id is string => !!id));
  const removed = before.filter((g) => !keep.has(g.id)).map((g) => g.id);
  if (removed.length) await tx.db.delete(caseGoals).where(and(eq(caseGoals.planId, plan.id), inArray(caseGoals.id, removed)));
  const values = (g: ParsedGoal, position: number) => ({
    position,
    fieldOfAction: g.fieldOfAction,
    title: g.title,
    steps: g.steps.map((s): GoalStep => ({ text: s.text, responsible: s.responsible, done: s.done })),
    responsible: g.responsible,
    responsibleName: g.responsibleName?.trim() ? g.responsibleName.trim() : null,
    deadline: g.deadline ?? null,
    status: g.outcome ? ('done' as const) : g.status,
    outcome: g.outcome ?? null,
    outcomeOn: g.outcomeOn ?? null,
  });
  for (const [position, g] of goals.entries()) {
    if (g.id) {
      await tx.db
        .update(caseGoals)
        .set({ ...values(g, position), updatedAt: sql`now()` })
        .where(and(eq(caseGoals.id, g.id), eq(caseGoals.planId, plan.id)));
    } else {
      const id = crypto.randomUUID();
      await tx.db.insert(caseGoals).values({
        tenantId: plan.tenantId,
        id,
        originId: id,
        planId: plan.id,
        caseId: plan.caseId,
        personId: found.person.id,
        ...values(g, position),
      });
    }
  }
  const changed = [
    ...(input.startsOn !== plan.startsOn ? ['startsOn'] : []),
    ...(removed.length || goals.some((g) => !g.id) || goals.length !== before.length ? ['goals'] : []),
  ];
  await logCaseAccess(tx, actor, {
    action: 'update',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { version: plan.version, goals: goals.length, added: goals.filter((g) => !g.id).length, removed: removed.length, changed },
  });
  return presentPlan(row, await goalsOf(tx, plan.id), 'full');
}

/**
 * Zielvereinbarung: freezes the draft (status agreed, agreed_on, review due after the programme's
 * plan_review_days) and supersedes the earlier agreement, which stays readable unchanged.
 */
export async function agreePlan(tx: Tx, actor: Actor, found: Found, planId: string, input: { lockVersion: number; agreedOn?: string | undefined }): Promise<Plan> {
  requireOpenCase(found);
  const plan = await requirePlan(tx, found.case.id, planId);
  requireDraft(plan);
  const now = todayIn();
  const agreedOn = input.agreedOn ?? now;
  requireNotFuture(agreedOn, now, 'agreedOn');
  requireNotBefore(agreedOn, plan.startsOn, 'agreedOn', 'the start of the plan');
  const goals = await goalsOf(tx, plan.id);
  if (!goals.length) throw new AppError('validation_failed', 'A plan needs at least one goal before it can be agreed', { field: 'goals' });
  const plans = await plansOfCase(tx, found.case.id);
  const previous = plans.find((p) => p.status === 'agreed');
  if (previous?.agreedOn) requireNotBefore(agreedOn, previous.agreedOn, 'agreedOn', 'the earlier agreement');
  const [programme] = await tx.db.select({ planReviewDays: casePrograms.planReviewDays }).from(casePrograms).where(eq(casePrograms.id, found.case.programmeId));
  await takeLock(tx, actor, plan, input.lockVersion);
  if (previous) {
    await tx.db.update(casePlans).set({ status: 'superseded', supersededOn: agreedOn, updatedAt: sql`now()` }).where(eq(casePlans.id, previous.id));
  }
  const [row] = await tx.db
    .update(casePlans)
    .set({
      status: 'agreed',
      agreedOn,
      agreedBy: actor.userId,
      agreedByLabel: authorLabel(actor),
      reviewDueOn: addDays(agreedOn, programme?.planReviewDays ?? 180),
    })
    .where(eq(casePlans.id, plan.id))
    .returning();
  await logCaseAccess(tx, actor, {
    action: 'update',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { version: plan.version, change: 'agreed', supersededPlanId: previous?.id ?? null, goals: goals.length },
  });
  return presentPlan(row!, goals, 'progress');
}

/**
 * Progress of one goal (status, steps done, outcome with its date) on the current plan version: the
 * draft, or the agreement when no newer draft exists. The goal's texts stay as agreed.
 */
export async function recordProgress(tx: Tx, actor: Actor, found: Found, planId: string, goalId: string, input: GoalProgressInput): Promise<Plan> {
  requireOpenCase(found);
  const plan = await requirePlan(tx, found.case.id, planId);
  const editable = await editableOf(tx, found, plan);
  if (editable === 'none') {
    throw new AppError(
      'invalid_state_transition',
      plan.status === 'superseded'
        ? 'This plan version was superseded by a later agreement and cannot be changed'
        : 'A newer draft of this plan exists: record the progress there',
      { field: 'status' },
    );
  }
  const [goal] = await tx.db
    .select()
    .from(caseGoals)
    .where(and(eq(caseGoals.id, goalId), eq(caseGoals.planId, plan.id)));
  if (!goal) throw new AppError('not_found', 'Goal not found');
  if (input.stepsDone.length !== goal.steps.length) {
    throw new AppError('validation_failed', `The goal has ${goal.steps.length} steps: send one done flag per step`, { field: 'stepsDone' });
  }
  checkOutcome(input.outcome, input.outcomeOn, { today: todayIn(), caseStartedOn: found.case.startedOn, prefix: '' });
  await takeLock(tx, actor, plan, input.lockVersion);
  const steps = goal.steps.map((s, i): GoalStep => ({ ...s, done: input.stepsDone[i] ?? s.done }));
  const status = input.outcome ? 'done' : input.status;
  await tx.db
    .update(caseGoals)
    .set({ steps, status, outcome: input.outcome, outcomeOn: input.outcomeOn, updatedAt: sql`now()` })
    .where(eq(caseGoals.id, goal.id));
  const changed = [
    ...(status !== goal.status ? ['status'] : []),
    ...(steps.some((s, i) => s.done !== goal.steps[i]?.done) ? ['steps'] : []),
    ...(input.outcome !== goal.outcome ? ['outcome'] : []),
    ...(input.outcomeOn !== goal.outcomeOn ? ['outcomeOn'] : []),
  ];
  await logCaseAccess(tx, actor, {
    action: 'update',
    entityType: 'goal',
    entityId: goal.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { planId: plan.id, version: plan.version, changed },
  });
  const fresh = await requirePlan(tx, found.case.id, plan.id);
  return presentPlan(fresh, await goalsOf(tx, plan.id), editable);
}

/** Discards a draft (the agreement it was copied from stays in force). */
export async function discardDraft(tx: Tx, actor: Actor, found: Found, planId: string, lockVersion: number): Promise<void> {
  requireOpenCase(found);
  const plan = await requirePlan(tx, found.case.id, planId);
  requireDraft(plan);
  await takeLock(tx, actor, plan, lockVersion);
  await tx.db.delete(casePlans).where(eq(casePlans.id, plan.id));
  await logCaseAccess(tx, actor, {
    action: 'delete',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { version: plan.version },
  });
}

/** Everything the goal agreement PDF shows (read in the caller's transaction). */
export async function planForPrint(tx: Tx, found: Found, planId: string): Promise<{ plan: PlanRow; goals: GoalRow[] }> {
  const plan = await requirePlan(tx, found.case.id, planId);
  return { plan, goals: await goalsOf(tx, plan.id) };
}
