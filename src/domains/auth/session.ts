import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../errors.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { type Actor, isRole } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, resolved once per request on first use. */
    actor(): Promise<Actor | null>;
  }
}

const cache = new WeakMap<FastifyRequest, Promise<Actor | null>>();

export function registerSessionResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      pending = resolveActor(ctx, this);
      cache.set(this, pending);
    }
    return pending;
  });
}

async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  if (!request.headers.cookie && !request.headers.authorization) return null;
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_IP_HEADER, request.ip);
  const session = await ctx.auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & {
    tenantId?: string | null;
    role?: string;
    providerId?: string | null;
    teamId?: string | null;
    consentOverride?: boolean;
    disabled?: boolean;
    twoFactorEnabled?: boolean | null;
  };
  if (user.disabled || !user.role || !isRole(user.role)) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    tenantId: user.tenantId ?? null,
    providerId: user.providerId ?? null,
    teamId: user.teamId ?? null,
    consentOverride: Boolean(user.consentOverride),
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    sessionId: session.session.id,
  };
}

export async function requireActor(request: FastifyRequest): Promise<Actor> {
  const actor = await request.actor();
  if (!actor) throw new AppError('unauthenticated', 'Please sign in');
  return actor;
}
