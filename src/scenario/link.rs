//! Share links: the whole scenario, the model's version and the clock in the URL fragment, compact and
//! versioned: `s=1.<base64url of compact JSON>&m=<model version>&t=<seconds>`. Nothing leaves the browser (the fragment is never sent to a
//! server). Sensors are named by their catalog index, so the version changes whenever that meaning changes;
//! a link of another version is refused with a message saying why. Pure, tested natively.

use super::model::{check_offset, AppScenario, ModelError, ScenarioLaunch};
use crate::present::launch_form::{AimForm, LaunchForm, ShapeChoice};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use picture_sim::scenario::ShipStation;
use picture_sim::sensors::Refraction;
use picture_sim::sites;
use picture_sim::tracking::picture::PictureConfig;
use serde::{Deserialize, Serialize};

/// The link format this code writes and reads.
pub const LINK_VERSION: u32 = 1;

/// One launch: (site index, missile id, shape id, apogee km, aim kind `p`/`a`, lat or azimuth deg, lon deg or
/// range km, launch time s).
type CompactLaunch = (usize, String, String, f64, char, f64, f64, f64);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Compact {
    s: u64,
    l: Vec<CompactLaunch>,
    /// Catalog indices of the sensors that take part (absent: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<Vec<usize>>,
    /// Moved ships: (catalog index, lat deg, lon deg).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    m: Vec<(usize, f64, f64)>,
    /// Pictures, when not the built-in ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p: Option<Vec<PictureConfig>>,
    /// The scenario's start, seconds since 1970-01-01T00:00Z, when not the default (links made before it
    /// was added open on the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    u: Option<i64>,
}

/// Why a scenario cannot be written into a link or a link cannot be opened. Each message names the field
/// (the messages are shown to the user as they are).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkError {
    /// A sensor name that is not in the catalog.
    #[error("{field}: no sensor named `{name}` in the catalog")]
    NoSensorNamed { field: String, name: String },
    /// A sensor index past the catalog's end.
    #[error("{field}: sensor {index} is not in the catalog")]
    NoSensorAt { field: String, index: usize },
    /// A launch site name that is not in the catalog.
    #[error("launches[{index}].site: '{site}' is not in the catalog")]
    SiteName { index: usize, site: String },
    /// A launch site index past the catalog's end.
    #[error("launches[{index}].site: no launch site {site}")]
    SiteIndex { index: usize, site: usize },
    /// A shape id the app does not know.
    #[error("launches[{index}].shape: unknown shape '{shape}'")]
    Shape { index: usize, shape: String },
    /// An aim kind other than `p` (point) and `a` (azimuth and range).
    #[error("launches[{index}].aim: unknown aim kind '{kind}'")]
    AimKind { index: usize, kind: char },
    /// A launch whose form does not make a flight request.
    #[error("launches[{index}]: {reason}")]
    Launch { index: usize, reason: String },
    /// A link without a launch.
    #[error("launches: the link has no launch")]
    NoLaunch,
    /// A clock time that is not a time.
    #[error("link time t: '{0}' is not a time in seconds")]
    Time(String),
    /// A clock time beyond the scenario's span.
    #[error("link time t: {t_s} s is outside 0..={max_s} s after the start", max_s = picture_sim::limits::CLOCK_MAX_S)]
    TimeRange { t_s: f64 },
    /// More launches than the page flies.
    #[error("launches: the link has {count} launches; at most {max} are allowed", max = picture_sim::limits::LAUNCHES_MAX)]
    TooManyLaunches { count: usize },
    /// A scenario without its version.
    #[error("link: no version before the scenario (expected s=<version>.<data>)")]
    NoVersion,
    /// A version that is not a number.
    #[error("link version: '{0}' is not a version number")]
    VersionText(String),
    /// A model version that is not a number.
    #[error("link model version m: '{0}' is not a version number")]
    ModelText(String),
    /// A link of another version.
    #[error(
        "link version: this link was made by {age} version of Shared Picture (link version {version}); \
         this page opens version {LINK_VERSION} links. Your own scenario is unchanged.",
        age = version_age(.version)
    )]
    Version { version: u32 },
    /// Data that is not base64url.
    #[error("link: the scenario is damaged (not base64url: {0})")]
    Base64(String),
    /// Data that is not the compact scenario.
    #[error("link: the scenario is damaged ({0})")]
    Damaged(String),
    /// The compact scenario could not be written.
    #[error("{0}")]
    Json(String),
    /// The scenario fails the file's checks.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A view field that is not what it must be: the field, the value (cut to 40 characters) and what is
    /// allowed.
    #[error("link view {field}: '{value}' is not {allowed}")]
    View {
        field: &'static str,
        value: String,
        allowed: String,
    },
    /// A view of another version.
    #[error(
        "link view v: version {0} is not one this page reads (it reads version {VIEW_VERSION})"
    )]
    ViewVersion(String),
}

/// The version of the view fields (`v=`) this code writes and reads; links without `v` carry no view.
pub const VIEW_VERSION: u32 = 1;

/// The panel a link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The horizon explorer.
    Explorer,
}

/// Where the map looks: its centre in degrees and its zoom relative to the view it opens on (1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapAt {
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub zoom: f64,
}

/// The zooms a link may ask for, relative to the opening view (the map's own limits clamp further).
pub const ZOOM_RANGE: (f64, f64) = (0.5, 64.0);

/// How the scenario is looked at, carried by a link after `v=1`: the picture shown (`p`, its index among the
/// scenario's pictures), the compared one (`c`, with `s` after it for side by side), the fans' altitude (`a`,
/// km) and k (`k`), the map's centre and zoom (`z=lat,lon,zoom`), the speed (`x`) and whether it plays
/// (`play=1`), the open panel (`o=explorer`), and the preset it came from (`pr`). Each is optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkView {
    pub picture: Option<String>,
    /// The compared picture and whether side by side; `None`: none compared.
    pub compare: Option<(String, bool)>,
    pub fan_alt_km: Option<f64>,
    pub k: Option<Refraction>,
    pub map: Option<MapAt>,
    pub speed: Option<f64>,
    pub playing: bool,
    pub panel: Option<Panel>,
    /// The preset's id (one of `presets::PRESETS`).
    pub preset: Option<&'static str>,
}

/// Writes the view fields (`&v=1&...`) for a scenario whose pictures are `pictures`.
pub fn encode_view(v: &LinkView, pictures: &[PictureConfig]) -> String {
    use std::fmt::Write;
    let index = |name: &str| pictures.iter().position(|p| p.name == name);
    let mut out = format!("&v={VIEW_VERSION}");
    if let Some(i) = v.picture.as_deref().and_then(index) {
        let _ = write!(out, "&p={i}");
    }
    if let Some((name, side)) = &v.compare {
        if let Some(i) = index(name) {
            let _ = write!(out, "&c={i}{}", if *side { "s" } else { "" });
        }
    }
    if let Some(a) = v.fan_alt_km {
        let _ = write!(out, "&a={a}");
    }
    // Exactly (the shortest text that reads back the same number): k also refracts the detections, and a
    // link must give its figures again. The traced atmosphere is `k=ray`.
    match v.k {
        Some(Refraction::Ray) => out.push_str("&k=ray"),
        Some(Refraction::K(k)) => {
            let _ = write!(out, "&k={k}");
        }
        None => {}
    }
    if let Some(m) = v.map {
        // Within what a link may ask for, so that every link written opens (a centre in a corner of the map
        // data can lie just outside its latitudes and longitudes).
        let (la, lo) = (
            crate::map::graticule::LAT_RANGE_DEG,
            crate::map::graticule::LON_RANGE_DEG,
        );
        let r = |x: f64, (min, max): (f64, f64)| ((x * 1000.0).round() / 1000.0).clamp(min, max);
        let _ = write!(
            out,
            "&z={},{},{}",
            r(m.lat_deg, la),
            r(m.lon_deg, lo),
            r(m.zoom, ZOOM_RANGE)
        );
    }
    if let Some(x) = v.speed {
        let _ = write!(out, "&x={x}");
    }
    if v.playing {
        out.push_str("&play=1");
    }
    if v.panel == Some(Panel::Explorer) {
        out.push_str("&o=explorer");
    }
    if let Some(p) = v.preset {
        let _ = write!(out, "&pr={p}");
    }
    out
}

/// A view field's error.
fn bad(field: &'static str, value: &str, allowed: impl Into<String>) -> LinkError {
    LinkError::View {
        field,
        value: value.chars().take(40).collect(),
        allowed: allowed.into(),
    }
}

/// A finite number within `lo..=hi`.
fn number_in(field: &'static str, value: &str, lo: f64, hi: f64) -> Result<f64, LinkError> {
    value
        .parse::<f64>()
        .ok()
        .filter(|x| (lo..=hi).contains(x))
        .ok_or_else(|| bad(field, value, format!("a number from {lo} to {hi}")))
}

/// Reads the view fields (each `(key, value)` after the scenario) against the scenario's pictures.
pub fn decode_view(
    parts: &[(&str, &str)],
    pictures: &[PictureConfig],
) -> Result<LinkView, LinkError> {
    let mut v = LinkView::default();
    let Some((_, version)) = parts.iter().find(|(k, _)| *k == "v") else {
        return Ok(v);
    };
    if version.parse::<u32>() != Ok(VIEW_VERSION) {
        return Err(LinkError::ViewVersion(version.chars().take(40).collect()));
    }
    let picture = |field, value: &str| {
        value
            .parse::<usize>()
            .ok()
            .and_then(|i| pictures.get(i))
            .map(|p| p.name.clone())
            .ok_or_else(|| {
                bad(
                    field,
                    value,
                    format!("a picture (0 to {})", pictures.len().saturating_sub(1)),
                )
            })
    };
    for &(key, value) in parts {
        match key {
            "p" => v.picture = Some(picture("p", value)?),
            "c" => {
                let (i, side) = match value.strip_suffix('s') {
                    Some(i) => (i, true),
                    None => (value, false),
                };
                v.compare = Some((picture("c", i)?, side));
            }
            "a" => v.fan_alt_km = Some(number_in("a", value, 0.0, FAN_ALT_MAX_KM)?),
            "k" if value == "ray" => v.k = Some(Refraction::Ray),
            "k" => {
                let k = number_in("k", value, K_RANGE.0, K_RANGE.1).map_err(|_| {
                    bad(
                        "k",
                        value,
                        format!("ray or a number from {} to {}", K_RANGE.0, K_RANGE.1),
                    )
                })?;
                v.k = Some(Refraction::K(k));
            }
            "z" => {
                let n: Vec<&str> = value.splitn(4, ',').collect();
                let [lat, lon, zoom] = n[..] else {
                    return Err(bad("z", value, "latitude,longitude,zoom"));
                };
                let (la, lo) = (
                    crate::map::graticule::LAT_RANGE_DEG,
                    crate::map::graticule::LON_RANGE_DEG,
                );
                v.map = Some(MapAt {
                    lat_deg: number_in("z", lat, la.0, la.1)?,
                    lon_deg: number_in("z", lon, lo.0, lo.1)?,
                    zoom: number_in("z", zoom, ZOOM_RANGE.0, ZOOM_RANGE.1)?,
                });
            }
            "x" => {
                v.speed = Some(
                    value
                        .parse::<f64>()
                        .ok()
                        .filter(|x| SPEEDS.contains(x))
                        .ok_or_else(|| {
                            bad("x", value, "a speed of 1, 2, 4, 8, 16, 32, 64 or 128")
                        })?,
                )
            }
            "play" => v.playing = value == "1",
            "o" => {
                v.panel = match value {
                    "explorer" => Some(Panel::Explorer),
                    _ => return Err(bad("o", value, "a panel (explorer)")),
                }
            }
            "pr" => {
                v.preset = Some(
                    super::presets::Preset::find(value)
                        .map(|p| p.id)
                        .ok_or_else(|| bad("pr", value, "a preset's id"))?,
                )
            }
            _ => {}
        }
    }
    Ok(v)
}

/// The fans' highest altitude a link may ask for, km (the horizon explorer's).
pub const FAN_ALT_MAX_KM: f64 = 1000.0;
/// The k a link may ask for (the horizon explorer's slider).
pub const K_RANGE: (f64, f64) = (0.5, 3.0);
/// The playback speeds (the clock's).
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0];

/// Whether a link version is older or newer than this page's, for the message.
fn version_age(version: &u32) -> &'static str {
    if *version < LINK_VERSION {
        "an older"
    } else {
        "a newer"
    }
}

/// What a link holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub scenario: AppScenario,
    /// How it is looked at (all `None` in a link made before links carried the view).
    pub view: LinkView,
    /// The clock, seconds after the scenario start.
    pub time_s: Option<f64>,
    /// The model version of the page that made the link (`picture_sim::model`); `None` for a link made
    /// before links recorded it.
    pub model: Option<u32>,
}

fn index_of(catalog: &[String], name: &str, field: &str) -> Result<usize, LinkError> {
    catalog
        .iter()
        .position(|c| c == name)
        .ok_or_else(|| LinkError::NoSensorNamed {
            field: field.to_string(),
            name: name.to_string(),
        })
}

fn name_at(catalog: &[String], i: usize, field: &str) -> Result<String, LinkError> {
    catalog
        .get(i)
        .cloned()
        .ok_or_else(|| LinkError::NoSensorAt {
            field: field.to_string(),
            index: i,
        })
}

/// The fragment (without `#`) for a scenario at a time. `catalog` is the sensor catalog's names in order.
pub fn encode(s: &AppScenario, time_s: f64, catalog: &[String]) -> Result<String, LinkError> {
    let l = s
        .launches
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let site = sites::all()
                .iter()
                .position(|x| x.name == l.form.site)
                .ok_or_else(|| LinkError::SiteName {
                    index: i,
                    site: l.form.site.clone(),
                })?;
            let (kind, a, b) = match l.form.aim {
                AimForm::Point { lat_deg, lon_deg } => ('p', lat_deg, lon_deg),
                AimForm::AzimuthRange {
                    azimuth_deg,
                    range_km,
                } => ('a', azimuth_deg, range_km),
            };
            Ok((
                site,
                l.form.missile.clone(),
                l.form.shape.id().to_string(),
                l.form.apogee_km,
                kind,
                a,
                b,
                l.offset_s,
            ))
        })
        .collect::<Result<Vec<_>, LinkError>>()?;
    let n = if s.sensors.is_empty() {
        None
    } else {
        Some(
            s.sensors
                .iter()
                .enumerate()
                .map(|(i, name)| index_of(catalog, name, &format!("sensors[{i}]")))
                .collect::<Result<Vec<_>, _>>()?,
        )
    };
    let m = s
        .ships
        .iter()
        .enumerate()
        .map(|(i, st)| {
            Ok((
                index_of(catalog, &st.sensor, &format!("ships[{i}]"))?,
                st.lat_deg,
                st.lon_deg,
            ))
        })
        .collect::<Result<Vec<_>, LinkError>>()?;
    let p =
        (s.pictures != crate::present::pictures::builtin_pictures()).then(|| s.pictures.clone());
    let json = serde_json::to_vec(&Compact {
        s: s.seed,
        l,
        n,
        m,
        p,
        u: (s.start_utc_s != crate::timeline::zones::DEFAULT_START_UTC_S).then_some(s.start_utc_s),
    })
    .map_err(|e| LinkError::Json(e.to_string()))?;
    // Clamped to what decode accepts, so every link this page writes opens again.
    let t = if time_s.is_finite() {
        time_s.clamp(0.0, picture_sim::limits::CLOCK_MAX_S)
    } else {
        0.0
    };
    Ok(format!(
        "s={LINK_VERSION}.{}&m={}&t={}",
        URL_SAFE_NO_PAD.encode(json),
        picture_sim::model::MODEL_VERSION,
        (t * 10.0).round() / 10.0
    ))
}

/// Reads a fragment (with or without `#`). `Ok(None)` when it holds no scenario; an error says why a link
/// cannot be opened (another version, or damaged) and names the field.
pub fn decode(fragment: &str, catalog: &[String]) -> Result<Option<Link>, LinkError> {
    let fragment = fragment.trim_start_matches('#');
    let mut payload = None;
    let mut time_s = None;
    let mut model = None;
    let mut view_parts = Vec::new();
    for part in fragment.split('&') {
        if let Some(kv) = part
            .split_once('=')
            .filter(|(k, _)| !matches!(*k, "s" | "m" | "t"))
        {
            view_parts.push(kv);
        } else if let Some(v) = part.strip_prefix("s=") {
            payload = Some(v);
        } else if let Some(v) = part.strip_prefix("m=") {
            model = Some(
                v.parse::<u32>()
                    .map_err(|_| LinkError::ModelText(v.chars().take(40).collect()))?,
            );
        } else if let Some(v) = part.strip_prefix("t=") {
            let t = v
                .parse::<f64>()
                .ok()
                .filter(|t| !t.is_nan())
                .ok_or_else(|| LinkError::Time(v.to_string()))?;
            // Bounded so that the clock re-encodes as a finite number (1.8e307 used to come back as `t=inf`).
            if !(0.0..=picture_sim::limits::CLOCK_MAX_S).contains(&t) {
                return Err(LinkError::TimeRange { t_s: t });
            }
            time_s = Some(t);
        }
    }
    let Some(payload) = payload else {
        return Ok(None);
    };
    let (version, data) = payload.split_once('.').ok_or(LinkError::NoVersion)?;
    let version: u32 = version
        .parse()
        .map_err(|_| LinkError::VersionText(version.to_string()))?;
    if version != LINK_VERSION {
        return Err(LinkError::Version { version });
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| LinkError::Base64(e.to_string()))?;
    let c: Compact =
        serde_json::from_slice(&bytes).map_err(|e| LinkError::Damaged(e.to_string()))?;
    if c.l.len() > picture_sim::limits::LAUNCHES_MAX {
        return Err(LinkError::TooManyLaunches { count: c.l.len() });
    }
    let launches =
        c.l.into_iter()
            .enumerate()
            .map(
                |(i, (site, missile, shape, apogee_km, kind, a, b, offset_s))| {
                    let site = sites::all()
                        .get(site)
                        .ok_or(LinkError::SiteIndex { index: i, site })?;
                    let shape = ShapeChoice::from_id(&shape).ok_or_else(|| LinkError::Shape {
                        index: i,
                        shape: shape.clone(),
                    })?;
                    let aim = match kind {
                        'p' => AimForm::Point {
                            lat_deg: a,
                            lon_deg: b,
                        },
                        'a' => AimForm::AzimuthRange {
                            azimuth_deg: a,
                            range_km: b,
                        },
                        kind => return Err(LinkError::AimKind { index: i, kind }),
                    };
                    // Before model 4 a pull-up's apogee was always 50 km, whatever the form's field held.
                    let apogee_km = if shape == ShapeChoice::PullUp && model.is_none_or(|m| m < 4) {
                        picture_sim::flight::shaping::PULL_UP_APOGEE_M / 1000.0
                    } else {
                        apogee_km
                    };
                    let form = LaunchForm {
                        site: site.name.to_string(),
                        missile,
                        shape,
                        apogee_km,
                        aim,
                    };
                    form.to_request()
                        .map_err(|reason| LinkError::Launch { index: i, reason })?;
                    let offset_s = check_offset(&format!("launches[{i}].launch_time"), offset_s)?;
                    Ok(ScenarioLaunch { form, offset_s })
                },
            )
            .collect::<Result<Vec<_>, LinkError>>()?;
    if launches.is_empty() {
        return Err(LinkError::NoLaunch);
    }
    let sensors = match c.n {
        None => Vec::new(),
        Some(n) => n
            .into_iter()
            .enumerate()
            .map(|(i, k)| name_at(catalog, k, &format!("sensors[{i}]")))
            .collect::<Result<Vec<_>, _>>()?,
    };
    let ships =
        c.m.into_iter()
            .enumerate()
            .map(|(i, (k, lat_deg, lon_deg))| {
                Ok(ShipStation {
                    sensor: name_at(catalog, k, &format!("ships[{i}]"))?,
                    lat_deg,
                    lon_deg,
                })
            })
            .collect::<Result<Vec<_>, LinkError>>()?;
    let scenario = AppScenario {
        seed: c.s,
        launches,
        sensors,
        ships,
        pictures: c
            .p
            .unwrap_or_else(crate::present::pictures::builtin_pictures),
        start_utc_s: c.u.unwrap_or(crate::timeline::zones::DEFAULT_START_UTC_S),
    };
    // The same checks as a file (ships that are ships, pictures that are valid).
    scenario.to_file()?;
    let view = decode_view(&view_parts, &scenario.pictures)?;
    Ok(Some(Link {
        scenario,
        view,
        time_s,
        model,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::PRESETS;

    #[test]
    fn a_link_records_the_model_and_an_older_one_still_opens() {
        let cat = catalog();
        let s = AppScenario::default();
        let frag = encode(&s, 12.0, &cat).unwrap();
        let m = picture_sim::model::MODEL_VERSION;
        assert!(frag.contains(&format!("&m={m}&t=12")), "{frag}");
        assert_eq!(decode(&frag, &cat).unwrap().unwrap().model, Some(m));
        // Made before links recorded the model: opens, model unknown.
        let old = frag.replace(&format!("&m={m}"), "");
        let opened = decode(&old, &cat).unwrap().unwrap();
        assert_eq!((opened.model, opened.scenario), (None, s));
        let e = decode(&frag.replace(&format!("m={m}"), "m=<b>x"), &cat).unwrap_err();
        assert_eq!(
            e.to_string(),
            "link model version m: '<b>x' is not a version number"
        );
    }

    /// Before model 4 the pull-up always flew at 50 km, and links carried whatever the apogee field held
    /// (500 km by default): such a link opens at 50 km; a newer one keeps its apogee.
    #[test]
    fn an_older_link_flies_its_pull_up_at_50_km() {
        let cat = catalog();
        let mut s = AppScenario::default();
        s.launches[0].form.missile = "hwasong-11".into();
        s.launches[0].form.shape = ShapeChoice::PullUp;
        s.launches[0].form.apogee_km = 40.0;
        let frag = encode(&s, 0.0, &cat).unwrap();
        let now = decode(&frag, &cat).unwrap().unwrap();
        assert_eq!(now.scenario.launches[0].form.apogee_km, 40.0);
        let m = picture_sim::model::MODEL_VERSION;
        for older in [
            frag.replace(&format!("&m={m}"), "&m=3"),
            frag.replace(&format!("&m={m}"), ""),
        ] {
            let opened = decode(&older, &cat).unwrap().unwrap();
            assert_eq!(opened.scenario.launches[0].form.apogee_km, 50.0, "{older}");
        }
    }

    fn catalog() -> Vec<String> {
        picture_sim::sensors::catalog()
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect()
    }

    #[test]
    fn every_preset_round_trips_with_its_time() {
        let cat = catalog();
        for p in PRESETS {
            let mut s = p.scenario();
            s.sensors = vec![cat[0].clone(), cat[3].clone()];
            let frag = encode(&s, 123.45, &cat).unwrap();
            assert!(
                frag.starts_with("s=1.") && frag.ends_with("&t=123.5"),
                "{frag}"
            );
            let link = decode(&format!("#{frag}"), &cat).unwrap().unwrap();
            assert_eq!(link.scenario, s, "{}", p.id);
            assert_eq!(link.time_s, Some(123.5));
        }
    }

    #[test]
    fn past_crashes_are_refused_with_a_message() {
        let catalog = catalog();
        let base = PRESETS[0].scenario();
        // t = 1.8e307 was accepted, then written back as `t=inf`, which could not be opened.
        let link = encode(&base, 0.0, &catalog).unwrap();
        let huge_t = link.replace("&t=0", "&t=1.8e307");
        let e = decode(&huge_t, &catalog).unwrap_err();
        assert!(matches!(e, LinkError::TimeRange { .. }), "{e}");
        assert!(e.to_string().contains("link time t"), "{e}");
        // And whatever the clock says, the link written opens.
        let written = encode(&base, 1.8e307, &catalog).unwrap();
        assert!(decode(&written, &catalog).unwrap().is_some());
        // A start near year 9999 panicked the JST clock.
        let mut late = base.clone();
        late.start_utc_s = 253_402_300_000;
        let e = decode(&encode(&late, 0.0, &catalog).unwrap(), &catalog).unwrap_err();
        assert!(e.to_string().contains("start_utc_s"), "{e}");
        // Ten thousand launches: refused before any is read.
        let mut salvo = base.clone();
        let one = salvo.launches[0].clone();
        salvo.launches = vec![one; 10_000];
        let e = decode(&encode(&salvo, 0.0, &catalog).unwrap(), &catalog).unwrap_err();
        assert_eq!(e, LinkError::TooManyLaunches { count: 10_000 });
    }

    #[test]
    fn a_ten_launch_link_is_compact() {
        let cat = catalog();
        let mut s = AppScenario::default();
        for i in 1..10 {
            let mut l = s.launches[0].clone();
            l.offset_s = 60.0 * i as f64;
            s.launches.push(l);
        }
        let frag = encode(&s, 0.0, &cat).unwrap();
        eprintln!("10-launch link fragment: {} characters", frag.len());
        assert!(frag.len() < 2_000, "{}", frag.len());
    }

    #[test]
    fn other_versions_and_damage_are_explained() {
        let cat = catalog();
        assert_eq!(decode("", &cat), Ok(None));
        assert_eq!(decode("#t=5", &cat), Ok(None));
        let e = decode("s=0.eyJ9&t=3", &cat).unwrap_err().to_string();
        assert!(
            e.contains("older version") && e.contains("unchanged"),
            "{e}"
        );
        let e = decode("s=2.abc", &cat).unwrap_err().to_string();
        assert!(e.contains("newer version"), "{e}");
        let e = decode("s=1.%%%", &cat).unwrap_err().to_string();
        assert!(e.contains("damaged"), "{e}");
        let e = decode(
            &format!("s=1.{}", URL_SAFE_NO_PAD.encode("{\"s\":1}")),
            &cat,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("damaged") && e.contains("`l`"), "{e}");
        let frag = encode(&AppScenario::default(), 10.0, &cat).unwrap();
        let e = decode(&frag.replace("t=10", "t=abc"), &cat)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("link time"), "{e}");
        // A damaged launch names its field.
        let bad = serde_json::json!({"s": 1, "l": [[0, "scud-z", "min-energy", 500.0, 'a', 90.0, 500.0, 0.0]]});
        let e = decode(
            &format!("s=1.{}", URL_SAFE_NO_PAD.encode(bad.to_string())),
            &cat,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("launches[0]: Missile:"), "{e}");
    }

    #[test]
    fn a_link_carries_the_view_and_an_older_link_opens_without_one() {
        let cat = catalog();
        let s = PRESETS[1].scenario();
        let view = LinkView {
            picture: Some(picture_sim::tracking::picture::JAPAN.to_string()),
            compare: Some((picture_sim::tracking::picture::TRILATERAL.to_string(), true)),
            fan_alt_km: Some(250.0),
            k: Some(Refraction::K(1.0)),
            map: Some(MapAt {
                lat_deg: 38.5,
                lon_deg: 131.25,
                zoom: 2.0,
            }),
            speed: Some(64.0),
            playing: true,
            panel: Some(Panel::Explorer),
            preset: Some(PRESETS[1].id),
        };
        let frag = encode(&s, 30.0, &cat).unwrap() + &encode_view(&view, &s.pictures);
        assert!(
            frag.contains("&v=1&p=0&c=7s&a=250&k=1&z=38.5,131.25,2&x=64&play=1&o=explorer&pr="),
            "{frag}"
        );
        let l = decode(&frag, &cat).unwrap().unwrap();
        assert_eq!(
            (l.view, l.time_s, l.scenario),
            (view, Some(30.0), s.clone())
        );
        // k refracts the detections: it comes back exactly, so the link gives the same figures.
        for refraction in [Refraction::K(4.0 / 3.0), Refraction::Ray] {
            let k = LinkView {
                k: Some(refraction),
                ..LinkView::default()
            };
            let frag = encode(&s, 0.0, &cat).unwrap() + &encode_view(&k, &s.pictures);
            assert_eq!(
                decode(&frag, &cat).unwrap().unwrap().view.k,
                Some(refraction)
            );
        }
        // A map centre beyond what a link may ask for is written within it, so the link opens.
        let corner = LinkView {
            map: Some(MapAt {
                lat_deg: 70.0,
                lon_deg: 200.0,
                zoom: 1e6,
            }),
            ..LinkView::default()
        };
        let frag = encode(&s, 0.0, &cat).unwrap() + &encode_view(&corner, &s.pictures);
        assert!(frag.ends_with("&z=62,180,64"), "{frag}");
        assert!(decode(&frag, &cat).is_ok());
        // A link made before links carried the view: the scenario and time, and no view.
        let old = encode(&s, 30.0, &cat).unwrap();
        let l = decode(&old, &cat).unwrap().unwrap();
        assert_eq!((l.view, l.scenario), (LinkView::default(), s));
    }

    #[test]
    fn every_view_field_from_a_link_is_checked_and_named() {
        let cat = catalog();
        let base = encode(&AppScenario::default(), 0.0, &cat).unwrap();
        let err = |extra: &str| {
            decode(&format!("{base}&v=1&{extra}"), &cat)
                .unwrap_err()
                .to_string()
        };
        for (extra, start) in [
            ("p=99", "link view p: '99' is not a picture (0 to 7)"),
            ("p=-1", "link view p: '-1'"),
            ("c=1e300", "link view c:"),
            (
                "a=1e308",
                "link view a: '1e308' is not a number from 0 to 1000",
            ),
            ("a=NaN", "link view a:"),
            ("a=-5", "link view a:"),
            (
                "k=0",
                "link view k: '0' is not ray or a number from 0.5 to 3",
            ),
            ("k=inf", "link view k:"),
            ("z=1,2", "link view z: '1,2' is not latitude,longitude,zoom"),
            (
                "z=38,130,1e9",
                "link view z: '1e9' is not a number from 0.5 to 64",
            ),
            ("z=95,130,1", "link view z:"),
            ("z=38,130,1,4", "link view z:"),
            ("x=3", "link view x: '3' is not a speed"),
            ("x=1e400", "link view x:"),
            ("o=<script>", "link view o: '<script>' is not a panel"),
            ("pr=nope", "link view pr: 'nope' is not a preset's id"),
        ] {
            let e = err(extra);
            assert!(e.starts_with(start), "{extra}: {e}");
        }
        // A long value is cut in the message.
        let e = err(&format!("pr={}", "x".repeat(10_000)));
        assert!(e.len() < 120, "{e}");
        // A view of another version is refused with its version.
        let e = decode(&format!("{base}&v=2&p=0"), &cat)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "link view v: version 2 is not one this page reads (it reads version 1)"
        );
    }
}
