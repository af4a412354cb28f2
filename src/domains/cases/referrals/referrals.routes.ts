import {
  caseParams,
  caseReferralParams,
  consentCheck,
  consentCheckInput,
  feedbackInput,
  inboxPage,
  inboxParams,
  inboxQuery,
  inboxReferral,
  reasonInput,
  referral,
  referralCreate,
  referralList,
  referralOfferPage,
  referralOfferQuery,
  referralProviderList,
  referralProviderQuery,
  release,
  releaseCreate,
  releaseList,
} from '../../../shared/contracts/caseReferrals.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import { tenantParams } from '../../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { AppError } from '../../../errors.ts';
import type { Actor } from '../../auth/roles.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { searchReferralOffers, searchReferralProviders } from './directoryLookup.ts';
import { decideInboxReferral, listInbox, type PartnerDecision, readInboxReferral } from './partnerInbox.ts';
import { requirePartner } from './referral.policy.ts';
import { notifyPartners, notifySender } from './referralMail.ts';
import { checkConsentForCase, createReferral, getCaseReferral, listCaseReferrals, revokeReferral } from './referralService.ts';
import { createRelease, listReleases } from './releaseService.ts';

/**
 * Referrals of a case to offers of the directory or external services, data releases with consent,
 * and the partner inbox of the receiving provider.
 */
export const referralRoutes: RouteRegistrar = (app, ctx) => {
  const cases = '/api/v1/:tenant/cases';

  // ---- the directory, as case management sees it (no case data) ------------------------------

  app.get(
    `${cases}/referral-offers`,
    {
      schema: {
        tags: ['cases'],
        summary: 'Published offers of the directory to refer to (title, summary and provider name search)',
        params: tenantParams,
        querystring: referralOfferQuery,
        response: { 200: referralOfferPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = await requireCaseStaff(request, ctx, request.params.tenant, { denyAs: 'forbidden' });
      return ctx.db.tenant(tenant.id, (tx) => searchReferralOffers(tx, tenant, request.query), { readOnly: true });
    },
  );

  app.get(
    `${cases}/referral-providers`,
    {
      schema: {
        tags: ['cases'],
        summary: 'Active providers of the directory (recipients of consents and data releases)',
        params: tenantParams,
        querystring: referralProviderQuery,
        response: { 200: referralProviderList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = await requireCaseStaff(request, ctx, request.params.tenant, { denyAs: 'forbidden' });
      return ctx.db.tenant(tenant.id, (tx) => searchReferralProviders(tx, request.query), { readOnly: true });
    },
  );

  // ---- referrals of a case -------------------------------------------------------------------

  app.get(
    `${cases}/:id/referrals`,
    {
      schema: {
        tags: ['cases'],
        summary: 'The case’s referrals with state, shared data, feedback and history',
        params: caseParams,
        response: { 200: referralList, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(staff.tenant.id, (tx) => listCaseReferrals(tx, { ...staff, crypto: ctx.crypto }, request.params.id));
    },
  );

  app.post(
    `${cases}/:id/referrals`,
    {
      schema: {
        tags: ['cases'],
        summary:
          'Send a referral to a published offer (its provider receives it) or an external service. Needs valid consent for “referral” to that recipient, or an override (permission + reason, logged)',
        params: caseParams,
        body: referralCreate,
        response: { 201: referral, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      const created = await ctx.db.tenant(staff.tenant.id, (tx) => createReferral(tx, { ...staff, crypto: ctx.crypto }, request.params.id, request.body));
      await notifyPartners(ctx, staff.tenant, 'sent', { id: created.referral.id, providerId: created.notifyProviderId }, request.log);
      return reply.status(201).send(created.referral);
    },
  );

  app.get(
    `${cases}/:id/referrals/:referralId`,
    {
      schema: { tags: ['cases'], summary: 'One referral of the case', params: caseReferralParams, response: { 200: referral, ...errorResponses } },
    },
    async (request) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(staff.tenant.id, (tx) => getCaseReferral(tx, { ...staff, crypto: ctx.crypto }, request.params.id, request.params.referralId));
    },
  );

  app.post(
    `${cases}/:id/referrals/:referralId/revoke`,
    {
      schema: {
        tags: ['cases'],
        summary: 'Withdraw a sent or accepted referral (reason required); the partner no longer sees the shared data',
        params: caseReferralParams,
        body: reasonInput,
        response: { 200: referral, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      const revoked = await ctx.db.tenant(staff.tenant.id, (tx) =>
        revokeReferral(tx, { ...staff, crypto: ctx.crypto }, request.params.id, request.params.referralId, request.body.reason),
      );
      await notifyPartners(ctx, staff.tenant, 'revoked', { id: revoked.id, providerId: revoked.provider?.id ?? null }, request.log);
      return revoked;
    },
  );

  app.post(
    `${cases}/:id/consent-check`,
    {
      schema: {
        tags: ['cases'],
        summary: 'Whether valid consent allows a referral or data release to a recipient today (POST: no case data in URLs)',
        params: caseParams,
        body: consentCheckInput,
        response: { 200: consentCheck, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(staff.tenant.id, (tx) => checkConsentForCase(tx, { ...staff, crypto: ctx.crypto }, request.params.id, request.body));
    },
  );

  // ---- data releases -------------------------------------------------------------------------

  app.get(
    `${cases}/:id/releases`,
    {
      schema: { tags: ['cases'], summary: 'The case’s releases of data to third parties', params: caseParams, response: { 200: releaseList, ...errorResponses } },
    },
    async (request) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      return { items: await ctx.db.tenant(staff.tenant.id, (tx) => listReleases(tx, { ...staff, crypto: ctx.crypto }, request.params.id)) };
    },
  );

  app.post(
    `${cases}/:id/releases`,
    {
      schema: {
        tags: ['cases'],
        summary: 'Record a release of case data to a third party; needs valid consent for “data_release” to that recipient, or an override',
        params: caseParams,
        body: releaseCreate,
        response: { 201: release, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await requireCaseStaff(request, ctx, request.params.tenant);
      const created = await ctx.db.tenant(staff.tenant.id, (tx) => createRelease(tx, { ...staff, crypto: ctx.crypto }, request.params.id, request.body));
      return reply.status(201).send(created);
    },
  );

  // ---- partner inbox -------------------------------------------------------------------------

  const inbox = '/api/v1/:tenant/referral-inbox';

  app.get(
    inbox,
    {
      schema: {
        tags: ['cases'],
        summary: 'Referrals sent to the partner’s provider (no personal data in the list)',
        params: tenantParams,
        querystring: inboxQuery,
        response: { 200: inboxPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, { allowPartner: true, denyAs: 'forbidden' });
      const providerId = requirePartner(actor);
      return ctx.db.tenant(tenant.id, (tx) => listInbox(tx, actor, providerId, request.query));
    },
  );

  app.get(
    `${inbox}/:id`,
    {
      schema: {
        tags: ['cases'],
        summary: 'One referral as the partner sees it: the snapshot of the shared data only',
        params: inboxParams,
        response: { 200: inboxReferral, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, { allowPartner: true });
      const providerId = partnerOr404(actor);
      return ctx.db.tenant(tenant.id, (tx) => readInboxReferral(tx, ctx.crypto, actor, providerId, request.params.id));
    },
  );

  const decisions: Array<[string, string, typeof reasonInput | typeof feedbackInput | null, (body: unknown) => PartnerDecision]> = [
    ['accept', 'Accept the referral', null, () => ({ kind: 'accept' })],
    ['reject', 'Reject the referral (reason required)', reasonInput, (body) => ({ kind: 'reject', reason: (body as { reason: string }).reason })],
    ['complete', 'Complete the referral with feedback for the integration manager', feedbackInput, (body) => ({ kind: 'complete', feedback: (body as { feedback: string }).feedback })],
  ];
  for (const [verb, summary, body, toDecision] of decisions) {
    app.post(
      `${inbox}/:id/${verb}`,
      {
        schema: { tags: ['cases'], summary, params: inboxParams, ...(body ? { body } : {}), response: { 200: inboxReferral, ...errorResponses } },
      },
      async (request) => {
        const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, { allowPartner: true });
        const providerId = partnerOr404(actor);
        const result = await ctx.db.tenant(tenant.id, (tx) => decideInboxReferral(tx, ctx.crypto, actor, providerId, request.params.id, toDecision(request.body)));
        await notifySender(ctx, tenant, result.row, request.log);
        return result.referral;
      },
    );
  }
};

/** Case staff opening a partner's referral URL: it reads as not found for them (the office uses the case's tab). */
function partnerOr404(actor: Actor): string {
  if (actor.role !== 'partner_editor' || !actor.providerId) throw new AppError('not_found', 'Referral not found');
  return actor.providerId;
}
