//! Track deletion: a track is dropped when it has gone too long without a plot (judged on the fusion
//! centre's clock, so that a slow link does not delete tracks), when its position is too uncertain to be
//! useful, or when its numbers are no longer finite. A tentative track that M-of-N confirmation rejects
//! ([`super::confirmation`]) is deleted too, for its own reason.

use super::track::Track;
use crate::time::{Duration, SimTime};
use serde::{Deserialize, Serialize};

/// Why a track was deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeletionReason {
    /// No plot arrived for longer than [`CoastDeleter::max_coast_ms`].
    Coasted,
    /// Position more uncertain than [`CoastDeleter::max_position_sigma_m`].
    Uncertain,
    /// The estimate's numbers are no longer finite.
    NotFinite,
    /// A tentative track that can no longer reach M plots in N opportunities.
    NotConfirmed,
}

/// Deletes tracks by coast time and position uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CoastDeleter {
    /// Longest time since the last plot arrived, milliseconds.
    pub max_coast_ms: i64,
    /// Largest root of the trace of the position covariance, metres.
    pub max_position_sigma_m: f64,
}

impl Default for CoastDeleter {
    fn default() -> Self {
        CoastDeleter {
            max_coast_ms: 60_000,
            max_position_sigma_m: 100_000.0,
        }
    }
}

impl CoastDeleter {
    /// The reason to delete `track` at processing time `time`, if any.
    pub fn check(&self, track: &Track, time: SimTime) -> Option<DeletionReason> {
        let g = track.state.combined();
        if !g.is_finite() {
            return Some(DeletionReason::NotFinite);
        }
        if time - track.last_arrival > Duration::from_millis(self.max_coast_ms) {
            return Some(DeletionReason::Coasted);
        }
        let pos_var = g.covar[(0, 0)] + g.covar[(1, 1)] + g.covar[(2, 2)];
        (pos_var.sqrt() > self.max_position_sigma_m).then_some(DeletionReason::Uncertain)
    }
}
