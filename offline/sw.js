// Broadsheet's offline copy: the app and the stories the reader opened (API answers, pictures).
// Data comes from the network first, so nothing stale shows online; when it fails, the saved copy
// answers and the page is told. Caches are named by scope and build (the name of the wasm the page
// runs, which register.js puts in `build`): a new deploy, or another backend, installs a new
// worker, which drops the old caches.
const SCOPE = self.registration.scope;
const BUILD = new URL(self.location.href).searchParams.get('build') || 'unknown';
const PREFIX = `broadsheet:${SCOPE}:`;
const SHELL = `${PREFIX}${BUILD}:shell`;
const DATA = `${PREFIX}${BUILD}:data`;
const MAX_DATA_ENTRIES = 300;
// Trunk's content-hashed outputs never change under their name: the cache may answer first.
const HASHED = /\/[^/]+-[0-9a-f]{8,16}(?:_bg)?\.(?:wasm|js|css|svg|png|ico)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const shell = await fetch(SCOPE, { cache: 'no-cache' });
    if (!shell.ok) throw new Error(`the app shell answered ${shell.status}`);
    const html = await shell.clone().text();
    // The page's files, and of the build's binaries (one per backend) the one this site runs.
    const app = new URL(BUILD, SCOPE).href;
    const assets = [...html.matchAll(/(?:href|src|module_or_path: )=?["']([^"']+)["']/g)]
      .map((m) => new URL(m[1], SCOPE).href)
      .concat(app, app.replace(/_bg\.wasm$/, '.js'))
      .filter((url) => url.startsWith(SCOPE) && HASHED.test(url));
    await cache.put(SCOPE, shell);
    await cache.addAll([...new Set(assets)]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== SHELL && name !== DATA) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function tellOffline(clientId) {
  const client = clientId && await self.clients.get(clientId);
  if (client) client.postMessage({ type: 'broadsheet:offline-copy' });
}

async function keep(request, response) {
  if (!response.ok && response.type !== 'opaque') return;
  const cache = await caches.open(DATA);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DATA_ENTRIES))) await cache.delete(old);
}

// A page from the saved copy says so itself: it has no client to be told yet.
async function markedAsSaved(response) {
  const html = (await response.text()).replace('<head>', '<head><meta name="broadsheet-offline-copy" content="">');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(html, { headers });
}

// Network first; the saved copy only when the network fails.
async function networkFirst(event, cacheName, fallbackKey) {
  try {
    const response = await fetch(event.request);
    // Copied now: the page may read the answer before the cache does.
    const copy = response.clone();
    if (cacheName === DATA) event.waitUntil(keep(event.request, copy));
    else if (response.ok) event.waitUntil(caches.open(SHELL).then((cache) => cache.put(fallbackKey, copy)));
    return response;
  } catch (error) {
    const saved = await caches.match(event.request, { cacheName }) || (fallbackKey && await caches.match(fallbackKey, { cacheName }));
    if (!saved) throw error;
    if (cacheName === SHELL) return markedAsSaved(saved);
    event.waitUntil(tellOffline(event.clientId));
    return saved;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('Authorization')) return;
  if (request.mode === 'navigate') {
    // Every app route is the same shell; the page itself says when it came from here.
    if (request.url.startsWith(SCOPE)) event.respondWith(networkFirst(event, SHELL, SCOPE));
    return;
  }
  if (request.url.startsWith(SCOPE) && HASHED.test(new URL(request.url).pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.url.startsWith('http')) event.respondWith(networkFirst(event, DATA));
});

// register.js names what the page loaded before this worker took charge (the first story of a first visit).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'broadsheet:remember' || !Array.isArray(event.data.resources)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(DATA);
    for (const { url, kind } of event.data.resources) {
      if (typeof url !== 'string' || !url.startsWith('http') || url.startsWith(SCOPE) && HASHED.test(url)) continue;
      if (await cache.match(url)) continue;
      const crossOriginPicture = kind === 'img' && new URL(url).origin !== self.location.origin;
      try {
        await keep(new Request(url), await fetch(url, crossOriginPicture ? { mode: 'no-cors' } : {}));
      } catch { /* offline again: nothing to keep */ }
    }
  })());
});
