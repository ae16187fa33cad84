//! The hypothesiser: for a predicted track and the plots of one scan, the plots inside the track's gate.
//!
//! The gate is the ellipsoid of squared Mahalanobis distance `d2 = y' S^-1 y` below a chi-square quantile with
//! 3 degrees of freedom (Blackman and Popoli, "Design and Analysis of Modern Tracking Systems", 1999,
//! section 6.3). The default 16.27 is the 0.999 quantile.

use super::measurement_model::RadarPlot;
use super::updater::{ExtendedKalmanUpdater, MeasurementPrediction};
use super::GaussianState;
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};

/// Chi-square quantiles with 3 degrees of freedom: (probability, value).
pub const CHI2_3DOF: [(f64, f64); 4] = [
    (0.95, 7.815),
    (0.99, 11.345),
    (0.999, 16.266),
    (0.9999, 21.108),
];

/// One track-plot pairing inside the gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hypothesis {
    pub track: usize,
    pub plot: usize,
    /// Squared Mahalanobis distance of the plot from the track's predicted measurement.
    pub distance2: f64,
}

/// Gating by Mahalanobis distance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DistanceHypothesiser {
    /// Gate threshold on the squared Mahalanobis distance (chi-square, 3 degrees of freedom).
    pub gate_chi2: f64,
}

impl Default for DistanceHypothesiser {
    fn default() -> Self {
        DistanceHypothesiser {
            gate_chi2: CHI2_3DOF[2].1,
        }
    }
}

impl DistanceHypothesiser {
    /// Appends to `out` the plots (all taken at `pred.time`) inside the gate of track `track`.
    pub fn hypothesise(
        &self,
        track: usize,
        pred: &GaussianState,
        plots: &[RadarPlot],
        out: &mut Vec<Hypothesis>,
    ) {
        self.hypothesise_near(track, pred, plots, None, out)
    }

    /// As [`Self::hypothesise`], given each plot's ECEF position and a reach (m) covering its own error
    /// (`coarse[j]` for `plots[j]`): plots farther from the predicted position than 5 sigma of its position
    /// plus their reach and 1 km are outside the gate (whose bound is 4.03 sigma of the innovation) and skip
    /// the Mahalanobis test.
    pub fn hypothesise_near(
        &self,
        track: usize,
        pred: &GaussianState,
        plots: &[RadarPlot],
        coarse: Option<&[(Vector3<f64>, f64)]>,
        out: &mut Vec<Hypothesis>,
    ) {
        let centre = pred.position().0.coords;
        let sd_m = (pred.covar[(0, 0)] + pred.covar[(1, 1)] + pred.covar[(2, 2)]).sqrt();
        let far = |j: usize| {
            coarse.and_then(|c| c.get(j)).is_some_and(|(pos, reach_m)| {
                (pos - centre).norm() > 5.0 * sd_m + reach_m + 1_000.0
            })
        };
        let updater = ExtendedKalmanUpdater;
        // Plots of one scan share a site and accuracies: predict the measurement once per model, and borrow
        // it (a prediction is ~0.5 kB; copying it per plot cost more than the gate test itself).
        let mut cached: Option<(usize, MeasurementPrediction)> = None;
        for (j, plot) in plots.iter().enumerate() {
            if plot.time != pred.time || far(j) {
                continue;
            }
            if !matches!(&cached, Some((k, _)) if plots[*k].model == plot.model) {
                cached = updater
                    .predict_measurement(pred, &plot.model)
                    .ok()
                    .map(|mp| (j, mp));
            }
            let Some((_, mp)) = &cached else { continue };
            if let Some((d2, _)) = mp.mahalanobis2(&plot.z) {
                if d2 <= self.gate_chi2 {
                    out.push(Hypothesis {
                        track,
                        plot: j,
                        distance2: d2,
                    });
                }
            }
        }
    }
}
