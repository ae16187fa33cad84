//! The sensors panel: the fan altitude and refraction controls, each sensor with its toggle and first
//! detection (or why it could not see earlier), and the detection timeline.

use crate::charts::cursor_view::CursorChartView;
use crate::charts::detection_timeline::detection_timeline;
use crate::charts::table::timeline_rows;
use crate::panels::chart_table::ChartTable;
use crate::present::detections::{nation_colour, nation_name, reason_text};
use crate::present::flight::following_fan_alt_km;
use crate::present::launch_form::parse_field;
use crate::present::sensor_details::details;
use crate::state::view::FAN_NATIONS;
use crate::state::AppState;
use leptos::prelude::*;
use picture_sim::sensors::Refraction;
use picture_sim::tracking::sorted::sort_stable_by;

/// Why a typed k was refused (k keeps its value). The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KError {
    /// Not a number (the message names the field).
    #[error("{0}")]
    NotANumber(String),
    /// A number outside the range the models are good for.
    #[error("Refraction k: {k} is outside 0.5 to 10")]
    Outside { k: f64 },
}

#[component]
pub fn SensorsPanel() -> impl IntoView {
    let app = AppState::get();
    let k_error = RwSignal::new(None::<KError>);
    let k_choice = move || match app.view.refraction.get() {
        Refraction::Ray => "ray",
        Refraction::K(k) if (k - 1.0).abs() < 1e-12 => "1",
        Refraction::K(k) if (k - 4.0 / 3.0).abs() < 1e-12 => "4/3",
        Refraction::K(_) => "custom",
    };
    let set_k = move |k: f64| app.view.refraction.set(Refraction::K(k));
    let custom_k = move || match app.view.refraction.get() {
        Refraction::K(k) => k,
        Refraction::Ray => 1.5,
    };
    let rows = move || {
        let mut rows = app.analysis.detections.get().rows;
        sort_stable_by(&mut rows, |a, b| {
            a.first_detection_s
                .unwrap_or(f64::INFINITY)
                .total_cmp(&b.first_detection_s.unwrap_or(f64::INFINITY))
        });
        rows
    };
    // The timeline spans the scenario (detection times are seconds after its start). The detections follow
    // every change of the flights, so the end is read with them, not tracked on its own (which would redraw
    // the chart against the old detections first).
    let duration = move || app.analysis.end_s.get_untracked().max(1.0);
    // Redrawn when the detections change, never by the clock (the cursor is an overlay).
    let timeline = Memo::new(move |_| detection_timeline(&rows(), duration()));
    let all = move || app.scenario.sensors.get().unwrap_or_default();
    // Sensors by first detection; those that never detect (or are off) last, in catalog order.
    let order = move || {
        let rows = app.analysis.detections.get().rows;
        let first = |i: usize| {
            rows.iter()
                .find(|r| r.index == i)
                .and_then(|r| r.first_detection_s)
                .unwrap_or(f64::INFINITY)
        };
        let mut order: Vec<usize> = (0..all().len()).collect();
        sort_stable_by(&mut order, |a, b| first(*a).total_cmp(&first(*b)));
        order
    };

    // The fans show who covers the missile now: its altitude as the clock runs, in 10 km steps.
    Effect::new(move |_| {
        if !app.view.fans_follow.get() {
            return;
        }
        let t = app.clock.time_s.get();
        let alt = app
            .analysis
            .flight
            .with(|f| f.as_ref().ok().map(|f| following_fan_alt_km(f, t)));
        if let Some(alt) = alt.filter(|a| *a != app.view.fan_alt_km.get_untracked()) {
            app.view.fan_alt_km.set(alt);
        }
    });
    view! {
        <section class="panel sensors-panel" class:stale=move || app.analysis.pending.get() aria-labelledby="sensors-title">
            <h2 id="sensors-title">"Sensors"</h2>
            <label class="fan-altitude">"Radar fans for a target at "
                <output>{move || format!("{:.0} km", app.view.fan_alt_km.get())}</output>
                <input type="range" name="fan-altitude" min="0" max="1000" step="10" aria-label="Fan altitude (km)"
                    prop:value=move || app.view.fan_alt_km.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            app.view.fans_follow.set(false);
                            app.view.fan_alt_km.set(v)
                        }
                    }/>
            </label>
            <label class="inline fans-follow"><input type="checkbox" name="fans-follow" prop:checked=move || app.view.fans_follow.get()
                on:change=move |ev| app.view.fans_follow.set(event_target_checked(&ev))/>
                "Follow the missile's altitude"</label>
            <fieldset class="fan-nations">
                <legend>"Fans shown"</legend>
                {FAN_NATIONS.iter().zip(app.view.fans_shown).map(|(n, shown)| view! {
                    <label class="inline"><input type="checkbox" name="fan-nation" value=format!("{n:?}")
                        prop:checked=move || shown.get() on:change=move |ev| shown.set(event_target_checked(&ev))/>
                        <span class="chip" style:background=nation_colour(*n)></span>{nation_name(*n)}</label>
                }).collect_view()}
            </fieldset>
            <div class="k-factor">
                <label>"Refraction"
                    <select name="k" on:change=move |ev| match event_target_value(&ev).as_str() {
                        "ray" => app.view.refraction.set(Refraction::Ray),
                        "1" => set_k(1.0),
                        "4/3" => set_k(4.0 / 3.0),
                        _ => set_k(1.5),
                    }>
                        <option value="ray" selected=move || k_choice() == "ray">"Traced through the atmosphere (ITU-R P.453)"</option>
                        <option value="1" selected=move || k_choice() == "1">"k = 1: geometric, no refraction"</option>
                        <option value="4/3" selected=move || k_choice() == "4/3">"k = 4/3: the low-altitude rule"</option>
                        <option value="custom" selected=move || k_choice() == "custom">"Custom k"</option>
                    </select>
                </label>
                <Show when=move || k_choice() == "custom">
                    <label>"k"<input name="k-custom" type="number" min="0.5" max="10" step="0.01" prop:value=move || format!("{:.2}", custom_k())
                        on:change=move |ev| match parse_field("Refraction k", &event_target_value(&ev)) {
                            Ok(v) if (0.5..=10.0).contains(&v) => { k_error.set(None); set_k(v) }
                            Ok(k) => k_error.set(Some(KError::Outside { k })),
                            Err(e) => k_error.set(Some(KError::NotANumber(e))),
                        }/></label>
                </Show>
                {move || k_error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                <p class="note">"Traced rays bend only where the air is, in the lowest tens of kilometres. k = 4/3 bends them as the air near the ground does all the way up, and so puts a missile 100 km up over the horizon about 100 km too far out."</p>
            </div>
            <table class="sensor-list">
                <thead><tr><th scope="col">"On"</th><th scope="col">"Sensor"</th><th scope="col">"First detection"</th></tr></thead>
                <tbody>
                    // Keyed rows: a row (and its checkbox's focus) survives re-ordering and re-detection.
                    <For each=order key=|i| *i let:i>
                        {
                            let s = all().get(i).cloned();
                            let row = move || app.analysis.detections.with(|d| d.rows.iter().find(|r| r.index == i).cloned());
                            let on = move || app.scenario.enabled.with(|e| e.get(i).copied().unwrap_or(true));
                            let first = move || row().and_then(|r| r.first_detection_s);
                            let why = move || row().and_then(|r| r.held_back_by).map(reason_text).unwrap_or("");
                            s.map(|s| view! {
                                <tr data-sensor=s.name.clone() data-nation=format!("{:?}", s.nation)
                                    data-first-detection-s=move || first().map(|t| format!("{t:.1}")).unwrap_or_default()>
                                    <td><input type="checkbox" prop:checked=on aria-label=format!("Use {}", s.name)
                                        on:change=move |ev| { let c = event_target_checked(&ev); app.scenario.enabled.update(|e| if let Some(x) = e.get_mut(i) { *x = c }) }/></td>
                                    <td><details class="sensor-details">
                                        <summary><span class="chip" style:background=nation_colour(s.nation) title=nation_name(s.nation)></span>{s.name.clone()}
                                        {s.provenance.notional_site.then(|| view! { <span class="tag" title="The site is notional: its real position is not public">"notional"</span> })}</summary>
                                        <dl>
                                            {details(&s).into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                                        </dl>
                                    </details></td>
                                    <td class="first">{move || match (first(), on()) {
                                        (_, false) => "off".to_string(),
                                        (Some(t), _) => format!("T+{t:.0} s"),
                                        (None, _) => format!("none ({})", why()),
                                    }}
                                    {move || (first().is_some() && !why().is_empty()).then(|| view! { <span class="why">{format!("before: {}", why())}</span> })}</td>
                                </tr>
                            })
                        }
                    </For>
                </tbody>
            </table>
            <h2>"Detection timeline"</h2>
            <CursorChartView chart=timeline cursor=app.clock.time_s name="detection-timeline"
                label="Detections of each sensor against time after launch"/>
            <ChartTable heads=Signal::derive(|| ["Sensor", "Detecting the missile", "Detections"].map(String::from).to_vec())
                rows=Signal::derive(move || timeline_rows(&rows()))/>
        </section>
    }
}
