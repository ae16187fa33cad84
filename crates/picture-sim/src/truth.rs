//! The true state of a target, as the flight model produces it and the sensors see it. This is the seam between
//! the flight model and the detection model: sensors ask a [`Truth`] where the target is, never how it flies.

use crate::earth::Ecef;
use crate::time::SimTime;
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};

/// The phase of flight, which sets the radar cross-section and whether there is a plume to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlightPhase {
    /// On the pad, before launch.
    PreLaunch,
    /// A stage is burning (1 = first stage). The plume is visible to infrared sensors.
    Boost { stage: u8 },
    /// After the last burnout, before re-entry: the re-entry vehicle (and debris) coasting above the atmosphere.
    Midcourse,
    /// Descending through the atmosphere (below about 100 km after apogee).
    Reentry,
    /// On the ground.
    Impacted,
}

/// The state of one target at one instant.
///
/// # Units
/// Position in ECEF metres; velocity in ECEF m/s (relative to the rotating Earth).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TargetState {
    pub time: SimTime,
    pub pos: Ecef,
    pub vel_ecef_m_s: Vector3<f64>,
    pub phase: FlightPhase,
}

/// Anything that can say where a target is at a given time (a flown trajectory, a test fixture).
pub trait Truth {
    /// The state at `time`; `None` before launch or after impact.
    fn state_at(&self, time: SimTime) -> Option<TargetState>;
    /// Launch time.
    fn start(&self) -> SimTime;
    /// Impact time.
    fn end(&self) -> SimTime;
}
