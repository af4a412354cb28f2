/**
 * Sign-up flood protection: attempts per client address and tenant in a fixed window, counted in
 * the database (so the limit holds across app nodes and restarts). The address is stored only as
 * an HMAC, never in clear.
 */
import { createHmac } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { addressSubject } from './normalize.ts';

export const SIGN_LIMIT = 10;
export const SIGN_WINDOW_SECONDS = 60 * 60;

/** Counts one attempt; throws 429 (with the seconds to wait in details.retryAfter) beyond the limit. */
export async function consumeSignAttempt(db: Database, key: Buffer, tenantId: string, ip: string): Promise<{ count: number; retryAfter: number }> {
  const subject = createHmac('sha256', key).update(`declaration-sign:${addressSubject(ip)}`).digest('base64url').slice(0, 32);
  const result = await db.tenant(tenantId, async (tx) => {
    const [row] = await tx.query<{ count: number; retry_after: number }>(
      `INSERT INTO declaration_rate_limit AS r (tenant_id, key, window_start, count) VALUES ($1, $2, now(), 1)
       ON CONFLICT (tenant_id, key) DO UPDATE SET
         count = CASE WHEN r.window_start <= now() - make_interval(secs => $3::int) THEN 1 ELSE r.count + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $3::int) THEN now() ELSE r.window_start END
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $3::int) - now())))::int AS retry_after`,
      [tenantId, subject, SIGN_WINDOW_SECONDS],
    );
    await tx.query(`DELETE FROM declaration_rate_limit WHERE tenant_id = $1 AND window_start < now() - interval '1 day'`, [tenantId]);
    return { count: Number(row!.count), retryAfter: Math.max(1, Number(row!.retry_after)) };
  });
  if (result.count > SIGN_LIMIT) {
    throw new AppError('rate_limited', `Too many sign-ups from this address; please try again in ${Math.ceil(result.retryAfter / 60)} minutes`, {
      details: { retryAfter: result.retryAfter },
    });
  }
  return result;
}
