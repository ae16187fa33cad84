//! The scenario file: a versioned JSON document naming the launches, the sensors (from the catalog), the
//! pictures (fusion centres and their links) and the seed. [`Scenario::run`] flies the launches
//! ([`crate::flight::fly`]) and hands the flights to the pipeline, [`run_flights`]: it runs the sensors
//! ([`sense`], through [`crate::sensors::run_detections`]), then runs and scores every picture
//! ([`score_pictures`], through [`crate::tracking::metrics`]) and compares them. The app calls the same two
//! stages on its own flights, so the command line and the page score alike.
//!
//! Invalid files are refused with a message naming the field and the reason (serde's own messages name the
//! field, line and column for syntax, type, missing and unknown fields; [`Scenario::validate`] does the rest).

use crate::earth::{Ellipsoid, Geodetic};
use crate::flight::{self, Aim, Flight, FlightError, LaunchRequest, Shape};
use crate::limits;
use crate::measurement::Measurement;
use crate::sensors::{
    catalog, run_detections, CatalogError, DetectionConfig, DetectionRun, EffectiveEarth, Nation,
    Refraction, Sensor,
};
use crate::sites;
use crate::time::SimTime;
use crate::tracking::metrics::{
    compare, evaluate_pictures_observed, Comparison, MetricsConfig, PictureMetrics, TrueImpact,
};
use crate::tracking::picture::{LatencyDefaults, PictureConfig, PictureError};
use crate::tracking::tracker::{Tracker, TrackerConfig};
use crate::truth::Truth;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The version this code reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

#[derive(Debug, Error)]
pub enum ScenarioError {
    #[error("scenario file: {0}")]
    Json(#[from] serde_json::Error),
    #[error("version: this program reads version {expected}, the file is version {found}")]
    Version { found: u32, expected: u32 },
    #[error("{field}: {reason}")]
    Field { field: String, reason: String },
    #[error("launches[{index}]: {source}")]
    Flight { index: usize, source: FlightError },
    #[error("sensor catalog: {0}")]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Picture(#[from] PictureError),
}

fn field(field: impl Into<String>, reason: impl Into<String>) -> ScenarioError {
    ScenarioError::Field {
        field: field.into(),
        reason: reason.into(),
    }
}

/// A scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    /// Seed of every random draw (detections and measurement noise).
    pub seed: u64,
    pub launches: Vec<LaunchRequest>,
    /// Names of catalog sensors to use; all of the catalog when empty or absent.
    #[serde(default)]
    pub sensors: Vec<String>,
    /// The pictures to run; the five built-in ones when absent.
    #[serde(default = "default_pictures")]
    pub pictures: Vec<PictureConfig>,
    /// Ship radars moved from their catalog stations; absent in files that move none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ships: Vec<ShipStation>,
    /// The scenario's start (time zero) as seconds since 1970-01-01T00:00Z, if it is a dated event: readers
    /// show the clock in UTC, JST and KST from it. Absent in undated scenarios.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_utc_s: Option<i64>,
    /// How the radars' rays bend: `"ray"`, traced through the ITU-R P.453 atmosphere (the default, and what
    /// files without the field mean), or a number, a constant effective-Earth factor k.
    #[serde(default)]
    pub refraction: Refraction,
}

/// A ship radar's station, by the sensor's catalog name.
///
/// # Units
/// Degrees (north and east positive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipStation {
    pub sensor: String,
    pub lat_deg: f64,
    pub lon_deg: f64,
}

fn default_pictures() -> Vec<PictureConfig> {
    PictureConfig::builtin(&LatencyDefaults::default())
}

/// The result of running a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRun {
    pub pictures: Vec<PictureMetrics>,
    pub comparison: Comparison,
    pub measurements: usize,
}

impl Scenario {
    /// An example: a Hwasong-15 from Sunan on a minimum-energy path into the Sea of Japan, all sensors, the five
    /// built-in pictures.
    pub fn example() -> Scenario {
        let site = sites::find("Sunan")
            .map(|s| s.geodetic())
            .unwrap_or(crate::earth::Geodetic {
                lat_rad: 39.2f64.to_radians(),
                lon_rad: 125.67f64.to_radians(),
                h_m: 0.0,
            });
        Scenario {
            version: SCENARIO_VERSION,
            seed: 1,
            launches: vec![LaunchRequest {
                missile: "hwasong-15".into(),
                site,
                aim: Aim::AzimuthRange {
                    azimuth_deg: 95.0,
                    range_m: 1_000_000.0,
                },
                shape: Shape::MinEnergy,
                launch_time: SimTime::ZERO,
            }],
            sensors: Vec::new(),
            pictures: default_pictures(),
            ships: Vec::new(),
            start_utc_s: None,
            refraction: Refraction::Ray,
        }
    }

    /// Parses and validates a scenario file.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let s: Scenario = serde_json::from_str(text)?;
        s.validate()?;
        Ok(s)
    }

    /// The Earth the scenario's radars see over, or why its refraction cannot be used.
    pub fn earth(&self) -> Result<EffectiveEarth, ScenarioError> {
        self.refraction
            .earth()
            .map_err(|e| field("refraction", e.to_string()))
    }

    /// Checks what serde cannot: the version, a non-empty launch list, known missiles and sensors, valid
    /// pictures with distinct names, a usable refraction.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        self.earth()?;
        if self.version != SCENARIO_VERSION {
            return Err(ScenarioError::Version {
                found: self.version,
                expected: SCENARIO_VERSION,
            });
        }
        if self.launches.is_empty() {
            return Err(field("launches", "must list at least one launch"));
        }
        if self.launches.len() > limits::LAUNCHES_MAX {
            return Err(field(
                "launches",
                format!(
                    "{} launches; at most {} are allowed",
                    self.launches.len(),
                    limits::LAUNCHES_MAX
                ),
            ));
        }
        if let Some(start) = self.start_utc_s {
            if !limits::start_in_range(start) {
                return Err(field(
                    "start_utc_s",
                    format!(
                        "{start} s is outside {}..={} s (years 1950 to 2100)",
                        limits::START_UTC_MIN_S,
                        limits::START_UTC_MAX_S
                    ),
                ));
            }
        }
        for (what, n, max) in [
            ("sensors", self.sensors.len(), limits::SENSORS_MAX),
            ("ships", self.ships.len(), limits::SHIPS_MAX),
            ("pictures", self.pictures.len(), limits::PICTURES_MAX),
        ] {
            if n > max {
                return Err(field(
                    what,
                    format!("{n} entries; at most {max} are allowed"),
                ));
            }
        }
        for (i, l) in self.launches.iter().enumerate() {
            if l.missile.len() > limits::NAME_MAX_BYTES {
                return Err(field(
                    format!("launches[{i}].missile"),
                    format!(
                        "a name of {} bytes; at most {} are allowed",
                        l.missile.len(),
                        limits::NAME_MAX_BYTES
                    ),
                ));
            }
            if flight::catalog::find(&l.missile).is_none() {
                return Err(field(
                    format!("launches[{i}].missile"),
                    format!(
                        "unknown missile `{}`; known: {}",
                        l.missile,
                        flight::catalog::ids().join(", ")
                    ),
                ));
            }
            if !limits::launch_time_in_range(l.launch_time.as_secs()) {
                return Err(field(
                    format!("launches[{i}].launch_time"),
                    format!(
                        "{} ms is outside 0..={} s after the start",
                        l.launch_time.0,
                        limits::LAUNCH_TIME_MAX_S
                    ),
                ));
            }
        }
        let all = catalog()?;
        for (i, name) in self.sensors.iter().enumerate() {
            if !all.iter().any(|s| &s.name == name) {
                return Err(field(
                    format!("sensors[{i}]"),
                    format!("no sensor named `{name}` in the catalog"),
                ));
            }
        }
        for (i, station) in self.ships.iter().enumerate() {
            let mut ship = all
                .iter()
                .find(|s| s.name == station.sensor)
                .cloned()
                .ok_or_else(|| {
                    field(
                        format!("ships[{i}].sensor"),
                        format!("no sensor named `{}` in the catalog", station.sensor),
                    )
                })?;
            ship.move_to(station.lat_deg, station.lon_deg)
                .map_err(|e| field(format!("ships[{i}]"), e.to_string()))?;
        }
        if self.pictures.is_empty() {
            return Err(field("pictures", "must list at least one picture"));
        }
        let mut names = std::collections::HashSet::with_capacity(self.pictures.len());
        for (i, p) in self.pictures.iter().enumerate() {
            if p.name.len() > limits::NAME_MAX_BYTES {
                return Err(field(
                    format!("pictures[{i}].name"),
                    format!(
                        "a name of {} bytes; at most {} are allowed",
                        p.name.len(),
                        limits::NAME_MAX_BYTES
                    ),
                ));
            }
            p.validate()?;
            if !names.insert(p.name.as_str()) {
                return Err(field(
                    format!("pictures[{i}].name"),
                    format!("`{}` is used twice", p.name),
                ));
            }
        }
        Ok(())
    }

    /// The catalog sensors this scenario uses, in catalog order, ships on their stations.
    pub fn selected_sensors(&self) -> Result<Vec<Sensor>, ScenarioError> {
        let mut all = catalog()?;
        for (i, station) in self.ships.iter().enumerate() {
            if let Some(ship) = all.iter_mut().find(|s| s.name == station.sensor) {
                ship.move_to(station.lat_deg, station.lon_deg)
                    .map_err(|e| field(format!("ships[{i}]"), e.to_string()))?;
            }
        }
        Ok(if self.sensors.is_empty() {
            all
        } else {
            all.into_iter()
                .filter(|s| self.sensors.contains(&s.name))
                .collect()
        })
    }

    /// Flies every launch (not validated here: [`Scenario::run`] validates first).
    pub fn fly(&self) -> Result<Vec<Flight>, ScenarioError> {
        // Launches from one site in one direction share the solvers' searches.
        let mut memory = flight::ShapingMemory::new();
        self.launches
            .iter()
            .enumerate()
            .map(|(index, l)| {
                flight::fly_with(l, &mut memory)
                    .map_err(|source| ScenarioError::Flight { index, source })
            })
            .collect()
    }

    /// Flies, detects, tracks in every picture and compares.
    pub fn run(&self) -> Result<ScenarioRun, ScenarioError> {
        self.validate()?;
        let flights = self.fly()?;
        let flights: Vec<&Flight> = flights.iter().collect();
        let sensors = self.selected_sensors()?;
        let detection = DetectionConfig {
            seed: self.seed,
            earth: self.earth()?,
            ..DetectionConfig::default()
        };
        let (sensed, scored) = run_flights(&flights, &sensors, &self.pictures, &detection)?;
        Ok(ScenarioRun {
            pictures: scored.pictures,
            comparison: scored.comparison,
            measurements: sensed.measurements.len(),
        })
    }
}

/// A flight's true impact: its summary's impact point on the ellipsoid, when its trajectory ends.
pub fn true_impact(flight: &Flight) -> TrueImpact {
    TrueImpact {
        point: Geodetic {
            lat_rad: flight.summary.impact_lat_deg.to_radians(),
            lon_rad: flight.summary.impact_lon_deg.to_radians(),
            h_m: 0.0,
        },
        time: flight.trajectory.end(),
    }
}

/// What the sensors made of the flights.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensed {
    /// One report per (sensor, flight): `report.sensor` indexes the sensors given to [`sense`], `report.target`
    /// the flights.
    pub run: DetectionRun,
    /// Every measurement of every sensor, in time order (ties by sensor).
    pub measurements: Vec<Measurement>,
    /// The nation of each sensor, in the measurements' sensor indexing.
    pub nations: Vec<Nation>,
}

/// The pipeline's first stage: every sensor against every flight (each trajectory carries its own launch
/// time, in scenario time).
pub fn sense(flights: &[&Flight], sensors: &[Sensor], detection: &DetectionConfig) -> Sensed {
    let truths: Vec<&dyn Truth> = flights
        .iter()
        .map(|f| &f.trajectory as &dyn Truth)
        .collect();
    let run = run_detections(sensors, &truths, detection);
    let measurements = run.measurements();
    Sensed {
        run,
        measurements,
        nations: sensors.iter().map(|s| s.nation).collect(),
    }
}

/// Every picture's scores, in the order of the pictures given, and their comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub pictures: Vec<PictureMetrics>,
    pub comparison: Comparison,
}

/// The models the pipeline tracks and scores with: the default tracker on the WGS84 ellipsoid, the default
/// scoring parameters. A caller that looks at the tracks (the app's snapshots) predicts with the same ones.
pub fn pipeline_models() -> (TrackerConfig, Ellipsoid, MetricsConfig) {
    (
        TrackerConfig::default(),
        Ellipsoid::WGS84,
        MetricsConfig::default(),
    )
}

/// The pipeline's second stage: runs and scores every picture on the measurements of the flights
/// (`nations[i]` is the nation of sensor `i` of the measurements; missile `k` of the scores is `flights[k]`),
/// calling `observe(picture index, time, tracker)` after each delivery, so that a caller that wants the
/// tracks over time runs each tracker once.
pub fn score_pictures(
    flights: &[&Flight],
    pictures: &[PictureConfig],
    nations: &[Nation],
    measurements: &[Measurement],
    observe: impl FnMut(usize, SimTime, &Tracker),
) -> Result<Scored, PictureError> {
    let (_, _, metrics) = pipeline_models();
    score_pictures_with(flights, pictures, nations, measurements, &metrics, observe)
}

/// As [`score_pictures`], with other scoring parameters (a study keeps no impact-error series).
pub fn score_pictures_with(
    flights: &[&Flight],
    pictures: &[PictureConfig],
    nations: &[Nation],
    measurements: &[Measurement],
    metrics: &MetricsConfig,
    observe: impl FnMut(usize, SimTime, &Tracker),
) -> Result<Scored, PictureError> {
    let (tracker, ellipsoid, _) = pipeline_models();
    let truths: Vec<&dyn Truth> = flights
        .iter()
        .map(|f| &f.trajectory as &dyn Truth)
        .collect();
    let impacts: Vec<TrueImpact> = flights.iter().map(|f| true_impact(f)).collect();
    // Pictures with the same links are run once; the observer sees that run as each of them.
    let pictures = evaluate_pictures_observed(
        pictures,
        nations,
        measurements,
        &tracker,
        &ellipsoid,
        &truths,
        &impacts,
        metrics,
        observe,
    )?;
    let comparison = compare(&pictures);
    Ok(Scored {
        pictures,
        comparison,
    })
}

/// The whole pipeline after flying: detections, then every picture scored and compared.
pub fn run_flights(
    flights: &[&Flight],
    sensors: &[Sensor],
    pictures: &[PictureConfig],
    detection: &DetectionConfig,
) -> Result<(Sensed, Scored), PictureError> {
    let sensed = sense(flights, sensors, detection);
    let scored = score_pictures(
        flights,
        pictures,
        &sensed.nations,
        &sensed.measurements,
        |_, _, _| {},
    )?;
    Ok((sensed, scored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_round_trips_and_validates() {
        let ex = Scenario::example();
        let json = serde_json::to_string_pretty(&ex).unwrap();
        assert_eq!(Scenario::from_json(&json).unwrap(), ex);
    }

    #[test]
    fn the_pipeline_scores_each_picture_as_it_scores_alone() {
        use crate::tracking::metrics::evaluate_pictures;
        let s = Scenario::example();
        let flights: Vec<Flight> = s.launches.iter().map(|l| flight::fly(l).unwrap()).collect();
        let flights: Vec<&Flight> = flights.iter().collect();
        let sensors = s.selected_sensors().unwrap();
        let detection = DetectionConfig {
            seed: s.seed,
            ..DetectionConfig::default()
        };
        let sensed = sense(&flights, &sensors, &detection);
        assert_eq!(sensed.nations.len(), sensors.len());
        assert_eq!(sensed.measurements, sensed.run.measurements());
        let mut deliveries = vec![0usize; s.pictures.len()];
        let scored = score_pictures(
            &flights,
            &s.pictures,
            &sensed.nations,
            &sensed.measurements,
            |i, _, _| deliveries[i] += 1,
        )
        .unwrap();
        assert!(deliveries.iter().all(|n| *n > 0), "{deliveries:?}");
        // Each picture scored on its own, with the true impact where the flight's summary puts it.
        let truths: Vec<&dyn Truth> = flights
            .iter()
            .map(|f| &f.trajectory as &dyn Truth)
            .collect();
        let impacts: Vec<TrueImpact> = flights
            .iter()
            .map(|f| TrueImpact {
                point: Geodetic::from_deg(f.summary.impact_lat_deg, f.summary.impact_lon_deg, 0.0)
                    .unwrap(),
                time: f.trajectory.end(),
            })
            .collect();
        let alone = evaluate_pictures(
            &s.pictures,
            &sensed.nations,
            &sensed.measurements,
            &TrackerConfig::default(),
            &Ellipsoid::WGS84,
            &truths,
            &impacts,
            &MetricsConfig::default(),
        )
        .unwrap();
        assert_eq!(scored.pictures, alone);
        assert_eq!(scored.comparison, compare(&alone));
        // The scenario's run is the pipeline.
        let run = s.run().unwrap();
        assert_eq!(run.pictures, alone);
        assert_eq!(run.measurements, sensed.measurements.len());
    }

    #[test]
    fn invalid_files_name_the_field() {
        let mut v: serde_json::Value = serde_json::to_value(Scenario::example()).unwrap();
        v["version"] = 7.into();
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.starts_with("version:"), "{e}");
        v["version"] = 1.into();
        v["launches"][0]["missile"] = "nope".into();
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(
            e.contains("launches[0].missile") && e.contains("unknown missile"),
            "{e}"
        );
        v["launches"][0]["missile"] = "hwasong-15".into();
        v["sensors"] = serde_json::json!(["Nowhere radar"]);
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains("sensors[0]"), "{e}");
        v["sensors"] = serde_json::json!([]);
        v["pictures"][0]["links"][0]["latency_ms"] = (-5).into();
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains("latency") && e.contains("-5"), "{e}");
        v["pictures"][0]["links"][0]["latency_ms"] = 2000.into();
        v["ships"] =
            serde_json::json!([{"sensor": "J/FPS-5 Sado", "lat_deg": 38.0, "lon_deg": 135.0}]);
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.starts_with("ships[0]"), "{e}");
        v["ships"] = serde_json::json!([{"sensor": "KDX-III Aegis (East Sea)", "lat_deg": 38.0, "lon_deg": 131.5}]);
        let s = Scenario::from_json(&v.to_string()).unwrap();
        let ship = s.selected_sensors().unwrap();
        let ship = ship.iter().find(|x| x.name.starts_with("KDX")).unwrap();
        assert!((ship.radar().unwrap().site().lat_deg() - 38.0).abs() < 1e-9);
        v.as_object_mut().unwrap().remove("seed");
        let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains("missing field `seed`"), "{e}");
    }

    #[test]
    fn a_file_carries_its_refraction() {
        let mut s = Scenario::example();
        let text = serde_json::to_string(&s).unwrap();
        assert!(text.contains("\"refraction\":\"ray\""), "{text}");
        s.refraction = Refraction::K(4.0 / 3.0);
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(Scenario::from_json(&text).unwrap().refraction, s.refraction);
        // Files written before the traced atmosphere mean it (the model's version says the figures moved).
        let old = text.replace(",\"refraction\":1.3333333333333333", "");
        assert_ne!(old, text);
        assert_eq!(
            Scenario::from_json(&old).unwrap().refraction,
            Refraction::Ray
        );
        for (bad, says) in [
            (
                "\"air\"",
                "refraction \"air\": expected \"ray\" or a number k",
            ),
            ("0.01", "refraction: effective-Earth factor k = 0.01"),
            ("true", "expected \"ray\" or a number k"),
        ] {
            let text = text.replace("1.3333333333333333", bad);
            let e = Scenario::from_json(&text).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
        // The refraction moves the figures: Japan alone sees the example later through the traced air.
        let japan = |r: Refraction| {
            let run = Scenario {
                refraction: r,
                ..Scenario::example()
            }
            .run()
            .unwrap();
            run.pictures
                .iter()
                .find(|p| p.picture == crate::tracking::picture::JAPAN)
                .and_then(|p| p.missiles[0].first_detection)
                .unwrap()
        };
        assert!(japan(Refraction::Ray) > japan(Refraction::K(4.0 / 3.0)));
    }
}
