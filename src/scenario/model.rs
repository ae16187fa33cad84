//! The app's scenario: several launches, each with its launch time after the scenario start, the sensors that
//! take part (ships on their stations) and the pictures. Converts to and from the core's scenario file
//! (`picture_sim::scenario::Scenario`), naming the field that is wrong. Pure, tested natively.

use crate::present::launch_form::{AimForm, LaunchForm, ShapeChoice};
use picture_sim::flight::{Aim, Shape};
use picture_sim::scenario::{Scenario, ShipStation, SCENARIO_VERSION};
use picture_sim::sensors::Refraction;
use picture_sim::tracking::picture::PictureConfig;
use picture_sim::{earth, sites, SimTime};

/// A launch site of an imported file must be within this distance of a catalog site (the sites are CNS
/// estimates good to about 5 km).
const SITE_MATCH_M: f64 = 10_000.0;
/// Apogee given to a shape that does not use one, so switching the shape later starts from a plausible value.
const DEFAULT_APOGEE_KM: f64 = 500.0;
/// The default seed of the detection draws: fixed, so that the same launch always gives the same detections.
pub const DETECTION_SEED: u64 = 20_231_219;
/// Launches may not start later than a day after the scenario start.
pub const MAX_OFFSET_S: f64 = picture_sim::limits::LAUNCH_TIME_MAX_S;

/// Why a scenario, a launch time or a picture link is not valid. Each message names the field and the reason
/// (the messages are shown to the user as they are).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// A launch time outside the scenario's day.
    #[error("{field}: {offset_s} s must be between 0 and {max} s after the scenario start", max = MAX_OFFSET_S)]
    Offset { field: String, offset_s: f64 },
    /// A launch whose form does not make a flight request.
    #[error("launches[{index}]: {reason}")]
    Launch { index: usize, reason: String },
    /// A launch site that is not near a catalog site.
    #[error(
        "launches[{index}].site: ({lat_deg:.3}, {lon_deg:.3}) is not within {km} km of a catalog launch site",
        km = SITE_MATCH_M / 1000.0
    )]
    Site {
        index: usize,
        lat_deg: f64,
        lon_deg: f64,
    },
    /// A lofted or depressed launch without its apogee.
    #[error("launches[{index}].shape.apogee_m: the app needs an apogee for this shape")]
    NoApogee { index: usize },
    /// The core's scenario file could not be read, written or validated (its message names the field).
    #[error("{0}")]
    File(String),
    /// A link into a picture the scenario does not have.
    #[error("pictures[{index}]: no such picture")]
    NoPicture { index: usize },
    /// A link latency outside the limits.
    #[error("{field}: {latency_s} s must be between 0 and {max_s} s", max_s = picture_sim::limits::LATENCY_MAX_MS / 1000)]
    Latency { field: String, latency_s: f64 },
    /// A link the picture refuses.
    #[error("{field}: {reason}")]
    Link { field: String, reason: String },
}

/// One launch of the scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ScenarioLaunch {
    pub form: LaunchForm,
    /// Launch time, seconds after the scenario start.
    pub offset_s: f64,
}

/// The whole scenario as the app holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppScenario {
    pub seed: u64,
    pub launches: Vec<ScenarioLaunch>,
    /// Names of the catalog sensors that take part; all of the catalog when empty.
    pub sensors: Vec<String>,
    /// Ships moved from their catalog stations.
    pub ships: Vec<ShipStation>,
    pub pictures: Vec<PictureConfig>,
    /// The scenario's start, seconds since 1970-01-01T00:00Z (the clock's UTC, JST and KST).
    pub start_utc_s: i64,
}

impl Default for AppScenario {
    /// The default launch, all sensors, the built-in pictures.
    fn default() -> Self {
        AppScenario {
            seed: DETECTION_SEED,
            launches: vec![ScenarioLaunch {
                form: LaunchForm::default(),
                offset_s: 0.0,
            }],
            sensors: Vec::new(),
            ships: Vec::new(),
            pictures: crate::present::pictures::builtin_pictures(),
            start_utc_s: crate::timeline::zones::DEFAULT_START_UTC_S,
        }
    }
}

/// Checks a launch time typed by the user (seconds after the scenario start).
pub fn check_offset(field: &str, offset_s: f64) -> Result<f64, ModelError> {
    if offset_s.is_finite() && (0.0..=MAX_OFFSET_S).contains(&offset_s) {
        Ok(offset_s)
    } else {
        Err(ModelError::Offset {
            field: field.to_string(),
            offset_s,
        })
    }
}

impl AppScenario {
    /// The scenario file under the default refraction, or a message naming the launch and field that cannot
    /// be written.
    pub fn to_file(&self) -> Result<Scenario, ModelError> {
        self.to_file_with(Refraction::default())
    }

    /// The scenario file with the refraction its figures were made under (the page's view holds it).
    pub fn to_file_with(&self, refraction: Refraction) -> Result<Scenario, ModelError> {
        let launches = self
            .launches
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let offset_s = check_offset(&format!("launches[{i}].launch_time"), l.offset_s)?;
                let mut r = l
                    .form
                    .to_request()
                    .map_err(|reason| ModelError::Launch { index: i, reason })?;
                r.launch_time = SimTime::from_secs(offset_s);
                Ok(r)
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let file = Scenario {
            version: SCENARIO_VERSION,
            seed: self.seed,
            launches,
            sensors: self.sensors.clone(),
            pictures: self.pictures.clone(),
            ships: self.ships.clone(),
            start_utc_s: Some(self.start_utc_s),
            refraction,
        };
        file.validate()
            .map_err(|e| ModelError::File(e.to_string()))?;
        Ok(file)
    }

    /// The scenario in a file, validated; the error names the field and the reason.
    pub fn from_file(file: &Scenario) -> Result<AppScenario, ModelError> {
        file.validate()
            .map_err(|e| ModelError::File(e.to_string()))?;
        let launches = file
            .launches
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (lat, lon) = (r.site.lat_deg(), r.site.lon_deg());
                let site = sites::all()
                    .iter()
                    .map(|s| (s, earth::inverse(s.lat_deg, s.lon_deg, lat, lon).distance_m))
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .filter(|(_, d)| *d <= SITE_MATCH_M)
                    .map(|(s, _)| s.name)
                    .ok_or(ModelError::Site {
                        index: i,
                        lat_deg: lat,
                        lon_deg: lon,
                    })?;
                let apogee = |a: Option<f64>| {
                    a.map(|m| m / 1000.0)
                        .ok_or(ModelError::NoApogee { index: i })
                };
                let (shape, apogee_km) = match r.shape {
                    Shape::MinEnergy => (ShapeChoice::MinEnergy, DEFAULT_APOGEE_KM),
                    Shape::Lofted { apogee_m } => (ShapeChoice::Lofted, apogee(apogee_m)?),
                    Shape::Depressed { apogee_m } => (ShapeChoice::Depressed, apogee(apogee_m)?),
                    Shape::AsReported { apogee_m } => (ShapeChoice::AsReported, apogee_m / 1000.0),
                    Shape::PullUp { apogee_m } => (
                        ShapeChoice::PullUp,
                        apogee_m.unwrap_or(picture_sim::flight::shaping::PULL_UP_APOGEE_M) / 1000.0,
                    ),
                };
                let aim = match r.aim {
                    Aim::Point { lat_deg, lon_deg } => AimForm::Point { lat_deg, lon_deg },
                    Aim::AzimuthRange {
                        azimuth_deg,
                        range_m,
                    } => AimForm::AzimuthRange {
                        azimuth_deg,
                        range_km: range_m / 1000.0,
                    },
                };
                let offset_s = check_offset(
                    &format!("launches[{i}].launch_time"),
                    r.launch_time.as_secs(),
                )?;
                Ok(ScenarioLaunch {
                    form: LaunchForm {
                        site: site.to_string(),
                        missile: r.missile.clone(),
                        shape,
                        apogee_km,
                        aim,
                    },
                    offset_s,
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        Ok(AppScenario {
            seed: file.seed,
            launches,
            sensors: file.sensors.clone(),
            ships: file.ships.clone(),
            pictures: file.pictures.clone(),
            start_utc_s: file
                .start_utc_s
                .unwrap_or(crate::timeline::zones::DEFAULT_START_UTC_S),
        })
    }

    /// The scenario file as pretty JSON (the export format), under the default refraction.
    pub fn to_json(&self) -> Result<String, ModelError> {
        self.to_json_with(Refraction::default())
    }

    /// The scenario file as pretty JSON with the refraction its figures were made under.
    pub fn to_json_with(&self, refraction: Refraction) -> Result<String, ModelError> {
        let file = self.to_file_with(refraction)?;
        serde_json::to_string_pretty(&file).map_err(|e| ModelError::File(e.to_string()))
    }

    /// Reads an exported file; the error names the field and the reason.
    pub fn from_json(text: &str) -> Result<AppScenario, ModelError> {
        Ok(AppScenario::from_json_with_refraction(text)?.0)
    }

    /// Reads an exported file and the refraction it was made under (the default for files without one).
    pub fn from_json_with_refraction(text: &str) -> Result<(AppScenario, Refraction), ModelError> {
        let file = Scenario::from_json(text).map_err(|e| ModelError::File(e.to_string()))?;
        Ok((AppScenario::from_file(&file)?, file.refraction))
    }

    /// Whether catalog sensor `name` takes part.
    pub fn uses_sensor(&self, name: &str) -> bool {
        self.sensors.is_empty() || self.sensors.iter().any(|s| s == name)
    }
}

/// The pictures with `nation`'s link into picture `index` set: `None` removes it, `Some(latency_s)` adds or
/// changes it. The error names the picture, the nation and the reason; the pictures are then unchanged.
pub fn with_link(
    pictures: &[PictureConfig],
    index: usize,
    nation: picture_sim::sensors::Nation,
    latency_s: Option<f64>,
) -> Result<Vec<PictureConfig>, ModelError> {
    let mut out = pictures.to_vec();
    let p = out.get_mut(index).ok_or(ModelError::NoPicture { index })?;
    let field = format!("{} latency from {nation}", p.name);
    match latency_s {
        None => p.links.retain(|l| l.from != nation),
        Some(s) => {
            let max_s = picture_sim::limits::LATENCY_MAX_MS as f64 / 1000.0;
            if !(s.is_finite() && (0.0..=max_s).contains(&s)) {
                return Err(ModelError::Latency {
                    field,
                    latency_s: s,
                });
            }
            let latency_ms = (s * 1000.0).round() as i64;
            match p.links.iter_mut().find(|l| l.from == nation) {
                Some(l) => l.latency_ms = latency_ms,
                None => p.links.push(picture_sim::tracking::picture::Link {
                    from: nation,
                    latency_ms,
                }),
            }
        }
    }
    p.validate().map_err(|e| ModelError::Link {
        field,
        reason: e.to_string(),
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_launches() -> AppScenario {
        let mut s = AppScenario::default();
        s.launches.push(ScenarioLaunch {
            form: LaunchForm {
                site: "Hodo peninsula".into(),
                missile: "hwasong-11".into(),
                shape: ShapeChoice::PullUp,
                apogee_km: 45.0,
                aim: AimForm::Point {
                    lat_deg: 40.5,
                    lon_deg: 132.25,
                },
            },
            offset_s: 90.5,
        });
        s.sensors = vec!["J/FPS-5 Sado".into(), "KDX-III Aegis (East Sea)".into()];
        s.ships = vec![ShipStation {
            sensor: "KDX-III Aegis (East Sea)".into(),
            lat_deg: 37.5,
            lon_deg: 131.0,
        }];
        s
    }

    #[test]
    fn the_file_round_trips() {
        let s = two_launches();
        let json = s.to_json().unwrap();
        assert_eq!(AppScenario::from_json(&json).unwrap(), s);
        assert!(s.uses_sensor("J/FPS-5 Sado") && !s.uses_sensor("J/FPS-5 Ominato"));
    }

    #[test]
    fn links_are_set_and_checked() {
        use picture_sim::sensors::Nation;
        let p = crate::present::pictures::builtin_pictures();
        let japan = p.iter().position(|x| x.links.len() == 1).unwrap();
        let from = p[japan].links[0].from;
        let other = [Nation::JP, Nation::KR, Nation::US]
            .into_iter()
            .find(|n| *n != from)
            .unwrap();
        let q = with_link(&p, japan, other, Some(4.5)).unwrap();
        assert_eq!(q[japan].links.len(), 2);
        assert_eq!(q[japan].links[1].latency_ms, 4_500);
        let r = with_link(&q, japan, other, None).unwrap();
        assert_eq!(r, p);
        let e = with_link(&p, japan, other, Some(-1.0))
            .unwrap_err()
            .to_string();
        assert!(e.contains("latency from") && e.contains("-1"), "{e}");
        assert!(with_link(&p, 99, other, None).is_err());
    }

    #[test]
    fn messages_read_as_before() {
        let e = check_offset("Launch 2 time", -3.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Launch 2 time: -3 s must be between 0 and 86400 s after the scenario start"
        );
        let e = ModelError::Site {
            index: 0,
            lat_deg: 1.0,
            lon_deg: 2.5,
        };
        assert_eq!(
            e.to_string(),
            "launches[0].site: (1.000, 2.500) is not within 10 km of a catalog launch site"
        );
    }

    #[test]
    fn bad_files_name_the_field() {
        let s = two_launches();
        let mut v: serde_json::Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        v["launches"][1]["site"]["lat_rad"] = 0.0.into();
        let e = AppScenario::from_json(&v.to_string())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("launches[1].site:"), "{e}");
        let e = AppScenario::from_json("{\"version\": 1, \"seed\": \"x\"}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("seed") || e.contains("invalid type"), "{e}");
        let e = AppScenario::from_json("not json").unwrap_err().to_string();
        assert!(e.starts_with("scenario file:"), "{e}");
        let mut bad = two_launches();
        bad.launches[1].offset_s = -3.0;
        assert!(bad
            .to_file()
            .unwrap_err()
            .to_string()
            .starts_with("launches[1].launch_time"));
    }
}
