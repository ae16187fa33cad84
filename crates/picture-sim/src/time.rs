//! Simulation time as an integer tick, so that time never drifts by accumulated float error
//! (as nyx-space/hifitime does).

use serde::{Deserialize, Serialize};

/// Simulation time: integer milliseconds from the scenario epoch (t = 0 is the scenario start).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct SimTime(pub i64);

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);

    pub fn from_secs(t_s: f64) -> SimTime {
        SimTime((t_s * 1000.0).round() as i64)
    }

    pub fn from_millis(t_ms: i64) -> SimTime {
        SimTime(t_ms)
    }

    pub fn as_secs(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// This time plus a duration in milliseconds.
    pub fn plus_ms(self, dt_ms: i64) -> SimTime {
        SimTime(self.0 + dt_ms)
    }
}

impl std::ops::Sub for SimTime {
    type Output = i64;
    /// The difference in milliseconds.
    fn sub(self, rhs: SimTime) -> i64 {
        self.0 - rhs.0
    }
}
