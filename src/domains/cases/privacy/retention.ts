import type { Database } from '../../../db/database.ts';
import { eraseCases, erasePersons } from './erasure.ts';

/**
 * The retention job (Art. 17 DSGVO, storage limitation). A case is due when it is closed and its
 * `retention_due_on` (closure + the programme's retention period, set when the case is closed)
 * has passed. A person whose cases are all due is erased completely; a person who still has a
 * case within retention loses only the due cases. Persons recorded without any case are erased
 * after ORPHAN_PERSON_MONTHS without change — unless they belong to a household where someone's
 * case is still kept (the household is part of that case's picture). Works in batches, each batch one transaction, so a
 * crash leaves every batch either done or untouched, and the next run continues.
 */
export const ORPHAN_PERSON_MONTHS = 12;
const BATCH = 500;

export interface RetentionReport {
  tenants: number;
  persons: number;
  cases: number;
  /** what a dry run would erase */
  dryRun: boolean;
}

interface Due {
  personIds: string[];
  /** cases due whose person keeps other cases */
  caseIds: string[];
}

async function dueInTenant(db: Database, tenantId: string, today: string): Promise<Due> {
  return db.system(async (tx) => {
    const persons = await tx.query<{ id: string }>(
      `SELECT p.id FROM persons p
        WHERE p.tenant_id = $1 AND p.merged_into_id IS NULL
          AND (
            (EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = p.tenant_id AND c.person_id = p.id)
             AND NOT EXISTS (
               SELECT 1 FROM cases c WHERE c.tenant_id = p.tenant_id AND c.person_id = p.id
                 AND NOT (c.state = 'closed' AND c.retention_due_on IS NOT NULL AND c.retention_due_on <= $2::date)))
            OR
            (NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = p.tenant_id AND c.person_id = p.id)
             AND p.updated_at < $2::date - make_interval(months => $3)
             -- household members without a case of their own stay while a member's case is still kept
             AND NOT EXISTS (
               SELECT 1 FROM persons m JOIN cases c ON c.tenant_id = m.tenant_id AND c.person_id = m.id
                WHERE m.tenant_id = p.tenant_id AND p.household_id IS NOT NULL AND m.household_id = p.household_id
                  AND NOT (c.state = 'closed' AND c.retention_due_on IS NOT NULL AND c.retention_due_on <= $2::date)))
          )`,
      [tenantId, today, ORPHAN_PERSON_MONTHS],
    );
    const cases = await tx.query<{ id: string }>(
      `SELECT c.id FROM cases c
        WHERE c.tenant_id = $1 AND c.state = 'closed' AND c.retention_due_on <= $2::date
          AND EXISTS (SELECT 1 FROM cases o WHERE o.tenant_id = c.tenant_id AND o.person_id = c.person_id
                        AND NOT (o.state = 'closed' AND o.retention_due_on IS NOT NULL AND o.retention_due_on <= $2::date))`,
      [tenantId, today],
    );
    return { personIds: persons.map((r) => r.id), caseIds: cases.map((r) => r.id) };
  });
}

/** Runs the retention job for every tenant (or one). `today` as YYYY-MM-DD (default: today). */
export async function runRetention(db: Database, options: { today?: string; tenantId?: string; dryRun?: boolean } = {}): Promise<RetentionReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const tenants = options.tenantId
    ? [{ id: options.tenantId }]
    : await db.system((tx) => tx.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at'));
  const report: RetentionReport = { tenants: tenants.length, persons: 0, cases: 0, dryRun: Boolean(options.dryRun) };
  for (const tenant of tenants) {
    const due = await dueInTenant(db, tenant.id, today);
    if (options.dryRun) {
      report.persons += due.personIds.length;
      report.cases += due.caseIds.length;
      continue;
    }
    for (let i = 0; i < due.caseIds.length; i += BATCH) {
      const r = await eraseCases(db, tenant.id, due.caseIds.slice(i, i + BATCH), 'anonymised', 'retention job');
      report.cases += r.cases;
    }
    for (let i = 0; i < due.personIds.length; i += BATCH) {
      const r = await erasePersons(db, tenant.id, due.personIds.slice(i, i + BATCH), 'anonymised', 'retention job');
      report.persons += r.persons;
      report.cases += r.cases;
    }
  }
  return report;
}
