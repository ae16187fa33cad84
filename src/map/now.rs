//! The "now" line under the map: the picture at the clock's time in plain words (`present::now_line`).

use crate::present::now_line::{now_line, Moment};
use crate::state::AppState;
use leptos::prelude::*;
use picture_sim::tracking::picture::JAPAN;

#[component]
pub fn NowLine() -> impl IntoView {
    let app = AppState::get();
    let text = Memo::new(move |_| {
        let t_s = app.clock.time_s.get();
        let launch = app.scenario.selected.get();
        let picture = app.view.picture.get();
        // Measured against the picture compared with it, or else Japan's own (the arrangement's point: what
        // sharing adds to the picture Japan would have alone).
        let baseline = app
            .view
            .compare_with
            .get()
            .unwrap_or_else(|| JAPAN.to_string());
        app.analysis.flight.with(|f| {
            let flight = f.as_ref().ok()?;
            let first_track = |name: &str| {
                app.analysis.pictures.with(|p| {
                    p.as_ref()
                        .ok()
                        .and_then(|p| p.established(name, launch))
                        .map(|t| t.as_secs())
                })
            };
            let has = |name: &str| {
                app.analysis
                    .pictures
                    .with(|p| p.as_ref().is_ok_and(|p| p.run(name).is_some()))
            };
            app.analysis.detections.with(|d| {
                Some(now_line(&Moment {
                    t_s,
                    launch,
                    flight,
                    rows: &d.rows,
                    picture: Some((picture.as_str(), first_track(&picture))),
                    baseline: (baseline != picture && has(&baseline))
                        .then(|| (baseline.as_str(), first_track(&baseline))),
                }))
            })
        })
    });
    // A focus stop: on a phone its words can outrun its fixed height, and a keyboard scrolls it only when
    // focused (axe-core's scrollable-region-focusable).
    view! { <p class="now-line" tabindex="0" role="region" aria-label="Now">{move || text.get().unwrap_or_default()}</p> }
}
