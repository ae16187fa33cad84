//! Space-based infrared early warning (SBIRS/DSP-like): the satellites see the hot boost plume once it climbs
//! out of the clouds, until the last stage burns out, and a ground station issues a launch report (estimated
//! launch point and time) after a processing and reporting delay. The constellation is taken to see the whole
//! region (geostationary and high-orbit satellites over the western Pacific); no orbit is modelled.

use super::measure::gaussian;
use super::radar::{MAX_UPDATE_INTERVAL_MS, MIN_UPDATE_INTERVAL_MS};
use crate::earth::{destination, Geodetic};
use crate::measurement::{Measurement, MeasurementKind, SensorIndex};
use crate::time::{Duration, SimTime};
use crate::truth::{FlightPhase, TargetState};
use rand::Rng;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum InfraredError {
    #[error("infrared sensor field `{field}` = {value} is invalid: {why}")]
    Field {
        field: &'static str,
        value: f64,
        why: &'static str,
    },
}

/// An infrared early-warning sensor as a scenario stores it.
///
/// # Units
/// Metres, seconds as named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfraredSpec {
    /// The plume is seen once the missile is above this altitude (cloud tops), metres, in [0, 30000].
    pub cloud_top_m: f64,
    /// Time from the first sighting of the plume to the launch report, ms, >= 0.
    pub reporting_delay_ms: i64,
    /// Time between looks (a scanning sensor's revisit), ms, in [100, 3600000].
    pub update_interval_ms: i64,
    /// One-sigma error of the reported launch point, metres, >= 0.
    pub sigma_launch_point_m: f64,
    /// One-sigma error of the reported launch time, seconds, >= 0.
    pub sigma_launch_time_s: f64,
}

/// A validated infrared sensor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "InfraredSpec", into = "InfraredSpec")]
pub struct Infrared {
    spec: InfraredSpec,
}

impl TryFrom<InfraredSpec> for Infrared {
    type Error = InfraredError;
    fn try_from(spec: InfraredSpec) -> Result<Infrared, InfraredError> {
        Infrared::new(spec)
    }
}

impl From<Infrared> for InfraredSpec {
    fn from(i: Infrared) -> InfraredSpec {
        i.spec
    }
}

fn field(
    field: &'static str,
    value: f64,
    ok: bool,
    why: &'static str,
) -> Result<(), InfraredError> {
    if ok && value.is_finite() {
        Ok(())
    } else {
        Err(InfraredError::Field { field, value, why })
    }
}

impl Infrared {
    pub fn new(spec: InfraredSpec) -> Result<Infrared, InfraredError> {
        let s = &spec;
        field(
            "cloud_top_m",
            s.cloud_top_m,
            (0.0..=30_000.0).contains(&s.cloud_top_m),
            "must be in [0, 30000] m",
        )?;
        field(
            "reporting_delay_ms",
            s.reporting_delay_ms as f64,
            s.reporting_delay_ms >= 0,
            "must be >= 0",
        )?;
        field(
            "update_interval_ms",
            s.update_interval_ms as f64,
            (MIN_UPDATE_INTERVAL_MS..=MAX_UPDATE_INTERVAL_MS).contains(&s.update_interval_ms),
            "must be in [100, 3600000] ms",
        )?;
        field(
            "sigma_launch_point_m",
            s.sigma_launch_point_m,
            s.sigma_launch_point_m >= 0.0,
            "must be >= 0",
        )?;
        field(
            "sigma_launch_time_s",
            s.sigma_launch_time_s,
            s.sigma_launch_time_s >= 0.0,
            "must be >= 0",
        )?;
        Ok(Infrared { spec })
    }

    pub fn spec(&self) -> &InfraredSpec {
        &self.spec
    }

    pub fn update_interval_ms(&self) -> i64 {
        self.spec.update_interval_ms
    }

    /// Whether the plume is visible in this state: a stage burning, above the cloud tops.
    ///
    /// # Units
    /// `altitude_m`: the target's height above the ellipsoid, metres.
    pub fn sees_plume(&self, state: &TargetState, altitude_m: f64) -> bool {
        matches!(state.phase, FlightPhase::Boost { .. }) && altitude_m >= self.spec.cloud_top_m
    }

    /// The launch report issued after a first sighting at `seen_at`: the launch point and time with Gaussian
    /// errors, time-tagged when it is issued (`seen_at` plus the reporting delay), since a launch report is a
    /// processed product and that is when it exists.
    pub fn launch_report(
        &self,
        sensor: SensorIndex,
        seen_at: SimTime,
        launch_point: Geodetic,
        launch_time: SimTime,
        rng: &mut impl Rng,
    ) -> Measurement {
        let s = &self.spec;
        let (mut lat_deg, mut lon_deg) = (launch_point.lat_deg(), launch_point.lon_deg());
        if s.sigma_launch_point_m > 0.0 {
            // A circular Gaussian error: Rayleigh distance in a uniform direction.
            let (e_m, n_m) = (
                gaussian(rng, s.sigma_launch_point_m),
                gaussian(rng, s.sigma_launch_point_m),
            );
            let az_deg = e_m.atan2(n_m).to_degrees();
            (lat_deg, lon_deg) = destination(lat_deg, lon_deg, az_deg, e_m.hypot(n_m));
        }
        let dt_s = gaussian(rng, s.sigma_launch_time_s);
        let point = Geodetic::from_deg(lat_deg, lon_deg, 0.0).unwrap_or(launch_point);
        Measurement {
            sensor,
            time: seen_at + Duration::from_millis(s.reporting_delay_ms),
            kind: MeasurementKind::LaunchReport {
                launch_point: point,
                sigma_pos_m: s.sigma_launch_point_m,
                launch_time: launch_time + Duration::from_secs_f64(dt_s),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn spec() -> InfraredSpec {
        InfraredSpec {
            cloud_top_m: 10_000.0,
            reporting_delay_ms: 30_000,
            update_interval_ms: 10_000,
            sigma_launch_point_m: 5_000.0,
            sigma_launch_time_s: 5.0,
        }
    }

    #[test]
    fn validates() {
        assert!(Infrared::new(spec()).is_ok());
        assert!(Infrared::new(InfraredSpec {
            cloud_top_m: -1.0,
            ..spec()
        })
        .is_err());
        assert!(Infrared::new(InfraredSpec {
            update_interval_ms: 0,
            ..spec()
        })
        .is_err());
    }

    #[test]
    fn report_is_delayed_and_near_the_launch_point() {
        let ir = Infrared::new(spec()).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let pad = Geodetic::from_deg(39.2, 125.673, 0.0).unwrap();
        let m = ir.launch_report(SensorIndex(3), SimTime(40_000), pad, SimTime(0), &mut rng);
        assert_eq!(m.time, SimTime(70_000));
        match m.kind {
            MeasurementKind::LaunchReport { launch_point, .. } => {
                let d = crate::earth::inverse(
                    pad.lat_deg(),
                    pad.lon_deg(),
                    launch_point.lat_deg(),
                    launch_point.lon_deg(),
                );
                assert!(d.distance_m < 30_000.0);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
