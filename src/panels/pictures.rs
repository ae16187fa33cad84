//! The pictures panel: which fusion centre's picture the map shows (and one to compare with), the
//! comparison table of warning time left at each milestone, and a warning-time chart.

use crate::charts::cursor_view::CursorChartView;
use crate::charts::table::track_error_rows;
use crate::charts::track_error::{track_error_chart, track_error_km};
use crate::charts::warning_chart::warning_chart;
use crate::panels::analysis_status::AnalysisStatus;
use crate::panels::chart_table::ChartTable;
use crate::state::{AnalysisError, AppState};
use leptos::prelude::*;
use picture_sim::tracking::metrics::Event;

/// The table's columns: each scored event with its key (the cells' `data-event`) and heading.
/// The heads of the SIAP table's columns, in the order of `Siap::columns`.
const SIAP_HEADS: [&str; 7] = [
    "Complete",
    "Ambiguity",
    "Spurious",
    "Position error (m)",
    "Velocity error (m/s)",
    "Track changes per min",
    "Longest hold",
];

const EVENTS: [(Event, &str, &str); 4] = [
    (Event::FirstDetection, "first-detection", "First detection"),
    (Event::Established, "established", "Track"),
    (Event::ImpactWithin100Km, "impact-100km", "Impact ±100 km"),
    (Event::ImpactWithin25Km, "impact-25km", "Impact ±25 km"),
];

fn secs(v: Option<f64>) -> String {
    v.map(|s| format!("{s:.0} s")).unwrap_or_else(|| "—".into())
}

#[component]
pub fn PicturesPanel() -> impl IntoView {
    let app = AppState::get();
    let names = move || {
        app.analysis.pictures.with(|p| {
            p.as_ref()
                .map(|p| p.runs.iter().map(|r| r.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let launch = move || {
        app.analysis
            .flight
            .with(|f| f.as_ref().map(|f| f.flight.trajectory.launch_time()).ok())
    };
    // The selected launch's first track, s after its own launch: the pictures say which launch each of their
    // missiles is.
    let first_track = move |name: &str| {
        let launch = launch()?;
        let sel = app.scenario.selected.get();
        app.analysis.pictures.with(|p| {
            p.as_ref()
                .ok()?
                .established(name, sel)
                .map(|t| (t - launch).as_secs_f64())
        })
    };
    // The charts below follow the pictures (and the selection), not the flight: after an edit the flight
    // changes a frame before the pictures, and a redraw against the old pictures would be wasted.
    let duration = move || {
        app.analysis
            .flight
            .with_untracked(|f| f.as_ref().map(|f| f.duration_s()).unwrap_or(1.0))
    };
    let warning = Memo::new(move |_| {
        app.scenario.selected.track();
        app.analysis.pictures.with(|p| {
            let p = p
                .as_ref()
                .map_err(|_| "No warning times yet.".to_string())?;
            // Measured against the compared picture, or else Japan alone (as the "now" line is).
            let baseline = app
                .view
                .compare_with
                .get()
                .unwrap_or_else(|| picture_sim::tracking::picture::JAPAN.to_string());
            warning_chart(
                &p.warning_left_s(Event::Established),
                duration(),
                p.run(&baseline).is_some().then_some(baseline.as_str()),
            )
        })
    });
    // Each picture's error against time, for the chart and its table.
    let series = move || {
        app.scenario.selected.track();
        app.analysis.pictures.track();
        app.analysis.flight.with_untracked(|f| {
            let f = f.as_ref().map_err(|_| "No flight to track.".to_string())?;
            app.analysis.pictures.with(|p| {
                let p = p.as_ref().map_err(|_| "No tracks yet.".to_string())?;
                let series: Vec<(String, Vec<(f64, f64)>)> = p
                    .runs
                    .iter()
                    .map(|r| (r.name.clone(), track_error_km(&r.snapshots, f)))
                    .collect();
                Ok::<_, String>((series, f.duration_s()))
            })
        })
    };
    let errors = Memo::new(move |_| {
        let (series, duration_s) = series()?;
        track_error_chart(&series, duration_s)
    });
    let error_heads = Signal::derive(move || {
        let names = app.analysis.pictures.with(|p| {
            p.as_ref()
                .map(|p| p.runs.iter().map(|r| format!("{} (km)", r.name)).collect())
                .unwrap_or_else(|_| Vec::new())
        });
        std::iter::once("Time".to_string())
            .chain::<Vec<String>>(names)
            .collect()
    });
    let error_rows = Signal::derive(move || {
        series()
            .map(|(s, d)| track_error_rows(&s, d, 60.0))
            .unwrap_or_default()
    });
    view! {
        <section class="panel pictures-panel" class:stale=move || app.analysis.pending.get() aria-labelledby="pictures-title">
            <h2 id="pictures-title">"Pictures"</h2>
            <AnalysisStatus/>
            <div class="pair">
                <label>"Map shows"
                    <select name="picture" on:change=move |ev| app.view.picture.set(event_target_value(&ev))>
                        {move || names().into_iter().map(|n| {
                            let (m, label) = (n.clone(), n.clone());
                            view! { <option value=n selected=move || app.view.picture.get() == m>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"Compare with"
                    <select name="compare-with" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        app.view.compare_with.set((!v.is_empty()).then_some(v))
                    }>
                        <option value="" selected=move || app.view.compare_with.get().is_none()>"None"</option>
                        {move || names().into_iter().map(|n| {
                            let (m, label) = (n.clone(), n.clone());
                            view! { <option value=n selected=move || app.view.compare_with.get().as_deref() == Some(m.as_str())>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <label class="inline side-by-side">
                <input type="checkbox" name="side-by-side"
                    prop:checked=move || app.view.side_by_side.get()
                    prop:disabled=move || app.view.compare_with.get().is_none()
                    on:change=move |ev| app.view.side_by_side.set(event_target_checked(&ev))/>
                "Side by side (two maps)"
            </label>
            <p class="picture-summary" data-picture=move || app.view.picture.get()
                data-first-track-s=move || first_track(&app.view.picture.get()).map(|t| format!("{t:.1}")).unwrap_or_default()>
                {move || {
                    let name = app.view.picture.get();
                    match first_track(&name) {
                        Some(t) => format!("{name}: first track T+{t:.0} s"),
                        None => format!("{name}: no track"),
                    }
                }}
            </p>
            {move || app.analysis.pictures.with(|p| match p {
                // No flight: the launch editor already says why.
                Err(AnalysisError::NoFlight) => view! { <p class="note">"No flight to track."</p> }.into_any(),
                Err(AnalysisError::Pending) => view! { <p class="note">"Computing the pictures..."</p> }.into_any(),
                Err(e) => view! { <p class="pictures-error" role="alert">{format!("Tracking: {e}")}</p> }.into_any(),
                Ok(p) => {
                    let rows = p.comparison.rows.clone();
                    let gains = p.comparison.sharing_gain.clone();
                    view! {
                        <table class="comparison">
                            <caption>"Warning time left (true impact minus the moment), worst missile"</caption>
                            <thead><tr><th scope="col">"Picture"</th>{EVENTS.iter().map(|(_, _, l)| view! { <th scope="col">{*l}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {rows.iter().map(|r| {
                                    let name = r.picture.clone();
                                    let selected = { let n = name.clone(); move || app.view.picture.get() == n };
                                    view! {
                                        <tr data-picture=name.clone() class:selected=selected>
                                            <th scope="row">{name.clone()}</th>
                                            {EVENTS.iter().map(|(event, key, _)| (*key, r.warning_left_s_at(*event))).map(|(key, v)| view! {
                                                <td data-event=key data-warning-s=v.map(|s| format!("{s:.1}")).unwrap_or_default()>{secs(v)}</td>
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                                {gains.iter().map(|g| view! {
                                    <tr class="gain"><th scope="row">{g.label()}</th>
                                        {EVENTS.iter().map(|(event, _, _)| g.gain_s_at(*event)).map(|v| view! { <td>{v.map(|s| format!("{s:+.0} s")).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <details class="siap">
                            <summary>"Picture quality (SIAP measures)"</summary>
                            <table class="siap-table">
                                <caption>"Over the flight: share of it tracked, tracks per tracked missile, share of tracks on no missile, mean errors, track changes, longest hold by one track"</caption>
                                <thead><tr><th scope="col">"Picture"</th>{SIAP_HEADS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {rows.iter().map(|r| view! {
                                        <tr data-picture=r.picture.clone()><th scope="row">{r.picture.clone()}</th>
                                            {r.siap.columns().into_iter().map(|(key, v, decimals)| view! {
                                                <td data-siap=key>{v.map_or_else(|| "—".to_string(), |v| format!("{v:.decimals$}"))}</td>
                                            }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }.into_any()
                }
            })}
            <h3>"Warning time at first track"</h3>
            <CursorChartView chart=warning cursor=Signal::derive(move || (duration() - app.clock.time_s.get()).max(0.0))
                name="warning-time" label="Warning time left when each picture first tracks the missile; the cursor is the time left to impact now"/>
            <p class="note">"The chart's figures are the \"Track\" column of the table above."</p>
            <h3>"Track error"</h3>
            <CursorChartView chart=errors cursor=app.clock.time_s name="track-error"
                label="Position error of each picture's best track against time after launch"/>
            <ChartTable heads=error_heads rows=error_rows/>
        </section>
    }
}
