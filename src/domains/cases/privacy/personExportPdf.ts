import PDFDocument from 'pdfkit';
import { PdfText, type TextStyle } from '../../../pdf/pdfText.ts';
import type { PersonExport } from './personExport.ts';

/**
 * The Art. 15 export as a readable PDF (the JSON is the machine-readable Art. 20 form): one
 * section per kind of data, each record as label/value lines, in any script (PdfText: Latin,
 * Cyrillic, Arabic/Persian with right-to-left order). Document contents appear as a size note —
 * the files themselves are in the JSON export.
 */
const TITLES: Record<string, string> = {
  person: 'Stammdaten',
  cases: 'Fälle',
  caseEvents: 'Verlauf der Fälle',
  corrections: 'Berichtigungen (Art. 16 DSGVO)',
  accessLog: 'Zugriffsprotokoll (wer hat die Daten gesehen)',
};

const MAX_VALUE = 2000;

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (/content$/i.test(key) && typeof value === 'string') return `(Datei, ${Math.round((value.length * 3) / 4)} Bytes – in der JSON-Auskunft enthalten)`;
  let text: string;
  if (Array.isArray(value)) text = value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : '–';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)} … (gekürzt, vollständig in der JSON-Auskunft)` : text;
}

export async function renderPersonExportPdf(data: PersonExport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Auskunft nach Art. 15 DSGVO', Producer: 'Lotse' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = new PdfText(doc);
  const { left, top, right, bottom } = doc.page.margins;
  const width = doc.page.width - left - right;
  let y = top;
  const write = (s: string, style: TextStyle, after = 2) => {
    const height = text.measure(s, width, style);
    if (y + height > doc.page.height - bottom) {
      doc.addPage();
      y = top;
    }
    text.paragraph(s, left, y, width, style);
    y += height + after;
  };

  write('Auskunft über gespeicherte Daten (Art. 15 DSGVO)', { size: 16, bold: true }, 4);
  write(`${data.controller.name} · erstellt am ${data.exportedAt.slice(0, 10)}`, { size: 10 });
  write('Die maschinenlesbare Fassung (Art. 20 DSGVO) ist die JSON-Datei derselben Auskunft.', { size: 9, color: '#444444' }, data.omittedCases ? 4 : 12);
  if (data.omittedCases) {
    write(
      `Hinweis: ${data.omittedCases} weitere(r) Fall/Fälle dieser Person wird/werden von einem anderen Team geführt und ist/sind hier nicht enthalten. Die vollständige Auskunft erstellt die Leitung Integrationsmanagement.`,
      { size: 9, bold: true },
      12,
    );
  }

  for (const [section, rows] of Object.entries(data.sections)) {
    write(`${TITLES[section] ?? section} (${rows.length})`, { size: 13, bold: true }, 4);
    if (!rows.length) write('keine Einträge', { size: 9 }, 8);
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) write(`${key}: ${formatValue(key, value)}`, { size: 9 }, 1);
      y += 6;
    }
    y += 8;
  }
  doc.end();
  return done;
}
