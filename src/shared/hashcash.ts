// The rule both halves of the declaration's anti-spam check (hashcash) share: a nonce solves a
// challenge when SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits. The server
// issues and verifies (src/domains/declaration/proofOfWork.ts), the browser searches
// (src/web/navigator/pages/declaration/proofOfWork.ts). Browser-safe, no dependencies.

/** Number of leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
