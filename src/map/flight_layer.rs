//! The launch arc on the map: the ground track coloured by altitude, markers at the burnouts, apogee and
//! impact, and the missile at the current time.

use super::paths::path_data;
use super::view::MapContext;
use crate::charts::altitude_colour::altitude_colour;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn FlightLayer() -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    // Track segments in projected km: built when the flight changes, moved by the map's transform.
    let segments = Memo::new(move |_| {
        app.flight.with(|f| match f {
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
    });
    let markers = move || {
        app.flight
            .with(|f| f.as_ref().map(|f| f.markers()).unwrap_or_default())
    };
    let site = move || {
        app.flight
            .with(|f| f.as_ref().ok().map(|f| (f.site_lat_deg, f.site_lon_deg)))
    };
    let now = move || {
        let t = app.time_s.get();
        app.flight.with(|f| f.as_ref().ok().map(|f| f.at(t)))
    };

    view! {
        <g class="flight-layer">
            <g class="flight-track" transform=move || map.world_transform()>
                {move || segments.get().into_iter().map(|(d, colour)| view! {
                    <path d=d stroke=colour vector-effect="non-scaling-stroke"></path>
                }).collect_view()}
            </g>
            {move || site().map(|(lat, lon)| {
                let (x, y) = map.screen(lat, lon);
                view! { <rect class="launch-site" x=x - 5.0 y=y - 5.0 width="10" height="10"></rect> }
            })}
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
