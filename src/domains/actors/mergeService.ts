// Merging duplicates: everything that points at the merged record moves to the survivor —
// relationships, group memberships, attendance, tasks, consents — then the merged record is
// deleted and a merge history entry keeps what it was. One transaction: all or nothing.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { actorMerges, contacts, organisations } from './actors.table.ts';
import type { ContactRow } from './contactService.ts';
import { normalizeName } from './normalize.ts';
import type { OrganisationRow } from './organisationService.ts';
import { dedupe } from './taxonomyRefs.ts';

const rowCount = async (tx: Tx, sql: string, params: unknown[]): Promise<number> => (await tx.conn.query(sql, params)).rowCount;

/** Identical relationships (after a move) collapse to one. */
const DELETE_DUPLICATE_RELATIONSHIPS = `
  DELETE FROM actor_relationships a USING actor_relationships b
  WHERE a.tenant_id = b.tenant_id AND a.id > b.id AND a.kind = b.kind
    AND a.from_contact_id IS NOT DISTINCT FROM b.from_contact_id AND a.from_organisation_id IS NOT DISTINCT FROM b.from_organisation_id
    AND a.to_organisation_id = b.to_organisation_id
    AND a.starts_on IS NOT DISTINCT FROM b.starts_on AND a.ends_on IS NOT DISTINCT FROM b.ends_on
    AND (a.from_contact_id = $1 OR a.from_organisation_id = $1 OR a.to_organisation_id = $1)`;

/**
 * Deletes the merged record's group memberships that the survivor already has (same group, same
 * other side: delegate or organisation), so that moving the rest collides with nothing.
 */
function dropSurvivorsMemberships(tx: Tx, column: 'organisation_id' | 'contact_id', survivorId: string, mergedId: string): Promise<number> {
  const other = column === 'organisation_id' ? 'contact_id' : 'organisation_id';
  return rowCount(
    tx,
    `DELETE FROM group_members m WHERE m.${column} = $2 AND EXISTS (
       SELECT 1 FROM group_members k WHERE k.tenant_id = m.tenant_id AND k.group_id = m.group_id AND k.${column} = $1
         AND k.${other} IS NOT DISTINCT FROM m.${other})`,
    [survivorId, mergedId],
  );
}

function snapshot(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'tenantId' || k === 'normName') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

const orFilled = <T>(a: T | null | undefined, b: T | null | undefined): T | null => (a === null || a === undefined || a === '' ? (b ?? null) : a);

function checkPair(survivorId: string, merged: { id: string } | null, what: string): void {
  if (!merged) throw new AppError('validation_failed', `Unknown ${what}`, { field: 'mergeId' });
  if (merged.id === survivorId) throw new AppError('validation_failed', `A ${what} cannot be merged with itself`, { field: 'mergeId' });
}

export async function mergeOrganisations(tx: Tx, author: Author, survivor: OrganisationRow, merged: OrganisationRow | null): Promise<Record<string, number>> {
  checkPair(survivor.id, merged, 'organisation');
  const loser = merged!;
  const s = survivor.id;
  const l = loser.id;
  const moved: Record<string, number> = {};
  // Relationships between the two would become self-relationships: they go.
  moved.relationshipsDropped = await rowCount(
    tx,
    'DELETE FROM actor_relationships WHERE (from_organisation_id = $1 AND to_organisation_id = $2) OR (from_organisation_id = $2 AND to_organisation_id = $1)',
    [s, l],
  );
  moved.relationships =
    (await rowCount(tx, 'UPDATE actor_relationships SET to_organisation_id = $1, updated_at = now() WHERE to_organisation_id = $2', [s, l])) +
    (await rowCount(tx, 'UPDATE actor_relationships SET from_organisation_id = $1, updated_at = now() WHERE from_organisation_id = $2', [s, l]));
  moved.relationshipsDropped += await rowCount(tx, DELETE_DUPLICATE_RELATIONSHIPS, [s]);
  // A membership the survivor already has (same group, same delegate) is kept once.
  moved.membershipsDropped = await dropSurvivorsMemberships(tx, 'organisation_id', s, l);
  moved.memberships = await rowCount(tx, 'UPDATE group_members SET organisation_id = $1, updated_at = now() WHERE organisation_id = $2', [s, l]);
  // The loser's provider link moves if the survivor has none (one organisation per provider).
  const providerId = survivor.providerId ?? loser.providerId;
  if (!survivor.providerId && loser.providerId) await tx.db.update(organisations).set({ providerId: null }).where(eq(organisations.id, l));
  await tx.db
    .update(organisations)
    .set({
      description: orFilled(survivor.description, loser.description) ?? '',
      street: orFilled(survivor.street, loser.street),
      postcode: orFilled(survivor.postcode, loser.postcode),
      town: orFilled(survivor.town, loser.town),
      website: orFilled(survivor.website, loser.website),
      email: orFilled(survivor.email, loser.email),
      phone: orFilled(survivor.phone, loser.phone),
      type: survivor.type === 'other' ? loser.type : survivor.type,
      domains: dedupe([...survivor.domains, ...loser.domains]),
      languages: dedupe([...survivor.languages, ...loser.languages]),
      fieldIds: dedupe([...survivor.fieldIds, ...loser.fieldIds]),
      targetGroupIds: dedupe([...survivor.targetGroupIds, ...loser.targetGroupIds]),
      areaIds: dedupe([...survivor.areaIds, ...loser.areaIds]),
      providerId,
      updatedAt: new Date(),
    })
    .where(eq(organisations.id, s));
  // Merge entries of records merged into the loser earlier now belong to the survivor.
  moved.mergeHistory = await rowCount(tx, 'UPDATE actor_merges SET survivor_id = $1 WHERE survivor_id = $2', [s, l]);
  await tx.db.insert(actorMerges).values({
    tenantId: tx.tenantId!,
    kind: 'organisation',
    survivorId: s,
    mergedId: l,
    mergedName: loser.name,
    snapshot: snapshot(loser as unknown as Record<string, unknown>),
    moved,
    mergedBy: author.actorLabel,
  });
  await tx.db.delete(organisations).where(eq(organisations.id, l));
  await writeAudit(tx, { ...author, action: 'organisation.merged', entityType: 'organisation', entityId: s, details: { mergedId: l, mergedName: loser.name, moved } });
  return moved;
}

export async function mergeContacts(tx: Tx, author: Author, survivor: ContactRow, merged: ContactRow | null): Promise<Record<string, number>> {
  checkPair(survivor.id, merged, 'contact');
  const loser = merged!;
  const s = survivor.id;
  const l = loser.id;
  const moved: Record<string, number> = {};
  moved.relationships = await rowCount(tx, 'UPDATE actor_relationships SET from_contact_id = $1, updated_at = now() WHERE from_contact_id = $2', [s, l]);
  moved.relationshipsDropped = await rowCount(tx, DELETE_DUPLICATE_RELATIONSHIPS, [s]);
  moved.membershipsDropped = await dropSurvivorsMemberships(tx, 'contact_id', s, l);
  moved.memberships = await rowCount(tx, 'UPDATE group_members SET contact_id = $1, updated_at = now() WHERE contact_id = $2', [s, l]);
  moved.attendanceDropped = await rowCount(
    tx,
    `DELETE FROM meeting_attendance a WHERE a.contact_id = $2 AND EXISTS (
       SELECT 1 FROM meeting_attendance k WHERE k.tenant_id = a.tenant_id AND k.meeting_id = a.meeting_id AND k.contact_id = $1)`,
    [s, l],
  );
  moved.attendance = await rowCount(tx, 'UPDATE meeting_attendance SET contact_id = $1 WHERE contact_id = $2', [s, l]);
  moved.tasks = await rowCount(tx, 'UPDATE network_tasks SET owner_contact_id = $1, updated_at = now() WHERE owner_contact_id = $2', [s, l]);
  moved.consents = await rowCount(tx, 'UPDATE contact_consents SET contact_id = $1 WHERE contact_id = $2', [s, l]);
  moved.mergeHistory = await rowCount(tx, 'UPDATE actor_merges SET survivor_id = $1 WHERE survivor_id = $2', [s, l]);
  // The stricter preference wins: an opt-out of either record stays an opt-out.
  await tx.db
    .update(contacts)
    .set({
      email: orFilled(survivor.email, loser.email),
      phone: orFilled(survivor.phone, loser.phone),
      jobFunction: orFilled(survivor.jobFunction, loser.jobFunction) ?? '',
      notes: [survivor.notes, loser.notes].filter(Boolean).join('\n\n'),
      languages: dedupe([...survivor.languages, ...loser.languages]),
      optOutNewsletter: survivor.optOutNewsletter || loser.optOutNewsletter,
      optOutInvitations: survivor.optOutInvitations || loser.optOutInvitations,
      preferredChannel: loser.preferredChannel === 'none' ? 'none' : survivor.preferredChannel,
      normName: normalizeName(survivor.name),
      updatedAt: new Date(),
    })
    .where(eq(contacts.id, s));
  await tx.db.insert(actorMerges).values({
    tenantId: tx.tenantId!,
    kind: 'contact',
    survivorId: s,
    mergedId: l,
    mergedName: loser.name,
    snapshot: snapshot(loser as unknown as Record<string, unknown>),
    moved,
    mergedBy: author.actorLabel,
  });
  await tx.db.delete(contacts).where(eq(contacts.id, l));
  // Personal data stays out of the log: ids and counts only.
  await writeAudit(tx, { ...author, action: 'contact.merged', entityType: 'contact', entityId: s, details: { mergedId: l, moved } });
  return moved;
}
