//! Predictors: the extended Kalman prediction of a [`GaussianState`] to a time, and the interacting multiple
//! model (IMM) prediction of an [`ImmState`] (Blom and Bar-Shalom, IEEE TAC 33(8), 1988): mixing, then one
//! EKF prediction per mode.
//!
//! The IMM here has two modes with the same ballistic dynamics and different process noise: *boost* (large
//! white-noise acceleration, standing in for thrust of tens of m/s^2) and *ballistic* (small). It lets a track
//! follow a boosting missile and tighten once the motor burns out, without a thrust model.

use super::transition::{BallisticEcef, TransitionModel};
use super::{asymmetry, symmetrize, GaussianState, StateCovariance, StateVector};
use crate::time::SimTime;
use serde::{Deserialize, Serialize};

/// Extended Kalman prediction with a transition model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtendedKalmanPredictor<T> {
    pub transition: T,
}

impl<T: TransitionModel> ExtendedKalmanPredictor<T> {
    pub fn new(transition: T) -> Self {
        ExtendedKalmanPredictor { transition }
    }

    /// The prior predicted to `time` (forwards or backwards).
    pub fn predict(&self, prior: &GaussianState, time: SimTime) -> GaussianState {
        let dt_s = (time - prior.time).as_secs_f64();
        if dt_s == 0.0 {
            return *prior;
        }
        let (mean, f) = self.transition.function_and_jacobian(&prior.mean, dt_s);
        let covar = f * prior.covar * f.transpose() + self.transition.covar(dt_s);
        debug_assert!(
            asymmetry(&covar) < 1e-9,
            "predicted covariance not symmetric"
        );
        GaussianState {
            time,
            mean,
            covar: symmetrize(&covar),
        }
    }
}

/// The modes of the IMM.
pub const MODE_BOOST: usize = 0;
pub const MODE_BALLISTIC: usize = 1;

/// A two-mode IMM estimate: one Gaussian per mode and the mode probabilities, all at `time`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImmState {
    pub time: SimTime,
    pub modes: [GaussianState; 2],
    pub probabilities: [f64; 2],
}

impl ImmState {
    /// Both modes start from one Gaussian.
    pub fn from_gaussian(g: GaussianState, probabilities: [f64; 2]) -> ImmState {
        ImmState {
            time: g.time,
            modes: [g, g],
            probabilities,
        }
    }

    /// The moment-matched single Gaussian of the mixture.
    pub fn combined(&self) -> GaussianState {
        let mut mean = StateVector::zeros();
        for (g, p) in self.modes.iter().zip(self.probabilities) {
            mean += g.mean * p;
        }
        let mut covar = StateCovariance::zeros();
        for (g, p) in self.modes.iter().zip(self.probabilities) {
            let d = g.mean - mean;
            covar += (g.covar + d * d.transpose()) * p;
        }
        GaussianState {
            time: self.time,
            mean,
            covar: symmetrize(&covar),
        }
    }
}

/// IMM predictor over the two modes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImmPredictor {
    /// Boost and ballistic models (indices [`MODE_BOOST`], [`MODE_BALLISTIC`]).
    pub models: [BallisticEcef; 2],
    /// Mean time in boost before switching to ballistic, seconds (a Markov switching rate).
    pub mean_boost_s: f64,
    /// Mean time in ballistic flight before switching to boost (a later stage), seconds.
    pub mean_ballistic_s: f64,
}

impl Default for ImmPredictor {
    fn default() -> Self {
        ImmPredictor {
            // Assumptions: boost accelerations of 20-60 m/s^2 give q ~ a^2 * 1 s; ballistic q covers the
            // unmodelled drag above ~60 km and gravity-model error.
            models: [BallisticEcef::new(2500.0), BallisticEcef::new(0.5)],
            mean_boost_s: 60.0,
            mean_ballistic_s: 600.0,
        }
    }
}

impl ImmPredictor {
    /// Markov switching probabilities over `dt_s`: `p[i][j]` = P(mode j at the end | mode i at the start).
    pub fn switching(&self, dt_s: f64) -> [[f64; 2]; 2] {
        let dt = dt_s.abs();
        let a = 1.0 - (-dt / self.mean_boost_s.max(1e-3)).exp();
        let b = 1.0 - (-dt / self.mean_ballistic_s.max(1e-3)).exp();
        [[1.0 - a, a], [b, 1.0 - b]]
    }

    /// Each mode predicted by its own model to `time`, without mode switching, the probabilities kept.
    ///
    /// For comparing two tracks over a longer gap (see [`crate::tracking::merger`]): the Markov switching of
    /// [`Self::predict`] gives a ballistic track a growing chance of a new boost (10% after 60 s), whose
    /// covariance would widen the comparison enough to take in a neighbouring missile; whether two tracks
    /// describe one target's motion since the older update is the question there.
    pub fn predict_modes(&self, prior: &ImmState, time: SimTime) -> ImmState {
        let mut out = *prior;
        for (mode, model) in out.modes.iter_mut().zip(self.models) {
            *mode = ExtendedKalmanPredictor::new(model).predict(mode, time);
        }
        out.time = time;
        out
    }

    /// Mixing and per-mode prediction to `time`.
    pub fn predict(&self, prior: &ImmState, time: SimTime) -> ImmState {
        let dt_s = (time - prior.time).as_secs_f64();
        if dt_s == 0.0 {
            return *prior;
        }
        let p = self.switching(dt_s);
        let mu = prior.probabilities;
        let mut c = [0.0; 2];
        for (j, cj) in c.iter_mut().enumerate() {
            *cj = (0..2).map(|i| p[i][j] * mu[i]).sum::<f64>().max(1e-300);
        }
        let mut mixed = prior.modes;
        for (j, mode) in mixed.iter_mut().enumerate() {
            let w = [p[0][j] * mu[0] / c[j], p[1][j] * mu[1] / c[j]];
            let mean = prior.modes[0].mean * w[0] + prior.modes[1].mean * w[1];
            let mut covar = StateCovariance::zeros();
            for (m, wi) in prior.modes.iter().zip(w) {
                let d = m.mean - mean;
                covar += (m.covar + d * d.transpose()) * wi;
            }
            *mode = GaussianState {
                time: prior.time,
                mean,
                covar,
            };
        }
        // Both modes share the ballistic dynamics (they differ in process noise only), and their means differ
        // by far less than the scale on which the dynamics bend: one jacobian serves both, and the other mode's
        // mean is carried by it, f(x0) = f(x1) + F (x0 - x1). The neglected second-order term is the gravity
        // gradient's change over the offset, ~3 GM/r^4 |dx|^2 (7e-7 m/s^2 for a 1 km offset): 3 cm after 300 s,
        // 1e-6 m after a 2 s scan; integrating the second mode would cost a second Runge-Kutta flight.
        let (mean1, f) =
            self.models[MODE_BALLISTIC].function_and_jacobian(&mixed[MODE_BALLISTIC].mean, dt_s);
        let mut modes = mixed;
        for (j, mode) in modes.iter_mut().enumerate() {
            let mean = if j == MODE_BALLISTIC {
                mean1
            } else {
                mean1 + f * (mixed[j].mean - mixed[MODE_BALLISTIC].mean)
            };
            let covar = f * mixed[j].covar * f.transpose() + self.models[j].covar(dt_s);
            debug_assert!(
                asymmetry(&covar) < 1e-9,
                "predicted covariance not symmetric"
            );
            *mode = GaussianState {
                time,
                mean,
                covar: symmetrize(&covar),
            };
        }
        let total = c[0] + c[1];
        ImmState {
            time,
            modes,
            probabilities: [c[0] / total, c[1] / total],
        }
    }
}
