//! "Sources and estimates": one click from anywhere on the page, the public basis of every model figure: each
//! missile's parameters and their uncertainty, each sensor's provenance (estimate, notional site, source), the
//! link latencies and the radar and atmosphere models.

use crate::present::detections::nation_name;
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;
use picture_sim::flight::catalog;
use picture_sim::tracking::picture::LatencyDefaults;

fn secs(ms: i64) -> String {
    format!("{:.0} s", ms as f64 / 1000.0)
}

#[component]
pub fn SourcesButton() -> impl IntoView {
    let app = AppState::get();
    let dialog = NodeRef::<html::Dialog>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let latency = LatencyDefaults::default();
    let latencies = [
        ("A nation's radar to its own centre", secs(latency.national_ms), "assumption: dedicated military networks"),
        ("Any sensor through the Hawaii hub to the trilateral picture", secs(latency.hub_ms), "assumption: \"real-time\" in the 2023 joint statement; propagation is tens of ms"),
        ("US data to Japan's centre (legacy)", secs(latency.legacy_us_ms), "assumption"),
        ("South Korean data relayed to Japan through the US (legacy)", secs(latency.legacy_relay_ms), "assumption: a human relay of minutes, like the 3-6 min J-Alert times of 2012-2022 (NHK)"),
    ];
    view! {
        <button class="sources-button" type="button" on:click=open aria-haspopup="dialog"
            aria-label="Sources and estimates">"Sources"<span class="long">" and estimates"</span></button>
        <dialog class="sources" node_ref=dialog aria-labelledby="sources-title">
            // Not a <header>: inside the page's banner, it would be a banner within a banner.
            <div class="dialog-head">
                <h2 id="sources-title">"Sources and estimates"</h2>
                <button type="button" class="close" on:click=close aria-label="Close">"×"</button>
            </div>
            <p>"Every figure behind the models is a public estimate, not an official value. Where they come from:"</p>
            <h3>"Missiles"</h3>
            <table class="sources-table">
                <thead><tr><th scope="col">"Missile"</th><th scope="col">"Source"</th><th scope="col">"Uncertainty (bounds sampled by the study)"</th></tr></thead>
                <tbody>
                    {catalog::all().iter().map(|v| view! {
                        <tr><th scope="row">{v.name}</th><td>{v.source}</td><td>{picture_sim::flight::uncertain::describe(v.uncertainties)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Sensors"</h3>
            {move || app.scenario.sensors.with(|s| match s {
                Ok(s) => view! {
                    <table class="sources-table">
                        <thead><tr><th scope="col">"Sensor"</th><th scope="col">"Nation"</th><th scope="col">"Figures"</th><th scope="col">"Source"</th></tr></thead>
                        <tbody>
                            {s.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{s.name.clone()}</th>
                                    <td>{nation_name(s.nation)}</td>
                                    <td>{match (s.provenance.estimate, s.provenance.notional_site) {
                                        (_, true) => "estimate, notional site",
                                        (true, false) => "estimate",
                                        (false, false) => "published",
                                    }}</td>
                                    <td>{s.provenance.source.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
            })}
            <h3>"Link latencies"</h3>
            <table class="sources-table">
                <thead><tr><th scope="col">"Link"</th><th scope="col">"Default"</th><th scope="col">"Basis"</th></tr></thead>
                <tbody>
                    {latencies.into_iter().map(|(link, value, basis)| view! {
                        <tr><th scope="row">{link}</th><td>{value}</td><td>{basis}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Models"</h3>
            <ul>
                <li>"Earth: WGS84 with J2 gravity and rotation; geodesics by Karney's algorithms (geographiclib-rs)."</li>
                <li>"Atmosphere: US Standard Atmosphere 1976 to 86 km, exponential above; drag coefficient varies with Mach."</li>
                <li>"Radar horizon: the effective-Earth-radius model (k = 4/3 standard refraction, user-set)."</li>
                <li>"Detection: the radar range equation from each sensor's reference range; Pd for Swerling 1 and non-fluctuating targets (Albersheim)."</li>
                <li>"Flights are checked against reported apogee, range and flight time (JMOD, JCS, KCNA via the CNS database)."</li>
            </ul>
        </dialog>
    }
}
