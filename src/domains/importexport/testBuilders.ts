// Small builders for import/export tests: files are made in the test, never read from fixtures.
import writeXlsxFile from 'write-excel-file/node';
import type { Database } from '../../db/database.ts';
import type { App } from '../../server/app.ts';

/** CSV text from rows; cells with the delimiter, quotes or line breaks are quoted. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ';'): string {
  const quote = (cell: string) => (/["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}

const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Encodes text as Windows-1252, the default of German Excel's "CSV (Trennzeichen-getrennt)". */
export function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (CP1252_EXTRA[ch] !== undefined) bytes.push(CP1252_EXTRA[ch]);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}

/** An .xlsx file with one sheet of text cells. */
export async function xlsxFile(rows: readonly (readonly (string | null)[])[]): Promise<Buffer> {
  return writeXlsxFile(rows.map((row) => row.map((value) => (value === null || value === '' ? null : { value, type: String })))).toBuffer();
}

/** A multipart/form-data body with one file part. */
export function multipartBody(field: string, filename: string, mimeType: string, content: Buffer | string) {
  const boundary = `----lotse${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mimeType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface ImportCall {
  cookie?: string;
  body: Buffer | string;
  contentType?: string;
  dryRun?: boolean;
  format?: 'csv' | 'xlsx';
}

/** POSTs a file to the import route (raw body). */
export function postImport(app: App, slug: string, call: ImportCall) {
  const query = new URLSearchParams({ dryRun: String(call.dryRun ?? false), ...(call.format ? { format: call.format } : {}) });
  return app.inject({
    method: 'POST',
    url: `/api/v1/${slug}/admin/offers/import?${query}`,
    headers: { ...(call.cookie ? { cookie: call.cookie } : {}), 'content-type': call.contentType ?? 'text/csv' },
    payload: call.body,
  });
}

export interface DataCounts {
  offers: number;
  translations: number;
  revisions: number;
  audit: number;
}

/** Row counts of everything an import may write, to prove that a failed import wrote nothing. */
export async function countOfferData(db: Database, tenantId: string): Promise<DataCounts> {
  const [row] = await db.system((tx) =>
    tx.query<{ offers: number; translations: number; revisions: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM offers WHERE tenant_id = $1) AS offers,
              (SELECT count(*)::int FROM offer_translations WHERE tenant_id = $1) AS translations,
              (SELECT count(*)::int FROM offer_revisions WHERE tenant_id = $1) AS revisions,
              (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1) AS audit`,
      [tenantId],
    ),
  );
  return row!;
}
