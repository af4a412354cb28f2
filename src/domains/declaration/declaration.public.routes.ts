/**
 * Public declaration pages: the text and verified signatories, the proof-of-work challenge, the
 * sign-up (rate-limited per client address, honeypot, proof of work, e-mail double opt-in) and the
 * confirmation of the e-mail link.
 */
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  confirmInput,
  confirmResult,
  powChallenge,
  publicDeclaration,
  publicDeclarationList,
  publicDeclarationParams,
  publicLangQuery,
  publicLogoParams,
  signInput,
  signResult,
} from '../../shared/contracts/declaration.ts';
import { cachedPublicRead } from '../offers/search/publicCache.ts';
import { sendPublicJson, toContractJson } from '../offers/search/publicResponse.ts';
import { requireTenant, requireTenantLanguage } from '../tenants/tenantService.ts';
import { issueChallenge } from './proofOfWork.ts';
import { listPublicDeclarations, loadPublicDeclaration, publicLogo } from './publicDeclaration.ts';
import { consumeSignAttempt } from './rateLimit.ts';
import { declarationKey } from './secret.ts';
import { confirmSignature, findPublishedDeclaration, signDeclaration } from './signatureService.ts';

const tenantParam = z.object({ tenant: z.string().max(63) }).strict();
/** A logo of 1 MB is ~1.4 MB as base64; larger bodies get a 413 before parsing, smaller ones a 413 naming `logo`. */
const SIGN_BODY_LIMIT = 6 * 1024 * 1024;
const publicErrors = { ...errorResponses, 415: errorResponses[400], 502: errorResponses[400] };

export const declarationPublicRoutes: RouteRegistrar = (app, ctx) => {
  const key = declarationKey(ctx.config);

  app.get(
    '/api/v1/:tenant/declarations',
    {
      schema: {
        tags: ['public'],
        summary: 'Published declarations (Erklärung / Bündnis) with their number of signatories',
        params: tenantParam,
        querystring: publicLangQuery,
        response: { 200: publicDeclarationList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const { value } = await cachedPublicRead(ctx.db, tenant.id, `declarations:${lang}`, async (tx) =>
        toContractJson(publicDeclarationList, await listPublicDeclarations(tx, tenant, lang)),
      );
      return sendPublicJson(reply, value);
    },
  );

  app.get(
    '/api/v1/:tenant/declarations/:slug',
    {
      schema: {
        tags: ['public'],
        summary: 'A published declaration: text, sectors and verified signatories (public data only)',
        params: publicDeclarationParams,
        querystring: publicLangQuery,
        response: { 200: publicDeclaration, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const { slug } = request.params;
      const { value } = await cachedPublicRead(ctx.db, tenant.id, `declaration:${slug}:${lang}`, async (tx) => {
        const result = await loadPublicDeclaration(tx, tenant, slug, lang);
        return result ? toContractJson(publicDeclaration, result) : null;
      });
      if (!value) throw new AppError('not_found', 'Declaration not found');
      return sendPublicJson(reply, value);
    },
  );

  app.get(
    '/api/v1/:tenant/declarations/:slug/signatories/:signatureId/logo',
    {
      schema: {
        tags: ['public'],
        summary: 'Logo of a verified signatory (PNG or JPEG)',
        params: publicLogoParams,
        response: { 200: z.unknown().describe('The image'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const logo = await ctx.db.tenant(tenant.id, (tx) => publicLogo(tx, request.params.slug, request.params.signatureId), { readOnly: true });
      if (!logo) throw new AppError('not_found', 'Logo not found');
      return reply.header('content-type', logo.type).header('cache-control', 'public, max-age=3600').header('content-disposition', 'inline').send(logo.bytes);
    },
  );

  app.get(
    '/api/v1/:tenant/declarations/:slug/challenge',
    {
      schema: {
        tags: ['public'],
        summary: 'A proof-of-work challenge for signing (hashcash: SHA-256 of "challenge:nonce" with `difficulty` leading zero bits)',
        params: publicDeclarationParams,
        response: { 200: powChallenge, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const declaration = await ctx.db.tenant(tenant.id, (tx) => findPublishedDeclaration(tx, request.params.slug), { readOnly: true });
      reply.header('cache-control', 'no-store');
      return issueChallenge(key, tenant.id, declaration.id);
    },
  );

  app.post(
    '/api/v1/:tenant/declarations/:slug/signatures',
    {
      bodyLimit: SIGN_BODY_LIMIT,
      // Every attempt counts, also malformed ones: the limit is checked before the body is validated.
      preValidation: async (request, reply) => {
        const { tenant: slug } = request.params as { tenant?: string };
        const tenant = await requireTenant(ctx.db, String(slug ?? ''));
        try {
          await consumeSignAttempt(ctx.db, key, tenant.id, request.ip);
        } catch (error) {
          const retryAfter = (error as AppError).details as { retryAfter?: number } | undefined;
          if (retryAfter?.retryAfter) reply.header('retry-after', String(retryAfter.retryAfter));
          throw error;
        }
      },
      schema: {
        tags: ['public'],
        summary: 'Sign a declaration on behalf of an organisation; a confirmation link goes to the e-mail address',
        description:
          'Needs a solved proof-of-work challenge (GET …/challenge), consent to publication, and an empty `honeypot`. ' +
          'At most 10 attempts per hour and client address (429 with Retry-After). The logo (optional) is a PNG or JPEG of at most 1 MB, ' +
          'as base64 or data: URL (415 for other types, 413 when larger). Duplicates (same organisation name, normalised, or same e-mail) answer 409. ' +
          'Nothing is published before the e-mail is confirmed and the office has verified the signature.',
        params: publicDeclarationParams,
        body: signInput,
        response: { 202: signResult, ...publicErrors },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const result = await signDeclaration(ctx, tenant, request.params.slug, request.body);
      return reply.status(202).header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/api/v1/:tenant/declarations/confirmations',
    {
      schema: {
        tags: ['public'],
        summary: 'Confirm the e-mail address of a signature with the token from the mailed link (works once)',
        params: tenantParam,
        body: confirmInput,
        response: { 200: confirmResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const result = await ctx.db.tenant(tenant.id, (tx) => confirmSignature(tx, tenant, request.body.token));
      return reply.header('cache-control', 'no-store').send(result);
    },
  );
};
