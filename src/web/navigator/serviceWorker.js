// Service worker of the navigator (built into /sw.js by the plugin in vite.config.ts, which fills
// in the version and the list of the navigator's files). Caches the app shell; the directory of
// offers is stored by the app itself in IndexedDB. The back office is never cached.
const VERSION = '__LOTSE_VERSION__';
const PRECACHE = __LOTSE_PRECACHE__;
const SHELL = `lotse-shell-${VERSION}`;
const RUNTIME = 'lotse-runtime';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lotse-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isNavigatorPage = (url) => !/^\/(api|admin|docs|metrics)(\/|$)/.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (!isNavigatorPage(url)) return;
    // Network first so new releases arrive; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html', { ignoreSearch: true }).then((r) => r || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change: cache first.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(RUNTIME).then((c) => c.put(request, copy));
            }
            return res;
          }),
      ),
    );
    return;
  }
  // Manifest and icons: cached copy at once, refreshed in the background.
  event.respondWith(
    caches.match(request).then((hit) => {
      const network = fetch(request)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(RUNTIME).then((c) => c.put(request, copy));
          }
          return res;
        })
        .catch(() => hit || Response.error());
      return hit || network;
    }),
  );
});
