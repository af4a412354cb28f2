import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { directorySnapshot, offerDetail, offerDetailQuery, offerSearchQuery, offerSearchResult } from '../../shared/contracts/offerPublic.ts';
import { requireTenant, requireTenantLanguage } from '../tenants/tenantService.ts';
import { loadSynonymGroups, searchOffers } from './search/offerSearch.ts';
import { facetIndexFor } from './search/facetIndex.ts';
import { cachedForGeneration, cachedPublicAnswer, cachedPublicRead, contentGeneration } from './search/publicCache.ts';
import { loadDirectory, loadJsonLdTaxonomy, loadPublicOffer } from './search/publicOffers.ts';
import { PUBLIC_CACHE_CONTROL, sendPublicJson, toContractJson } from './search/publicResponse.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tenantParam = z.object({ tenant: z.string().max(63) });
const offerParams = z.object({ tenant: z.string().max(63), id: z.string().max(200) });

/** True when an If-None-Match header names this entity tag (or is "*"). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim().replace(/^W\//, ''));
  return values.includes('*') || values.includes(etag);
}

const directoryEtag = (tenantId: string, generation: string, lang: string) =>
  `"dir-${createHash('sha256').update(`${tenantId}:${generation}:${lang}`).digest('base64url').slice(0, 24)}"`;

/** The public navigator's read API: search, offer page, offline directory. No login. */
export const publicOfferRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/offers',
    {
      schema: {
        tags: ['public'],
        summary: 'Search published offers: free text in any language (stemming, typos, synonyms), filters, facets, sorting',
        params: tenantParam,
        querystring: offerSearchQuery,
        response: { 200: offerSearchResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const query = { ...request.query, lang: requireTenantLanguage(tenant, request.query.lang) };
      const { value } = await cachedPublicAnswer(ctx.db, tenant.id, `search:${JSON.stringify(query)}`, async (generation) => {
        // The index is fetched before the transaction opens: waiting for a build holds no connection.
        const index = await facetIndexFor(ctx.db, tenant.id, generation);
        return ctx.db.tenant(
          tenant.id,
          async (tx) => {
            const synonyms = await cachedForGeneration(ctx.db, tenant.id, 'synonyms', generation, () => loadSynonymGroups(tx));
            return toContractJson(offerSearchResult, await searchOffers(tx, tenant, query, synonyms, index));
          },
          { readOnly: true },
        );
      });
      return sendPublicJson(reply, value);
    },
  );

  app.get(
    '/api/v1/:tenant/offers/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'One published offer with provider, places, opening hours, contacts and schema.org JSON-LD',
        params: offerParams,
        querystring: offerDetailQuery,
        response: { 200: offerDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const { id } = request.params;
      if (!UUID.test(id)) throw new AppError('not_found', 'Offer not found');
      const { value } = await cachedPublicRead(ctx.db, tenant.id, `offer:${id.toLowerCase()}:${lang}`, async (tx, generation) => {
        const taxonomy = await cachedForGeneration(ctx.db, tenant.id, 'jsonld-taxonomy', generation, () => loadJsonLdTaxonomy(tx));
        const offer = await loadPublicOffer(tx, tenant, id, lang, taxonomy);
        return offer ? toContractJson(offerDetail, offer) : null;
      });
      if (!value) throw new AppError('not_found', 'Offer not found');
      return sendPublicJson(reply, value);
    },
  );

  app.get(
    '/api/v1/:tenant/directory',
    {
      schema: {
        tags: ['public'],
        summary: 'All published offers in one language, for the offline navigator (ETag / If-None-Match)',
        params: tenantParam,
        querystring: offerDetailQuery,
        response: { 200: directorySnapshot, 304: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch) {
        const generation = await contentGeneration(ctx.db);
        const etag = directoryEtag(tenant.id, generation, lang);
        if (etagMatches(ifNoneMatch, etag)) {
          return reply.status(304).header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL).send(null);
        }
      }
      const { value, generation } = await cachedPublicRead(ctx.db, tenant.id, `directory:${lang}`, async (tx) =>
        toContractJson(directorySnapshot, await loadDirectory(tx, tenant, lang)),
      );
      return sendPublicJson(reply, value, { etag: directoryEtag(tenant.id, generation, lang) });
    },
  );
};
