import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { offerExportQuery, offerImportQuery, offerImportReport } from '../../shared/contracts/importExport.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { authorizeOfferImportExport } from './importexport.policy.ts';
import { exportOffers } from './offerExport.ts';
import { detectImportFormat, importOffers } from './offerImport.ts';
import { XLSX_MIME } from './offerXlsx.ts';

const tenantParam = z.object({ tenant: z.string().max(63) }).strict();

/** Content types accepted as a raw file body (browsers send application/vnd.ms-excel for .csv on Windows). */
const RAW_FILE_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', XLSX_MIME];

interface Upload {
  bytes: Buffer;
  filename?: string;
  mimeType?: string;
}

/** The uploaded file: multipart field `file`, or the raw request body. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file) throw new AppError('validation_failed', 'No file: send it in the form field "file"', { field: 'file' });
    if (file.fieldname !== 'file') throw new AppError('validation_failed', `Send the file in the form field "file", not "${file.fieldname.slice(0, 40)}"`, { field: 'file' });
    return { bytes: await file.toBuffer(), filename: file.filename, mimeType: file.mimetype };
  }
  if (Buffer.isBuffer(request.body)) return { bytes: request.body, mimeType: request.headers['content-type'] };
  if (request.body === undefined || request.body === null) {
    throw new AppError('validation_failed', 'No file was sent', { field: 'file' });
  }
  throw new AppError(
    'unsupported_media_type',
    'Send the file as multipart/form-data (field "file") or as the request body with Content-Type text/csv or the XLSX type',
    { field: 'content-type' },
  );
}

export const importExportRoutes: RouteRegistrar = async (app, ctx) => {
  // Multipart and the raw file parsers stay inside this plugin: other routes keep JSON-only bodies.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(RAW_FILE_TYPES, { parseAs: 'buffer', bodyLimit: ctx.config.UPLOAD_LIMIT_BYTES }, (_request, body, done) => done(null, body));

    scope.post(
      '/api/v1/:tenant/admin/offers/import',
      {
        bodyLimit: ctx.config.UPLOAD_LIMIT_BYTES,
        schema: {
          tags: ['admin'],
          summary: 'Import offers from CSV or XLSX (dry run by default); all rows or none',
          description:
            'Multipart field `file`, or the raw file with Content-Type text/csv / the XLSX type. Column layout: docs/import-format.md. ' +
            'A dry run answers 200 with every faulty row and field; a real import with any error answers 422 import_invalid with the same report in error.details and writes nothing.',
          consumes: ['multipart/form-data', 'text/csv', XLSX_MIME],
          params: tenantParam,
          querystring: offerImportQuery,
          response: { 200: offerImportReport, ...errorResponses, 415: errorResponses[400] },
        },
      },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeOfferImportExport(actor, 'import');
        const upload = await readUpload(request);
        const format = detectImportFormat(upload.bytes, { format: request.query.format, filename: upload.filename, mimeType: upload.mimeType });
        return importOffers(ctx.db, tenant, actor, upload.bytes, { dryRun: request.query.dryRun !== 'false', format, ip: request.ip });
      },
    );

    scope.get(
      '/api/v1/:tenant/admin/offers/export',
      {
        schema: {
          tags: ['admin'],
          summary: 'Download all offers as CSV (UTF-8, ";"), XLSX or JSON (admin offers with all translations)',
          description: 'CSV and XLSX use the import column layout and re-import as updates.',
          params: tenantParam,
          querystring: offerExportQuery,
          response: { 200: z.unknown().describe('The file (attachment)'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeOfferImportExport(actor, 'export');
        const file = await exportOffers(ctx.db, tenant, { format: request.query.format, status: request.query.status });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .header('x-offer-count', String(file.count))
          .send(file.body);
      },
    );
  });
};
