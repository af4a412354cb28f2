import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Emits /sw.js for the navigator from src/web/navigator/serviceWorker.js, filled in with the
 * files the navigator entry needs (its chunks, lazy chunks, CSS, locales), so the app shell is
 * cached on the first visit. Back-office chunks are left out.
 */
function navigatorServiceWorker(): Plugin {
  return {
    name: 'lotse-navigator-sw',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'navigator');
      if (entry?.type !== 'chunk') return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        const item = bundle[fileName];
        if (!item) return;
        files.add(fileName);
        if (item.type !== 'chunk') return;
        for (const f of [...item.imports, ...item.dynamicImports]) visit(f);
        for (const f of item.viteMetadata?.importedCss ?? []) files.add(f);
        for (const f of item.viteMetadata?.importedAssets ?? []) files.add(f);
      };
      visit(entry.fileName);
      const precache = ['/index.html', '/manifest.webmanifest', '/icons/icon.svg', ...[...files].sort().map((f) => `/${f}`)];
      const version = [...files].sort().join('|');
      let hash = 0;
      for (let i = 0; i < version.length; i++) hash = (hash * 31 + version.charCodeAt(i)) | 0;
      const source = readFileSync(fileURLToPath(new URL('./src/web/navigator/serviceWorker.js', import.meta.url)), 'utf8')
        .replace('__LOTSE_VERSION__', (hash >>> 0).toString(36))
        .replace('__LOTSE_PRECACHE__', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/**
 * Writes .br and .gz next to every text file of the build, so the server can send them
 * pre-compressed (@fastify/static `preCompressed: true`) without compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lotse-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|json|svg|webmanifest)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// Two apps from one build: the public navigator (index.html, kept small) and the back office (admin.html).
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react(), navigatorServiceWorker(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        navigator: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        admin: fileURLToPath(new URL('./src/web/admin.html', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
