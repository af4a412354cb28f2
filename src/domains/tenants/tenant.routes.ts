import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { languageInfo } from '../../shared/languages.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  createTenantRequest,
  publicTenantProfile,
  tenantSettings,
  tenantSummary,
  updateTenantSettingsRequest,
} from '../../shared/contracts/tenant.ts';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { requireActor } from '../auth/session.ts';
import { areas, fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { pickLocalized } from '../taxonomy/localize.ts';
import { tenants } from './tenant.table.ts';
import { createTenant } from './createTenant.ts';
import { forgetTenant, requireStaff, requireTenant, requireTenantLanguage, type Tenant } from './tenantService.ts';

const tenantParam = z.object({ tenant: z.string().max(63) });

const presentSettings = (t: Tenant): z.infer<typeof tenantSettings> => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  languages: t.languages,
  logoUrl: t.logoUrl,
  primaryColor: t.primaryColor,
  accentColor: t.accentColor,
  imprint: t.imprint,
  privacy: t.privacy,
  twoFactorRoles: t.settings.twoFactorRoles ?? [],
  mapCenter: t.settings.mapCenter ?? { lat: 51.16, lon: 10.45, zoom: 6 },
});

export const tenantRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/profile',
    {
      schema: {
        tags: ['public'],
        summary: 'Branding, languages and taxonomy of a tenant, names in the requested language',
        params: tenantParam,
        querystring: z.object({ lang: z.string().max(10).optional() }).strict(),
        response: { 200: publicTenantProfile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const fallback = tenant.defaultLanguage;
      const [fields, groups, areaRows] = await ctx.db.tenant(
        tenant.id,
        async (tx) =>
          [
            await tx.db.select().from(fieldsOfAction).orderBy(asc(fieldsOfAction.sort), asc(fieldsOfAction.key)),
            await tx.db.select().from(targetGroups).orderBy(asc(targetGroups.sort), asc(targetGroups.key)),
            await tx.db.select().from(areas).orderBy(asc(areas.sort), asc(areas.key)),
          ] as const,
        { readOnly: true },
      );
      reply.header('cache-control', 'public, max-age=60');
      return {
        slug: tenant.slug,
        name: tenant.name,
        defaultLanguage: tenant.defaultLanguage,
        languages: tenant.languages.map((code) => {
          const info = languageInfo(code);
          return { code, nativeName: info?.nativeName ?? code, dir: info?.dir ?? 'ltr' };
        }),
        logoUrl: tenant.logoUrl,
        primaryColor: tenant.primaryColor,
        accentColor: tenant.accentColor,
        imprint: tenant.imprint,
        privacy: tenant.privacy,
        map: {
          tileUrl: ctx.config.MAP_TILE_URL,
          attribution: ctx.config.MAP_ATTRIBUTION,
          center: tenant.settings.mapCenter ?? { lat: 51.16, lon: 10.45, zoom: 6 },
        },
        fieldsOfAction: fields.map((f) => ({ id: f.id, key: f.key, name: pickLocalized(f.names, lang, fallback), names: f.names, icon: f.icon, color: f.color })),
        targetGroups: groups.map((g) => ({ id: g.id, key: g.key, name: pickLocalized(g.names, lang, fallback), names: g.names })),
        areas: areaRows.map((a) => ({ id: a.id, key: a.key, name: pickLocalized(a.names, lang, fallback), names: a.names, kind: a.kind, lat: a.lat, lon: a.lon })),
      };
    },
  );

  app.get(
    '/api/v1/:tenant/admin/settings',
    { schema: { tags: ['admin'], summary: 'Tenant settings', params: tenantParam, response: { 200: tenantSettings, ...errorResponses } } },
    async (request) => {
      const { tenant } = await requireStaff(request, ctx, request.params.tenant);
      return presentSettings(tenant);
    },
  );

  app.patch(
    '/api/v1/:tenant/admin/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change name, languages, branding, imprint, privacy page, two-factor policy',
        params: tenantParam,
        body: updateTenantSettingsRequest,
        response: { 200: tenantSettings, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      if (actor.role !== 'tenant_admin' && actor.role !== 'super_admin') throw new AppError('forbidden', 'Only administrators change settings');
      const body = request.body;
      if (body.languages) {
        for (const code of body.languages) {
          if (!languageInfo(code)) throw new AppError('validation_failed', `Unknown language "${code}"`, { field: 'languages' });
        }
        if (!body.languages.includes(tenant.defaultLanguage)) {
          throw new AppError('validation_failed', `The default language ${tenant.defaultLanguage} must stay`, { field: 'languages' });
        }
      }
      const settings = {
        ...tenant.settings,
        ...(body.twoFactorRoles ? { twoFactorRoles: body.twoFactorRoles } : {}),
        ...(body.mapCenter ? { mapCenter: body.mapCenter } : {}),
      };
      const row = await ctx.db.system(async (tx) => {
        const [updated] = await tx.db
          .update(tenants)
          .set({
            ...(body.name ? { name: body.name } : {}),
            ...(body.languages ? { languages: body.languages } : {}),
            ...(body.logoUrl !== undefined ? { logoUrl: body.logoUrl } : {}),
            ...(body.primaryColor ? { primaryColor: body.primaryColor } : {}),
            ...(body.accentColor ? { accentColor: body.accentColor } : {}),
            ...(body.imprint !== undefined ? { imprint: body.imprint } : {}),
            ...(body.privacy !== undefined ? { privacy: body.privacy } : {}),
            settings,
            updatedAt: new Date(),
          })
          .where(eq(tenants.id, tenant.id))
          .returning();
        await writeAudit(tx, {
          tenantId: tenant.id,
          action: 'settings.updated',
          entityType: 'tenant',
          entityId: tenant.id,
          actorId: actor.userId,
          actorLabel: actor.email,
          details: { fields: Object.keys(body) },
        });
        return updated!;
      });
      forgetTenant(tenant.slug);
      return presentSettings(row);
    },
  );

  app.get(
    '/api/v1/tenants',
    { schema: { tags: ['tenants'], summary: 'All tenants (super admin)', response: { 200: z.object({ items: z.array(tenantSummary) }), ...errorResponses } } },
    async (request) => {
      const actor = await requireActor(request);
      if (actor.role !== 'super_admin') throw new AppError('forbidden', 'Only super admins manage tenants');
      const rows = await ctx.db.system((tx) => tx.db.select().from(tenants).orderBy(asc(tenants.name)));
      return {
        items: rows.map((t) => ({ id: t.id, slug: t.slug, name: t.name, languages: t.languages, createdAt: t.createdAt.toISOString(), archived: t.archivedAt !== null })),
      };
    },
  );

  app.post(
    '/api/v1/tenants',
    {
      schema: {
        tags: ['tenants'],
        summary: 'Create a tenant with its first administrator (super admin)',
        body: createTenantRequest,
        response: { 201: tenantSummary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      if (actor.role !== 'super_admin') throw new AppError('forbidden', 'Only super admins manage tenants');
      const t = await createTenant(ctx.db, request.body, actor);
      return reply
        .status(201)
        .send({ id: t.id, slug: t.slug, name: t.name, languages: t.languages, createdAt: t.createdAt.toISOString(), archived: false });
    },
  );
};
