import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** Public answers may be cached by browsers and proxies for a minute. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * Checks a computed answer against its contract once and keeps it as JSON text, so that cached
 * answers are sent without validating and serializing them again on every request.
 */
export function toContractJson<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  return JSON.stringify(schema.parse(value));
}

/** Sends JSON text that toContractJson produced, with the public cache header. */
export function sendPublicJson(reply: FastifyReply, json: string, headers: Record<string, string> = {}): FastifyReply {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.type('application/json; charset=utf-8').serializer((payload: unknown) => payload as string).send(json);
}
