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

// The offline copy (sw.js, at the site's root), registered once the page has loaded so that caching never slows
// its start; without it (no service workers, plain http) the page runs online as before.
function registerOffline() {
  const sw = navigator.serviceWorker;
  const register = () => sw.register(new URL('sw.js', import.meta.url), { scope: './' }).catch(() => {});
  if (sw) document.readyState === 'complete' ? register() : addEventListener('load', register, { once: true });
}

// A page of another build (the hashed files its head names, which sw.js reads alike from the new page) says
// when a new one is cached; not an embed, a part of its host's page. Listened for from the start: the word can
// come as soon as the page's request.
function hearUpdates() {
  const sw = navigator.serviceWorker;
  if (!sw || window.top !== window) return;
  const build = new Set(Array.from(document.head.querySelectorAll('[href],[src]'), (el) => el.href || el.src));
  sw.onmessage = ({ data }) => {
    if (data?.sharedPicture !== 'update-ready' || (data.build.length === build.size && data.build.every((f) => build.has(f)))) return;
    if (document.querySelector('.update-ready')) return;
    const line = document.createElement('p');
    const close = document.createElement('button');
    line.className = 'update-ready';
    line.setAttribute('role', 'status');
    line.textContent = 'A new version of Shared Picture is ready: it takes effect on your next visit. ';
    close.textContent = 'Dismiss';
    close.onclick = () => line.remove();
    line.append(close);
    document.body.append(line);
  };
}
