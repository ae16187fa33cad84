//! `use_pan_zoom`: the map's viewport driven by pointer drag, two-finger pinch, the wheel, the keyboard and
//! zoom buttons. The maths is in `viewport`; this hook only turns events into calls of it. It returns a
//! `Copy` handle whose methods the view attaches with `on:` (so no listener outlives its element).

use super::viewport::{MapBounds, Viewport};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// A view asked for (by a link) before the map was laid out: its centre and zoom, taken by the first map
    /// that fits itself to its element.
    static REQUESTED: std::cell::Cell<Option<(super::projection::MapPoint, f64)>> = const { std::cell::Cell::new(None) };
}

/// Asks the map that fits itself next to open on `center`, zoomed by `zoom` (1: the fitted view).
pub fn request_view(center: super::projection::MapPoint, zoom: f64) {
    REQUESTED.with(|r| r.set(Some((center, zoom))));
}

/// Wheel zoom per pixel of wheel travel: one notch (100 px) zooms by about 1.22.
const WHEEL_ZOOM_PER_PX: f64 = 0.002;
/// A press that moves less than this (px) before release is a click, not a drag.
const CLICK_SLOP_PX: f64 = 4.0;

#[derive(Clone, Copy)]
pub struct UsePanZoomReturn {
    /// Put on the element that receives the gestures and whose size is the screen.
    pub node_ref: NodeRef<Div>,
    pub view: RwSignal<Viewport>,
    /// The pointer's position on the element (CSS px), while it is over it.
    pub pointer: RwSignal<Option<(f64, f64)>>,
    /// Active pointers (id -> last position) for drag and pinch.
    active: StoredValue<BTreeMap<i32, (f64, f64)>>,
    /// Where the current press started, and whether it has moved far enough to be a drag rather than a click.
    press: StoredValue<Option<((f64, f64), bool)>>,
    initial: MapBounds,
    limits: MapBounds,
}

pub fn use_pan_zoom(initial: MapBounds, limits: MapBounds) -> UsePanZoomReturn {
    let pz = UsePanZoomReturn {
        node_ref: NodeRef::new(),
        view: RwSignal::new(Viewport::fit(initial, 960.0, 640.0)),
        pointer: RwSignal::new(None),
        active: StoredValue::new(BTreeMap::new()),
        press: StoredValue::new(None),
        initial,
        limits,
    };
    let resize = window_event_listener(ev::resize, move |_| pz.measure());
    on_cleanup(move || resize.remove());
    // The element can change size without the window doing so (a second map opened beside it, a panel
    // shown): follow the element itself. The observer's first report, which comes once the page is laid out,
    // fits the theatre to the element's real size: measuring it as soon as it is mounted would force a layout
    // of the whole page in the middle of the start-up task (about 50 ms on this machine).
    let fitted = StoredValue::new(false);
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(el) = pz.node_ref.get() else {
            return;
        };
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            if fitted.get_value() {
                pz.measure();
            } else if let Some(el) = pz.node_ref.get_untracked() {
                let r = el.get_bounding_client_rect();
                if r.width() > 0.0 && r.height() > 0.0 {
                    fitted.set_value(true);
                    let fit = Viewport::fit(initial, r.width(), r.height());
                    let asked = REQUESTED.with(|r| r.take());
                    pz.view
                        .set(asked.map_or(fit, |(c, z)| fit.at(c, z, limits)));
                }
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            ro.observe(&el);
            observer.set_value(Some((ro, on_resize)));
        }
    });
    on_cleanup(move || {
        observer.try_with_value(|o| {
            if let Some((ro, _)) = o {
                ro.disconnect();
            }
        });
    });
    pz
}

impl UsePanZoomReturn {
    fn local(&self, client_x: i32, client_y: i32) -> (f64, f64) {
        match self.node_ref.get_untracked() {
            Some(el) => {
                let r = el.get_bounding_client_rect();
                (client_x as f64 - r.left(), client_y as f64 - r.top())
            }
            None => (client_x as f64, client_y as f64),
        }
    }

    fn set(&self, v: Viewport) {
        self.view.set(v.clamped_to(self.limits));
    }

    /// Follows the element's size (window resizes, an embedding iframe resized).
    pub fn measure(&self) {
        if let Some(el) = self.node_ref.get_untracked() {
            let r = el.get_bounding_client_rect();
            let v = self.view.get_untracked();
            if r.width() > 0.0
                && r.height() > 0.0
                && (v.width_px, v.height_px) != (r.width(), r.height())
            {
                self.view.set(v.resized(r.width(), r.height()));
            }
        }
    }

    pub fn pointer_down(&self, e: ev::PointerEvent) {
        let p = self.local(e.client_x(), e.client_y());
        self.active.update_value(|a| {
            a.insert(e.pointer_id(), p);
        });
        let first = self.active.with_value(|a| a.len() == 1);
        self.press.set_value(first.then_some((p, false)));
        if let Some(el) = self.node_ref.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
    }

    pub fn pointer_move(&self, e: ev::PointerEvent) {
        let p = self.local(e.client_x(), e.client_y());
        self.pointer.set(Some(p));
        let before = self.active.with_value(|a| a.clone());
        let Some(&prev) = before.get(&e.pointer_id()) else {
            return;
        };
        self.active.update_value(|a| {
            a.insert(e.pointer_id(), p);
        });
        self.press.update_value(|press| {
            if let Some((start, moved)) = press {
                *moved |= (p.0 - start.0).hypot(p.1 - start.1) > CLICK_SLOP_PX;
            }
        });
        let v = self.view.get_untracked();
        match before.iter().find(|(id, _)| **id != e.pointer_id()) {
            None => self.set(v.pan(p.0 - prev.0, p.1 - prev.1)),
            Some((_, &other)) => {
                // Pinch: zoom by the change of the fingers' distance about their midpoint, and pan by the
                // midpoint's motion.
                let d0 = (prev.0 - other.0).hypot(prev.1 - other.1);
                let d1 = (p.0 - other.0).hypot(p.1 - other.1);
                let m0 = ((prev.0 + other.0) / 2.0, (prev.1 + other.1) / 2.0);
                let m1 = ((p.0 + other.0) / 2.0, (p.1 + other.1) / 2.0);
                if d0 > 1.0 {
                    self.set(
                        v.pan(m1.0 - m0.0, m1.1 - m0.1)
                            .zoom_about(m1.0, m1.1, d1 / d0),
                    );
                }
            }
        }
    }

    /// Ends a press; returns the position (px on the element) if the press was a click.
    pub fn pointer_up(&self, e: ev::PointerEvent) -> Option<(f64, f64)> {
        let was_alone = self
            .active
            .with_value(|a| a.len() == 1 && a.contains_key(&e.pointer_id()));
        self.active.update_value(|a| {
            a.remove(&e.pointer_id());
        });
        let press = self.press.get_value();
        self.press.set_value(None);
        match press {
            Some((start, false)) if was_alone && e.type_() == "pointerup" => Some(start),
            _ => None,
        }
    }

    pub fn pointer_leave(&self, e: ev::PointerEvent) {
        if self.active.with_value(|a| !a.contains_key(&e.pointer_id())) {
            self.pointer.set(None);
        }
    }

    pub fn wheel(&self, e: ev::WheelEvent) {
        e.prevent_default();
        let p = self.local(e.client_x(), e.client_y());
        // Lines and pages in pixels, as browsers count them for smooth scrolling.
        let unit = match e.delta_mode() {
            1 => 40.0,
            2 => 800.0,
            _ => 1.0,
        };
        let factor = (-e.delta_y() * unit * WHEEL_ZOOM_PER_PX).exp();
        self.set(self.view.get_untracked().zoom_about(p.0, p.1, factor));
    }

    pub fn key(&self, e: ev::KeyboardEvent) {
        let v = self.view.get_untracked();
        let next = match e.key().as_str() {
            "ArrowLeft" => v.pan(60.0, 0.0),
            "ArrowRight" => v.pan(-60.0, 0.0),
            "ArrowUp" => v.pan(0.0, 60.0),
            "ArrowDown" => v.pan(0.0, -60.0),
            "+" | "=" => v.zoom_about(v.width_px / 2.0, v.height_px / 2.0, 1.5),
            "-" | "_" => v.zoom_about(v.width_px / 2.0, v.height_px / 2.0, 1.0 / 1.5),
            "0" => Viewport::fit(self.initial, v.width_px, v.height_px),
            _ => return,
        };
        e.prevent_default();
        self.set(next);
    }

    /// Zooms about the centre of the element by a factor (>1 zooms in).
    pub fn zoom_by(&self, factor: f64) {
        let v = self.view.get_untracked();
        self.set(v.zoom_about(v.width_px / 2.0, v.height_px / 2.0, factor));
    }

    /// Back to the initial view.
    pub fn reset(&self) {
        let v = self.view.get_untracked();
        self.view
            .set(Viewport::fit(self.initial, v.width_px, v.height_px));
    }
}
