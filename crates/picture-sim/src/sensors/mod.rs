//! Sensors and detection: the kinds of sensor (ground radar, ship radar, space-based infrared), the
//! catalog of public sites with notional parameters, line of sight over a refracting Earth, the radar range
//! equation and probability of detection, noisy measurements, coverage footprints, and the detection run that
//! ties them together against any [`crate::truth::Truth`].
//!
//! References: `data/reference/radar.md` (horizon and detection golden values), `sensors.csv` (sites and
//! claims). Every performance figure here is a public estimate or notional, and is marked so.
//!
//! What the app calls:
//!
//! ```
//! use picture_sim::sensors::fixture::SineArc;
//! use picture_sim::sensors::{catalog, footprints, run_detections, DetectionConfig, EffectiveEarth};
//! use picture_sim::truth::Truth;
//! use picture_sim::SimTime;
//!
//! let mut sensors = catalog()?; // 13 radars and SBIRS, with provenance
//! sensors[10].move_to(37.5, 131.0)?; // ship radars can move
//! let earth = EffectiveEarth::new(4.0 / 3.0)?; // the user's k
//! let horizon = earth.horizon(30.0, 100_000.0)?; // slant and ground range, m
//! let fans = footprints(&sensors, &earth, 100_000.0, 2.0)?; // one polygon per radar at 100 km
//! // Any `Truth` (a flown trajectory in the app; a stand-in here).
//! let flight = SineArc::new((39.2, 125.673), (40.5, 137.0), 1.5e6, SimTime::ZERO, 2400.0, 300.0).unwrap();
//! let config = DetectionConfig { earth, seed: 7, ..DetectionConfig::default() };
//! let run = run_detections(&sensors, &[&flight as &dyn Truth], &config);
//! let first = run.reports.iter().filter_map(|r| r.first_detection).min();
//! # assert!(horizon.slant_range_m > 1.0e6 && fans[0].is_some() && first.is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod catalog;
pub mod coverage;
#[cfg(feature = "fixtures")]
pub mod fixture;
pub mod horizon;
pub mod infrared;
pub mod look;
pub mod measure;
pub mod pd;
pub mod radar;
pub mod ray;
pub mod rcs;
pub mod rise;
pub mod run;
pub mod sensor;
mod special;
pub mod table;

pub use catalog::{catalog, CatalogError};
pub use coverage::{footprint, footprints, CoverageError, Footprint, LatLon};
pub use horizon::{EffectiveEarth, Horizon, HorizonError, Refraction, Sight};
pub use infrared::{Infrared, InfraredError, InfraredSpec};
pub use look::{LookOutcome, MissReason, TargetSample};
pub use pd::{probability_of_detection, required_snr_db, DetectionModel, Detector, PdError};
pub use radar::{DetectionReference, Radar, RadarError, RadarSpec};
pub use ray::ExponentialAtmosphere;
pub use rcs::{RcsModel, RcsSpec};
pub use rise::first_above_horizon;
pub use run::{run_detections, DetectionConfig, DetectionRun, MissSpan, SensorReport};
pub use sensor::{Nation, Provenance, Sensor, SensorError, SensorKind};
pub use table::detection_table;
