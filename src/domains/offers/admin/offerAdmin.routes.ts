import { z } from 'zod';
import { errorResponses } from '../../../shared/contracts/common.ts';
import {
  adminOffer,
  adminOfferList,
  adminOfferListQuery,
  createOfferQuery,
  offerInput,
  offerRevisionList,
  offerUpdate,
  reviewDecision,
  reviewList,
  reviewListQuery,
  statusChangeRequest,
  translationInput,
} from '../../../shared/contracts/offerAdmin.ts';
import { translationOverview, translationOverviewQuery, translationProvider } from '../../../shared/contracts/translations.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { requireStaff } from '../../tenants/tenantService.ts';
import {
  machineTranslationAvailable,
  requireMachineTranslation,
  translateTextRecord,
} from '../../translations/machineTranslation.ts';
import { translationOverview as buildTranslationOverview } from '../../translations/translationOverview.ts';
import { providerScope } from '../offer.policy.ts';
import { presentAdminOffer } from './adminOfferPresenter.ts';
import { listOfferRevisions } from './offerHistory.ts';
import { listAdminOffers } from './offerList.ts';
import { changeOfferStatus, createOffer, getOfferForActor, updateOffer } from './offerService.ts';
import { listReviews, reviewOffer } from './reviewService.ts';
import {
  deleteTranslation,
  prepareMachineTranslation,
  requireTargetLanguage,
  saveTranslation,
  storeMachineTranslation,
} from './translationService.ts';

const tenantParam = z.object({ tenant: z.string().max(63) }).strict();
const offerParams = z.object({ tenant: z.string().max(63), id: z.uuid() }).strict();
const translationParams = z.object({ tenant: z.string().max(63), id: z.uuid(), lang: z.string().max(10) }).strict();
const responses = { ...errorResponses, 502: errorResponses[400], 503: errorResponses[400] };

/**
 * Back-office offer API (login required): CRUD, publishing workflow, history, translations, machine
 * translation, partner self-service with review. Every write is one transaction with a revision and an
 * audit entry; authorization lives in offer.policy.ts.
 */
export const offerAdminRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/admin/offers',
    {
      schema: {
        tags: ['admin'],
        summary: 'List offers: title search, filters (status, provider, field of action, pending review), paging, sort',
        params: tenantParam,
        querystring: adminOfferListQuery,
        response: { 200: adminOfferList, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => listAdminOffers(tx, tenant, actor, request.query), { readOnly: true });
    },
  );

  app.post(
    '/api/v1/:tenant/admin/offers',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an offer (draft; office staff may publish at once with ?publish=true)',
        params: tenantParam,
        querystring: createOfferQuery,
        body: offerInput,
        response: { 201: adminOffer, ...responses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const status = request.query.publish === 'true' ? 'published' : 'draft';
      const offer = await ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await createOffer(tx, tenant, actor, request.body, { status })),
      );
      return reply.status(201).send(offer);
    },
  );

  app.get(
    '/api/v1/:tenant/admin/offers/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One offer with the translation state of every tenant language',
        params: offerParams,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(
        tenant.id,
        async (tx) => presentAdminOffer(tx, tenant, await getOfferForActor(tx, tenant, actor, request.params.id)),
        { readOnly: true },
      );
    },
  );

  app.put(
    '/api/v1/:tenant/admin/offers/:id',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Change an offer (409 if `version` is outdated). A partner’s change to a published offer waits for review unless the provider is trusted.',
        params: offerParams,
        body: offerUpdate,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await updateOffer(tx, tenant, actor, request.params.id, request.body)),
      );
    },
  );

  app.post(
    '/api/v1/:tenant/admin/offers/:id/status',
    {
      schema: {
        tags: ['admin'],
        summary: 'Publishing workflow: draft → in_review → published → archived, and back to draft (422 for other moves)',
        params: offerParams,
        body: statusChangeRequest,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await changeOfferStatus(tx, tenant, actor, request.params.id, request.body)),
      );
    },
  );

  app.get(
    '/api/v1/:tenant/admin/offers/:id/revisions',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change history: who changed what when, field by field [before, after]',
        params: offerParams,
        response: { 200: offerRevisionList, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(
        tenant.id,
        async (tx) => {
          await getOfferForActor(tx, tenant, actor, request.params.id);
          return { items: await listOfferRevisions(tx, request.params.id) };
        },
        { readOnly: true },
      );
    },
  );

  app.put(
    '/api/v1/:tenant/admin/offers/:id/translations/:lang',
    {
      schema: {
        tags: ['admin'],
        summary: 'Save a human translation (becomes current for the present source version)',
        params: translationParams,
        body: translationInput,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const lang = requireTargetLanguage(tenant, request.params.lang);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await saveTranslation(tx, tenant, actor, request.params.id, lang, request.body)),
      );
    },
  );

  app.delete(
    '/api/v1/:tenant/admin/offers/:id/translations/:lang',
    {
      schema: {
        tags: ['admin'],
        summary: 'Remove a translation (the public site falls back to the source language)',
        params: translationParams,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const lang = requireTargetLanguage(tenant, request.params.lang);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await deleteTranslation(tx, tenant, actor, request.params.id, lang)),
      );
    },
  );

  app.post(
    '/api/v1/:tenant/admin/offers/:id/translations/:lang/machine',
    {
      schema: {
        tags: ['admin'],
        summary: 'Machine-translate the source texts into a language (503 if no translation server is configured)',
        params: translationParams,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const lang = requireTargetLanguage(tenant, request.params.lang);
      requireMachineTranslation(ctx.translator, tenant.settings);
      const source = await ctx.db.tenant(tenant.id, (tx) => prepareMachineTranslation(tx, tenant, actor, request.params.id), {
        readOnly: true,
      });
      const translated = await translateTextRecord(ctx.translator, source.texts, tenant.defaultLanguage, lang);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(
          tx,
          tenant,
          await storeMachineTranslation(tx, tenant, actor, request.params.id, lang, translated, source),
        ),
      );
    },
  );

  app.get(
    '/api/v1/:tenant/admin/translation/provider',
    {
      schema: {
        tags: ['admin'],
        summary: 'Whether machine translation is available, and through which service',
        params: tenantParam,
        response: { 200: translationProvider, ...responses },
      },
    },
    async (request) => {
      const { tenant } = await requireStaff(request, ctx, request.params.tenant);
      return { configured: machineTranslationAvailable(ctx.translator, tenant.settings), name: ctx.translator.name };
    },
  );

  app.get(
    '/api/v1/:tenant/admin/translations/overview',
    {
      schema: {
        tags: ['admin'],
        summary: 'Translation work per language: counts by state and the offers that need work (outdated, missing, machine)',
        params: tenantParam,
        querystring: translationOverviewQuery,
        response: { 200: translationOverview, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      const requested = request.query.lang;
      const lang = requested
        ? requireTargetLanguage(tenant, requested)
        : (tenant.languages.find((l) => l !== tenant.defaultLanguage) ?? null);
      const scope = providerScope(actor);
      return ctx.db.tenant(tenant.id, (tx) => buildTranslationOverview(tx, tenant, { ...request.query, lang }, scope), {
        readOnly: true,
      });
    },
  );

  app.get(
    '/api/v1/:tenant/admin/reviews',
    {
      schema: {
        tags: ['admin'],
        summary: 'Review queue (office): partners’ pending changes and offers submitted for review',
        params: tenantParam,
        querystring: reviewListQuery,
        response: { 200: reviewList, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => listReviews(tx, tenant, actor, request.query), { readOnly: true });
    },
  );

  app.post(
    '/api/v1/:tenant/admin/offers/:id/review',
    {
      schema: {
        tags: ['admin'],
        summary: 'Approve or reject a pending partner change or an offer in review (a rejection needs a comment)',
        params: offerParams,
        body: reviewDecision,
        response: { 200: adminOffer, ...responses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        presentAdminOffer(tx, tenant, await reviewOffer(tx, tenant, actor, request.params.id, request.body)),
      );
    },
  );
};
