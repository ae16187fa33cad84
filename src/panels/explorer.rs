//! The radar-horizon explorer: a radar and the launch in one cross-section, sliders for the radar's
//! height, the target's altitude, its distance and k, the formula with the numbers put in, the horizon chart,
//! the Blake chart and the guided walk-through. The target altitude and k are the app's own signals
//! (`ViewState::fan_alt_km`, `ViewState::k`), so the map's fans follow the explorer.

use super::explorer_choice::ExplorerChoice;
use super::explorer_section::{CrossSection, SectionInput};
use super::explorer_walk::WalkThrough;
use crate::charts::plot_view::PlotView;
use crate::explorer::charts::{blake_chart, horizon_chart, BlakeInput};
use crate::explorer::formula::{formula, k_text};
use crate::explorer::profile::{
    at_height, find_radar, ground_km_from, profile, radars, rise, rise_text, seen_at,
};
use crate::explorer::rays::{grazing_elevation_rad, ray_alt_m};
use crate::explorer::section::EXAGGERATIONS;
use crate::explorer::steps::KOREA;
use crate::explorer::tables::{self, path_heads};
use crate::panels::chart_table::ChartTable;
use crate::state::{AppState, ScenarioError};
use leptos::prelude::*;
use picture_sim::sensors::{ExponentialAtmosphere, Radar, Refraction};

/// The slider ranges.
pub const MAX_RADAR_H_M: f64 = 3000.0;
pub const MAX_TARGET_ALT_KM: f64 = 1000.0;
pub const MAX_DISTANCE_KM: f64 = 3000.0;
pub const K_SLIDER: (f64, f64) = (0.5, 3.0);

/// Why the explorer cannot show a figure. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExplorerError {
    /// The effective-Earth factor k is not usable.
    #[error("Refraction k: {0}")]
    Refraction(String),
    /// The sensors could not be set up.
    #[error(transparent)]
    Sensors(#[from] ScenarioError),
    /// The chosen sensor has no radar.
    #[error("Radar: not a radar")]
    NotARadar,
    /// The radar or the formula refused the explorer's numbers (the message names the field).
    #[error("{0}")]
    Numbers(String),
}

/// Reads a slider's value.
fn slider_value(ev: &leptos::ev::Event) -> Option<f64> {
    event_target_value(ev)
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A labelled range input with its value shown beside the label (arrow keys step it).
#[component]
fn Slider(
    /// The input's id and name.
    id: &'static str,
    /// What the slider sets.
    label: &'static str,
    /// The smallest value, in the value's unit.
    #[prop(default = 0.0)]
    min: f64,
    /// The largest value.
    max: f64,
    /// The step of a drag or an arrow key.
    step: f64,
    /// The value.
    #[prop(into)]
    value: Signal<f64>,
    /// The value as shown.
    #[prop(into)]
    text: Signal<String>,
    /// Called with each new value as the user drags or steps.
    #[prop(into)]
    on_set: Callback<f64>,
) -> impl IntoView {
    view! {
        <div class="slider">
            <label for=id>{label}</label>" "
            <output for=id data-value=move || value.get()>{move || text.get()}</output>
            <input type="range" id=id name=id min=min max=max step=step
                prop:value=move || value.get().to_string()
                on:input=move |ev| if let Some(v) = slider_value(&ev) { on_set.run(v) }/>
        </div>
    }
}

#[component]
pub fn HorizonExplorer(
    /// Closes the explorer.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let app = AppState::get();
    let start_h_m = app.scenario.sensors.with_untracked(|s| {
        s.as_ref()
            .ok()
            .and_then(|s| find_radar(s, KOREA).ok())
            .and_then(|s| s.radar().map(|r| r.antenna_height_m()))
            .unwrap_or(30.0)
    });
    let choice = ExplorerChoice {
        radar: RwSignal::new(KOREA.to_string()),
        radar_h_m: RwSignal::new(start_h_m),
        distance_km: RwSignal::new(300.0),
        exaggeration: RwSignal::new(None),
        step: RwSignal::new(None),
    };
    let earth = Memo::new(move |_| {
        app.view
            .refraction
            .get()
            .earth()
            .map_err(|e| ExplorerError::Refraction(e.to_string()))
    });
    let radar: Memo<Result<Radar, ExplorerError>> = Memo::new(move |_| {
        app.scenario.sensors.with(|s| {
            let s = s.as_ref().map_err(|e| ExplorerError::Sensors(e.clone()))?;
            let sensor = find_radar(s, &choice.radar.get())
                .map_err(|e| ExplorerError::Numbers(e.to_string()))?;
            let r = sensor.radar().ok_or(ExplorerError::NotARadar)?;
            at_height(r, choice.radar_h_m.get()).map_err(|e| ExplorerError::Numbers(e.to_string()))
        })
    });
    let path = Memo::new(move |_| {
        radar.with(|r| {
            app.analysis.flight.with(|f| match (r, f) {
                (Ok(r), Ok(f)) => profile(f, r),
                _ => Vec::new(),
            })
        })
    });
    let risen = Memo::new(move |_| {
        let earth = earth.get().ok()?;
        radar.with(|r| {
            app.analysis
                .flight
                .with(|f| rise(f.as_ref().ok()?, r.as_ref().ok()?, &earth))
        })
    });
    let now = Memo::new(move |_| {
        let t = app.clock.time_s.get();
        radar.with(|r| {
            app.analysis
                .flight
                .with(|f| Some(seen_at(f.as_ref().ok()?, r.as_ref().ok()?, t)))
        })
    });
    let numbers = Memo::new(move |_| {
        let earth = earth.get()?;
        formula(&earth, choice.radar_h_m.get(), app.view.fan_alt_km.get())
            .map_err(|e| ExplorerError::Numbers(e.to_string()))
    });
    // The target the sliders place: seen or hidden, by the core's line of sight.
    let target = Memo::new(move |_| {
        let earth = earth.get()?;
        let (hr, ht_m, s_m) = (
            choice.radar_h_m.get(),
            app.view.fan_alt_km.get() * 1000.0,
            choice.distance_km.get() * 1000.0,
        );
        let sight = earth.sight(hr, ht_m, s_m / earth.radius_m());
        let text = if sight.clear() {
            format!(
                "A target at {:.0} km altitude, {:.0} km away, is in view at elevation {:.2}°",
                ht_m / 1000.0,
                s_m / 1000.0,
                sight.elevation_rad().to_degrees()
            )
        } else {
            let needs = ray_alt_m(&earth, hr, grazing_elevation_rad(&earth, hr), s_m)
                .map(|h| format!("; there it must be above {:.1} km", h / 1000.0))
                .unwrap_or_default();
            format!(
                "A target at {:.0} km altitude, {:.0} km away, is hidden by the Earth{needs}",
                ht_m / 1000.0,
                s_m / 1000.0
            )
        };
        Ok::<_, ExplorerError>((sight.clear(), text))
    });
    let section = Signal::derive(move || SectionInput {
        radar: choice.radar.get(),
        radar_h_m: choice.radar_h_m.get(),
        refraction: app.view.refraction.get(),
        exaggeration: choice.exaggeration.get(),
        path: path.get(),
        now: now.get(),
        rise: risen.get(),
        target_alt_km: app.view.fan_alt_km.get(),
        distance_km: choice.distance_km.get(),
        target_visible: target.with(|t| t.as_ref().map(|t| t.0).unwrap_or(false)),
    });
    let horizon = Signal::derive(move || {
        horizon_chart(
            choice.radar_h_m.get(),
            app.view.refraction.get(),
            app.view.fan_alt_km.get(),
            640,
            300,
        )
    });
    // The charts as tables: the same core figures, as text.
    let horizon_heads = Signal::derive(move || tables::horizon_heads(app.view.refraction.get()));
    let horizon_rows = Signal::derive(move || {
        tables::horizon_rows(
            choice.radar_h_m.get(),
            app.view.refraction.get(),
            app.view.fan_alt_km.get(),
        )
        .unwrap_or_else(|e| vec![vec![e]])
    });
    let path_rows = Signal::derive(move || {
        earth
            .get()
            .map(|earth| {
                path.with(|p| tables::path_rows(&earth, choice.radar_h_m.get(), p, risen.get()))
            })
            .unwrap_or_default()
    });
    let blake = Signal::derive(move || {
        let earth = earth.get().map_err(|e| e.to_string())?;
        radar.with(|r| {
            let r = r.as_ref().map_err(|e| e.to_string())?;
            path.with(|p| {
                let max_ground_km = p
                    .iter()
                    .map(|q| q.ground_km)
                    .fold(choice.distance_km.get(), f64::max);
                let max_alt_km = p
                    .iter()
                    .map(|q| q.alt_km)
                    .fold(app.view.fan_alt_km.get(), f64::max);
                blake_chart(
                    &BlakeInput {
                        earth: &earth,
                        radar: r,
                        radar_h_m: choice.radar_h_m.get(),
                        path: p,
                        rise: risen.get(),
                        max_ground_km: max_ground_km * 1.05,
                        max_alt_km: max_alt_km * 1.1,
                    },
                    640,
                    360,
                )
            })
        })
    });
    let radar_names = move || {
        app.scenario.sensors.with(|s| {
            s.as_ref()
                .map(|s| {
                    radars(s)
                        .into_iter()
                        .map(|(n, _)| n.to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Choosing a radar puts its antenna at its own height and the target over the launch site.
    let choose_radar = move |name: String| {
        choice.step.set(None);
        let site = app
            .analysis
            .flight
            .with_untracked(|f| f.as_ref().ok().map(|f| (f.site_lat_deg, f.site_lon_deg)));
        let found = app.scenario.sensors.with_untracked(|s| {
            s.as_ref()
                .ok()
                .and_then(|s| find_radar(s, &name).ok())
                .and_then(|s| s.radar().cloned())
        });
        if let Some(r) = found {
            choice.radar_h_m.set(r.antenna_height_m());
            if let Some((lat, lon)) = site {
                choice.distance_km.set(ground_km_from(&r, lat, lon).round());
            }
        }
        choice.radar.set(name);
    };
    // The slider shows the constant k chosen, or the traced atmosphere's surface k (moving it picks a k).
    let k_slider = RwSignal::new(4.0 / 3.0);
    Effect::new(move |_| {
        let k = match app.view.refraction.get() {
            Refraction::K(k) => k,
            Refraction::Ray => ExponentialAtmosphere::ITU_R_P453.surface_k(),
        };
        k_slider.set(k);
    });
    let k_label = move || match app.view.refraction.get() {
        Refraction::Ray => "traced".to_string(),
        Refraction::K(k) => k_text(k),
    };
    let set_refraction = move |r: Refraction| {
        choice.step.set(None);
        app.view.refraction.set(r)
    };
    view! {
        <section class="explorer" id="horizon-explorer" aria-labelledby="explorer-title">
            <header class="explorer-head">
                <h2 id="explorer-title">"Horizon explorer: why the horizon decides who sees a launch first"</h2>
                <button type="button" class="explorer-close" on:click=move |_| on_close.run(())>"Close"</button>
            </header>
            <WalkThrough choice=choice/>
            <div class="explorer-grid">
                <div class="explorer-controls">
                    <label>"Radar"
                        <select name="explorer-radar" prop:value=move || choice.radar.get()
                            on:change=move |ev| choose_radar(event_target_value(&ev))>
                            {move || radar_names().into_iter().map(|n| {
                                let selected = n == choice.radar.get_untracked();
                                view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <Slider id="explorer-radar-height" label="Radar height" max=MAX_RADAR_H_M step=1.0
                        value=choice.radar_h_m text=Signal::derive(move || format!("{:.0} m", choice.radar_h_m.get()))
                        on_set=move |v| { choice.step.set(None); choice.radar_h_m.set(v) }/>
                    <Slider id="explorer-target-alt" label="Target altitude" max=MAX_TARGET_ALT_KM step=1.0
                        value=app.view.fan_alt_km text=Signal::derive(move || format!("{:.0} km", app.view.fan_alt_km.get()))
                        on_set=move |v| { choice.step.set(None); app.view.fans_follow.set(false); app.view.fan_alt_km.set(v) }/>
                    <Slider id="explorer-distance" label="Target distance from the radar" max=MAX_DISTANCE_KM step=1.0
                        value=choice.distance_km text=Signal::derive(move || format!("{:.0} km", choice.distance_km.get()))
                        on_set=move |v| { choice.step.set(None); choice.distance_km.set(v) }/>
                    <Slider id="explorer-k" label="Refraction, effective Earth radius factor k" min=K_SLIDER.0 max=K_SLIDER.1 step=0.01
                        value=k_slider text=Signal::derive(k_label)
                        on_set=move |v| set_refraction(Refraction::K(v))/>
                    <div class="k-presets" role="group" aria-label="Refraction presets">
                        <button type="button" name="k-traced" on:click=move |_| set_refraction(Refraction::Ray)>"Traced atmosphere"</button>
                        <button type="button" name="k-geometric" on:click=move |_| set_refraction(Refraction::K(1.0))>"k = 1 (straight rays)"</button>
                        <button type="button" name="k-standard" on:click=move |_| set_refraction(Refraction::K(4.0 / 3.0))>"k = 4/3 (low-altitude rule)"</button>
                    </div>
                    <label>"Vertical exaggeration"
                        <select name="explorer-exaggeration" on:change=move |ev| {
                            choice.exaggeration.set(event_target_value(&ev).parse::<f64>().ok())
                        }>
                            <option value="auto" selected=true>"Automatic"</option>
                            {EXAGGERATIONS.iter().map(|e| view! { <option value=e.to_string()>{format!("×{e}")}</option> }).collect_view()}
                        </select>
                    </label>
                    <p class="note">"The map's radar fans follow this altitude and k."</p>
                </div>
                <div class="explorer-view">
                    <CrossSection input=section/>
                    <dl class="explorer-facts">
                        {move || match numbers.get() {
                            Ok(f) => view! {
                                <div class="xfact" data-fact="slant" data-value=f.slant_range_km>
                                    <dt>"Line of sight to the horizon (slant range)"</dt>
                                    <dd>{format!("{:.1} km", f.slant_range_km)}</dd>
                                </div>
                                <div class="xfact" data-fact="ground" data-value=f.ground_range_km>
                                    <dt>"Ground range to the horizon"</dt>
                                    <dd>{format!("{:.1} km", f.ground_range_km)}</dd>
                                </div>
                            }.into_any(),
                            Err(e) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
                        }}
                        <div class="xfact" data-fact="rise" data-t-s=move || risen.get().map(|r| r.t_s) data-alt-km=move || risen.get().map(|r| r.alt_km)>
                            <dt>{move || format!("The launch, seen from {}", choice.radar.get())}</dt>
                            <dd>{move || rise_text(risen.get().as_ref())}</dd>
                        </div>
                        <div class="xfact" data-fact="target">
                            <dt>"The target the sliders place"</dt>
                            <dd>{move || target.get().map(|t| t.1).unwrap_or_else(|e| e.to_string())}</dd>
                        </div>
                    </dl>
                    // A focus stop: its lines scroll sideways where the sheet is narrow.
                    <div class="formula" tabindex="0" role="group" aria-label="The horizon formula with the numbers">
                        {move || numbers.get().map(|f| f.lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view())}
                    </div>
                    <p class="note">"k = 4/3 bends rays as the standard atmosphere does near the ground; the simple model applies it all the way up, which overstates refraction for targets far above the lower atmosphere."</p>
                </div>
                <div class="explorer-charts">
                    <h3>"Horizon range against target altitude"</h3>
                    <PlotView chart=horizon label="Horizon ground range against target altitude: the traced atmosphere, k = 1, 4/3 and the chosen k" class="explorer-plot horizon-chart"/>
                    <ChartTable heads=horizon_heads rows=horizon_rows/>
                    <h3>"Vertical coverage (Blake chart)"</h3>
                    <PlotView chart=blake label="Blake chart: range against height over the curved Earth, with the radar's elevation limits and the missile's path" class="explorer-plot blake-chart"/>
                    <ChartTable heads=Signal::derive(path_heads) rows=path_rows/>
                </div>
            </div>
        </section>
    }
}
