import type { FastifyRequest } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../server/context.ts';
import { authSession } from '../auth/auth.table.ts';
import { type StaffContext, requireStaff } from '../tenants/tenantService.ts';
import { caseScope, type CaseScope } from './case.policy.ts';

export interface CaseStaffContext extends StaffContext {
  scope: CaseScope;
}

/**
 * Every case-data route starts here: tenant + signed-in staff, then
 * - a case role (else 404 for single records, 403 for lists — `denyAs`),
 * - two-factor login (mandatory for every role that reads case data, whatever the tenant policy),
 * - the idle timeout of case views: a session unused for CASE_IDLE_TIMEOUT_MINUTES is ended.
 */
export async function requireCaseStaff(
  request: FastifyRequest,
  ctx: AppContext,
  slug: string,
  options: { denyAs?: 'not_found' | 'forbidden'; allowPartner?: boolean } = {},
): Promise<CaseStaffContext> {
  const staff = await requireStaff(request, ctx, slug);
  const { actor } = staff;
  const scope = caseScope(actor);
  const partner = options.allowPartner && actor.role === 'partner_editor' && actor.providerId !== null;
  if (scope.kind === 'none' && !partner) {
    if ((options.denyAs ?? 'not_found') === 'not_found') throw new AppError('not_found', 'Not found');
    throw new AppError('forbidden', 'Your role has no access to case data');
  }
  if (!actor.twoFactorEnabled) {
    throw new AppError('two_factor_required', 'Case data requires two-factor login: set it up first');
  }
  await touchCaseSession(ctx, actor.sessionId);
  return { ...staff, scope };
}

/**
 * Idle timeout: ends the session when its last case request is older than the limit; otherwise
 * records the activity (at most every 20 seconds).
 */
async function touchCaseSession(ctx: AppContext, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  const minutes = ctx.config.CASE_IDLE_TIMEOUT_MINUTES;
  const expired = await ctx.db.system(async (tx) => {
    const [row] = await tx.db
      .select({
        idle: sql<boolean>`coalesce(${authSession.caseActiveAt} < now() - make_interval(mins => ${minutes}), false)`,
        fresh: sql<boolean>`coalesce(${authSession.caseActiveAt} > now() - interval '20 seconds', false)`,
      })
      .from(authSession)
      .where(eq(authSession.id, sessionId));
    if (!row) return false;
    if (row.idle) {
      await tx.db.delete(authSession).where(eq(authSession.id, sessionId));
      return true;
    }
    if (!row.fresh) {
      await tx.db
        .update(authSession)
        .set({ caseActiveAt: sql`now()` })
        .where(eq(authSession.id, sessionId));
    }
    return false;
  });
  if (expired) {
    throw new AppError('unauthenticated', `Signed out after ${minutes} minutes without activity in case management`, {
      details: { reason: 'idle_timeout' },
    });
  }
}
