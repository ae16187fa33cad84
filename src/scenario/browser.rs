//! Where the page keeps the scenario and how it talks to the browser: local storage (which throws in a
//! sandboxed or storage-blocked iframe: every call returns a message instead), the URL fragment, downloads
//! and the clipboard. Nothing here reaches outside the page's own origin.

use wasm_bindgen::JsCast;

/// The local-storage key of the user's scenario (the exported file's JSON, versioned by the file).
pub const STORAGE_KEY: &str = "shared-picture.scenario";
/// Where a stored scenario that could not be opened is copied before anything can write over it. One copy:
/// the latest unreadable scenario replaces an earlier one (the reader was offered the earlier one's download
/// when it was set aside, and keeping a history would let broken copies fill the storage quota).
pub const ASIDE_KEY: &str = "shared-picture.scenario.unreadable";

/// Why the browser refused: storage, a download, or a chosen file. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BrowserError {
    #[error("no window")]
    NoWindow,
    #[error("no document")]
    NoDocument,
    #[error("local storage is not available")]
    NoStorage,
    #[error("local storage is blocked here")]
    StorageBlocked,
    #[error("local storage is full or blocked")]
    StorageFull,
    /// The file's blob or its address could not be made.
    #[error("could not make the file")]
    File,
    /// The download link could not be made.
    #[error("could not make the link")]
    Link,
    #[error("no file chosen")]
    NoFileChosen,
    /// The chosen file (named) could not be read.
    #[error("{0}: could not be read")]
    Unreadable(String),
    /// The chosen file (named) is not text.
    #[error("{0}: not a text file")]
    NotText(String),
}

fn storage() -> Result<web_sys::Storage, BrowserError> {
    let w = web_sys::window().ok_or(BrowserError::NoWindow)?;
    match w.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(BrowserError::NoStorage),
        Err(_) => Err(BrowserError::StorageBlocked),
    }
}

/// The stored scenario file, if any.
pub fn load_stored() -> Result<Option<String>, BrowserError> {
    storage()?
        .get_item(STORAGE_KEY)
        .map_err(|_| BrowserError::StorageBlocked)
}

/// Keeps the scenario file in local storage.
pub fn store(json: &str) -> Result<(), BrowserError> {
    storage()?
        .set_item(STORAGE_KEY, json)
        .map_err(|_| BrowserError::StorageFull)
}

/// Copies an unreadable stored scenario, as it was, aside (see [`ASIDE_KEY`]).
pub fn set_aside(text: &str) -> Result<(), BrowserError> {
    storage()?
        .set_item(ASIDE_KEY, text)
        .map_err(|_| BrowserError::StorageFull)
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Moves the keyboard's focus to the first element matching `selector`, if there is one.
pub fn focus(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
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
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| BrowserError::File)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| BrowserError::File)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(BrowserError::NoDocument)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| BrowserError::Link)?
        .dyn_into()
        .map_err(|_| BrowserError::Link)?;
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
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, BrowserError> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or(BrowserError::NoFileChosen)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| BrowserError::Unreadable(file.name()))?;
    text.as_string()
        .ok_or_else(|| BrowserError::NotText(file.name()))
}

/// A reader's preference kept in local storage (`None` where storage is refused or nothing was kept).
pub fn preference(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok()?
}

/// Keeps a reader's preference; where storage is refused, the page simply forgets it.
pub fn set_preference(key: &str, value: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(key, value);
    }
}
