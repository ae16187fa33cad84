//! The side view: altitude against ground range over the curved Earth, with the missile at the current time.

use crate::charts::altitude_colour::altitude_colour;
use crate::charts::side_view::SideView;
use crate::state::AppState;
use leptos::prelude::*;

const W: f64 = 600.0;
const H: f64 = 260.0;

#[component]
pub fn SideViewChart() -> impl IntoView {
    let app = AppState::get();
    let chart = Memo::new(move |_| {
        app.analysis.flight.with(|f| {
            f.as_ref().ok().map(|f| {
                let pts: Vec<(f64, f64)> = f
                    .track
                    .iter()
                    .map(|p| (p.range_km, p.alt_km.max(0.0)))
                    .collect();
                let v = SideView::fit(&pts, W, H);
                let track: String = pts
                    .iter()
                    .enumerate()
                    .map(|(i, &(r, a))| {
                        let p = v.to_px(r, a);
                        format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y)
                    })
                    .collect();
                let max_r = pts.iter().map(|p| p.0).fold(0.0, f64::max);
                let ground: String = (0..=60)
                    .map(|i| {
                        let p = v.to_px(max_r * 1.04 * i as f64 / 60.0, 0.0);
                        format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y)
                    })
                    .collect();
                (v, track, ground)
            })
        })
    });
    let now = move || {
        let t = app.clock.time_s.get();
        let p = app
            .analysis
            .flight
            .with(|f| f.as_ref().ok().map(|f| f.at_scenario(t)))?;
        chart.with(|c| {
            c.as_ref()
                .map(|(v, _, _)| (v.to_px(p.range_km, p.alt_km.max(0.0)), p.alt_km))
        })
    };
    view! {
        <section class="panel side-view" aria-label="Side view: altitude against ground range">
            <h2>"Side view"</h2>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label="Altitude against ground range over the curved Earth">
                {move || chart.get().map(|(v, track, ground)| {
                    let ex = v.exaggeration;
                    let origin = v.to_px(0.0, 0.0);
                    view! {
                        <path class="ground" d=ground></path>
                        <path class="trajectory" d=track></path>
                        <line class="axis" x1=origin.x y1=origin.y x2=origin.x y2=v.margin_px - 8.0></line>
                        {v.ticks().into_iter().map(|(y, label)| view! {
                            <g class="tick">
                                <line x1=origin.x - 6.0 y1=y x2=origin.x y2=y></line>
                                <text x=origin.x - 10.0 y=y + 7.0 text-anchor="end">{label}</text>
                            </g>
                        }).collect_view()}
                        <text class="scale-note" x=W - 8.0 y="24" text-anchor="end" data-exaggeration=ex>
                            {if ex == 1.0 { "True scale".to_string() } else { format!("Heights ×{ex}") }}
                        </text>
                    }
                })}
                {move || now().map(|(p, alt)| view! {
                    <circle class="missile-now" cx=p.x cy=p.y r="5" fill=altitude_colour(alt)></circle>
                })}
            </svg>
        </section>
    }
}
