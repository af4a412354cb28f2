import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { DEV_AUTH_SECRET } from './devSecret.ts';

/**
 * Encryption at rest for sensitive case data (notes, health, residence details, documents).
 *
 * AES-256-GCM with a random 96-bit IV per value. The additional authenticated data binds every
 * ciphertext to its tenant and column ("<tenantId>:<table>.<column>"), so a value copied into
 * another tenant or field does not decrypt. Text values are stored as
 * `enc:v1:<keyId>:<base64(iv ‖ tag ‖ ciphertext)>`; binary values (documents) as
 * `LENC1` ‖ keyId length ‖ keyId ‖ iv ‖ tag ‖ ciphertext.
 *
 * Keys come from DATA_ENCRYPTION_KEYS (`id:base64,…`, the first one encrypts). Rotation: add a new
 * key in front, restart, run `lotse rotate-keys` (re-encrypts every registered column, see
 * encryptedColumns.ts), then remove the old key.
 */
export class FieldCrypto {
  readonly activeKeyId: string;
  readonly #keys: Map<string, Buffer>;

  constructor(keys: { id: string; key: Buffer }[]) {
    if (!keys.length) throw new Error('FieldCrypto needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`encryption key ${k.id} must be 32 bytes`);
    this.#keys = new Map(keys.map((k) => [k.id, k.key]));
    this.activeKeyId = keys[0]?.id ?? '';
  }

  static fromConfig(config: Pick<Config, 'DATA_ENCRYPTION_KEYS' | 'AUTH_SECRET'>): FieldCrypto {
    if (config.DATA_ENCRYPTION_KEYS) {
      return new FieldCrypto(
        config.DATA_ENCRYPTION_KEYS.split(',').map((pair) => {
          const [id = '', b64 = ''] = pair.split(':');
          return { id, key: Buffer.from(b64, 'base64') };
        }),
      );
    }
    // Development and tests only (config refuses production without keys): a key derived from the auth secret.
    const secret = config.AUTH_SECRET ?? DEV_AUTH_SECRET;
    return new FieldCrypto([{ id: 'dev', key: Buffer.from(hkdfSync('sha256', secret, 'lotse', 'data-encryption', 32)) }]);
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  #key(id: string): Buffer {
    const key = this.#keys.get(id);
    if (!key) throw new Error(`encryption key "${id}" is not configured (DATA_ENCRYPTION_KEYS)`);
    return key;
  }

  /** Encrypts a text value; null stays null. `context` is "<tenantId>:<table>.<column>". */
  encrypt(plain: string, context: string): string;
  encrypt(plain: string | null | undefined, context: string): string | null;
  encrypt(plain: string | null | undefined, context: string): string | null {
    if (plain === null || plain === undefined) return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key(this.activeKeyId), iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `enc:v1:${this.activeKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Decrypts what `encrypt` produced; throws on tampering, a wrong context or an unknown key. */
  decrypt(stored: string, context: string): string;
  decrypt(stored: string | null | undefined, context: string): string | null;
  decrypt(stored: string | null | undefined, context: string): string | null {
    if (stored === null || stored === undefined) return null;
    const parts = stored.split(':');
    if (parts.length !== 4 || parts[0] !== 'enc' || parts[1] !== 'v1') throw new Error('not an encrypted value');
    const raw = Buffer.from(parts[3] ?? '', 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#key(parts[2] ?? ''), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The key id a stored text value was encrypted with (for rotation). */
  static keyIdOf(stored: string): string | null {
    const parts = stored.split(':');
    return parts.length === 4 && parts[0] === 'enc' ? (parts[2] ?? null) : null;
  }

  /** Encrypts binary content (documents). */
  encryptBytes(plain: Uint8Array, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key(this.activeKeyId), iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const id = Buffer.from(this.activeKeyId);
    return Buffer.concat([Buffer.from('LENC1'), Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(stored: Uint8Array, context: string): Buffer {
    const buf = Buffer.from(stored);
    if (buf.subarray(0, 5).toString() !== 'LENC1') throw new Error('not encrypted content');
    const idLength = buf[5] ?? 0;
    const id = buf.subarray(6, 6 + idLength).toString();
    const at = 6 + idLength;
    const decipher = createDecipheriv('aes-256-gcm', this.#key(id), buf.subarray(at, at + 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(buf.subarray(at + 12, at + 28));
    return Buffer.concat([decipher.update(buf.subarray(at + 28)), decipher.final()]);
  }

  static keyIdOfBytes(stored: Uint8Array): string | null {
    const buf = Buffer.from(stored);
    if (buf.subarray(0, 5).toString() !== 'LENC1') return null;
    return buf.subarray(6, 6 + (buf[5] ?? 0)).toString();
  }
}

/** The context string that binds a ciphertext to its tenant and column. */
export const cryptoContext = (tenantId: string, table: string, column: string): string => `${tenantId}:${table}.${column}`;
