import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type CaseScope, caseInScope, personScopeSql } from './case.policy.ts';
import { cases, persons } from './case.table.ts';

export type CaseRow = typeof cases.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

/** Loads a case in the actor's scope; anything else (missing, other team, other tenant) is 404. */
export async function loadCase(tx: Tx, scope: CaseScope, caseId: string): Promise<CaseRow> {
  const [row] = await tx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!row || !caseInScope(scope, row)) throw new AppError('not_found', 'Case not found');
  return row;
}

/** Loads a person in the actor's scope (see personScopeSql); anything else is 404. */
export async function loadPerson(tx: Tx, scope: CaseScope, personId: string): Promise<PersonRow> {
  const [row] = await tx.db
    .select()
    .from(persons)
    .where(and(eq(persons.id, personId), personScopeSql(scope)));
  if (!row) throw new AppError('not_found', 'Person not found');
  return row;
}

/** A case and its person; the person's Art. 18 restriction blocks 'write' and 'share'. */
export async function loadCaseWithPerson(tx: Tx, scope: CaseScope, caseId: string, action: 'read' | 'write' | 'share' = 'read'): Promise<{ case: CaseRow; person: PersonRow }> {
  const row = await loadCase(tx, scope, caseId);
  const [person] = await tx.db.select().from(persons).where(eq(persons.id, row.personId));
  if (!person) throw new AppError('not_found', 'Case not found');
  if (action !== 'read' && person.restricted) {
    throw new AppError('forbidden', 'Processing of this person’s data is restricted (Art. 18 GDPR): no editing or sharing', { field: 'restricted' });
  }
  return { case: row, person };
}
