//! The page: the map with radar fans and the launch arc, the launch editor and flight figures, the side view,
//! the pictures (fused tracks and the warning-time comparison), the sensors with their detections, and the clock.

use crate::launch_form::AimForm;
use crate::map::flight_layer::FlightLayer;
use crate::map::sensor_layer::SensorLayer;
use crate::map::track_layer::TrackLayer;
use crate::map::MapView;
use crate::panels::{
    flight_facts::FlightFacts, launch_editor::LaunchEditor, pictures::PicturesPanel,
    scenario_editor::ScenarioEditor, sensors::SensorsPanel, side_view::SideViewChart,
};
use crate::scenario::{browser, sync};
use crate::state::AppState;
use crate::timeline::clock::Clock;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide();
    // `?embed`: the map and the clock only, filling the frame; nothing is stored (a sandboxed frame may have
    // no storage, and an embed must not replace the reader's own scenario).
    let embed = browser::is_embed();
    let notice = sync::start(app, embed);
    // The flight, the detections and five trackers take a few tens of milliseconds: the map paints first.
    let map_drawn = RwSignal::new(false);
    // A click on the map aims the launch there.
    let pick = move |(lat_deg, lon_deg): (f64, f64)| {
        if embed {
            return;
        }
        app.form
            .update(|f| f.aim = AimForm::Point { lat_deg, lon_deg });
        app.time_s.set(0.0);
    };
    let map = move || {
        view! {
            <div class="map-pane">
                <MapView on_pick=pick on_drawn=move |_| map_drawn.set(true)>
                    <Show when=move || map_drawn.get()>
                        <SensorLayer/>
                        <FlightLayer/>
                        <TrackLayer/>
                    </Show>
                </MapView>
            </div>
        }
    };
    if embed {
        return view! {
            <main class="workspace embed">{map()}</main>
            <footer class="clockbar"><Clock/></footer>
        }
        .into_any();
    }
    view! {
        <header class="topbar">
            <h1>"Shared Picture"</h1>
            <p class="tagline">"The trilateral missile-warning picture: Japan, South Korea and the United States"</p>
        </header>
        <main class="workspace">
            {map()}
            <aside class="side-panel">
                <ScenarioEditor notice=notice/>
                <LaunchEditor/>
                <Show when=move || map_drawn.get()>
                    <FlightFacts/>
                    <SideViewChart/>
                    <PicturesPanel/>
                    <SensorsPanel/>
                </Show>
            </aside>
        </main>
        <footer class="clockbar"><Clock/></footer>
    }
    .into_any()
}
