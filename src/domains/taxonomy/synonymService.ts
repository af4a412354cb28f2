import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import type { AdminSynonymGroup, SynonymInput } from '../../shared/contracts/directoryAdmin.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { synonymGroups } from './taxonomy.table.ts';

export type SynonymGroupRow = typeof synonymGroups.$inferSelect;

export const presentSynonymGroup = (row: SynonymGroupRow): AdminSynonymGroup => ({
  id: row.id,
  terms: row.terms,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listSynonymGroups(tx: Tx): Promise<SynonymGroupRow[]> {
  const rows = await tx.db.select().from(synonymGroups).orderBy(asc(synonymGroups.createdAt), asc(synonymGroups.id));
  // Alphabetical by first term reads best in the editor; sorted here because terms is an array.
  return rows.sort((a, b) => (a.terms[0] ?? '').localeCompare(b.terms[0] ?? '', 'de'));
}

export async function findSynonymGroup(tx: Tx, id: string): Promise<SynonymGroupRow | null> {
  const [row] = await tx.db.select().from(synonymGroups).where(eq(synonymGroups.id, id));
  return row ?? null;
}

export async function createSynonymGroup(tx: Tx, author: Author, input: SynonymInput): Promise<SynonymGroupRow> {
  const [row] = await tx.db.insert(synonymGroups).values({ tenantId: tx.tenantId!, terms: input.terms }).returning();
  await writeAudit(tx, {
    ...author,
    action: 'synonym_group.created',
    entityType: 'synonym_group',
    entityId: row!.id,
    details: { changes: { terms: { before: null, after: row!.terms } } },
  });
  return row!;
}

export async function updateSynonymGroup(tx: Tx, author: Author, before: SynonymGroupRow, input: SynonymInput): Promise<SynonymGroupRow> {
  if (JSON.stringify(before.terms) === JSON.stringify(input.terms)) return before;
  const [row] = await tx.db
    .update(synonymGroups)
    .set({ terms: input.terms, updatedAt: new Date() })
    .where(eq(synonymGroups.id, before.id))
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'synonym_group.updated',
    entityType: 'synonym_group',
    entityId: before.id,
    details: { changes: { terms: { before: before.terms, after: row!.terms } } },
  });
  return row!;
}

export async function deleteSynonymGroup(tx: Tx, author: Author, before: SynonymGroupRow): Promise<void> {
  await tx.db.delete(synonymGroups).where(eq(synonymGroups.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'synonym_group.deleted',
    entityType: 'synonym_group',
    entityId: before.id,
    details: { changes: { terms: { before: before.terms, after: null } } },
  });
}
