import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for the embedded setup', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.LOTSE_DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });

  it('requires a session secret and data encryption keys in production', () => {
    const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: key })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEYS: key }).NODE_ENV).toBe('production');
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: 'k1:short' })).toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(loadConfig({ DATA_ENCRYPTION_KEYS: `new:${Buffer.alloc(32, 1).toString('base64')},${key}` }).DATA_ENCRYPTION_KEYS).toContain('new:');
  });

  it('validates the retention schedule', () => {
    expect(loadConfig({}).RETENTION_JOB_CRON).toBe('30 2 * * *');
    expect(loadConfig({ RETENTION_JOB_CRON: 'off' }).RETENTION_JOB_CRON).toBe('off');
    expect(() => loadConfig({ RETENTION_JOB_CRON: 'every night' })).toThrow(/RETENTION_JOB_CRON/);
  });

  it('requires client credentials when single sign-on is configured', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.org/realms/stadt' })).toThrow(/OIDC_CLIENT_ID/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
