/**
 * Read-only journal queries for other case features: the caseload dashboard (task counts,
 * expiring documents) and the case header / case list (active flags). They take the caller's
 * transaction and confine themselves to the given case scope; they do not write the access log —
 * the calling route logs its own read ('list' for the dashboard, 'read' for the case page).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { FieldCrypto } from '../../../security/fieldCrypto.ts';
import type { ExpiringDocument, FlagKind } from '../../../shared/contracts/caseJournal.ts';
import { today as berlinToday } from '../../actors/day.ts';
import { authUser } from '../../auth/auth.table.ts';
import { type CaseScope, caseScopeSql } from '../case.policy.ts';
import { cases, persons, teams } from '../case.table.ts';
import { caseDocuments, caseFlags, caseTasks } from './journal.table.ts';
import { columnCipher, daysBetween } from './journalCommon.ts';

export interface TaskCountRow {
  open: number;
  overdue: number;
}

export interface TaskCounts extends TaskCountRow {
  /** per assignee (the account responsible for the task) */
  byAssignee: Array<TaskCountRow & { assigneeId: string; assigneeName: string }>;
  /** per team of the task's case */
  byTeam: Array<TaskCountRow & { teamId: string; teamName: string }>;
}

/**
 * Open and overdue tasks in the scope's cases (manager: own cases, team lead: the team,
 * integration lead: the office), in total, per assignee and per team. `today` defaults to today
 * in Europe/Berlin; a task is overdue when its due day has passed.
 */
export async function taskCounts(tx: Tx, scope: CaseScope, options: { today?: string } = {}): Promise<TaskCounts> {
  const today = options.today ?? berlinToday();
  const open = sql<number>`count(*)::int`;
  const overdue = sql<number>`(count(*) filter (where ${caseTasks.dueOn} < ${today}::date))::int`;
  const base = and(isNull(caseTasks.doneAt), caseScopeSql(scope));
  const join = and(eq(cases.tenantId, caseTasks.tenantId), eq(cases.id, caseTasks.caseId));
  const byAssignee = await tx.db
    .select({ assigneeId: caseTasks.assigneeId, assigneeName: sql<string>`coalesce(max(${authUser.name}), '')`, open, overdue })
    .from(caseTasks)
    .innerJoin(cases, join)
    .leftJoin(authUser, eq(authUser.id, caseTasks.assigneeId))
    .where(base)
    .groupBy(caseTasks.assigneeId)
    .orderBy(asc(caseTasks.assigneeId));
  const byTeam = await tx.db
    .select({ teamId: cases.teamId, teamName: sql<string>`coalesce(max(${teams.name}), '')`, open, overdue })
    .from(caseTasks)
    .innerJoin(cases, join)
    .leftJoin(teams, and(eq(teams.tenantId, cases.tenantId), eq(teams.id, cases.teamId)))
    .where(base)
    .groupBy(cases.teamId)
    .orderBy(asc(cases.teamId));
  return {
    open: byTeam.reduce((n, r) => n + Number(r.open), 0),
    overdue: byTeam.reduce((n, r) => n + Number(r.overdue), 0),
    byAssignee: byAssignee.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) })),
    byTeam: byTeam.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) })),
  };
}

/**
 * Documents of open (not closed) cases in the scope that expire within `days` days — or, without
 * `days`, within each document's own reminder period — including those expired already; soonest
 * first. No file names (they are encrypted and not needed for a reminder).
 */
export async function expiringDocuments(tx: Tx, scope: CaseScope, days?: number, options: { today?: string; limit?: number } = {}): Promise<ExpiringDocument[]> {
  const today = options.today ?? berlinToday();
  const window = days === undefined ? sql`${caseDocuments.remindBeforeDays}` : sql`${days}::int`;
  const rows = await tx.db
    .select({
      id: caseDocuments.id,
      caseId: caseDocuments.caseId,
      caseReference: cases.reference,
      givenName: persons.givenName,
      familyName: persons.familyName,
      docType: caseDocuments.docType,
      expiresOn: caseDocuments.expiresOn,
    })
    .from(caseDocuments)
    .innerJoin(cases, and(eq(cases.tenantId, caseDocuments.tenantId), eq(cases.id, caseDocuments.caseId)))
    .innerJoin(persons, and(eq(persons.tenantId, caseDocuments.tenantId), eq(persons.id, caseDocuments.personId)))
    .where(
      and(
        isNotNull(caseDocuments.expiresOn),
        lte(caseDocuments.expiresOn, sql`(${today}::date + ${window})`),
        ne(cases.state, 'closed'),
        caseScopeSql(scope),
      ),
    )
    .orderBy(asc(caseDocuments.expiresOn), asc(caseDocuments.id))
    .limit(options.limit ?? 500);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseReference: r.caseReference,
    personName: `${r.givenName} ${r.familyName}`.trim(),
    docType: r.docType,
    expiresOn: r.expiresOn!,
    daysLeft: daysBetween(today, r.expiresOn!),
  }));
}

export interface ActiveFlag {
  id: string;
  kind: FlagKind;
  /** the reason, when a FieldCrypto is passed (it is encrypted at rest); else null */
  reason: string | null;
  setByName: string;
  setAt: string;
}

/**
 * The active flags of a case for its header (newest first). The caller has loaded the case in the
 * actor's scope already; pass `crypto` to get the reasons decrypted.
 */
export async function activeFlags(tx: Tx, caseId: string, options: { crypto?: FieldCrypto } = {}): Promise<ActiveFlag[]> {
  const rows = await tx.db
    .select()
    .from(caseFlags)
    .where(and(eq(caseFlags.caseId, caseId), eq(caseFlags.active, true)))
    .orderBy(sql`${caseFlags.createdAt} desc`, asc(caseFlags.id));
  const cipher = options.crypto && tx.tenantId ? columnCipher(options.crypto, tx.tenantId, 'case_flags', 'reason_enc') : null;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: cipher ? cipher.decrypt(r.reasonEnc) : null,
    setByName: r.setByName,
    setAt: r.createdAt.toISOString(),
  }));
}

/** The kinds of active flags per case, for a list of cases (e.g. badges in the case list). */
export async function activeFlagKinds(tx: Tx, caseIds: string[]): Promise<Map<string, FlagKind[]>> {
  const out = new Map<string, FlagKind[]>();
  if (!caseIds.length) return out;
  const rows = await tx.db
    .selectDistinct({ caseId: caseFlags.caseId, kind: caseFlags.kind })
    .from(caseFlags)
    .where(and(inArray(caseFlags.caseId, caseIds), eq(caseFlags.active, true)))
    .orderBy(asc(caseFlags.caseId), asc(caseFlags.kind));
  for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.kind]);
  return out;
}
