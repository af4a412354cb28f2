import writeXlsxFile from 'write-excel-file/node';
import type { Tx } from '../../db/database.ts';
import type { SignatureState } from '../../shared/contracts/declaration.ts';
import { writeCsvTable } from '../importexport/offerCsv.ts';
import { XLSX_MIME } from '../importexport/offerXlsx.ts';
import { pickLocalized } from '../taxonomy/localize.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import type { DeclarationRow } from './declarationService.ts';

const STATE_LABELS: Record<SignatureState, string> = {
  unconfirmed: 'unbestätigt',
  awaiting_verification: 'wartet auf Prüfung',
  verified: 'verifiziert',
  rejected: 'abgelehnt',
  withdrawn: 'zurückgezogen',
};

const HEADER = [
  'Organisation',
  'Bereich',
  'Website',
  'Stellungnahme',
  'Ansprechperson',
  'E-Mail',
  'Status',
  'Unterzeichnet am',
  'E-Mail bestätigt am',
  'Verifiziert am',
  'Abgelehnt am',
  'Ablehnungsgrund',
  'Zurückgezogen am',
  'Grund des Rückzugs',
  'Logo',
];

const date = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : '');

/**
 * The declaration's signatures as a table (German headers, for the office's spreadsheet), CSV
 * (UTF-8 with BOM, ";") or XLSX. Contains contact data: the route logs every export.
 */
export async function exportSignatures(
  tx: Tx,
  tenant: Tenant,
  declaration: DeclarationRow,
  options: { format: 'csv' | 'xlsx'; state?: SignatureState | undefined },
): Promise<{ body: Buffer; contentType: string; filename: string; count: number }> {
  const rows = await tx.query<{
    organisation: string;
    sector: string;
    website: string | null;
    statement: string;
    contact_name: string;
    email: string;
    state: SignatureState;
    created_at: Date;
    confirmed_at: Date | null;
    verified_at: Date | null;
    rejected_at: Date | null;
    rejection_reason: string | null;
    withdrawn_at: Date | null;
    withdrawal_reason: string | null;
    has_logo: boolean;
  }>(
    `SELECT organisation, sector, website, statement, contact_name, email, state, created_at, confirmed_at, verified_at,
            rejected_at, rejection_reason, withdrawn_at, withdrawal_reason, logo_hash IS NOT NULL AS has_logo
     FROM declaration_signatures WHERE declaration_id = $1 AND ($2::text IS NULL OR state = $2::text)
     ORDER BY lower(organisation), id`,
    [declaration.id, options.state ?? null],
  );
  const sectorName = new Map(declaration.sectors.map((s) => [s.key, pickLocalized(s.names, 'de', tenant.defaultLanguage)]));
  const table: string[][] = [
    HEADER,
    ...rows.map((r) => [
      r.organisation,
      sectorName.get(r.sector) ?? r.sector,
      r.website ?? '',
      r.statement,
      r.contact_name,
      r.email,
      STATE_LABELS[r.state] ?? r.state,
      date(r.created_at),
      date(r.confirmed_at),
      date(r.verified_at),
      date(r.rejected_at),
      r.rejection_reason ?? '',
      date(r.withdrawn_at),
      r.withdrawal_reason ?? '',
      r.has_logo ? 'ja' : 'nein',
    ]),
  ];
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `unterzeichnungen-${declaration.slug}-${options.state ?? 'alle'}-${stamp}`;
  if (options.format === 'csv') {
    return { body: writeCsvTable(table), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv`, count: rows.length };
  }
  const [header = [], ...body] = table;
  const sheet = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => (value === '' ? null : { value, type: String }))),
  ];
  const buffer = await writeXlsxFile(sheet, { sheet: 'Unterzeichnungen', stickyRowsCount: 1 }).toBuffer();
  return { body: buffer, contentType: XLSX_MIME, filename: `${base}.xlsx`, count: rows.length };
}
