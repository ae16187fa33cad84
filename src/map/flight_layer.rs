//! The launch arcs on the map: every launch's ground track coloured by altitude (the selected one on top and
//! bolder), markers at the selected launch's burnouts, apogee and impact, and each missile in the air at the
//! current time.

use super::paths::path_data;
use super::projection::LambertConformal;
use super::view::MapContext;
use crate::charts::altitude_colour::altitude_colour;
use crate::present::flight::{km_label, TrackPoint};
use crate::state::{AppState, SharedFlight};
use leptos::prelude::*;
use std::sync::Arc;

/// Width of an altitude band of the track's colour, in decades of altitude: 1/16 decade (15 % in altitude)
/// moves the colour by a few RGB units, too little to see, and draws a track in a few dozen paths instead
/// of one per segment.
const BAND_DECADES: f64 = 1.0 / 16.0;

/// A track as runs of one colour: (path data in projected km, colour), each run the segments whose
/// mid-altitude falls in the same band, drawn in the colour of the band's middle.
pub fn colour_runs(track: &[TrackPoint], proj: &LambertConformal) -> Vec<(String, String)> {
    let band = |a: &TrackPoint, b: &TrackPoint| {
        ((a.alt_km + b.alt_km) / 2.0)
            .max(1.0)
            .log10()
            .div_euclid(BAND_DECADES) as i32
    };
    let mut runs = Vec::new();
    let mut start = 0;
    while start + 1 < track.len() {
        let b = band(&track[start], &track[start + 1]);
        let mut end = start + 1;
        while end + 1 < track.len() && band(&track[end], &track[end + 1]) == b {
            end += 1;
        }
        let points = track[start..=end]
            .iter()
            .map(|p| proj.forward(p.lat_deg, p.lon_deg));
        let mid_km = 10f64.powf((b as f64 + 0.5) * BAND_DECADES);
        runs.push((path_data(points, false), altitude_colour(mid_km)));
        start = end;
    }
    runs
}

#[component]
pub fn FlightLayer() -> impl IntoView {
    let map = expect_context::<MapContext>();
    let app = AppState::get();
    // Every launch's track, keyed by its flight: an edit rebuilds the edited launch's track only (the other
    // launches' flights are the same shared values, so their keys and elements stay).
    let tracks = move || {
        let sel = app.scenario.selected.get();
        let mut all: Vec<(usize, SharedFlight)> =
            app.analysis.flights.get().into_iter().enumerate().collect();
        // The selected launch last, so it is drawn on top.
        picture_sim::tracking::sorted::sort_stable_by(&mut all, |a, b| {
            (a.0 == sel).cmp(&(b.0 == sel))
        });
        all
    };
    let markers = move || {
        app.analysis
            .flight
            .with(|f| f.as_ref().map(|f| f.markers()).unwrap_or_default())
    };
    let sites = move || {
        app.analysis.flights.with(|fs| {
            fs.iter()
                .filter_map(|f| f.as_ref().as_ref().ok())
                .map(|f| (f.site_lat_deg, f.site_lon_deg))
                .collect::<Vec<_>>()
        })
    };
    let now = move || {
        let t = app.clock.time_s.get();
        app.analysis
            .flight
            .with(|f| f.as_ref().ok().map(|f| f.at_scenario(t)))
    };
    // The other launches' missiles, while they fly.
    let others = move || {
        let t = app.clock.time_s.get();
        let sel = app.scenario.selected.get();
        app.analysis.flights.with(|fs| {
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
            <For each=tracks key=|(i, f)| (*i, Arc::as_ptr(f) as usize) let:((i, f))>
                <g class=move || if app.scenario.selected.get() == i { "flight-track selected" } else { "flight-track" }
                    data-launch=i transform=move || map.world_transform()>
                    {match f.as_ref() {
                        Ok(f) => colour_runs(&f.track, &map.proj),
                        Err(_) => Vec::new(),
                    }.into_iter().map(|(d, colour)| view! {
                        <path d=d stroke=colour vector-effect="non-scaling-stroke"></path>
                    }).collect_view()}
                </g>
            </For>
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
                        <text x=x + 10.0 y=y - 8.0>{km_label(p.alt_km)}</text>
                    </g>
                }
            })}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::flight::FlightView;
    use crate::present::launch_form::LaunchForm;

    fn rgb(hex: &str) -> [i32; 3] {
        let c = |i: usize| i32::from_str_radix(&hex[i..i + 2], 16).unwrap();
        [c(1), c(3), c(5)]
    }

    #[test]
    fn colour_runs_cover_the_track_in_few_paths_and_close_colours() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let proj = LambertConformal::theatre();
        let runs = colour_runs(&f.track, &proj);
        // Far fewer elements than segments, and every segment drawn once: runs share their end points.
        assert!(runs.len() < f.track.len() / 3, "{} runs", runs.len());
        let vertices: usize = runs
            .iter()
            .map(|(d, _)| d.matches(['M', 'L']).count())
            .sum();
        assert_eq!(vertices, f.track.len() + runs.len() - 1);
        let first = proj.forward(f.track[0].lat_deg, f.track[0].lon_deg);
        assert!(runs[0]
            .0
            .starts_with(&format!("M{:.1} {:.1}", first.x_km, first.y_km)));
        // Each segment's own colour is within a few RGB units of its run's.
        let mut seg = 0;
        for (d, colour) in &runs {
            let n = d.matches('L').count();
            for w in f.track[seg..seg + n + 1].windows(2) {
                let own = rgb(&altitude_colour((w[0].alt_km + w[1].alt_km) / 2.0));
                let run = rgb(colour);
                let diff = (0..3).map(|i| (own[i] - run[i]).abs()).max().unwrap();
                assert!(diff <= 8, "segment {seg}: {own:?} vs {run:?}");
            }
            seg += n;
        }
        assert_eq!(seg, f.track.len() - 1);
    }
}
