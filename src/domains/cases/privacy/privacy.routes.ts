import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import {
  accessLogPage,
  accessLogQuery,
  eraseRequest,
  eraseResult,
  exportQuery,
  retentionInfo,
} from '../../../shared/contracts/casePrivacy.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import type { Tx } from '../../../db/database.ts';
import { type AccessLogRow, decodeCursor, listAccessLog, logCaseAccess } from '../accessLog.ts';
import { caseScopeSql } from '../case.policy.ts';
import { casePrograms, cases } from '../case.table.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { loadCase, loadPerson } from '../caseLookup.ts';
import { erasePersons } from './erasure.ts';
import { collectPersonExport } from './personExport.ts';
import { renderPersonExportPdf } from './personExportPdf.ts';
import { ORPHAN_PERSON_MONTHS } from './retention.ts';

const params = z.object({ tenant: z.string().max(63), id: z.uuid() });

const presentEntry = (row: AccessLogRow) => ({
  id: row.id,
  at: row.at.toISOString(),
  actorLabel: row.actorLabel,
  actorRole: row.actorRole,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  caseId: row.caseId,
  purpose: row.purpose,
});

/** The `before` cursor of an access-log page; a malformed one is a 400 naming the field. */
function cursorOf(before: string | undefined): [string, string] | null {
  if (before === undefined) return null;
  const cursor = decodeCursor(before);
  if (!cursor) throw new AppError('validation_failed', 'Not a cursor from a previous page', { field: 'before' });
  return cursor;
}

/** One page of access-log entries, newest first (one more is read to know whether another page follows). */
async function accessLogPageOf(tx: Tx, filter: { personIds?: string[]; caseId?: string }, q: { before?: string | undefined; limit: number }) {
  const rows = await listAccessLog(tx, { ...filter, before: cursorOf(q.before), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return { items: page.map(presentEntry), nextBefore: rows.length > q.limit ? (page.at(-1)?.cursor ?? null) : null };
}

const CASE_DATA_URL = /^\/api\/v1\/[^/]+\/(cases|persons|referral-inbox|case-setup)(\/|\?|$)/;

/**
 * Data protection in case management: "who saw my data" (access log of a person or case),
 * Art. 15/20 export (JSON, PDF), Art. 17 erasure on request, retention dates.
 */
export const casePrivacyRoutes: RouteRegistrar = (app, ctx) => {
  // Case data is never cached: not by the browser, not by a proxy.
  app.addHook('onSend', async (request, reply) => {
    if (CASE_DATA_URL.test(request.url)) reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/v1/:tenant/persons/:id/access-log',
    {
      schema: {
        tags: ['cases'],
        summary: 'Who saw this person’s data: their access log, newest first (keyset-paged)',
        params,
        querystring: accessLogQuery,
        response: { 200: accessLogPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const person = await loadPerson(tx, scope, request.params.id);
        const q = request.query;
        // Entries about records merged into this person belong to them, too.
        const merged = await tx.query<{ id: string }>('SELECT id FROM persons WHERE tenant_id = $1 AND merged_into_id = $2', [tenant.id, person.id]);
        const personIds = [person.id, ...merged.map((m) => m.id)];
        const page = await accessLogPageOf(tx, { personIds }, q);
        await logCaseAccess(tx, actor, { action: 'read', entityType: 'access_log', entityId: person.id, personId: person.id });
        return page;
      });
    },
  );

  app.get(
    '/api/v1/:tenant/cases/:id/access-log',
    {
      schema: {
        tags: ['cases'],
        summary: 'Access log of one case, newest first (keyset-paged)',
        params,
        querystring: accessLogQuery,
        response: { 200: accessLogPage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const kase = await loadCase(tx, scope, request.params.id);
        const page = await accessLogPageOf(tx, { caseId: kase.id }, request.query);
        await logCaseAccess(tx, actor, { action: 'read', entityType: 'access_log', entityId: kase.id, personId: kase.personId, caseId: kase.id });
        return page;
      });
    },
  );

  app.get(
    '/api/v1/:tenant/persons/:id/export',
    {
      schema: {
        tags: ['cases'],
        summary: 'Art. 15/20 GDPR: everything about the person (JSON, machine-readable; or PDF)',
        params,
        querystring: exportQuery,
        response: { 200: z.unknown(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      const format = request.query.format;
      const data = await ctx.db.tenant(tenant.id, async (tx) => {
        const person = await loadPerson(tx, scope, request.params.id);
        // Logged before collecting, so the export contains its own access entry.
        await logCaseAccess(tx, actor, {
          action: 'export',
          entityType: 'person',
          entityId: person.id,
          personId: person.id,
          purpose: 'Art. 15/20 DSGVO',
          details: { format },
        });
        return collectPersonExport(tx, tenant, person.id, ctx.crypto, scope);
      });
      const stamp = data.exportedAt.slice(0, 10);
      reply.header('cache-control', 'no-store');
      if (format === 'pdf') {
        const pdf = await renderPersonExportPdf(data);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="auskunft-${stamp}.pdf"`)
          .send(pdf);
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="auskunft-${stamp}.json"`)
        .send(data);
    },
  );

  app.get(
    '/api/v1/:tenant/persons/:id/retention',
    {
      schema: {
        tags: ['cases'],
        summary: 'When the person’s case data will be erased (retention per programme, from closure)',
        params,
        response: { 200: retentionInfo, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      return ctx.db.tenant(tenant.id, async (tx) => {
        const person = await loadPerson(tx, scope, request.params.id);
        // only the person's cases in the actor's scope (like GET /persons/:id/cases): another team's
        // case is not the actor's business, not even its reference or programme
        // Only the person's cases in the actor's scope (like GET /persons/:id/cases): another team's
        // case is none of the actor's business, not even its reference or programme.
        const rows = await tx.db
          .select({
            caseId: cases.id,
            reference: cases.reference,
            state: cases.state,
            closedOn: cases.closedOn,
            retentionDueOn: cases.retentionDueOn,
            programme: casePrograms.name,
            retentionMonths: casePrograms.retentionMonths,
          })
          .from(cases)
          .innerJoin(casePrograms, and(eq(casePrograms.tenantId, cases.tenantId), eq(casePrograms.id, cases.programmeId)))
          .where(and(eq(cases.personId, person.id), caseScopeSql(scope)))
          .orderBy(asc(cases.startedOn));
        await logCaseAccess(tx, actor, { action: 'read', entityType: 'retention', entityId: person.id, personId: person.id });
        return {
          cases: rows,
          orphanMonths: ORPHAN_PERSON_MONTHS,
        };
      });
    },
  );

  app.post(
    '/api/v1/:tenant/persons/:id/erase',
    {
      schema: {
        tags: ['cases'],
        summary: 'Art. 17 GDPR: erase everything about the person now (team lead / integration lead); anonymous statistics stay',
        params,
        body: eraseRequest,
        response: { 200: eraseResult, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor, scope } = await requireCaseStaff(request, ctx, request.params.tenant);
      if (scope.kind === 'own') throw new AppError('forbidden', 'Only team leads and the integration lead erase case data on request');
      const person = await ctx.db.tenant(tenant.id, (tx) => loadPerson(tx, scope, request.params.id), { readOnly: true });
      const normalise = (s: string) => s.trim().toLocaleLowerCase('de');
      if (normalise(person.familyName) !== normalise(request.body.confirmFamilyName)) {
        throw new AppError('validation_failed', 'The family name does not match the record', { field: 'confirmFamilyName' });
      }
      // The reason outlives the erasure (audit log), so it must not name the person — in no spelling,
      // nor by e-mail address.
      const reason = normalise(request.body.reason);
      const identifying = [person.familyName, person.givenName, ...person.otherNames.flatMap((n) => [n.familyName, n.givenName]), person.email ?? ''];
      if (identifying.some((name) => name.trim().length > 1 && reason.includes(normalise(name)))) {
        throw new AppError('validation_failed', 'The reason must not contain the person’s name (it is kept after the erasure)', { field: 'reason' });
      }
      return erasePersons(ctx.db, tenant.id, [person.id], 'erased_on_request', actor.email, request.body.reason);
    },
  );
};
