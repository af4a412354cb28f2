import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/testApp.ts';

/** A minimal OpenID provider on loopback: enough for discovery and the authorization redirect. */
function startIssuer(): Promise<{ server: Server; issuer: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
            token_endpoint: `${issuer}/protocol/openid-connect/token`,
            userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
            jwks_uri: `${issuer}/protocol/openid-connect/certs`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('single sign-on with OpenID Connect', () => {
  let t: TestApp;
  let idp: { server: Server; issuer: string };
  beforeAll(async () => {
    idp = await startIssuer();
    t = await createTestApp({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'lotse', OIDC_CLIENT_SECRET: 'secret', OIDC_NAME: 'Stadt-Login' });
  });
  afterAll(async () => {
    await t.close();
    idp.server.close();
  });

  it('tells the login page that SSO is available', async () => {
    const res = await t.app.inject('/api/v1/auth/methods');
    expect(res.json()).toEqual({ password: true, oidc: { enabled: true, name: 'Stadt-Login' } });
  });

  it('sends the browser to the issuer with client id, PKCE and the callback', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/social', payload: { provider: 'oidc', callbackURL: '/admin/' } });
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().url as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/protocol/openid-connect/auth`);
    expect(url.searchParams.get('client_id')).toBe('lotse');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/api/auth/callback/oidc');
    expect(url.searchParams.get('scope')).toContain('openid');
  });
});

describe('without single sign-on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports SSO as not configured', async () => {
    const res = await t.app.inject('/api/v1/auth/methods');
    expect(res.json().oidc.enabled).toBe(false);
  });
});
