import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { NetworkTask, TaskInput, TaskListQuery, TaskStatus, TaskUpdate } from '../../shared/contracts/networks.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { today } from '../actors/day.ts';
import { networkTasks } from './networks.table.ts';

export type TaskRow = typeof networkTasks.$inferSelect;

const OPEN: TaskStatus[] = ['open', 'in_progress'];

/** Staff accounts that can own a task: the office's network users (as offered by `staffAccounts`). */
const OWNER_ROLES = ['tenant_admin', 'office_editor'];

interface TaskRowJoined {
  id: string;
  group_id: string;
  group_name: string;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: Date | string | null;
  title: string;
  description: string;
  owner_contact_id: string | null;
  owner_contact_name: string | null;
  owner_account_id: string | null;
  owner_account_name: string | null;
  due_on: string | null;
  status: TaskStatus;
  completed_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  total: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function presentTask(r: TaskRowJoined, day: string): NetworkTask {
  return {
    id: r.id,
    group: { id: r.group_id, name: r.group_name },
    meeting: r.meeting_id ? { id: r.meeting_id, title: r.meeting_title ?? '', startsAt: iso(r.meeting_starts_at)! } : null,
    title: r.title,
    description: r.description,
    owner: r.owner_contact_id
      ? { type: 'contact', id: r.owner_contact_id, name: r.owner_contact_name ?? '' }
      : r.owner_account_id
        ? { type: 'account', id: r.owner_account_id, name: r.owner_account_name ?? '' }
        : null,
    dueOn: r.due_on,
    status: r.status,
    overdue: OPEN.includes(r.status) && r.due_on !== null && r.due_on < day,
    completedAt: iso(r.completed_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** The task list across all groups: open / overdue / done …, by group and owner; soonest deadline first. */
export async function listTasks(tx: Tx, query: TaskListQuery, extra: { meetingId?: string; taskId?: string } = {}): Promise<{ items: NetworkTask[]; total: number }> {
  const values: unknown[] = [];
  const p = (v: unknown) => `$${values.push(v)}`;
  const day = today();
  const where: string[] = [];
  if (query.status === 'open') where.push(`t.status IN ('open', 'in_progress')`);
  else if (query.status === 'overdue') where.push(`t.status IN ('open', 'in_progress') AND t.due_on < ${p(day)}::date`);
  else if (query.status !== 'all') where.push(`t.status = ${p(query.status)}`);
  if (query.groupId) where.push(`t.group_id = ${p(query.groupId)}`);
  if (query.ownerContactId) where.push(`t.owner_contact_id = ${p(query.ownerContactId)}`);
  if (query.ownerAccountId) where.push(`t.owner_account_id = ${p(query.ownerAccountId)}`);
  if (extra.meetingId) where.push(`t.meeting_id = ${p(extra.meetingId)}`);
  if (extra.taskId) where.push(`t.id = ${p(extra.taskId)}`);
  const rows = await tx.query<TaskRowJoined>(
    `SELECT t.id, t.group_id, g.name AS group_name, t.meeting_id, m.title AS meeting_title, m.starts_at AS meeting_starts_at,
            t.title, t.description, t.owner_contact_id, c.name AS owner_contact_name, t.owner_account_id, u.name AS owner_account_name,
            t.due_on::text AS due_on, t.status, t.completed_at, t.created_at, t.updated_at, count(*) OVER ()::int AS total
     FROM network_tasks t
     JOIN network_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
     LEFT JOIN network_meetings m ON m.tenant_id = t.tenant_id AND m.id = t.meeting_id
     LEFT JOIN contacts c ON c.tenant_id = t.tenant_id AND c.id = t.owner_contact_id
     LEFT JOIN auth_user u ON u.id = t.owner_account_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY t.status IN ('done', 'cancelled'), t.due_on NULLS LAST, t.created_at, t.id
     LIMIT ${p(query.pageSize)} OFFSET ${p((query.page - 1) * query.pageSize)}`,
    values,
  );
  return { items: rows.map((r) => presentTask(r, day)), total: rows[0]?.total ?? 0 };
}

export async function requireTask(tx: Tx, id: string): Promise<TaskRow> {
  const [row] = await tx.db.select().from(networkTasks).where(eq(networkTasks.id, id));
  if (!row) throw new AppError('not_found', 'Task not found');
  return row;
}

export async function presentTaskById(tx: Tx, id: string): Promise<NetworkTask> {
  const { items } = await listTasks(tx, { status: 'all', page: 1, pageSize: 1 }, { taskId: id });
  if (!items[0]) throw new AppError('not_found', 'Task not found');
  return items[0];
}

/** Owners must exist in this tenant: a contact, or an active staff account of the office. */
async function checkOwner(tx: Tx, owner: { ownerContactId?: string | null; ownerAccountId?: string | null }): Promise<void> {
  if (owner.ownerContactId && !(await tx.query('SELECT 1 FROM contacts WHERE id = $1', [owner.ownerContactId])).length) {
    throw new AppError('validation_failed', 'Unknown contact', { field: 'ownerContactId' });
  }
  if (owner.ownerAccountId) {
    const [account] = await tx.query<{ disabled: boolean; role: string }>('SELECT disabled, role FROM auth_user WHERE id = $1 AND tenant_id = $2', [
      owner.ownerAccountId,
      tx.tenantId,
    ]);
    if (!account || account.disabled || !OWNER_ROLES.includes(account.role)) throw new AppError('validation_failed', 'Unknown staff account', { field: 'ownerAccountId' });
  }
}

export async function createTask(tx: Tx, author: Author, input: TaskInput): Promise<string> {
  const [group] = await tx.query<{ id: string }>('SELECT id FROM network_groups WHERE id = $1', [input.groupId]);
  if (!group) throw new AppError('validation_failed', 'Unknown group', { field: 'groupId' });
  if (input.meetingId) {
    const [meeting] = await tx.query<{ group_id: string }>('SELECT group_id FROM network_meetings WHERE id = $1', [input.meetingId]);
    if (!meeting) throw new AppError('validation_failed', 'Unknown meeting', { field: 'meetingId' });
    if (meeting.group_id !== input.groupId) throw new AppError('validation_failed', 'The meeting belongs to another group', { field: 'meetingId' });
  }
  await checkOwner(tx, input);
  const done = input.status === 'done';
  const [row] = await tx.db
    .insert(networkTasks)
    .values({
      tenantId: tx.tenantId!,
      groupId: input.groupId,
      meetingId: input.meetingId ?? null,
      title: input.title,
      description: input.description,
      ownerContactId: input.ownerContactId ?? null,
      ownerAccountId: input.ownerAccountId ?? null,
      dueOn: input.dueOn ?? null,
      status: input.status,
      completedAt: done ? new Date() : null,
    })
    .returning({ id: networkTasks.id });
  await writeAudit(tx, {
    ...author,
    action: 'task.created',
    entityType: 'network_task',
    entityId: row!.id,
    details: { groupId: input.groupId, meetingId: input.meetingId ?? null, dueOn: input.dueOn ?? null, status: input.status },
  });
  return row!.id;
}

export async function updateTask(tx: Tx, author: Author, before: TaskRow, input: TaskUpdate): Promise<void> {
  await checkOwner(tx, input);
  const next: Partial<TaskRow> = { ...input };
  // Naming one kind of owner replaces the other.
  if (input.ownerContactId) next.ownerAccountId = null;
  if (input.ownerAccountId) next.ownerContactId = null;
  if (input.status && input.status !== before.status) next.completedAt = input.status === 'done' ? new Date() : null;
  const changes = changedFields(before, next, ['title', 'description', 'ownerContactId', 'ownerAccountId', 'dueOn', 'status']);
  if (!Object.keys(changes).length) return;
  await tx.db
    .update(networkTasks)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(networkTasks.id, before.id));
  await writeAudit(tx, { ...author, action: 'task.updated', entityType: 'network_task', entityId: before.id, details: { changes } });
}

export async function deleteTask(tx: Tx, author: Author, before: TaskRow): Promise<void> {
  await tx.db.delete(networkTasks).where(eq(networkTasks.id, before.id));
  await writeAudit(tx, { ...author, action: 'task.deleted', entityType: 'network_task', entityId: before.id, details: { groupId: before.groupId, title: before.title } });
}

export async function staffAccounts(tx: Tx): Promise<Array<{ id: string; name: string; email: string }>> {
  return tx.query<{ id: string; name: string; email: string }>(
    `SELECT id, name, email FROM auth_user WHERE tenant_id = $1 AND NOT disabled AND role = ANY($2::text[]) ORDER BY name`,
    [tx.tenantId, OWNER_ROLES],
  );
}
