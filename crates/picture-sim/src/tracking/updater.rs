//! Updaters: the extended Kalman update with a radar plot, and the IMM update (per-mode EKF updates and the
//! mode probabilities from their likelihoods).
//!
//! Numerics (after strawlab/adskalman-rs): the innovation covariance is factored by Cholesky and the gain
//! found by solving, never by an explicit inverse; the covariance is updated in the Joseph form
//! `P+ = (I - KH) P (I - KH)' + K R K'` (Bucy & Joseph 1968; Grewal & Andrews, *Kalman Filtering: Theory and
//! Practice*, section on the Joseph form), a sum of two congruences of positive semi-definite matrices, which
//! stays symmetric positive semi-definite with a sub-optimal gain and under round-off. A failure is an error,
//! never a panic.

use super::measurement_model::{
    MeasurementModelError, MeasurementVector, RadarAerModel, RadarPlot,
};
use super::predictor::ImmState;
use super::{symmetrize, GaussianState};
use nalgebra::{Matrix3, SMatrix};
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum UpdaterError {
    #[error("plot at t = {plot_ms} ms applied to a prediction at t = {state_ms} ms")]
    TimeMismatch { plot_ms: i64, state_ms: i64 },
    #[error("innovation covariance not positive definite at t = {time_ms} ms")]
    NotPositiveDefinite { time_ms: i64 },
    #[error("update at t = {time_ms} ms gave non-finite numbers")]
    NotFinite { time_ms: i64 },
    #[error(transparent)]
    Model(#[from] MeasurementModelError),
}

/// The predicted measurement of a predicted state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasurementPrediction {
    pub z_pred: MeasurementVector,
    /// Innovation covariance S = H P H' + R.
    pub innovation_covar: Matrix3<f64>,
    /// Cross covariance P H'.
    pub cross_covar: SMatrix<f64, 6, 3>,
    pub jacobian: SMatrix<f64, 3, 6>,
    /// S^-1 (from its Cholesky factor) and ln det S, for gating; `None` if S is not positive definite.
    gating: Option<(Matrix3<f64>, f64)>,
}

impl MeasurementPrediction {
    /// Squared Mahalanobis distance of `z`, and the log-determinant of S.
    pub fn mahalanobis2(&self, z: &MeasurementVector) -> Option<(f64, f64)> {
        let (s_inv, log_det) = self.gating?;
        let y = RadarAerModel::residual(z, &self.z_pred);
        let d2 = y.dot(&(s_inv * y));
        (d2.is_finite() && log_det.is_finite()).then_some((d2, log_det))
    }
}

/// The result of one update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update<S> {
    pub posterior: S,
    /// Normalised innovation squared (chi-square with 3 degrees of freedom when consistent).
    pub nis: f64,
    /// Log of the measurement likelihood N(z; z_pred, S).
    pub log_likelihood: f64,
}

/// Extended Kalman updater.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ExtendedKalmanUpdater;

const LN_2PI: f64 = 1.837_877_066_409_345_5;

impl ExtendedKalmanUpdater {
    pub fn predict_measurement(
        &self,
        pred: &GaussianState,
        model: &RadarAerModel,
    ) -> Result<MeasurementPrediction, UpdaterError> {
        let h = model.jacobian(&pred.mean)?;
        let cross_covar = pred.covar * h.transpose();
        let innovation_covar = symmetrize(&(h * cross_covar + model.noise_covar()));
        let gating = innovation_covar.cholesky().map(|chol| {
            let log_det = 2.0
                * chol
                    .l_dirty()
                    .diagonal()
                    .iter()
                    .map(|v| v.ln())
                    .sum::<f64>();
            (chol.inverse(), log_det)
        });
        Ok(MeasurementPrediction {
            z_pred: model.function(&pred.mean),
            innovation_covar,
            cross_covar,
            jacobian: h,
            gating,
        })
    }

    /// Updates a prediction made to the plot's time.
    pub fn update(
        &self,
        pred: &GaussianState,
        plot: &RadarPlot,
    ) -> Result<Update<GaussianState>, UpdaterError> {
        if pred.time != plot.time {
            return Err(UpdaterError::TimeMismatch {
                plot_ms: plot.time.0,
                state_ms: pred.time.0,
            });
        }
        // The gate's S^-1 is not needed here: the update factors S itself.
        let h = plot.model.jacobian(&pred.mean)?;
        let cross_covar = pred.covar * h.transpose();
        let mp = MeasurementPrediction {
            z_pred: plot.model.function(&pred.mean),
            innovation_covar: symmetrize(&(h * cross_covar + plot.model.noise_covar())),
            cross_covar,
            jacobian: h,
            gating: None,
        };
        self.update_with(pred, &mp, plot)
    }

    /// Updates with a measurement prediction already made (by the hypothesiser).
    pub fn update_with(
        &self,
        pred: &GaussianState,
        mp: &MeasurementPrediction,
        plot: &RadarPlot,
    ) -> Result<Update<GaussianState>, UpdaterError> {
        let time_ms = plot.time.0;
        let chol = mp
            .innovation_covar
            .cholesky()
            .ok_or(UpdaterError::NotPositiveDefinite { time_ms })?;
        let y = RadarAerModel::residual(&plot.z, &mp.z_pred);
        // K = P H' S^-1, found as (S^-1 (P H')')'.
        let k = chol.solve(&mp.cross_covar.transpose()).transpose();
        let mean = pred.mean + k * y;
        let covar = joseph_update(&pred.covar, &k, &mp.jacobian, &plot.model.noise_covar());
        let nis = y.dot(&chol.solve(&y));
        let log_det = 2.0
            * chol
                .l_dirty()
                .diagonal()
                .iter()
                .map(|v| v.ln())
                .sum::<f64>();
        let posterior = GaussianState {
            time: pred.time,
            mean,
            covar: symmetrize(&covar),
        };
        if !posterior.is_finite() || !nis.is_finite() {
            return Err(UpdaterError::NotFinite { time_ms });
        }
        Ok(Update {
            posterior,
            nis,
            log_likelihood: -0.5 * (nis + log_det + 3.0 * LN_2PI),
        })
    }
}

/// The Joseph-form covariance update `(I - KH) P (I - KH)' + K R K'`, before symmetrising.
///
/// The expanded form `P - K C' - C K' + K S K'` is algebraically the same, but subtracts terms of the size of
/// the prior from one another: when a plot shrinks the covariance by orders of magnitude (a first radar plot on
/// a track made from a space-based cue, lofted flights seen at long range) the round-off of those terms is
/// larger than the posterior itself, and the result is neither symmetric nor positive semi-definite. Here each
/// term is a congruence `A P A'` of a symmetric positive semi-definite matrix, whose round-off is relative to
/// the terms' own magnitudes.
fn joseph_update(
    p: &SMatrix<f64, 6, 6>,
    k: &SMatrix<f64, 6, 3>,
    h: &SMatrix<f64, 3, 6>,
    r: &Matrix3<f64>,
) -> SMatrix<f64, 6, 6> {
    // A symmetric prior makes the two halves of the result round alike; the predictor's output is symmetric up
    // to its own round-off, which this removes rather than propagates.
    let p = symmetrize(p);
    let a = SMatrix::<f64, 6, 6>::identity() - k * h;
    let covar = (a * p) * a.transpose() + (k * r) * k.transpose();
    debug_assert!(
        !covar.iter().all(|v| v.is_finite()) || joseph_round_off_ok(&covar, &a, &p, k, r),
        "Joseph-form covariance asymmetric or indefinite beyond its round-off bound"
    );
    covar
}

/// Whether a computed Joseph-form covariance is within the round-off bound of its computation.
///
/// A computed product of matrices with inner dimension n differs from the exact one, entry by entry, by at most
/// `gamma_n |A| |B|` with `gamma_n = n u / (1 - n u)`, `u` the unit round-off (Higham, *Accuracy and Stability of
/// Numerical Algorithms*, 2nd ed., section 3.5). Both products here have inner dimension at most 6, chained
/// twice and summed, so each entry of the result is within `gamma_12 B_ij` of the exact symmetric value, with
/// `B = |A| |P| |A|' + |K| |R| |K|'`; an asymmetry `|X_ij - X_ji|` is then within `2 gamma_12 B_ij`. The
/// check allows four times that. The smallest eigenvalue of the symmetric part may fall below zero by at most
/// the 2-norm of the error, bounded by its Frobenius norm, at most `6 gamma_12 max B_ij`, again with a factor of
/// four. A failure means a wrong formula or an input that is not a covariance, not round-off.
fn joseph_round_off_ok(
    covar: &SMatrix<f64, 6, 6>,
    a: &SMatrix<f64, 6, 6>,
    p: &SMatrix<f64, 6, 6>,
    k: &SMatrix<f64, 6, 3>,
    r: &Matrix3<f64>,
) -> bool {
    let u = f64::EPSILON / 2.0;
    let gamma_12 = 12.0 * u / (1.0 - 12.0 * u);
    let bound = a.abs() * p.abs() * a.abs().transpose() + k.abs() * r.abs() * k.abs().transpose();
    let symmetric = (0..6).all(|i| {
        (0..6)
            .all(|j| (covar[(i, j)] - covar[(j, i)]).abs() <= 4.0 * 2.0 * gamma_12 * bound[(i, j)])
    });
    let max_bound = bound.iter().fold(0.0_f64, |m, v| m.max(*v));
    let min_eigenvalue = symmetrize(covar)
        .symmetric_eigenvalues()
        .iter()
        .fold(f64::INFINITY, |m, v| m.min(*v));
    symmetric && min_eigenvalue >= -4.0 * 6.0 * gamma_12 * max_bound
}

/// IMM updater: one EKF update per mode; the mode probabilities are reweighted by the likelihoods.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ImmUpdater;

impl ImmUpdater {
    pub fn update(
        &self,
        pred: &ImmState,
        plot: &RadarPlot,
    ) -> Result<Update<ImmState>, UpdaterError> {
        let ekf = ExtendedKalmanUpdater;
        let u0 = ekf.update(&pred.modes[0], plot)?;
        let u1 = ekf.update(&pred.modes[1], plot)?;
        let l = [u0.log_likelihood, u1.log_likelihood];
        let lmax = l[0].max(l[1]);
        let w = [
            pred.probabilities[0] * (l[0] - lmax).exp(),
            pred.probabilities[1] * (l[1] - lmax).exp(),
        ];
        let total = w[0] + w[1];
        // Keep both modes alive: a probability of exactly zero could never recover.
        let p0 = if total > 0.0 {
            (w[0] / total).clamp(1e-6, 1.0 - 1e-6)
        } else {
            0.5
        };
        let posterior = ImmState {
            time: pred.time,
            modes: [u0.posterior, u1.posterior],
            probabilities: [p0, 1.0 - p0],
        };
        // NIS reported as the mode-probability-weighted NIS of the predictions (the gate uses the combined
        // prediction's Mahalanobis distance, from the hypothesiser).
        let nis = pred.probabilities[0] * u0.nis + pred.probabilities[1] * u1.nis;
        Ok(Update {
            posterior,
            nis,
            log_likelihood: lmax + total.ln(),
        })
    }
}
