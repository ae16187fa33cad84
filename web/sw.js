// The offline copy of the app: a service worker that keeps the app shell (the page, its hashed script, wasm and
// style sheet, the loader, the analyses' worker, the icon and the manifest) in the Cache API, so that after one
// visit the page starts without a network, in a briefing room or a classroom offline.
//
// The page is served from the cache at once and revalidated in the background. A new page (a new build) is
// stored only once every file it names is in the cache, so an offline visit never gets a page whose hashed
// files are missing; then the open pages are told, and the new build takes effect on the next visit (the page
// in use keeps the files it started with). A plain file of the site at its root (the Trunk `copy-file` in
// index.html), since a worker's scope can be no wider than its own folder without a header a static host may
// not be able to send, and a script of the site is what `script-src 'self'` allows.
//
// The same origin may serve several copies under different folders (the end-to-end server serves `/` and
// `/tools/shared-picture/`): each registration has its own scope, and its cache is named after it.
const PREFIX = 'shared-picture-shell-';
const CACHE = `${PREFIX}v1 ${self.registration.scope}`;
// The page, stored under its folder's address: `./`, `./index.html` and any query (`?embed`) are the same file.
const INDEX = self.registration.scope;
// Files of the shell that the page does not name: the analyses' worker, which the app starts by this address
// (src/worker/client.rs, WORKER_SCRIPT).
const UNNAMED = ['public/analysis-worker.js'];
// Trunk's hashed file names: the same name is the same bytes, so a copy already cached (or in the browser's
// HTTP cache, from the page's own load) is never fetched again. The hash is written without leading zeros.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

const scopePath = new URL(INDEX).pathname;
const isIndex = (url) => url.pathname === scopePath || url.pathname === `${scopePath}index.html`;

/** The same-origin files `html` names (its `href`s and `src`s), as absolute addresses, and the unnamed ones. The
 * `noscript` poster is left out: it is shown only where JavaScript or WebAssembly cannot run, and would add its
 * 138 kB to every first visit. */
function shellOf(html) {
  const named = namesIn(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, ''));
  const urls = new Set(UNNAMED.map((u) => new URL(u, INDEX).href));
  for (const name of named) {
    const url = new URL(name);
    if (url.origin === self.location.origin && !isIndex(url)) urls.add(url.href);
  }
  return [...urls];
}

/** Every `href` and `src` in `html` (outside comments), as absolute addresses without fragment, sorted: the
 * head's are a build's identity, which web/loader.js computes the same way from the page it runs in. Values
 * quoted either way or not at all: the release build's minified page leaves most unquoted (HTML allows it). */
function namesIn(html) {
  const names = new Set();
  const attrs = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(attrs)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (!name) continue;
    const url = new URL(name.replaceAll('&amp;', '&'), INDEX);
    url.hash = '';
    names.add(url.href);
  }
  return [...names].sort();
}

/** Puts `url` in `cache` unless a hashed copy is there already; throws on an error response (never cached). */
async function store(cache, url) {
  const hashed = HASHED.test(new URL(url).pathname);
  if (hashed && (await cache.match(url))) return;
  const response = await fetch(url, { cache: hashed ? 'force-cache' : 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await cache.put(url, response);
}

/** Fetches the page at `pageUrl` and, if it is new, its files then itself; tells the open pages of an update,
 * among them the one being opened (`openingId`) once it can hear. */
async function revalidate(pageUrl, openingId) {
  const response = await fetch(pageUrl, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok || response.redirected) throw new Error(`${pageUrl}: ${response.status}`);
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  const old = await cache.match(INDEX);
  const oldHtml = old ? await old.text() : null;
  // The unnamed files keep their names across builds: fetched again on every visit.
  await Promise.all(shellOf(html).map((url) => store(cache, url)));
  if (html === oldHtml) return;
  await cache.put(INDEX, response);
  // The current build's files and the previous one's (a page still open on it may start its worker offline).
  const keep = new Set([INDEX, ...shellOf(html), ...(oldHtml === null ? [] : shellOf(oldHtml))]);
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
  if (oldHtml === null) return;
  const build = namesIn(html.slice(0, html.indexOf('</head>')));
  // A page still loading is not yet among the clients; `get` waits until it is.
  if (openingId) await self.clients.get(openingId);
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) if (page.url.startsWith(INDEX)) page.postMessage({ sharedPicture: 'update-ready', build });
}

/** A failed revalidation (offline, a server error, a file missing) leaves the cache as it was, and says why. */
const revalidateQuietly = (pageUrl, openingId) =>
  revalidate(pageUrl, openingId).catch((e) => console.info(`Shared Picture: the cached copy was kept (${e.message || e})`));

self.addEventListener('install', (event) => {
  // The first copy of the shell: the worker is installed only once it is whole.
  event.waitUntil(revalidate(INDEX).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Caches of this scope left by an earlier version of this worker.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(PREFIX) && n.endsWith(` ${INDEX}`) && n !== CACHE)
            .map((n) => caches.delete(n)),
        ),
      ),
  );
});

async function servePage(event) {
  const cached = await caches.match(INDEX, { cacheName: CACHE });
  const url = new URL(event.request.url);
  url.hash = '';
  const updating = revalidateQuietly(url.href, event.resultingClientId);
  event.waitUntil(updating);
  return cached || fetch(event.request);
}

async function serveFile(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(INDEX)) return;
  if (request.mode === 'navigate') {
    // Other pages of the site (none today) are the network's.
    if (isIndex(url)) event.respondWith(servePage(event));
    return;
  }
  event.respondWith(serveFile(request));
});
