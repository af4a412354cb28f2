// What an organisation's or a contact's page shows beside its own fields: relationships, group
// memberships and merge history. Raw SQL, because each is one join; dates come back as text.
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ActorMembership, MergeEntry, Relationship, RelationshipKind } from '../../shared/contracts/actors.ts';
import { today } from './day.ts';

interface RelationshipRow {
  id: string;
  kind: RelationshipKind;
  from_contact_id: string | null;
  from_organisation_id: string | null;
  from_name: string;
  to_organisation_id: string;
  to_name: string;
  starts_on: string | null;
  ends_on: string | null;
  note: string;
}

/** A relationship runs today when it has started (or has no start) and has not ended. */
export const isCurrent = (startsOn: string | null, endsOn: string | null, day = today()): boolean =>
  (startsOn === null || startsOn <= day) && (endsOn === null || endsOn >= day);

export const RELATIONSHIP_SELECT = `
  SELECT r.id, r.kind, r.from_contact_id, r.from_organisation_id, coalesce(c.name, fo.name) AS from_name,
         r.to_organisation_id, t.name AS to_name, r.starts_on::text AS starts_on, r.ends_on::text AS ends_on, r.note
  FROM actor_relationships r
  JOIN organisations t ON t.tenant_id = r.tenant_id AND t.id = r.to_organisation_id
  LEFT JOIN contacts c ON c.tenant_id = r.tenant_id AND c.id = r.from_contact_id
  LEFT JOIN organisations fo ON fo.tenant_id = r.tenant_id AND fo.id = r.from_organisation_id`;

export function presentRelationship(r: RelationshipRow, day = today()): Relationship {
  return {
    id: r.id,
    kind: r.kind,
    from: r.from_contact_id
      ? { type: 'contact', id: r.from_contact_id, name: r.from_name }
      : { type: 'organisation', id: r.from_organisation_id!, name: r.from_name },
    to: { id: r.to_organisation_id, name: r.to_name },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
    current: isCurrent(r.starts_on, r.ends_on, day),
  };
}

/** Current ones first, then by start (newest first). */
const byRelevance = (a: Relationship, b: Relationship) =>
  Number(b.current) - Number(a.current) || (b.startsOn ?? '').localeCompare(a.startsOn ?? '') || a.to.name.localeCompare(b.to.name, 'de');

export async function findRelationship(tx: Tx, id: string): Promise<Relationship | null> {
  const [row] = await tx.query<RelationshipRow>(`${RELATIONSHIP_SELECT} WHERE r.id = $1`, [id]);
  return row ? presentRelationship(row) : null;
}

export async function requireRelationship(tx: Tx, id: string): Promise<Relationship> {
  const row = await findRelationship(tx, id);
  if (!row) throw new AppError('not_found', 'Relationship not found');
  return row;
}

export async function relationshipsOf(tx: Tx, of: { organisationId: string } | { contactId: string }): Promise<Relationship[]> {
  const rows =
    'organisationId' in of
      ? await tx.query<RelationshipRow>(`${RELATIONSHIP_SELECT} WHERE r.to_organisation_id = $1 OR r.from_organisation_id = $1`, [of.organisationId])
      : await tx.query<RelationshipRow>(`${RELATIONSHIP_SELECT} WHERE r.from_contact_id = $1`, [of.contactId]);
  const day = today();
  return rows.map((r) => presentRelationship(r, day)).sort(byRelevance);
}

export async function membershipsOf(tx: Tx, of: { organisationId: string } | { contactId: string }): Promise<ActorMembership[]> {
  const column = 'organisationId' in of ? 'm.organisation_id' : 'm.contact_id';
  const rows = await tx.query<{
    id: string;
    group_id: string;
    group_name: string;
    role: string;
    organisation_id: string | null;
    organisation_name: string | null;
    contact_id: string | null;
    contact_name: string | null;
    joined_on: string | null;
    left_on: string | null;
  }>(
    `SELECT m.id, g.id AS group_id, g.name AS group_name, m.role, m.organisation_id, o.name AS organisation_name,
            m.contact_id, c.name AS contact_name, m.joined_on::text AS joined_on, m.left_on::text AS left_on
     FROM group_members m
     JOIN network_groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
     LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
     LEFT JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
     WHERE ${column} = $1
     ORDER BY g.name, o.name NULLS FIRST, c.name`,
    ['organisationId' in of ? of.organisationId : of.contactId],
  );
  return rows.map((r) => ({
    id: r.id,
    group: { id: r.group_id, name: r.group_name },
    role: r.role,
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  }));
}

export async function mergesOf(tx: Tx, survivorId: string): Promise<MergeEntry[]> {
  const rows = await tx.query<{ id: string; merged_id: string; merged_name: string; moved: Record<string, number>; merged_by: string | null; merged_at: Date | string }>(
    'SELECT id, merged_id, merged_name, moved, merged_by, merged_at FROM actor_merges WHERE survivor_id = $1 ORDER BY merged_at DESC',
    [survivorId],
  );
  return rows.map((r) => ({
    id: r.id,
    mergedId: r.merged_id,
    mergedName: r.merged_name,
    moved: r.moved,
    mergedBy: r.merged_by,
    mergedAt: new Date(r.merged_at).toISOString(),
  }));
}
