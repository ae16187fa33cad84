// The analyses' worker (src/worker/mod.rs). The page sends the URL of its wasm-bindgen glue and its compiled
// wasm module, so the worker runs the page's own code without downloading or compiling it again; each
// request's bytes go to the module's `analysis_worker_run` and its answer's bytes come back.
let bindings = null;
let latest = null;
let scheduled = false;

const message = (e) => String((e && e.message) || e);

function run() {
  scheduled = false;
  const request = latest;
  latest = null;
  if (request === null) return;
  try {
    const reply = bindings.analysis_worker_run(request);
    self.postMessage({ reply }, [reply.buffer]);
  } catch (e) {
    self.postMessage({ failed: message(e) });
  }
}

// Requests that arrive while one runs wait in the event queue; only the newest of them is run.
function schedule() {
  if (bindings !== null && !scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
}

self.onmessage = async ({ data }) => {
  if (data && data.boot) {
    try {
      const glue = await import(data.boot.glue);
      await glue.default({ module_or_path: data.boot.module });
      bindings = glue;
      self.postMessage({ ready: true });
      schedule();
    } catch (e) {
      self.postMessage({ failed: 'the worker could not load the module: ' + message(e) });
    }
    return;
  }
  if (data && data.request) {
    latest = data.request;
    schedule();
  }
};
