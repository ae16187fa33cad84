use wasm_bindgen::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // In the analyses' worker the module is loaded for `analysis_worker_run` only: there is no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    leptos::mount::mount_to_body(shared_picture::App);
}

/// The analyses' worker (`public/analysis-worker.js`) hands each request's bytes here and posts the answer.
#[wasm_bindgen]
pub fn analysis_worker_run(request: &[u8]) -> Result<Vec<u8>, JsError> {
    shared_picture::worker::respond(request).map_err(|e| JsError::new(&e.to_string()))
}
