import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file that is plainly something else (zip = xlsx/docx, OLE = old .xls/.doc, PDF). */
export function sniffBinaryKind(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  return null;
}

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else
 * Windows-1252 — what German Excel writes by default, and a superset of Latin-1's printable range.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // ignoreBOM: false strips a UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// 0x80–0x9F of Windows-1252 (€, „, “, ”, –, Š, …); 0 marks the five undefined bytes. Node's
// TextDecoder('windows-1252') decodes these as C1 control characters (Latin-1), so we map them ourselves.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 to text; undefined bytes stay C1 controls, which the caller rejects as not text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

// NUL and C0/C1 control characters other than tab and line breaks never occur in a real CSV.
function countControlCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) n++;
  }
  return n;
}

/** Counts `;`, `,` and tab outside quotes in the header line; the most frequent one wins (`;` on a tie). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

export interface ParsedTable {
  /** Cells as text; row index 0 is the header (row 1 in the file). */
  rows: string[][];
  encoding?: TextEncodingName;
  delimiter?: string;
}

/** Parses a CSV upload into rows of text cells, or throws a 4xx naming the problem. */
export function parseCsvTable(bytes: Uint8Array): ParsedTable {
  if (bytes.length === 0) throw new AppError('validation_failed', 'The file is empty', { field: 'file' });
  const binary = sniffBinaryKind(bytes);
  if (binary) {
    const what = binary === 'zip' ? 'an Excel (.xlsx) or other zip file — use format=xlsx' : binary === 'ole' ? 'an old Excel 97–2003 (.xls) file — save it as .xlsx or CSV' : 'a PDF';
    throw new AppError('unsupported_media_type', `This is not a CSV file but ${what}`, { field: 'file' });
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const controls = countControlCharacters(text);
  if (controls > 0) {
    throw new AppError(
      'unsupported_media_type',
      `The file is not readable text (${controls} control characters): save it as "CSV UTF-8" or "CSV (Trennzeichen-getrennt)"`,
      { field: 'file' },
    );
  }
  if (text.trim() === '') throw new AppError('validation_failed', 'The file is empty', { field: 'file' });
  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const where = e.lines ? ` (line ${e.lines})` : '';
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quotation mark " is opened but never closed' : (e.message ?? 'unreadable');
    throw new AppError('validation_failed', `The CSV file cannot be read${where}: ${why}`, { field: 'file' });
  }
  return { rows, encoding, delimiter };
}

// Spreadsheet programs run cells starting like a formula; an apostrophe keeps them text (CSV injection).
const FORMULA_START = /^(?:[=@]|[+-][^\d\s])/;
export const protectFormula = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
/** Undoes protectFormula on import. */
export const unprotectFormula = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** CSV for German Excel: UTF-8 with BOM (else umlauts break), `;` as separator, CRLF line ends. */
export function writeCsvTable(rows: readonly (readonly string[])[]): Buffer {
  const protectedRows = rows.map((row) => row.map(protectFormula));
  const text = stringify(protectedRows, { delimiter: ';', bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}
