import { errorResponses } from '../../shared/contracts/common.ts';
import {
  adminLocation,
  adminProvider,
  adminProviderDetail,
  locationBody,
  locationListQuery,
  locationPage,
  providerCreate,
  providerListQuery,
  providerPage,
  providerUpdate,
  tenantIdParams,
  tenantParams,
} from '../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { createLocation, findLocation, listLocations, presentLocation, setLocationArchived, updateLocation } from './locationService.ts';
import { authorizeLocation, authorizeLocationProvider, authorizeProvider, providerScope } from './provider.policy.ts';
import {
  createProvider,
  findProvider,
  listProviders,
  presentProvider,
  presentProviderDetail,
  setProviderArchived,
  updateProvider,
} from './providerService.ts';

/** Back office: providers (Träger) and their locations (Standorte). */
export const providerRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/admin';

  app.get(
    `${base}/providers`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Providers, searchable by name, sorted by name (partners see only their own)',
        params: tenantParams,
        querystring: providerListQuery,
        response: { 200: providerPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const scope = providerScope(actor);
      const query = request.query;
      const { rows, total } = await ctx.db.tenant(tenant.id, (tx) => listProviders(tx, query, scope.all ? undefined : scope.providerId), {
        readOnly: true,
      });
      return { items: rows.map(presentProvider), total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/providers`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a provider (integration office)',
        params: tenantParams,
        body: providerCreate,
        response: { 201: adminProviderDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeProvider(actor, 'create');
      const detail = await ctx.db.tenant(tenant.id, async (tx) => presentProviderDetail(tx, await createProvider(tx, authorOf(actor, request), request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/providers/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'One provider with the number of its offers and locations',
        params: tenantIdParams,
        response: { 200: adminProviderDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(
        tenant.id,
        async (tx) => {
          const row = await findProvider(tx, request.params.id);
          authorizeProvider(actor, 'read', row);
          return presentProviderDetail(tx, row!);
        },
        { readOnly: true },
      );
    },
  );

  app.put(
    `${base}/providers/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a provider (partners: only their own, never the trusted flag)',
        params: tenantIdParams,
        body: providerUpdate,
        response: { 200: adminProviderDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findProvider(tx, request.params.id);
        authorizeProvider(actor, 'update', before, request.body);
        return presentProviderDetail(tx, await updateProvider(tx, authorOf(actor, request), before!, request.body));
      });
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/providers/:id/${verb}`,
      {
        schema: {
          tags: ['admin'],
          summary: archived ? 'Archive a provider (integration office)' : 'Restore an archived provider (integration office)',
          params: tenantIdParams,
          response: { 200: adminProvider, ...errorResponses },
        },
      },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeProvider(actor, 'archive');
        return ctx.db.tenant(tenant.id, async (tx) => {
          const before = await findProvider(tx, request.params.id);
          authorizeProvider(actor, 'read', before);
          return presentProvider(await setProviderArchived(tx, authorOf(actor, request), before!, archived));
        });
      },
    );
  }

  app.get(
    `${base}/locations`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Locations, filtered by text, provider and area (partners see only their own)',
        params: tenantParams,
        querystring: locationListQuery,
        response: { 200: locationPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const scope = providerScope(actor);
      const query = request.query;
      const { rows, total } = await ctx.db.tenant(tenant.id, (tx) => listLocations(tx, query, scope.all ? undefined : scope.providerId), {
        readOnly: true,
      });
      return { items: rows.map(presentLocation), total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/locations`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a location with opening hours and contacts',
        params: tenantParams,
        body: locationBody,
        response: { 201: adminLocation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeLocationProvider(actor, request.body.providerId ?? null);
      const row = await ctx.db.tenant(tenant.id, (tx) => createLocation(tx, authorOf(actor, request), request.body));
      return reply.status(201).send(presentLocation(row));
    },
  );

  app.get(
    `${base}/locations/:id`,
    {
      schema: { tags: ['admin'], summary: 'One location', params: tenantIdParams, response: { 200: adminLocation, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const row = await ctx.db.tenant(tenant.id, (tx) => findLocation(tx, request.params.id), { readOnly: true });
      authorizeLocation(actor, 'read', row);
      return presentLocation(row!);
    },
  );

  app.put(
    `${base}/locations/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a location (replaces all its fields)',
        params: tenantIdParams,
        body: locationBody,
        response: { 200: adminLocation, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const row = await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findLocation(tx, request.params.id);
        authorizeLocation(actor, 'write', before);
        authorizeLocationProvider(actor, request.body.providerId ?? null);
        return updateLocation(tx, authorOf(actor, request), before!, request.body);
      });
      return presentLocation(row);
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/locations/:id/${verb}`,
      {
        schema: {
          tags: ['admin'],
          summary: archived ? 'Archive a location' : 'Restore an archived location',
          params: tenantIdParams,
          response: { 200: adminLocation, ...errorResponses },
        },
      },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        const row = await ctx.db.tenant(tenant.id, async (tx) => {
          const before = await findLocation(tx, request.params.id);
          authorizeLocation(actor, 'write', before);
          return setLocationArchived(tx, authorOf(actor, request), before!, archived);
        });
        return presentLocation(row);
      },
    );
  }
};
