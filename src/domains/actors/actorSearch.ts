// "Who works on language for women with children in the Nordstadt?" — organisations by field of
// action × target group × area (× language, type, name), with their people and the groups they sit in.
import type { Tx } from '../../db/database.ts';
import type { ActorSearchHit, ActorSearchQuery, ActorSearchResult, OrganisationType, RelationshipKind } from '../../shared/contracts/actors.ts';
import { today } from './day.ts';
import { normalizeName } from './normalize.ts';
import { checkTaxonomyRefs } from './taxonomyRefs.ts';

/** A tiny positional-parameter builder for hand-written SQL. */
function params() {
  const values: unknown[] = [];
  return { values, p: (v: unknown) => `$${values.push(v)}` };
}

export async function searchActors(tx: Tx, query: ActorSearchQuery): Promise<ActorSearchResult> {
  await checkTaxonomyRefs(tx, { fieldIds: query.fieldIds, targetGroupIds: query.targetGroupIds, areaIds: query.areaId ? [query.areaId] : [] });
  const { values, p } = params();
  const where = ['o.archived_at IS NULL'];
  if (query.fieldIds?.length) where.push(`o.field_ids && ${p(query.fieldIds)}::uuid[]`);
  if (query.targetGroupIds?.length) where.push(`o.target_group_ids ${query.targetGroupMatch === 'all' ? '@>' : '&&'} ${p(query.targetGroupIds)}::uuid[]`);
  const order: string[] = [];
  if (query.areaId) {
    const area = p(query.areaId);
    where.push(query.includeCityWide === 'true' ? `(o.area_ids @> ARRAY[${area}]::uuid[] OR cardinality(o.area_ids) = 0)` : `o.area_ids @> ARRAY[${area}]::uuid[]`);
    order.push(`CASE WHEN o.area_ids @> ARRAY[${area}]::uuid[] THEN 0 ELSE 1 END`);
  }
  if (query.language) {
    const lang = p(query.language);
    const day = p(today());
    where.push(`(${lang} = ANY(o.languages) OR EXISTS (
      SELECT 1 FROM actor_relationships r JOIN contacts c ON c.tenant_id = r.tenant_id AND c.id = r.from_contact_id
      WHERE r.tenant_id = o.tenant_id AND r.to_organisation_id = o.id AND c.archived_at IS NULL AND ${lang} = ANY(c.languages)
        AND (r.starts_on IS NULL OR r.starts_on <= ${day}::date) AND (r.ends_on IS NULL OR r.ends_on >= ${day}::date)))`);
  }
  if (query.type) where.push(`o.type = ${p(query.type)}`);
  if (query.q) {
    const q = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(`(o.name ILIKE ${p(`%${q}%`)} OR o.norm_name LIKE ${p(`%${normalizeName(query.q)}%`)})`);
  }
  const hits = await tx.query<{
    id: string;
    name: string;
    type: OrganisationType;
    email: string | null;
    phone: string | null;
    website: string | null;
    field_ids: string[];
    target_group_ids: string[];
    area_ids: string[];
    languages: string[];
    total: number;
  }>(
    `SELECT o.id, o.name, o.type, o.email, o.phone, o.website, o.field_ids, o.target_group_ids, o.area_ids, o.languages,
            count(*) OVER ()::int AS total
     FROM organisations o
     WHERE ${where.join(' AND ')}
     ORDER BY ${[...order, 'o.norm_name', 'o.id'].join(', ')}
     LIMIT ${p(query.limit)}`,
    values,
  );
  const ids = hits.map((h) => h.id);
  const people = ids.length
    ? await tx.query<{
        organisation_id: string;
        id: string;
        name: string;
        job_function: string;
        email: string | null;
        phone: string | null;
        languages: string[];
        kind: RelationshipKind;
      }>(
        `SELECT DISTINCT ON (r.to_organisation_id, c.id) r.to_organisation_id AS organisation_id, c.id, c.name, c.job_function, c.email, c.phone, c.languages, r.kind
         FROM actor_relationships r JOIN contacts c ON c.tenant_id = r.tenant_id AND c.id = r.from_contact_id
         WHERE r.to_organisation_id = ANY($1::uuid[]) AND c.archived_at IS NULL
           AND (r.starts_on IS NULL OR r.starts_on <= $2::date) AND (r.ends_on IS NULL OR r.ends_on >= $2::date)
         ORDER BY r.to_organisation_id, c.id, CASE r.kind WHEN 'chairs' THEN 0 WHEN 'works_for' THEN 1 ELSE 2 END`,
        [ids, today()],
      )
    : [];
  const groups = ids.length
    ? await tx.query<{ organisation_id: string; id: string; name: string; role: string }>(
        `SELECT DISTINCT ON (m.organisation_id, g.id) m.organisation_id, g.id, g.name, m.role
         FROM group_members m JOIN network_groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
         WHERE m.organisation_id = ANY($1::uuid[]) AND g.archived_at IS NULL AND (m.left_on IS NULL OR m.left_on >= $2::date)
         ORDER BY m.organisation_id, g.id, CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 WHEN 'coordination' THEN 2 WHEN 'member' THEN 3 ELSE 4 END`,
        [ids, today()],
      )
    : [];
  const peopleBy = new Map<string, ActorSearchHit['people']>();
  for (const r of people) {
    const list = peopleBy.get(r.organisation_id) ?? [];
    list.push({ id: r.id, name: r.name, jobFunction: r.job_function, email: r.email, phone: r.phone, languages: r.languages, kind: r.kind });
    peopleBy.set(r.organisation_id, list);
  }
  const groupsBy = new Map<string, ActorSearchHit['groups']>();
  for (const g of groups) {
    const list = groupsBy.get(g.organisation_id) ?? [];
    list.push({ id: g.id, name: g.name, role: g.role });
    groupsBy.set(g.organisation_id, list);
  }
  const distinctPeople = new Set<string>();
  const organisations = hits.map((h): ActorSearchHit => {
    let persons = (peopleBy.get(h.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'de'));
    // With a language asked for, the people who speak it come first (and alone, if there are any).
    if (query.language) {
      const speakers = persons.filter((x) => x.languages.includes(query.language!));
      if (speakers.length) persons = speakers;
    }
    for (const x of persons) distinctPeople.add(x.id);
    return {
      id: h.id,
      name: h.name,
      type: h.type,
      email: h.email,
      phone: h.phone,
      website: h.website,
      fieldIds: h.field_ids,
      targetGroupIds: h.target_group_ids,
      areaIds: h.area_ids,
      languages: h.languages,
      cityWide: h.area_ids.length === 0,
      people: persons,
      groups: (groupsBy.get(h.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'de')),
    };
  });
  return { organisations, total: hits[0]?.total ?? 0, people: distinctPeople.size };
}
