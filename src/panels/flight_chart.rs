//! Altitude and speed against time, with the clock's cursor.

use crate::charts::cursor_view::CursorChartView;
use crate::charts::flight_chart::flight_chart;
use crate::panels::chart_table::ChartTable;
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
    let rows = Signal::derive(move || {
        redraw.track();
        app.analysis.flight.with_untracked(|f| {
            f.as_ref()
                .map(|f| {
                    crate::present::flight::chart_rows(f, 60.0)
                        .into_iter()
                        .map(Vec::from)
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let heads = Signal::derive(|| {
        ["Time", "Altitude (km)", "Range (km)", "Speed (km/s)"]
            .map(String::from)
            .to_vec()
    });
    view! {
        <section class="panel flight-chart-panel" aria-labelledby="flight-chart-title">
            <h2 id="flight-chart-title">"Altitude and speed"</h2>
            <CursorChartView chart=chart cursor=app.clock.time_s name="altitude-speed"
                label="Altitude and speed against time after launch"/>
            <ChartTable heads=heads rows=rows/>
        </section>
    }
}
