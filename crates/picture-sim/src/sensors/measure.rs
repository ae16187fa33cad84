//! Radar measurements: the true azimuth, elevation and range from the site with independent Gaussian errors of
//! the radar's one-sigma accuracies, time-tagged. Radars correct their elevation for refraction, so the
//! measurement is of the geometric line of sight and the tracker's measurement model needs no refraction.

use super::radar::Radar;
use crate::earth::Aer;
use crate::measurement::{Measurement, MeasurementKind, SensorIndex};
use crate::time::SimTime;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

/// A zero-mean Gaussian draw with standard deviation `sigma` (0 for a non-positive sigma).
pub(crate) fn gaussian(rng: &mut impl Rng, sigma: f64) -> f64 {
    if sigma > 0.0 {
        let z: f64 = StandardNormal.sample(rng);
        z * sigma
    } else {
        0.0
    }
}

/// A noisy radar plot of a target whose true geometric azimuth, elevation and range from the site are `truth`.
///
/// # Units
/// Angles in radians (azimuth clockwise from north, wrapped to [0, 2 pi); elevation clamped to
/// [-pi/2, pi/2]); range in metres (kept non-negative).
pub fn radar_measurement(
    sensor: SensorIndex,
    radar: &Radar,
    time: SimTime,
    truth: Aer,
    rng: &mut impl Rng,
) -> Measurement {
    let s = radar.spec();
    let aer = Aer {
        az_rad: (truth.az_rad + gaussian(rng, s.sigma_az_rad)).rem_euclid(std::f64::consts::TAU),
        el_rad: (truth.el_rad + gaussian(rng, s.sigma_el_rad))
            .clamp(-std::f64::consts::FRAC_PI_2, std::f64::consts::FRAC_PI_2),
        range_m: (truth.range_m + gaussian(rng, s.sigma_range_m)).max(0.0),
    };
    Measurement {
        sensor,
        time,
        kind: MeasurementKind::Radar {
            site: radar.site(),
            aer,
            sigma_range_m: s.sigma_range_m,
            sigma_az_rad: s.sigma_az_rad,
            sigma_el_rad: s.sigma_el_rad,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensors::radar::tests::spec;
    use rand::SeedableRng;

    #[test]
    fn errors_have_the_stated_spread() {
        let radar = Radar::new(spec()).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let truth = Aer {
            az_rad: 1.0,
            el_rad: 0.2,
            range_m: 500_000.0,
        };
        let n = 20_000;
        let (mut sum2_r, mut sum2_az) = (0.0, 0.0);
        for i in 0..n {
            let m = radar_measurement(SensorIndex(0), &radar, SimTime(i), truth, &mut rng);
            let MeasurementKind::Radar { aer, .. } = m.kind else {
                panic!("not a radar plot")
            };
            sum2_r += (aer.range_m - truth.range_m).powi(2);
            sum2_az += (aer.az_rad - truth.az_rad).powi(2);
        }
        let sd_r = (sum2_r / n as f64).sqrt();
        let sd_az = (sum2_az / n as f64).sqrt();
        assert!((sd_r / 20.0 - 1.0).abs() < 0.03, "{sd_r}");
        assert!((sd_az / 1e-3 - 1.0).abs() < 0.03, "{sd_az}");
    }

    #[test]
    fn same_seed_same_measurement() {
        let radar = Radar::new(spec()).unwrap();
        let truth = Aer {
            az_rad: 1.0,
            el_rad: 0.2,
            range_m: 500_000.0,
        };
        let draw = |seed| {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            radar_measurement(SensorIndex(0), &radar, SimTime(0), truth, &mut rng)
        };
        assert_eq!(draw(5), draw(5));
        assert_ne!(draw(5), draw(6));
    }
}
