// The browser's half of the anti-spam check (hashcash): find a nonce so that SHA-256 of
// `${challenge}:${nonce}` starts with `difficulty` zero bits, with WebCrypto, in batches so the page
// stays responsive. The server's half: src/domains/declaration/proofOfWork.ts.
import { leadingZeroBits } from '../../../../shared/hashcash.ts';

const BATCH = 512;

export async function solveProofOfWork(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('webcrypto-unavailable');
  const encoder = new TextEncoder();
  const prefix = `${challenge}:`;
  for (let start = 0; start < 1e12; start += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const digests = await Promise.all(Array.from({ length: BATCH }, (_, i) => subtle.digest('SHA-256', encoder.encode(prefix + (start + i)))));
    for (let i = 0; i < BATCH; i++) {
      if (leadingZeroBits(new Uint8Array(digests[i]!)) >= difficulty) return String(start + i);
    }
    // Yield to rendering and input between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('unsolvable');
}
