import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { cryptoContext, type FieldCrypto } from '../../../security/fieldCrypto.ts';
import { today as berlinToday } from '../../actors/day.ts';
import type { Actor } from '../../auth/roles.ts';
import type { CaseScope } from '../case.policy.ts';
import { recordHistory } from '../case.table.ts';
import { correctionValues, writeCorrections } from '../corrections.ts';

/** What every journal service needs: who acts, in which scope, the field encryption, the clock. */
export interface JournalDeps {
  actor: Actor;
  scope: CaseScope;
  crypto: FieldCrypto;
  /** "now" (tests pass a fixed time); today is derived from it in Europe/Berlin */
  now?: Date;
}

export const nowOf = (deps: Pick<JournalDeps, 'now'>): Date => deps.now ?? new Date();
/** Today in the municipality's time zone, as YYYY-MM-DD. */
export const todayOf = (deps: Pick<JournalDeps, 'now'>): string => berlinToday(nowOf(deps));

/** The label stored with what an account wrote (its display name; staff data, not case data). */
export const actorName = (actor: Pick<Actor, 'name' | 'email'>): string => actor.name || actor.email;

/** Encrypts / decrypts one column of a journal table, bound to the tenant and the column. */
export function columnCipher(crypto: FieldCrypto, tenantId: string, table: string, column: string) {
  const context = cryptoContext(tenantId, table, column);
  return {
    encrypt: (plain: string | null | undefined): string | null => (plain === null || plain === undefined ? null : crypto.encrypt(plain, context)),
    decrypt: (stored: string | null | undefined): string | null => (stored ? crypto.decrypt(stored, context) : null),
  };
}

/** Adds whole days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const conflict = () => new AppError('conflict', 'Someone else changed this in the meantime: reload and apply your change again', { field: 'version' });

export interface HistoryTarget {
  personId: string;
  caseId: string;
  entityType: 'case_entry' | 'case_task' | 'case_document';
  entityId: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Art. 16 DSGVO: keeps the earlier and the new value of every corrected field in record_history,
 * encrypted (the values can be as sensitive as the record), in the caller's transaction.
 */
export async function recordCorrections(tx: Tx, deps: JournalDeps, target: HistoryTarget, changes: FieldChange[], reason: string | null): Promise<void> {
  await writeCorrections(
    tx,
    deps.crypto,
    { ...target, reason, actorId: deps.actor.userId, actorLabel: actorName(deps.actor), at: nowOf(deps) },
    changes.map((c) => ({ field: c.field, oldValue: c.before, newValue: c.after })),
  );
}

export interface DecryptedChange {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  actorName: string;
  at: string;
}

/** The corrections of one record, oldest first, decrypted. */
export async function correctionsOf(tx: Tx, deps: JournalDeps, entityType: HistoryTarget['entityType'], entityId: string): Promise<DecryptedChange[]> {
  const rows = await tx.db
    .select()
    .from(recordHistory)
    .where(and(eq(recordHistory.entityType, entityType), eq(recordHistory.entityId, entityId)))
    .orderBy(asc(recordHistory.at), asc(recordHistory.field));
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    ...correctionValues(deps.crypto, r),
    reason: r.reason,
    actorName: r.actorLabel,
    at: r.at.toISOString(),
  }));
}

/** Compares plain values (arrays and objects by their JSON). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
