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
    const bindings = await import(glue);
    const wasm = await bindings.default({ module_or_path: wasmUrl });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (e) {
    poster(String(e && e.message ? e.message : e));
    throw e;
  }
}
