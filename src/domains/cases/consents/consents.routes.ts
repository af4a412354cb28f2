import {
  consent,
  consentInput,
  consentList,
  consentText,
  consentTextInput,
  consentTextList,
  consentTextParams,
  consentTextQuery,
  consentWithdrawal,
  personConsentParams,
  personParams,
} from '../../../shared/contracts/caseReferrals.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import { tenantParams } from '../../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { authorOf } from '../../audit/auditChanges.ts';
import { requireStaff } from '../../tenants/tenantService.ts';
import { authorizePerson } from '../case.policy.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { loadPerson } from '../caseLookup.ts';
import { notifyPartners } from '../referrals/referralMail.ts';
import { caseReferrals } from '../referrals/referrals.table.ts';
import { listConsents, recordConsent, withdrawConsent } from './consentService.ts';
import { authorizeConsentTexts, createConsentText, findConsentText, listConsentTexts } from './consentTextService.ts';
import { inArray } from 'drizzle-orm';

/** The consent register of a person (case staff in scope) and the office's consent texts. */
export const consentRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/persons/:id/consents',
    {
      schema: {
        tags: ['cases'],
        summary: 'The consent register of a person: every consent with purpose, recipient, text version, dates and status',
        params: personParams,
        response: { 200: consentList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => ({ items: await listConsents(tx, actor, await loadPerson(tx, scope, request.params.id)) }));
    },
  );

  app.post(
    '/api/v1/:tenant/persons/:id/consents',
    {
      schema: {
        tags: ['cases'],
        summary: 'Record a consent (not for persons whose processing is restricted)',
        params: personParams,
        body: consentInput,
        response: { 201: consent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const created = await ctx.db.tenant(tenant.id, async (tx) => {
        const person = authorizePerson(await loadPerson(tx, scope, request.params.id), 'write');
        return recordConsent(tx, actor, person, request.body);
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/:tenant/persons/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['cases'],
        summary: 'Record the withdrawal of a consent (a dated event); open referrals resting on it are revoked',
        params: personConsentParams,
        body: consentWithdrawal,
        response: { 200: consent, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const result = await ctx.db.tenant(tenant.id, async (tx) => {
        const person = await loadPerson(tx, scope, request.params.id);
        const outcome = await withdrawConsent(tx, actor, person, request.params.consentId, request.body);
        const revoked = outcome.revokedReferralIds.length
          ? await tx.db
              .select({ id: caseReferrals.id, providerId: caseReferrals.providerId })
              .from(caseReferrals)
              .where(inArray(caseReferrals.id, outcome.revokedReferralIds))
          : [];
        return { ...outcome, revoked };
      });
      for (const referral of result.revoked) await notifyPartners(ctx, tenant, 'revoked', referral, request.log);
      return result.consent;
    },
  );

  // ---- consent texts (the office's wording, versioned) --------------------------------------

  app.get(
    '/api/v1/:tenant/case-setup/consent-texts',
    {
      schema: {
        tags: ['cases'],
        summary: 'Consent texts per purpose, every version (newest first)',
        params: tenantParams,
        querystring: consentTextQuery,
        response: { 200: consentTextList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeConsentTexts(actor, 'read');
      return { items: await ctx.db.tenant(tenant.id, (tx) => listConsentTexts(tx, request.query.purpose), { readOnly: true }) };
    },
  );

  app.get(
    '/api/v1/:tenant/case-setup/consent-texts/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One version of a consent text',
        params: consentTextParams,
        response: { 200: consentText, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeConsentTexts(actor, 'read');
      return ctx.db.tenant(tenant.id, (tx) => findConsentText(tx, request.params.id), { readOnly: true });
    },
  );

  app.post(
    '/api/v1/:tenant/case-setup/consent-texts',
    {
      schema: {
        tags: ['cases'],
        summary: 'Record a new version of a purpose’s consent text (integration lead, administrators)',
        params: tenantParams,
        body: consentTextInput,
        response: { 201: consentText, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeConsentTexts(actor, 'write');
      const created = await ctx.db.tenant(tenant.id, (tx) => createConsentText(tx, authorOf(actor, request), request.body));
      return reply.status(201).send(created);
    },
  );
};
