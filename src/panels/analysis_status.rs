//! What the analyses are doing: "computing" while the figures shown are out of date, and, once, why they run
//! in the page if the worker could not start. Its data attributes let the end-to-end tests see where the
//! analyses ran and compare their results' fingerprints.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn AnalysisStatus() -> impl IntoView {
    let a = AppState::get().analysis;
    view! {
        <p class="analysis-status" role="status"
            data-venue=move || a.venue.get().key()
            data-pending=move || a.pending.get().to_string()
            data-fingerprint=move || a.fingerprint.get().map(|f| format!("{f:016x}")).unwrap_or_default()>
            {move || a.pending.get().then_some("Computing... (the figures below are out of date)")}
        </p>
        {move || a.notice.get().map(|n| view! { <p class="note analysis-notice">{n}</p> })}
    }
}
