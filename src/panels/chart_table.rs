//! A chart's figures as a table, for a reader who cannot see the chart (WCAG 1.1.1): a closed disclosure
//! whose table is built only when opened (`crate::charts::table` makes the rows).

use leptos::prelude::*;

#[component]
pub fn ChartTable(
    /// The column headings.
    heads: Signal<Vec<String>>,
    /// The rows, each as many cells as there are headings; read only once the table is opened.
    rows: Signal<Vec<Vec<String>>>,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="chart-data" on:toggle=move |_| opened.set(true)>
            <summary>"The chart as a table"</summary>
            {move || opened.get().then(|| view! {
                <table>
                    <thead><tr>{move || heads.get().into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{move || rows.get().into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            })}
        </details>
    }
}
