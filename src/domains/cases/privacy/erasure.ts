import type { Database, Tx } from '../../../db/database.ts';
import { writeAudit } from '../../audit/auditLog.ts';
import type { GoalOutcomeSummary } from '../case.table.ts';
import { collectOutcomeFacts } from '../reports/outcomeFacts.ts';

/**
 * Art. 17 DSGVO: erasure of case data — on request, and by the retention job after a programme's
 * retention period has passed since closure.
 *
 * What stays is anonymous: one `case_statistics` row per erased case (programme, team, birth year,
 * months of start and closure, closing reason, duration, goal outcomes per field of action,
 * referral counts). Everything else goes in one transaction: the person row — which cascades to
 * cases and every feature table (plans, goals, referrals, consents, notes, tasks, documents, flags,
 * history; see personalData.ts) — the person's and their cases' access-log entries (the only
 * deletion the append-only log allows, as owner with `lotse.erasure = on`), records merged into the
 * person, and households left without members. The name search columns live in the person row,
 * so search index entries go with it.
 */

export type ErasureCause = 'anonymised' | 'erased_on_request';

export interface CaseOutcomeFacts {
  goals: GoalOutcomeSummary;
  referrals: { sent: number; accepted: number; rejected: number; completed: number };
}

export interface ErasureResult {
  persons: number;
  cases: number;
}

const ERASURE_SETTINGS = { 'lotse.erasure': 'on' };

/** The ids of the persons plus every record that was merged into them (transitively). */
async function withMergedRecords(tx: Tx, tenantId: string, personIds: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `WITH RECURSIVE chain(id) AS (
       SELECT id FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[])
       UNION
       SELECT p.id FROM persons p JOIN chain c ON p.merged_into_id = c.id WHERE p.tenant_id = $1
     ) SELECT id FROM chain`,
    [tenantId, personIds],
  );
  return rows.map((r) => r.id);
}

/** Writes the anonymous statistics of the given cases (before they are deleted). */
async function recordStatistics(tx: Tx, tenantId: string, caseIds: string[], cause: ErasureCause): Promise<void> {
  if (!caseIds.length) return;
  // goal outcomes per field of action and referral counts (reports/outcomeFacts.ts), so the outcome report stays complete
  const facts: Map<string, CaseOutcomeFacts> = await collectOutcomeFacts(tx, tenantId, caseIds);
  const payload = caseIds.map((id) => ({ id, ...(facts.get(id) ?? { goals: {}, referrals: { sent: 0, accepted: 0, rejected: 0, completed: 0 } }) }));
  await tx.query(
    `INSERT INTO case_statistics (tenant_id, programme_id, team_id, birth_year, started_month, closed_month, closing_reason, duration_days, goals, referrals, cause)
     SELECT c.tenant_id, c.programme_id, c.team_id,
            extract(year FROM p.birth_date)::int,
            date_trunc('month', c.started_on)::date,
            date_trunc('month', c.closed_on)::date,
            c.closing_reason,
            CASE WHEN c.closed_on IS NULL THEN NULL ELSE (c.closed_on - c.started_on) END,
            f.goals, f.referrals, $3
     FROM cases c
     JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.person_id
     JOIN jsonb_to_recordset($2::jsonb) AS f(id uuid, goals jsonb, referrals jsonb) ON f.id = c.id
     WHERE c.tenant_id = $1`,
    [tenantId, JSON.stringify(payload), cause],
  );
}

/**
 * Notification mails name no person, but link to the referral or the case by its id (and carry the
 * referral number derived from it): they go with the records.
 */
async function deleteMailsAbout(tx: Tx, tenantId: string, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  const referrals = await tx.query<{ id: string }>('SELECT id FROM case_referrals WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])', [tenantId, caseIds]);
  await tx.query(
    `DELETE FROM mail_outbox m WHERE m.tenant_id = $1
       AND EXISTS (SELECT 1 FROM regexp_matches(m.text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') AS r(id)
                    WHERE r.id[1]::uuid = ANY($2::uuid[]))`,
    [tenantId, [...caseIds, ...referrals.map((r) => r.id)]],
  );
}

async function eraseInTx(tx: Tx, tenantId: string, personIds: string[], onlyCases: string[] | null, cause: ErasureCause): Promise<ErasureResult> {
  if (onlyCases) {
    let caseIdsOnly = onlyCases;
    // Only some cases of a person (the person has other cases still within retention).
    // Lock first: a concurrent run (another node) waits here and then finds the rows gone.
    const locked = await tx.query<{ id: string }>('SELECT id FROM cases WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE', [tenantId, caseIdsOnly]);
    caseIdsOnly = locked.map((r) => r.id);
    if (!caseIdsOnly.length) return { persons: 0, cases: 0 };
    await recordStatistics(tx, tenantId, caseIdsOnly, cause);
    await deleteMailsAbout(tx, tenantId, caseIdsOnly);
    await tx.query('DELETE FROM case_access_log WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])', [tenantId, caseIdsOnly]);
    const deleted = await tx.query('DELETE FROM cases WHERE tenant_id = $1 AND id = ANY($2::uuid[]) RETURNING id', [tenantId, caseIdsOnly]);
    return { persons: 0, cases: deleted.length };
  }
  const chain = await withMergedRecords(tx, tenantId, personIds);
  const locked = await tx.query<{ id: string }>('SELECT id FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE', [tenantId, chain]);
  const ids = locked.map((r) => r.id);
  if (!ids.length) return { persons: 0, cases: 0 };
  const caseRows = await tx.query<{ id: string }>('SELECT id FROM cases WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])', [tenantId, ids]);
  const caseIds = caseRows.map((r) => r.id);
  await recordStatistics(tx, tenantId, caseIds, cause);
  await deleteMailsAbout(tx, tenantId, caseIds);
  await tx.query('DELETE FROM case_access_log WHERE tenant_id = $1 AND (person_id = ANY($2::uuid[]) OR case_id = ANY($3::uuid[]))', [tenantId, ids, caseIds]);
  const households = await tx.query<{ household_id: string }>(
    'SELECT DISTINCT household_id FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND household_id IS NOT NULL',
    [tenantId, ids],
  );
  // Merged records point at their survivor: delete the chain from the leaves, in one statement.
  await tx.query('UPDATE persons SET merged_into_id = NULL WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, ids]);
  const deleted = await tx.query('DELETE FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[]) RETURNING id', [tenantId, ids]);
  if (households.length) {
    await tx.query(
      `DELETE FROM households h WHERE h.tenant_id = $1 AND h.id = ANY($2::uuid[])
         AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = h.tenant_id AND p.household_id = h.id)`,
      [tenantId, households.map((h) => h.household_id)],
    );
  }
  return { persons: deleted.length, cases: caseIds.length };
}

/**
 * Erases persons (and everything about them) now. Runs as the owner role in one transaction;
 * `actorLabel` names who asked; the audit entry carries counts and the reason only, no ids
 * (the caller makes sure the reason does not name the person).
 */
export async function erasePersons(
  db: Database,
  tenantId: string,
  personIds: string[],
  cause: ErasureCause,
  actorLabel: string,
  reason?: string,
): Promise<ErasureResult> {
  return db.system(
    async (tx) => {
      const result = await eraseInTx(tx, tenantId, personIds, null, cause);
      await writeAudit(tx, {
        tenantId,
        action: cause === 'erased_on_request' ? 'case_data.erased_on_request' : 'case_data.anonymised',
        entityType: 'case_data',
        actorLabel,
        details: { persons: result.persons, cases: result.cases, ...(reason ? { reason } : {}) },
      });
      return result;
    },
    { settings: ERASURE_SETTINGS },
  );
}

/** Erases single cases (not their person). */
export async function eraseCases(db: Database, tenantId: string, caseIds: string[], cause: ErasureCause, actorLabel: string): Promise<ErasureResult> {
  return db.system(
    async (tx) => {
      const result = await eraseInTx(tx, tenantId, [], caseIds, cause);
      await writeAudit(tx, {
        tenantId,
        action: 'case_data.anonymised',
        entityType: 'case_data',
        actorLabel,
        details: { persons: 0, cases: result.cases },
      });
      return result;
    },
    { settings: ERASURE_SETTINGS },
  );
}
