import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

interface PgLikeError {
  code?: string;
  column?: string;
  constraint?: string;
  detail?: string;
  message: string;
  cause?: unknown;
}

function databaseError(error: unknown): PgLikeError | null {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    const candidate = e as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return null;
}

/**
 * What the log keeps of an unexpected error. A database error carries the request's values — the
 * query's parameters, the server's `detail` — and those may be personal data (names, notes, e-mail
 * addresses of case management): the log gets the query text and the error's code and names only.
 */
export function loggableError(error: unknown): unknown {
  const db = databaseError(error);
  if (!db) return error;
  const query = (error as { query?: unknown }).query;
  const stack = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).join('\n') : undefined;
  return {
    type: error instanceof Error ? error.name : 'DatabaseError',
    message: typeof query === 'string' ? `Failed query: ${query}` : 'Database error',
    code: db.code,
    ...(db.constraint ? { constraint: db.constraint } : {}),
    ...(db.column ? { column: db.column } : {}),
    ...((db as { table?: string }).table ? { table: (db as { table?: string }).table } : {}),
    ...((db as { routine?: string }).routine ? { routine: (db as { routine?: string }).routine } : {}),
    stack,
  };
}

/** Maps database constraint errors to client errors; anything else is ours to fix. */
export function fromDatabaseError(error: unknown): AppError | null {
  const db = databaseError(error);
  if (!db) return null;
  const field = db.column ?? db.constraint;
  switch (db.code) {
    case '23503':
      return new AppError('validation_failed', `A referenced record does not exist (${db.message})`, field ? { field } : {});
    case '23505':
      return new AppError('duplicate', 'A record with these values already exists', field ? { field } : {});
    case '23502':
      return new AppError('validation_failed', 'A required value is missing', field ? { field } : {});
    case '23514':
    case '22021': // e.g. a NUL character in a text
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new AppError('validation_failed', 'A value has the wrong format or range', field ? { field } : {});
    case '40001':
    case '40P01':
      return new AppError('conflict', 'The record was changed at the same time; please try again');
    case '42501':
      return new AppError('forbidden', 'Not allowed');
    default:
      return null;
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
      const field = [error.validationContext, path].filter(Boolean).join('.');
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `${field || 'request'}: ${first?.message ?? 'invalid'}`,
          field,
          details: error.validation.map((v) => ({
            field: [error.validationContext, v.instancePath.replace(/^\//, '').replaceAll('/', '.')].filter(Boolean).join('.'),
            message: v.message,
          })),
        },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
    }
    const mapped = fromDatabaseError(error);
    if (mapped) return reply.status(mapped.status).send(mapped.toBody());
    const code = error.code;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ error: { code: 'invalid_json', message: 'The request body is not valid JSON', field: 'body' } });
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: 'The request body or upload is too large', field: 'body' } });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'Unsupported content type', field: 'content-type' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'validation_failed', message: error.message } });
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
