//! The export panel: the map and each chart as SVG and PNG, the data as CSV, GeoJSON, KML and CZML. Files are
//! built in the page and saved through a download link; nothing goes over the network.

use crate::export::epoch::UtcMs;
use crate::export::features::{arcs, fans, impact_ellipses, FanInput, ImpactInput};
use crate::export::{csv, czml, geojson, kml, launch_name};
use crate::state::AppState;
use leptos::prelude::*;

/// Sampling of trajectories in CSV and CZML, s.
const SAMPLE_STEP_S: f64 = 1.0;
const CHARTS: [(&str, &str); 4] = [
    ("altitude-speed", "Altitude and speed"),
    ("detection-timeline", "Detection timeline"),
    ("warning-time", "Warning time"),
    ("track-error", "Track error"),
];

/// The text of one data export and how to save it.
struct FileOut {
    name: &'static str,
    mime: &'static str,
    text: String,
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = AppState::get();
    let status = RwSignal::new(None::<Result<String, String>>);

    // The inputs every data export shares: every launch that flies, its name and its launch time.
    let launches = move || {
        let forms = app.launches.get_untracked();
        let mut flights = Vec::new();
        let mut names = Vec::new();
        let mut offsets_s = Vec::new();
        app.flights.with_untracked(|fs| {
            for (i, f) in fs.iter().enumerate() {
                if let Ok(f) = f.as_ref() {
                    let missile = forms.get(i).map(|l| l.form.missile.as_str()).unwrap_or("");
                    names.push(launch_name(i, missile));
                    offsets_s.push(f.launch_offset_s());
                    flights.push(f.clone());
                }
            }
        });
        if flights.is_empty() {
            return Err("Export: no launch of the scenario flies".to_string());
        }
        Ok((flights, names, offsets_s))
    };
    let build = move |what: &'static str| -> Result<FileOut, String> {
        let (flights, names, offsets_s) = launches()?;
        // Measurement and track times are seconds after the scenario start.
        let t0 = picture_sim::SimTime::ZERO;
        match what {
            "trajectories" => Ok(FileOut {
                name: "shared-picture-trajectories.csv",
                mime: "text/csv",
                text: csv::trajectories_csv(&flights, &names, SAMPLE_STEP_S)?,
            }),
            "measurements" => {
                // Measurements index the sensors that took part, in catalog order.
                let sensor_names: Vec<String> = app.sensors.with_untracked(|s| {
                    app.enabled.with_untracked(|on| {
                        s.as_ref()
                            .map(|s| {
                                s.iter()
                                    .enumerate()
                                    .filter(|(i, _)| on.get(*i).copied().unwrap_or(true))
                                    .map(|(_, s)| s.name.clone())
                                    .collect()
                            })
                            .unwrap_or_default()
                    })
                });
                let text = app.detections.with_untracked(|d| {
                    csv::measurements_csv(&d.measurements, &sensor_names, &d.nations, t0)
                });
                Ok(FileOut {
                    name: "shared-picture-measurements.csv",
                    mime: "text/csv",
                    text,
                })
            }
            "tracks" => {
                let text = app.pictures.with_untracked(|p| {
                    p.as_ref()
                        .map(|p| csv::tracks_csv(&p.runs))
                        .map_err(|e| format!("Export tracks: {e}"))
                })?;
                Ok(FileOut {
                    name: "shared-picture-tracks.csv",
                    mime: "text/csv",
                    text,
                })
            }
            "geojson" | "kml" => {
                let mut features = arcs(&flights, &names);
                let alt_km = app.fan_alt_km.get_untracked();
                let sensors = app.sensors.get_untracked().unwrap_or_default();
                let coverage = app.coverage.get_untracked().unwrap_or_default();
                let fan_inputs: Vec<FanInput> = coverage
                    .iter()
                    .filter_map(|(i, fp)| {
                        let s = sensors.get(*i)?;
                        Some(FanInput {
                            sensor: &s.name,
                            nation: nation_code(s.nation),
                            target_alt_km: alt_km,
                            footprint: fp,
                        })
                    })
                    .collect();
                features.extend(fans(&fan_inputs));
                // Every picture's predicted impacts as they stand at the clock's time.
                let t_s = app.time_s.get_untracked();
                let runs = app
                    .pictures
                    .get_untracked()
                    .map(|p| p.runs)
                    .unwrap_or_default();
                let impacts: Vec<ImpactInput> = runs
                    .iter()
                    .flat_map(|r| {
                        r.tracks_at(t_s).iter().filter_map(|t| {
                            let (lat_deg, lon_deg, ellipse) = t.impact?;
                            Some(ImpactInput {
                                picture: &r.name,
                                track_id: t.id,
                                lat_deg,
                                lon_deg,
                                ellipse,
                            })
                        })
                    })
                    .collect();
                features.extend(impact_ellipses(&impacts));
                Ok(if what == "kml" {
                    FileOut {
                        name: "shared-picture.kml",
                        mime: "application/vnd.google-earth.kml+xml",
                        text: kml::kml("Shared Picture", &features),
                    }
                } else {
                    FileOut {
                        name: "shared-picture.geojson",
                        mime: "application/geo+json",
                        text: geojson::geojson(&features),
                    }
                })
            }
            "czml" => {
                let runs = app
                    .pictures
                    .get_untracked()
                    .map(|p| p.runs)
                    .unwrap_or_default();
                Ok(FileOut {
                    name: "shared-picture.czml",
                    mime: "application/json",
                    text: czml::czml(
                        "Shared Picture",
                        UtcMs(app.start_utc_s.get_untracked() * 1000),
                        &flights,
                        &names,
                        &offsets_s,
                        &runs,
                        SAMPLE_STEP_S,
                    )?,
                })
            }
            other => Err(format!("Export: unknown format {other}")),
        }
    };
    let save = move |what: &'static str| {
        let r = build(what).and_then(|f| {
            download(f.name, f.mime, &f.text)?;
            Ok(format!(
                "Saved {} ({} kB)",
                f.name,
                f.text.len().div_ceil(1024)
            ))
        });
        status.set(Some(r));
    };
    let picture = move |selector: String, stem: String, png: bool| {
        status.set(Some(save_picture(&selector, &stem, png, status)));
    };
    let button = move |label: &'static str, what: &'static str| {
        view! { <button type="button" data-export=what on:click=move |_| save(what)>{label}</button> }
    };
    let picture_buttons = move |name: &'static str, title: &'static str, selector: String| {
        let stem = format!("shared-picture-{name}");
        let (stem2, selector2) = (stem.clone(), selector.clone());
        view! {
            <span class="export-picture">
                <button type="button" data-export=format!("{name}-svg") aria-label=format!("{title} as SVG")
                    on:click=move |_| picture(selector.clone(), stem.clone(), false)>{format!("{title} SVG")}</button>
                <button type="button" data-export=format!("{name}-png") aria-label=format!("{title} as PNG")
                    on:click=move |_| picture(selector2.clone(), stem2.clone(), true)>{format!("{title} PNG")}</button>
            </span>
        }
    };
    view! {
        <section class="panel export-panel" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <h3>"Pictures"</h3>
            <div class="export-group" role="group" aria-label="Map and charts">
                {picture_buttons("map", "Map", ".map svg.map-svg".to_string())}
                {CHARTS.iter().map(|(name, title)| {
                    picture_buttons(name, title, format!("figure.cursor-chart[data-chart=\"{name}\"] .plot svg"))
                }).collect_view()}
            </div>
            <h3>"Data"</h3>
            <div class="export-group" role="group" aria-label="Data files">
                {button("Trajectories CSV", "trajectories")}
                {button("Measurements CSV", "measurements")}
                {button("Tracks CSV", "tracks")}
                {button("GeoJSON", "geojson")}
                {button("KML", "kml")}
                {button("CZML (Cesium)", "czml")}
            </div>
            <p class="note">"GeoJSON and KML hold the arc, the radar fans at the altitude chosen above and each picture's predicted impacts (95% ellipses) at the clock's time. CZML times start at the launch's date (the 2017-08-29 flight: 20:57 UTC the day before)."</p>
            {move || status.get().map(|s| match s {
                Ok(m) => view! { <p class="note export-status" role="status">{m}</p> }.into_any(),
                Err(e) => view! { <p class="field-error export-status" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}

fn nation_code(n: picture_sim::sensors::Nation) -> &'static str {
    use picture_sim::sensors::Nation;
    match n {
        Nation::JP => "JP",
        Nation::KR => "KR",
        Nation::US => "US",
    }
}

#[cfg(target_arch = "wasm32")]
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    crate::export::download::download_text(name, mime, text)
}

#[cfg(not(target_arch = "wasm32"))]
fn download(_: &str, _: &str, _: &str) -> Result<(), String> {
    Err("Export: downloads need a browser".into())
}

/// Saves the SVG element `selector` finds as `stem.svg`, or draws it into `stem.png`.
#[cfg(target_arch = "wasm32")]
fn save_picture(
    selector: &str,
    stem: &str,
    png: bool,
    status: RwSignal<Option<Result<String, String>>>,
) -> Result<String, String> {
    use crate::export::download::{download_png, download_text, standalone_svg};
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .ok_or_else(|| format!("Export: {stem} is not on the page yet"))?;
    let (svg, w, h) = standalone_svg(&el)?;
    if png {
        let name = format!("{stem}.png");
        let report = std::rc::Rc::new(move |e: String| status.set(Some(Err(e))));
        download_png(name.clone(), svg, w, h, report);
        Ok(format!("Saving {name} ({w:.0} × {h:.0} px, drawn at 2×)"))
    } else {
        let name = format!("{stem}.svg");
        download_text(&name, "image/svg+xml", &svg)?;
        Ok(format!("Saved {name}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save_picture(
    _: &str,
    stem: &str,
    _: bool,
    _: RwSignal<Option<Result<String, String>>>,
) -> Result<String, String> {
    Err(format!("Export: {stem} needs a browser"))
}
