import { describe, expect, it } from 'vitest';
import { addressSubject, emailKey, organisationKey } from './normalize.ts';
import { leadingZeroBits } from '../../shared/hashcash.ts';

describe('duplicate keys', () => {
  it('folds case, umlauts, accents, punctuation, "&" and trailing legal forms', () => {
    const same = ['Caritasverband Musterstadt e. V.', 'caritasverband musterstadt', 'CARITASVERBAND  MUSTERSTADT eV', 'Caritasverband Musterstadt e.V.'];
    expect(new Set(same.map(organisationKey)).size).toBe(1);
    expect(organisationKey('Müller & Söhne GmbH')).toBe('mueller und soehne');
    expect(organisationKey('Mueller + Soehne')).toBe('mueller und soehne');
    expect(organisationKey('Straßenkinder gGmbH')).toBe('strassenkinder');
    expect(organisationKey('Café Olé')).toBe('cafe ole');
    expect(organisationKey('Türkischer Elternverein e. V.')).not.toBe(organisationKey('Türkischer Elternverein Süd e. V.'));
    // A name that is only a legal form keeps it.
    expect(organisationKey('AG')).toBe('ag');
    expect(organisationKey('— —')).toBe('');
    expect(emailKey(' Info@Example.ORG ')).toBe('info@example.org');
  });

  it('keys client addresses: IPv4 as is, IPv6 by /64', () => {
    expect(addressSubject('203.0.113.5')).toBe('203.0.113.5');
    expect(addressSubject('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressSubject('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });
});
