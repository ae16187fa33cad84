//! Trial flights: the [`Shooter`] flies a pitch and energy in one flight plane, with one error control, to
//! the impact (range, apogee and impact azimuth) or only to the apogee (cheaper). A crash in the boost counts
//! as range 0, an orbit as infinite range, so the solvers see a number for every trial.

use super::cache::{PlaneKey, RecentFlights, SolveMemo};
use super::error::Unreachable;
use super::PitchEnergy;
use crate::earth::{self, Geodetic};
use crate::flight::dynamics::EarthModel;
use crate::flight::integrator::Tolerance;
use crate::flight::simulate::{simulate, Program, Until};
use crate::flight::trajectory::Trajectory;
use crate::flight::vehicle::Vehicle;
use crate::flight::{ground_range_m, EventKind, FlightError};
use crate::time::SimTime;
use nalgebra::Vector3;
use std::cell::Cell;
use std::f64::consts::{PI, TAU};

/// The result of one trial flight.
///
/// # Units
/// Metres (the range signed: negative behind the flight plane's direction); degrees clockwise from north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Outcome {
    pub range_m: f64,
    pub apogee_m: f64,
    pub impact_azimuth_deg: f64,
}

/// Flies trials in one flight plane (one pass of a solve) and keeps what the pass's solvers learn.
pub(super) struct Shooter<'a, 'm> {
    pub vehicle: &'a Vehicle,
    pub earth: &'a EarthModel,
    pub site: &'a Geodetic,
    /// The program whose pitch and energy the trials set: flight plane, pitch-over, pull-up.
    pub base: Program,
    /// The answer of the previous azimuth pass, to start near.
    pub hint: Option<PitchEnergy>,
    /// The energy last solved for an apogee, to start the next solve from (secant warm start).
    pub last_energy: Cell<Option<f64>>,
    /// The last two answers solved for an apogee, newest last: the next pitch's energy is predicted along
    /// the line through them.
    pub apogee_solutions: Cell<[Option<PitchEnergy>; 2]>,
    /// The error control of the trial flights: [`Tolerance::SEARCH`] while searching, then
    /// [`Tolerance::STANDARD`] (the flight flown) to polish.
    pub tol: Tolerance,
    /// Results that hold across the azimuth passes and the polish, and across solves.
    pub memo: &'a SolveMemo<'m>,
    /// The last full flights.
    pub recent: RecentFlights,
}

impl<'a, 'm> Shooter<'a, 'm> {
    /// A pass in the plane of `base`, starting near `hint`, flying trials with `tol`.
    pub fn new(
        vehicle: &'a Vehicle,
        earth: &'a EarthModel,
        site: &'a Geodetic,
        base: Program,
        hint: Option<PitchEnergy>,
        tol: Tolerance,
        memo: &'a SolveMemo<'m>,
    ) -> Shooter<'a, 'm> {
        Shooter {
            vehicle,
            earth,
            site,
            base,
            hint,
            last_energy: Cell::new(hint.map(|h| h.energy)),
            apogee_solutions: Cell::new([None; 2]),
            tol,
            memo,
            recent: RecentFlights::default(),
        }
    }

    pub fn program(&self, pitch_deg: f64, energy: f64) -> Program {
        Program {
            pitch_final_rad: pitch_deg.to_radians(),
            energy,
            ..self.base
        }
    }

    /// What a search in this pass depends on besides what is searched (the key of the remembered searches).
    pub fn plane(&self) -> PlaneKey {
        PlaneKey {
            vehicle: *self.vehicle,
            earth: *self.earth,
            site: *self.site,
            base: self.base,
            tol: self.tol,
        }
    }

    /// The refusal of a shape, naming this missile.
    pub fn unreachable(&self, reason: Unreachable) -> FlightError {
        FlightError::Unreachable {
            missile: self.vehicle.id.to_string(),
            reason,
        }
    }

    /// A full flight, or the same trial flown a little earlier in this pass.
    pub fn full(&self, pitch_deg: f64, energy: f64) -> Result<Outcome, FlightError> {
        let at = PitchEnergy { pitch_deg, energy };
        if let Some(o) = self.recent.find(at) {
            return Ok(o);
        }
        let o = self.fly_full(pitch_deg, energy)?;
        self.recent.keep(at, o);
        Ok(o)
    }

    fn fly_full(&self, pitch_deg: f64, energy: f64) -> Result<Outcome, FlightError> {
        let p = self.program(pitch_deg, energy);
        match simulate(
            self.vehicle,
            self.earth,
            self.site,
            &p,
            SimTime::ZERO,
            Until::Impact,
            &self.tol,
        ) {
            Ok(t) => {
                let end = t.sample(t.duration_s()).geodetic;
                let apogee_m = t
                    .events()
                    .iter()
                    .find(|e| e.kind == EventKind::Apogee)
                    .map_or(0.0, |e| e.h_m);
                let az = earth::inverse(
                    self.site.lat_rad.to_degrees(),
                    self.site.lon_rad.to_degrees(),
                    end.lat_deg(),
                    end.lon_deg(),
                )
                .azimuth_start_deg;
                // Signed: an impact behind the flight plane's direction (a steep shot drifting west, or one
                // leaning back) is negative. Flat shots are always ahead: seen by azimuth alone, a flight past
                // half the globe would look behind.
                let ahead =
                    pitch_deg < 80.0 || (az.to_radians() - self.base.azimuth_rad).cos() >= 0.0;
                let range_m = ground_range_m(self.earth, self.site, &end);
                Ok(Outcome {
                    range_m: if !ahead {
                        -range_m
                    } else {
                        // Past the antipode the distance to the site falls again: the range goes on
                        // growing, so that it is monotone in the pitch and energy and no search finds a
                        // false top at the fold.
                        let past_rad = self.past_antipode_rad(&t);
                        range_m + 2.0 * self.earth.ellipsoid.a_m * past_rad
                    },
                    apogee_m,
                    impact_azimuth_deg: az,
                })
            }
            Err(FlightError::HitGroundInBoost { .. }) => Ok(Outcome {
                range_m: 0.0,
                apogee_m: 0.0,
                impact_azimuth_deg: 0.0,
            }),
            Err(FlightError::Orbital { .. }) => Ok(Outcome {
                range_m: f64::INFINITY,
                apogee_m: f64::INFINITY,
                impact_azimuth_deg: 0.0,
            }),
            Err(e) => Err(e),
        }
    }

    /// How far the flight `t` went past the site's antipode, radians (0 short of it): the angle about the
    /// Earth's centre from the site, in the plane of the site and the launch azimuth, followed node by node
    /// so that a flight going round more than half the globe keeps counting.
    fn past_antipode_rad(&self, t: &Trajectory) -> f64 {
        let up = self.earth.ellipsoid.to_ecef(self.site).0.coords.normalize();
        let (s_lat, c_lat) = self.site.lat_rad.sin_cos();
        let (s_lon, c_lon) = self.site.lon_rad.sin_cos();
        let east = Vector3::new(-s_lon, c_lon, 0.0);
        let north = Vector3::new(-s_lat * c_lon, -s_lat * s_lon, c_lat);
        let (s_az, c_az) = self.base.azimuth_rad.sin_cos();
        let along = s_az * east + c_az * north;
        let along = (along - along.dot(&up) * up).normalize();
        let angle_rad = |p: Vector3<f64>| along.dot(&p).atan2(up.dot(&p));
        let end = t.sample(t.duration_s()).pos.0.coords;
        let (mut total_rad, mut last_rad) = (0.0, 0.0);
        let points = t.nodes.iter().map(|n| n.y.fixed_rows::<3>(0).into_owned());
        for p in points.chain(std::iter::once(end)) {
            let a = angle_rad(p);
            total_rad += (a - last_rad + PI).rem_euclid(TAU) - PI;
            last_rad = a;
        }
        (total_rad - PI).max(0.0)
    }

    /// Apogee only (the flight stops there): cheaper.
    pub fn apogee_m(&self, pitch_deg: f64, energy: f64) -> Result<f64, FlightError> {
        let p = self.program(pitch_deg, energy);
        match simulate(
            self.vehicle,
            self.earth,
            self.site,
            &p,
            SimTime::ZERO,
            Until::Apogee,
            &self.tol,
        ) {
            Ok(t) => Ok(t
                .events()
                .iter()
                .find(|e| e.kind == EventKind::Apogee)
                .map_or(0.0, |e| e.h_m)),
            Err(FlightError::HitGroundInBoost { .. }) => Ok(0.0),
            Err(FlightError::Orbital { .. }) => Ok(f64::INFINITY),
            Err(e) => Err(e),
        }
    }
}
