import { count, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { tenantParams } from '../../shared/contracts/directoryAdmin.ts';
import { type OutboxItem, type OutboxQuery, outboxPage, outboxQuery } from '../../shared/contracts/mail.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireActor } from '../auth/session.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { authorizeOutboxRead } from './mail.policy.ts';
import { mailOutbox } from './mail.table.ts';

/** One page of the outbox, newest first. In a tenant transaction row-level security limits it to that tenant. */
export async function listOutbox(tx: Tx, query: OutboxQuery): Promise<{ items: OutboxItem[]; total: number }> {
  const condition = query.status ? eq(mailOutbox.status, query.status) : undefined;
  const rows = await tx.db
    .select()
    .from(mailOutbox)
    .where(condition)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(mailOutbox).where(condition);
  return {
    items: rows.map((r) => ({
      id: r.id,
      tenantId: r.tenantId,
      to: r.to,
      subject: r.subject,
      text: r.text,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    total: Number(total?.n ?? 0),
  };
}

export const mailRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: "This tenant's sent and pending mails, newest first (administrators)",
        params: tenantParams,
        querystring: outboxQuery,
        response: { 200: outboxPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeOutboxRead(actor, 'tenant');
      const query = request.query;
      const { items, total } = await ctx.db.tenant(tenant.id, (tx) => listOutbox(tx, query), { readOnly: true });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'All mails of the installation incl. system mails, newest first (super admins)',
        querystring: outboxQuery,
        response: { 200: outboxPage, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      authorizeOutboxRead(actor, 'installation');
      const query = request.query;
      const { items, total } = await ctx.db.system((tx) => listOutbox(tx, query), { readOnly: true });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );
};
