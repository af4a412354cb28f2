import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../db/database.ts';
import type { AppContext } from '../../server/context.ts';
import { type Author, authorOf } from '../audit/auditChanges.ts';
import type { Actor } from '../auth/roles.ts';
import { requireStaff, type Tenant } from '../tenants/tenantService.ts';
import { authorizeNetwork, type NetworkAction } from './actors.policy.ts';

/** A staff member allowed to do something with the actor network, and the tenant's transactions. */
export interface NetworkStaff {
  tenant: Tenant;
  actor: Actor;
  /** The author of audit entries. */
  author: Author;
  /** A read-only transaction in the tenant. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction in the tenant. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The entry of every route of the actor network and the networks and working groups: the tenant and
 * the signed-in staff member (`requireStaff`: 401, 403 for another tenant, two-factor policy), then
 * the network policy for the action (403).
 */
export async function networkStaff(request: FastifyRequest<{ Params: { tenant: string } }>, ctx: AppContext, action: NetworkAction): Promise<NetworkStaff> {
  const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
  authorizeNetwork(actor, action);
  return {
    tenant,
    actor,
    author: authorOf(actor, request),
    read: (fn) => ctx.db.tenant(tenant.id, fn, { readOnly: true }),
    write: (fn) => ctx.db.tenant(tenant.id, fn),
  };
}
