import { InvalidInputError, readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { AppError } from '../../errors.ts';
import { sniffBinaryKind, type ParsedTable } from './offerCsv.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** Reads the first sheet of an .xlsx upload into rows of text cells, or throws a 4xx naming the problem. */
export async function parseXlsxTable(bytes: Uint8Array): Promise<ParsedTable> {
  if (bytes.length === 0) throw new AppError('validation_failed', 'The file is empty', { field: 'file' });
  const kind = sniffBinaryKind(bytes);
  if (kind === 'ole') {
    throw new AppError('unsupported_media_type', 'Old Excel 97–2003 (.xls) files are not supported: save it as .xlsx (Excel-Arbeitsmappe)', { field: 'file' });
  }
  if (kind !== 'zip') throw new AppError('unsupported_media_type', 'This is not an Excel (.xlsx) file', { field: 'file' });
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1, { trim: false })) as unknown[][];
  } catch (error) {
    if (error instanceof InvalidInputError) {
      if (error.code === 'NO_DATA') throw new AppError('validation_failed', 'The spreadsheet is empty', { field: 'file' });
      if (error.code === 'XLS_FILE_NOT_SUPPORTED') {
        throw new AppError('unsupported_media_type', 'Old Excel 97–2003 (.xls) files are not supported: save it as .xlsx', { field: 'file' });
      }
      throw new AppError('unsupported_media_type', 'This is not an Excel (.xlsx) file', { field: 'file' });
    }
    throw new AppError('validation_failed', 'The Excel file is damaged and cannot be read', { field: 'file' });
  }
  const rows = data.map((row) => row.map(cellText));
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    throw new AppError('validation_failed', 'The spreadsheet is empty', { field: 'file' });
  }
  return { rows };
}

/** One sheet, bold frozen header, every cell typed as text (phone numbers keep their leading zero). */
export async function writeXlsxTable(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const [header = [], ...body] = rows;
  const sheet = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => (value === '' ? null : { value, type: String }))),
  ];
  return writeXlsxFile(sheet, { sheet: 'Angebote', stickyRowsCount: 1 }).toBuffer();
}
