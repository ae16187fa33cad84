// The end-to-end tests' static server: serves the release build (../dist) at "/" and again under a sub-path,
// as a static host would, with the response headers the README asks a host to send (the strict
// Content-Security-Policy among them). Node's own modules only: the tests add no server dependency. CommonJS,
// so the specs (which Playwright compiles to CommonJS) can import its policy and sub-path.
//
//   node server.cjs <port> [dist directory]
const { createServer } = require('node:http');
const { readFile, stat } = require('node:fs/promises');
const { extname, join, normalize, resolve, sep } = require('node:path');

const SUB_PATH = '/tools/shared-picture/';

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  'frame-ancestors *',
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// A next build, for the offline copy's update test: `?e2e-build=next` serves the page naming one more style
// sheet (E2E_NEXT_CSS, which this server serves), as a new build names new hashed files; `?e2e-build=broken`
// names one that does not exist. The page's own files are the same, so either still runs.
const E2E_NEXT_CSS = 'e2e-next-build.css';
const E2E_BUILDS = {
  next: `<link rel="stylesheet" href="./${E2E_NEXT_CSS}" />`,
  broken: '<link rel="stylesheet" href="./e2e-missing.css" />',
};

/** The file under `root` that `pathname` names, or null when it leaves `root`. */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}

function startServer(port, dist) {
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { Allow: 'GET, HEAD' }, '');
    const url = new URL(req.url, 'http://localhost');
    // Static hosts redirect a folder without its slash, so the page's relative asset paths resolve inside it.
    if (url.pathname === SUB_PATH.slice(0, -1)) return send(301, { Location: SUB_PATH + url.search }, '');
    const inSub = url.pathname.startsWith(SUB_PATH);
    const rel = inSub ? url.pathname.slice(SUB_PATH.length - 1) : url.pathname;
    if (rel === `/${E2E_NEXT_CSS}`) {
      return send(200, { 'Content-Type': MIME['.css'], 'Cache-Control': 'no-cache' }, ':root { --e2e-build: next; }\n');
    }
    let path = fileFor(root, rel);
    if (path === null) return send(404, { 'Content-Type': 'text/plain' }, 'not found');
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const extra = E2E_BUILDS[url.searchParams.get('e2e-build')];
      if (extra && path === join(root, 'index.html')) body = Buffer.from(String(body).replace('</head>', `${extra}</head>`));
      const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
      // No-cache for every file, the service worker (sw.js) among them: the browser checks it on every visit.
      send(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache' }, body);
    } catch {
      send(404, { 'Content-Type': 'text/plain' }, 'not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

module.exports = { CSP, E2E_NEXT_CSS, SUB_PATH, startServer };

if (require.main === module) {
  const port = Number(process.argv[2] ?? 8091);
  const dist = process.argv[3] ?? join(__dirname, '..', 'dist');
  startServer(port, dist).then(() => console.log(`serving ${resolve(dist)} on http://127.0.0.1:${port}/ and ${SUB_PATH}`));
}
