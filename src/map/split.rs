//! The map pane: one map, or two side by side when a picture is compared "side by side". The two maps share
//! the clock and the scenario and move together: panning or zooming one pans or zooms the other.

use super::flight_layer::FlightLayer;
use super::sensor_layer::SensorLayer;
use super::track_layer::TrackLayer;
use super::view::{MapContext, MapView};
use crate::map::legend::MapLegend;
use crate::state::AppState;
use leptos::prelude::*;

thread_local! {
    /// The first map's context, for the share link (its centre and zoom).
    static PRIMARY: std::cell::Cell<Option<MapContext>> = const { std::cell::Cell::new(None) };
}

/// The first map's context, once it is mounted.
pub fn primary() -> Option<MapContext> {
    PRIMARY.with(|p| p.get())
}

/// Frames the scenario's flights on the maps (the second follows the first): the opening view, widened when
/// a flight runs beyond the theatre. What a preset does when it is chosen.
pub fn frame_flights(app: &AppState) {
    let Some(c) = primary() else { return };
    let Some(v) = c.view.try_get_untracked() else {
        return;
    };
    let points: Vec<(f64, f64)> = app.analysis.flights.with_untracked(|flights| {
        flights
            .iter()
            .filter_map(|f| f.as_ref().as_ref().ok())
            .flat_map(|f| f.track.iter().map(|p| (p.lat_deg, p.lon_deg)))
            .collect()
    });
    let fit = super::viewport::Viewport::fit(
        super::view::theatre_bounds(&c.proj),
        v.width_px,
        v.height_px,
    );
    c.view.set(super::view::framing(&c.proj, fit, points));
}

/// Copies `from`'s centre and scale into `to`, keeping `to`'s own size (the two panes may differ by a pixel).
fn follow(from: MapContext, to: MapContext) {
    let (a, b) = (from.view.get(), to.view.get_untracked());
    let next = super::viewport::Viewport {
        width_px: b.width_px,
        height_px: b.height_px,
        ..a
    };
    if next != b {
        to.view.set(next);
    }
}

#[component]
pub fn PictureMaps(
    /// A click (not a drag) on either map, in degrees.
    #[prop(into)]
    on_pick: Callback<(f64, f64)>,
    /// Set once the first map has painted: the overlays wait for it.
    map_drawn: RwSignal<bool>,
) -> impl IntoView {
    let app = AppState::get();
    let split =
        Memo::new(move |_| app.view.side_by_side.get() && app.view.compare_with.get().is_some());
    let left = RwSignal::new(None::<MapContext>);
    let right = RwSignal::new(None::<MapContext>);
    // Each map follows the other; `follow` only writes when something changed, so they settle.
    Effect::new(move |_| {
        if let (Some(l), Some(r)) = (left.get(), right.get()) {
            follow(l, r);
        }
    });
    Effect::new(move |_| {
        if let (Some(l), Some(r)) = (left.get(), right.get()) {
            follow(r, l);
        }
    });
    view! {
        <div class="map-split" class:split=move || split.get()>
            <figure class="map-frame" aria-label=move || if split.get() { format!("Map: {}", app.view.picture.get()) } else { "Map".to_string() }>
                <Show when=move || split.get()>
                    <figcaption><span class="picture-name">{move || app.view.picture.get()}</span>
                        <TrackStatus picture=Signal::derive(move || app.view.picture.get())/></figcaption>
                </Show>
                <MapView on_pick=on_pick on_drawn=move |_| map_drawn.set(true)
                    on_context=move |c| { PRIMARY.with(|p| p.set(Some(c))); left.set(Some(c)) }>
                    <Show when=move || map_drawn.get()>
                        <SensorLayer picture=Signal::derive(move || split.get().then(|| app.view.picture.get()))/>
                        <FlightLayer/>
                        <TrackLayer
                            primary=Signal::derive(move || Some(app.view.picture.get()))
                            secondary=Signal::derive(move || if split.get() { None } else { app.view.compare_with.get() })/>
                    </Show>
                </MapView>
                <MapLegend/>
            </figure>
            <Show when=move || split.get()>
                <ComparedMap on_pick=on_pick context=right/>
            </Show>
        </div>
    }
}

/// Whether a side-by-side map's picture has a track on the selected launch's missile at the clock's time.
#[component]
fn TrackStatus(picture: Signal<String>) -> impl IntoView {
    let app = AppState::get();
    let status = move || {
        let t_s = app.clock.time_s.get();
        let launch = app.scenario.selected.get();
        app.analysis.pictures.with(|p| {
            let p = p.as_ref().ok()?;
            let established = picture.with(|name| p.established(name, launch));
            Some(crate::present::pictures::track_status(
                established.map(|t| t.as_secs()),
                t_s,
            ))
        })
    };
    view! { <span class="track-status">{move || status().map(|s| format!(": {s}"))}</span> }
}

/// The second map, showing the compared picture. It forgets its context when it goes, so the first map stops
/// following it.
#[component]
fn ComparedMap(
    on_pick: Callback<(f64, f64)>,
    context: RwSignal<Option<MapContext>>,
) -> impl IntoView {
    let app = AppState::get();
    on_cleanup(move || context.set(None));
    let name = move || app.view.compare_with.get().unwrap_or_default();
    view! {
        <figure class="map-frame compared" aria-label=move || format!("Map: {}", name())>
            <figcaption><span class="picture-name">{name}</span>
                <TrackStatus picture=Signal::derive(name)/></figcaption>
            <MapView on_pick=on_pick on_context=move |c| context.set(Some(c))>
                <SensorLayer picture=Signal::derive(move || Some(name()))/>
                <FlightLayer/>
                <TrackLayer primary=Signal::derive(move || app.view.compare_with.get())
                    secondary=Signal::derive(|| None::<String>)/>
            </MapView>
        </figure>
    }
}
