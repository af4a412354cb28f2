/**
 * Every column encrypted at rest with FieldCrypto. `lotse rotate-keys` re-encrypts exactly these
 * with the active key; the ciphertext context is "<tenant_id>:<table>.<column>".
 * A domain that adds an encrypted column registers it here (one line).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** text: `enc:v1:…` strings; bytes: bytea content (documents) */
  kind: 'text' | 'bytes';
}

export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'persons', column: 'residence_details_enc', kind: 'text' },
  { table: 'persons', column: 'health_notes_enc', kind: 'text' },
  { table: 'record_history', column: 'old_value_enc', kind: 'text' },
  { table: 'record_history', column: 'new_value_enc', kind: 'text' },
  { table: 'case_referrals', column: 'snapshot_enc', kind: 'text' },
  { table: 'case_referrals', column: 'feedback_enc', kind: 'text' },
  { table: 'case_assessments', column: 'situation_enc', kind: 'text' },
  { table: 'case_assessments', column: 'needs_enc', kind: 'text' },
  { table: 'case_assessments', column: 'resources_enc', kind: 'text' },
  { table: 'case_entries', column: 'subject_enc', kind: 'text' },
  { table: 'case_entries', column: 'body_enc', kind: 'text' },
  { table: 'case_entries', column: 'participants_enc', kind: 'text' },
  { table: 'case_tasks', column: 'description_enc', kind: 'text' },
  { table: 'case_documents', column: 'filename_enc', kind: 'text' },
  { table: 'case_documents', column: 'content', kind: 'bytes' },
  { table: 'case_flags', column: 'reason_enc', kind: 'text' },
  { table: 'case_flags', column: 'resolution_note_enc', kind: 'text' },
];
