import type { Tx } from '../../../db/database.ts';
import { ENCRYPTED_COLUMNS } from '../../../security/encryptedColumns.ts';
import { cryptoContext, type FieldCrypto } from '../../../security/fieldCrypto.ts';
import { type CaseScope, caseInScope } from '../case.policy.ts';
import { PERSONAL_DATA_TABLES } from '../personalData.ts';

/**
 * Art. 15 (access) and Art. 20 (portability) DSGVO: everything Lotse holds about a person, in a
 * structured, machine-readable form. Built from the registry of personal-data tables, so a new
 * feature table is included as soon as it registers: the person record, cases, their events,
 * assessments, plan versions and goals, referrals, consents, releases, notes and appointments,
 * tasks, documents (content base64-encoded), flags, correction history and the access log.
 * Encrypted columns are decrypted; internal columns (tenant id, search keys) are left out.
 */
export interface PersonExport {
  format: 'lotse-person-export';
  version: 1;
  exportedAt: string;
  controller: { name: string };
  legalBasis: string;
  /** cases of the person outside the exporting account's scope (another team's): the integration lead exports them */
  omittedCases: number;
  sections: Record<string, Record<string, unknown>[]>;
}

const INTERNAL = new Set(['tenant_id', 'name_search', 'name_phonetic']);
const IDENT = /^[a-z_][a-z0-9_]*$/;

const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function present(table: string, tenantId: string, row: Record<string, unknown>, crypto: FieldCrypto): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const encrypted = new Map(ENCRYPTED_COLUMNS.filter((c) => c.table === table).map((c) => [c.column, c.kind]));
  for (const [column, value] of Object.entries(row)) {
    if (INTERNAL.has(column)) continue;
    const kind = encrypted.get(column);
    if (kind && value !== null && value !== undefined) {
      const context = cryptoContext(tenantId, table, column);
      const name = camel(column.replace(/_enc$/, ''));
      out[name] = kind === 'text' ? crypto.decrypt(value as string, context) : crypto.decryptBytes(value as Uint8Array, context).toString('base64');
      continue;
    }
    if (kind) {
      out[camel(column.replace(/_enc$/, ''))] = null;
      continue;
    }
    out[camel(column)] =
      value instanceof Date ? value.toISOString() : value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
  }
  return out;
}

/** Collects the export inside the caller's tenant transaction (the person was authorised before). */
export async function collectPersonExport(
  tx: Tx,
  tenant: { id: string; name: string },
  personId: string,
  crypto: FieldCrypto,
  scope: CaseScope,
): Promise<PersonExport> {
  // Records merged into this person belong to them, too.
  const merged = await tx.query<{ id: string }>('SELECT id FROM persons WHERE tenant_id = $1 AND merged_into_id = $2', [tenant.id, personId]);
  const personIds = [personId, ...merged.map((r) => r.id)];
  // Need-to-know holds for the export, too: cases outside the actor's scope (another team's) are
  // only counted; the integration lead (scope: office) exports everything.
  const caseRows = await tx.query<{ id: string; owner_id: string | null; team_id: string }>(
    'SELECT id, owner_id, team_id FROM cases WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])',
    [tenant.id, personIds],
  );
  const visible = caseRows.filter((r) => caseInScope(scope, { ownerId: r.owner_id, teamId: r.team_id }));
  const caseIds = visible.map((r) => r.id);
  const sections: Record<string, Record<string, unknown>[]> = {};
  for (const entry of PERSONAL_DATA_TABLES) {
    for (const name of [entry.table, entry.personColumn, entry.caseColumn]) if (name && !IDENT.test(name)) throw new Error(`bad identifier ${name}`);
    // Rows about the person, and — where a row belongs to a case — only rows of visible cases.
    const where: string[] = [];
    const params: unknown[] = [tenant.id];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (entry.personColumn) {
      where.push(`${entry.personColumn} = ANY(${param(personIds)}::uuid[])`);
      if (entry.caseColumn) where.push(`(${entry.caseColumn} IS NULL OR ${entry.caseColumn} = ANY(${param(caseIds)}::uuid[]))`);
    } else if (entry.caseColumn) {
      where.push(`${entry.caseColumn} = ANY(${param(caseIds)}::uuid[])`);
    } else {
      continue;
    }
    const order = entry.table === 'case_access_log' ? ' ORDER BY at' : '';
    const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM ${entry.table} WHERE tenant_id = $1 AND ${where.join(' AND ')}${order}`, params);
    sections[entry.exportAs] = [...(sections[entry.exportAs] ?? []), ...rows.map((row) => present(entry.table, tenant.id, row, crypto))];
  }
  return {
    format: 'lotse-person-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    controller: { name: tenant.name },
    legalBasis: 'Art. 15 und Art. 20 DSGVO',
    omittedCases: caseRows.length - visible.length,
    sections,
  };
}
