//! Altitude and speed against time, with the clock's cursor.

use crate::charts::cursor_view::CursorChartView;
use crate::charts::flight_chart::flight_chart;
use crate::schedule::after_next_paint;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn FlightChartPanel() -> impl IntoView {
    let app = AppState::get();
    // Drawn once the frame after the flight changes has painted, so an edited launch's arc paints first (as
    // the detections do).
    let redraw = RwSignal::new(0u64);
    Effect::new(move |_| {
        app.analysis.flight.track();
        after_next_paint(move || redraw.update(|n| *n += 1));
    });
    let chart = Memo::new(move |_| {
        redraw.track();
        app.analysis.flight.with_untracked(|f| match f {
            Ok(f) => flight_chart(std::slice::from_ref(f)),
            Err(_) => Err("No flight to chart.".to_string()),
        })
    });
    let opened = RwSignal::new(false);
    let rows = move || {
        redraw.track();
        app.analysis.flight.with_untracked(|f| {
            f.as_ref()
                .map(|f| crate::present::flight::chart_rows(f, 60.0))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel flight-chart-panel" aria-labelledby="flight-chart-title">
            <h2 id="flight-chart-title">"Altitude and speed"</h2>
            <CursorChartView chart=chart cursor=app.clock.time_s name="altitude-speed"
                label="Altitude and speed against time after launch"/>
            // The chart's figures for a reader who cannot see it (WCAG 1.1.1): built only when opened.
            <details class="chart-data" on:toggle=move |_| opened.set(true)>
                <summary>"The chart as a table"</summary>
                {move || opened.get().then(|| view! {
                    <table>
                        <thead><tr><th scope="col">"Time"</th><th scope="col">"Altitude (km)"</th>
                            <th scope="col">"Range (km)"</th><th scope="col">"Speed (km/s)"</th></tr></thead>
                        <tbody>{move || rows().into_iter().map(|r| view! {
                            <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                        }).collect_view()}</tbody>
                    </table>
                })}
            </details>
        </section>
    }
}
