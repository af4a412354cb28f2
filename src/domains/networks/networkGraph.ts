// The network overview as a graph: groups and organisations (edges: memberships and
// organisation relationships), contacts on demand. A whole tenant (5,000 organisations, 200
// groups) is a handful of narrow queries — filters applied in SQL, only the columns drawn — joined
// in memory; contacts come only for one group, one organisation, or when few enough to draw.
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { EdgeKind, GraphQuery, NetworkGraph } from '../../shared/contracts/networks.ts';
import { today } from '../actors/day.ts';

/** More contacts than this are not drawn for a whole tenant (choose a group or an organisation). */
export const GRAPH_CONTACT_LIMIT = 2000;

const CONTACT_KINDS = new Set(['works_for', 'chairs', 'member_of']);
const CURRENT = `(left_on IS NULL OR left_on >= $1::date)`;

interface OrgRow {
  id: string;
  name: string;
  type: string;
}

export async function networkGraph(tx: Tx, query: GraphQuery): Promise<NetworkGraph> {
  const day = today();
  const fieldId = query.fieldId ?? null;
  const areaId = query.areaId ?? null;
  const groups = await tx.query<{ id: string; name: string; kind: string; field_match: boolean }>(
    `SELECT id, name, kind, coalesce(field_ids @> ARRAY[$1::uuid], false) AS field_match
     FROM network_groups WHERE archived_at IS NULL ORDER BY name, id`,
    [fieldId],
  );
  // Only organisations that pass the filters travel; names sort byte-wise (normalised, so that is alphabetical).
  const orgs = await tx.query<OrgRow>(
    `SELECT id, name, type FROM organisations
     WHERE archived_at IS NULL AND ($1::uuid IS NULL OR field_ids @> ARRAY[$1::uuid]) AND ($2::uuid IS NULL OR area_ids @> ARRAY[$2::uuid])
     ORDER BY norm_name COLLATE "C", id`,
    [fieldId, areaId],
  );
  const memberships = await tx.query<{ group_id: string; organisation_id: string }>(
    `SELECT DISTINCT group_id, organisation_id FROM group_members WHERE organisation_id IS NOT NULL AND ${CURRENT}`,
    [day],
  );
  const orgRelations = await tx.query<{ from_organisation_id: string; to_organisation_id: string; kind: EdgeKind }>(
    `SELECT from_organisation_id, to_organisation_id, kind FROM actor_relationships
     WHERE from_organisation_id IS NOT NULL AND (starts_on IS NULL OR starts_on <= $1::date) AND (ends_on IS NULL OR ends_on >= $1::date)`,
    [day],
  );
  const [totals] = fieldId || areaId ? await tx.query<{ organisations: number }>('SELECT count(*)::int AS organisations FROM organisations WHERE archived_at IS NULL') : [{ organisations: orgs.length }];

  const groupIds = new Set<string>();
  const known = new Set(groups.map((g) => g.id));
  const matching = new Map(orgs.map((o) => [o.id, o]));
  if (query.groupId && !known.has(query.groupId)) throw new AppError('validation_failed', 'Unknown group', { field: 'groupId' });
  let focus: OrgRow | null = null;
  if (query.organisationId) {
    focus = matching.get(query.organisationId) ?? (await tx.query<OrgRow>('SELECT id, name, type FROM organisations WHERE id = $1', [query.organisationId]))[0] ?? null;
    if (!focus) throw new AppError('validation_failed', 'Unknown organisation', { field: 'organisationId' });
  }

  const orgIds = new Set<string>();
  let wantContacts = query.contacts === 'true';
  if (query.groupId) {
    groupIds.add(query.groupId);
    for (const m of memberships) if (m.group_id === query.groupId && matching.has(m.organisation_id)) orgIds.add(m.organisation_id);
    wantContacts = true;
  } else if (focus) {
    orgIds.add(focus.id);
    for (const m of memberships) if (m.organisation_id === focus.id && known.has(m.group_id)) groupIds.add(m.group_id);
    for (const m of memberships) if (groupIds.has(m.group_id) && matching.has(m.organisation_id)) orgIds.add(m.organisation_id);
    for (const r of orgRelations) {
      if (r.from_organisation_id === focus.id && matching.has(r.to_organisation_id)) orgIds.add(r.to_organisation_id);
      if (r.to_organisation_id === focus.id && matching.has(r.from_organisation_id)) orgIds.add(r.from_organisation_id);
    }
    wantContacts = true;
  } else {
    for (const o of orgs) orgIds.add(o.id);
    if (!fieldId && !areaId) for (const g of groups) groupIds.add(g.id);
    else {
      for (const m of memberships) if (orgIds.has(m.organisation_id) && known.has(m.group_id)) groupIds.add(m.group_id);
      for (const g of groups) if (g.field_match) groupIds.add(g.id);
    }
  }

  const nodes: NetworkGraph['nodes'] = [];
  const index = new Map<string, number>();
  const add = (id: string, kind: 'group' | 'organisation' | 'contact', label: string, type: string) => {
    index.set(id, nodes.length);
    nodes.push([id, kind, label, type]);
  };
  for (const g of groups) if (groupIds.has(g.id)) add(g.id, 'group', g.name, g.kind);
  if (focus && !matching.has(focus.id)) add(focus.id, 'organisation', focus.name, focus.type);
  for (const o of orgs) if (orgIds.has(o.id)) add(o.id, 'organisation', o.name, o.type);

  const edges: NetworkGraph['edges'] = [];
  const seen = new Set<string>();
  const edge = (a: string, b: string, kind: EdgeKind) => {
    const s = index.get(a);
    const t = index.get(b);
    if (s === undefined || t === undefined) return;
    const key = `${s}:${t}:${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push([s, t, kind]);
  };
  for (const m of memberships) edge(m.organisation_id, m.group_id, 'member');
  for (const r of orgRelations) edge(r.from_organisation_id, r.to_organisation_id, r.kind);

  let contactsOmitted = false;
  if (wantContacts) {
    const delegates = (
      await tx.query<{ group_id: string; organisation_id: string | null; contact_id: string }>(
        `SELECT group_id, organisation_id, contact_id FROM group_members WHERE contact_id IS NOT NULL AND ${CURRENT}`,
        [day],
      )
    ).filter((m) => groupIds.has(m.group_id) && (!m.organisation_id || orgIds.has(m.organisation_id)));
    const focused = Boolean(query.groupId || focus);
    // For a whole tenant, only people who sit in a group; for one group or organisation, everyone around it.
    const people =
      focused && orgIds.size
        ? await tx.query<{ from_contact_id: string; to_organisation_id: string; kind: EdgeKind }>(
            `SELECT from_contact_id, to_organisation_id, kind FROM actor_relationships
             WHERE from_contact_id IS NOT NULL AND to_organisation_id = ANY($1::uuid[])
               AND (starts_on IS NULL OR starts_on <= $2::date) AND (ends_on IS NULL OR ends_on >= $2::date)`,
            [[...orgIds], day],
          )
        : [];
    const contactIds = new Set([...delegates.map((m) => m.contact_id), ...people.map((p) => p.from_contact_id)]);
    if (!focused && contactIds.size > GRAPH_CONTACT_LIMIT) contactsOmitted = true;
    else if (contactIds.size) {
      const rows = await tx.query<{ id: string; name: string }>('SELECT id, name FROM contacts WHERE id = ANY($1::uuid[]) AND archived_at IS NULL ORDER BY name, id', [
        [...contactIds],
      ]);
      for (const c of rows) add(c.id, 'contact', c.name, '');
      for (const m of delegates) edge(m.contact_id, m.group_id, 'delegate');
      // Whom the people work for (focused), or for a whole tenant the organisation they represent in a group.
      for (const p of people) if (CONTACT_KINDS.has(p.kind)) edge(p.from_contact_id, p.to_organisation_id, p.kind);
      if (!focused) for (const m of delegates) if (m.organisation_id) edge(m.contact_id, m.organisation_id, 'delegate');
    }
  }
  return { nodes, edges, contactsOmitted, totals: { groups: groups.length, organisations: totals?.organisations ?? 0 } };
}
