//! The clock bar: play and pause, speed, a scrubber over the scenario with its markers, the clock in UTC, JST
//! and KST, and the keyboard (space, left and right arrows, Home and End). Time is seconds after the scenario
//! start.

use super::markers::{markers, position_pct, Marker};
use super::zones::{time_of_day, wall_clock, ZONES};
use crate::present::flight::format_elapsed;
use crate::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Playback tick: 30 frames a second is smooth for a marker moving a few pixels a frame.
const TICK: Duration = Duration::from_millis(33);
pub use crate::scenario::link::SPEEDS;
/// Arrow-key steps, seconds (with Shift the long step).
const STEP_S: f64 = 10.0;
const LONG_STEP_S: f64 = 60.0;

#[component]
pub fn Clock() -> impl IntoView {
    let app = AppState::get();
    // The scenario runs until its last flight ends.
    let duration = move || app.analysis.end_s.get();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if app.clock.playing.get_untracked() {
                let end = duration();
                let next = app.clock.time_s.get_untracked()
                    + app.clock.speed.get_untracked() * TICK.as_secs_f64();
                if next >= end {
                    app.clock.time_s.set(end);
                    app.clock.playing.set(false);
                } else {
                    app.clock.time_s.set(next);
                }
            }
        },
        TICK,
    ) {
        on_cleanup(move || handle.clear());
    }
    let toggle = move || {
        if !app.clock.playing.get_untracked() && app.clock.time_s.get_untracked() >= duration() {
            app.clock.time_s.set(0.0);
        }
        app.clock.playing.update(|p| *p = !*p);
    };
    let seek = move |t_s: f64| {
        app.clock.time_s.set(t_s.clamp(0.0, duration()));
    };
    // Page-wide keys, unless a control that uses them has focus or something (the map) already took them.
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() || uses_key(&e) {
            return;
        }
        let step = if e.shift_key() { LONG_STEP_S } else { STEP_S };
        match e.key().as_str() {
            " " => toggle(),
            "ArrowLeft" => seek(app.clock.time_s.get_untracked() - step),
            "ArrowRight" => seek(app.clock.time_s.get_untracked() + step),
            "Home" => seek(0.0),
            "End" => seek(duration()),
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());

    // The markers need every picture's tracks: they wait until the map has painted (two frames and a task),
    // so the first paint does not wait for five trackers. After an edit they follow the flights once its
    // frame has painted, with the pictures: redrawn at once, they would only show the new launch with the
    // old tracks' markers.
    let painted = RwSignal::new(false);
    crate::schedule::after_next_paint(move || painted.set(true));
    let marks = Memo::new(move |_| {
        if !painted.get() {
            return Vec::new();
        }
        app.analysis.settled.track();
        // Each launch's (launch, impact) time after the scenario start.
        let flights: Vec<(f64, f64)> = app.analysis.flights.with_untracked(|fs| {
            fs.iter()
                .filter_map(|f| f.as_ref().as_ref().ok())
                .map(|f| (f.launch_offset_s(), f.launch_offset_s() + f.duration_s()))
                .collect()
        });
        let shown = app.view.picture.get();
        let end_s = app.analysis.end_s.get_untracked();
        app.analysis
            .pictures
            .with(|p| match p {
                Ok(p) => markers(&flights, &p.runs, &shown),
                Err(_) => markers(&flights, &[], &shown),
            })
            .into_iter()
            .map(|m| (position_pct(m.t_s, end_s), m))
            .collect::<Vec<_>>()
    });
    // One Tab stop for all the markers (a toolbar's roving focus, WAI-ARIA Authoring Practices): the first
    // marker takes the focus, the arrows, Home and End move it along (`step_focus`).
    let marker_view = move |(i, (left, m)): (usize, (f64, Marker))| {
        let kind = m.kind.class();
        let title = format!("{} ({})", m.label, format_elapsed(m.t_s));
        let t_s = m.t_s;
        view! {
            <button class=format!("marker {kind}") style:left=format!("{left:.3}%")
                tabindex=if i == 0 { "0" } else { "-1" }
                title=title.clone() aria-label=title data-t=t_s.to_string()
                on:click=move |_| seek(t_s)></button>
        }
    };
    view! {
        <div class="clock" role="group" aria-label="Time" aria-keyshortcuts="Space ArrowLeft ArrowRight Home End">
            <button class="play" on:click=move |_| toggle() aria-label=move || if app.clock.playing.get() { "Pause" } else { "Play" }>
                {move || if app.clock.playing.get() { "❚❚" } else { "▶" }}
            </button>
            <label class="speed">"Speed"
                <select name="speed" on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        app.clock.speed.set(v)
                    }
                }>
                    {SPEEDS.into_iter().map(|s| view! {
                        <option value=s.to_string() selected=move || app.clock.speed.get() == s>{format!("{s}×")}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="scrub">
                <div class="markers" role="toolbar" aria-label="Events" on:keydown=step_focus>
                    {move || marks.get().into_iter().enumerate().map(marker_view).collect_view()}
                </div>
                <input class="scrubber" type="range" min="0" step="1" aria-label="Time after launch"
                    prop:max=move || duration().to_string()
                    prop:value=move || app.clock.time_s.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            app.clock.time_s.set(v)
                        }
                    }/>
            </div>
            <output class="elapsed" aria-live="off">{move || format_elapsed(app.clock.time_s.get())}</output>
            <div class="zones" aria-label="Clock">
                {ZONES.into_iter().map(|z| view! {
                    <span class="zone" data-zone=z.name
                        title=move || wall_clock(app.scenario.start_utc_s.get(), app.clock.time_s.get(), z).unwrap_or_else(|e| e.to_string())>
                        <abbr>{z.name}</abbr>" "
                        <time>{move || time_of_day(app.scenario.start_utc_s.get(), app.clock.time_s.get(), z).unwrap_or_else(|e| e.to_string())}</time>
                    </span>
                }).collect_view()}
            </div>
        </div>
    }
}

/// Moves the focus between the timeline's markers: the arrows to the neighbour, Home and End to the ends. The
/// key is then taken (`prevent_default`), so the page-wide keys do not also move the clock.
fn step_focus(e: ev::KeyboardEvent) {
    let Some(at) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(bar) = at.parent_element() else {
        return;
    };
    let next = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => at.next_element_sibling(),
        "ArrowLeft" | "ArrowUp" => at.previous_element_sibling(),
        "Home" => bar.first_element_child(),
        "End" => bar.last_element_child(),
        _ => return,
    };
    e.prevent_default();
    if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        at.set_attribute("tabindex", "-1").ok();
        next.set_attribute("tabindex", "0").ok();
        next.focus().ok();
    }
}

/// Whether the key goes to a control that uses it itself: any key in a text field, list or slider; space
/// and Enter on a button.
fn uses_key(e: &ev::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "input" | "select" | "textarea" => true,
        "button" | "summary" | "a" => matches!(e.key().as_str(), " " | "Enter"),
        _ => el.closest("[contenteditable]").ok().flatten().is_some(),
    }
}
