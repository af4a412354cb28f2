/** Back office of the declaration: text and sectors, signatures and their verification, statistics, export. */
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  adminDeclaration,
  adminDeclarationList,
  adminSignature,
  adminSignaturePage,
  declarationInput,
  declarationParams,
  declarationStatistics,
  rejectInput,
  signatureExportQuery,
  signatureListQuery,
  signatureParams,
  signaturePublicInput,
  withdrawInput,
} from '../../shared/contracts/declaration.ts';
import { deleted, tenantParams } from '../../shared/contracts/directoryAdmin.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { authorizeDeclaration } from './declaration.policy.ts';
import {
  countByState,
  createDeclaration,
  deleteDeclaration,
  listDeclarations,
  presentDeclaration,
  requireDeclaration,
  updateDeclaration,
} from './declarationService.ts';
import { exportSignatures } from './signatureExport.ts';
import {
  type Decision,
  decideSignature,
  eraseSignature,
  listSignatures,
  mailVerified,
  presentSignature,
  requireSignature,
  signatureLogo,
  updateSignaturePublicData,
} from './signatureService.ts';
import { declarationStatistics as computeStatistics } from './statistics.ts';

/** Room for a logo of 1 MB as base64 in a signatory's public data. */
const LOGO_BODY_LIMIT = 6 * 1024 * 1024;
const withMediaErrors = { ...errorResponses, 415: errorResponses[400] };

export const declarationAdminRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/admin/declarations';

  app.get(
    base,
    { schema: { tags: ['admin'], summary: 'Declarations with signature counts per state', params: tenantParams, response: { 200: adminDeclarationList, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      return { items: await ctx.db.tenant(tenant.id, (tx) => listDeclarations(tx), { readOnly: true }) };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a declaration (title, text, sectors, published flag)',
        params: tenantParams,
        body: declarationInput,
        response: { 201: adminDeclaration, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'write');
      const result = await ctx.db.tenant(tenant.id, (tx) => createDeclaration(tx, tenant, authorOf(actor, request), request.body));
      return reply.status(201).send(result);
    },
  );

  app.get(
    `${base}/:id`,
    { schema: { tags: ['admin'], summary: 'One declaration', params: declarationParams, response: { 200: adminDeclaration, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      return ctx.db.tenant(
        tenant.id,
        async (tx) => {
          const row = await requireDeclaration(tx, request.params.id);
          return presentDeclaration(row, (await countByState(tx, row.id)).get(row.id));
        },
        { readOnly: true },
      );
    },
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a declaration (replaces all fields); sectors in use cannot be removed (409)',
        params: declarationParams,
        body: declarationInput,
        response: { 200: adminDeclaration, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => updateDeclaration(tx, tenant, authorOf(actor, request), await requireDeclaration(tx, request.params.id), request.body));
    },
  );

  app.delete(
    `${base}/:id`,
    { schema: { tags: ['admin'], summary: 'Delete a declaration nobody has signed (409 otherwise)', params: declarationParams, response: { 200: deleted, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'write');
      await ctx.db.tenant(tenant.id, async (tx) => deleteDeclaration(tx, authorOf(actor, request), await requireDeclaration(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    `${base}/:id/signatures`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Signatures of a declaration, filtered by state, sector and text (organisation, contact, e-mail)',
        params: declarationParams,
        querystring: signatureListQuery,
        response: { 200: adminSignaturePage, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      const query = request.query;
      const { rows, total } = await ctx.db.tenant(
        tenant.id,
        async (tx) => {
          await requireDeclaration(tx, request.params.id);
          return listSignatures(tx, request.params.id, query);
        },
        { readOnly: true },
      );
      const now = new Date();
      return { items: rows.map((r) => presentSignature(r, tenant.slug, now)), total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    `${base}/:id/signatures/export`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Download the signatures (incl. contact data) as CSV (UTF-8, ";") or XLSX; every export is logged',
        params: declarationParams,
        querystring: signatureExportQuery,
        response: { 200: z.unknown().describe('The file (attachment)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'export');
      const { format, state } = request.query;
      const file = await ctx.db.tenant(tenant.id, async (tx) => {
        const declaration = await requireDeclaration(tx, request.params.id);
        const result = await exportSignatures(tx, tenant, declaration, { format, state });
        await writeAudit(tx, {
          ...authorOf(actor, request),
          action: 'declaration.exported',
          entityType: 'declaration',
          entityId: declaration.id,
          details: { format, state: state ?? 'all', rows: result.count },
        });
        return result;
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-row-count', String(file.count))
        .send(file.body);
    },
  );

  app.get(
    `${base}/:id/statistics`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Signatures verified per month, public signatories over time and per sector, counts per state',
        params: declarationParams,
        response: { 200: declarationStatistics, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      return ctx.db.tenant(
        tenant.id,
        async (tx) => {
          await requireDeclaration(tx, request.params.id);
          return computeStatistics(tx, request.params.id);
        },
        { readOnly: true },
      );
    },
  );

  app.get(
    `${base}/:id/signatures/:signatureId`,
    { schema: { tags: ['admin'], summary: 'One signature with contact data', params: signatureParams, response: { 200: adminSignature, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      const row = await ctx.db.tenant(tenant.id, (tx) => requireSignature(tx, request.params.id, request.params.signatureId), { readOnly: true });
      return presentSignature(row, tenant.slug);
    },
  );

  app.get(
    `${base}/:id/signatures/:signatureId/logo`,
    {
      schema: { tags: ['admin'], summary: "A signature's logo, whatever its state", params: signatureParams, response: { 200: z.unknown().describe('The image'), ...errorResponses } },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'read');
      const logo = await ctx.db.tenant(tenant.id, (tx) => signatureLogo(tx, request.params.id, request.params.signatureId), { readOnly: true });
      if (!logo) throw new AppError('not_found', 'Logo not found');
      return reply.header('content-type', logo.type).header('cache-control', 'private, max-age=3600').send(logo.bytes);
    },
  );

  app.put(
    `${base}/:id/signatures/:signatureId`,
    {
      bodyLimit: LOGO_BODY_LIMIT,
      schema: {
        tags: ['admin'],
        summary: "Correct a signatory's public data (organisation, sector, website, statement; logo: omit = keep, null = remove)",
        params: signatureParams,
        body: signaturePublicInput,
        response: { 200: adminSignature, ...withMediaErrors },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'write');
      const row = await ctx.db.tenant(tenant.id, async (tx) => {
        const declaration = await requireDeclaration(tx, request.params.id);
        const before = await requireSignature(tx, declaration.id, request.params.signatureId);
        return updateSignaturePublicData(tx, authorOf(actor, request), declaration, before, request.body);
      });
      return presentSignature(row, tenant.slug);
    },
  );

  app.delete(
    `${base}/:id/signatures/:signatureId`,
    {
      schema: {
        tags: ['admin'],
        summary: 'Erase an unconfirmed, rejected or withdrawn signature with its contact data (422 for others)',
        params: signatureParams,
        response: { 200: deleted, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeDeclaration(actor, 'decide');
      await ctx.db.tenant(tenant.id, async (tx) => eraseSignature(tx, authorOf(actor, request), await requireSignature(tx, request.params.id, request.params.signatureId)));
      return { id: request.params.signatureId, deleted: true as const };
    },
  );

  const decisions: Array<{ decision: Decision; summary: string; body?: typeof rejectInput | typeof withdrawInput }> = [
    { decision: 'verify', summary: 'Verify a confirmed (or rejected) signature: it becomes public' },
    { decision: 'reject', summary: 'Reject a signature with a reason (awaiting verification or verified)', body: rejectInput },
    { decision: 'withdraw', summary: 'Withdraw a signature (on the organisation’s request): it leaves the public list', body: withdrawInput },
  ];
  for (const { decision, summary, body } of decisions) {
    app.post(
      `${base}/:id/signatures/:signatureId/${decision}`,
      { schema: { tags: ['admin'], summary, params: signatureParams, ...(body ? { body } : {}), response: { 200: adminSignature, ...errorResponses } } },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeDeclaration(actor, 'decide');
        const reason = (request.body as { reason?: string } | undefined)?.reason ?? null;
        const { row, declaration } = await ctx.db.tenant(tenant.id, async (tx) => {
          const declaration = await requireDeclaration(tx, request.params.id);
          const before = await requireSignature(tx, declaration.id, request.params.signatureId);
          return { row: await decideSignature(tx, authorOf(actor, request), before, decision, reason), declaration };
        });
        if (decision === 'verify') await mailVerified(ctx, tenant, declaration, row);
        return presentSignature(row, tenant.slug);
      },
    );
  }
};
