import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/roles.ts';

/** Who did something, as the audit log records it. */
export interface Author {
  actorId: string;
  actorLabel: string;
  ip: string | null;
}

export const authorOf = (actor: Actor, request: FastifyRequest): Author => ({ actorId: actor.userId, actorLabel: actor.email, ip: request.ip ?? null });

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Audit details of an update: only the fields whose value changed, each with before and after. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const a = before[field] instanceof Date ? (before[field] as Date).toISOString() : before[field];
    const b = after[field] instanceof Date ? (after[field] as Date).toISOString() : after[field];
    if (!same(a, b)) changes[field] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}
