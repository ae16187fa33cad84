//! Sensors and detection (issue 4): the kinds of sensor (ground radar, ship radar, space-based infrared), the
//! catalog of public sites with notional parameters, line of sight over a refracting Earth, the radar range
//! equation and probability of detection, noisy measurements, coverage footprints, and the detection run that
//! ties them together against any [`crate::truth::Truth`].
//!
//! References: `../shared/reference/radar.md` (horizon and detection golden values), `sensors.csv` (sites and
//! claims). Every performance figure here is a public estimate or notional, and is marked so.

pub mod catalog;
pub mod coverage;
pub mod fixture;
pub mod horizon;
pub mod infrared;
pub mod look;
pub mod measure;
pub mod pd;
pub mod radar;
pub mod rcs;
pub mod rise;
pub mod run;
pub mod sensor;
mod special;
pub mod table;

pub use catalog::{catalog, CatalogError};
pub use coverage::{footprint, footprints, CoverageError, Footprint, LatLon};
pub use horizon::{EffectiveEarth, Horizon, HorizonError, Sight};
pub use infrared::{Infrared, InfraredError, InfraredSpec};
pub use look::{LookOutcome, MissReason, TargetSample};
pub use pd::{probability_of_detection, required_snr_db, DetectionModel, Detector, PdError};
pub use radar::{DetectionReference, Radar, RadarError, RadarSpec};
pub use rcs::{RcsModel, RcsSpec};
pub use rise::first_above_horizon;
pub use run::{run_detections, DetectionConfig, DetectionRun, MissSpan, SensorReport};
pub use sensor::{Nation, Provenance, Sensor, SensorError, SensorKind};
pub use table::detection_table;
