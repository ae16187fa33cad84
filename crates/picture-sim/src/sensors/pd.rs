//! Probability of detection for a square-law detector with non-coherent integration of `N` pulses, at a given
//! probability of false alarm, and the inverse: the signal-to-noise ratio needed for a given probability.
//!
//! Models:
//! - Swerling 1 (slowly fluctuating, Rayleigh amplitude, constant over the look): exact. For one pulse the closed
//!   form `Pd = Pfa^(1 / (1 + SNR))`; for `N` pulses the Marcum-Swerling expression (Mahafza, *Radar Systems
//!   Analysis and Design Using MATLAB*, 3rd ed., section 5.x, Swerling I).
//! - Non-fluctuating (Swerling 0 / Marcum): exact, `Pd = Q_N(sqrt(2 N SNR), sqrt(2 T))` with the threshold `T` set
//!   by `Pfa = Q(N, T)` (regularized upper incomplete gamma).
//! - Albersheim's empirical approximation for a non-fluctuating target (Albersheim 1981; stated valid for
//!   Pd 0.1..0.9, Pfa 1e-7..1e-3, N 1..8096; accuracy about 0.2 dB).
//!
//! Golden values (`data/reference/radar.md`): Pd 0.9 at Pfa 1e-6 with one pulse needs 13.18 dB
//! (non-fluctuating), 13.12 dB (Albersheim), 21.14 dB (Swerling 1); Pd 0.65 at Pfa 1e-9 with N = 10 needs 8.74 dB
//! per pulse (Swerling 1).

use super::special::{gamma_p, gamma_q, marcum_q_half};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// How the target's echo behaves, and how its detection probability is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectionModel {
    /// Swerling 1: Rayleigh-fluctuating echo, constant within a look. Exact.
    Swerling1,
    /// Non-fluctuating echo (Marcum). Exact.
    NonFluctuating,
    /// Non-fluctuating echo by Albersheim's closed-form approximation.
    Albersheim,
}

#[derive(Debug, Error, Clone, PartialEq)]
pub enum PdError {
    #[error("pfa = {pfa}: the probability of false alarm must be in (0, 1)")]
    Pfa { pfa: f64 },
    #[error("pd = {pd}: the probability of detection must be in (0, 1)")]
    Pd { pd: f64 },
    #[error("pd = {pd}: the probability of detection must exceed the probability of false alarm pfa = {pfa}")]
    PdBelowPfa { pd: f64, pfa: f64 },
    #[error("pd = {pd}: Albersheim's equation has no solution below pd = {min_pd:.6} at pfa = {pfa} (allowed: ({min_pd:.6}, 1))")]
    AlbersheimPd { pd: f64, pfa: f64, min_pd: f64 },
    #[error("pulses = {pulses}: the number of pulses must be in 1..={max}", max = MAX_PULSES)]
    Pulses { pulses: u32 },
    #[error("snr_db = {snr_db}: the signal-to-noise ratio must be finite")]
    Snr { snr_db: f64 },
    #[error("order = {order}: the Marcum Q order must be in 1..={max}", max = MAX_PULSES)]
    MarcumOrder { order: u32 },
    #[error("{name} = {value}: the Marcum Q argument must be finite and at least 0")]
    MarcumArgument { name: &'static str, value: f64 },
    #[error("no signal-to-noise ratio in [{lo} dB, {hi} dB] gives pd = {pd} at pfa = {pfa} with {pulses} pulses", lo = SNR_SEARCH_DB.0, hi = SNR_SEARCH_DB.1)]
    NoSolution { pd: f64, pfa: f64, pulses: u32 },
}

/// Largest number of integrated pulses accepted.
pub const MAX_PULSES: u32 = 10_000;

/// The bracket searched by [`required_snr_db`], in dB.
const SNR_SEARCH_DB: (f64, f64) = (-40.0, 100.0);

/// The false-alarm probability and pulse count of a detector, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detector {
    pfa: f64,
    pulses: u32,
    /// The normalized threshold `T` with `Pfa = Q(N, T)`, cached.
    threshold: f64,
    ln_pfa: f64,
}

impl Detector {
    /// A detector with false-alarm probability `pfa` in (0, 1) integrating `pulses` (1..=10000) pulses.
    pub fn new(pfa: f64, pulses: u32) -> Result<Detector, PdError> {
        check_pfa(pfa)?;
        if pulses == 0 || pulses > MAX_PULSES {
            return Err(PdError::Pulses { pulses });
        }
        Ok(Detector {
            pfa,
            pulses,
            threshold: threshold(pfa, pulses),
            ln_pfa: pfa.ln(),
        })
    }

    pub fn pfa(&self) -> f64 {
        self.pfa
    }

    pub fn pulses(&self) -> u32 {
        self.pulses
    }

    /// The probability of detection for a per-pulse SNR (linear power ratio).
    pub fn pd(&self, model: DetectionModel, snr: f64) -> f64 {
        let snr = snr.max(0.0);
        let n = f64::from(self.pulses);
        match model {
            // Pfa^(1 / (1 + snr)), with ln Pfa cached.
            DetectionModel::Swerling1 if self.pulses == 1 => (self.ln_pfa / (1.0 + snr)).exp(),
            DetectionModel::Swerling1 => swerling1_n_pd(snr, n, self.threshold),
            // Q_N(sqrt(2 N snr), sqrt(2 T)) in the half-square variables, which skips a square root and its
            // square (and their overflow for an SNR past 1e300).
            DetectionModel::NonFluctuating => marcum_q_half(self.pulses, n * snr, self.threshold),
            DetectionModel::Albersheim => albersheim_pd(10.0 * snr.log10(), self.pfa, n),
        }
    }
}

fn check_pfa(pfa: f64) -> Result<(), PdError> {
    if pfa.is_finite() && pfa > 0.0 && pfa < 1.0 {
        Ok(())
    } else {
        Err(PdError::Pfa { pfa })
    }
}

/// Swerling 1, one pulse: `Pd = Pfa^(1 / (1 + snr))`.
///
/// # Units
/// `snr` is a linear power ratio; probabilities are in [0, 1].
pub fn swerling1_pd(snr: f64, pfa: f64) -> f64 {
    pfa.powf(1.0 / (1.0 + snr.max(0.0)))
}

/// Swerling 1 with `n > 1` pulses integrated non-coherently, threshold `t` (Mahafza):
/// `Pd = 1 - P(n-1, t) + (1 + 1/(n snr))^(n-1) P(n-1, t / (1 + 1/(n snr))) exp(-t / (1 + n snr))`.
fn swerling1_n_pd(snr: f64, n: f64, t: f64) -> f64 {
    if snr <= 0.0 {
        return gamma_q(n, t);
    }
    let ns = n * snr;
    let g = 1.0 + 1.0 / ns;
    let p = gamma_p(n - 1.0, t / g);
    let tail = if p > 0.0 {
        ((n - 1.0) * g.ln() + p.ln() - t / (1.0 + ns)).exp()
    } else {
        0.0
    };
    (1.0 - gamma_p(n - 1.0, t) + tail).clamp(0.0, 1.0)
}

/// The threshold `T` with `Pfa = Q(n, T)` for `n` pulses, by bisection (Q falls with T).
fn threshold(pfa: f64, pulses: u32) -> f64 {
    if pulses == 1 {
        return -pfa.ln();
    }
    let n = f64::from(pulses);
    let mut lo = 0.0;
    let mut hi = n - pfa.ln() + 10.0;
    // Q(n, n - ln pfa + 10) is already below pfa for every n and pfa accepted; the doublings only guard that
    // claim, and 64 of them pass any finite threshold.
    for _ in 0..64 {
        if gamma_q(n, hi) <= pfa {
            break;
        }
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if gamma_q(n, mid) > pfa {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-12 * hi {
            break;
        }
    }
    0.5 * (lo + hi)
}

fn albersheim_a(pfa: f64) -> f64 {
    (0.62 / pfa).ln()
}

/// Albersheim's required SNR per pulse, dB. Its logarithm's argument `A + 0.12 A B + 1.7 B` is positive only
/// above a smallest Pd; below it the equation has no solution (it would give NaN), which is refused.
fn albersheim_snr_db(pd: f64, pfa: f64, n: f64) -> Result<f64, PdError> {
    let a = albersheim_a(pfa);
    let b = (pd / (1.0 - pd)).ln();
    let arg = a + 0.12 * a * b + 1.7 * b;
    if arg.is_nan() || arg <= 0.0 {
        let min_pd = 1.0 / (1.0 + (a / (0.12 * a + 1.7)).exp());
        return Err(PdError::AlbersheimPd { pd, pfa, min_pd });
    }
    Ok(-5.0 * n.log10() + (6.2 + 4.54 / (n + 0.44).sqrt()) * arg.log10())
}

/// Albersheim's equation solved for Pd.
fn albersheim_pd(snr_db: f64, pfa: f64, n: f64) -> f64 {
    let a = albersheim_a(pfa);
    let z = (snr_db + 5.0 * n.log10()) / (6.2 + 4.54 / (n + 0.44).sqrt());
    let b = (10f64.powf(z) - a) / (1.7 + 0.12 * a);
    1.0 / (1.0 + (-b).exp())
}

/// The probability of detection of one look.
///
/// # Units
/// `snr_db`: per-pulse signal-to-noise ratio in dB; `pfa` in (0, 1); `pulses` integrated non-coherently.
pub fn probability_of_detection(
    model: DetectionModel,
    snr_db: f64,
    pfa: f64,
    pulses: u32,
) -> Result<f64, PdError> {
    if !snr_db.is_finite() {
        return Err(PdError::Snr { snr_db });
    }
    let detector = Detector::new(pfa, pulses)?;
    Ok(detector.pd(model, db_to_ratio(snr_db)))
}

/// The per-pulse SNR in dB that gives probability of detection `pd` at false-alarm probability `pfa` with `pulses`
/// pulses: closed form for Swerling 1 with one pulse and for Albersheim, bisection to 1e-9 dB otherwise.
///
/// # Units
/// Probabilities in (0, 1); the result in dB per pulse.
pub fn required_snr_db(
    model: DetectionModel,
    pd: f64,
    pfa: f64,
    pulses: u32,
) -> Result<f64, PdError> {
    let detector = Detector::new(pfa, pulses)?;
    if !(pd.is_finite() && pd > 0.0 && pd < 1.0) {
        return Err(PdError::Pd { pd });
    }
    if pd <= pfa {
        return Err(PdError::PdBelowPfa { pd, pfa });
    }
    match model {
        DetectionModel::Swerling1 if pulses == 1 => {
            return Ok(ratio_to_db(pfa.ln() / pd.ln() - 1.0))
        }
        DetectionModel::Albersheim => return albersheim_snr_db(pd, pfa, f64::from(pulses)),
        _ => {}
    }
    let (mut lo, mut hi) = SNR_SEARCH_DB;
    let pd_at = |db: f64| detector.pd(model, db_to_ratio(db));
    if pd_at(lo) > pd || pd_at(hi) < pd {
        return Err(PdError::NoSolution { pd, pfa, pulses });
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if pd_at(mid) < pd {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-9 {
            break;
        }
    }
    Ok(0.5 * (lo + hi))
}

/// The generalized Marcum Q function `Q_M(a, b)`: the probability that a non-central chi-square variable with
/// `2 order` degrees of freedom and non-centrality `a^2` exceeds `b^2` (for a non-fluctuating target,
/// `Pd = Q_N(sqrt(2 N snr), sqrt(2 T))`).
///
/// # Units
/// `a` and `b` are amplitudes normalized to the noise standard deviation (dimensionless); the result is a
/// probability in [0, 1].
pub fn marcum_q(order: u32, a: f64, b: f64) -> Result<f64, PdError> {
    if order == 0 || order > MAX_PULSES {
        return Err(PdError::MarcumOrder { order });
    }
    for (name, value) in [("a", a), ("b", b)] {
        if !(value.is_finite() && value >= 0.0) {
            return Err(PdError::MarcumArgument { name, value });
        }
    }
    // Half squares: a above 1.3e154 would overflow a^2, and only its being enormous matters there.
    let half_square = |v: f64| {
        let h = 0.5 * v * v;
        if h.is_finite() {
            h
        } else {
            f64::MAX
        }
    };
    Ok(marcum_q_half(order, half_square(a), half_square(b)))
}

/// dB to a linear power ratio.
pub fn db_to_ratio(db: f64) -> f64 {
    10f64.powf(db / 10.0)
}

/// A linear power ratio to dB.
pub fn ratio_to_db(ratio: f64) -> f64 {
    10.0 * ratio.log10()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swerling1_multi_pulse_reduces_to_closed_form() {
        let d = Detector::new(1e-6, 1).unwrap();
        let t = d.threshold;
        for snr in [0.5, 3.0, 30.0, 300.0] {
            let closed = swerling1_pd(snr, 1e-6);
            // With n = 1 the general formula's P(0, .) is 1.
            let general = swerling1_n_pd(snr, 1.0, t);
            assert!(
                (closed - general).abs() < 1e-12,
                "snr {snr}: {closed} vs {general}"
            );
        }
    }

    #[test]
    fn threshold_gives_pfa() {
        for (pfa, n) in [(1e-6, 1), (1e-9, 10), (1e-4, 100)] {
            let t = threshold(pfa, n);
            assert!((gamma_q(f64::from(n), t) / pfa - 1.0).abs() < 1e-8);
        }
    }

    #[test]
    fn albersheim_round_trip() {
        let db = albersheim_snr_db(0.8, 1e-6, 4.0).unwrap();
        assert!((albersheim_pd(db, 1e-6, 4.0) - 0.8).abs() < 1e-12);
    }

    #[test]
    fn zero_signal_gives_false_alarm_rate() {
        for model in [DetectionModel::Swerling1, DetectionModel::NonFluctuating] {
            for n in [1, 5] {
                let d = Detector::new(1e-3, n).unwrap();
                assert!(
                    (d.pd(model, 0.0) / 1e-3 - 1.0).abs() < 1e-6,
                    "{model:?} n={n}"
                );
            }
        }
    }

    #[test]
    fn rejects_bad_inputs() {
        assert!(matches!(Detector::new(0.0, 1), Err(PdError::Pfa { .. })));
        assert!(matches!(
            Detector::new(1e-6, 0),
            Err(PdError::Pulses { .. })
        ));
        assert!(matches!(
            required_snr_db(DetectionModel::Swerling1, 1.0, 1e-6, 1),
            Err(PdError::Pd { .. })
        ));
        assert!(matches!(
            required_snr_db(DetectionModel::Swerling1, 1e-7, 1e-6, 1),
            Err(PdError::PdBelowPfa { .. })
        ));
        assert!(matches!(
            probability_of_detection(DetectionModel::Swerling1, f64::NAN, 1e-6, 1),
            Err(PdError::Snr { .. })
        ));
    }
}
