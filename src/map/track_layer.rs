//! Fused tracks on the map for the chosen picture (and, dashed, the one compared with it): each confirmed
//! track with its 2-sigma position ellipse, and its predicted impact point with the 95% ellipse.

use super::view::MapContext;
use crate::present::pictures::{GroundEllipse, PictureRun};
use crate::state::AppState;
use leptos::prelude::*;

/// An ellipse on the ground as SVG attributes in screen space: (cx, cy, rx, ry, rotation in degrees).
fn screen_ellipse(
    map: &MapContext,
    lat: f64,
    lon: f64,
    e: &GroundEllipse,
) -> (f64, f64, f64, f64, f64) {
    let (x, y) = map.screen(lat, lon);
    // Screen direction of local north (meridians converge on a conic projection).
    let (xn, yn) = map.screen(lat + 0.05, lon);
    let north_deg = (yn - y).atan2(xn - x).to_degrees();
    let px_per_m = map.view.get().scale_px_per_km * map.proj.scale_factor(lat) / 1000.0;
    (
        x,
        y,
        (e.semi_major_m * px_per_m).max(1.5),
        (e.semi_minor_m * px_per_m).max(1.5),
        north_deg + e.orientation_deg,
    )
}

#[component]
fn PictureTracks(
    /// The picture's name.
    name: Signal<Option<String>>,
    /// CSS class: "primary" or "secondary".
    role: &'static str,
) -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    let tracks = move || {
        let t = app.clock.time_s.get();
        let name = name.get()?;
        app.analysis.pictures.with(|p| {
            let p = p.as_ref().ok()?;
            let run: &PictureRun = p.runs.iter().find(|r| r.name == name)?;
            Some(run.tracks_at(t).to_vec())
        })
    };
    view! {
        <g class=format!("tracks {role}") data-picture=move || name.get().unwrap_or_default()>
            {move || tracks().unwrap_or_default().into_iter().map(|t| {
                let (x, y, rx, ry, rot) = screen_ellipse(&map, t.lat_deg, t.lon_deg, &t.position_2sigma);
                let impact = t.impact.map(|(lat, lon, e)| {
                    let (ix, iy, irx, iry, irot) = screen_ellipse(&map, lat, lon, &e);
                    view! {
                        <g class="predicted-impact" data-semi-major-km=format!("{:.1}", e.semi_major_m / 1000.0)>
                            <ellipse cx=ix cy=iy rx=irx ry=iry transform=format!("rotate({irot:.1} {ix:.1} {iy:.1})")></ellipse>
                            <path d=format!("M{:.1} {:.1}l8 8m0 -8l-8 8", ix - 4.0, iy - 4.0)></path>
                            <title>{format!("Predicted impact, 95% ellipse {:.0} x {:.0} km", e.semi_major_m / 1000.0, e.semi_minor_m / 1000.0)}</title>
                        </g>
                    }
                });
                view! {
                    <g class="track" data-track=t.id>
                        <ellipse class="track-sigma" cx=x cy=y rx=rx ry=ry transform=format!("rotate({rot:.1} {x:.1} {y:.1})")></ellipse>
                        <path class="track-mark" d=format!("M{x:.1} {:.1}l6 6l-6 6l-6 -6Z", y - 6.0)></path>
                        <title>{format!("Track {}: {:.0} km up", t.id, t.alt_km)}</title>
                    </g>
                    {impact}
                }
            }).collect_view()}
        </g>
    }
}

/// The tracks of one picture (solid) and optionally a second one overlaid (dashed). By default the picture
/// chosen in the pictures panel and the one compared with it; a side-by-side map passes its own.
#[component]
pub fn TrackLayer(
    #[prop(optional, into)] primary: Option<Signal<Option<String>>>,
    #[prop(optional, into)] secondary: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let app = AppState::get();
    let primary = primary.unwrap_or_else(|| Signal::derive(move || Some(app.view.picture.get())));
    let secondary =
        secondary.unwrap_or_else(|| Signal::derive(move || app.view.compare_with.get()));
    view! {
        <g class="track-layer">
            <PictureTracks name=secondary role="secondary"/>
            <PictureTracks name=primary role="primary"/>
        </g>
    }
}
