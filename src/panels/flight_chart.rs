//! Altitude and speed against time, with the clock's cursor.

use crate::charts::cursor_view::CursorChartView;
use crate::charts::flight_chart::flight_chart;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn FlightChartPanel() -> impl IntoView {
    let app = AppState::get();
    let chart = Memo::new(move |_| {
        app.flight.with(|f| match f {
            Ok(f) => flight_chart(std::slice::from_ref(f)),
            Err(_) => Err("No flight to chart.".to_string()),
        })
    });
    view! {
        <section class="panel flight-chart-panel" aria-labelledby="flight-chart-title">
            <h2 id="flight-chart-title">"Altitude and speed"</h2>
            <CursorChartView chart=chart cursor=app.time_s name="altitude-speed"
                label="Altitude and speed against time after launch"/>
        </section>
    }
}
