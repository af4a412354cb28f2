import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { account, createAccountRequest, me, updateAccountRequest } from '../../shared/contracts/account.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { type AccountRow, createAccount, listAccounts, updateAccount } from './accounts.ts';
import { authorizeAccounts } from './auth.policy.ts';
import { requireActor } from './session.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { tenants } from '../tenants/tenant.table.ts';
import { eq } from 'drizzle-orm';
import { isCaseRole, type Role } from './roles.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../server/context.ts';

const presentAccount = (row: AccountRow): z.infer<typeof account> => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role as z.infer<typeof account>['role'],
  providerId: row.providerId,
  teamId: row.teamId,
  consentOverride: row.consentOverride,
  disabled: row.disabled,
  twoFactorEnabled: Boolean(row.twoFactorEnabled),
  createdAt: row.createdAt.toISOString(),
});

export const authRoutes: RouteRegistrar = (app, ctx) => {
  // better-auth's own endpoints: sign-in/out, password reset, two-factor, OIDC callback.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: {
      tags: ['auth'],
      summary: 'Authentication endpoints (better-auth)',
      description:
        'POST /api/auth/sign-in/email {email,password}; POST /api/auth/sign-out; POST /api/auth/request-password-reset {email,redirectTo}; POST /api/auth/reset-password {newPassword,token}; POST /api/auth/two-factor/enable {password}; POST /api/auth/two-factor/verify-totp {code}; GET /api/auth/get-session; POST /api/auth/sign-in/social {provider:"oidc",callbackURL} when single sign-on is configured (GET /api/v1/auth/methods tells).',
    },
    async handler(request, reply) {
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      const headers = fromNodeHeaders(request.headers);
      // The client address as Fastify resolved it (honouring TRUST_PROXY), for rate limits and the login audit.
      headers.set(CLIENT_IP_HEADER, request.ip);
      const init: RequestInit = { method: request.method, headers };
      if (request.method !== 'GET' && request.body !== undefined) init.body = JSON.stringify(request.body);
      const response = await ctx.auth.handler(new Request(url, init));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400 && text) {
        // Keep our error shape: { error: { code, message } }
        try {
          const body = JSON.parse(text) as { message?: string; code?: string };
          const code = response.status === 429 ? 'rate_limited' : response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'validation_failed';
          return reply.send({ error: { code, message: body.message ?? 'Authentication failed', details: { authCode: body.code } } });
        } catch {
          return reply.send({ error: { code: 'validation_failed', message: text.slice(0, 200) } });
        }
      }
      return reply.send(text);
    },
  });

  app.get(
    '/api/v1/auth/methods',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign-in methods of this installation (for the login page)',
        response: { 200: z.object({ password: z.literal(true), oidc: z.object({ enabled: z.boolean(), name: z.string() }) }) },
      },
    },
    async () => ({
      password: true as const,
      oidc: { enabled: Boolean(ctx.config.OIDC_ISSUER), name: ctx.config.OIDC_NAME },
    }),
  );

  app.get(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: me, ...errorResponses } } },
    async (request) => {
      const actor = await requireActor(request);
      let tenant: { id: string; slug: string; name: string } | null = null;
      let required = false;
      if (actor.tenantId) {
        const [row] = await ctx.db.system((tx) => tx.db.select().from(tenants).where(eq(tenants.id, actor.tenantId!)));
        if (row) {
          tenant = { id: row.id, slug: row.slug, name: row.name };
          required = (row.settings.twoFactorRoles ?? []).includes(actor.role);
        }
      }
      return {
        id: actor.userId,
        name: actor.name,
        email: actor.email,
        role: actor.role,
        tenant,
        providerId: actor.providerId,
        teamId: actor.teamId,
        consentOverride: actor.consentOverride,
        caseIdleTimeoutMinutes: isCaseRole(actor.role) ? ctx.config.CASE_IDLE_TIMEOUT_MINUTES : null,
        twoFactorEnabled: actor.twoFactorEnabled,
        // Two-factor login is mandatory for every role that reads case data.
        twoFactorRequired: required || isCaseRole(actor.role),
      };
    },
  );

  const tenantParam = z.object({ tenant: z.string().max(63) });

  app.get(
    '/api/v1/:tenant/admin/accounts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Accounts of this tenant',
        params: tenantParam,
        querystring: z.object({ q: z.string().max(200).optional() }).strict(),
        response: { 200: z.object({ items: z.array(account) }), ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeAccounts(actor, 'read');
      const rows = await ctx.db.system((tx) => listAccounts(tx, tenant.id, request.query.q));
      return { items: rows.map(presentAccount) };
    },
  );

  app.post(
    '/api/v1/:tenant/admin/accounts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an account',
        params: tenantParam,
        body: createAccountRequest,
        response: { 201: account, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeAccounts(actor, 'manage');
      const body = request.body;
      if (body.providerId) await assertProviderInTenant(ctx, tenant.id, body.providerId);
      const row = await ctx.db.system((tx) =>
        createAccount(tx, { ...body, role: body.role as Role, tenantId: tenant.id, providerId: body.providerId ?? null }, actor),
      );
      return reply.status(201).send(presentAccount(row));
    },
  );

  app.patch(
    '/api/v1/:tenant/admin/accounts/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change role, provider or disable an account',
        params: tenantParam.extend({ id: z.string().max(100) }),
        body: updateAccountRequest,
        response: { 200: account, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeAccounts(actor, 'manage');
      if (request.body.providerId) await assertProviderInTenant(ctx, tenant.id, request.body.providerId);
      const row = await ctx.db.system((tx) =>
        updateAccount(tx, tenant.id, request.params.id, { ...request.body, role: request.body.role as Role | undefined }, actor),
      );
      return presentAccount(row);
    },
  );
};

/** Provider references are checked under the tenant's row-level security: another tenant's id reads as unknown. */
async function assertProviderInTenant(ctx: AppContext, tenantId: string, providerId: string): Promise<void> {
  const rows = await ctx.db.tenant(tenantId, (tx) => tx.query('SELECT 1 FROM providers WHERE id = $1', [providerId]));
  if (rows.length === 0) throw new AppError('validation_failed', 'Unknown provider', { field: 'providerId' });
}
