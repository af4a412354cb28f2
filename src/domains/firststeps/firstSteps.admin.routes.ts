import { AppError } from '../../errors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  adminFirstStepsList,
  deleted,
  firstStepsListInput,
  firstStepsListList,
  firstStepsListQuery,
  tenantIdParams,
  tenantParams,
} from '../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import {
  createFirstStepsList,
  deleteFirstStepsList,
  findFirstStepsList,
  listFirstStepsLists,
  presentFirstStepsList,
  updateFirstStepsList,
} from './firstSteps.admin.ts';
import { authorizeFirstSteps } from './firstSteps.policy.ts';

/** Back office: first-steps lists ("Erste Schritte") per target group. */
export const firstStepsAdminRoutes: RouteRegistrar = (app, ctx) => {
  const url = '/api/v1/:tenant/admin/first-steps';

  app.get(
    url,
    {
      schema: {
        tags: ['admin'],
        summary: 'First-steps lists, optionally of one target group',
        params: tenantParams,
        querystring: firstStepsListQuery,
        response: { 200: firstStepsListList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeFirstSteps(actor, 'read');
      const rows = await ctx.db.tenant(tenant.id, (tx) => listFirstStepsLists(tx, request.query.targetGroupId), { readOnly: true });
      return { items: rows.map(presentFirstStepsList) };
    },
  );

  app.post(
    url,
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a first-steps list for a target group',
        params: tenantParams,
        body: firstStepsListInput,
        response: { 201: adminFirstStepsList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeFirstSteps(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, (tx) => createFirstStepsList(tx, tenant, authorOf(actor, request), request.body));
      return reply.status(201).send(presentFirstStepsList(row));
    },
  );

  app.get(
    `${url}/:id`,
    {
      schema: { tags: ['admin'], summary: 'One first-steps list', params: tenantIdParams, response: { 200: adminFirstStepsList, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeFirstSteps(actor, 'read');
      const row = await ctx.db.tenant(tenant.id, (tx) => findFirstStepsList(tx, request.params.id), { readOnly: true });
      if (!row) throw new AppError('not_found', 'First-steps list not found');
      return presentFirstStepsList(row);
    },
  );

  app.put(
    `${url}/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a first-steps list (replaces title, intro and steps)',
        params: tenantIdParams,
        body: firstStepsListInput,
        response: { 200: adminFirstStepsList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeFirstSteps(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findFirstStepsList(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'First-steps list not found');
        return updateFirstStepsList(tx, tenant, authorOf(actor, request), before, request.body);
      });
      return presentFirstStepsList(row);
    },
  );

  app.delete(
    `${url}/:id`,
    {
      schema: { tags: ['admin'], summary: 'Delete a first-steps list', params: tenantIdParams, response: { 200: deleted, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeFirstSteps(actor, 'write');
      await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findFirstStepsList(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'First-steps list not found');
        await deleteFirstStepsList(tx, authorOf(actor, request), before);
      });
      return { id: request.params.id, deleted: true as const };
    },
  );
};
