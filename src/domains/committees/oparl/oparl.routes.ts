/**
 * OParl 1.1 read API under /api/oparl/v1.1: entry point `system`, one body per tenant, and every
 * object type of the committees domain as paged external lists and single objects. Public data only
 * (visibility.ts); errors in OParl's format; CORS open to every origin, as the standard requires.
 */
import type { FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicUrl } from '../../../config.ts';
import { AppError } from '../../../errors.ts';
import type { AppContext } from '../../../server/context.ts';
import type { RouteRegistrar } from '../../../server/types.ts';
import { cachedPublicAnswer } from '../../offers/search/publicCache.ts';
import { sendPublicJson } from '../../offers/search/publicResponse.ts';
import { getTenantBySlug, type Tenant } from '../../tenants/tenantService.ts';
import { bodyObject, bodyPage, systemObject } from './oparlBodies.ts';
import { fileForAccess, getObject, type ListFilter, listPage, type OparlObject, type OparlScope, organizationExists, type PageRequest } from './oparlObjects.ts';
import { KIND_SEGMENT, KIND_TYPE, OPARL_KINDS, OPARL_PREFIX, type OparlKind, OparlUrls, oparlType } from './oparlUrls.ts';

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

/** An error answered in OParl's format: { type: …/Error, message, debug }. */
export class OparlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly debug?: string,
  ) {
    super(message);
  }
}

const errorBody = (message: string, debug?: string) => ({ type: oparlType('Error'), message, ...(debug ? { debug } : {}) });

const oparlObject = z.looseObject({ id: z.string(), type: z.string() }).describe('An OParl 1.1 object (https://schema.oparl.org/1.1/)');
const oparlList = z
  .looseObject({
    data: z.array(oparlObject),
    pagination: z.looseObject({ totalElements: z.number().int(), elementsPerPage: z.number().int(), currentPage: z.number().int(), totalPages: z.number().int() }),
    links: z.looseObject({ first: z.string(), self: z.string(), last: z.string(), next: z.string().optional(), prev: z.string().optional() }),
  })
  .describe('A page of an OParl external list');
const oparlErrorSchema = z.object({ type: z.string(), message: z.string(), debug: z.string().optional() }).describe('OParl error object');
const errors = { 400: oparlErrorSchema, 404: oparlErrorSchema, 410: oparlErrorSchema };

const listQuery = z
  .looseObject({
    created_since: z.string().optional().describe('date-time with offset, e.g. 2026-01-01T00:00:00+01:00'),
    created_until: z.string().optional(),
    modified_since: z.string().optional().describe('with a modified filter, deleted objects are listed too (deleted: true)'),
    modified_until: z.string().optional(),
    page: z.string().optional(),
    elementsPerPage: z.string().optional().describe(`at most ${MAX_PER_PAGE}; default ${DEFAULT_PER_PAGE}`),
  })
  .describe('OParl list filters');
type ListQuery = z.infer<typeof listQuery>;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A full RFC 3339 date-time; a '+' of the offset sent unencoded (decoded as a space) is accepted. */
export function parseDateTime(name: string, raw: string): Date {
  const value = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const m = DATE_TIME.exec(value);
  const bad = () => new OparlError(400, `Der Parameter ${name} ist kein gültiger Zeitpunkt (erwartet z. B. 2026-01-01T00:00:00+01:00).`, `${name}: ${raw.slice(0, 60)}`);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const dayOk = new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDate() === d && mo! >= 1 && mo! <= 12;
  if (!dayOk || h! > 23 || mi! > 59 || (s ?? 0) > 59) throw bad();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw bad();
  return at;
}

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1) throw new OparlError(400, `Der Parameter ${name} muss eine positive ganze Zahl sein.`, `${name}: ${raw.slice(0, 30)}`);
  return Math.min(Number(raw), max);
}

export function parseListQuery(q: ListQuery): { filter: ListFilter; page: PageRequest; perPageGiven: boolean } {
  const filter: ListFilter = {};
  if (q.created_since !== undefined) filter.createdSince = parseDateTime('created_since', q.created_since);
  if (q.created_until !== undefined) filter.createdUntil = parseDateTime('created_until', q.created_until);
  if (q.modified_since !== undefined) filter.modifiedSince = parseDateTime('modified_since', q.modified_since);
  if (q.modified_until !== undefined) filter.modifiedUntil = parseDateTime('modified_until', q.modified_until);
  return {
    filter,
    page: { page: positiveInt('page', q.page, 1, 1_000_000), perPage: positiveInt('elementsPerPage', q.elementsPerPage, DEFAULT_PER_PAGE, MAX_PER_PAGE) },
    perPageGiven: q.elementsPerPage !== undefined,
  };
}

/** The list page with `pagination` and `links`; the filters stay in every link. */
export function listAnswer(listUrl: string, q: ListQuery, parsed: ReturnType<typeof parseListQuery>, result: { data: OparlObject[]; total: number }) {
  const { page, perPage } = parsed.page;
  const totalPages = Math.max(1, Math.ceil(result.total / perPage));
  const link = (n: number) => {
    const p = new URLSearchParams();
    for (const key of ['created_since', 'created_until', 'modified_since', 'modified_until'] as const) {
      const value = q[key];
      if (value !== undefined) p.set(key, value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
    }
    if (parsed.perPageGiven) p.set('elementsPerPage', String(perPage));
    if (n > 1) p.set('page', String(n));
    const s = p.toString();
    return s ? `${listUrl}?${s}` : listUrl;
  };
  return {
    data: result.data,
    pagination: { totalElements: result.total, elementsPerPage: perPage, currentPage: page, totalPages },
    links: {
      first: link(1),
      ...(page > 1 ? { prev: link(Math.min(page - 1, totalPages)) } : {}),
      self: link(page),
      ...(page < totalPages ? { next: link(page + 1) } : {}),
      last: link(totalPages),
    },
  };
}

async function requireBody(ctx: AppContext, slug: string): Promise<Tenant> {
  const tenant = await getTenantBySlug(ctx.db, slug);
  if (!tenant) throw new OparlError(404, 'Diese Körperschaft gibt es hier nicht.', `body: ${slug.slice(0, 63)}`);
  return tenant;
}

const notFoundError = (what: string, id: string) => new OparlError(404, `${what} wurde nicht gefunden oder ist nicht öffentlich.`, `id: ${id.slice(0, 60)}`);

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'datei';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const oparlRoutes: RouteRegistrar = async (app, ctx) => {
  const urls = new OparlUrls(publicUrl(ctx.config));

  await app.register(
    async (plugin) => {
      const scope = plugin.withTypeProvider<ZodTypeProvider>();
      // OParl clients run in browsers on other sites: every answer, errors included, may be read anywhere.
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('access-control-allow-origin', '*');
        return payload;
      });
      scope.setErrorHandler((error, request, reply) => {
        if (error instanceof OparlError) return reply.status(error.status).send(errorBody(error.message, error.debug));
        if (error instanceof AppError && error.status < 500) return reply.status(error.status).send(errorBody(error.message, error.field));
        if (hasZodFastifySchemaValidationErrors(error)) return reply.status(400).send(errorBody('Ungültige Anfrage.', error.message));
        const status = (error as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500) return reply.status(status).send(errorBody('Ungültige Anfrage.', (error as Error).message));
        request.log.error({ err: error }, 'oparl: unhandled error');
        return reply.status(500).send(errorBody('Interner Fehler.'));
      });
      scope.setNotFoundHandler((request, reply) => {
        reply.status(404).send(errorBody('Diese Adresse gibt es in der OParl-Schnittstelle nicht.', `${request.method} ${request.url.split('?')[0]}`));
      });
      scope.options('/*', { schema: { hide: true } }, async (_request, reply) =>
        reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS').header('access-control-max-age', '86400').status(204).send(),
      );

      const tags = ['oparl'];
      const read = <T>(tenant: Tenant, fn: (s: OparlScope) => Promise<T>) => ctx.db.tenant(tenant.id, (tx) => fn({ tx, urls, slug: tenant.slug }), { readOnly: true });
      /**
       * Public answers are cached per node as JSON text, keyed by the content generation (every
       * committee write bumps it): a list page is computed once, not per request. `null` is "not found".
       */
      const cached = async (reply: FastifyReply, scopeId: string, key: string, compute: () => Promise<unknown | null>, missing: () => OparlError): Promise<FastifyReply> => {
        const { value } = await cachedPublicAnswer(ctx.db, scopeId, `oparl:${key}`, async () => {
          const answer = await compute();
          return answer === null ? null : JSON.stringify(answer);
        });
        if (value === null) throw missing();
        return sendPublicJson(reply, value);
      };
      const listKey = (q: ListQuery, parsed: ReturnType<typeof parseListQuery>) =>
        JSON.stringify([q.created_since, q.created_until, q.modified_since, q.modified_until, parsed.page, parsed.perPageGiven]);
      const noBody = () => new OparlError(404, 'Diese Körperschaft gibt es hier nicht.');

      scope.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(urls.system(), 302));

      scope.get('/system', { schema: { tags, summary: 'OParl entry point: the System object', response: { 200: oparlObject, ...errors } } }, async (_request, reply) =>
        cached(reply, 'installation', 'system', () => systemObject(ctx.db, urls), noBody),
      );

      scope.get(
        '/bodies',
        { schema: { tags, summary: 'All bodies (one per municipality)', querystring: listQuery, response: { 200: oparlList, ...errors } } },
        async (request, reply) => {
          const parsed = parseListQuery(request.query);
          return cached(
            reply,
            'installation',
            `bodies:${listKey(request.query, parsed)}`,
            async () => listAnswer(urls.bodies(), request.query, parsed, await bodyPage(ctx.db, urls, parsed.filter, parsed.page)),
            noBody,
          );
        },
      );

      const bodyParams = z.object({ body: z.string().max(63) });
      const objectParams = bodyParams.extend({ id: z.string().max(100) });

      scope.get(
        '/bodies/:body',
        { schema: { tags, summary: 'One body (municipality) with its legislative terms and list URLs', params: bodyParams, response: { 200: oparlObject, ...errors } } },
        async (request, reply) => {
          const tenant = await requireBody(ctx, request.params.body);
          return cached(reply, tenant.id, 'body', () => bodyObject(ctx.db, urls, tenant.id), noBody);
        },
      );

      for (const kind of OPARL_KINDS) {
        const segment = KIND_SEGMENT[kind];
        const typeName = KIND_TYPE[kind];
        scope.get(
          `/bodies/:body/${segment}`,
          { schema: { tags, summary: `List of ${typeName} objects of a body`, params: bodyParams, querystring: listQuery, response: { 200: oparlList, ...errors } } },
          async (request, reply) => {
            const tenant = await requireBody(ctx, request.params.body);
            const parsed = parseListQuery(request.query);
            return cached(
              reply,
              tenant.id,
              `list:${kind}:${listKey(request.query, parsed)}`,
              async () => listAnswer(urls.list(tenant.slug, kind), request.query, parsed, await read(tenant, (s) => listPage(s, kind, parsed.filter, parsed.page))),
              noBody,
            );
          },
        );
        scope.get(
          `/bodies/:body/${segment}/:id`,
          { schema: { tags, summary: `One ${typeName}`, params: objectParams, response: { 200: oparlObject, ...errors } } },
          async (request, reply) => {
            const tenant = await requireBody(ctx, request.params.body);
            const { id } = request.params;
            if (!UUID.test(id)) throw notFoundError(typeName, id);
            return cached(
              reply,
              tenant.id,
              `object:${kind}:${id.toLowerCase()}`,
              () => read(tenant, (s) => getObject(s, kind as OparlKind, id)),
              () => notFoundError(typeName, id),
            );
          },
        );
      }

      for (const [segment, kind] of [
        ['meetings', 'meeting'],
        ['consultations', 'consultation'],
      ] as const) {
        scope.get(
          `/bodies/:body/organizations/:id/${segment}`,
          {
            schema: { tags, summary: `The ${segment} of an organization (external list)`, params: objectParams, querystring: listQuery, response: { 200: oparlList, ...errors } },
          },
          async (request, reply) => {
            const tenant = await requireBody(ctx, request.params.body);
            const { id } = request.params;
            if (!UUID.test(id)) throw notFoundError('Organization', id);
            const parsed = parseListQuery(request.query);
            const listUrl = kind === 'meeting' ? urls.organizationMeetings(tenant.slug, id) : urls.organizationConsultations(tenant.slug, id);
            return cached(
              reply,
              tenant.id,
              `organization-${kind}:${id}:${listKey(request.query, parsed)}`,
              async () => {
                const result = await read(tenant, async (s) => ((await organizationExists(s, id)) ? listPage(s, kind, parsed.filter, parsed.page, { organizationId: id }) : null));
                return result ? listAnswer(listUrl, request.query, parsed, result) : null;
              },
              () => notFoundError('Organization', id),
            );
          },
        );
      }

      for (const [verb, disposition] of [
        ['access', 'inline'],
        ['download', 'attachment'],
      ] as const) {
        scope.get(
          `/bodies/:body/files/:id/${verb}`,
          {
            schema: {
              tags,
              summary: verb === 'access' ? 'The file itself (accessUrl)' : 'The file as a download (downloadUrl, Content-Disposition: attachment)',
              params: objectParams,
              response: { 200: z.unknown().describe('The file'), 304: z.null().describe('Not modified'), ...errors },
            },
          },
          async (request, reply) => {
            const tenant = await requireBody(ctx, request.params.body);
            const { id } = request.params;
            if (!UUID.test(id)) throw notFoundError('File', id);
            const found = await read(tenant, (s) => fileForAccess(s, id));
            if (found.state === 'missing') throw notFoundError('File', id);
            if (found.state === 'deleted') throw new OparlError(410, 'Diese Datei wurde gelöscht.', `id: ${id}`);
            const etag = `"${found.row.sha1}"`;
            reply
              .header('etag', etag)
              .header('last-modified', new Date(found.row.updatedAt).toUTCString())
              .header('cache-control', 'public, max-age=300')
              .header('content-disposition', contentDisposition(disposition, found.row.fileName));
            if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
            return reply.type(found.row.mimeType).header('content-length', String(found.content.length)).send(found.content);
          },
        );
      }
    },
    { prefix: OPARL_PREFIX },
  );
};
