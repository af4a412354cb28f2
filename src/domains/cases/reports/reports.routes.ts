import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import {
  caseloadDashboard as dashboardSchema,
  caseTenantParams,
  dashboardQuery,
  type OutcomeQuery,
  outcomeExportQuery,
  outcomeFigures as outcomeSchema,
  outcomeQuery,
  teamView,
  teamViewQuery,
} from '../../../shared/contracts/caseReports.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import type { Actor } from '../../auth/roles.ts';
import { logCaseAccess } from '../accessLog.ts';
import { casePrograms, teams } from '../case.table.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { todayIso } from '../caseRules.ts';
import { caseloadDashboard, teamOverview } from './dashboard.ts';
import { outcomeExportRows, writeOutcomeExport } from './outcomeExport.ts';
import { outcomeFigures } from './outcomes.ts';
import { resolveDashboardScope, resolveOutcomeScope, resolveTeamViewScope } from './reportScope.ts';

/**
 * Caseload dashboard, team view and outcome figures of case management. Every route starts with
 * requireCaseStaff (case role — else 403 —, two-factor login, idle timeout) and answers with
 * `Cache-Control: no-store`. A requested scope wider than the role's is refused with 403. Each
 * request writes one access-log entry without person ids ('list'; 'export' for downloads).
 */
const noStore = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
  reply.header('cache-control', 'no-store');
};

const list = { denyAs: 'forbidden' as const };

function reportYear(query: { year?: number | undefined }, today: string): number {
  const current = Number(today.slice(0, 4));
  const year = query.year ?? current;
  if (year > current) throw new AppError('validation_failed', 'The report year must not lie in the future', { field: 'year' });
  return year;
}

async function computeOutcomes(tx: Tx, actor: Actor, query: OutcomeQuery, today: string) {
  const coverage = await resolveOutcomeScope(tx, actor, { programmeId: query.programmeId, teamId: query.teamId });
  const year = reportYear(query, today);
  const figures = await outcomeFigures(tx, { year, cohort: query.cohort, scope: coverage.scope, programmeId: coverage.programmeId, teamId: coverage.filterTeamId });
  return { coverage, figures };
}

async function nameOf(tx: Tx, table: typeof casePrograms | typeof teams, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await tx.db.select({ name: table.name }).from(table).where(eq(table.id, id));
  return row?.name ?? null;
}

export const caseReportRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/case-reports';
  const tags = ['case reports'];

  app.get(
    `${base}/dashboard`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Caseload dashboard: open cases, per manager, overdue tasks, reviews due, limits, expiring permits and documents, flags',
        description:
          'scope=own|team|office (default: the role’s widest). Managers see own, team leads own or team, the integration lead any (team needs teamId unless the lead belongs to one). A wider scope is 403. Items carry case ids and references, never person data.',
        params: caseTenantParams,
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const today = todayIso();
      return ctx.db.tenant(tenant.id, async (tx) => {
        const coverage = await resolveDashboardScope(tx, actor, request.query.scope, request.query.teamId);
        return caseloadDashboard(tx, actor, coverage, today);
      });
    },
  );

  app.get(
    `${base}/team`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Team view: per manager open cases, overdue tasks, reviews due and approaching limits (team leads and the integration lead)',
        description: 'Team leads see their team; the integration lead a team (teamId) or the whole office. Managers: 403.',
        params: caseTenantParams,
        querystring: teamViewQuery,
        response: { 200: teamView, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const today = todayIso();
      return ctx.db.tenant(tenant.id, async (tx) => {
        const coverage = await resolveTeamViewScope(tx, actor, request.query.teamId);
        return teamOverview(tx, actor, coverage, today);
      });
    },
  );

  app.get(
    `${base}/outcomes`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Outcome figures of a year (goals per field of action, time to reach, referrals, closing reasons, cases) — pseudonymised aggregates',
        description:
          'Within the signed-in account’s scope (manager: own cases, team lead: the team, integration lead: the office), for the whole and per programme and team. Includes the anonymous statistics of erased cases (team and office scope). cohort=closed: goals and referrals of the cases closed in the year; active: of the cases supported in the year.',
        params: caseTenantParams,
        querystring: outcomeQuery,
        response: { 200: outcomeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const today = todayIso();
      return ctx.db.tenant(tenant.id, async (tx) => {
        const { coverage, figures } = await computeOutcomes(tx, actor, request.query, today);
        await logCaseAccess(tx, actor, {
          action: 'list',
          entityType: 'outcome_report',
          details: { scope: coverage.kind, year: figures.year, cohort: figures.cohort, programmeId: figures.programmeId, teamId: figures.teamId },
        });
        return figures;
      });
    },
  );

  app.get(
    `${base}/outcomes/export`,
    {
      preHandler: noStore,
      schema: {
        tags,
        summary: 'Download the outcome figures for funders as CSV (UTF-8, ";") or XLSX, small cells suppressed ("<3", "•"); logged as an export',
        params: caseTenantParams,
        querystring: outcomeExportQuery,
        response: { 200: z.unknown().describe('The file (attachment)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireCaseStaff(request, ctx, request.params.tenant, list);
      const today = todayIso();
      const { format, ...query } = request.query;
      const file = await ctx.db.tenant(tenant.id, async (tx) => {
        const { coverage, figures } = await computeOutcomes(tx, actor, query, today);
        const teamName = await nameOf(tx, teams, coverage.filterTeamId ?? coverage.teamId);
        const scopeLabel = coverage.kind === 'own' ? 'eigene Fälle' : coverage.kind === 'team' ? `Team ${teamName ?? ''}`.trim() : 'gesamte Dienststelle';
        const table = outcomeExportRows(figures, {
          scopeLabel,
          programme: await nameOf(tx, casePrograms, figures.programmeId),
          team: figures.teamId ? teamName : null,
        });
        const written = await writeOutcomeExport(table, format, figures.year);
        await logCaseAccess(tx, actor, {
          action: 'export',
          entityType: 'outcome_report',
          purpose: 'funder_report',
          details: { scope: coverage.kind, year: figures.year, cohort: figures.cohort, programmeId: figures.programmeId, teamId: figures.teamId, format, rows: table.length - 1 },
        });
        return written;
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
