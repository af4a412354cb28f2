import { betterAuth } from 'better-auth';
import { DEV_AUTH_SECRET } from '../../security/devSecret.ts';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { eq } from 'drizzle-orm';
import { type Config, publicUrl } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Mailer } from '../mail/mailer.ts';
import { authAccount, authRateLimit, authSession, authTwoFactor, authUser, authVerification } from './auth.table.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Set by our route bridge from the socket address; any client-sent value is overwritten. */
export const CLIENT_IP_HEADER = 'x-lotse-client-ip';


/**
 * Accounts, sessions, password reset, TOTP two-factor, OIDC single sign-on and login rate limits,
 * by better-auth. Sessions and rate-limit counters live in the database, so any app node can serve
 * any request. Self sign-up is off: admins create accounts.
 */
export function createAuth(config: Config, db: Database, mailer: Mailer) {
  const baseURL = publicUrl(config);
  const auditLogin = async (action: string, email: string | undefined, userId: string | null, ip: string | null) => {
    let tenantId: string | null = null;
    if (userId) {
      const [row] = await db.systemDrizzle.select({ tenantId: authUser.tenantId }).from(authUser).where(eq(authUser.id, userId));
      tenantId = row?.tenantId ?? null;
    }
    await db.system((tx) =>
      writeAudit(tx, {
        tenantId,
        action,
        entityType: 'account',
        entityId: userId,
        actorId: userId,
        actorLabel: email ?? '',
        ip,
      }),
    );
  };

  return betterAuth({
    appName: 'Lotse',
    baseURL,
    basePath: '/api/auth',
    secret: config.AUTH_SECRET ?? DEV_AUTH_SECRET,
    // In development the same server is reached as localhost and 127.0.0.1; production trusts PUBLIC_URL only.
    trustedOrigins:
      config.NODE_ENV === 'production'
        ? [baseURL]
        : [baseURL, baseURL.replace('//localhost', '//127.0.0.1'), baseURL.replace('//127.0.0.1', '//localhost')],
    database: drizzleAdapter(db.systemDrizzle, {
      provider: 'pg',
      transaction: false,
      schema: {
        user: authUser,
        session: authSession,
        account: authAccount,
        verification: authVerification,
        twoFactor: authTwoFactor,
        rateLimit: authRateLimit,
      },
    }),
    user: {
      additionalFields: {
        tenantId: { type: 'string', required: false, input: false },
        role: { type: 'string', required: false, input: false, defaultValue: 'office_editor' },
        providerId: { type: 'string', required: false, input: false },
        teamId: { type: 'string', required: false, input: false },
        consentOverride: { type: 'boolean', required: false, input: false, defaultValue: false },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 200,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
      sendResetPassword: async ({ user, url }) => {
        const [row] = await db.systemDrizzle.select({ tenantId: authUser.tenantId }).from(authUser).where(eq(authUser.id, user.id));
        await mailer.send({
          tenantId: row?.tenantId ?? null,
          to: user.email,
          subject: 'Lotse: Passwort zurücksetzen / Reset your password',
          text: `Guten Tag ${user.name},\n\nüber diesen Link können Sie ein neues Passwort setzen (eine Stunde gültig):\n${url}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Mail.\n\n---\nUse the link above to set a new password (valid for one hour).`,
        });
      },
    },
    session: {
      expiresIn: 60 * 60 * 8,
      updateAge: 60 * 15,
    },
    rateLimit: {
      enabled: config.AUTH_RATE_LIMIT,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 3 },
        '/two-factor/verify-totp': { window: 60, max: 5 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: baseURL.startsWith('https://'),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db.systemDrizzle
              .select({ disabled: authUser.disabled })
              .from(authUser)
              .where(eq(authUser.id, session.userId));
            if (user?.disabled) throw new APIError('FORBIDDEN', { message: 'This account is disabled' });
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email' && ctx.path !== '/two-factor/verify-totp') return;
        const ip = ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null;
        const email = (ctx.body as { email?: string } | undefined)?.email;
        const newSession = ctx.context.newSession;
        const returned = ctx.context.returned as unknown;
        if (newSession) {
          await auditLogin('login.succeeded', newSession.user.email, newSession.user.id, ip);
        } else if (returned instanceof APIError || (returned instanceof Response && returned.status >= 400)) {
          let userId: string | null = null;
          if (email) {
            const [u] = await db.systemDrizzle.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email.toLowerCase()));
            userId = u?.id ?? null;
          }
          await auditLogin('login.failed', email, userId, ip);
        } else if (returned && typeof returned === 'object' && 'twoFactorRedirect' in returned) {
          await auditLogin('login.second_factor_required', email, null, ip);
        }
      }),
    },
    plugins: [
      twoFactor({ issuer: 'Lotse', skipVerificationOnEnable: false }),
      ...(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
        ? [
            genericOAuth({
              config: [
                {
                  providerId: 'oidc',
                  discoveryUrl: `${config.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
                  clientId: config.OIDC_CLIENT_ID,
                  clientSecret: config.OIDC_CLIENT_SECRET,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  // Accounts must exist (created by an admin); SSO links to them by verified e-mail.
                  disableSignUp: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
