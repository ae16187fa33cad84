//! The launch arcs on the map: every launch's ground track coloured by altitude (the selected one on top and
//! bolder), markers at the selected launch's burnouts, apogee and impact, and each missile in the air at the
//! current time.

use super::paths::path_data;
use super::view::MapContext;
use crate::charts::altitude_colour::altitude_colour;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn FlightLayer() -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    // Track segments in projected km, per launch: built when the flights change, moved by the map's
    // transform. Unchanged launches keep their geometry (the flights are shared, so this is cheap).
    let segments = Memo::new(move |_| {
        app.flights.with(|fs| {
            fs.iter()
                .map(|f| match f.as_ref() {
                    Ok(f) => f
                        .track
                        .windows(2)
                        .map(|w| {
                            let a = map.proj.forward(w[0].lat_deg, w[0].lon_deg);
                            let b = map.proj.forward(w[1].lat_deg, w[1].lon_deg);
                            (
                                path_data([a, b], false),
                                altitude_colour((w[0].alt_km + w[1].alt_km) / 2.0),
                            )
                        })
                        .collect::<Vec<_>>(),
                    Err(_) => Vec::new(),
                })
                .collect::<Vec<_>>()
        })
    });
    let markers = move || {
        app.flight
            .with(|f| f.as_ref().map(|f| f.markers()).unwrap_or_default())
    };
    let sites = move || {
        app.flights.with(|fs| {
            fs.iter()
                .filter_map(|f| f.as_ref().as_ref().ok())
                .map(|f| (f.site_lat_deg, f.site_lon_deg))
                .collect::<Vec<_>>()
        })
    };
    let now = move || {
        let t = app.time_s.get();
        app.flight
            .with(|f| f.as_ref().ok().map(|f| f.at_scenario(t)))
    };
    // The other launches' missiles, while they fly.
    let others = move || {
        let t = app.time_s.get();
        let sel = app.selected.get();
        app.flights.with(|fs| {
            fs.iter()
                .enumerate()
                .filter(|(i, _)| *i != sel)
                .filter_map(|(i, f)| {
                    let f = f.as_ref().as_ref().ok()?;
                    f.in_flight_at(t).then(|| (i, f.at_scenario(t)))
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <g class="flight-layer">
            {move || {
                let sel = app.selected.get();
                let mut all: Vec<_> = segments.get().into_iter().enumerate().collect();
                // The selected launch last, so it is drawn on top.
                all.sort_by_key(|(i, _)| *i == sel);
                all.into_iter().map(|(i, segs)| view! {
                    <g class=if i == sel { "flight-track selected" } else { "flight-track" } data-launch=i
                        transform=move || map.world_transform()>
                        {segs.into_iter().map(|(d, colour)| view! {
                            <path d=d stroke=colour vector-effect="non-scaling-stroke"></path>
                        }).collect_view()}
                    </g>
                }).collect_view()
            }}
            {move || sites().into_iter().map(|(lat, lon)| {
                let (x, y) = map.screen(lat, lon);
                view! { <rect class="launch-site" x=x - 5.0 y=y - 5.0 width="10" height="10"></rect> }
            }).collect_view()}
            {move || markers().into_iter().map(|(label, p)| {
                let (x, y) = map.screen(p.lat_deg, p.lon_deg);
                let kind = label.split(' ').next().unwrap_or("").to_lowercase();
                view! {
                    <g class=format!("flight-event {kind}") data-event=label.clone()>
                        <circle cx=x cy=y r="4"></circle>
                        <title>{format!("{label}: {:.0} km up, T+{:.0} s", p.alt_km, p.t_s)}</title>
                    </g>
                }
            }).collect_view()}
            {move || others().into_iter().map(|(i, p)| {
                let (x, y) = map.screen(p.lat_deg, p.lon_deg);
                view! {
                    <g class="missile-other" data-launch=i data-alt-km=format!("{:.1}", p.alt_km)>
                        <circle cx=x cy=y r="4"></circle>
                    </g>
                }
            }).collect_view()}
            {move || now().map(|p| {
                let (x, y) = map.screen(p.lat_deg, p.lon_deg);
                view! {
                    <g class="missile-now" data-alt-km=format!("{:.1}", p.alt_km)>
                        <circle cx=x cy=y r="9" class="halo"></circle>
                        <circle cx=x cy=y r="4.5"></circle>
                        <text x=x + 10.0 y=y - 8.0>{format!("{:.0} km", p.alt_km)}</text>
                    </g>
                }
            })}
        </g>
    }
}
