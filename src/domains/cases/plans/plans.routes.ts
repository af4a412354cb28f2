import { z } from 'zod';
import {
  assessmentEntry,
  assessmentFieldParams,
  assessmentInput,
  assessmentResponse,
  caseParams,
  goalParams,
  goalProgressInput,
  plan,
  planAgreeInput,
  planCreateInput,
  planDiscardQuery,
  planOverview,
  planParams,
  planPdfQuery,
  planUpdateInput,
} from '../../../shared/contracts/casePlans.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { loadCaseWithPerson } from '../caseLookup.ts';
import { readAssessment, saveAssessment } from './assessmentService.ts';
import { renderGoalAgreement } from './pdf/goalAgreementPdf.ts';
import { goalAgreementFor } from './planPdf.ts';
import { requireOpenCase } from './planRules.ts';
import { agreePlan, createPlan, discardDraft, planOverview as overviewOf, readPlan, recordProgress, updateDraft } from './planService.ts';

const tags = ['cases'];

/**
 * Assessment (Erstgespräch / Bedarfsanalyse) and integration plan (Integrationsplan /
 * Zielvereinbarung) of a case. Every route: case role + two-factor login (requireCaseStaff), the
 * case in the actor's scope (else 404), the person's Art. 18 restriction blocks changes, and every
 * read, change and print goes into the case access log in the same transaction.
 */
export const casePlanRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/cases/:caseId';

  app.get(
    `${base}/assessment`,
    {
      schema: {
        tags,
        summary: 'The assessment of a case per field of action (situation, needs, resources)',
        params: caseParams,
        response: { 200: assessmentResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const found = await loadCaseWithPerson(tx, scope, request.params.caseId, 'read');
        return readAssessment(tx, ctx.crypto, actor, found);
      });
    },
  );

  app.put(
    `${base}/assessment/:field`,
    {
      schema: {
        tags,
        summary: 'Write the assessment of one field of action (encrypted at rest; optimistic locking by version)',
        params: assessmentFieldParams,
        body: assessmentInput,
        response: { 200: assessmentEntry, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const found = await loadCaseWithPerson(tx, scope, request.params.caseId, 'write');
        requireOpenCase(found);
        return saveAssessment(tx, ctx.crypto, actor, found, request.params.field, request.body);
      });
    },
  );

  app.get(
    `${base}/plans`,
    {
      schema: {
        tags,
        summary: 'The versions of the integration plan (newest first) and the fields of action',
        params: caseParams,
        response: { 200: planOverview, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => overviewOf(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'read')));
    },
  );

  app.post(
    `${base}/plans`,
    {
      schema: {
        tags,
        summary: 'Start a plan: the first draft, or a new draft version copying the agreed goals (re-planning)',
        description: 'At most one draft exists; a second start answers 409 conflict with the draft id in error.details.',
        params: caseParams,
        body: planCreateInput,
        response: { 201: plan, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const created = await ctx.db.tenant(tenant.id, async (tx) =>
        createPlan(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'write'), request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/plans/:planId`,
    {
      schema: { tags, summary: 'One version of the integration plan with its goals', params: planParams, response: { 200: plan, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        readPlan(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'read'), request.params.planId),
      );
    },
  );

  app.put(
    `${base}/plans/:planId`,
    {
      schema: {
        tags,
        summary: 'Change a draft: its start and its goals (the whole list, in order)',
        description:
          'Send the lockVersion you read: if someone else changed the plan meanwhile, the answer is 409 conflict and nothing is written. ' +
          'Deadlines may not lie before the plan’s start or the case’s start; an outcome needs its date (not in the future).',
        params: planParams,
        body: planUpdateInput,
        response: { 200: plan, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        updateDraft(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'write'), request.params.planId, request.body),
      );
    },
  );

  app.delete(
    `${base}/plans/:planId`,
    {
      schema: {
        tags,
        summary: 'Discard a draft (an agreement stays in force)',
        params: planParams,
        querystring: planDiscardQuery,
        response: { 200: z.object({ id: z.uuid(), deleted: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      await ctx.db.tenant(tenant.id, async (tx) =>
        discardDraft(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'write'), request.params.planId, request.query.lockVersion),
      );
      return { id: request.params.planId, deleted: true as const };
    },
  );

  app.post(
    `${base}/plans/:planId/agree`,
    {
      schema: {
        tags,
        summary: 'Agree the draft (Zielvereinbarung): freezes it, sets the review date and supersedes the earlier agreement',
        params: planParams,
        body: planAgreeInput,
        response: { 200: plan, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        agreePlan(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'write'), request.params.planId, request.body),
      );
    },
  );

  app.put(
    `${base}/plans/:planId/goals/:goalId/progress`,
    {
      schema: {
        tags,
        summary: 'Record the progress of a goal of the current plan: status, steps done, outcome with its date',
        params: goalParams,
        body: goalProgressInput,
        response: { 200: plan, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) =>
        recordProgress(
          tx,
          actor,
          await loadCaseWithPerson(tx, scope, request.params.caseId, 'write'),
          request.params.planId,
          request.params.goalId,
          request.body,
        ),
      );
    },
  );

  app.get(
    `${base}/plans/:planId/pdf`,
    {
      schema: {
        tags,
        summary: 'The goal agreement for signature as PDF: German, then the person’s language (or `lang`)',
        description: 'Logged as a print in the case access log. The file name carries the case reference, never the name.',
        params: planParams,
        querystring: planPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('The PDF (attachment)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const { data, languages, filename } = await ctx.db.tenant(tenant.id, async (tx) =>
        goalAgreementFor(tx, tenant, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, 'read'), request.params.planId, request.query.lang),
      );
      const pdf = await renderGoalAgreement(data, languages);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
