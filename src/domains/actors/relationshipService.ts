import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Relationship, RelationshipInput, RelationshipUpdate } from '../../shared/contracts/actors.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { findRelationship } from './actorLinks.ts';
import { actorRelationships } from './actors.table.ts';

async function exists(tx: Tx, table: 'contacts' | 'organisations', id: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** The same relationship (kind, from, to) whose period overlaps the given one, if any. */
async function overlapping(
  tx: Tx,
  r: { kind: string; fromContactId: string | null; fromOrganisationId: string | null; toOrganisationId: string; startsOn: string | null; endsOn: string | null },
  exceptId?: string,
): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM actor_relationships
     WHERE kind = $1 AND from_contact_id IS NOT DISTINCT FROM $2::uuid AND from_organisation_id IS NOT DISTINCT FROM $3::uuid
       AND to_organisation_id = $4 AND ($7::uuid IS NULL OR id <> $7::uuid)
       AND (starts_on IS NULL OR $6::date IS NULL OR starts_on <= $6::date)
       AND (ends_on IS NULL OR $5::date IS NULL OR ends_on >= $5::date)
     LIMIT 1`,
    [r.kind, r.fromContactId, r.fromOrganisationId, r.toOrganisationId, r.startsOn, r.endsOn, exceptId ?? null],
  );
  return row?.id ?? null;
}

export async function createRelationship(tx: Tx, author: Author, input: RelationshipInput): Promise<Relationship> {
  const fromContactId = input.fromContactId ?? null;
  const fromOrganisationId = input.fromOrganisationId ?? null;
  if (fromContactId && !(await exists(tx, 'contacts', fromContactId))) throw new AppError('validation_failed', 'Unknown contact', { field: 'fromContactId' });
  if (fromOrganisationId && !(await exists(tx, 'organisations', fromOrganisationId))) {
    throw new AppError('validation_failed', 'Unknown organisation', { field: 'fromOrganisationId' });
  }
  if (!(await exists(tx, 'organisations', input.toOrganisationId))) throw new AppError('validation_failed', 'Unknown organisation', { field: 'toOrganisationId' });
  const values = {
    kind: input.kind,
    fromContactId,
    fromOrganisationId,
    toOrganisationId: input.toOrganisationId,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
  };
  const clash = await overlapping(tx, values);
  if (clash) throw new AppError('duplicate', 'This relationship is already recorded for an overlapping period', { field: 'toOrganisationId', details: { relationshipId: clash } });
  const [row] = await tx.db
    .insert(actorRelationships)
    .values({ tenantId: tx.tenantId!, ...values, note: input.note })
    .returning({ id: actorRelationships.id });
  await writeAudit(tx, { ...author, action: 'relationship.created', entityType: 'relationship', entityId: row!.id, details: { ...values } });
  return (await findRelationship(tx, row!.id))!;
}

export async function updateRelationship(tx: Tx, author: Author, before: Relationship, input: RelationshipUpdate): Promise<Relationship> {
  const startsOn = input.startsOn === undefined ? before.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) throw new AppError('validation_failed', 'the end must not be before the start', { field: 'endsOn' });
  const clash = await overlapping(
    tx,
    {
      kind: before.kind,
      fromContactId: before.from.type === 'contact' ? before.from.id : null,
      fromOrganisationId: before.from.type === 'organisation' ? before.from.id : null,
      toOrganisationId: before.to.id,
      startsOn,
      endsOn,
    },
    before.id,
  );
  if (clash) throw new AppError('duplicate', 'This relationship is already recorded for an overlapping period', { field: 'startsOn', details: { relationshipId: clash } });
  await tx.db.update(actorRelationships).set({ startsOn, endsOn, note: input.note, updatedAt: new Date() }).where(eq(actorRelationships.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'relationship.updated',
    entityType: 'relationship',
    entityId: before.id,
    details: { changes: { startsOn: { before: before.startsOn, after: startsOn }, endsOn: { before: before.endsOn, after: endsOn } } },
  });
  return (await findRelationship(tx, before.id))!;
}

export async function deleteRelationship(tx: Tx, author: Author, before: Relationship): Promise<void> {
  await tx.db.delete(actorRelationships).where(eq(actorRelationships.id, before.id));
  await writeAudit(tx, { ...author, action: 'relationship.deleted', entityType: 'relationship', entityId: before.id, details: { kind: before.kind, from: before.from.id, to: before.to.id } });
}
