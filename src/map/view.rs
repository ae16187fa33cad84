//! The map component: land, borders, graticule, places, scale bar and coordinate readout, panned by drag
//! (or two-finger pinch), zoomed by wheel, pinch and buttons about the pointer, reset by a button.
//! Geometry is built once in projected km; the viewport moves it with a single SVG transform.

use super::geodata::{decode, LayerKind, THEATRE_BIN};
use super::graticule::{self, GraticuleKind};
use super::paths::{path_data, project_ring};
use super::places::PLACES;
use super::projection::LambertConformal;
use super::scale_bar::scale_bar;
use super::use_pan_zoom::{use_pan_zoom, UsePanZoomReturn};
use super::viewport::{MapBounds, Viewport};
use leptos::prelude::*;

/// What overlays drawn on the map (flights, radar fans, tracks) need: the projection and the live viewport.
/// [`MapView`] provides it to its children.
#[derive(Clone, Copy)]
pub struct MapContext {
    pub proj: LambertConformal,
    pub view: RwSignal<Viewport>,
}

impl MapContext {
    /// Screen position (px) of a geodetic point.
    pub fn screen(&self, lat_deg: f64, lon_deg: f64) -> (f64, f64) {
        self.view
            .get()
            .to_screen(self.proj.forward(lat_deg, lon_deg))
    }

    /// The SVG transform that places projected-km geometry on the screen.
    pub fn world_transform(&self) -> String {
        self.view.get().svg_transform()
    }
}

/// The view the map opens on: the core of the theatre, 24-48 N and 117-153 E (the peninsula, Japan from Kyushu
/// to Hokkaido, north-east China, the Sea of Japan and the Pacific east of Japan). On a conic projection the
/// projected box of the whole 22-50 N, 115-160 E theatre is much larger than the theatre, so fitting it would
/// open the map too far out; zooming out (to twice as wide) shows all of it.
pub fn theatre_bounds(proj: &LambertConformal) -> MapBounds {
    extent(proj, (24.0, 48.0), (117.0, 153.0))
}

/// The view a scenario's flights need, from the theatre's opening view `fit`: that view when every point
/// (latitude, longitude in degrees: the flights' ground tracks) is inside the theatre, else one widened to
/// hold them all with a margin (a Hwasong-12 of 2022-10-04 lands far out in the Pacific). A zoom about `fit`,
/// so the zoom-out limit stays the reset view's.
pub fn framing(
    proj: &LambertConformal,
    fit: Viewport,
    points: impl IntoIterator<Item = (f64, f64)>,
) -> Viewport {
    let theatre = theatre_bounds(proj);
    let mut b = theatre;
    for (lat_deg, lon_deg) in points {
        let p = proj.forward(lat_deg, lon_deg);
        if p.x_km.is_finite() && p.y_km.is_finite() {
            b.min.x_km = b.min.x_km.min(p.x_km);
            b.min.y_km = b.min.y_km.min(p.y_km);
            b.max.x_km = b.max.x_km.max(p.x_km);
            b.max.y_km = b.max.y_km.max(p.y_km);
        }
    }
    if b == theatre {
        return fit;
    }
    // A margin of 5 % a side keeps the impact marker and its label off the edge.
    let (mx, my) = (
        0.05 * (b.max.x_km - b.min.x_km),
        0.05 * (b.max.y_km - b.min.y_km),
    );
    b.min.x_km -= mx;
    b.max.x_km += mx;
    b.min.y_km -= my;
    b.max.y_km += my;
    let want = Viewport::fit(b, fit.width_px, fit.height_px);
    fit.at(
        b.center(),
        want.scale_px_per_km / fit.scale_px_per_km,
        data_bounds(proj),
    )
}

/// How far the view's centre may go: the map data's extent.
pub fn data_bounds(proj: &LambertConformal) -> MapBounds {
    extent(proj, graticule::LAT_RANGE_DEG, graticule::LON_RANGE_DEG)
}

fn extent(proj: &LambertConformal, lat: (f64, f64), lon: (f64, f64)) -> MapBounds {
    let mut b = MapBounds {
        min: proj.forward(lat.0, lon.0),
        max: proj.forward(lat.0, lon.0),
    };
    for i in 0..=20 {
        let f = i as f64 / 20.0;
        for p in [
            proj.forward(lat.0, lon.0 + f * (lon.1 - lon.0)),
            proj.forward(lat.1, lon.0 + f * (lon.1 - lon.0)),
            proj.forward(lat.0 + f * (lat.1 - lat.0), lon.0),
            proj.forward(lat.0 + f * (lat.1 - lat.0), lon.1),
        ] {
            b.min.x_km = b.min.x_km.min(p.x_km);
            b.min.y_km = b.min.y_km.min(p.y_km);
            b.max.x_km = b.max.x_km.max(p.x_km);
            b.max.y_km = b.max.y_km.max(p.y_km);
        }
    }
    b
}

/// Formats a position for the readout: "37.567° N  126.978° E".
pub fn format_position(lat_deg: f64, lon_deg: f64) -> String {
    format!(
        "{:.3}° {}  {:.3}° {}",
        lat_deg.abs(),
        if lat_deg >= 0.0 { "N" } else { "S" },
        lon_deg.abs(),
        if lon_deg >= 0.0 { "E" } else { "W" }
    )
}

/// The interactive regional map. It fills its parent.
#[component]
pub fn MapView(
    /// Called with (latitude, longitude) in degrees when the user clicks (not drags) the map.
    #[prop(optional, into)]
    on_pick: Option<Callback<(f64, f64)>>,
    /// Called once the map has been painted for the first time (overlays that take longer to compute can
    /// wait for it, so the map shows at once).
    #[prop(optional, into)]
    on_drawn: Option<Callback<()>>,
    /// Called once with the map's context, so a parent can follow or drive its viewport (side-by-side maps).
    #[prop(optional, into)]
    on_context: Option<Callback<MapContext>>,
    /// Overlays, drawn above the map inside its SVG; they get a [`MapContext`] from context.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let proj = LambertConformal::theatre();
    let layers = decode(THEATRE_BIN);
    let (land, borders, data_error) = match &layers {
        Ok(layers) => {
            let land: Vec<String> = layers
                .iter()
                .filter(|l| l.kind == LayerKind::Land)
                .flat_map(|l| {
                    l.rings
                        .iter()
                        .map(|r| path_data(project_ring(&proj, r), true))
                })
                .collect();
            let borders: String = layers
                .iter()
                .filter(|l| l.kind == LayerKind::Borders)
                .flat_map(|l| {
                    l.rings
                        .iter()
                        .map(|r| path_data(project_ring(&proj, r), false))
                })
                .collect();
            (land, borders, None)
        }
        Err(e) => (Vec::new(), String::new(), Some(e.to_string())),
    };

    let pz = use_pan_zoom(theatre_bounds(&proj), data_bounds(&proj));
    let UsePanZoomReturn {
        node_ref,
        view,
        pointer,
        ..
    } = pz;
    provide_context(MapContext { proj, view });
    if let Some(cb) = on_context {
        cb.run(MapContext { proj, view });
    }
    let up = move |e: leptos::ev::PointerEvent| {
        if let (Some((x, y)), Some(pick)) = (pz.pointer_up(e), on_pick) {
            let (lat, lon) = proj.inverse(view.get_untracked().to_map(x, y));
            pick.run((lat, lon));
        }
    };

    let step = Memo::new(move |_| graticule::step_for_scale(view.get().scale_px_per_km));
    let graticule_paths = Memo::new(move |_| {
        graticule::lines(&proj, step.get())
            .into_iter()
            .map(|l| {
                let major = match l.kind {
                    GraticuleKind::Parallel { lat_deg } => lat_deg % 10.0 == 0.0,
                    GraticuleKind::Meridian { lon_deg } => lon_deg % 10.0 == 0.0,
                };
                (path_data(l.points, false), major)
            })
            .collect::<Vec<_>>()
    });
    let edge_labels = move || graticule::edge_labels(&proj, &view.get(), step.get(), 6.0);
    let bar = move || scale_bar(&proj, &view.get(), 140.0);
    let readout = move || {
        pointer
            .get()
            .map(|(x, y)| {
                let (lat, lon) = proj.inverse(view.get().to_map(x, y));
                format_position(lat, lon)
            })
            .unwrap_or_else(|| "Point at the map for latitude and longitude".to_string())
    };

    // Marks the first drawn map for the load-time measurement: the second animation frame after mount
    // comes after the first paint.
    Effect::new(move |_| {
        request_animation_frame(move || {
            request_animation_frame(move || {
                if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = perf.mark("map-drawn");
                }
                if let Some(drawn) = on_drawn {
                    drawn.run(());
                }
            })
        })
    });

    view! {
        // Layout essentials inline: the map fills its parent even where the app's stylesheet is absent (an
        // embedding page, a component test). Set as properties (CSSOM), not as a `style` attribute, which the
        // page's Content-Security-Policy (style-src 'self') refuses.
        <div class="map" node_ref=node_ref tabindex="0" role="application"
            style:position="relative" style:flex="1" style:width="100%" style:height="100%" style:min-width="0"
            style:overflow="hidden"
            aria-label="Regional map: drag to pan, wheel or +/- to zoom"
            on:pointerdown=move |e| pz.pointer_down(e)
            on:pointermove=move |e| pz.pointer_move(e)
            on:pointerup=up
            on:pointercancel=move |e| {
                pz.pointer_up(e);
            }
            on:pointerleave=move |e| pz.pointer_leave(e)
            on:wheel=move |e| pz.wheel(e)
            on:keydown=move |e| pz.key(e)>
            <svg class="map-svg" width="100%" height="100%" style:position="absolute" style:inset="0"
                data-scale=move || view.get().scale_px_per_km.to_string()>
                <rect class="sea" x="0" y="0" width="100%" height="100%"></rect>
                <g class="world" transform=move || view.get().svg_transform()>
                    <g class="graticule">
                        {move || graticule_paths.get().into_iter().map(|(d, major)| view! {
                            <path d=d class:major=major vector-effect="non-scaling-stroke"></path>
                        }).collect_view()}
                    </g>
                    <g class="land-layer">
                        {land.into_iter().map(|d| view! {
                            <path class="land" d=d vector-effect="non-scaling-stroke"></path>
                        }).collect_view()}
                    </g>
                    <path class="borders" d=borders vector-effect="non-scaling-stroke"></path>
                </g>
                <g class="graticule-labels">
                    {move || edge_labels().into_iter().map(|l| {
                        let anchor = if l.text.ends_with('N') || l.text.ends_with('S') { "start" } else { "middle" };
                        view! { <text x=l.x_px y=l.y_px text-anchor=anchor>{l.text}</text> }
                    }).collect_view()}
                </g>
                <g class="overlays">{children.map(|c| c())}</g>
                // Above the overlays: on a phone the ships' markers and the fans sit where Pyongyang and Seoul are
                // named, and the names must stay readable (they take no pointer events: style/app.css).
                <g class="places">
                    {PLACES.iter().map(|p| {
                        let pos = move || view.get().to_screen(proj.forward(p.lat_deg, p.lon_deg));
                        view! {
                            <g class="place" class:capital=p.capital data-place=p.name>
                                <circle cx=move || pos().0 cy=move || pos().1 r=if p.capital { 4 } else { 3 }></circle>
                                <text x=move || pos().0 + 7.0 y=move || pos().1 + 4.0>{p.name}</text>
                            </g>
                        }
                    }).collect_view()}
                </g>
                <g class="scale-bar" transform=move || format!("translate(16 {})", view.get().height_px - 48.0)>
                    <line x1="0" y1="0" x2=move || bar().length_px y2="0"></line>
                    <line x1="0" y1="-5" x2="0" y2="5"></line>
                    <line x1=move || bar().length_px y1="-5" x2=move || bar().length_px y2="5"></line>
                    <text x="0" y="-9">{move || bar().label}</text>
                </g>
            </svg>
            // A press on the controls must not start a drag: the drag's pointer capture would take the click.
            <div class="map-controls" role="group" aria-label="Zoom" on:pointerdown=|e| e.stop_propagation()>
                <button class="zoom-in" title="Zoom in" aria-label="Zoom in" on:click=move |_| pz.zoom_by(1.5)>"+"</button>
                <button class="zoom-out" title="Zoom out" aria-label="Zoom out" on:click=move |_| pz.zoom_by(1.0 / 1.5)>"−"</button>
                <button class="zoom-reset" title="Show the whole theatre" aria-label="Reset view" on:click=move |_| pz.reset()>"⟲"</button>
            </div>
            <output class="readout" aria-live="off">{readout}</output>
            <div class="attribution">"Map: Natural Earth"</div>
            {data_error.map(|e| view! { <div class="error" role="alert">{e}</div> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_widens_the_view_only_for_flights_beyond_the_theatre() {
        let proj = LambertConformal::theatre();
        let fit = Viewport::fit(theatre_bounds(&proj), 1200.0, 700.0);
        // Inside the theatre (a KN-23 into the Sea of Japan): the opening view.
        assert_eq!(framing(&proj, fit, [(39.4, 127.5), (40.9, 133.1)]), fit);
        // Out into the Pacific (2022-10-04: Mupyong-ni to 4,550 km east, impact near 32.8 N 177.1 E): the
        // impact and the site on screen, and the theatre's corners still too.
        let far = [(40.61, 126.43), (40.5, 150.0), (32.78, 177.13)];
        let v = framing(&proj, fit, far);
        assert!(v.scale_px_per_km < fit.scale_px_per_km);
        for (lat, lon) in far.into_iter().chain([(24.0, 117.0), (48.0, 153.0)]) {
            let (x, y) = v.to_screen(proj.forward(lat, lon));
            assert!(
                (0.0..=1200.0).contains(&x) && (0.0..=700.0).contains(&y),
                "{lat}, {lon} at {x}, {y}"
            );
        }
    }

    #[test]
    fn theatre_bounds_hold_the_corners() {
        let proj = LambertConformal::theatre();
        let b = theatre_bounds(&proj);
        for (lat, lon) in [
            (24.0, 117.0),
            (24.0, 153.0),
            (48.0, 117.0),
            (48.0, 153.0),
            (48.0, 135.0),
        ] {
            let p = proj.forward(lat, lon);
            assert!(p.x_km >= b.min.x_km - 1e-6 && p.x_km <= b.max.x_km + 1e-6);
            assert!(p.y_km >= b.min.y_km - 1e-6 && p.y_km <= b.max.y_km + 1e-6);
        }
    }

    #[test]
    fn readout_format() {
        assert_eq!(format_position(37.5667, 126.978), "37.567° N  126.978° E");
        assert_eq!(format_position(-1.0, -2.5), "1.000° S  2.500° W");
    }
}
