//! Shows a [`CursorChart`] with the clock's cursor laid over it. The chart body is re-inserted only when the
//! chart changes; the clock moves one line's attributes.

use super::cursor::CursorChart;
use leptos::prelude::*;

/// A plotters chart that follows the clock.
#[component]
pub fn CursorChartView(
    /// The chart, or why it cannot be drawn.
    #[prop(into)]
    chart: Signal<Result<CursorChart, String>>,
    /// Where the cursor is, in the chart's x-axis units.
    #[prop(into)]
    cursor: Signal<f64>,
    /// A short name, used by the export panel (`data-chart`) and as a class.
    name: &'static str,
    /// What the chart shows, for screen readers.
    label: &'static str,
) -> impl IntoView {
    let svg =
        Memo::new(move |_| chart.with(|c| c.as_ref().map(|c| c.svg.clone()).map_err(Clone::clone)));
    let axis = Memo::new(move |_| chart.with(|c| c.as_ref().ok().map(|c| c.axis)));
    view! {
        {move || match svg.get() {
            // Mostly "nothing to draw yet" (no flight, no sensor on): a note, not an alarm.
            Err(e) => view! { <p class="note plot-empty" data-chart=name>{e}</p> }.into_any(),
            Ok(svg) => view! {
                <figure class=format!("cursor-chart {name}") data-chart=name>
                    <div class="plot" role="img" aria-label=label inner_html=svg></div>
                    {move || axis.get().map(|a| {
                        let x = move || format!("{:.1}", a.x_px(cursor.get()));
                        view! {
                            <svg class="chart-cursor" viewBox=a.view_box() preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                                <line class="cursor-line" x1=x x2=x y1=a.top_px y2=a.bottom_px
                                    data-value=move || format!("{:.1}", cursor.get())></line>
                            </svg>
                        }
                    })}
                </figure>
            }.into_any(),
        }}
    }
}
