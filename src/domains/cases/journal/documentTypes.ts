import { DOCUMENT_MIME_TYPES, type DocumentMimeType } from '../../../shared/contracts/caseJournal.ts';

/**
 * What an uploaded document really is, from its bytes — the file name and the browser's content
 * type are not trusted. Accepted: PDF, JPEG, PNG, ODT (a ZIP whose first entry is the uncompressed
 * `mimetype` file naming an OpenDocument text) and DOCX (a ZIP with `[Content_Types].xml` and
 * `word/document.xml` in its central directory, without macros). Anything else is null.
 */
export function detectDocumentType(bytes: Buffer): DocumentMimeType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (isOdt(bytes)) return 'application/vnd.oasis.opendocument.text';
    const names = zipEntryNames(bytes);
    if (names?.includes('[Content_Types].xml') && names.includes('word/document.xml') && !names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
  }
  return null;
}

const startsWith = (bytes: Buffer, signature: number[]): boolean => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/** ODF: the first local file header is `mimetype`, stored (method 0), holding exactly the ODT type. */
function isOdt(bytes: Buffer): boolean {
  if (bytes.length < 30) return false;
  const method = bytes.readUInt16LE(8);
  const size = bytes.readUInt32LE(18);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (method !== 0 || nameLength !== 8 || size !== ODT_MIME.length) return false;
  if (bytes.subarray(30, 38).toString('latin1') !== 'mimetype') return false;
  const start = 38 + extraLength;
  return bytes.subarray(start, start + size).toString('latin1') === ODT_MIME;
}

/** The entry names of a ZIP archive from its central directory (null when it is not a readable ZIP). */
export function zipEntryNames(bytes: Buffer, max = 5000): string[] | null {
  const last = bytes.length - 22;
  if (last < 0) return null;
  const first = Math.max(0, last - 65_535);
  for (let i = last; i >= first; i--) {
    if (bytes.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = bytes.readUInt16LE(i + 10);
    const size = bytes.readUInt32LE(i + 12);
    let offset = bytes.readUInt32LE(i + 16);
    if (offset + size > i) return null;
    const names: string[] = [];
    for (let n = 0; n < entries && n < max; n++) {
      if (offset + 46 > i || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** Content types that say nothing about the file (browsers send them for unknown extensions). */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed']);
/** Older or unofficial names of the accepted types. */
const ALIASES: Record<string, DocumentMimeType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
  'application/acrobat': 'application/pdf',
};

/**
 * The declared content type must not contradict the content (e.g. a PNG sent as a PDF, an
 * executable renamed to .pdf is already refused by its bytes); generic types are fine.
 */
export function declaredTypeFits(declared: string | undefined, detected: DocumentMimeType): boolean {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (GENERIC_TYPES.has(type)) return true;
  if (ZIP_TYPES.has(type)) return DOCUMENT_MIME_TYPES[detected] === 'odt' || DOCUMENT_MIME_TYPES[detected] === 'docx';
  return (ALIASES[type] ?? type) === detected;
}

/** A clean original file name for the list: no path, no control or quote characters, at most 200 characters. */
export function cleanFilename(original: string | undefined, mimeType: DocumentMimeType): string {
  const ext = DOCUMENT_MIME_TYPES[mimeType];
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const name = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 200);
  return name || `dokument.${ext}`;
}

/** The neutral name a download carries (nothing about the person): "dokument-1a2b3c4d.pdf". */
export function neutralFilename(documentId: string, mimeType: DocumentMimeType): string {
  return `dokument-${documentId.slice(0, 8)}.${DOCUMENT_MIME_TYPES[mimeType]}`;
}
