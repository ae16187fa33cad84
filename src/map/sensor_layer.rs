//! Radar fans on the map: each sensor's ground footprint for a target at the chosen altitude, coloured by
//! nation and drawn beneath the launch arc, the radar sites, and at the current time a line from each radar
//! that has the missile to the missile.

use super::paths::path_data;
use super::view::MapContext;
use crate::detection_view::nation_colour;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SensorLayer() -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    let fans = Memo::new(move |_| {
        let sensors = app.sensors.get().unwrap_or_default();
        app.coverage.with(|c| match c {
            Ok(c) => c
                .iter()
                .map(|(i, f)| {
                    let ring = |r: &[picture_sim::sensors::LatLon]| {
                        path_data(
                            r.iter().map(|p| map.proj.forward(p.lat_deg, p.lon_deg)),
                            true,
                        )
                    };
                    let d = ring(&f.outer) + &f.hole.as_deref().map(ring).unwrap_or_default();
                    (
                        sensors[*i].name.clone(),
                        nation_colour(sensors[*i].nation),
                        d,
                    )
                })
                .collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    });
    let sites = move || {
        let on = app.enabled.get();
        app.sensors.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.iter()
                        .enumerate()
                        .filter(|(i, _)| on.get(*i).copied().unwrap_or(true))
                        .filter_map(|(i, s)| {
                            s.radar()
                                .map(|r| (i, s.name.clone(), nation_colour(s.nation), r.site()))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let lines = move || {
        let t = app.time_s.get();
        let Some(missile) = app.flight.with(|f| f.as_ref().ok().map(|f| f.at(t))) else {
            return Vec::new();
        };
        if missile.alt_km <= 0.0 && t > 0.0 {
            return Vec::new();
        }
        let sensors = app.sensors.get().unwrap_or_default();
        app.detections.with(|d| {
            d.rows
                .iter()
                .filter(|r| r.sees_at(t))
                .filter_map(|r| {
                    let site = sensors.get(r.index)?.radar()?.site();
                    Some((
                        r.name.clone(),
                        nation_colour(r.nation),
                        map.screen(site.lat_deg(), site.lon_deg()),
                        map.screen(missile.lat_deg, missile.lon_deg),
                    ))
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <g class="sensor-layer">
            <g class="fans" transform=move || map.world_transform()>
                {move || fans.get().into_iter().map(|(name, colour, d)| view! {
                    <path class="fan" d=d fill=colour stroke=colour data-sensor=name vector-effect="non-scaling-stroke"></path>
                }).collect_view()}
            </g>
            <g class="sight-lines">
                {move || lines().into_iter().map(|(name, colour, a, b)| view! {
                    <line class="sight-line" x1=a.0 y1=a.1 x2=b.0 y2=b.1 stroke=colour data-sensor=name></line>
                }).collect_view()}
            </g>
            <g class="sensor-sites">
                {move || sites().into_iter().map(|(_, name, colour, g)| {
                    let (x, y) = map.screen(g.lat_deg(), g.lon_deg());
                    let title = name.clone();
                    view! {
                        <path class="sensor-site" d=format!("M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", y - 6.0, x + 5.5, y + 4.0, x - 5.5, y + 4.0)
                            fill=colour data-sensor=name>
                            <title>{title}</title>
                        </path>
                    }
                }).collect_view()}
            </g>
        </g>
    }
}
