import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import type { CaseFlag, CaseFlagList, FlagCreate, FlagResolve } from '../../../shared/contracts/caseJournal.ts';
import { logCaseAccess } from '../accessLog.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { caseFlags } from './journal.table.ts';
import { actorName, columnCipher, type JournalDeps, nowOf } from './journalCommon.ts';

export type FlagRow = typeof caseFlags.$inferSelect;

const ciphers = (deps: Pick<JournalDeps, 'crypto'>, tenantId: string) => ({
  reason: columnCipher(deps.crypto, tenantId, 'case_flags', 'reason_enc'),
  resolution: columnCipher(deps.crypto, tenantId, 'case_flags', 'resolution_note_enc'),
});

export function presentFlag(deps: Pick<JournalDeps, 'crypto'>, row: FlagRow): CaseFlag {
  const c = ciphers(deps, row.tenantId);
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    reason: c.reason.decrypt(row.reasonEnc) ?? '',
    active: row.active,
    setByName: row.setByName,
    setAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedByName: row.resolvedByName,
    resolutionNote: c.resolution.decrypt(row.resolutionNoteEnc),
  };
}

/** A case's flags: active ones first, newest first. */
export async function listFlags(tx: Tx, deps: JournalDeps, caseId: string, status: 'active' | 'all'): Promise<CaseFlagList> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'read');
  const rows = await tx.db
    .select()
    .from(caseFlags)
    .where(and(eq(caseFlags.caseId, caseId), status === 'active' ? eq(caseFlags.active, true) : undefined))
    .orderBy(desc(caseFlags.active), desc(caseFlags.createdAt), desc(caseFlags.id));
  await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_flag', caseId, personId: caseRow.personId, details: { count: rows.length, status } });
  return { items: rows.map((r) => presentFlag(deps, r)) };
}

export async function createFlag(tx: Tx, deps: JournalDeps, caseId: string, input: FlagCreate): Promise<CaseFlag> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const now = nowOf(deps);
  const [row] = await tx.db
    .insert(caseFlags)
    .values({
      tenantId: tx.tenantId!,
      caseId,
      personId: caseRow.personId,
      kind: input.kind,
      reasonEnc: ciphers(deps, tx.tenantId!).reason.encrypt(input.reason)!,
      setBy: deps.actor.userId,
      setByName: actorName(deps.actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await logCaseAccess(tx, deps.actor, {
    action: 'create',
    entityType: 'case_flag',
    entityId: row!.id,
    caseId,
    personId: caseRow.personId,
    details: { kind: input.kind },
  });
  return presentFlag(deps, row!);
}

/** Resolves an active flag with a note (422 when it is resolved already; two resolves cannot both win). */
export async function resolveFlag(tx: Tx, deps: JournalDeps, caseId: string, flagId: string, input: FlagResolve): Promise<CaseFlag> {
  const { case: caseRow } = await loadCaseWithPerson(tx, deps.scope, caseId, 'write');
  const [row] = await tx.db
    .select()
    .from(caseFlags)
    .where(and(eq(caseFlags.id, flagId), eq(caseFlags.caseId, caseId)));
  if (!row) throw new AppError('not_found', 'Flag not found');
  const alreadyResolved = () => new AppError('invalid_state_transition', 'This flag has been resolved already', { field: 'active' });
  if (!row.active) throw alreadyResolved();
  const now = nowOf(deps);
  const [updated] = await tx.db
    .update(caseFlags)
    .set({
      active: false,
      resolvedAt: now,
      resolvedBy: deps.actor.userId,
      resolvedByName: actorName(deps.actor),
      resolutionNoteEnc: ciphers(deps, tx.tenantId!).resolution.encrypt(input.resolutionNote),
      updatedAt: now,
    })
    .where(and(eq(caseFlags.id, row.id), eq(caseFlags.active, true)))
    .returning();
  if (!updated) throw alreadyResolved();
  await logCaseAccess(tx, deps.actor, {
    action: 'update',
    entityType: 'case_flag',
    entityId: row.id,
    caseId,
    personId: caseRow.personId,
    details: { resolved: true, kind: row.kind },
  });
  return presentFlag(deps, updated);
}
