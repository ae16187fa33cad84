//! Time-tagged measurements: what sensors produce and trackers consume. A measurement carries what a fusion
//! centre needs to use it (the sensor's site and accuracies), so the tracker needs no sensor catalog.

use crate::earth::{Aer, Geodetic};
use crate::time::SimTime;
use serde::{Deserialize, Serialize};

/// Index of a sensor in the scenario's sensor list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SensorIndex(pub usize);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub sensor: SensorIndex,
    /// When the measurement was taken (not when it reached a fusion centre).
    pub time: SimTime,
    pub kind: MeasurementKind,
}

/// # Units
/// Angles in radians (azimuth clockwise from north), distances in metres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MeasurementKind {
    /// A radar plot: noisy azimuth, elevation and range from the site, with the standard deviations used to
    /// draw the noise.
    Radar {
        site: Geodetic,
        aer: Aer,
        sigma_range_m: f64,
        sigma_az_rad: f64,
        sigma_el_rad: f64,
    },
    /// A space-based infrared launch report: an estimated launch point with a circular position uncertainty
    /// (one sigma, metres), and the time of launch it implies.
    LaunchReport {
        launch_point: Geodetic,
        sigma_pos_m: f64,
        launch_time: SimTime,
    },
}
