//! Shaping solvers: from a launch site and an aim (azimuth and ground range), find the pitch program and
//! energy that fly a requested shape. Every trial is a flown trajectory, so the solvers count flights: they
//! start from good guesses, take secant, parabolic (Brent) and Newton steps, and fall back to bracketing
//! (Illinois false position) within physical bounds, with finite iteration limits; an impossible request is
//! an [`FlightError::Unreachable`] that says what is possible.
//!
//! The unknowns are the pitch at the end of the burn and the energy ([`Program::energy`]):
//! - minimum-energy, full-burn lofted or depressed: `range_only`;
//! - a given apogee and range (as reported, lofted or depressed with an apogee, pull-up): `range_apogee`.
//!
//! The search flies with [`Tolerance::SEARCH`] (about 2.5 times cheaper); the answer is then polished with
//! [`Tolerance::STANDARD`] flights, the control of the flight finally flown, in a step or two. The launch
//! azimuth is corrected for the Earth's rotation by fixed-point iteration: the flight plane is turned by the
//! difference between the wanted and the flown geodesic azimuth to the impact point. Any solved flight that
//! misses the range or apogee by more than 1 km is refused.
//!
//! The trial flights are in `trial`, the one-dimensional searches in `flight::search`, what a solve
//! remembers (and the caller's [`ShapingMemory`]) in `cache`, the refusals ([`Unreachable`]) in `error`.

mod cache;
mod error;
mod range_apogee;
mod range_only;
mod trial;

pub use cache::ShapingMemory;
pub use error::{Branch, Unreachable};

use super::dynamics::EarthModel;
use super::integrator::Tolerance;
use super::simulate::Program;
use super::vehicle::Vehicle;
use super::{FlightError, Shape};
use crate::earth::Geodetic;
use cache::SolveMemo;
use trial::Shooter;

/// The aim as the solvers use it.
///
/// # Units
/// Azimuth in degrees clockwise from north; range in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub azimuth_deg: f64,
    pub range_m: f64,
}

/// Apogee of the pull-up flight when none is given, m (KN-23 tests: JCS reported 37-60 km, most often about
/// 50 km).
pub const PULL_UP_APOGEE_M: f64 = 50_000.0;
/// Flattest and steepest pitch at burnout the range-only solvers (minimum-energy, full-burn lofted and
/// depressed) consider, degrees. Below zero the burn ends pointing down: the flattest depressed paths.
/// Above about 86 degrees the range no longer falls with pitch (launching east, the site's eastward speed is
/// lost and the impact drifts west of the site), so steeper flights are left out to keep range monotone.
const PITCH_MIN_DEG: f64 = -20.0;
const PITCH_MAX_DEG: f64 = 86.0;
/// The apogee-and-range solver may lean the burn back past vertical, up to this pitch (degrees from the
/// forward horizontal), to land short of a steep shot's drift.
const PITCH_BACK_DEG: f64 = 150.0;
/// Range tolerance of the range solvers, m.
const RANGE_TOL_M: f64 = 100.0;
/// Solver passes at most, each with the flight plane turned to correct the previous impact's azimuth (the
/// last ones polish with accurate flights).
const AZIMUTH_PASSES: usize = 6;
/// A solved flight further than this from the wanted range or apogee is refused, m.
const MAX_MISS_M: f64 = 1_000.0;

/// The unknowns of a solve: the pitch at burnout, degrees above the horizontal, and [`Program::energy`].
#[derive(Debug, Clone, Copy, PartialEq)]
struct PitchEnergy {
    pitch_deg: f64,
    energy: f64,
}

/// The pitch at burnout of the greatest range, degrees, and that range, m.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PitchRange {
    pitch_deg: f64,
    range_m: f64,
}

/// The pitch at burnout of the greatest apogee, degrees, and that apogee, m.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PitchApogee {
    pitch_deg: f64,
    apogee_m: f64,
}

/// One azimuth pass's flight plane and how far the impact's azimuth missed the aim's.
///
/// # Units
/// Radians.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PlaneStep {
    plane_azimuth_rad: f64,
    miss_rad: f64,
}

/// Finds the program that flies `shape` from `site` to `target`, recalling from `memory` the searches an
/// earlier solve with the same missile, Earth model, site and flight plane made, and leaving its own there.
/// The answer does not depend on what `memory` held.
pub fn solve(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &Target,
    shape: &Shape,
    memory: &mut ShapingMemory,
) -> Result<Program, FlightError> {
    let first_burn_s = vehicle.stages.first().map_or(10.0, |s| s.burn_time_s);
    let mut base = Program {
        azimuth_rad: target.azimuth_deg.to_radians(),
        pitch_final_rad: 45f64.to_radians(),
        rise_s: (0.08 * first_burn_s).clamp(3.0, 10.0),
        energy: 1.0,
        pull_up: matches!(shape, Shape::PullUp { .. }),
    };
    let memo = SolveMemo::new(memory);
    let shooter = |base: Program, hint: Option<PitchEnergy>, tol: Tolerance| {
        Shooter::new(vehicle, earth, site, base, hint, tol, &memo)
    };
    // Search with the cheap flights, turning the flight plane until the impact is on the wanted line, then
    // polish with flights as accurate as the one flown (a step or two of each solver), turning the plane
    // again if the accurate impact is off the line.
    let mut hint: Option<PitchEnergy> = None;
    let mut tol = Tolerance::SEARCH;
    let mut pass = 0;
    let mut previous: Option<PlaneStep> = None;
    let (s, answer, flown) = loop {
        pass += 1;
        let s = shooter(base, hint, tol);
        let answer = solve_in_plane(&s, target, shape)?;
        hint = Some(answer);
        let flown = s.full(answer.pitch_deg, answer.energy)?;
        let miss_deg =
            (target.azimuth_deg - flown.impact_azimuth_deg + 540.0).rem_euclid(360.0) - 180.0;
        // On the line: the impact within a few tens of metres of it.
        let on_line = miss_deg.to_radians().abs() * target.range_m < 30.0 || !miss_deg.is_finite();
        if tol == Tolerance::STANDARD && (on_line || pass >= AZIMUTH_PASSES) {
            break (s, answer, flown);
        }
        if on_line || pass >= AZIMUTH_PASSES - 1 {
            tol = Tolerance::STANDARD;
        }
        if !on_line {
            // Fixed-point steps converge slowly for steep shots, whose impact azimuth turns by much less than
            // the flight plane (the westward drift stays): secant steps once two passes are known.
            let miss_rad = miss_deg.to_radians();
            let gain = match previous {
                Some(p) if miss_rad != p.miss_rad => ((base.azimuth_rad - p.plane_azimuth_rad)
                    / (p.miss_rad - miss_rad))
                    .clamp(0.5, 20.0),
                _ => 1.0,
            };
            previous = Some(PlaneStep {
                plane_azimuth_rad: base.azimuth_rad,
                miss_rad,
            });
            base.azimuth_rad += gain * miss_rad;
        }
    };
    let program = s.program(answer.pitch_deg, answer.energy);
    if let Shape::Lofted { apogee_m: Some(a) } | Shape::Depressed { apogee_m: Some(a) } = *shape {
        // Which side of the best pitch the answer lies on needs no accurate flights.
        let coarse = shooter(base, hint, Tolerance::SEARCH);
        range_apogee::check_branch(&coarse, shape, target.range_m, a, answer)?;
    }
    // A solver may stop at a discontinuity (a flight that hits the ground in the boost, say) rather than at
    // a root: never hand back a flight that misses.
    let wanted_apogee_m = match *shape {
        Shape::AsReported { apogee_m } => Some(apogee_m),
        Shape::Lofted { apogee_m } | Shape::Depressed { apogee_m } => apogee_m,
        Shape::PullUp { apogee_m } => Some(apogee_m.unwrap_or(PULL_UP_APOGEE_M)),
        Shape::MinEnergy => None,
    };
    let range_miss_m = (flown.range_m - target.range_m).abs();
    let apogee_miss_m = wanted_apogee_m.map_or(0.0, |a| (flown.apogee_m - a).abs());
    if !(range_miss_m < MAX_MISS_M && apogee_miss_m < MAX_MISS_M) {
        return Err(s.unreachable(Unreachable::Missed {
            shape: *shape,
            range_m: target.range_m,
            apogee_m: wanted_apogee_m,
            flown_range_m: flown.range_m,
            flown_apogee_m: flown.apogee_m,
        }));
    }
    Ok(program)
}

/// One pass's answer in the flight plane of `s`.
fn solve_in_plane(s: &Shooter, target: &Target, shape: &Shape) -> Result<PitchEnergy, FlightError> {
    let range_m = target.range_m;
    match *shape {
        Shape::MinEnergy => range_only::min_energy(s, range_m),
        Shape::Lofted { apogee_m: None } => range_only::full_burn(s, Branch::Lofted, range_m),
        Shape::Depressed { apogee_m: None } => range_only::full_burn(s, Branch::Depressed, range_m),
        Shape::Lofted { apogee_m: Some(a) } | Shape::Depressed { apogee_m: Some(a) } => {
            range_apogee::range_and_apogee(s, range_m, a, 1.0)
        }
        Shape::AsReported { apogee_m } => {
            range_apogee::range_and_apogee(s, range_m, apogee_m, Program::MAX_ENERGY)
        }
        Shape::PullUp { apogee_m } => {
            range_apogee::pull_up(s, range_m, apogee_m.unwrap_or(PULL_UP_APOGEE_M))
        }
    }
}
