//! A flown trajectory: the accepted integration steps with their derivatives, sampled at any time by cubic
//! Hermite interpolation, and the flight's events.

use super::dynamics::EarthModel;
use super::integrator::{hermite, Node};
use crate::earth::{Ecef, Geodetic};
use crate::time::{Duration, SimTime};
use crate::truth::{FlightPhase, TargetState, Truth};
use nalgebra::{Point3, Vector3};
use serde::{Deserialize, Serialize};

/// Something that happened in flight.
///
/// # Units
/// `t_s` in seconds after launch; height in metres above the ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FlightEvent {
    pub t_s: f64,
    pub kind: EventKind,
    pub h_m: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    Launch,
    /// Stage `stage` (1 = first) burns out (the last one may be cut off early).
    Burnout {
        stage: u8,
    },
    Apogee,
    /// Descending through 100 km (or apogee, if it is lower): the start of re-entry.
    Reentry,
    Impact,
}

/// A point of the trajectory.
///
/// # Units
/// `t_s` after launch; ECEF position (m) and velocity relative to the Earth (m/s); speed m/s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sample {
    pub t_s: f64,
    pub pos: Ecef,
    pub vel_ecef_m_s: Vector3<f64>,
    pub geodetic: Geodetic,
    pub speed_m_s: f64,
    pub phase: FlightPhase,
}

/// A whole flight from launch to impact.
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    pub(crate) earth: EarthModel,
    pub(crate) launch_time: SimTime,
    pub(crate) nodes: Vec<Node>,
    /// Burnout times of each stage, s after launch.
    pub(crate) burnouts_s: Vec<f64>,
    pub(crate) reentry_s: f64,
    pub(crate) events: Vec<FlightEvent>,
}

impl Trajectory {
    /// Flight duration, s.
    pub fn duration_s(&self) -> f64 {
        self.nodes.last().map_or(0.0, |n| n.t_s)
    }

    pub fn launch_time(&self) -> SimTime {
        self.launch_time
    }

    pub fn events(&self) -> &[FlightEvent] {
        &self.events
    }

    pub fn earth(&self) -> &EarthModel {
        &self.earth
    }

    /// The phase at `t_s` after launch.
    pub fn phase_at(&self, t_s: f64) -> FlightPhase {
        if t_s < 0.0 {
            return FlightPhase::PreLaunch;
        }
        if t_s >= self.duration_s() {
            return FlightPhase::Impacted;
        }
        match self.burnouts_s.iter().position(|&b| t_s < b) {
            Some(i) => FlightPhase::Boost {
                stage: (i + 1) as u8,
            },
            None if t_s < self.reentry_s => FlightPhase::Midcourse,
            None => FlightPhase::Reentry,
        }
    }

    /// The sample at `t_s` seconds after launch (clamped to the flight).
    pub fn sample(&self, t_s: f64) -> Sample {
        let t_s = t_s.clamp(0.0, self.duration_s());
        let (pos, vel) = self.ecef_at(t_s);
        Sample {
            t_s,
            pos,
            vel_ecef_m_s: vel,
            geodetic: self.earth.ellipsoid.to_geodetic(&pos),
            speed_m_s: vel.norm(),
            phase: self.phase_at(t_s),
        }
    }

    /// ECEF position and velocity at `t_s` seconds after launch (within the flight), by cubic Hermite
    /// interpolation between the integrator's steps. No geodetic conversion: [`Truth::state_at`] asks for
    /// none, and scoring a salvo asks for millions of states.
    fn ecef_at(&self, t_s: f64) -> (Ecef, Vector3<f64>) {
        // The first node at or after t (binary search: the nodes are in time order).
        let i = self
            .nodes
            .partition_point(|n| n.t_s < t_s)
            .clamp(1, self.nodes.len().max(2) - 1);
        let (y, _) = if self.nodes.len() < 2 {
            (self.nodes[0].y, self.nodes[0].dy)
        } else {
            hermite(&self.nodes[i - 1], &self.nodes[i], t_s)
        };
        (
            Ecef(Point3::new(y[0], y[1], y[2])),
            Vector3::new(y[3], y[4], y[5]),
        )
    }

    /// `n` samples evenly spaced in time from launch to impact (both included), for drawing.
    pub fn samples(&self, n: usize) -> Vec<Sample> {
        let n = n.max(2);
        let d = self.duration_s();
        // The last is the end itself: d * (n - 1) / (n - 1) can round below d, a sample before impact.
        (0..n)
            .map(|i| {
                self.sample(if i + 1 == n {
                    d
                } else {
                    d * i as f64 / (n - 1) as f64
                })
            })
            .collect()
    }

    /// The integrator's own steps (dense where the flight changes fast): an economical polyline.
    pub fn step_samples(&self) -> Vec<Sample> {
        self.nodes.iter().map(|n| self.sample(n.t_s)).collect()
    }
}

impl Truth for Trajectory {
    fn state_at(&self, time: SimTime) -> Option<TargetState> {
        let t_s = (time - self.launch_time).as_secs_f64();
        if t_s < 0.0 || t_s > self.duration_s() {
            return None;
        }
        let (pos, vel_ecef_m_s) = self.ecef_at(t_s);
        Some(TargetState {
            time,
            pos,
            vel_ecef_m_s,
            phase: self.phase_at(t_s),
        })
    }

    fn start(&self) -> SimTime {
        self.launch_time
    }

    fn end(&self) -> SimTime {
        // Floored, not rounded: the end is a time at which the trajectory is still defined.
        self.launch_time + Duration::from_millis((self.duration_s() * 1000.0).floor() as i64)
    }
}
