import { createHash } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { LOGO_MAX_BYTES } from '../../shared/contracts/declaration.ts';

export interface Logo {
  bytes: Buffer;
  type: 'image/png' | 'image/jpeg';
  hash: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Buffer, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * A logo upload (base64 or data: URL) → bytes, checked by content, not by the declared type:
 * PNG or JPEG only (SVG can carry script), at most 1 MB. 415/413/400 naming `field`.
 */
export function decodeLogo(input: string, field = 'logo'): Logo {
  const dataUrl = /^data:([^;,]*)(;[^,]*)?,/i.exec(input);
  let base64 = input;
  if (dataUrl) {
    const declared = (dataUrl[1] ?? '').toLowerCase();
    if (declared && declared !== 'image/png' && declared !== 'image/jpeg' && declared !== 'image/jpg') {
      throw new AppError('unsupported_media_type', `Logos must be PNG or JPEG images, not ${declared.slice(0, 40)}`, { field });
    }
    if (!/;base64$/i.test(dataUrl[2] ?? '')) throw new AppError('validation_failed', 'The logo must be base64-encoded', { field });
    base64 = input.slice(dataUrl[0].length);
  }
  base64 = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64) || base64.length === 0) throw new AppError('validation_failed', 'The logo is not valid base64', { field });
  // Cheap size check before decoding: 4 characters carry 3 bytes.
  if (Math.floor((base64.length * 3) / 4) - 2 > LOGO_MAX_BYTES) {
    throw new AppError('payload_too_large', 'The logo may be at most 1 MB', { field, details: { maxBytes: LOGO_MAX_BYTES } });
  }
  const bytes = Buffer.from(base64, base64.includes('-') || base64.includes('_') ? 'base64url' : 'base64');
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError('payload_too_large', 'The logo may be at most 1 MB', { field, details: { maxBytes: LOGO_MAX_BYTES } });
  const type = startsWith(bytes, PNG) ? 'image/png' : startsWith(bytes, JPEG) ? 'image/jpeg' : null;
  if (!type) throw new AppError('unsupported_media_type', 'Logos must be PNG or JPEG images (SVG is not allowed)', { field });
  return { bytes, type, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
