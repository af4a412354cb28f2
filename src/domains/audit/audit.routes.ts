import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { auditPage, auditQuery, type AuditEntryView, type AuditQuery } from '../../shared/contracts/audit.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { tenantParams } from '../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { authorizeAuditRead } from './audit.policy.ts';
import { auditLog } from './audit.table.ts';

const DAY_MS = 86_400_000;
const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** One page of the tenant's audit log, newest first; the tenant transaction's row-level security scopes it. */
export async function searchAudit(tx: Tx, query: AuditQuery): Promise<{ items: AuditEntryView[]; total: number }> {
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (query.from) where.push(gte(auditLog.at, new Date(query.from)));
  // A bare date as upper bound includes that whole day.
  if (query.to) where.push(lt(auditLog.at, new Date(new Date(query.to).getTime() + (isDateOnly(query.to) ? DAY_MS : 0))));
  const condition = where.length ? and(...where) : undefined;
  const rows = await tx.db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(auditLog).where(condition);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      details: r.details,
      ip: r.ip,
    })),
    total: Number(total?.n ?? 0),
  };
}

export const auditRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Audit log of this tenant, newest first (administrators, read-only)',
        params: tenantParams,
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeAuditRead(actor);
      const query = request.query;
      const { items, total } = await ctx.db.tenant(tenant.id, (tx) => searchAudit(tx, query), { readOnly: true });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );
};
