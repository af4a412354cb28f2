import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { decodeCsvBytes, detectDelimiter, parseCsvTable, protectFormula, unprotectFormula, writeCsvTable } from './offerCsv.ts';
import { normalizeHeader, resolveHeader } from './offerColumns.ts';
import { parseXlsxTable, writeXlsxTable } from './offerXlsx.ts';
import { csvText, windows1252, xlsxFile } from './testBuilders.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : String(error);
  }
  return 'no error';
};

describe('CSV decoding', () => {
  const text = 'titel_de;träger\nÜbung für Ärztinnen;Straßenverein\n';

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (German Excel default)', () => {
    const decoded = decodeCsvBytes(windows1252(`${text}Kosten: 5 €\n`));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(`${text}Kosten: 5 €\n`);
  });

  it('reads UTF-16 with BOM (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('CSV parsing', () => {
  it('detects ; , and tab, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;x";b,c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('title_de\n')).toBe(';');
  });

  it('keeps quoted line breaks in one row and empty lines as rows (row numbers as Excel shows them)', () => {
    const { rows } = parseCsvTable(Buffer.from('a;b\n\n1;"zwei\nZeilen"\n3;4\n'));
    expect(rows).toEqual([['a', 'b'], [''], ['1', 'zwei\nZeilen'], ['3', '4']]);
  });

  it('tolerates stray quotes inside unquoted cells', () => {
    expect(parseCsvTable(Buffer.from('a;b\n1;Kurs "Deutsch" A1\n')).rows[1]).toEqual(['1', 'Kurs "Deutsch" A1']);
  });

  it('rejects empty files, binary garbage, zip/xls/pdf files and unclosed quotes with a 4xx', () => {
    expect(codeOf(() => parseCsvTable(Buffer.alloc(0)))).toBe('400 validation_failed');
    expect(codeOf(() => parseCsvTable(Buffer.from('  \r\n\r\n')))).toBe('400 validation_failed');
    expect(codeOf(() => parseCsvTable(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01, 0x02])))).toBe('415 unsupported_media_type');
    expect(codeOf(() => parseCsvTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('415 unsupported_media_type');
    expect(codeOf(() => parseCsvTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])))).toBe('415 unsupported_media_type');
    expect(codeOf(() => parseCsvTable(Buffer.from('%PDF-1.4\n')))).toBe('415 unsupported_media_type');
    expect(codeOf(() => parseCsvTable(Buffer.from('a;b\n1;"offen\n')))).toBe('400 validation_failed');
  });

  it('writes UTF-8 with BOM, ; and CRLF, protecting formula-like cells, and reads it back identically', () => {
    const rows = [
      ['id', 'title_de', 'phone'],
      ['', 'Sprachcafé; "offen" für alle', '+49 621 123'],
      ['', '=HYPERLINK("x")', '-'],
      ['', 'Zeile 1\nZeile 2', '@home'],
    ];
    const bytes = writeCsvTable(rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('id;title_de;phone\r\n');
    expect(bytes.toString('utf8')).toContain(`'=HYPERLINK`);
    const back = parseCsvTable(bytes).rows.map((row) => row.map(unprotectFormula));
    expect(back).toEqual(rows);
    expect(protectFormula('+49 621')).toBe('+49 621');
    expect(protectFormula('- Kurs')).toBe('- Kurs');
    expect(protectFormula('+A1')).toBe("'+A1");
  });

  it('test builder CSV round-trips through the parser with both separators', () => {
    const rows = [['a', 'b;c', 'd,e'], ['"x"', '', 'ü']];
    expect(parseCsvTable(Buffer.from(csvText(rows, ';'))).rows).toEqual(rows);
    expect(parseCsvTable(Buffer.from(csvText(rows, ','))).rows).toEqual(rows);
  });
});

describe('XLSX', () => {
  it('reads the first sheet as text cells and keeps row positions', async () => {
    const file = await xlsxFile([['id', 'title_de'], [null, 'Übung'], [null, null], ['x', '0621 123']]);
    expect((await parseXlsxTable(file)).rows).toEqual([['id', 'title_de'], ['', 'Übung'], ['', ''], ['x', '0621 123']]);
  });

  it('writes a sheet that reads back identically', async () => {
    const rows = [['id', 'phone'], ['', '0621 123'], ['a', '']];
    expect((await parseXlsxTable(await writeXlsxTable(rows))).rows).toEqual(rows);
  });

  it('rejects CSV, old .xls and broken zips with 415, empty with 400', async () => {
    await expect(parseXlsxTable(Buffer.from('a;b\n'))).rejects.toMatchObject({ status: 415 });
    await expect(parseXlsxTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toMatchObject({ status: 415, message: expect.stringContaining('.xls') });
    await expect(parseXlsxTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).rejects.toMatchObject({ status: 415 });
    await expect(parseXlsxTable(Buffer.alloc(0))).rejects.toMatchObject({ status: 400 });
  });
});

describe('column names', () => {
  it('are case-insensitive with German aliases', () => {
    expect(normalizeHeader('\uFEFF Titel (DE) ')).toBe('titel_de');
    expect(resolveHeader('Titel (DE)', ['de', 'en'])).toEqual({ kind: 'text', field: 'title', lang: 'de' });
    expect(resolveHeader('BESCHREIBUNG_en', ['de', 'en'])).toEqual({ kind: 'text', field: 'description', lang: 'en' });
    expect(resolveHeader('Träger', ['de'])).toEqual({ kind: 'scalar', column: 'provider' });
    expect(resolveHeader('E-Mail', ['de'])).toEqual({ kind: 'scalar', column: 'email' });
    expect(resolveHeader('Barrierefrei', ['de'])).toEqual({ kind: 'scalar', column: 'barrier_free' });
    expect(resolveHeader('title_fr', ['de'])).toEqual({ kind: 'foreign_language', field: 'title', lang: 'fr' });
    expect(resolveHeader('Bemerkung', ['de'])).toEqual({ kind: 'unknown' });
  });
});
