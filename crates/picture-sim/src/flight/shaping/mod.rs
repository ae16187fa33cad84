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
use super::uncertain::VehicleParameter;
use super::vehicle::Vehicle;
use super::{FlightError, Shape};
use crate::earth::Geodetic;
use cache::SolveMemo;
use std::f64::consts::PI;
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
/// last ones polish with accurate flights). Most solves take three or four; the longest aims, whose impact
/// the Earth's turning moves by tens of degrees of azimuth, take more.
const AZIMUTH_PASSES: usize = 12;
/// A greatest range that an error quotes is this fraction short of the top found, so that the solver can fly
/// it: the searches stop within 0.3 degrees of the top's pitch, which costs up to about 0.02 % of a long
/// flight's range, and the cheap flights' ranges differ from the accurate ones' by about 0.1 %.
const QUOTE_MARGIN: f64 = 0.002;
/// The greatest turn of the flight plane in one pass, radians: near the antipode the impact's azimuth swings
/// widely for a small shift, and a full step would throw the plane round.
const MAX_TURN_RAD: f64 = 0.35;
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

/// What a solve flies: a requested shape, or a full-burn flight on one side of the minimum-energy path at a
/// given energy (the nearest to an "as reported" flight that the catalog's bounds cannot meet).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Goal {
    Shape(Shape),
    Branch { branch: Branch, energy: f64 },
}

/// Finds the program that flies `shape` from `site` to `target`, recalling from `memory` the searches an
/// earlier solve with the same missile, Earth model, site and flight plane made, and leaving its own there.
/// The answer does not depend on what `memory` held.
///
/// An "as reported" flight lightens the payload no further than the catalog's sources allow
/// ([`as_reported_max_energy`]); where the report cannot be met inside that, the refusal is for
/// [`solve_nearest`] to fly the nearest.
pub fn solve(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &Target,
    shape: &Shape,
    memory: &mut ShapingMemory,
) -> Result<Program, FlightError> {
    solve_goal(vehicle, earth, site, target, Goal::Shape(*shape), memory)
}

/// The full-burn flight on `branch` to `target` at the highest energy an "as reported" flight may use: of
/// the flights inside the catalog's bounds that land at the range, the steepest (the highest apogee, on the
/// lofted side) or the flattest (the lowest, on the depressed side).
pub fn solve_nearest(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &Target,
    branch: Branch,
    memory: &mut ShapingMemory,
) -> Result<Program, FlightError> {
    let energy = as_reported_max_energy(vehicle);
    solve_goal(
        vehicle,
        earth,
        site,
        target,
        Goal::Branch { branch, energy },
        memory,
    )
}

/// The highest energy an "as reported" solve may use: above 1 the payload is lightened
/// ([`Program::burn_fraction_and_payload_factor`]: factor 2 - energy), so down to the lightest payload the
/// catalog's sources allow, and not at all when they state no bounds.
pub fn as_reported_max_energy(vehicle: &Vehicle) -> f64 {
    vehicle
        .uncertainties
        .iter()
        .find(|u| u.parameter == VehicleParameter::PayloadMass)
        .map_or(1.0, |u| {
            (2.0 - u.factor.low).clamp(1.0, Program::MAX_ENERGY)
        })
}

fn solve_goal(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &Target,
    goal: Goal,
    memory: &mut ShapingMemory,
) -> Result<Program, FlightError> {
    let shape = &match goal {
        Goal::Shape(shape) => shape,
        Goal::Branch {
            branch: Branch::Lofted,
            ..
        } => Shape::Lofted { apogee_m: None },
        Goal::Branch {
            branch: Branch::Depressed,
            ..
        } => Shape::Depressed { apogee_m: None },
    };
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
    let mut reach_checked = false;
    let (s, answer, flown) = loop {
        pass += 1;
        let s = shooter(base, hint, tol);
        let answer = match solve_in_plane(&s, target, goal) {
            Err(FlightError::Unreachable {
                reason: Unreachable::Range { .. },
                ..
            }) => {
                // Beyond this plane's reach; the reach that counts is the one whose impact is on the
                // wanted line, which the error quotes: a range it quotes can be flown.
                let top = top_on_line(&shooter, base, target.azimuth_deg, earth)?;
                if reach_checked && !top.range_m.is_finite() {
                    return Err(FlightError::NoConvergence {
                        missile: vehicle.id.to_string(),
                        solver: "range",
                        detail: format!(
                            "near orbital speed the flight plane did not settle on the line to {:.0} km",
                            target.range_m / 1e3
                        ),
                    });
                }
                if reach_checked || top.range_m < target.range_m {
                    return Err(s.unreachable(Unreachable::Range {
                        range_m: target.range_m,
                        max_range_m: top.range_m * (1.0 - QUOTE_MARGIN),
                    }));
                }
                // Reachable after all in the plane of that top: solve again from there.
                reach_checked = true;
                (base, hint, tol, pass, previous) =
                    (top.base, Some(top.answer), Tolerance::STANDARD, 0, None);
                continue;
            }
            other => other?,
        };
        hint = Some(answer);
        let flown = s.full(answer.pitch_deg, answer.energy)?;
        let miss_deg = azimuth_miss_deg(target.azimuth_deg, flown.impact_azimuth_deg);
        // On the line: the impact within a few tens of metres of it.
        let on_line = on_line(miss_deg, target.range_m, earth);
        if tol == Tolerance::STANDARD && (on_line || pass >= AZIMUTH_PASSES) {
            break (s, answer, flown);
        }
        if on_line || pass >= AZIMUTH_PASSES - 1 {
            tol = Tolerance::STANDARD;
        }
        if !on_line {
            turn_plane(&mut base, &mut previous, miss_deg.to_radians());
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

/// Turns the flight plane of `base` to bring an impact that missed the wanted line by `miss_rad` onto it.
/// Fixed-point steps converge slowly for steep shots, whose impact azimuth turns by much less than the
/// flight plane (the westward drift stays): secant steps once two passes are known.
fn turn_plane(base: &mut Program, previous: &mut Option<PlaneStep>, miss_rad: f64) {
    let gain = match *previous {
        Some(p) if miss_rad != p.miss_rad => {
            ((base.azimuth_rad - p.plane_azimuth_rad) / (p.miss_rad - miss_rad)).clamp(0.5, 20.0)
        }
        _ => 1.0,
    };
    *previous = Some(PlaneStep {
        plane_azimuth_rad: base.azimuth_rad,
        miss_rad,
    });
    base.azimuth_rad += (gain * miss_rad).clamp(-MAX_TURN_RAD, MAX_TURN_RAD);
}

/// How far the impact's azimuth missed the wanted one, degrees in (-180, 180]: the turn that brings it onto
/// the wanted line.
fn azimuth_miss_deg(wanted_deg: f64, impact_deg: f64) -> f64 {
    (wanted_deg - impact_deg + 540.0).rem_euclid(360.0) - 180.0
}

/// Whether an impact `range_m` from the site whose azimuth missed the aim's by `miss_deg` lies within a few
/// tens of metres of the aim's line: the distance across it, which near the antipode is small for a large
/// miss of azimuth.
fn on_line(miss_deg: f64, range_m: f64, earth: &EarthModel) -> bool {
    let a_m = earth.ellipsoid.a_m;
    let across_m = a_m * (range_m / a_m).min(PI).sin() * miss_deg.to_radians().sin();
    (across_m.abs() < 30.0 && miss_deg.abs() < 90.0) || !miss_deg.is_finite()
}

/// The full-energy flight of greatest range whose impact lies on the wanted line.
struct TopOnLine {
    base: Program,
    answer: PitchEnergy,
    range_m: f64,
}

/// The greatest range at full energy with the impact on the line of `azimuth_deg` (the flight plane turned
/// as a solve turns it), searched with cheap flights and then with flights as accurate as the one flown.
fn top_on_line<'a, 'm: 'a>(
    shooter: &impl Fn(Program, Option<PitchEnergy>, Tolerance) -> Shooter<'a, 'm>,
    mut base: Program,
    azimuth_deg: f64,
    earth: &EarthModel,
) -> Result<TopOnLine, FlightError> {
    let mut tol = Tolerance::SEARCH;
    let mut previous = None;
    let mut near = None;
    let mut pass = 0;
    loop {
        pass += 1;
        let s = shooter(base, None, tol);
        let top = s.max_range(1.0, near)?;
        near = Some(top.pitch_deg);
        let flown = s.full(top.pitch_deg, 1.0)?;
        let miss_deg = azimuth_miss_deg(azimuth_deg, flown.impact_azimuth_deg);
        let on_line = on_line(
            miss_deg,
            top.range_m.min(crate::limits::AIM_RANGE_MAX_M),
            earth,
        );
        if tol == Tolerance::STANDARD && (on_line || pass >= AZIMUTH_PASSES) {
            return Ok(TopOnLine {
                base,
                answer: PitchEnergy {
                    pitch_deg: top.pitch_deg,
                    energy: 1.0,
                },
                range_m: top.range_m,
            });
        }
        if on_line || pass >= AZIMUTH_PASSES - 1 {
            tol = Tolerance::STANDARD;
        }
        if !on_line {
            turn_plane(&mut base, &mut previous, miss_deg.to_radians());
        }
    }
}

/// One pass's answer in the flight plane of `s`.
fn solve_in_plane(s: &Shooter, target: &Target, goal: Goal) -> Result<PitchEnergy, FlightError> {
    let range_m = target.range_m;
    let shape = match goal {
        Goal::Shape(shape) => shape,
        Goal::Branch { branch, energy } => {
            return range_only::full_burn(s, branch, range_m, energy);
        }
    };
    match shape {
        Shape::MinEnergy => range_only::min_energy(s, range_m),
        Shape::Lofted { apogee_m: None } => range_only::full_burn(s, Branch::Lofted, range_m, 1.0),
        Shape::Depressed { apogee_m: None } => {
            range_only::full_burn(s, Branch::Depressed, range_m, 1.0)
        }
        Shape::Lofted { apogee_m: Some(a) } | Shape::Depressed { apogee_m: Some(a) } => {
            range_apogee::range_and_apogee(s, range_m, a, 1.0)
        }
        Shape::AsReported { apogee_m } => {
            range_apogee::range_and_apogee(s, range_m, apogee_m, as_reported_max_energy(s.vehicle))
        }
        Shape::PullUp { apogee_m } => {
            range_apogee::pull_up(s, range_m, apogee_m.unwrap_or(PULL_UP_APOGEE_M))
        }
    }
}
