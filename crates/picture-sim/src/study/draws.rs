//! The unit draws of a study: for each sample and each uncertain quantity, a number in [0, 1) that the
//! quantity's bounds turn into a value.
//!
//! Latin hypercube sampling (McKay, Beckman and Conover, Technometrics 21 (1979)) by default: each quantity's
//! range is cut into as many equal strata as there are samples and each stratum is drawn once, so that 100
//! samples cover every bound as evenly as a much larger plain Monte Carlo. Plain Monte Carlo is the other
//! choice. Either way the draws depend only on the seed, the sample count and the quantity's position, so a
//! slice of a study (a shard) draws exactly what the whole study draws for the same samples.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// How samples are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sampling {
    #[default]
    LatinHypercube,
    MonteCarlo,
}

/// Every sample's unit draws: `runs` rows of `dims` numbers in [0, 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Draws {
    dims: usize,
    values: Vec<f64>,
}

impl Draws {
    pub fn new(sampling: Sampling, seed: u64, runs: usize, dims: usize) -> Draws {
        let mut values = vec![0.0; runs * dims];
        for d in 0..dims {
            // One stream per quantity: adding a quantity does not change the others' draws.
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            rng.set_stream(d as u64);
            match sampling {
                Sampling::MonteCarlo => {
                    for i in 0..runs {
                        values[i * dims + d] = rng.random::<f64>();
                    }
                }
                Sampling::LatinHypercube => {
                    let mut strata: Vec<usize> = (0..runs).collect();
                    for i in (1..runs).rev() {
                        let j = rng.random_range(0..=i);
                        strata.swap(i, j);
                    }
                    for (i, stratum) in strata.iter().enumerate() {
                        let u: f64 = rng.random();
                        values[i * dims + d] =
                            ((*stratum as f64 + u) / runs as f64).min(1.0 - f64::EPSILON);
                    }
                }
            }
        }
        Draws { dims, values }
    }

    /// Sample `i`'s draws.
    pub fn sample(&self, i: usize) -> &[f64] {
        &self.values[i * self.dims..(i + 1) * self.dims]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_hypercube_fills_every_stratum_once() {
        let runs = 50;
        let d = Draws::new(Sampling::LatinHypercube, 7, runs, 3);
        for dim in 0..3 {
            let mut seen = vec![false; runs];
            for i in 0..runs {
                let u = d.sample(i)[dim];
                assert!((0.0..1.0).contains(&u));
                let s = (u * runs as f64) as usize;
                assert!(!seen[s], "stratum {s} twice in dimension {dim}");
                seen[s] = true;
            }
        }
        // Seeded: the same seed draws the same; another seed does not.
        assert_eq!(d, Draws::new(Sampling::LatinHypercube, 7, runs, 3));
        assert_ne!(d, Draws::new(Sampling::LatinHypercube, 8, runs, 3));
    }

    #[test]
    fn monte_carlo_draws_are_uniform() {
        let d = Draws::new(Sampling::MonteCarlo, 1, 4000, 1);
        let mean = (0..4000).map(|i| d.sample(i)[0]).sum::<f64>() / 4000.0;
        // Standard error 0.0046: five of them.
        assert!((mean - 0.5).abs() < 0.023, "{mean}");
    }
}
