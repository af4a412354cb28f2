import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { caseAccessLog } from './case.table.ts';

export type AccessAction =
  | 'read'
  | 'list'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'print'
  | 'release'
  | 'override'
  | 'handover'
  | 'merge'
  | 'restrict'
  | 'erase';

export interface AccessEntry {
  action: AccessAction;
  /** person, case, plan, referral, consent, note, document … */
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  /** why: the override reason, the purpose of an export */
  purpose?: string | null;
  /** ids, counts and field names only — never personal data */
  details?: Record<string, unknown>;
}

/**
 * Appends to the case access log in the caller's transaction: the access and its record commit
 * together (a failed request leaves no entry for a change that did not happen). Every read,
 * change, export, print and release of case data calls this.
 */
export async function logCaseAccess(tx: Tx, actor: Actor | { userId: string | null; email: string; role: string }, entry: AccessEntry): Promise<void> {
  await tx.db.insert(caseAccessLog).values({
    tenantId: tx.tenantId ?? '',
    actorId: actor.userId,
    actorLabel: actor.email,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    personId: entry.personId ?? null,
    caseId: entry.caseId ?? null,
    purpose: entry.purpose ?? null,
    details: entry.details ?? {},
  });
}

export type AccessLogRow = typeof caseAccessLog.$inferSelect & { cursor: string };

/** An opaque keyset cursor: the entry's exact time (microseconds, as PostgreSQL prints it) and id. */
const encodeCursor = (at: string, id: string): string => Buffer.from(JSON.stringify([at, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && /^[0-9a-f-]{36}$/.test(String(value[1]))) {
      return [value[0], String(value[1])];
    }
  } catch {
    // not a cursor
  }
  return null;
}

/**
 * "Who saw my data": a person's (with the records merged into it) or a case's access log, newest
 * first, keyset-paged by (time, id) so entries of one transaction are never skipped between pages.
 */
export async function listAccessLog(
  tx: Tx,
  filter: { personIds?: string[]; caseId?: string; before?: [string, string] | null; limit: number },
): Promise<AccessLogRow[]> {
  const where: SQL[] = [];
  const persons = filter.personIds?.length ? inArray(caseAccessLog.personId, filter.personIds) : undefined;
  if (persons && filter.caseId) where.push(or(persons, eq(caseAccessLog.caseId, filter.caseId))!);
  else if (persons) where.push(persons);
  else if (filter.caseId) where.push(eq(caseAccessLog.caseId, filter.caseId));
  else return [];
  if (filter.before) where.push(sql`(${caseAccessLog.at}, ${caseAccessLog.id}) < (${filter.before[0]}::timestamptz, ${filter.before[1]}::uuid)`);
  const rows = await tx.db
    .select({ entry: caseAccessLog, atText: sql<string>`${caseAccessLog.at}::text` })
    .from(caseAccessLog)
    .where(and(...where))
    .orderBy(desc(caseAccessLog.at), desc(caseAccessLog.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.entry, cursor: encodeCursor(r.atText, r.entry.id) }));
}
