import { createHash } from 'node:crypto';
import type { Config } from '../../config.ts';

const DEV_SECRET = 'lotse-development-secret-change-me-in-production-0000';
const keys = new WeakMap<Config, Buffer>();

/** The key for proof-of-work challenges and rate-limit subjects, derived from AUTH_SECRET. */
export function declarationKey(config: Config): Buffer {
  let key = keys.get(config);
  if (!key) {
    key = createHash('sha256').update(`lotse-declaration\u0000${config.AUTH_SECRET ?? DEV_SECRET}`).digest();
    keys.set(config, key);
  }
  return key;
}
