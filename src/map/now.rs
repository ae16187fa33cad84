//! The "now" line under the map: the picture at the clock's time in plain words (`present::now_line`).

use crate::present::now_line::{now_line, Moment};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn NowLine() -> impl IntoView {
    let app = AppState::get();
    let text = Memo::new(move |_| {
        let t_s = app.clock.time_s.get();
        let launch = app.scenario.selected.get();
        let picture = app.view.picture.get();
        app.analysis.flight.with(|f| {
            let flight = f.as_ref().ok()?;
            let first_track = app.analysis.pictures.with(|p| {
                p.as_ref()
                    .ok()
                    .and_then(|p| p.established(&picture, launch))
                    .map(|t| t.as_secs())
            });
            app.analysis.detections.with(|d| {
                Some(now_line(&Moment {
                    t_s,
                    launch,
                    flight,
                    rows: &d.rows,
                    picture: Some((picture.as_str(), first_track)),
                }))
            })
        })
    });
    view! { <p class="now-line">{move || text.get().unwrap_or_default()}</p> }
}
