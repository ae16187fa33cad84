//! The page: the map with radar fans and the launch arc, the scenario and launch editors and flight figures,
//! the side view and charts, the pictures (fused tracks and the warning-time comparison), the sensors with
//! their detections, the exports, the clock, and the horizon explorer (opened from the header). With `?embed`,
//! only the map and the clock.

use crate::map::now::NowLine;
use crate::map::split::PictureMaps;
use crate::panels::explorer::HorizonExplorer;
use crate::panels::{
    export::ExportPanel,
    flight_chart::FlightChartPanel,
    flight_facts::FlightFacts,
    launch_editor::LaunchEditor,
    picture_log::PictureLog,
    pictures::PicturesPanel,
    scenario_editor::ScenarioEditor,
    sensors::SensorsPanel,
    side_view::SideViewChart,
    sources::SourcesButton,
    tour::{first_visit, TourButton, TourCard},
};
use crate::present::launch_form::AimForm;
use crate::scenario::{browser, sync};
use crate::state::AppState;
use crate::theme::ThemeToggle;
use crate::timeline::clock::Clock;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide();
    crate::map::highlight::follow_pointed_sensor();
    // `?embed`: the map and the clock only, filling the frame; nothing is stored (a sandboxed frame may have
    // no storage, and an embed must not replace the reader's own scenario).
    let embed = browser::is_embed();
    let keeper = sync::start(app, embed);
    // The flight, the detections and five trackers take a few tens of milliseconds: the map paints first.
    let map_drawn = RwSignal::new(false);
    // The horizon explorer is built only when opened, so it costs the first paint nothing.
    let explorer_open = app.view.explorer_open;
    // A click on the map aims the selected launch there.
    let pick = move |(lat_deg, lon_deg): (f64, f64)| {
        if embed {
            return;
        }
        app.scenario
            .edit_form(|f| f.aim = AimForm::Point { lat_deg, lon_deg });
        app.clock.rewind();
    };
    if embed {
        let options = crate::embed::host::start(app);
        let hides = |h: &str| options.hide.contains(&h);
        let main_class = if hides("legend") {
            "workspace embed hide-legend"
        } else {
            "workspace embed"
        };
        return view! {
            // Named: the share dialog's preview puts an embed in the full page, landmarks and all.
            <main class=main_class aria-label="Picture">
                <div class="map-pane">
                    <PictureMaps on_pick=pick map_drawn=map_drawn/>
                </div>
            </main>
            <footer class="clockbar" aria-label="Clock" hidden=hides("clock")><Clock/></footer>
        }
        .into_any();
    }
    // The first-visit tour (not in an embed, which has returned above: it shows the map and clock only).
    let tour = RwSignal::new(first_visit());
    view! {
        // The first Tab stops: past the header to the map, or past the map and the panels to the clock.
        <a class="skip-link" href="#map" on:click=skip_to(".map")>"Skip to the map"</a>
        <a class="skip-link" href="#controls" on:click=skip_to(".clock .play")>"Skip to the controls"</a>
        <header class="topbar">
            <h1>"Shared Picture"</h1>
            <p class="tagline">"The trilateral missile-warning picture: Japan, South Korea and the United States"</p>
            <button type="button" class="open-explorer" aria-controls="horizon-explorer"
                aria-expanded=move || explorer_open.get().to_string()
                on:click=move |_| explorer_open.update(|o| *o = !*o)>"Horizon explorer"</button>
            <TourButton tour=tour/>
            <SourcesButton/>
            <ThemeToggle/>
        </header>
        <main class="workspace">
            <div class="map-pane" id="map">
                <PictureMaps on_pick=pick map_drawn=map_drawn/>
                <NowLine/>
            </div>
            <aside class="side-panel">
                <ScenarioEditor keeper=keeper/>
                <LaunchEditor/>
                <Show when=move || map_drawn.get()>
                    <FlightFacts/>
                    <SideViewChart/>
                    <FlightChartPanel/>
                    <PicturesPanel/>
                    <PictureLog/>
                    <SensorsPanel/>
                    <ExportPanel/>
                </Show>
            </aside>
        </main>
        <TourCard tour=tour/>
        <Show when=move || explorer_open.get()>
            <HorizonExplorer on_close=move |_| explorer_open.set(false)/>
        </Show>
        <footer class="clockbar" id="controls"><Clock/></footer>
    }
    .into_any()
}

/// A skip link's action: the focus moves to the first element matching `selector`, and the address, which holds
/// the scenario, keeps its fragment.
fn skip_to(selector: &'static str) -> impl Fn(web_sys::MouseEvent) {
    move |e| {
        e.prevent_default();
        browser::focus(selector);
    }
}
