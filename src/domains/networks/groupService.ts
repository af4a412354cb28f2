import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ContactChannel } from '../../shared/contracts/actors.ts';
import type { AdminGroup, GroupDetail, GroupInput, GroupListQuery, GroupMember, MeetingSummary, MemberInput, MemberRole, MemberUpdate } from '../../shared/contracts/networks.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { isCurrent } from '../actors/actorLinks.ts';
import { contactExtras, mailBlockOf } from '../actors/contactService.ts';
import { today } from '../actors/day.ts';
import { checkTaxonomyRefs, dedupe } from '../actors/taxonomyRefs.ts';
import { groupMembers, networkGroups } from './networks.table.ts';

export type GroupRow = typeof networkGroups.$inferSelect;
export type MemberRow = typeof groupMembers.$inferSelect;

const EDITABLE = ['name', 'kind', 'purpose', 'fieldIds'] as const;

interface GroupStats {
  organisations: number;
  people: number;
  openTasks: number;
  nextMeeting: { id: string; title: string; startsAt: string } | null;
}

/** Members, open tasks and the next meeting of some groups. */
async function groupStats(tx: Tx, ids: readonly string[]): Promise<Map<string, GroupStats>> {
  const out = new Map<string, GroupStats>(ids.map((id) => [id, { organisations: 0, people: 0, openTasks: 0, nextMeeting: null }]));
  if (!ids.length) return out;
  const day = today();
  const members = await tx.query<{ group_id: string; organisations: number; people: number }>(
    `SELECT group_id, count(DISTINCT organisation_id)::int AS organisations, count(DISTINCT contact_id)::int AS people
     FROM group_members WHERE group_id = ANY($1::uuid[]) AND (left_on IS NULL OR left_on >= $2::date) GROUP BY group_id`,
    [ids, day],
  );
  for (const m of members) Object.assign(out.get(m.group_id)!, { organisations: m.organisations, people: m.people });
  const tasks = await tx.query<{ group_id: string; n: number }>(
    `SELECT group_id, count(*)::int AS n FROM network_tasks WHERE group_id = ANY($1::uuid[]) AND status IN ('open', 'in_progress') GROUP BY group_id`,
    [ids],
  );
  for (const t of tasks) out.get(t.group_id)!.openTasks = t.n;
  const next = await tx.query<{ group_id: string; id: string; title: string; starts_at: Date | string }>(
    `SELECT DISTINCT ON (group_id) group_id, id, title, starts_at FROM network_meetings
     WHERE group_id = ANY($1::uuid[]) AND status = 'planned' AND ends_at >= now() ORDER BY group_id, starts_at`,
    [ids],
  );
  for (const n of next) out.get(n.group_id)!.nextMeeting = { id: n.id, title: n.title, startsAt: new Date(n.starts_at).toISOString() };
  return out;
}

export function presentGroup(row: GroupRow, stats: GroupStats): AdminGroup {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    fieldIds: row.fieldIds,
    counts: { organisations: stats.organisations, people: stats.people, openTasks: stats.openTasks },
    nextMeeting: stats.nextMeeting,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listGroups(tx: Tx, query: GroupListQuery): Promise<{ items: AdminGroup[]; total: number }> {
  const where: SQL[] = [];
  if (query.q) where.push(sql`${networkGroups.name} ILIKE ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.kind) where.push(eq(networkGroups.kind, query.kind));
  if (query.fieldId) where.push(sql`${networkGroups.fieldIds} @> ARRAY[${query.fieldId}]::uuid[]`);
  if (query.includeArchived !== 'true') where.push(sql`${networkGroups.archivedAt} IS NULL`);
  const condition = where.length ? and(...where) : undefined;
  const rows = await tx.db
    .select()
    .from(networkGroups)
    .where(condition)
    .orderBy(networkGroups.name, networkGroups.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(networkGroups).where(condition);
  const stats = await groupStats(
    tx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentGroup(r, stats.get(r.id)!)), total: Number(total?.n ?? 0) };
}

export async function findGroup(tx: Tx, id: string): Promise<GroupRow | null> {
  const [row] = await tx.db.select().from(networkGroups).where(eq(networkGroups.id, id));
  return row ?? null;
}

export async function requireGroup(tx: Tx, id: string, field?: string): Promise<GroupRow> {
  const row = await findGroup(tx, id);
  if (!row) throw field ? new AppError('validation_failed', 'Unknown group', { field }) : new AppError('not_found', 'Group not found');
  return row;
}

const ROLE_ORDER: Record<MemberRole, number> = { chair: 0, deputy: 1, coordination: 2, member: 3, guest: 4 };

export async function groupMemberList(tx: Tx, groupId: string): Promise<GroupMember[]> {
  const rows = await tx.query<{
    id: string;
    organisation_id: string | null;
    organisation_name: string | null;
    contact_id: string | null;
    contact_name: string | null;
    email: string | null;
    opt_out_invitations: boolean | null;
    preferred_channel: ContactChannel | null;
    contact_archived_at: Date | null;
    role: MemberRole;
    joined_on: string | null;
    left_on: string | null;
  }>(
    `SELECT m.id, m.organisation_id, o.name AS organisation_name, m.contact_id, c.name AS contact_name, c.email,
            c.opt_out_invitations, c.preferred_channel, c.archived_at AS contact_archived_at, m.role,
            m.joined_on::text AS joined_on, m.left_on::text AS left_on
     FROM group_members m
     LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
     LEFT JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
     WHERE m.group_id = $1`,
    [groupId],
  );
  const extras = await contactExtras(tx, dedupe(rows.flatMap((r) => (r.contact_id ? [r.contact_id] : []))));
  const day = today();
  return rows
    .map(
      (r): GroupMember => ({
        id: r.id,
        organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
        contact: r.contact_id
          ? {
              id: r.contact_id,
              name: r.contact_name ?? '',
              email: r.email,
              mailBlock: mailBlockOf(
                { email: r.email, optOutInvitations: r.opt_out_invitations ?? false, preferredChannel: r.preferred_channel ?? 'email', archivedAt: r.contact_archived_at },
                extras.get(r.contact_id)?.consentTo ?? [],
              ),
            }
          : null,
        role: r.role,
        joinedOn: r.joined_on,
        leftOn: r.left_on,
        current: isCurrent(null, r.left_on, day),
      }),
    )
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.organisation?.name ?? a.contact?.name ?? '').localeCompare(b.organisation?.name ?? b.contact?.name ?? '', 'de') ||
        (a.contact?.name ?? '').localeCompare(b.contact?.name ?? '', 'de'),
    );
}

export async function meetingSummaries(tx: Tx, groupId: string): Promise<MeetingSummary[]> {
  const rows = await tx.query<{
    id: string;
    title: string;
    starts_at: Date | string;
    ends_at: Date | string;
    location: string;
    status: MeetingSummary['status'];
    invitation_sent_at: Date | string | null;
    minutes_sent_at: Date | string | null;
    has_minutes: boolean;
  }>(
    `SELECT id, title, starts_at, ends_at, location, status, invitation_sent_at, minutes_sent_at,
            (minutes <> '' OR jsonb_array_length(decisions) > 0) AS has_minutes
     FROM network_meetings WHERE group_id = $1 ORDER BY starts_at DESC`,
    [groupId],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    location: r.location,
    status: r.status,
    invitationSentAt: r.invitation_sent_at ? new Date(r.invitation_sent_at).toISOString() : null,
    minutesSentAt: r.minutes_sent_at ? new Date(r.minutes_sent_at).toISOString() : null,
    hasMinutes: r.has_minutes,
  }));
}

export async function presentGroupDetail(tx: Tx, row: GroupRow): Promise<GroupDetail> {
  const stats = (await groupStats(tx, [row.id])).get(row.id)!;
  return { ...presentGroup(row, stats), members: await groupMemberList(tx, row.id), meetings: await meetingSummaries(tx, row.id) };
}

export async function createGroup(tx: Tx, author: Author, input: GroupInput): Promise<GroupRow> {
  await checkTaxonomyRefs(tx, { fieldIds: input.fieldIds });
  const [row] = await tx.db
    .insert(networkGroups)
    .values({ tenantId: tx.tenantId!, ...input, fieldIds: dedupe(input.fieldIds) })
    .returning();
  await writeAudit(tx, { ...author, action: 'group.created', entityType: 'network_group', entityId: row!.id, details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE) } });
  return row!;
}

export async function updateGroup(tx: Tx, author: Author, before: GroupRow, input: GroupInput): Promise<GroupRow> {
  await checkTaxonomyRefs(tx, { fieldIds: input.fieldIds });
  const next = { ...input, fieldIds: dedupe(input.fieldIds) };
  const changes = changedFields(before, next, EDITABLE);
  if (!Object.keys(changes).length) return before;
  const [row] = await tx.db.update(networkGroups).set({ ...next, updatedAt: new Date() }).where(eq(networkGroups.id, before.id)).returning();
  await writeAudit(tx, { ...author, action: 'group.updated', entityType: 'network_group', entityId: before.id, details: { changes } });
  return row!;
}

export async function setGroupArchived(tx: Tx, author: Author, before: GroupRow, archived: boolean): Promise<GroupRow> {
  if ((before.archivedAt !== null) === archived) return before;
  const [row] = await tx.db
    .update(networkGroups)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(networkGroups.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: archived ? 'group.archived' : 'group.restored', entityType: 'network_group', entityId: before.id });
  return row!;
}

export async function findMember(tx: Tx, groupId: string, memberId: string): Promise<MemberRow> {
  const [row] = await tx.db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.id, memberId), eq(groupMembers.groupId, groupId)));
  if (!row) throw new AppError('not_found', 'Member not found');
  return row;
}

export async function addMember(tx: Tx, author: Author, group: GroupRow, input: MemberInput): Promise<void> {
  const organisationId = input.organisationId ?? null;
  const contactId = input.contactId ?? null;
  if (organisationId && !(await tx.query('SELECT 1 FROM organisations WHERE id = $1', [organisationId])).length) {
    throw new AppError('validation_failed', 'Unknown organisation', { field: 'organisationId' });
  }
  if (contactId && !(await tx.query('SELECT 1 FROM contacts WHERE id = $1', [contactId])).length) {
    throw new AppError('validation_failed', 'Unknown contact', { field: 'contactId' });
  }
  const [same] = await tx.query<{ id: string }>(
    'SELECT id FROM group_members WHERE group_id = $1 AND organisation_id IS NOT DISTINCT FROM $2::uuid AND contact_id IS NOT DISTINCT FROM $3::uuid',
    [group.id, organisationId, contactId],
  );
  if (same) {
    throw new AppError('duplicate', contactId ? 'This person is already a member of the group' : 'This organisation is already a member of the group', {
      field: contactId ? 'contactId' : 'organisationId',
      details: { memberId: same.id },
    });
  }
  const [row] = await tx.db
    .insert(groupMembers)
    .values({ tenantId: tx.tenantId!, groupId: group.id, organisationId, contactId, role: input.role, joinedOn: input.joinedOn ?? null, leftOn: input.leftOn ?? null })
    .returning({ id: groupMembers.id });
  await writeAudit(tx, {
    ...author,
    action: 'group.member_added',
    entityType: 'network_group',
    entityId: group.id,
    details: { memberId: row!.id, organisationId, contactId, role: input.role },
  });
}

export async function updateMember(tx: Tx, author: Author, group: GroupRow, member: MemberRow, input: MemberUpdate): Promise<void> {
  const next = { role: input.role, joinedOn: input.joinedOn ?? null, leftOn: input.leftOn ?? null };
  const changes = changedFields(member, next, ['role', 'joinedOn', 'leftOn']);
  if (!Object.keys(changes).length) return;
  await tx.db.update(groupMembers).set({ ...next, updatedAt: new Date() }).where(eq(groupMembers.id, member.id));
  await writeAudit(tx, { ...author, action: 'group.member_updated', entityType: 'network_group', entityId: group.id, details: { memberId: member.id, changes } });
}

export async function removeMember(tx: Tx, author: Author, group: GroupRow, member: MemberRow): Promise<void> {
  await tx.db.delete(groupMembers).where(eq(groupMembers.id, member.id));
  await writeAudit(tx, {
    ...author,
    action: 'group.member_removed',
    entityType: 'network_group',
    entityId: group.id,
    details: { memberId: member.id, organisationId: member.organisationId, contactId: member.contactId },
  });
}
