/**
 * Hashcash-style proof of work for public sign-ups, instead of a third-party captcha. The server
 * issues a challenge signed with an HMAC (stateless: any node can verify it); the browser finds a
 * nonce so that SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits (WebCrypto,
 * ~65 000 hashes on average for 16 bits: well under a second on a phone, but expensive in bulk).
 * A solved challenge is good for one sign-up (its hash is stored with the signature).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { leadingZeroBits } from '../../shared/hashcash.ts';

export const POW_DIFFICULTY = 16;
export const POW_TTL_MS = 2 * 60 * 60 * 1000;
/** Clock skew between app nodes tolerated for "issued in the future". */
const SKEW_MS = 5 * 60 * 1000;

interface ChallengePayload {
  v: 1;
  /** tenant id */
  t: string;
  /** declaration id */
  d: string;
  /** issued at, ms since epoch */
  i: number;
  /** difficulty in bits */
  b: number;
  /** randomness */
  r: string;
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function issueChallenge(key: Buffer, tenantId: string, declarationId: string, now = Date.now()): { challenge: string; difficulty: number; expiresAt: string } {
  const payload: ChallengePayload = { v: 1, t: tenantId, d: declarationId, i: now, b: POW_DIFFICULTY, r: randomBytes(12).toString('base64url') };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { challenge: `${encoded}.${sign(key, encoded)}`, difficulty: POW_DIFFICULTY, expiresAt: new Date(now + POW_TTL_MS).toISOString() };
}

const powError = (message: string, reason: string) => new AppError('validation_failed', message, { field: 'pow', details: { reason } });

/**
 * Checks signature, scope, age and work of a solution; returns the hash that identifies the
 * challenge (stored to refuse a second use). Throws 400 naming `pow`.
 */
export function verifyProofOfWork(key: Buffer, solution: { challenge: string; nonce: string }, scope: { tenantId: string; declarationId: string }, now = Date.now()): string {
  const [encoded, mac, extra] = solution.challenge.split('.');
  if (!encoded || !mac || extra !== undefined) throw powError('The anti-spam check is invalid; please reload the page', 'invalid');
  const expected = Buffer.from(sign(key, encoded));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw powError('The anti-spam check is invalid; please reload the page', 'invalid');
  let payload: ChallengePayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as ChallengePayload;
  } catch {
    throw powError('The anti-spam check is invalid; please reload the page', 'invalid');
  }
  if (payload.v !== 1 || payload.t !== scope.tenantId || payload.d !== scope.declarationId) {
    throw powError('The anti-spam check belongs to another declaration; please reload the page', 'invalid');
  }
  if (typeof payload.i !== 'number' || payload.i > now + SKEW_MS || now - payload.i > POW_TTL_MS) {
    throw powError('The anti-spam check has expired; please try again', 'expired');
  }
  const digest = createHash('sha256').update(`${solution.challenge}:${solution.nonce}`, 'utf8').digest();
  if (leadingZeroBits(digest) < payload.b) throw powError('The anti-spam check was not solved; please try again', 'unsolved');
  return createHash('sha256').update(solution.challenge).digest('hex');
}

/** Solves a challenge synchronously (tests, scripts). The browser does the same with WebCrypto. */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(`${challenge}:${nonce}`, 'utf8').digest();
    if (leadingZeroBits(digest) >= difficulty) return String(nonce);
  }
}
