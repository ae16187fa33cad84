//! Tracking and fusion: estimating each missile's state from time-tagged radar plots and infrared launch
//! reports, predicting its impact, and running one tracker per fusion centre ("picture") with its own links.
//!
//! The roles are named as in Stone Soup (Barr et al., "Stone Soup: announcement of beta release of an
//! open-source framework for tracking and state estimation", Proc. SPIE 11018, 2019), one module each:
//! [`transition`] (motion model), [`measurement_model`] (radar azimuth-elevation-range, function and jacobian),
//! [`predictor`] and [`updater`] (extended Kalman filter and a two-mode IMM), [`hypothesiser`] (Mahalanobis
//! gating), [`associator`] (global nearest neighbour by Kuhn-Munkres), [`initiator`] (two-point and infrared
//! cues), [`confirmation`] (M-of-N), [`deleter`], [`merger`] (the track-to-track test and fused estimate) and
//! [`merging`] (which duplicate tracks are merged, and how), [`replay`] (late plots replayed from a track's
//! checkpoints), [`track`] (the track itself) and [`tracker`] (the scan loop that sequences them). Every call
//! takes an explicit time.
//!
//! [`impact`] propagates a track to the ground; [`picture`] delivers measurements to a fusion centre after
//! each link's latency; [`metrics`] scores pictures against truth. With the `fixtures` feature, `fixtures`
//! holds the truth and noisy-plot generators the tests and benchmarks use (not part of the product).
//!
//! Frames and units: the state is ECEF position (m) and ECEF velocity relative to the rotating Earth (m/s).
//!
//! Entry points for the app and the command line:
//! - [`picture::PictureConfig::builtin`] and [`picture::LatencyDefaults`]: the five pictures and their links;
//! - [`picture::run_picture`]: run one picture, observing the [`tracker::Tracker`] after each delivery
//!   ([`tracker::Tracker::confirmed_tracks`], [`track::Track::estimate`]);
//! - [`impact::predict_impact`]: a track's predicted impact point, time and 95% ellipse;
//! - [`metrics::evaluate_pictures`] and [`metrics::compare`]: warning times per picture and each nation's gain from sharing.

pub mod associator;
pub mod confirmation;
pub mod deleter;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod hypothesiser;
pub mod impact;
pub mod initiator;
pub mod measurement_model;
pub mod merger;
pub mod merging;
pub mod metrics;
pub mod picture;
pub mod predictor;
pub mod replay;
pub mod sorted;
pub mod track;
pub mod tracker;
pub mod transition;
pub mod updater;

use crate::earth::Ecef;
use crate::time::SimTime;
use nalgebra::{Point3, SMatrix, SVector, Vector3};
use serde::{Deserialize, Serialize};

/// State vector: ECEF position (m) then ECEF velocity relative to the rotating Earth (m/s).
pub type StateVector = SVector<f64, 6>;
/// State covariance, in the units of [`StateVector`] (m^2, m^2/s, m^2/s^2).
pub type StateCovariance = SMatrix<f64, 6, 6>;

/// A Gaussian estimate of the state at a time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GaussianState {
    pub time: SimTime,
    pub mean: StateVector,
    pub covar: StateCovariance,
}

impl GaussianState {
    pub fn position(&self) -> Ecef {
        Ecef(Point3::new(self.mean[0], self.mean[1], self.mean[2]))
    }

    /// ECEF velocity relative to the rotating Earth, m/s.
    pub fn velocity_m_s(&self) -> Vector3<f64> {
        Vector3::new(self.mean[3], self.mean[4], self.mean[5])
    }

    /// True when every number is finite (a filter that diverged numerically is not).
    pub fn is_finite(&self) -> bool {
        self.mean.iter().all(|v| v.is_finite()) && self.covar.iter().all(|v| v.is_finite())
    }
}

/// The state vector of a position and velocity.
pub fn state_vector(pos: &Ecef, vel_m_s: &Vector3<f64>) -> StateVector {
    StateVector::new(pos.0.x, pos.0.y, pos.0.z, vel_m_s.x, vel_m_s.y, vel_m_s.z)
}

/// Largest relative asymmetry of a covariance, for `debug_assert`s.
pub(crate) fn asymmetry<const N: usize>(m: &SMatrix<f64, N, N>) -> f64 {
    let scale = m.iter().fold(0.0_f64, |a, v| a.max(v.abs())).max(1e-300);
    (m - m.transpose())
        .iter()
        .fold(0.0_f64, |a, v| a.max(v.abs()))
        / scale
}

/// The symmetric part of a matrix.
pub(crate) fn symmetrize<const N: usize>(m: &SMatrix<f64, N, N>) -> SMatrix<f64, N, N> {
    (m + m.transpose()) * 0.5
}
