//! A stand-in trajectory for tests and benchmarks: not a flight model. The target moves along the geodesic
//! from a launch point to an aim point at constant ground speed, its height a half sine with the given apogee,
//! boosting for the first `boost_s` seconds and re-entering below 100 km after apogee.
//!
//! Compiled only with the crate's `fixtures` feature (tests, benchmarks, examples), never into the product.

use crate::earth::{destination, inverse, Ellipsoid, Geodetic};
use crate::time::{Duration, SimTime};
use crate::truth::{FlightPhase, TargetState, Truth};

/// A half-sine arc between two points.
///
/// # Units
/// Degrees, metres and seconds as named.
#[derive(Debug, Clone, PartialEq)]
pub struct SineArc {
    lat_deg: f64,
    lon_deg: f64,
    azimuth_deg: f64,
    range_m: f64,
    apogee_m: f64,
    start: SimTime,
    duration_ms: i64,
    boost_ms: i64,
}

impl SineArc {
    /// `None` unless the points are valid, the apogee is positive, and `boost_s < flight_s`.
    pub fn new(
        from: (f64, f64),
        to: (f64, f64),
        apogee_m: f64,
        start: SimTime,
        flight_s: f64,
        boost_s: f64,
    ) -> Option<SineArc> {
        Geodetic::from_deg(from.0, from.1, 0.0)?;
        Geodetic::from_deg(to.0, to.1, 0.0)?;
        let ok = apogee_m.is_finite()
            && apogee_m > 0.0
            && flight_s.is_finite()
            && boost_s >= 0.0
            && boost_s < flight_s;
        if !ok {
            return None;
        }
        let line = inverse(from.0, from.1, to.0, to.1);
        Some(SineArc {
            lat_deg: from.0,
            lon_deg: from.1,
            azimuth_deg: line.azimuth_start_deg,
            range_m: line.distance_m,
            apogee_m,
            start,
            duration_ms: (flight_s * 1000.0).round() as i64,
            boost_ms: (boost_s * 1000.0).round() as i64,
        })
    }

    fn position(&self, t_ms: i64) -> (Geodetic, f64) {
        let f = t_ms as f64 / self.duration_ms as f64;
        let (lat, lon) = destination(
            self.lat_deg,
            self.lon_deg,
            self.azimuth_deg,
            f * self.range_m,
        );
        let h_m = self.apogee_m * (std::f64::consts::PI * f).sin();
        let g = Geodetic {
            lat_rad: lat.to_radians(),
            lon_rad: lon.to_radians(),
            h_m,
        };
        (g, h_m)
    }
}

impl Truth for SineArc {
    fn state_at(&self, time: SimTime) -> Option<TargetState> {
        let t_ms = (time - self.start).as_millis();
        if t_ms < 0 || t_ms > self.duration_ms {
            return None;
        }
        let (g, h_m) = self.position(t_ms);
        let pos = Ellipsoid::WGS84.to_ecef(&g);
        // Velocity by a 1 ms difference (forward, or backward at the end).
        let (other_ms, sign) = if t_ms < self.duration_ms {
            (t_ms + 1, 1.0)
        } else {
            (t_ms - 1, -1.0)
        };
        let (g2, _) = self.position(other_ms);
        let vel_ecef_m_s = (Ellipsoid::WGS84.to_ecef(&g2).0 - pos.0) * (1000.0 * sign);
        let phase = if t_ms == self.duration_ms {
            FlightPhase::Impacted
        } else if t_ms < self.boost_ms {
            FlightPhase::Boost { stage: 1 }
        } else if 2 * t_ms > self.duration_ms && h_m < 100_000.0 {
            FlightPhase::Reentry
        } else {
            FlightPhase::Midcourse
        };
        Some(TargetState {
            time,
            pos,
            vel_ecef_m_s,
            phase,
        })
    }

    fn start(&self) -> SimTime {
        self.start
    }

    fn end(&self) -> SimTime {
        self.start + Duration::from_millis(self.duration_ms)
    }
}

/// Any trajectory sampled on a fixed step and interpolated linearly: a cheap stand-in with the cost profile of
/// a stored trajectory (benchmarks), or a way to freeze an expensive one.
#[derive(Debug, Clone, PartialEq)]
pub struct Sampled {
    start: SimTime,
    end: SimTime,
    step_ms: i64,
    states: Vec<TargetState>,
}

impl Sampled {
    /// Samples `truth` every `step_ms` (> 0) from its start to its end. `None` if the step is not positive or the
    /// truth has no state at its start.
    pub fn new(truth: &dyn Truth, step_ms: i64) -> Option<Sampled> {
        if step_ms <= 0 {
            return None;
        }
        let (start, end) = (truth.start(), truth.end());
        let mut states = Vec::new();
        let mut t = start;
        while t <= end {
            states.push(truth.state_at(t)?);
            t += Duration::from_millis(step_ms);
        }
        Some(Sampled {
            start,
            end,
            step_ms,
            states,
        })
    }
}

impl Truth for Sampled {
    fn state_at(&self, time: SimTime) -> Option<TargetState> {
        if time < self.start || time > self.end {
            return None;
        }
        let offset = (time - self.start).as_millis();
        let i = (offset / self.step_ms) as usize;
        let a = self.states.get(i)?;
        let Some(b) = self.states.get(i + 1) else {
            return Some(TargetState { time, ..*a });
        };
        let f = (offset % self.step_ms) as f64 / self.step_ms as f64;
        Some(TargetState {
            time,
            pos: crate::earth::Ecef(a.pos.0 + (b.pos.0 - a.pos.0) * f),
            vel_ecef_m_s: a.vel_ecef_m_s + (b.vel_ecef_m_s - a.vel_ecef_m_s) * f,
            phase: if f < 0.5 { a.phase } else { b.phase },
        })
    }

    fn start(&self) -> SimTime {
        self.start
    }

    fn end(&self) -> SimTime {
        self.end
    }
}
