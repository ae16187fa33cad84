//! The picture log (`present::picture_log`): the selected launch's events up to the clock, as a list one click
//! away, and the latest of them in a polite live region, so a screen reader hears each as the clock passes it.

use crate::present::picture_log::{passed, picture_log, LogInput};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PictureLog() -> impl IntoView {
    let app = AppState::get();
    // A plain closure, not a Memo: a Memo of a new type brings its own copy of the reactive code, and the dozen
    // events cost nothing to build again when the clock passes one.
    let events = move || {
        let launch = app.scenario.selected.get();
        let picture = app.view.picture.get();
        app.analysis.flight.with(|f| {
            let Ok(flight) = f.as_ref() else {
                return Vec::new();
            };
            app.analysis.detections.with(|d| {
                app.analysis.pictures.with(|p| {
                    let metrics = p.as_ref().ok().and_then(|p| p.missile(&picture, launch));
                    picture_log(&LogInput {
                        launch,
                        flight,
                        rows: &d.rows,
                        picture: Some((picture.as_str(), metrics)),
                    })
                })
            })
        })
    };
    let shown = Memo::new(move |_| passed(&events(), app.clock.time_s.get()));
    // Only the newest event is announced, and only when the clock passes one (a Memo: not every frame).
    let latest = Memo::new(move |_| {
        let n = shown.get();
        n.checked_sub(1)
            .and_then(|i| events().into_iter().nth(i))
            .map(|e| e.text)
    });
    view! {
        <section class="panel picture-log" aria-label="Picture log">
            <details>
                <summary>"Picture log"</summary>
                <ol>
                    {move || events().into_iter().take(shown.get()).map(|e| view! {
                        <li>{e.text}</li>
                    }).collect_view()}
                </ol>
            </details>
            <p class="sr-only" aria-live="polite">{move || latest.get().unwrap_or_default()}</p>
        </section>
    }
}
