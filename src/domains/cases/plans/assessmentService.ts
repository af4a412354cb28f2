import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { cryptoContext, type FieldCrypto } from '../../../security/fieldCrypto.ts';
import type { AssessmentEntry, AssessmentResponse } from '../../../shared/contracts/casePlans.ts';
import type { Actor } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import type { CaseRow, PersonRow } from '../caseLookup.ts';
import { fieldOptions, requireKnownField } from './fieldsOfAction.ts';
import { lockReasonOf } from './planRules.ts';
import { caseAssessments } from './plans.table.ts';

type AssessmentRow = typeof caseAssessments.$inferSelect;

const TEXTS = ['situation', 'needs', 'resources'] as const;
type TextName = (typeof TEXTS)[number];
const SQL_COLUMN: Record<TextName, string> = { situation: 'situation_enc', needs: 'needs_enc', resources: 'resources_enc' };

const contextOf = (tenantId: string, name: TextName) => cryptoContext(tenantId, 'case_assessments', SQL_COLUMN[name]);

function presentAssessment(crypto: FieldCrypto, row: AssessmentRow): AssessmentEntry {
  return {
    fieldOfAction: row.fieldOfAction,
    situation: crypto.decrypt(row.situationEnc, contextOf(row.tenantId, 'situation')) ?? '',
    needs: crypto.decrypt(row.needsEnc, contextOf(row.tenantId, 'needs')) ?? '',
    resources: crypto.decrypt(row.resourcesEnc, contextOf(row.tenantId, 'resources')) ?? '',
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByLabel,
  };
}

/** The assessment of a case, field by field (decrypted); logged as a read. */
export async function readAssessment(tx: Tx, crypto: FieldCrypto, actor: Actor, found: { case: CaseRow; person: PersonRow }): Promise<AssessmentResponse> {
  const rows = await tx.db.select().from(caseAssessments).where(eq(caseAssessments.caseId, found.case.id)).orderBy(asc(caseAssessments.fieldOfAction));
  await logCaseAccess(tx, actor, {
    action: 'read',
    entityType: 'assessment',
    entityId: found.case.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { fields: rows.map((r) => r.fieldOfAction) },
  });
  return {
    caseId: found.case.id,
    fieldsOfAction: await fieldOptions(tx),
    entries: rows.map((r) => presentAssessment(crypto, r)),
    lockedBecause: lockReasonOf(found),
  };
}

/**
 * Writes the assessment of one field of action (situation, needs, resources — encrypted).
 * Optimistic locking: `version` is the one the client read (0 for a field not assessed yet); a
 * concurrent change answers 409 and writes nothing.
 */
export async function saveAssessment(
  tx: Tx,
  crypto: FieldCrypto,
  actor: Actor,
  found: { case: CaseRow; person: PersonRow },
  field: string,
  input: { situation: string; needs: string; resources: string; version: number },
): Promise<AssessmentEntry> {
  requireKnownField(await fieldOptions(tx), field, 'field');
  const tenantId = found.case.tenantId;
  const [current] = await tx.db
    .select()
    .from(caseAssessments)
    .where(and(eq(caseAssessments.caseId, found.case.id), eq(caseAssessments.fieldOfAction, field)));
  const encrypted = {
    situationEnc: input.situation.trim() ? crypto.encrypt(input.situation, contextOf(tenantId, 'situation')) : null,
    needsEnc: input.needs.trim() ? crypto.encrypt(input.needs, contextOf(tenantId, 'needs')) : null,
    resourcesEnc: input.resources.trim() ? crypto.encrypt(input.resources, contextOf(tenantId, 'resources')) : null,
  };
  const author = { updatedBy: actor.userId, updatedByLabel: actor.name || actor.email };
  let row: AssessmentRow | undefined;
  let changed: TextName[];
  if (!current) {
    if (input.version !== 0) throw conflict(0);
    changed = TEXTS.filter((name) => input[name].trim() !== '');
    [row] = await tx.db
      .insert(caseAssessments)
      .values({ tenantId, caseId: found.case.id, personId: found.person.id, fieldOfAction: field, ...encrypted, ...author })
      .onConflictDoNothing()
      .returning();
    // Someone else created it at the same moment.
    if (!row) throw conflict(1);
  } else {
    if (current.version !== input.version) throw conflict(current.version);
    const before = presentAssessment(crypto, current);
    changed = TEXTS.filter((name) => before[name] !== (input[name].trim() ? input[name] : ''));
    [row] = await tx.db
      .update(caseAssessments)
      .set({ ...encrypted, ...author, version: sql`${caseAssessments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(caseAssessments.id, current.id), eq(caseAssessments.version, input.version)))
      .returning();
    if (!row) throw conflict(current.version + 1);
  }
  await logCaseAccess(tx, actor, {
    action: current ? 'update' : 'create',
    entityType: 'assessment',
    entityId: row.id,
    personId: found.person.id,
    caseId: found.case.id,
    details: { fieldOfAction: field, changed },
  });
  return presentAssessment(crypto, row);
}

function conflict(currentVersion: number): AppError {
  return new AppError('conflict', 'This assessment was changed by someone else in the meantime. Reload it and enter your changes again.', {
    field: 'version',
    details: { currentVersion },
  });
}
