// Starts the app. Trunk's own loader is an inline script, which a Content-Security-Policy without
// 'unsafe-inline' refuses; this one is a file of the site. It takes the glue's and the wasm's hashed URLs from the
// preload links Trunk writes into the page, so it never changes between builds, and those links are relative,
// so the site runs from any path.
const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]').href;
const wasmUrl = document.querySelector('link[rel="preload"][href$=".wasm"]').href;
const bindings = await import(glue);
const wasm = await bindings.default({ module_or_path: wasmUrl });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
