import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import bidiModule, { type Bidi } from 'bidi-js';
import * as fontkit from 'fontkit';

/**
 * Multilingual text for pdfkit: Latin (incl. Turkish and Romanian letters), Cyrillic and
 * Arabic/Persian script in one document, with embedded Noto Sans fonts.
 *
 * - The Noto Sans packages ship one font file per script subset, so each character is set in the
 *   subset that covers it (ranges as in the packages' CSS unicode-range); spaces stay with the run
 *   around them so Arabic words keep joining.
 * - Right-to-left: each line is reordered with the Unicode bidirectional algorithm (bidi-js). A run
 *   of Arabic script is handed to fontkit in logical order — fontkit shapes it (joining forms,
 *   ligatures) and lays it out right to left itself; other right-to-left runs (neutral characters)
 *   are reversed here. Lines are wrapped in logical order, then reordered one by one.
 */

export type FontKey = 'latin' | 'latinExt' | 'cyrillic' | 'arabic';
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

const FONT_FILES: Record<FontKey, [string, string]> = {
  latin: ['@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff', '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'],
  latinExt: ['@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff', '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff'],
  cyrillic: ['@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff', '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff'],
  arabic: [
    '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
    '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff',
  ],
};

type FontName = `${FontKey}-${400 | 700}`;
let fontCache: Map<FontName, fontkit.Font> | null = null;

/**
 * The fonts, parsed once per process and shared by every document (pdfkit takes fontkit fonts as
 * they are; each document embeds its own subset). Parsing and the first shaping of a font cost
 * far more than laying out a whole document.
 */
function sharedFonts(): Map<FontName, fontkit.Font> {
  if (fontCache) return fontCache;
  const require = createRequire(import.meta.url);
  const cache = new Map<FontName, fontkit.Font>();
  for (const [key, [regular, bold]] of Object.entries(FONT_FILES) as Array<[FontKey, [string, string]]>) {
    cache.set(`${key}-400`, fontkit.create(woffToSfnt(readFileSync(require.resolve(regular)))));
    cache.set(`${key}-700`, fontkit.create(woffToSfnt(readFileSync(require.resolve(bold)))));
  }
  fontCache = cache;
  return cache;
}

/**
 * WOFF 1.0 → plain OpenType (sfnt). fontkit reads WOFF, but inflates a table on every access with
 * a JavaScript inflater — once per glyph when embedding — which takes seconds; unpacked once with
 * zlib, the same font embeds in milliseconds.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff; // not 'wOFF': already sfnt
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = woff.readUInt32BE(entry);
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const checksum = woff.readUInt32BE(entry + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    out.writeUInt32BE(t.tag, record);
    out.writeUInt32BE(t.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(t.data.length, record + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

/** Advance widths of shaped runs in font units, per font and text (bounded). */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 20_000;

function unitsWidth(name: FontName, text: string): number {
  const key = `${name}|${text}`;
  let units = widthCache.get(key);
  if (units === undefined) {
    const font = sharedFonts().get(name)!;
    units = (font.layout(text, []).advanceWidth * 1000) / font.unitsPerEm;
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, units);
  }
  return units;
}

// Unicode ranges of the subsets (from @fontsource's CSS), simplified to what documents use.
const ARABIC_RANGES: Array<[number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];
const CYRILLIC_RANGES: Array<[number, number]> = [
  [0x0400, 0x045f],
  [0x0490, 0x0491],
  [0x04b0, 0x04b1],
  [0x2116, 0x2116],
];
const LATIN_RANGES: Array<[number, number]> = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];
const LATIN_EXT_RANGES: Array<[number, number]> = [
  [0x0100, 0x02ba],
  [0x1e00, 0x1eff],
  [0x20a0, 0x20c0],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];
const inRanges = (cp: number, ranges: Array<[number, number]>) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Characters the Arabic font also has, which must not break an Arabic run (joining, shaping). */
const RUN_NEUTRAL = new Set([0x20, 0xa0, 0x200c, 0x200d]);
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Directional marks and isolates: the layout is already resolved, they have no glyph to show. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

function fontFor(cp: number): FontKey {
  if (inRanges(cp, ARABIC_RANGES)) return 'arabic';
  if (inRanges(cp, CYRILLIC_RANGES)) return 'cyrillic';
  if (inRanges(cp, LATIN_RANGES)) return 'latin';
  if (inRanges(cp, LATIN_EXT_RANGES)) return 'latinExt';
  return 'latin';
}

/** One font per character (by UTF-16 index, both halves of a surrogate pair alike). */
function assignFonts(text: string): FontKey[] {
  const fonts: FontKey[] = new Array(text.length);
  let previous: FontKey | null = null;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const font: FontKey = RUN_NEUTRAL.has(cp) && previous ? previous : fontFor(cp);
    fonts[i] = font;
    if (cp > 0xffff) fonts[++i] = font;
    previous = font;
  }
  // A space after Latin text that is followed by Arabic joins the Arabic run's font where it is
  // inside it; a leading neutral takes the next real character's font.
  for (let i = 0; i < text.length; i++) {
    if (!RUN_NEUTRAL.has(text.charCodeAt(i))) break;
    const next = [...text.slice(i)].find((c) => !RUN_NEUTRAL.has(c.codePointAt(0)!));
    if (next) fonts[i] = fontFor(next.codePointAt(0)!);
  }
  return fonts;
}

interface Run {
  text: string;
  font: FontKey;
}

// bidi-js is CommonJS with an ES default export in its types: take the factory either way.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ?? bidiModule) as unknown as () => Bidi;
const bidi = bidiFactory();

const fontName = (font: FontKey, style: TextStyle): FontName => `${font}-${style.bold ? 700 : 400}`;

export class PdfText {
  readonly doc: PDFKit.PDFDocument;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    // pdfkit accepts a parsed fontkit font where its types say file or buffer
    for (const [name, font] of sharedFonts()) doc.registerFont(name, font as unknown as Buffer);
  }

  #use(font: FontKey, style: TextStyle): void {
    this.doc.font(fontName(font, style)).fontSize(style.size);
  }

  /** Runs of one font in logical order (for measuring). */
  #logicalRuns(text: string): Run[] {
    const fonts = assignFonts(text);
    const runs: Run[] = [];
    for (let i = 0; i < text.length; i++) {
      const last = runs[runs.length - 1];
      if (last && last.font === fonts[i]) last.text += text[i];
      else runs.push({ text: text[i]!, font: fonts[i]! });
    }
    return runs;
  }

  /** The width of a text in points (sum of its words and spaces: shaping never crosses a space). */
  width(text: string, style: TextStyle): number {
    let units = 0;
    for (const run of this.#logicalRuns(text.replace(BIDI_CONTROLS, ''))) {
      for (const part of run.text.split(/( )/)) if (part) units += unitsWidth(fontName(run.font, style), part);
    }
    return (units * style.size) / 1000;
  }

  /** Line height of a style; lines with Arabic script need more room (taller marks, deeper descenders). */
  lineHeight(style: TextStyle, text = ''): number {
    return style.size * (ARABIC_SCRIPT.test(text) ? 1.6 : 1.35);
  }

  /** Wraps a paragraph (logical order) into lines no wider than `maxWidth`; `\n` starts a new line. */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.replace(BIDI_CONTROLS, '').split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(candidate, style) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = '';
        if (this.width(word, style) <= maxWidth) {
          line = word;
          continue;
        }
        // a word longer than the line: break it by characters
        for (const c of word) {
          if (line && this.width(line + c, style) > maxWidth) {
            lines.push(line);
            line = '';
          }
          line += c;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** The runs of one line in visual order (left to right), each ready for fontkit. */
  #visualRuns(line: string, rtl: boolean): Run[] {
    if (!line) return [];
    const levels = bidi.getEmbeddingLevels(line, rtl ? 'rtl' : 'ltr');
    const order = bidi.getReorderedIndices(line, levels);
    const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
    const fonts = assignFonts(line);
    const groups: Array<{ indices: number[]; level: number; font: FontKey }> = [];
    for (const index of order) {
      const level = levels.levels[index]!;
      const font = fonts[index]!;
      const last = groups[groups.length - 1];
      const step = level % 2 === 1 ? -1 : 1;
      if (last && last.level === level && last.font === font && last.indices[last.indices.length - 1]! + step === index) last.indices.push(index);
      else groups.push({ indices: [index], level, font });
    }
    return groups.map((g) => {
      const logical = [...g.indices].sort((a, b) => a - b);
      // keep surrogate pairs together
      const text = logical.map((i) => mirrored.get(i) ?? line[i]!).join('');
      const arabicScript = ARABIC_SCRIPT.test(text);
      const rtlRun = g.level % 2 === 1;
      // fontkit reverses runs of Arabic script itself; every other run must arrive in visual order
      const needsReverse = rtlRun !== arabicScript;
      return { text: needsReverse ? [...text].reverse().join('') : text, font: g.font };
    });
  }

  /** Draws one line at (x, y) within `width`, aligned; returns its width. */
  line(text: string, x: number, y: number, width: number, style: TextStyle, options: { rtl?: boolean; align?: 'start' | 'end' | 'center' } = {}): number {
    const rtl = options.rtl ?? false;
    const runs = this.#visualRuns(text.replace(BIDI_CONTROLS, ''), rtl);
    const widths = runs.map((r) => (unitsWidth(fontName(r.font, style), r.text) * style.size) / 1000);
    const total = widths.reduce((a, b) => a + b, 0);
    const align = options.align ?? 'start';
    const towardsRight = (align === 'start' && rtl) || (align === 'end' && !rtl);
    let cursor = align === 'center' ? x + (width - total) / 2 : towardsRight ? x + width - total : x;
    // one baseline for every font of the line (the Arabic font's ascent is much larger)
    const baseline = y + style.size * (ARABIC_SCRIPT.test(text) ? 1.15 : 1.0);
    this.doc.fillColor(style.color ?? '#000000');
    // Shaped Arabic glyphs do not map back to letters one by one: the line's text in logical order
    // goes along as ActualText, for copying, search and screen readers.
    const actual = ARABIC_SCRIPT.test(text);
    if (actual) this.doc.markContent('Span', { actual: text.replace(BIDI_CONTROLS, '') });
    runs.forEach((r, i) => {
      this.#use(r.font, style);
      this.doc.text(r.text, cursor, baseline, { lineBreak: false, features: [], baseline: 'alphabetic' });
      cursor += widths[i]!;
    });
    if (actual) this.doc.endMarkedContent();
    return total;
  }

  /** Wraps and draws a paragraph from (x, y); returns the height used. */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle, options: { rtl?: boolean; align?: 'start' | 'end' | 'center' } = {}): number {
    let height = 0;
    for (const l of this.wrap(text, style, width)) {
      this.line(l, x, y + height, width, style, options);
      height += this.lineHeight(style, l);
    }
    return height;
  }

  /** The height a paragraph would take. */
  measure(text: string, width: number, style: TextStyle): number {
    return this.wrap(text, style, width).reduce((h, l) => h + this.lineHeight(style, l), 0);
  }
}

