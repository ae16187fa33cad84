//! The export panel: the map and each chart as SVG and PNG, the data as CSV, GeoJSON, KML and CZML. Files are
//! built in the page and saved through a download link; nothing goes over the network.

use crate::export::csv::{self, CsvError};
use crate::export::czml::{self, CzmlError};
use crate::export::epoch::UtcMs;
use crate::export::features::{arcs, fans, impact_ellipses, FanInput, ImpactInput};
use crate::export::{geojson, kml, launch_name};
use crate::state::{AnalysisError, AppState};
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::export::download::DownloadError;

/// Natively there is no browser to save a file through.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("Export: downloads need a browser")]
pub struct DownloadError;

/// Sampling of trajectories in CSV and CZML, s.
const SAMPLE_STEP_S: f64 = 1.0;
const CHARTS: [(&str, &str); 4] = [
    ("altitude-speed", "Altitude and speed"),
    ("detection-timeline", "Detection timeline"),
    ("warning-time", "Warning time"),
    ("track-error", "Track error"),
];

/// Why an export was not saved. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// No launch of the scenario flies: there is nothing to export.
    #[error("Export: no launch of the scenario flies")]
    NoFlight,
    /// The pictures have no tracks to export.
    #[error("Export tracks: {0}")]
    Tracks(AnalysisError),
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error(transparent)]
    Czml(#[from] CzmlError),
    /// A data format the panel does not write.
    #[error("Export: unknown format {0}")]
    Format(String),
    /// The browser could not save the file.
    #[error(transparent)]
    Download(#[from] DownloadError),
    /// A map or chart that is not drawn yet (by its file stem).
    #[error("Export: {0} is not on the page yet")]
    NotOnPage(String),
    /// A map or chart (by its file stem) that only a browser can draw.
    #[error("Export: {0} needs a browser")]
    NeedsBrowser(String),
}

/// What an export did, for the panel's status line.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportStatus {
    /// A data file saved, with its size in kB (rounded up).
    Saved { name: &'static str, kb: usize },
    /// An SVG saved.
    SavedSvg { name: String },
    /// A PNG being drawn, with its size in CSS px.
    SavingPng { name: String, w_px: f64, h_px: f64 },
}

impl std::fmt::Display for ExportStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportStatus::Saved { name, kb } => write!(f, "Saved {name} ({kb} kB)"),
            ExportStatus::SavedSvg { name } => write!(f, "Saved {name}"),
            ExportStatus::SavingPng { name, w_px, h_px } => {
                write!(f, "Saving {name} ({w_px:.0} × {h_px:.0} px, drawn at 2×)")
            }
        }
    }
}

/// The status line: what the last export did, or why it failed.
type Status = RwSignal<Option<Result<ExportStatus, ExportError>>>;

/// The text of one data export and how to save it.
struct FileOut {
    name: &'static str,
    mime: &'static str,
    text: String,
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = AppState::get();
    let status: Status = RwSignal::new(None);

    // The inputs every data export shares: every launch that flies, its name and its launch time.
    let launches = move || {
        let forms = app.scenario.launches.get_untracked();
        let mut flights = Vec::new();
        let mut names = Vec::new();
        let mut offsets_s = Vec::new();
        app.analysis.flights.with_untracked(|fs| {
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
            return Err(ExportError::NoFlight);
        }
        Ok((flights, names, offsets_s))
    };
    let build = move |what: &'static str| -> Result<FileOut, ExportError> {
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
                let sensor_names: Vec<String> = app.scenario.sensors.with_untracked(|s| {
                    app.scenario.enabled.with_untracked(|on| {
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
                let text = app.analysis.detections.with_untracked(|d| {
                    csv::measurements_csv(&d.measurements, &sensor_names, &d.nations, t0)
                });
                Ok(FileOut {
                    name: "shared-picture-measurements.csv",
                    mime: "text/csv",
                    text,
                })
            }
            "tracks" => {
                let text = app.analysis.pictures.with_untracked(|p| {
                    p.as_ref()
                        .map(|p| csv::tracks_csv(&p.runs))
                        .map_err(|e| ExportError::Tracks(e.clone()))
                })?;
                Ok(FileOut {
                    name: "shared-picture-tracks.csv",
                    mime: "text/csv",
                    text,
                })
            }
            "pictures" => {
                let text = app.analysis.pictures.with_untracked(|p| {
                    p.as_ref()
                        .map(|p| csv::pictures_csv(&p.comparison.rows))
                        .map_err(|e| ExportError::Tracks(e.clone()))
                })?;
                Ok(FileOut {
                    name: "shared-picture-pictures.csv",
                    mime: "text/csv",
                    text,
                })
            }
            "geojson" | "kml" => {
                let mut features = arcs(&flights, &names);
                let alt_km = app.view.fan_alt_km.get_untracked();
                let sensors = app.scenario.sensors.get_untracked().unwrap_or_default();
                let coverage = app.analysis.coverage.get_untracked().unwrap_or_default();
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
                let t_s = app.clock.time_s.get_untracked();
                let runs = app
                    .analysis
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
                    .analysis
                    .pictures
                    .get_untracked()
                    .map(|p| p.runs)
                    .unwrap_or_default();
                Ok(FileOut {
                    name: "shared-picture.czml",
                    mime: "application/json",
                    text: czml::czml(
                        "Shared Picture",
                        UtcMs::from_secs(app.scenario.start_utc_s.get_untracked()),
                        &flights,
                        &names,
                        &offsets_s,
                        &runs,
                        SAMPLE_STEP_S,
                    )?,
                })
            }
            other => Err(ExportError::Format(other.to_string())),
        }
    };
    let save = move |what: &'static str| {
        let r = build(what).and_then(|f| {
            download(f.name, f.mime, &f.text)?;
            Ok(ExportStatus::Saved {
                name: f.name,
                kb: f.text.len().div_ceil(1024),
            })
        });
        status.set(Some(r));
    };
    // The SVG element a selector finds, or (without one) the briefing figure composed around the map.
    let picture = move |selector: Option<String>, stem: String, png: bool| {
        status.set(Some(match selector {
            Some(selector) => save_picture(&selector, &stem, png, status),
            None => save_figure(app, &stem, png, status),
        }));
    };
    let button = move |label: &'static str, what: &'static str| {
        view! { <button type="button" data-export=what on:click=move |_| save(what)>{label}</button> }
    };
    let picture_buttons = move |name: &'static str,
                                title: &'static str,
                                selector: Option<String>| {
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
                {picture_buttons("map", "Map", Some(".map svg.map-svg".to_string()))}
                {picture_buttons("figure", "Briefing figure", None)}
                {CHARTS.iter().map(|(name, title)| {
                    picture_buttons(name, title, Some(format!("figure.cursor-chart[data-chart=\"{name}\"] .plot svg")))
                }).collect_view()}
            </div>
            <h3>"Data"</h3>
            <div class="export-group" role="group" aria-label="Data files">
                {button("Trajectories CSV", "trajectories")}
                {button("Measurements CSV", "measurements")}
                {button("Tracks CSV", "tracks")}
                {button("Pictures CSV (milestones, SIAP)", "pictures")}
                {button("GeoJSON", "geojson")}
                {button("KML", "kml")}
                {button("CZML (Cesium)", "czml")}
            </div>
            <p class="note">"GeoJSON and KML hold the arc, the radar fans at the altitude chosen above and each picture's predicted impacts (95% ellipses) at the clock's time. CZML times start at the launch's date (the 2017-08-29 flight: 20:57 UTC the day before)."</p>
            {move || status.get().map(|s| match s {
                Ok(m) => view! { <p class="note export-status" role="status">{m.to_string()}</p> }.into_any(),
                Err(e) => view! { <p class="field-error export-status" role="alert">{e.to_string()}</p> }.into_any(),
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
fn download(name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    crate::export::download::download_text(name, mime, text)
}

#[cfg(not(target_arch = "wasm32"))]
fn download(_: &str, _: &str, _: &str) -> Result<(), DownloadError> {
    Err(DownloadError)
}

/// Saves the SVG element `selector` finds as `stem.svg`, or draws it into `stem.png`.
#[cfg(target_arch = "wasm32")]
fn save_picture(
    selector: &str,
    stem: &str,
    png: bool,
    status: Status,
) -> Result<ExportStatus, ExportError> {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .ok_or_else(|| ExportError::NotOnPage(stem.to_string()))?;
    save_svg(
        stem,
        crate::export::download::standalone_svg(&el)?,
        png,
        status,
    )
}

/// Saves an SVG document of `w` x `h` px as `stem.svg`, or draws it into `stem.png`.
#[cfg(target_arch = "wasm32")]
fn save_svg(
    stem: &str,
    (svg, w, h): (String, f64, f64),
    png: bool,
    status: Status,
) -> Result<ExportStatus, ExportError> {
    use crate::export::download::{download_png, download_text};
    if png {
        let name = format!("{stem}.png");
        let report = std::rc::Rc::new(move |e: DownloadError| status.set(Some(Err(e.into()))));
        download_png(name.clone(), svg, w, h, report);
        Ok(ExportStatus::SavingPng {
            name,
            w_px: w,
            h_px: h,
        })
    } else {
        let name = format!("{stem}.svg");
        download_text(&name, "image/svg+xml", &svg)?;
        Ok(ExportStatus::SavedSvg { name })
    }
}

/// The briefing figure's words: the preset's title and sources (or the reader's own scenario's), the pictures,
/// the clock and the "now" line as the page shows them.
#[cfg(target_arch = "wasm32")]
fn figure_text(app: AppState, now: String) -> crate::export::figure::FigureText {
    use crate::present::flight::format_elapsed;
    use crate::scenario::presets::Preset;
    use crate::timeline::zones::{time_of_day, wall_clock, ZONES};
    let preset = app.view.preset.get_untracked();
    let preset = preset.as_deref().and_then(Preset::find);
    let picture = app.view.picture.get_untracked();
    // Side by side, the compared picture is on a second map, which the figure leaves out.
    let shows = match app.view.compare_with.get_untracked() {
        Some(c) if c != picture && !app.view.side_by_side.get_untracked() => {
            format!("The picture of {picture}, compared with {c} (dashed)")
        }
        _ => format!("The picture of {picture}"),
    };
    let (start, t_s) = (
        app.scenario.start_utc_s.get_untracked(),
        app.clock.time_s.get_untracked(),
    );
    let mut clock = vec![
        wall_clock(start, t_s, ZONES[0]).map_or_else(|e| e.to_string(), |c| format!("{c} UTC"))
    ];
    for z in &ZONES[1..] {
        clock.push(
            time_of_day(start, t_s, *z)
                .map_or_else(|e| e.to_string(), |c| format!("{c} {}", z.name)),
        );
    }
    clock.push(format!("{} after launch", format_elapsed(t_s)));
    crate::export::figure::FigureText {
        title: preset.map_or_else(|| "A scenario made in Shared Picture".to_string(), |p| p.title.to_string()),
        shows,
        clock: clock.join(" · "),
        now,
        sources: preset.map_or_else(
            || "Sources: the public estimates behind each model, listed under \"Sources and estimates\" in Shared Picture.".to_string(),
            |p| format!("Sources: {}.", p.sources.join("; ")),
        ),
        credit: format!(
            "Shared Picture, model {}: notional sensor figures fitted to public claims. Map: Natural Earth.",
            picture_sim::model::MODEL_VERSION
        ),
    }
}

/// Saves the briefing figure as SVG, or draws it into a PNG.
#[cfg(target_arch = "wasm32")]
fn save_figure(
    app: AppState,
    stem: &str,
    png: bool,
    status: Status,
) -> Result<ExportStatus, ExportError> {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)?;
    let find = |selector: &str| doc.query_selector(selector).ok().flatten();
    let map =
        find(".map svg.map-svg").ok_or_else(|| ExportError::NotOnPage("the map".to_string()))?;
    let legend: Vec<web_sys::Element> = doc
        .query_selector_all("details.map-legend li")
        .map(|rows| {
            (0..rows.length())
                .filter_map(|i| rows.item(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default();
    let now = find(".now-line")
        .and_then(|n| n.text_content())
        .unwrap_or_default();
    let figure = crate::export::figure::figure_svg(&map, &legend, &figure_text(app, now))?;
    save_svg(stem, figure, png, status)
}

#[cfg(not(target_arch = "wasm32"))]
fn save_figure(_: AppState, _: &str, _: bool, _: Status) -> Result<ExportStatus, ExportError> {
    Err(ExportError::NeedsBrowser("the briefing figure".to_string()))
}

#[cfg(not(target_arch = "wasm32"))]
fn save_picture(_: &str, stem: &str, _: bool, _: Status) -> Result<ExportStatus, ExportError> {
    Err(ExportError::NeedsBrowser(stem.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_before() {
        let s = ExportStatus::Saved {
            name: "shared-picture.kml",
            kb: 3,
        };
        assert_eq!(s.to_string(), "Saved shared-picture.kml (3 kB)");
        let s = ExportStatus::SavingPng {
            name: "map.png".into(),
            w_px: 800.4,
            h_px: 500.0,
        };
        assert_eq!(s.to_string(), "Saving map.png (800 × 500 px, drawn at 2×)");
        assert_eq!(
            ExportError::NoFlight.to_string(),
            "Export: no launch of the scenario flies"
        );
        assert_eq!(
            ExportError::Tracks(AnalysisError::NoFlight).to_string(),
            "Export tracks: no flight"
        );
    }
}
