import { createServer, request, type Server } from 'node:http';
import { createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg)/;

/**
 * A loopback reverse proxy that gzips text answers, as the TLS proxy in front of Lotse does in
 * production (docs/deployment.md), so page measurements see realistic transfer sizes.
 */
export async function startGzipProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' };
    const proxied = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
      const type = String(up.headers['content-type'] ?? '');
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && COMPRESSIBLE.test(type) && up.statusCode !== 304;
      const out = { ...up.headers };
      if (gzip) {
        delete out['content-length'];
        out['content-encoding'] = 'gzip';
        out.vary = 'Accept-Encoding';
      }
      res.writeHead(up.statusCode ?? 502, out);
      if (gzip) up.pipe(createGzip({ level: 6 })).pipe(res);
      else up.pipe(res);
    });
    proxied.once('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
