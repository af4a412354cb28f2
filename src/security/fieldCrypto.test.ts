import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from './fieldCrypto.ts';

const key = () => randomBytes(32);

describe('FieldCrypto (AES-256-GCM at rest)', () => {
  const crypto = new FieldCrypto([{ id: 'k1', key: key() }]);

  it('round-trips text and binary, with a fresh IV every time', () => {
    const a = crypto.encrypt('Asylverfahren läuft — خدمة', 't1:persons.residence_details_enc');
    const b = crypto.encrypt('Asylverfahren läuft — خدمة', 't1:persons.residence_details_enc');
    expect(a).not.toBe(b);
    expect(a.startsWith('enc:v1:k1:')).toBe(true);
    expect(a).not.toContain('Asylverfahren');
    expect(crypto.decrypt(a, 't1:persons.residence_details_enc')).toBe('Asylverfahren läuft — خدمة');
    const bytes = crypto.encryptBytes(Buffer.from('%PDF-1.7 secret'), 't1:case_documents.content');
    expect(bytes.includes(Buffer.from('secret'))).toBe(false);
    expect(crypto.decryptBytes(bytes, 't1:case_documents.content').toString()).toBe('%PDF-1.7 secret');
    expect(crypto.encrypt(null, 'x')).toBeNull();
  });

  it('refuses another tenant or column (bound context), tampering and unknown keys', () => {
    const value = crypto.encrypt('note', 't1:case_notes.body_enc');
    expect(() => crypto.decrypt(value, 't2:case_notes.body_enc')).toThrow();
    expect(() => crypto.decrypt(value, 't1:persons.health_notes_enc')).toThrow();
    const raw = Buffer.from(value.split(':')[3]!, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => crypto.decrypt(`enc:v1:k1:${raw.toString('base64')}`, 't1:case_notes.body_enc')).toThrow();
    const other = new FieldCrypto([{ id: 'k9', key: key() }]);
    expect(() => other.decrypt(value, 't1:case_notes.body_enc')).toThrow(/k1/);
  });

  it('rotates: a new first key encrypts, old values still decrypt until re-encrypted', () => {
    const k1 = key();
    const old = new FieldCrypto([{ id: 'k1', key: k1 }]);
    const stored = old.encrypt('Termin beim Jobcenter', 'c');
    const rotated = new FieldCrypto([
      { id: 'k2', key: key() },
      { id: 'k1', key: k1 },
    ]);
    expect(rotated.decrypt(stored, 'c')).toBe('Termin beim Jobcenter');
    const again = rotated.encrypt(rotated.decrypt(stored, 'c'), 'c');
    expect(FieldCrypto.keyIdOf(again)).toBe('k2');
    expect(FieldCrypto.keyIdOf(stored)).toBe('k1');
  });

  it('reads keys from the configuration and rejects wrong key sizes', () => {
    const b64 = randomBytes(32).toString('base64');
    const fromConfig = FieldCrypto.fromConfig({ DATA_ENCRYPTION_KEYS: `new:${b64},old:${randomBytes(32).toString('base64')}`, AUTH_SECRET: undefined });
    expect(fromConfig.activeKeyId).toBe('new');
    expect(fromConfig.keyIds).toEqual(['new', 'old']);
    expect(FieldCrypto.fromConfig({ DATA_ENCRYPTION_KEYS: undefined, AUTH_SECRET: undefined }).activeKeyId).toBe('dev');
    expect(() => new FieldCrypto([{ id: 'short', key: randomBytes(16) }])).toThrow(/32 bytes/);
  });
});
