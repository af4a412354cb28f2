import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
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
import type { Actor } from '../../auth/roles.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { type CaseRow, loadCaseWithPerson, type PersonRow } from '../caseLookup.ts';
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

  /** Runs `fn` in the tenant's transaction with the case of the path (and its person) loaded for `action`. */
  const inCase = async <T>(
    request: FastifyRequest<{ Params: { tenant: string; caseId: string } }>,
    action: 'read' | 'write',
    fn: (tx: Tx, actor: Actor, found: { case: CaseRow; person: PersonRow }, tenant: Tenant) => Promise<T>,
  ): Promise<T> => {
    const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
    return ctx.db.tenant(tenant.id, async (tx) => fn(tx, actor, await loadCaseWithPerson(tx, scope, request.params.caseId, action), tenant));
  };

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
      return inCase(request, 'read', (tx, actor, found) => readAssessment(tx, ctx.crypto, actor, found));
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
      return inCase(request, 'write', (tx, actor, found) => {
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
      return inCase(request, 'read', (tx, actor, found) => overviewOf(tx, actor, found));
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
      const created = await inCase(request, 'write', (tx, actor, found) => createPlan(tx, actor, found, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/plans/:planId`,
    {
      schema: { tags, summary: 'One version of the integration plan with its goals', params: planParams, response: { 200: plan, ...errorResponses } },
    },
    async (request) => {
      return inCase(request, 'read', (tx, actor, found) => readPlan(tx, actor, found, request.params.planId));
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
      return inCase(request, 'write', (tx, actor, found) => updateDraft(tx, actor, found, request.params.planId, request.body));
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
      await inCase(request, 'write', (tx, actor, found) => discardDraft(tx, actor, found, request.params.planId, request.query.lockVersion));
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
      return inCase(request, 'write', (tx, actor, found) => agreePlan(tx, actor, found, request.params.planId, request.body));
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
      return inCase(request, 'write', (tx, actor, found) => recordProgress(tx, actor, found, request.params.planId, request.params.goalId, request.body));
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
      const { data, languages, filename } = await inCase(request, 'read', (tx, actor, found, tenant) =>
        goalAgreementFor(tx, tenant, actor, found, request.params.planId, request.query.lang),
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
