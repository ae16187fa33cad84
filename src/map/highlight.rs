//! Pointing at a sensor (its site on the map, or its row in the sensors list) or focusing it lights every
//! element of that sensor (`data-sensor`): its fan, its line of sight, its site and its row stand out and the
//! others step back (style/app.css). One pair of listeners on the document, marking elements with
//! `data-lit`, rather than a signal read by every fan and row: the same effect for a fraction of the code.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What can be pointed at or focused to light a sensor.
const POINTABLE: &str = ".sensor-site[data-sensor], .sensor-list tr[data-sensor]";

/// Lights the sensor named `name` (none: `None`).
fn light(name: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.document_element() else {
        return;
    };
    let current = root.get_attribute("data-lit-sensor");
    if current.as_deref() == name {
        return;
    }
    let _ = match name {
        Some(n) => root.set_attribute("data-lit-sensor", n),
        None => root.remove_attribute("data-lit-sensor"),
    };
    let Ok(all) = doc.query_selector_all("[data-sensor]") else {
        return;
    };
    for i in 0..all.length() {
        let Some(el) = all
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let lit = name.is_some() && el.get_attribute("data-sensor").as_deref() == name;
        let _ = if lit {
            el.set_attribute("data-lit", "")
        } else {
            el.remove_attribute("data-lit")
        };
    }
}

/// The sensor an event's target belongs to, if it is one that can be pointed at.
fn pointed(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el: web_sys::Element = target?.dyn_into().ok()?;
    el.closest(POINTABLE).ok()??.get_attribute("data-sensor")
}

/// Follows the pointer and the focus for as long as the calling component lives.
pub fn follow_pointed_sensor() {
    let over = window_event_listener(leptos::ev::pointerover, |e| {
        light(pointed(e.target()).as_deref())
    });
    let focus = window_event_listener(leptos::ev::focusin, |e| {
        light(pointed(e.target()).as_deref())
    });
    // Pointing at or focusing anything else lights nothing: no leave events needed.
    on_cleanup(move || {
        over.remove();
        focus.remove();
    });
}
