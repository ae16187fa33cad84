//! The flight's figures beside the map.

use crate::present::flight::format_elapsed;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn FlightFacts() -> impl IntoView {
    let app = AppState::get();
    let facts = move || {
        app.analysis.flight.with(|f| {
            f.as_ref().ok().map(|f| {
                let s = &f.flight.summary;
                vec![
                    ("apogee", "Apogee", format!("{:.0} km", s.apogee_m / 1000.0)),
                    ("range", "Range", format!("{:.0} km", s.range_m / 1000.0)),
                    (
                        "flight-time",
                        "Flight time",
                        format!(
                            "{} ({:.0} s)",
                            format_elapsed(s.flight_time_s).trim_start_matches("T+"),
                            s.flight_time_s
                        ),
                    ),
                    (
                        "max-speed",
                        "Maximum speed",
                        format!("{:.2} km/s", s.max_speed_m_s / 1000.0),
                    ),
                    (
                        "burnout",
                        "Burnout",
                        format!(
                            "T+{:.0} s at {:.2} km/s",
                            s.burnout_time_s,
                            s.burnout_speed_m_s / 1000.0
                        ),
                    ),
                    (
                        "impact",
                        "Impact",
                        format!("{:.2}° N {:.2}° E", s.impact_lat_deg, s.impact_lon_deg),
                    ),
                ]
            })
        })
    };
    // What the solve changed to fly this shape (a cut burn, a lighter payload), in the core's own words; a
    // report the catalog's missile cannot match inside its bounds is marked, since the flight then is the
    // nearest, not the one reported.
    let adjusted = move || {
        app.analysis.flight.with(|f| {
            let a = f.as_ref().ok()?.flight.adjustments()?;
            let text = a.sentences().join(" ");
            (!text.is_empty()).then(|| (text, a.contradicts_catalog()))
        })
    };
    view! {
        <section class="panel flight-facts" aria-label="Flight figures">
            <dl>
                {move || facts().unwrap_or_default().into_iter().map(|(key, name, value)| view! {
                    <div class="fact" data-fact=key><dt>{name}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            {move || adjusted().map(|(text, contradicts)| view! {
                <p class="flight-adjusted" class:contradicts=contradicts>{text}</p>
            })}
        </section>
    }
}
