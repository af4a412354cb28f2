import { existsSync } from 'node:fs';
import { WEB_DIST_DIR } from '../paths.ts';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { ZodApp } from './types.ts';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { domainRoutes } from './routes.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandler } from './errorHandler.ts';
import { registerMetrics } from './metrics.ts';
import { registerSessionResolution } from '../domains/auth/session.ts';

export type App = ZodApp;
export const WEB_DIST = `${WEB_DIST_DIR}/`;

export interface BuildOptions {
  logger?: boolean | object;
  /** Serve the built web apps from dist/web (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: contentSecurityPolicy(ctx.config.MAP_TILE_URL) },
    // The public API and map tiles are meant to be embedded and fetched from elsewhere.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: ctx.config.PUBLIC_URL?.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  // gzip for API answers (the offline directory is ~1 MB of JSON); brotli is too costly per request.
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'] });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: '1.0.0',
        description:
          'Municipal integration management: public offer navigator, offer directory back office. Public read routes need no login; back-office routes need a session cookie from /api/auth.',
      },
      tags: [
        { name: 'system', description: 'Health, metrics' },
        { name: 'public', description: 'Public navigator (no login)' },
        { name: 'auth', description: 'Accounts and sessions' },
        { name: 'admin', description: 'Back office (login)' },
        { name: 'tenants', description: 'Installation administration' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (ctx.config.METRICS_ENABLED) registerMetrics(app);
  registerSessionResolution(app, ctx);

  for (const register of domainRoutes) {
    await register(app, ctx);
  }

  if (options.serveWeb !== false && existsSync(WEB_DIST)) {
    await registerWeb(app, ctx);
  }
  return app;
}

/**
 * Scripts only from this origin (no inline script anywhere); images also from the configured map
 * tile server; styles inline-capable for Leaflet and the API docs; no framing.
 */
export function contentSecurityPolicy(tileUrl: string): Record<string, string[]> {
  const img = ["'self'", 'data:', 'blob:'];
  try {
    if (tileUrl) img.push(new URL(tileUrl.replaceAll('{s}', 'a').replace(/\{[a-z]+\}/g, '0')).origin.replace('//a.', '//*.'));
  } catch {
    /* a malformed tile URL only loses the map background */
  }
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: img,
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

async function registerWeb(app: App, ctx: AppContext): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    index: false,
    wildcard: false,
    decorateReply: true,
    // The build writes .br/.gz next to every asset; serve those instead of compressing per request.
    preCompressed: true,
    setHeaders(res, path) {
      if (path.includes('/assets/')) res.header('Cache-Control', 'public, max-age=31536000, immutable');
      else res.header('Cache-Control', 'no-cache');
      if (path.endsWith('sw.js')) res.header('Service-Worker-Allowed', '/');
    },
  });
  const { getTenantBySlug } = await import('../domains/tenants/tenantService.ts');
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.sendFile('index.html'));
  app.get('/admin', { schema: { hide: true } }, async (_req, reply) => reply.sendFile('admin.html'));
  app.get('/admin/*', { schema: { hide: true } }, async (_req, reply) => reply.sendFile('admin.html'));
  const navigator = async (req: { params: unknown }, reply: { sendFile: (f: string) => unknown; status: (n: number) => { sendFile: (f: string) => unknown } }) => {
    const { tenant } = req.params as { tenant: string };
    const known = await getTenantBySlug(ctx.db, tenant);
    return known ? reply.sendFile('index.html') : reply.status(404).sendFile('index.html');
  };
  app.get('/:tenant', { schema: { hide: true } }, navigator);
  app.get('/:tenant/*', { schema: { hide: true } }, navigator);
}
