//! Browser side of the exports: a file download from text or a Blob (an object URL clicked through an
//! `<a download>`, nothing leaves the page), a live SVG element serialised to stand alone (its computed styles
//! copied onto each element, so it renders the same outside the page's style sheets), and a PNG drawn from
//! that SVG through an image and a canvas.

use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Document, Element, HtmlAnchorElement,
    HtmlCanvasElement, HtmlImageElement, SvgElement, Url,
};

/// The presentation properties that page CSS sets on the map and charts, each with its initial value:
/// copied from the computed style (unless initial, which a reader assumes anyway) so the file needs no style
/// sheet.
const STYLE_PROPS: [(&str, &str); 12] = [
    ("fill", ""),
    ("fill-opacity", "1"),
    ("fill-rule", "nonzero"),
    ("stroke", ""),
    ("stroke-width", ""),
    ("stroke-opacity", "1"),
    ("stroke-dasharray", "none"),
    ("stroke-linejoin", "miter"),
    ("stroke-linecap", "butt"),
    ("opacity", "1"),
    ("display", "inline"),
    ("visibility", "visible"),
];
/// Text properties, copied onto text elements only (elsewhere they only pass down by inheritance).
const TEXT_PROPS: [(&str, &str); 5] = [
    ("font-family", ""),
    ("font-size", ""),
    ("font-weight", "400"),
    ("text-anchor", "start"),
    ("paint-order", "normal"),
];

/// A PNG is drawn at twice the SVG's size, so it stays sharp on high-density screens and in print.
const PNG_SCALE: f64 = 2.0;

/// Why a file could not be made or saved. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DownloadError {
    #[error("Export: no window")]
    NoWindow,
    #[error("Export: no document")]
    NoDocument,
    #[error("Export: no body")]
    NoBody,
    /// A browser call refused, with the step (`what`) and the browser's reason.
    #[error("{what}: {reason}")]
    Browser { what: &'static str, reason: String },
    #[error("Export PNG: no 2-D canvas")]
    NoCanvas,
    #[error("Export PNG: the SVG could not be drawn")]
    NotDrawn,
    #[error("Export PNG: the canvas gave no image")]
    NoImage,
}

fn js_err(what: &'static str, e: JsValue) -> DownloadError {
    DownloadError::Browser {
        what,
        reason: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

fn document() -> Result<Document, DownloadError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)
}

/// Saves a Blob as `filename`.
pub fn download_blob(filename: &str, blob: &Blob) -> Result<(), DownloadError> {
    let doc = document()?;
    let url = Url::create_object_url_with_blob(blob).map_err(|e| js_err("Export URL", e))?;
    let a: HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| js_err("Export link", e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "").ok();
    let body = doc.body().ok_or(DownloadError::NoBody)?;
    body.append_child(&a)
        .map_err(|e| js_err("Export link", e))?;
    a.click();
    a.remove();
    // The download has taken its copy once the click has been handled; free the URL after that.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Saves text as `filename` with the given MIME type.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|e| js_err("Export", e))?;
    download_blob(filename, &blob)
}

/// The size an exported SVG gets: its `viewBox` size if it has one (a chart: its drawing size), else its
/// size on screen (the map).
fn export_size(svg: &Element) -> (f64, f64) {
    let from_view_box = svg.get_attribute("viewBox").and_then(|vb| {
        let v: Vec<f64> = vb
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        (v.len() == 4 && v[2] > 0.0 && v[3] > 0.0).then(|| (v[2], v[3]))
    });
    from_view_box.unwrap_or_else(|| {
        let r = svg.get_bounding_client_rect();
        (r.width().max(1.0).round(), r.height().max(1.0).round())
    })
}

/// The live `svg` as a standalone SVG document with its styles inlined, and its size in px.
pub fn standalone_svg(svg: &Element) -> Result<(String, f64, f64), DownloadError> {
    let (clone, w, h) = standalone_copy(svg)?;
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&clone))
        .map_err(|e| js_err("Export SVG", e))?;
    Ok((text, w, h))
}

/// A detached copy of the live `svg` with its styles inlined and its size set, and that size in px: a
/// document of its own, or a part of a larger one (the briefing figure's map and legend swatches).
pub fn standalone_copy(svg: &Element) -> Result<(Element, f64, f64), DownloadError> {
    let window = web_sys::window().ok_or(DownloadError::NoWindow)?;
    let clone: Element = svg
        .clone_node_with_deep(true)
        .map_err(|e| js_err("Export SVG", e))?
        .unchecked_into();
    let originals = svg
        .query_selector_all("*")
        .map_err(|e| js_err("Export SVG", e))?;
    let copies = clone
        .query_selector_all("*")
        .map_err(|e| js_err("Export SVG", e))?;
    // The clone's elements are in the same document order as the originals'.
    let pairs = std::iter::once((svg.clone(), clone.clone())).chain(
        (0..originals.length().min(copies.length())).filter_map(|i| {
            Some((
                originals.item(i)?.dyn_into::<Element>().ok()?,
                copies.item(i)?.dyn_into::<Element>().ok()?,
            ))
        }),
    );
    for (orig, copy) in pairs {
        let Ok(Some(cs)) = window.get_computed_style(&orig) else {
            continue;
        };
        // Through CSSOM: the page's Content-Security-Policy (style-src 'self') refuses a `style` attribute set
        // as text, even on a detached copy; the serialiser writes the properties out as one all the same.
        let Some(style) = copy.dyn_ref::<SvgElement>().map(SvgElement::style) else {
            continue;
        };
        let is_text = matches!(orig.tag_name().as_str(), "text" | "tspan");
        let text_props = if is_text { &TEXT_PROPS[..] } else { &[] };
        for (p, initial) in STYLE_PROPS.iter().chain(text_props) {
            if let Ok(v) = cs.get_property_value(p) {
                if !v.is_empty() && v != *initial {
                    style.set_property(p, &v).ok();
                }
            }
        }
    }
    let (w, h) = export_size(svg);
    clone
        .set_attribute("xmlns", "http://www.w3.org/2000/svg")
        .ok();
    clone.set_attribute("width", &w.to_string()).ok();
    clone.set_attribute("height", &h.to_string()).ok();
    if clone.get_attribute("viewBox").is_none() {
        clone.set_attribute("viewBox", &format!("0 0 {w} {h}")).ok();
    }
    // Screen-reader and layout-only attributes mean nothing in a file.
    clone.remove_attribute("class").ok();
    Ok((clone, w, h))
}

/// Draws an SVG document into a canvas at [`PNG_SCALE`] on white and saves it as a PNG. Asynchronous: the
/// image loads, then the canvas encodes; a failure on the way goes to `report`.
pub fn download_png(
    filename: String,
    svg: String,
    width_px: f64,
    height_px: f64,
    report: Rc<dyn Fn(DownloadError)>,
) {
    let start = || -> Result<(), DownloadError> {
        let img = HtmlImageElement::new().map_err(|e| js_err("Export PNG", e))?;
        let on_error = report.clone();
        let loaded = img.clone();
        let onload = Closure::once_into_js(move || {
            if let Err(e) = draw_and_save(&loaded, &filename, width_px, height_px, on_error.clone())
            {
                on_error(e);
            }
        });
        img.set_onload(Some(onload.unchecked_ref()));
        let failed = report.clone();
        let onerror = Closure::once_into_js(move || failed(DownloadError::NotDrawn));
        img.set_onerror(Some(onerror.unchecked_ref()));
        // A data URL keeps the canvas untainted (same origin) and loads nothing from outside the page.
        let encoded: String = js_sys::encode_uri_component(&svg).into();
        img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
        Ok(())
    };
    if let Err(e) = start() {
        report(e);
    }
}

fn draw_and_save(
    img: &HtmlImageElement,
    filename: &str,
    width_px: f64,
    height_px: f64,
    report: Rc<dyn Fn(DownloadError)>,
) -> Result<(), DownloadError> {
    let canvas: HtmlCanvasElement = document()?
        .create_element("canvas")
        .map_err(|e| js_err("Export PNG", e))?
        .unchecked_into();
    canvas.set_width((width_px * PNG_SCALE).round() as u32);
    canvas.set_height((height_px * PNG_SCALE).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| js_err("Export PNG", e))?
        .ok_or(DownloadError::NoCanvas)?
        .unchecked_into();
    ctx.scale(PNG_SCALE, PNG_SCALE)
        .map_err(|e| js_err("Export PNG", e))?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width_px, height_px);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width_px, height_px)
        .map_err(|e| js_err("Export PNG", e))?;
    let name = filename.to_string();
    let done = Closure::once_into_js(move |blob: Option<Blob>| match blob {
        Some(b) => {
            if let Err(e) = download_blob(&name, &b) {
                report(e);
            }
        }
        None => report(DownloadError::NoImage),
    });
    canvas
        .to_blob_with_type(done.unchecked_ref(), "image/png")
        .map_err(|e| js_err("Export PNG", e))
}
