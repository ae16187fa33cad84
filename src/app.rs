//! The page: the map with radar fans and the launch arc, the launch editor and flight figures, the side view,
//! the pictures (fused tracks and the warning-time comparison), the sensors with their detections, the clock,
//! and the horizon explorer (opened from the header).

use crate::launch_form::AimForm;
use crate::map::split::PictureMaps;
use crate::panels::explorer::HorizonExplorer;
use crate::panels::{
    export::ExportPanel, flight_chart::FlightChartPanel, flight_facts::FlightFacts,
    launch_editor::LaunchEditor, pictures::PicturesPanel, sensors::SensorsPanel,
    side_view::SideViewChart, sources::SourcesButton,
};
use crate::state::AppState;
use crate::theme::ThemeToggle;
use crate::timeline::clock::Clock;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide();
    // The flight, the detections and five trackers take a few tens of milliseconds: the map paints first.
    let map_drawn = RwSignal::new(false);
    // The horizon explorer is built only when opened, so it costs the first paint nothing.
    let explorer_open = RwSignal::new(false);
    // A click on the map aims the launch there.
    let pick = move |(lat_deg, lon_deg): (f64, f64)| {
        app.form
            .update(|f| f.aim = AimForm::Point { lat_deg, lon_deg });
        app.time_s.set(0.0);
    };
    view! {
        <header class="topbar">
            <h1>"Shared Picture"</h1>
            <p class="tagline">"The trilateral missile-warning picture: Japan, South Korea and the United States"</p>
            <button type="button" class="open-explorer" aria-controls="horizon-explorer"
                aria-expanded=move || explorer_open.get().to_string()
                on:click=move |_| explorer_open.update(|o| *o = !*o)>"Horizon explorer"</button>
            <SourcesButton/>
            <ThemeToggle/>
        </header>
        <main class="workspace">
            <div class="map-pane">
                <PictureMaps on_pick=pick map_drawn=map_drawn/>
            </div>
            <aside class="side-panel">
                <LaunchEditor/>
                <Show when=move || map_drawn.get()>
                    <FlightFacts/>
                    <SideViewChart/>
                    <FlightChartPanel/>
                    <PicturesPanel/>
                    <SensorsPanel/>
                    <ExportPanel/>
                </Show>
            </aside>
        </main>
        <Show when=move || explorer_open.get()>
            <HorizonExplorer on_close=move |_| explorer_open.set(false)/>
        </Show>
        <footer class="clockbar"><Clock/></footer>
    }
}
