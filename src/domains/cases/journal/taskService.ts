import { and, asc, count, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError, badInput } from '../../../errors.ts';
import {
  type Assignee,
  type CaseTask,
  type CaseTaskList,
  type OverdueQuery,
  REMIND_AFTER_DUE_MESSAGE,
  type TaskCreate,
  type TaskList,
  type TaskListItem,
  type TaskUpdate,
} from '../../../shared/contracts/caseJournal.ts';
import { authUser } from '../../auth/auth.table.ts';
import { CASE_ROLES } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { caseScopeSql } from '../case.policy.ts';
import { cases, persons } from '../case.table.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { accountSeesCase, requireAssignee } from './journal.policy.ts';
import { caseTasks } from './journal.table.ts';
import { actorName, columnCipher, conflict, type FieldChange, type JournalDeps, nowOf, recordCorrections, sameValue, todayOf } from './journalCommon.ts';

export type TaskRow = typeof caseTasks.$inferSelect;

/** At most this many tasks in a cross-case list (the total says how many there are). */
const LIST_LIMIT = 300;

const descriptionCipher = (deps: JournalDeps, tenantId: string) => columnCipher(deps.crypto, tenantId, 'case_tasks', 'description_enc');

export function presentTask(deps: JournalDeps, row: TaskRow, assigneeName: string | null): CaseTask {
  const today = todayOf(deps);
  const open = row.doneAt === null;
  return {
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    description: descriptionCipher(deps, row.tenantId).decrypt(row.descriptionEnc) ?? '',
    dueOn: row.dueOn,
    remindOn: row.remindOn,
    assigneeId: row.assigneeId,
    assigneeName: assigneeName ?? '',
    done: !open,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    overdue: open && row.dueOn < today,
    reminderDue: open && row.remindOn !== null && row.remindOn <= today,
  };
}

const taskColumns = { task: caseTasks, assigneeName: authUser.name };

const statusCondition = (status: 'open' | 'done' | 'all'): SQL | undefined =>
  status === 'open' ? isNull(caseTasks.doneAt) : status === 'done' ? isNotNull(caseTasks.doneAt) : undefined;

/** A case's tasks: open ones by due date, then done ones, newest first. */
export async function listCaseTasks(tx: Tx, deps: JournalDeps, caseId: string, status: 'open' | 'done' | 'all'): Promise<CaseTaskList> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const rows = await tx.db
    .select(taskColumns)
    .from(caseTasks)
    .leftJoin(authUser, eq(authUser.id, caseTasks.assigneeId))
    .where(and(eq(caseTasks.caseId, caseId), statusCondition(status)))
    .orderBy(sql`${caseTasks.doneAt} IS NOT NULL`, asc(caseTasks.dueOn), desc(caseTasks.doneAt), asc(caseTasks.id));
  await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_task', caseId, personId: caseRow.personId, details: { count: rows.length, status } });
  return { items: rows.map((r) => presentTask(deps, r.task, r.assigneeName)) };
}

/** Accounts a task of this case can be assigned to (case roles of the tenant that see the case). */
export async function assigneesFor(tx: Tx, deps: JournalDeps, caseId: string): Promise<{ items: Assignee[] }> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const accounts = await tx.db
    .select({ id: authUser.id, name: authUser.name, email: authUser.email, role: authUser.role, teamId: authUser.teamId })
    .from(authUser)
    .where(and(eq(authUser.disabled, false), sql`${authUser.role} IN (${sql.join(CASE_ROLES.map((r) => sql`${r}`), sql`, `)})`))
    .orderBy(asc(authUser.name));
  return {
    items: accounts.filter((a) => accountSeesCase(a, caseRow)).map((a) => ({ id: a.id, name: a.name || a.email, role: a.role })),
  };
}

async function findTask(tx: Tx, caseId: string, taskId: string): Promise<TaskRow> {
  const [row] = await tx.db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId)));
  if (!row) throw new AppError('not_found', 'Task not found');
  return row;
}

export async function createTask(tx: Tx, deps: JournalDeps, caseId: string, input: TaskCreate): Promise<CaseTask> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const assignee = await requireAssignee(tx, caseRow, input.assigneeId ?? deps.actor.userId);
  const now = nowOf(deps);
  const [row] = await tx.db
    .insert(caseTasks)
    .values({
      tenantId: tx.tenantId!,
      caseId,
      personId: caseRow.personId,
      title: input.title,
      descriptionEnc: input.description ? descriptionCipher(deps, tx.tenantId!).encrypt(input.description) : null,
      dueOn: input.dueOn,
      remindOn: input.remindOn ?? null,
      assigneeId: assignee.id,
      createdBy: deps.actor.userId,
      createdByName: actorName(deps.actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await logCaseAccess(tx, deps.actor, {
    action: 'create',
    entityType: 'case_task',
    entityId: row!.id,
    caseId,
    personId: caseRow.personId,
    details: { assigneeId: assignee.id },
  });
  return presentTask(deps, row!, assignee.name);
}

const TASK_FIELDS = ['title', 'description', 'dueOn', 'remindOn', 'assigneeId'] as const;

/** Changes a task (anyone who may write the case): fields, assignee, done/reopened; 409 on a stale version. */
export async function updateTask(tx: Tx, deps: JournalDeps, caseId: string, taskId: string, input: TaskUpdate): Promise<CaseTask> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const row = await findTask(tx, caseId, taskId);
  if (row.version !== input.version) throw conflict();
  const cipher = descriptionCipher(deps, tx.tenantId!);
  const before = {
    title: row.title,
    description: cipher.decrypt(row.descriptionEnc) ?? '',
    dueOn: row.dueOn,
    remindOn: row.remindOn,
    assigneeId: row.assigneeId,
  };
  const after = { ...before };
  if (input.title !== undefined) after.title = input.title;
  if (input.description !== undefined) after.description = input.description;
  if (input.dueOn !== undefined) after.dueOn = input.dueOn;
  if (input.remindOn !== undefined) after.remindOn = input.remindOn;
  if (input.assigneeId !== undefined) after.assigneeId = input.assigneeId;
  if (after.remindOn && after.remindOn > after.dueOn) throw badInput('remindOn', REMIND_AFTER_DUE_MESSAGE);
  let assigneeName: string | null = null;
  if (after.assigneeId !== before.assigneeId) assigneeName = (await requireAssignee(tx, caseRow, after.assigneeId)).name;
  const changes: FieldChange[] = TASK_FIELDS.filter((f) => !sameValue(before[f], after[f])).map((f) => ({ field: f, before: before[f], after: after[f] }));
  const wasDone = row.doneAt !== null;
  const doneChanged = input.done !== undefined && input.done !== wasDone;
  if (!changes.length && !doneChanged) {
    // nothing changed, but the answer shows the task: that is a read
    await logCaseAccess(tx, deps.actor, { action: 'read', entityType: 'case_task', entityId: row.id, caseId, personId: caseRow.personId, details: { unchanged: true } });
    const [account] = await tx.db.select({ name: authUser.name }).from(authUser).where(eq(authUser.id, row.assigneeId));
    return presentTask(deps, row, account?.name ?? null);
  }
  const now = nowOf(deps);
  const [updated] = await tx.db
    .update(caseTasks)
    .set({
      title: after.title,
      descriptionEnc: after.description ? cipher.encrypt(after.description) : null,
      dueOn: after.dueOn,
      remindOn: after.remindOn,
      assigneeId: after.assigneeId,
      ...(doneChanged ? (input.done ? { doneAt: now, doneBy: deps.actor.userId } : { doneAt: null, doneBy: null }) : {}),
      updatedAt: now,
      version: row.version + 1,
    })
    .where(and(eq(caseTasks.id, row.id), eq(caseTasks.version, input.version)))
    .returning();
  if (!updated) throw conflict();
  await recordCorrections(tx, deps, { personId: caseRow.personId, caseId, entityType: 'case_task', entityId: row.id }, changes, null);
  await logCaseAccess(tx, deps.actor, {
    action: 'update',
    entityType: 'case_task',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { fields: [...changes.map((c) => c.field), ...(doneChanged ? ['done'] : [])] },
  });
  if (assigneeName === null) {
    const [account] = await tx.db.select({ name: authUser.name }).from(authUser).where(eq(authUser.id, updated.assigneeId));
    assigneeName = account?.name ?? null;
  }
  return presentTask(deps, updated, assigneeName);
}

async function crossCaseTasks(tx: Tx, deps: JournalDeps, where: SQL[], what: string): Promise<TaskList> {
  const condition = and(caseScopeSql(deps.scope), ...where);
  const rows = await tx.db
    .select({ ...taskColumns, caseReference: cases.reference, givenName: persons.givenName, familyName: persons.familyName })
    .from(caseTasks)
    .innerJoin(cases, and(eq(cases.tenantId, caseTasks.tenantId), eq(cases.id, caseTasks.caseId)))
    .innerJoin(persons, and(eq(persons.tenantId, caseTasks.tenantId), eq(persons.id, caseTasks.personId)))
    .leftJoin(authUser, eq(authUser.id, caseTasks.assigneeId))
    .where(condition)
    .orderBy(sql`${caseTasks.doneAt} IS NOT NULL`, asc(caseTasks.dueOn), asc(caseTasks.id))
    .limit(LIST_LIMIT);
  const [total] = await tx.db
    .select({ n: count() })
    .from(caseTasks)
    .innerJoin(cases, and(eq(cases.tenantId, caseTasks.tenantId), eq(cases.id, caseTasks.caseId)))
    .where(condition);
  await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_task', details: { list: what, count: rows.length } });
  const items: TaskListItem[] = rows.map((r) => ({
    ...presentTask(deps, r.task, r.assigneeName),
    caseReference: r.caseReference,
    personName: `${r.givenName} ${r.familyName}`.trim(),
  }));
  return { items, total: Number(total?.n ?? 0) };
}

/** "My tasks": assigned to the actor, in cases the actor can see; open ones by due date. */
export function myTasks(tx: Tx, deps: JournalDeps, status: 'open' | 'done' | 'all'): Promise<TaskList> {
  const where = [eq(caseTasks.assigneeId, deps.actor.userId)];
  const s = statusCondition(status);
  if (s) where.push(s);
  return crossCaseTasks(tx, deps, where, `mine:${status}`);
}

/**
 * Overdue open tasks: `team` = every case in the actor's scope (manager: own cases, team lead: the
 * team, integration lead: the office or one team); `mine` = assigned to the actor.
 */
export function overdueTasks(tx: Tx, deps: JournalDeps, query: OverdueQuery): Promise<TaskList> {
  const where: SQL[] = [isNull(caseTasks.doneAt), lt(caseTasks.dueOn, todayOf(deps))];
  if (query.scope === 'mine') where.push(eq(caseTasks.assigneeId, deps.actor.userId));
  if (query.teamId) where.push(eq(cases.teamId, query.teamId));
  return crossCaseTasks(tx, deps, where, `overdue:${query.scope}`);
}

/**
 * Hands a case's open tasks from one account to another (for the case handover): returns how many
 * moved. The caller logs the handover; nothing else changes.
 */
export async function reassignOpenTasks(tx: Tx, caseId: string, fromUserId: string, toUserId: string): Promise<number> {
  const moved = await tx.db
    .update(caseTasks)
    .set({ assigneeId: toUserId, updatedAt: new Date(), version: sql`${caseTasks.version} + 1` })
    .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.assigneeId, fromUserId), isNull(caseTasks.doneAt)))
    .returning({ id: caseTasks.id });
  return moved.length;
}
