//! Updaters: the extended Kalman update with a radar plot, and the IMM update (per-mode EKF updates and the
//! mode probabilities from their likelihoods).
//!
//! Numerics (after strawlab/adskalman-rs): the innovation covariance is factored by Cholesky and the gain
//! found by solving, never by an explicit inverse; the covariance is updated in Joseph form, which stays
//! symmetric positive semi-definite with a sub-optimal gain and under round-off. A failure is an error, never
//! a panic.

use super::measurement_model::{
    MeasurementModelError, MeasurementVector, RadarAerModel, RadarPlot,
};
use super::predictor::ImmState;
use super::{asymmetry, symmetrize, GaussianState};
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
        // Joseph form (I - KH) P (I - KH)' + K R K', expanded with C = P H' and S = H P H' + R as
        // P - K C' - C K' + K S K': the same for any gain K, without the two 6x6 products.
        let kc = k * mp.cross_covar.transpose();
        let covar = pred.covar - kc - kc.transpose() + k * mp.innovation_covar * k.transpose();
        debug_assert!(
            asymmetry(&covar) < 1e-9,
            "Joseph-form covariance not symmetric"
        );
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
