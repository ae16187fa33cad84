//! Radar fans on the map: each sensor's ground footprint for a target at the chosen altitude, coloured by
//! nation and drawn beneath the launch arc, the radar sites, and at the current time a line from each radar
//! that has the missile to the missile. Ship radars can be dragged to a new station: the marker follows the
//! pointer and the fan, detections and pictures follow when it is dropped.

use super::paths::path_data;
use super::view::MapContext;
use crate::present::detections::nation_colour;
use crate::state::AppState;
use leptos::prelude::*;
use picture_sim::sensors::{Nation, SensorKind};
use wasm_bindgen::JsCast;

/// A ship being dragged: its catalog index and where the pointer has it now (lat, lon degrees).
type ShipDrag = Option<(usize, (f64, f64))>;

/// The pointer's position on the map (lat, lon degrees): the map's SVG fills the map pane.
fn pointer_lat_lon(map: &MapContext, e: &leptos::ev::PointerEvent) -> Option<(f64, f64)> {
    let el: web_sys::Element = e.target()?.dyn_into().ok()?;
    let svg = el.closest(".map-svg").ok()??;
    let r = svg.get_bounding_client_rect();
    let (x, y) = (
        e.client_x() as f64 - r.left(),
        e.client_y() as f64 - r.top(),
    );
    Some(map.proj.inverse(map.view.get_untracked().to_map(x, y)))
}

/// Whether a nation's sensors are drawn, given the nations shown (`None`: all).
fn shown(nations: &Option<Vec<Nation>>, n: Nation) -> bool {
    nations.as_ref().is_none_or(|ns| ns.contains(&n))
}

/// The radars, their fans and their lines of sight. With `picture`, only the sensors of that picture's nations:
/// a side-by-side map shows what its own picture is built from.
#[component]
pub fn SensorLayer(picture: Signal<Option<String>>) -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    // The nations shown, `None` for all.
    let nations = move || {
        let name = picture.get()?;
        app.scenario
            .picture_configs
            .with(|c| crate::present::pictures::picture_nations(c, &name))
    };
    let fans = Memo::new(move |_| {
        let sensors = app.scenario.sensors.get().unwrap_or_default();
        let ns = nations();
        app.analysis.coverage.with(|c| match c {
            Ok(c) => c
                .iter()
                .filter(|(i, _)| shown(&ns, sensors[*i].nation))
                .map(|(i, f)| {
                    let ring = |r: &[picture_sim::sensors::LatLon]| {
                        path_data(
                            r.iter().map(|p| map.proj.forward(p.lat_deg, p.lon_deg)),
                            true,
                        )
                    };
                    let d = ring(&f.outer) + &f.hole.as_deref().map(ring).unwrap_or_default();
                    (sensors[*i].name.clone(), sensors[*i].nation, d)
                })
                .collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    });
    let sites = move || {
        let on = app.scenario.enabled.get();
        let ns = nations();
        app.scenario.sensors.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.iter()
                        .enumerate()
                        .filter(|(i, s)| {
                            on.get(*i).copied().unwrap_or(true) && shown(&ns, s.nation)
                        })
                        .filter_map(|(i, s)| {
                            let ship = matches!(s.kind, SensorKind::ShipRadar(_));
                            s.radar().map(|r| {
                                let g = r.site();
                                (
                                    i,
                                    s.name.clone(),
                                    nation_colour(s.nation),
                                    (g.lat_deg(), g.lon_deg()),
                                    ship,
                                    s.nation,
                                )
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let drag = RwSignal::new(ShipDrag::None);
    // At the current time, a line from each radar that has a missile to that missile: each row of the
    // detections is one sensor's view of one launch, and says which.
    let lines = move || {
        let t = app.clock.time_s.get();
        // Each launch's missile, if it is in the air now.
        let missiles: Vec<Option<(f64, f64)>> = app.analysis.flights.with(|fs| {
            fs.iter()
                .map(|f| {
                    let f = f.as_ref().as_ref().ok()?;
                    let p = f.in_flight_at(t).then(|| f.at_scenario(t))?;
                    (p.alt_km > 0.0 || t <= 0.0).then_some((p.lat_deg, p.lon_deg))
                })
                .collect()
        });
        if missiles.iter().all(Option::is_none) {
            return Vec::new();
        }
        let ns = nations();
        // Borrowed, not cloned: this runs every frame of playback.
        app.scenario.sensors.with(|sensors| {
            let sensors = sensors.as_deref().unwrap_or_default();
            app.analysis.detections.with(|d| {
                d.rows
                    .iter()
                    .filter_map(|r| {
                        if !shown(&ns, r.nation) {
                            return None;
                        }
                        r.seen_at(t)?;
                        let missile = (*missiles.get(r.launch)?)?;
                        let site = sensors.get(r.index)?.radar()?.site();
                        let (lat, lon) = (site.lat_deg(), site.lon_deg());
                        Some((
                            r.name.clone(),
                            nation_colour(r.nation),
                            map.screen(lat, lon),
                            map.screen(missile.0, missile.1),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };

    // A nation's fans are hidden by a class (style/app.css), so the filter redraws nothing.
    let [kr, jp, us] = app.view.fans_shown;
    view! {
        <g class="sensor-layer" class:hide-KR=move || !kr.get() class:hide-JP=move || !jp.get() class:hide-US=move || !us.get()>
            <g class="fans" transform=move || map.world_transform()>
                {move || fans.get().into_iter().map(|(name, nation, d)| view! {
                    <path class="fan" d=d fill=nation_colour(nation) stroke=nation_colour(nation) data-sensor=name
                        data-nation=format!("{nation:?}") vector-effect="non-scaling-stroke"></path>
                }).collect_view()}
            </g>
            <g class="sight-lines">
                {move || lines().into_iter().map(|(name, colour, a, b)| view! {
                    <line class="sight-line" x1=a.0 y1=a.1 x2=b.0 y2=b.1 stroke=colour data-sensor=name></line>
                }).collect_view()}
            </g>
            <g class="sensor-sites">
                {move || sites().into_iter().filter(|s| !s.4).map(|(_, name, colour, (lat, lon), _, nation)| {
                    let (x, y) = map.screen(lat, lon);
                    let title = name.clone();
                    view! {
                        <path class="sensor-site" d=format!("M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", y - 6.0, x + 5.5, y + 4.0, x - 5.5, y + 4.0)
                            fill=colour data-sensor=name data-nation=format!("{nation:?}")>
                            <title>{title}</title>
                        </path>
                    }
                }).collect_view()}
                {move || sites().into_iter().filter(|s| s.4).map(|(i, name, colour, station, _, nation)| {
                    let at = move || match drag.get() {
                        Some((j, p)) if j == i => p,
                        _ => station,
                    };
                    let title = format!("{name}: drag to move the ship");
                    view! {
                        <circle class="sensor-site ship" r="7" fill=colour data-sensor=name data-nation=format!("{nation:?}") tabindex="0"
                            cx=move || format!("{:.1}", map.screen(at().0, at().1).0)
                            cy=move || format!("{:.1}", map.screen(at().0, at().1).1)
                            on:pointerdown=move |e: leptos::ev::PointerEvent| {
                                e.stop_propagation();
                                e.prevent_default();
                                if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                    let _ = el.set_pointer_capture(e.pointer_id());
                                }
                                drag.set(Some((i, station)));
                            }
                            on:pointermove=move |e: leptos::ev::PointerEvent| {
                                if drag.with_untracked(|d| d.is_some_and(|(j, _)| j == i)) {
                                    e.stop_propagation();
                                    if let Some(p) = pointer_lat_lon(&map, &e) {
                                        drag.set(Some((i, p)));
                                    }
                                }
                            }
                            on:pointerup=move |e: leptos::ev::PointerEvent| {
                                e.stop_propagation();
                                if let Some((j, (lat, lon))) = drag.get_untracked() {
                                    drag.set(None);
                                    if j == i && (lat, lon) != station {
                                        app.scenario.sensors.update(|s| {
                                            if let Ok(s) = s {
                                                // A station the radar refuses (off the map) leaves the ship where it was.
                                                let _ = s[i].move_to(lat, lon);
                                            }
                                        });
                                    }
                                }
                            }
                            on:pointercancel=move |_| drag.set(None)>
                            <title>{title}</title>
                        </circle>
                    }
                }).collect_view()}
            </g>
        </g>
    }
}
