import { z } from 'zod';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  caseIdParams,
  caseProgramme,
  caseProgrammeList,
  caseTeam,
  caseTeamList,
  caseTenantParams,
  programmeInput,
  teamInput,
  teamListQuery,
} from '../../shared/contracts/cases.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import {
  authorizeCaseSetup,
  createProgramme,
  createTeam,
  getProgramme,
  listProgrammes,
  listTeams,
  renameTeam,
  setTeamArchived,
  updateProgramme,
} from './caseSetupService.ts';

/** Case-management setup for the tenant admin: teams and programmes (no case data). */
export const caseSetupRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/case-setup';
  const tags = ['case-setup'];

  app.get(
    `${base}/teams`,
    {
      schema: {
        tags,
        summary: 'Case-management teams with their number of active accounts and open cases',
        params: caseTenantParams,
        querystring: teamListQuery,
        response: { 200: caseTeamList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      const items = await ctx.db.tenant(tenant.id, (tx) => listTeams(tx, request.query.includeArchived === 'true'), { readOnly: true });
      return { items };
    },
  );

  app.post(
    `${base}/teams`,
    {
      schema: { tags, summary: 'Create a team', params: caseTenantParams, body: teamInput, response: { 201: caseTeam, ...errorResponses } },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      const team = await ctx.db.tenant(tenant.id, (tx) => createTeam(tx, authorOf(actor, request), request.body));
      return reply.status(201).send(team);
    },
  );

  app.put(
    `${base}/teams/:id`,
    {
      schema: { tags, summary: 'Rename a team', params: caseIdParams, body: teamInput, response: { 200: caseTeam, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      return ctx.db.tenant(tenant.id, (tx) => renameTeam(tx, authorOf(actor, request), request.params.id, request.body));
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/teams/:id/${verb}`,
      {
        schema: {
          tags,
          summary: archived ? 'Archive a team (only without active accounts and open cases)' : 'Restore an archived team',
          params: caseIdParams,
          response: { 200: caseTeam, ...errorResponses },
        },
      },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeCaseSetup(actor);
        return ctx.db.tenant(tenant.id, (tx) => setTeamArchived(tx, authorOf(actor, request), request.params.id, archived));
      },
    );
  }

  app.get(
    `${base}/programmes`,
    {
      schema: {
        tags,
        summary: 'Programmes with their rules (maximum duration, extension, warning period, plan review, retention period)',
        params: caseTenantParams,
        querystring: z.object({}).strict(),
        response: { 200: caseProgrammeList, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      const items = await ctx.db.tenant(tenant.id, (tx) => listProgrammes(tx), { readOnly: true });
      return { items };
    },
  );

  app.post(
    `${base}/programmes`,
    {
      schema: { tags, summary: 'Create a programme', params: caseTenantParams, body: programmeInput, response: { 201: caseProgramme, ...errorResponses } },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      const programme = await ctx.db.tenant(tenant.id, (tx) => createProgramme(tx, authorOf(actor, request), request.body));
      return reply.status(201).send(programme);
    },
  );

  app.get(
    `${base}/programmes/:id`,
    {
      schema: { tags, summary: 'One programme', params: caseIdParams, response: { 200: caseProgramme, ...errorResponses } },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      return ctx.db.tenant(tenant.id, (tx) => getProgramme(tx, request.params.id), { readOnly: true });
    },
  );

  app.put(
    `${base}/programmes/:id`,
    {
      schema: {
        tags,
        summary: 'Change a programme (replaces all fields; a new retention period also re-dates the erasure of its closed cases)',
        params: caseIdParams,
        body: programmeInput,
        response: { 200: caseProgramme, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeCaseSetup(actor);
      return ctx.db.tenant(tenant.id, (tx) => updateProgramme(tx, authorOf(actor, request), request.params.id, request.body));
    },
  );
};
