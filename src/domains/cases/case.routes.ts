import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  bulkHandover,
  bulkHandoverResult,
  caseCreate,
  caseDetail,
  caseEventList,
  caseExtension,
  caseHandover,
  caseIdParams,
  caseListQuery,
  caseload,
  caseloadQuery,
  caseOptions,
  casePage,
  caseTenantParams,
  caseTransition,
  caseUpdate,
} from '../../shared/contracts/cases.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireCaseStaff } from './caseAccess.ts';
import { todayIso } from './caseRules.ts';
import {
  bulkHandover as bulkHandoverCases,
  caseloadOf,
  caseOptions as optionsFor,
  createCase,
  extendCase,
  getCase,
  handoverCase,
  listCaseEvents,
  listCases,
  transitionCase,
  updateCaseDates,
} from './caseService.ts';

/**
 * Cases of integration management. Every route starts with requireCaseStaff (case role, two-factor
 * login, idle timeout); lists answer 403 to other roles, single cases 404 (their existence is not
 * revealed). Reads and changes are written to the case access log in the same transaction.
 */
/** Case data never lands in a browser or proxy cache. */
const noStore = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
  reply.header('cache-control', 'no-store');
};

export const caseRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/cases';
  const tags = ['cases'];
  const list = { denyAs: 'forbidden' as const };

  app.get(
    base,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Cases in the signed-in account’s scope (own / team / office), filtered, sorted and paged',
        description: 'q searches case references only; persons are searched with POST /persons/search (no names in URLs).',
        params: caseTenantParams,
        querystring: caseListQuery,
        response: { 200: casePage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const query = request.query;
      const { items, total, totalCapped } = await ctx.db.tenant(tenant.id, (tx) => listCases(tx, actor, scope, query, todayIso()));
      return { items, total, totalCapped, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    base,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Open a case for a person in a programme (reference PROGRAMME-YEAR-NUMBER)',
        description:
          'The owner defaults to the signed-in account, the team to the owner’s team. A second open case of the same person in the same programme (e.g. a double submit) is refused with 409 duplicate.',
        params: caseTenantParams,
        body: caseCreate,
        response: { 201: caseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const detail = await ctx.db.tenant(tenant.id, (tx) => createCase(tx, actor, scope, request.body, todayIso()));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/options`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Programmes, teams and case-management accounts in scope (for forms and filters)',
        params: caseTenantParams,
        response: { 200: caseOptions, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      return ctx.db.tenant(tenant.id, (tx) => optionsFor(tx, actor, scope), { readOnly: true });
    },
  );

  app.post(
    `${base}/keep-alive`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Keeps the case session active (the idle timeout counts from the last case request)',
        params: caseTenantParams,
        response: { 200: z.object({ idleTimeoutMinutes: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      await requireCaseStaff(request, ctx, request.params.tenant, list);
      return { idleTimeoutMinutes: ctx.config.CASE_IDLE_TIMEOUT_MINUTES };
    },
  );

  app.get(
    `${base}/caseload`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Team view: each manager with open, closed and attention-needing cases (team leads: their team)',
        params: caseTenantParams,
        querystring: caseloadQuery,
        response: { 200: caseload, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      return ctx.db.tenant(tenant.id, (tx) => caseloadOf(tx, actor, scope, request.query.teamId, todayIso()));
    },
  );

  app.post(
    `${base}/handover`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Hand all cases of one manager to another (team lead, integration lead) — all or nothing',
        params: caseTenantParams,
        body: bulkHandover,
        response: { 200: bulkHandoverResult, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      return ctx.db.tenant(tenant.id, (tx) => bulkHandoverCases(tx, actor, scope, request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'One case: header (person, programme, owner, team, state, dates), limits, warnings, possible transitions',
        params: caseIdParams,
        response: { 200: caseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => getCase(tx, actor, scope, request.params.id, todayIso()));
    },
  );

  app.patch(
    `${base}/:id`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Correct the start or the planned end (with the version read; 409 on conflict)',
        params: caseIdParams,
        body: caseUpdate,
        response: { 200: caseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => updateCaseDates(tx, actor, scope, request.params.id, request.body, todayIso()));
    },
  );

  app.post(
    `${base}/:id/transition`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Move the case to another state (closing needs a closing reason; reopening a reason); 422 for an invalid transition',
        params: caseIdParams,
        body: caseTransition,
        response: { 200: caseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => transitionCase(tx, actor, scope, request.params.id, request.body, todayIso()));
    },
  );

  app.post(
    `${base}/:id/extension`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Extend the case beyond the programme’s maximum duration (within its maximum extension, with a reason)',
        params: caseIdParams,
        body: caseExtension,
        response: { 200: caseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => extendCase(tx, actor, scope, request.params.id, request.body, todayIso()));
    },
  );

  app.post(
    `${base}/:id/handover`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Give the case to another manager (team lead, integration lead)',
        params: caseIdParams,
        body: caseHandover,
        response: { 200: caseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, (tx) => handoverCase(tx, actor, scope, request.params.id, request.body, todayIso()));
    },
  );

  app.get(
    `${base}/:id/events`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'History of the case: state changes, handovers, extensions, date corrections',
        params: caseIdParams,
        response: { 200: caseEventList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const items = await ctx.db.tenant(tenant.id, (tx) => listCaseEvents(tx, actor, scope, request.params.id));
      return { items };
    },
  );
};
