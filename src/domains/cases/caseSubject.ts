import { foreignKey, type PgColumn, uuid } from 'drizzle-orm/pg-core';
import { cases, persons } from './case.table.ts';

/**
 * A feature table's row about a person in a case (journal, assessment, plan, referral …) names
 * both — `case_id` and `person_id` — and is erased with either: with the case (retention of a single
 * case) and with the person (erasure, Art. 17). Merge moves `person_id` (personalData.ts).
 */
export const caseSubjectColumns = () => ({
  caseId: uuid('case_id').notNull(),
  personId: uuid('person_id').notNull(),
});

/** The foreign keys of the case subject columns (with the tenant, ON DELETE CASCADE). */
export function caseSubjectKeys(t: { tenantId: PgColumn; caseId: PgColumn; personId: PgColumn }) {
  return [
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
  ];
}
