import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badInput } from '../../../errors.ts';
import {
  assigneeList,
  caseDocument,
  caseDocumentList,
  caseEntry,
  caseEntryPage,
  caseFlag,
  caseFlagList,
  caseTask,
  caseTaskList,
  documentParams,
  documentUpdate,
  entryCreate,
  entryHistory,
  entryListQuery,
  entryParams,
  entryUpdate,
  expiringList,
  expiringQuery,
  flagCreate,
  flagListQuery,
  flagParams,
  flagResolve,
  journalCaseParams,
  journalTenantParams,
  overdueQuery,
  taskCreate,
  taskList,
  taskParams,
  taskStatusQuery,
  taskUpdate,
  upcomingList,
  upcomingQuery,
} from '../../../shared/contracts/caseJournal.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import type { AppContext } from '../../../server/context.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { logCaseAccess } from '../accessLog.ts';
import { requireCaseStaff } from '../caseAccess.ts';
import { deleteDocument, type DocumentUpload, downloadDocument, listDocuments, parseUploadFields, updateDocument, uploadDocument } from './documentService.ts';
import { createEntry, entryHistory as historyOf, getEntry, listEntries, updateEntry, upcomingAppointments } from './entryService.ts';
import { createFlag, listFlags, resolveFlag } from './flagService.ts';
import type { JournalDeps } from './journalCommon.ts';
import { todayOf } from './journalCommon.ts';
import { expiringDocuments } from './journalQueries.ts';
import { assigneesFor, createTask, listCaseTasks, myTasks, overdueTasks, updateTask } from './taskService.ts';

const tags = ['cases'];
const base = '/api/v1/:tenant/cases';
const list = { denyAs: 'forbidden' as const };

/** Tenant, actor and scope of a case route, plus the journal's dependencies. */
async function journalContext(request: FastifyRequest, ctx: AppContext, slug: string, options: { denyAs?: 'forbidden' } = {}) {
  const staff = await requireCaseStaff(request, ctx, slug, options);
  const deps: JournalDeps = { actor: staff.actor, scope: staff.scope, crypto: ctx.crypto };
  return { tenantId: staff.tenant.id, deps };
}

/**
 * The case journal: appointments, contacts and notes; tasks and reminders; documents; flags.
 * Every route starts with requireCaseStaff (case role, two-factor login, idle timeout); a case
 * outside the actor's scope reads as 404; writes to a restricted person's case answer 403
 * (`restricted`). Every read and change is written to the case access log in its transaction.
 */
export const journalRoutes: RouteRegistrar = async (root, ctx) => {
  await root.register(async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    // Case data never lands in a browser or proxy cache (this plugin's routes only).
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // ---- appointments, contacts, notes ----------------------------------------------------------

    app.get(
      `${base}/appointments/upcoming`,
      {
        schema: {
          tags,
          summary: 'The signed-in account’s upcoming appointments (entered by them or in their own cases)',
          params: journalTenantParams,
          querystring: upcomingQuery,
          response: { 200: upcomingList, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant, list);
        return ctx.db.tenant(tenantId, (tx) => upcomingAppointments(tx, deps, request.query.days));
      },
    );

    app.get(
      `${base}/:caseId/entries`,
      {
        schema: {
          tags,
          summary: 'A case’s journal (appointments, contacts, notes), newest first, filtered and paged',
          params: journalCaseParams,
          querystring: entryListQuery,
          response: { 200: caseEntryPage, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => listEntries(tx, deps, request.params.caseId, request.query));
      },
    );

    app.post(
      `${base}/:caseId/entries`,
      {
        schema: {
          tags,
          summary: 'Record an appointment, a contact or a note (text encrypted at rest)',
          description:
            'Contacts need a channel; appointments a date and time (they may lie in the future), contacts and notes must not. Duration 0–1440 minutes; an interpreter needs the language.',
          params: journalCaseParams,
          body: entryCreate,
          response: { 201: caseEntry, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        const entry = await ctx.db.tenant(tenantId, (tx) => createEntry(tx, deps, request.params.caseId, request.body));
        return reply.status(201).send(entry);
      },
    );

    app.get(
      `${base}/:caseId/entries/:entryId`,
      {
        schema: { tags, summary: 'One journal entry', params: entryParams, response: { 200: caseEntry, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => getEntry(tx, deps, request.params.caseId, request.params.entryId));
      },
    );

    app.patch(
      `${base}/:caseId/entries/:entryId`,
      {
        schema: {
          tags,
          summary: 'Correct a journal entry (its author, a team lead or the integration lead; earlier values kept, Art. 16)',
          description: 'Send the version you read; a newer version answers 409 conflict and nothing is written.',
          params: entryParams,
          body: entryUpdate,
          response: { 200: caseEntry, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => updateEntry(tx, deps, request.params.caseId, request.params.entryId, request.body));
      },
    );

    app.get(
      `${base}/:caseId/entries/:entryId/history`,
      {
        schema: { tags, summary: 'The corrections of a journal entry (earlier and new values)', params: entryParams, response: { 200: entryHistory, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => historyOf(tx, deps, request.params.caseId, request.params.entryId));
      },
    );

    // ---- tasks and reminders ----------------------------------------------------------------------

    app.get(
      `${base}/tasks/mine`,
      {
        schema: {
          tags,
          summary: 'Tasks assigned to the signed-in account, by due date',
          params: journalTenantParams,
          querystring: taskStatusQuery,
          response: { 200: taskList, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant, list);
        return ctx.db.tenant(tenantId, (tx) => myTasks(tx, deps, request.query.status));
      },
    );

    app.get(
      `${base}/tasks/overdue`,
      {
        schema: {
          tags,
          summary: 'Overdue open tasks: scope=team (manager: own cases, team lead: team, integration lead: office) or scope=mine',
          params: journalTenantParams,
          querystring: overdueQuery,
          response: { 200: taskList, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant, list);
        return ctx.db.tenant(tenantId, (tx) => overdueTasks(tx, deps, request.query));
      },
    );

    app.get(
      `${base}/:caseId/tasks`,
      {
        schema: { tags, summary: 'A case’s tasks', params: journalCaseParams, querystring: taskStatusQuery, response: { 200: caseTaskList, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => listCaseTasks(tx, deps, request.params.caseId, request.query.status));
      },
    );

    app.get(
      `${base}/:caseId/assignees`,
      {
        schema: {
          tags,
          summary: 'Accounts a task of this case can be assigned to (case roles that can see the case)',
          params: journalCaseParams,
          response: { 200: assigneeList, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => assigneesFor(tx, deps, request.params.caseId), { readOnly: true });
      },
    );

    app.post(
      `${base}/:caseId/tasks`,
      {
        schema: {
          tags,
          summary: 'Create a task (assignee: a case-management account that sees the case; default the signed-in account)',
          params: journalCaseParams,
          body: taskCreate,
          response: { 201: caseTask, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        const task = await ctx.db.tenant(tenantId, (tx) => createTask(tx, deps, request.params.caseId, request.body));
        return reply.status(201).send(task);
      },
    );

    app.patch(
      `${base}/:caseId/tasks/:taskId`,
      {
        schema: {
          tags,
          summary: 'Change a task, reassign it, mark it done or open again (send the version you read)',
          params: taskParams,
          body: taskUpdate,
          response: { 200: caseTask, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => updateTask(tx, deps, request.params.caseId, request.params.taskId, request.body));
      },
    );

    // ---- documents --------------------------------------------------------------------------------

    app.get(
      `${base}/documents/expiring`,
      {
        schema: {
          tags,
          summary: 'Documents of open cases in scope that expire soon (within `days`, or each document’s reminder period) or have expired',
          params: journalTenantParams,
          querystring: expiringQuery,
          response: { 200: expiringList, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant, list);
        return ctx.db.tenant(tenantId, async (tx) => {
          const items = await expiringDocuments(tx, deps.scope, request.query.days, { today: todayOf(deps) });
          await logCaseAccess(tx, deps.actor, { action: 'list', entityType: 'case_document', details: { expiring: true, count: items.length } });
          return { items };
        });
      },
    );

    app.get(
      `${base}/:caseId/documents`,
      {
        schema: { tags, summary: 'A case’s documents (without content)', params: journalCaseParams, response: { 200: caseDocumentList, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => listDocuments(tx, deps, request.params.caseId));
      },
    );

    app.get(
      `${base}/:caseId/documents/:documentId/content`,
      {
        schema: {
          tags,
          summary: 'Download a document (decrypted; neutral file name; logged as a read)',
          params: documentParams,
          response: { 200: z.unknown().describe('The file (attachment)'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        const file = await ctx.db.tenant(tenantId, (tx) => downloadDocument(tx, deps, request.params.caseId, request.params.documentId));
        return reply
          .header('content-type', file.mimeType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('content-length', String(file.bytes.length))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.patch(
      `${base}/:caseId/documents/:documentId`,
      {
        schema: {
          tags,
          summary: 'Correct a document’s type, expiry date or reminder period (send the version you read)',
          params: documentParams,
          body: documentUpdate,
          response: { 200: caseDocument, ...errorResponses },
        },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => updateDocument(tx, deps, request.params.caseId, request.params.documentId, request.body));
      },
    );

    app.delete(
      `${base}/:caseId/documents/:documentId`,
      {
        schema: {
          tags,
          summary: 'Delete a document and its content (logged)',
          params: documentParams,
          response: { 204: z.null().describe('Deleted'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        await ctx.db.tenant(tenantId, (tx) => deleteDocument(tx, deps, request.params.caseId, request.params.documentId));
        return reply.status(204).send(null);
      },
    );

    // The upload takes multipart bodies; the parser stays inside this plugin (other routes keep JSON bodies).
    await app.register(async (plugin) => {
      const scope = plugin.withTypeProvider<ZodTypeProvider>();
      const limit = ctx.config.UPLOAD_LIMIT_BYTES;
      await scope.register(fastifyMultipart, { limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 200, parts: 8 } });
      scope.post(
        `${base}/:caseId/documents`,
        {
          schema: {
            tags,
            summary: 'Upload a document (multipart: `file`, `docType`, optional `expiresOn` and `remindBeforeDays`)',
            description: `PDF, JPEG, PNG, ODT or DOCX, recognised by the content (else 415 on \`file\`); at most UPLOAD_LIMIT_BYTES (else 413). File name and content are stored encrypted.`,
            consumes: ['multipart/form-data'],
            params: journalCaseParams,
            response: { 201: caseDocument, ...errorResponses, 415: errorResponses[400] },
          },
        },
        async (request, reply) => {
          const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
          const { fields, file } = await readDocumentUpload(request, limit);
          const meta = parseUploadFields(fields);
          if (!file) throw badInput('file', 'No file: send it in the form field "file"');
          const document = await ctx.db.tenant(tenantId, (tx) => uploadDocument(tx, deps, request.params.caseId, meta, file));
          return reply.status(201).send(document);
        },
      );
    });

    // ---- flags ------------------------------------------------------------------------------------

    app.get(
      `${base}/:caseId/flags`,
      {
        schema: { tags, summary: 'A case’s flags (active first)', params: journalCaseParams, querystring: flagListQuery, response: { 200: caseFlagList, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => listFlags(tx, deps, request.params.caseId, request.query.status));
      },
    );

    app.post(
      `${base}/:caseId/flags`,
      {
        schema: { tags, summary: 'Set a flag with its reason (reason encrypted at rest)', params: journalCaseParams, body: flagCreate, response: { 201: caseFlag, ...errorResponses } },
      },
      async (request, reply) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        const flag = await ctx.db.tenant(tenantId, (tx) => createFlag(tx, deps, request.params.caseId, request.body));
        return reply.status(201).send(flag);
      },
    );

    app.post(
      `${base}/:caseId/flags/:flagId/resolve`,
      {
        schema: { tags, summary: 'Resolve an active flag with a note', params: flagParams, body: flagResolve, response: { 200: caseFlag, ...errorResponses } },
      },
      async (request) => {
        const { tenantId, deps } = await journalContext(request, ctx, request.params.tenant);
        return ctx.db.tenant(tenantId, (tx) => resolveFlag(tx, deps, request.params.caseId, request.params.flagId, request.body));
      },
    );
  });
};

/**
 * Reads a multipart upload: the form fields and the one file (field `file`). Too large → 413 on
 * `file`; a file in another field → 400.
 */
async function readDocumentUpload(request: FastifyRequest, limit: number): Promise<{ fields: Record<string, string>; file: DocumentUpload | null }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the document as multipart/form-data with the form field "file"', { field: 'file' });
  }
  const fields: Record<string, string> = {};
  let file: DocumentUpload | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badInput('file', `Send the file in the form field "file", not "${part.fieldname.slice(0, 40)}"`);
      }
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('payload_too_large', `The file is larger than ${Math.floor(limit / 1024)} KiB`, { field: 'file', details: { limitBytes: limit } });
        }
        throw error;
      }
      file = { bytes, filename: part.filename, mimeType: part.mimetype };
    } else {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  return { fields, file };
}
