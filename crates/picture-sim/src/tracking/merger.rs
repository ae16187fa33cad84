//! Track-to-track merge: two confirmed tracks of one fusion centre that agree on one missile are made one.
//!
//! A fused picture can start two tracks on one missile (one from a Korean plot, one from a Japanese plot,
//! before association caught up). Two confirmed tracks are judged to be on one target when the squared
//! Mahalanobis distance between their states, on the sum of their covariances, is inside a chi-square gate
//! with 6 degrees of freedom (Bar-Shalom, Li and Kirubarajan, "Estimation with Applications to Tracking and
//! Navigation", 2001, section 11.7, the track-to-track association test) for [`TrackMerger::consecutive`]
//! consecutive checks. The test neglects the cross-correlation of the two tracks' errors (they share the
//! process noise of one target): with it the covariance of the difference would be smaller, so neglecting it
//! makes the gate wider than the exact test. Repeated agreement over several updates guards against a chance
//! crossing of two missiles' tracks.
//!
//! The merged state is the covariance intersection of the two (Julier and Uhlmann, "A non-divergent estimation
//! algorithm in the presence of unknown correlations", ACC 1997): consistent whatever the unknown correlation,
//! where the information-form fusion would be over-confident by treating the shared process noise twice.

use super::predictor::ImmState;
use super::transition::ballistic_acceleration_m_s2;
use super::{symmetrize, GaussianState, StateCovariance};
use crate::time::{Duration, SimTime};
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};

/// Chi-square quantile with 6 degrees of freedom at 0.999.
pub const CHI2_6DOF_999: f64 = 22.458;

/// Track-to-track merge parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrackMerger {
    pub enabled: bool,
    /// Gate on the squared Mahalanobis distance of the 6-state difference (chi-square, 6 degrees of freedom).
    pub gate_chi2: f64,
    /// Consecutive checks inside the gate before two tracks are merged (a check is made whenever either
    /// track is updated).
    pub consecutive: u32,
    /// Largest difference between the two tracks' state times that is compared, milliseconds (a duplicate
    /// that lost its plots to the other track coasts up to the deleter's 60 s before it is deleted).
    pub max_time_gap_ms: i64,
    /// Largest difference between the two tracks' state times at which the older estimate is still fused
    /// into the newer one when they are merged, milliseconds.
    pub max_fuse_gap_ms: i64,
}

impl Default for TrackMerger {
    fn default() -> Self {
        TrackMerger {
            enabled: true,
            gate_chi2: CHI2_6DOF_999,
            consecutive: 3,
            max_time_gap_ms: 60_000,
            max_fuse_gap_ms: 5_000,
        }
    }
}

impl TrackMerger {
    /// A cheap test before the full one: could the positions of `a` and `b` (at possibly different times)
    /// be within 5 sigma of each other? `a` is carried to `b`'s time under its velocity and its present
    /// gravity, Coriolis and centrifugal acceleration, with 5 m/s^2 allowed for the change of that
    /// acceleration and for thrust.
    pub fn may_agree(&self, a: &Sketch, b: &Sketch) -> bool {
        if (b.time - a.time).abs() > Duration::from_millis(self.max_time_gap_ms) {
            return false;
        }
        let dt_s = (b.time - a.time).as_secs_f64();
        let acc = a.acc_m_s2;
        let reach_m =
            5.0 * (a.pos_sd_m + b.pos_sd_m + a.vel_sd_m_s * dt_s.abs()) + 2.5 * dt_s * dt_s;
        let gap_m = (a.pos_m + a.vel_m_s * dt_s + acc * (0.5 * dt_s * dt_s) - b.pos_m).norm();
        !reach_m.is_finite() || gap_m <= reach_m
    }

    /// Whether two single Gaussians at the same time are inside the gate (cross-correlation neglected, see
    /// the module documentation); `None` if the summed covariance is not positive definite.
    pub fn agree(&self, a: &GaussianState, b: &GaussianState) -> Option<bool> {
        distance2(a, b).map(|d2| d2 <= self.gate_chi2)
    }

    pub fn validate(&self) -> Result<(), (&'static str, &'static str)> {
        if !(self.gate_chi2.is_finite() && self.gate_chi2 > 0.0) {
            return Err(("merger.gate_chi2", "must be positive"));
        }
        if self.consecutive == 0 {
            return Err(("merger.consecutive", "must be at least 1"));
        }
        if self.max_time_gap_ms < 0 {
            return Err(("merger.max_time_gap_ms", "must not be negative"));
        }
        if self.max_fuse_gap_ms < 0 {
            return Err(("merger.max_fuse_gap_ms", "must not be negative"));
        }
        Ok(())
    }
}

/// What the pre-gate ([`TrackMerger::may_agree`]) needs of a track: its time, mean position and velocity,
/// and upper bounds on the root traces of their covariances. Cheaper to form than the combined Gaussian of an
/// IMM estimate, which the full test needs only for the few pairs that pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sketch {
    pub time: SimTime,
    pub pos_m: Vector3<f64>,
    pub vel_m_s: Vector3<f64>,
    pub pos_sd_m: f64,
    pub vel_sd_m_s: f64,
    /// Gravity, Coriolis and centrifugal acceleration at the mean (m/s^2): formed once per track, not once
    /// per pair of tracks compared.
    pub acc_m_s2: Vector3<f64>,
}

impl Sketch {
    pub fn of_gaussian(g: &GaussianState) -> Sketch {
        let (pos_m, vel_m_s) = (g.position().0.coords, g.velocity_m_s());
        Sketch {
            time: g.time,
            pos_m,
            vel_m_s,
            pos_sd_m: root_trace(&g.covar, 0),
            vel_sd_m_s: root_trace(&g.covar, 3),
            acc_m_s2: ballistic_acceleration_m_s2(&pos_m, &vel_m_s),
        }
    }

    /// The mixture's mean, and root traces bounded by the largest mode's plus the spread of the mode means
    /// (the mixture's covariance is the weighted mode covariances plus the spread of the means).
    pub fn of_imm(s: &ImmState) -> Sketch {
        let [a, b] = &s.modes;
        let [pa, pb] = s.probabilities;
        let mean = a.mean * pa + b.mean * pb;
        let d = a.mean - b.mean;
        let pos_m = Vector3::new(mean[0], mean[1], mean[2]);
        let vel_m_s = Vector3::new(mean[3], mean[4], mean[5]);
        Sketch {
            time: s.time,
            pos_m,
            vel_m_s,
            acc_m_s2: ballistic_acceleration_m_s2(&pos_m, &vel_m_s),
            pos_sd_m: root_trace(&a.covar, 0).max(root_trace(&b.covar, 0))
                + Vector3::new(d[0], d[1], d[2]).norm(),
            vel_sd_m_s: root_trace(&a.covar, 3).max(root_trace(&b.covar, 3))
                + Vector3::new(d[3], d[4], d[5]).norm(),
        }
    }
}

/// Root of the trace of the 3x3 diagonal block of `p` starting at `k`.
fn root_trace(p: &StateCovariance, k: usize) -> f64 {
    (p[(k, k)] + p[(k + 1, k + 1)] + p[(k + 2, k + 2)]).sqrt()
}

/// Squared Mahalanobis distance of `a - b` on `Pa + Pb` (both at one time).
pub fn distance2(a: &GaussianState, b: &GaussianState) -> Option<f64> {
    let d = a.mean - b.mean;
    let chol = symmetrize(&(a.covar + b.covar)).cholesky()?;
    let d2 = d.dot(&chol.solve(&d));
    d2.is_finite().then_some(d2)
}

/// Covariance intersection of two estimates at one time: `P^-1 = w Pa^-1 + (1 - w) Pb^-1`,
/// `P^-1 x = w Pa^-1 xa + (1 - w) Pb^-1 xb`, with `w` in [0, 1] minimising `ln det P` (golden-section search;
/// the objective is convex in `w`). `None` if either covariance is not positive definite.
pub fn covariance_intersection(a: &GaussianState, b: &GaussianState) -> Option<GaussianState> {
    let ia = symmetrize(&a.covar).cholesky()?.inverse();
    let ib = symmetrize(&b.covar).cholesky()?.inverse();
    // ln det P(w) = -ln det(w Ia + (1 - w) Ib); infinite where the information is not positive definite.
    let neg_log_det_info = |w: f64| -> f64 {
        match symmetrize(&(ia * w + ib * (1.0 - w))).cholesky() {
            Some(c) => -2.0 * c.l_dirty().diagonal().iter().map(|v| v.ln()).sum::<f64>(),
            None => f64::INFINITY,
        }
    };
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    let mut x1 = hi - ratio * (hi - lo);
    let mut x2 = lo + ratio * (hi - lo);
    let (mut f1, mut f2) = (neg_log_det_info(x1), neg_log_det_info(x2));
    // 40 steps shrink the bracket to 0.618^40 ~ 4e-9.
    for _ in 0..40 {
        if f1 <= f2 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - ratio * (hi - lo);
            f1 = neg_log_det_info(x1);
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + ratio * (hi - lo);
            f2 = neg_log_det_info(x2);
        }
    }
    // The ends (one estimate alone) are candidates too: the minimum may sit on the boundary.
    let w = [0.0, 1.0, (lo + hi) / 2.0]
        .into_iter()
        .min_by(|p, q| neg_log_det_info(*p).total_cmp(&neg_log_det_info(*q)))?;
    let info = symmetrize(&(ia * w + ib * (1.0 - w)));
    let chol = info.cholesky()?;
    let covar: StateCovariance = symmetrize(&chol.inverse());
    let mean = chol.solve(&(ia * a.mean * w + ib * b.mean * (1.0 - w)));
    let fused = GaussianState {
        time: a.time,
        mean,
        covar,
    };
    fused.is_finite().then_some(fused)
}

/// Merges two IMM estimates at one time mode by mode (covariance intersection of each mode), keeping the mode
/// probabilities of `keep`.
pub fn merge_imm(keep: &ImmState, other: &ImmState) -> Option<ImmState> {
    Some(ImmState {
        time: keep.time,
        modes: [
            covariance_intersection(&keep.modes[0], &other.modes[0])?,
            covariance_intersection(&keep.modes[1], &other.modes[1])?,
        ],
        probabilities: keep.probabilities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::SVector;

    fn gaussian(mean: [f64; 6], diag: [f64; 6]) -> GaussianState {
        GaussianState {
            time: SimTime::ZERO,
            mean: SVector::from(mean),
            covar: StateCovariance::from_diagonal(&SVector::from(diag)),
        }
    }

    #[test]
    fn intersection_weights_the_better_estimate_and_stays_conservative() {
        let a = gaussian([0.0; 6], [100.0, 100.0, 100.0, 1.0, 1.0, 1.0]);
        let b = gaussian(
            [30.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [10_000.0, 10_000.0, 10_000.0, 100.0, 100.0, 100.0],
        );
        let f = covariance_intersection(&a, &b).unwrap();
        // b is 100 times worse on every axis: the optimum is a alone.
        assert!((f.mean - a.mean).norm() < 1e-6, "{}", f.mean);
        assert!((f.covar - a.covar).norm() < 1e-6);
        // Two equal covariances: the mean lies between the two and the covariance is not shrunk (CI never
        // claims the information of independent estimates).
        let c = gaussian(
            [10.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [100.0, 100.0, 100.0, 1.0, 1.0, 1.0],
        );
        let g = covariance_intersection(&a, &c).unwrap();
        assert!((-1e-9..=10.0 + 1e-9).contains(&g.mean[0]), "{}", g.mean[0]);
        assert!((g.covar - a.covar).norm() < 1e-6);
        // Complementary covariances: the fused one is tighter than either along each's weak axis.
        let d = gaussian([0.0; 6], [100.0, 10_000.0, 100.0, 1.0, 1.0, 1.0]);
        let e = gaussian([0.0; 6], [10_000.0, 100.0, 100.0, 1.0, 1.0, 1.0]);
        let h = covariance_intersection(&d, &e).unwrap();
        assert!(h.covar[(0, 0)] < 10_000.0 && h.covar[(1, 1)] < 10_000.0);
        assert!(h.covar[(0, 0)] >= 100.0 && h.covar[(1, 1)] >= 100.0);
    }

    #[test]
    fn gate_and_pre_gate() {
        let m = TrackMerger::default();
        // 200 km above the equator at 0 E.
        let x0 = 6.578e6;
        let a = gaussian(
            [x0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [100.0, 100.0, 100.0, 1.0, 1.0, 1.0],
        );
        let near = gaussian(
            [x0 + 20.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            [100.0, 100.0, 100.0, 1.0, 1.0, 1.0],
        );
        let far = gaussian(
            [x0 + 5_000.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [100.0, 100.0, 100.0, 1.0, 1.0, 1.0],
        );
        assert_eq!(m.agree(&a, &near), Some(true));
        assert_eq!(m.agree(&a, &far), Some(false));
        assert!(m.may_agree(&Sketch::of_gaussian(&a), &Sketch::of_gaussian(&near)));
        assert!(!m.may_agree(&Sketch::of_gaussian(&a), &Sketch::of_gaussian(&far)));
        // 10 s later, fallen under gravity: still possibly the same; beyond the time gap: not compared.
        let mut later = a;
        later.time = SimTime::from_secs(10.0);
        later.mean[0] -= 0.5 * 9.2 * 100.0;
        assert!(m.may_agree(&Sketch::of_gaussian(&a), &Sketch::of_gaussian(&later)));
        let mut late = near;
        late.time = SimTime::from_secs(61.0);
        assert!(
            !m.may_agree(&Sketch::of_gaussian(&a), &Sketch::of_gaussian(&late)),
            "beyond the time gap"
        );
        assert!(TrackMerger {
            consecutive: 0,
            ..m
        }
        .validate()
        .is_err());
    }
}
