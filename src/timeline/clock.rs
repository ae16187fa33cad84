//! The clock bar: play and pause, speed, and a scrubber over the scenario. Time is seconds after the
//! scenario start.

use crate::flight_view::format_elapsed;
use crate::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// Playback tick: 30 frames a second is smooth for a marker moving a few pixels a frame.
const TICK: Duration = Duration::from_millis(33);
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0];

#[component]
pub fn Clock() -> impl IntoView {
    let app = AppState::get();
    // The scenario runs until its last flight ends.
    let duration = move || app.end_s.get();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if app.playing.get_untracked() {
                let end = duration();
                let next =
                    app.time_s.get_untracked() + app.speed.get_untracked() * TICK.as_secs_f64();
                if next >= end {
                    app.time_s.set(end);
                    app.playing.set(false);
                } else {
                    app.time_s.set(next);
                }
            }
        },
        TICK,
    ) {
        on_cleanup(move || handle.clear());
    }
    let toggle = move |_| {
        if !app.playing.get_untracked() && app.time_s.get_untracked() >= duration() {
            app.time_s.set(0.0);
        }
        app.playing.update(|p| *p = !*p);
    };
    view! {
        <div class="clock" role="group" aria-label="Time">
            <button class="play" on:click=toggle aria-label=move || if app.playing.get() { "Pause" } else { "Play" }>
                {move || if app.playing.get() { "❚❚" } else { "▶" }}
            </button>
            <label class="speed">"Speed"
                <select name="speed" on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        app.speed.set(v)
                    }
                }>
                    {SPEEDS.into_iter().map(|s| view! {
                        <option value=s.to_string() selected=move || app.speed.get() == s>{format!("{s}×")}</option>
                    }).collect_view()}
                </select>
            </label>
            <input class="scrubber" type="range" min="0" step="1" aria-label="Time after launch"
                prop:max=move || duration().to_string()
                prop:value=move || app.time_s.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        app.time_s.set(v)
                    }
                }/>
            <output class="elapsed">{move || format_elapsed(app.time_s.get())}</output>
        </div>
    }
}
