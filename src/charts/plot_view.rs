//! Shows a plotters chart (an SVG string from [`super::plot::svg_chart`]) in the page, or its error.

use super::plot::ChartResult;
use leptos::prelude::*;

/// A chart drawn by plotters. `label` names it for screen readers; `class` sizes it.
#[component]
pub fn PlotView(
    #[prop(into)] chart: Signal<ChartResult>,
    label: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        {move || match chart.get() {
            Ok(svg) => view! {
                <div class=format!("plot {class}") role="img" aria-label=label inner_html=svg></div>
            }.into_any(),
            Err(e) => view! { <p class="error plot-error" role="alert">{e}</p> }.into_any(),
        }}
    }
}
