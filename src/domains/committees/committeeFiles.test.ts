import { describe, expect, it } from 'vitest';
import { berlinDate, berlinDateTime, boundary, isBerlinSummerTime } from '../../shared/berlinTime.ts';
import { cleanFileName, detectFileType } from './fileService.ts';
import { contentDisposition, parseDateTime } from './oparl/oparl.routes.ts';
import { PNG_BYTES } from './testData.ts';
import { tinyPdf } from './tinyPdf.ts';

/** A ZIP whose first local file entry is `name` with `content` (stored), like ODF and OOXML files begin. */
function zipStart(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

describe('committee files', () => {
  it('recognises PDF, PNG, JPEG, ODT and DOCX by content, nothing else', () => {
    expect(detectFileType(tinyPdf(['x']))).toBe('application/pdf');
    expect(detectFileType(PNG_BYTES)).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(detectFileType(zipStart('mimetype', 'application/vnd.oasis.opendocument.text'))).toBe('application/vnd.oasis.opendocument.text');
    expect(detectFileType(Buffer.concat([zipStart('[Content_Types].xml', '<Types/>'), zipStart('word/document.xml', '<w:document/>')]))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    for (const other of [
      Buffer.from('Hallo'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      zipStart('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
      zipStart('xl/workbook.xml', ''),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
      Buffer.alloc(0),
    ]) {
      expect(detectFileType(other)).toBeNull();
    }
  });

  it('cleans file names: no path, no quotes or control characters, the real extension', () => {
    expect(cleanFileName('C:\\Users\\x\\Vorlage "final".pdf', 'application/pdf')).toBe('Vorlage final.pdf');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('bild.exe', 'image/png')).toBe('bild.png');
    expect(cleanFileName('foto.jpeg', 'image/jpeg')).toBe('foto.jpeg');
    expect(cleanFileName('', 'application/pdf')).toBe('datei.pdf');
    expect(cleanFileName('a\u0000b\nc.pdf', 'application/pdf')).toBe('abc.pdf');
  });

  it('writes RFC 6266 content dispositions with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Beschluss Ö 1 "neu".pdf')).toBe(`attachment; filename="Beschluss O 1 neu.pdf"; filename*=UTF-8''Beschluss%20%C3%96%201%20%22neu%22.pdf`);
  });

  it('makes a valid PDF: header, objects, xref offsets that point at the objects', () => {
    const pdf = tinyPdf(['Sitzung (öffentlich)', 'Zeile 2']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    for (const [i, offset] of offsets.entries()) expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`.slice(0, 8));
    expect(text).toContain('(Sitzung \\(\xf6ffentlich\\)) Tj');
  });
});

describe('Berlin time', () => {
  it('knows summer time by the EU rule', () => {
    expect(isBerlinSummerTime(new Date('2026-03-29T00:59:59Z'))).toBe(false);
    expect(isBerlinSummerTime(new Date('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isBerlinSummerTime(new Date('2026-10-25T00:59:59Z'))).toBe(true);
    expect(isBerlinSummerTime(new Date('2026-10-25T01:00:00Z'))).toBe(false);
    expect(berlinDateTime(new Date('2026-07-01T15:30:00Z'))).toBe('2026-07-01T17:30:00+02:00');
    expect(berlinDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00+01:00');
    expect(berlinDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(boundary('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(boundary('2026-07-01T00:00:00Z').toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('OParl filters take full date-times only', () => {
    expect(parseDateTime('x', '2026-01-01T00:00:00+01:00').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(parseDateTime('x', '2026-01-01T00:00:00 01:00').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(parseDateTime('x', '2026-01-01T00:00Z').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    for (const bad of ['2026-01-01', '2026-02-29T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00', 'heute', '']) {
      expect(() => parseDateTime('x', bad), bad).toThrow();
    }
  });
});
