import { Cron } from 'croner';
import { z } from 'zod';

/**
 * Every setting Lotse reads from the environment, validated once at boot.
 * Nothing here is sent to the browser; the public tenant settings come from the database.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL, used in mails, OParl ids and OIDC callbacks. */
  PUBLIC_URL: z.url().optional(),
  LOTSE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Secret for session signing; required in production. */
  AUTH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** smtp://user:pass@host:port — without it mails land in the development outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Lotse <no-reply@lotse.localhost>'),
  /** Self-hosted LibreTranslate server for machine translation. */
  LIBRETRANSLATE_URL: z.url().optional(),
  LIBRETRANSLATE_API_KEY: z.string().optional(),
  /** Map tiles (XYZ template). Empty disables the map background, the list still works. */
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  /** OpenID Connect single sign-on (e.g. a municipal Keycloak). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('Single Sign-on'),
  /** Max upload size for imports in bytes. */
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  TRUST_PROXY: boolish.default(false),
  METRICS_ENABLED: boolish.default(true),
  /** Login rate limits (5 attempts per minute and address); only tests switch them off. */
  AUTH_RATE_LIMIT: boolish.default(true),
  /**
   * Keys for the encryption at rest of sensitive case data (notes, health, residence details,
   * documents): comma-separated `keyId:base64(32 bytes)`, the first one encrypts, all decrypt.
   * Rotation: put a new key first, restart, run `lotse rotate-keys`, then drop the old key.
   * Required in production; development derives a fixed key from AUTH_SECRET.
   */
  DATA_ENCRYPTION_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, 'comma-separated keyId:base64 (32 random bytes each)')
    .optional(),
  /** Case views sign out after this many minutes without activity. */
  CASE_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(480).default(15),
  /** When the retention job runs (cron syntax, server time zone); `off` disables it. */
  RETENTION_JOB_CRON: z.string().default('30 2 * * *'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET) {
    throw new ConfigError('Invalid configuration:\n  AUTH_SECRET: required in production (at least 32 characters)');
  }
  if (config.NODE_ENV === 'production' && !config.DATA_ENCRYPTION_KEYS) {
    throw new ConfigError('Invalid configuration:\n  DATA_ENCRYPTION_KEYS: required in production (keyId:base64 of 32 random bytes, e.g. `k1:$(openssl rand -base64 32)`)');
  }
  if (config.RETENTION_JOB_CRON !== 'off') {
    try {
      new Cron(config.RETENTION_JOB_CRON, { paused: true }).stop();
    } catch {
      throw new ConfigError(`Invalid configuration:\n  RETENTION_JOB_CRON: not a cron expression ("${config.RETENTION_JOB_CRON}"), e.g. "30 2 * * *" or "off"`);
    }
  }
  if (config.OIDC_ISSUER && !(config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_CLIENT_ID/OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set');
  }
  return config;
}

export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
