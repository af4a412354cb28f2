import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  adminArea,
  adminFieldOfAction,
  adminSynonymGroup,
  adminTargetGroup,
  areaInput,
  areaList,
  deleted,
  fieldOfActionInput,
  fieldOfActionList,
  synonymGroupList,
  synonymInput,
  targetGroupInput,
  targetGroupList,
  tenantIdParams,
  tenantParams,
} from '../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar, ZodApp } from '../../server/types.ts';
import type { AppContext } from '../../server/context.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import {
  createSynonymGroup,
  deleteSynonymGroup,
  findSynonymGroup,
  listSynonymGroups,
  presentSynonymGroup,
  updateSynonymGroup,
} from './synonymService.ts';
import { authorizeTaxonomy } from './taxonomy.policy.ts';
import { createTaxonomy, deleteTaxonomy, findTaxonomy, listTaxonomy, type TaxonomyKind, updateTaxonomy } from './taxonomyService.ts';

type Row = { id: string; key: string; names: Record<string, string>; sort: number; offerCount: number; createdAt: Date; updatedAt: Date } & Record<
  string,
  unknown
>;

const presentCommon = (r: Row) => ({
  id: r.id,
  key: r.key,
  names: r.names,
  sort: r.sort,
  offerCount: r.offerCount,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** One list per kind: URL segment, contracts, presenter. */
const RESOURCES = [
  {
    kind: 'field',
    path: 'fields-of-action',
    label: 'fields of action',
    input: fieldOfActionInput,
    item: adminFieldOfAction,
    list: fieldOfActionList,
    present: (r: Row) => ({ ...presentCommon(r), icon: String(r.icon), color: String(r.color) }),
  },
  {
    kind: 'targetGroup',
    path: 'target-groups',
    label: 'target groups',
    input: targetGroupInput,
    item: adminTargetGroup,
    list: targetGroupList,
    present: presentCommon,
  },
  {
    kind: 'area',
    path: 'areas',
    label: 'areas (districts, municipalities)',
    input: areaInput,
    item: adminArea,
    list: areaList,
    present: (r: Row) => ({ ...presentCommon(r), kind: String(r.kind), lat: (r.lat as number | null) ?? null, lon: (r.lon as number | null) ?? null }),
  },
] as const;

function registerTaxonomyResource(app: ZodApp, ctx: AppContext, resource: (typeof RESOURCES)[number]): void {
  const kind = resource.kind as TaxonomyKind;
  const present = resource.present as (r: Row) => z.infer<typeof resource.item>;
  const input = resource.input as typeof targetGroupInput;
  const url = `/api/v1/:tenant/admin/${resource.path}`;

  app.get(
    url,
    {
      schema: { tags: ['admin'], summary: `All ${resource.label} with the number of offers using each`, params: tenantParams, response: { 200: resource.list, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'read');
      const rows = await ctx.db.tenant(tenant.id, (tx) => listTaxonomy(tx, kind), { readOnly: true });
      return { items: (rows as unknown as Row[]).map(present) };
    },
  );

  app.post(
    url,
    {
      schema: { tags: ['admin'], summary: `Add to the ${resource.label} (integration office)`, params: tenantParams, body: input, response: { 201: resource.item, ...errorResponses } },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, (tx) => createTaxonomy(tx, tenant, authorOf(actor, request), kind, request.body as never));
      return reply.status(201).send(present(row as unknown as Row));
    },
  );

  app.put(
    `${url}/:id`,
    {
      schema: { tags: ['admin'], summary: `Change one of the ${resource.label} (integration office)`, params: tenantIdParams, body: input, response: { 200: resource.item, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findTaxonomy(tx, kind, request.params.id);
        if (!before) throw new AppError('not_found', 'Entry not found');
        return updateTaxonomy(tx, tenant, authorOf(actor, request), kind, before, request.body as never);
      });
      return present(row as unknown as Row);
    },
  );

  app.delete(
    `${url}/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: `Delete one of the ${resource.label} that no offer uses (integration office)`,
        params: tenantIdParams,
        response: { 200: deleted, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      await ctx.db.tenant(
        tenant.id,
        async (tx) => {
          const before = await findTaxonomy(tx, kind, request.params.id);
          if (!before) throw new AppError('not_found', 'Entry not found');
          await deleteTaxonomy(tx, authorOf(actor, request), kind, before);
        },
        // An offer tagged in the same moment must not slip between the usage count and the delete.
        { serializable: true },
      );
      return { id: request.params.id, deleted: true as const };
    },
  );
}

/** Back office: fields of action, target groups, areas and search synonyms. */
export const taxonomyRoutes: RouteRegistrar = (app, ctx) => {
  for (const resource of RESOURCES) registerTaxonomyResource(app, ctx, resource);

  const url = '/api/v1/:tenant/admin/synonyms';
  app.get(
    url,
    { schema: { tags: ['admin'], summary: 'Search synonym groups', params: tenantParams, response: { 200: synonymGroupList, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'read');
      const rows = await ctx.db.tenant(tenant.id, (tx) => listSynonymGroups(tx), { readOnly: true });
      return { items: rows.map(presentSynonymGroup) };
    },
  );

  app.post(
    url,
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a group of search terms treated as equivalent (integration office)',
        params: tenantParams,
        body: synonymInput,
        response: { 201: adminSynonymGroup, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, (tx) => createSynonymGroup(tx, authorOf(actor, request), request.body));
      return reply.status(201).send(presentSynonymGroup(row));
    },
  );

  app.put(
    `${url}/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a synonym group (integration office)',
        params: tenantIdParams,
        body: synonymInput,
        response: { 200: adminSynonymGroup, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findSynonymGroup(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'Synonym group not found');
        return updateSynonymGroup(tx, authorOf(actor, request), before, request.body);
      });
      return presentSynonymGroup(row);
    },
  );

  app.delete(
    `${url}/:id`,
    {
      schema: { tags: ['admin'], summary: 'Delete a synonym group (integration office)', params: tenantIdParams, response: { 200: deleted, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeTaxonomy(actor, 'write');
      await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findSynonymGroup(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'Synonym group not found');
        await deleteSynonymGroup(tx, authorOf(actor, request), before);
      });
      return { id: request.params.id, deleted: true as const };
    },
  );
};
