import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';

describe('system routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health without the database', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness with the database kind', async () => {
    const res = await t.app.inject('/api/ready');
    expect(res.json()).toEqual({ status: 'ok', database: t.db.kind });
  });

  it('serves the OpenAPI document listing the routes', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
    expect(Object.keys(doc.paths)).toContain('/api/v1/{tenant}/profile');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject('/api/v1/nope/nothing/here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('rejects malformed JSON with a 400 naming the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: { 'content-type': 'application/json' }, payload: '{"slug":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_json', field: 'body' });
  });

  it('compresses large answers for clients that accept gzip', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends security headers: a script policy without inline code, no framing, no sniffing', async () => {
    const res = await t.app.inject('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('img-src');
    expect(csp).toContain('https://tile.openstreetmap.org');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows map tiles from a tile server with subdomains', () => {
    expect(contentSecurityPolicy('https://{s}.tiles.example.org/{z}/{x}/{y}.png').imgSrc).toContain('https://*.tiles.example.org');
    expect(contentSecurityPolicy('').imgSrc).toEqual(["'self'", 'data:', 'blob:']);
    expect(contentSecurityPolicy('not a url').imgSrc).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('lotse_http_request_duration_seconds');
  });
});
