// Starts the app. Trunk's own loader is an inline script, which a Content-Security-Policy without
// 'unsafe-inline' refuses; this one is a file of the site. It takes the glue's and the wasm's hashed URLs from the
// preload links Trunk writes into the page, so it never changes between builds, and those links are relative,
// so the site runs from any path.
//
// A browser without WebAssembly (or one whose module fails to start) gets the poster the page shows without
// JavaScript: the noscript's still and caption, built as elements (its markup is the page's own, not a reader's).
function poster(reason) {
  const tmpl = document.querySelector('noscript');
  const doc = new DOMParser().parseFromString(tmpl ? tmpl.textContent : '', 'text/html');
  const figure = doc.querySelector('figure.poster');
  if (!figure) return;
  const note = document.createElement('p');
  note.textContent = `The interactive picture could not start here: ${reason}`;
  figure.append(note);
  document.body.append(document.adoptNode(figure));
}

if (typeof WebAssembly !== 'object') {
  poster('this browser has no WebAssembly.');
} else {
  try {
    const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]').href;
    const wasmUrl = document.querySelector('link[rel="preload"][href$=".wasm"]').href;
    hearUpdates();
    const bindings = await import(glue);
    const wasm = await bindings.default({ module_or_path: wasmUrl });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    registerOffline();
  } catch (e) {
    poster(String(e && e.message ? e.message : e));
    throw e;
  }
}

// The offline copy (sw.js, beside this file at the site's root, whatever path the site is served from),
// registered once the page has loaded, so that copying the shell into the cache never competes with the page's
// own start. Where it cannot register (plain http from another host, a browser without service workers) the
// page runs as before, online.
function registerOffline() {
  if (!('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).href })
      .catch((e) => console.info(`Shared Picture works online only here: ${e.message || e}`));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

// When the worker has cached a new build, a page of another build says that the new one takes effect on the next
// visit; an embed does not, being a part of its host's page. A build is known by the files its page's head
// names (hashed), which sw.js reads the same way from the new page; read here before the app can add any.
// Listened for before the module loads: the worker's word can come as soon as the page's request.
function hearUpdates() {
  if (!('serviceWorker' in navigator)) return;
  const build = [
    ...new Set(
      Array.from(document.head.querySelectorAll('[href], [src]'), (el) => {
        const url = new URL(el.getAttribute('href') ?? el.getAttribute('src'), document.baseURI);
        url.hash = '';
        return url.href;
      }),
    ),
  ].sort();
  navigator.serviceWorker.addEventListener('message', ({ data }) => {
    const ours = data && Array.isArray(data.build) && data.build.join(' ') === build.join(' ');
    if (data && data.sharedPicture === 'update-ready' && !ours && window.top === window) updateReady();
  });
  navigator.serviceWorker.startMessages();
}

function updateReady() {
  if (document.querySelector('.update-ready')) return;
  const line = document.createElement('p');
  line.className = 'update-ready';
  line.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of Shared Picture is ready: it takes effect on your next visit.';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => line.remove());
  line.append(text, close);
  document.body.append(line);
}
