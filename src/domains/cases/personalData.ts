/**
 * The map of personal data in case management: every table that holds data about a person, with
 * the column naming the person. Merge (moving data to the surviving record), the Art. 15/20
 * export and the erasure proof all read this list — a feature table that stores person data
 * registers itself here (one line), and its rows reference `cases`/`persons` with ON DELETE
 * CASCADE, so erasing the person row removes them.
 */
export interface PersonalDataTable {
  table: string;
  /** column holding the person id (tables without it are reached through caseColumn) */
  personColumn?: string;
  /** column holding the case id, if any */
  caseColumn?: string;
  /** section name in the Art. 15/20 export */
  exportAs: string;
}

export const PERSONAL_DATA_TABLES: PersonalDataTable[] = [
  { table: 'persons', personColumn: 'id', exportAs: 'person' },
  { table: 'cases', personColumn: 'person_id', caseColumn: 'id', exportAs: 'cases' },
  { table: 'case_events', caseColumn: 'case_id', exportAs: 'caseEvents' },
  { table: 'record_history', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'corrections' },
  { table: 'case_access_log', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'accessLog' },
  { table: 'case_consents', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'consents' },
  { table: 'case_referrals', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'referrals' },
  { table: 'case_referral_events', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'referralEvents' },
  { table: 'case_releases', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'releases' },
  { table: 'case_assessments', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'assessments' },
  { table: 'case_plans', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'plans' },
  { table: 'case_goals', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'goals' },
  { table: 'case_entries', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'journal' },
  { table: 'case_tasks', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'tasks' },
  { table: 'case_documents', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'documents' },
  { table: 'case_flags', personColumn: 'person_id', caseColumn: 'case_id', exportAs: 'flags' },
];
