//! Where the page keeps the scenario and how it talks to the browser: local storage (which throws in a
//! sandboxed or storage-blocked iframe: every call returns a message instead), the URL fragment, downloads
//! and the clipboard. Nothing here reaches outside the page's own origin.

use wasm_bindgen::JsCast;

/// The local-storage key of the user's scenario (the exported file's JSON, versioned by the file).
pub const STORAGE_KEY: &str = "shared-picture.scenario";

fn storage() -> Result<web_sys::Storage, String> {
    let w = web_sys::window().ok_or("no window")?;
    match w.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("local storage is not available".into()),
        Err(_) => Err("local storage is blocked here".into()),
    }
}

/// The stored scenario file, if any.
pub fn load_stored() -> Result<Option<String>, String> {
    storage()?
        .get_item(STORAGE_KEY)
        .map_err(|_| "local storage is blocked here".to_string())
}

pub fn store(json: &str) -> Result<(), String> {
    storage()?
        .set_item(STORAGE_KEY, json)
        .map_err(|_| "local storage is full or blocked".to_string())
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Whether the page was opened as an embed (`?embed`).
pub fn is_embed() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| {
            q.trim_start_matches('?')
                .split('&')
                .any(|p| p == "embed" || p.starts_with("embed="))
        })
}

/// The page's address without query or fragment.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Replaces the URL fragment without a new history entry (and without reloading).
pub fn replace_fragment(fragment: &str) {
    let Some(w) = web_sys::window() else { return };
    let search = w.location().search().unwrap_or_default();
    let url = format!("{search}#{fragment}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "could not make the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "could not make the link")?
        .dyn_into()
        .map_err(|_| "could not make the link")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard (asynchronously; the browser may refuse outside a user gesture).
pub fn copy(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Reads the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("no file chosen")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("{}: could not be read", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("{}: not a text file", file.name()))
}
