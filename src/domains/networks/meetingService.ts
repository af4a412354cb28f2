import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AttendanceStatus, MeetingDetail, MeetingInput, MinutesInput } from '../../shared/contracts/networks.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { GroupRow } from './groupService.ts';
import { type AgendaItem, type Decision, meetingAttendance, networkMeetings, networkTasks } from './networks.table.ts';
import { listTasks } from './taskService.ts';

export type MeetingRow = typeof networkMeetings.$inferSelect;

export async function findMeeting(tx: Tx, id: string): Promise<MeetingRow | null> {
  const [row] = await tx.db.select().from(networkMeetings).where(eq(networkMeetings.id, id));
  return row ?? null;
}

export async function requireMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const row = await findMeeting(tx, id);
  if (!row) throw new AppError('not_found', 'Meeting not found');
  return row;
}

export async function presentMeetingDetail(tx: Tx, row: MeetingRow): Promise<MeetingDetail> {
  const [group] = await tx.query<{ id: string; name: string }>('SELECT id, name FROM network_groups WHERE id = $1', [row.groupId]);
  const attendance = await tx.query<{ contact_id: string; name: string; organisation: string | null; status: AttendanceStatus }>(
    `SELECT a.contact_id, c.name, (
        SELECT o.name FROM group_members m JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
        WHERE m.group_id = $2 AND m.contact_id = a.contact_id ORDER BY o.name LIMIT 1) AS organisation, a.status
     FROM meeting_attendance a JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = a.contact_id
     WHERE a.meeting_id = $1 ORDER BY c.name`,
    [row.id, row.groupId],
  );
  const tasks = await listTasks(tx, { status: 'all', page: 1, pageSize: 200 }, { meetingId: row.id });
  return {
    id: row.id,
    group: { id: group!.id, name: group!.name },
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    onlineUrl: row.onlineUrl,
    invitationText: row.invitationText,
    status: row.status,
    agenda: row.agenda,
    minutes: row.minutes,
    decisions: row.decisions,
    hasMinutes: row.minutes !== '' || row.decisions.length > 0,
    attendance: attendance.map((a) => ({ contactId: a.contact_id, name: a.name, organisation: a.organisation, status: a.status })),
    tasks: tasks.items,
    invitationSentAt: row.invitationSentAt?.toISOString() ?? null,
    minutesSentAt: row.minutesSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The new agenda: existing items keep their id and notes; an id that is not on the agenda is an error. */
function nextAgenda(before: AgendaItem[], input: MeetingInput['agenda']): AgendaItem[] {
  const known = new Map(before.map((a) => [a.id, a]));
  const seen = new Set<string>();
  return input.map((item, i) => {
    if (item.id) {
      const old = known.get(item.id);
      if (!old) throw new AppError('validation_failed', 'Unknown agenda item', { field: `agenda.${i}.id` });
      if (seen.has(item.id)) throw new AppError('validation_failed', 'An agenda item appears twice', { field: `agenda.${i}.id` });
      seen.add(item.id);
      return { id: item.id, title: item.title, description: item.description, notes: old.notes };
    }
    return { id: randomUUID(), title: item.title, description: item.description, notes: '' };
  });
}

export async function createMeeting(tx: Tx, author: Author, group: GroupRow, input: MeetingInput): Promise<MeetingRow> {
  if (group.archivedAt) throw new AppError('invalid_state_transition', 'The group is archived', { field: 'groupId' });
  const [row] = await tx.db
    .insert(networkMeetings)
    .values({
      tenantId: tx.tenantId!,
      groupId: group.id,
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      location: input.location,
      onlineUrl: input.onlineUrl ?? null,
      invitationText: input.invitationText,
      agenda: nextAgenda([], input.agenda),
      status: input.status,
    })
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'meeting.created',
    entityType: 'network_meeting',
    entityId: row!.id,
    details: { groupId: group.id, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt },
  });
  return row!;
}

export async function updateMeeting(tx: Tx, author: Author, before: MeetingRow, input: MeetingInput): Promise<MeetingRow> {
  const agenda = nextAgenda(before.agenda, input.agenda);
  const ids = new Set(agenda.map((a) => a.id));
  // Decisions under a removed agenda item stay, without the item.
  const decisions = before.decisions.map((d) => (d.agendaItemId && !ids.has(d.agendaItemId) ? { ...d, agendaItemId: null } : d));
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  // Calendar clients update an event only when its SEQUENCE grows.
  const moved =
    startsAt.getTime() !== before.startsAt.getTime() || endsAt.getTime() !== before.endsAt.getTime() || input.location !== before.location || input.status !== before.status;
  const [row] = await tx.db
    .update(networkMeetings)
    .set({
      title: input.title,
      startsAt,
      endsAt,
      location: input.location,
      onlineUrl: input.onlineUrl ?? null,
      invitationText: input.invitationText,
      agenda,
      decisions,
      status: input.status,
      sequence: before.sequence + (moved ? 1 : 0),
      updatedAt: new Date(),
    })
    .where(eq(networkMeetings.id, before.id))
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'meeting.updated',
    entityType: 'network_meeting',
    entityId: before.id,
    details: {
      changes: {
        ...(moved ? { when: { before: [before.startsAt.toISOString(), before.endsAt.toISOString(), before.location, before.status], after: [input.startsAt, input.endsAt, input.location, input.status] } } : {}),
        agendaItems: { before: before.agenda.length, after: agenda.length },
      },
    },
  });
  return row!;
}

/** Minutes: text, notes per agenda item, decisions and attendance, all replaced at once. */
export async function saveMinutes(tx: Tx, author: Author, before: MeetingRow, input: MinutesInput): Promise<MeetingRow> {
  const agendaIds = new Set(before.agenda.map((a) => a.id));
  const notes = new Map<string, string>();
  input.agendaNotes.forEach((n, i) => {
    if (!agendaIds.has(n.id)) throw new AppError('validation_failed', 'Unknown agenda item', { field: `agendaNotes.${i}.id` });
    notes.set(n.id, n.notes);
  });
  const oldDecisions = new Set(before.decisions.map((d) => d.id));
  const keptDecisions = new Set<string>();
  const decisions: Decision[] = input.decisions.map((d, i) => {
    if (d.id && !oldDecisions.has(d.id)) throw new AppError('validation_failed', 'Unknown decision', { field: `decisions.${i}.id` });
    if (d.id && keptDecisions.has(d.id)) throw new AppError('validation_failed', 'A decision appears twice', { field: `decisions.${i}.id` });
    if (d.id) keptDecisions.add(d.id);
    if (d.agendaItemId && !agendaIds.has(d.agendaItemId)) throw new AppError('validation_failed', 'Unknown agenda item', { field: `decisions.${i}.agendaItemId` });
    return { id: d.id ?? randomUUID(), agendaItemId: d.agendaItemId ?? null, text: d.text };
  });
  const contactIds = input.attendance.map((a) => a.contactId);
  const dup = contactIds.findIndex((id, i) => contactIds.indexOf(id) !== i);
  if (dup >= 0) throw new AppError('validation_failed', 'A person appears twice in the attendance list', { field: `attendance.${dup}.contactId` });
  if (contactIds.length) {
    const found = new Set((await tx.query<{ id: string }>('SELECT id FROM contacts WHERE id = ANY($1::uuid[])', [contactIds])).map((r) => r.id));
    const missing = contactIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new AppError('validation_failed', 'Unknown contact', { field: `attendance.${missing}.contactId` });
  }
  const agenda = before.agenda.map((a) => (notes.has(a.id) ? { ...a, notes: notes.get(a.id)! } : a));
  const [row] = await tx.db
    .update(networkMeetings)
    .set({ minutes: input.minutes, agenda, decisions, status: input.status, sequence: before.sequence + (input.status !== before.status ? 1 : 0), updatedAt: new Date() })
    .where(eq(networkMeetings.id, before.id))
    .returning();
  await tx.db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, before.id));
  if (input.attendance.length) {
    await tx.db.insert(meetingAttendance).values(input.attendance.map((a) => ({ tenantId: tx.tenantId!, meetingId: before.id, contactId: a.contactId, status: a.status })));
  }
  await writeAudit(tx, {
    ...author,
    action: 'meeting.minutes_saved',
    entityType: 'network_meeting',
    entityId: before.id,
    details: { decisions: decisions.length, attendance: input.attendance.length, status: input.status },
  });
  return row!;
}

export async function deleteMeeting(tx: Tx, author: Author, before: MeetingRow): Promise<void> {
  // Follow-up tasks outlive their meeting: they stay in the group's list.
  await tx.db.update(networkTasks).set({ meetingId: null }).where(eq(networkTasks.meetingId, before.id));
  await tx.db.delete(networkMeetings).where(eq(networkMeetings.id, before.id));
  await writeAudit(tx, { ...author, action: 'meeting.deleted', entityType: 'network_meeting', entityId: before.id, details: { groupId: before.groupId, title: before.title } });
}

export async function markSent(tx: Tx, author: Author, meeting: MeetingRow, what: 'invitation' | 'minutes', counts: { recipients: number; skipped: number }): Promise<void> {
  await tx.db
    .update(networkMeetings)
    .set(what === 'invitation' ? { invitationSentAt: new Date() } : { minutesSentAt: new Date() })
    .where(eq(networkMeetings.id, meeting.id));
  await writeAudit(tx, { ...author, action: `meeting.${what}_sent`, entityType: 'network_meeting', entityId: meeting.id, details: counts });
}
