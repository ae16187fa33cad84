//! Shaping solvers: from a launch site and an aim (azimuth and ground range), find the pitch program and
//! energy that fly a requested shape. Every trial is a flown trajectory, so the solvers count flights: they
//! start from good guesses, take secant, parabolic (Brent) and Newton steps, and fall back to bracketing
//! (Illinois false position) within physical bounds, with finite iteration limits; an impossible request is
//! an [`FlightError::Unreachable`] that says what is possible.
//!
//! The unknowns are the pitch at the end of the burn and the energy ([`Program::energy`]):
//! - minimum-energy: the best pitch at full energy (Brent), the energy that reaches the range there
//!   (secant), the best pitch at that energy, and the energy again: minimal to second order in the pitch;
//! - full-burn lofted or depressed: the pitch steeper or flatter than the best one that reaches the range;
//! - a given apogee and range (as reported, lofted or depressed with an apogee, pull-up): for each trial
//!   pitch the energy that reaches the apogee (secant, bracketing as fallback), and the pitch for the range
//!   (outward bracket search from the Keplerian flight-path angle, then Illinois); later passes take Newton
//!   steps in (pitch, energy) from the previous answer.
//!
//! The search flies with [`Tolerance::SEARCH`] (about 2.5 times cheaper); the answer is then polished with
//! [`Tolerance::STANDARD`] flights, the control of the flight finally flown, in a step or two. The launch
//! azimuth is corrected for the Earth's rotation by fixed-point iteration: the flight plane is turned by the
//! difference between the wanted and the flown geodesic azimuth to the impact point. Any solved flight that
//! misses the range or apogee by more than 1 km is refused.

use super::dynamics::EarthModel;
use super::integrator::{find_root_from, Tolerance};
use super::kepler;
use super::search::{increasing_root, maximize};
use super::simulate::{simulate, Program, Until};
use super::vehicle::Vehicle;
use super::{ground_range_m, FlightError, Shape};
use crate::earth::{self, Geodetic, MEAN_RADIUS_M};
use crate::time::SimTime;
use std::cell::{Cell, RefCell};

/// The aim as the solvers use it.
///
/// # Units
/// Azimuth in degrees clockwise from north; range in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub azimuth_deg: f64,
    pub range_m: f64,
}

/// Apogee of the pull-up flight, m (KN-23 tests: JCS reported 37-60 km, most often about 50 km).
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
/// Apogee tolerance, m.
const APOGEE_TOL_M: f64 = 50.0;
/// Solver passes at most, each with the flight plane turned to correct the previous impact's azimuth (the
/// last ones polish with accurate flights).
const AZIMUTH_PASSES: usize = 6;
/// Pitch tolerance of the greatest-range search, degrees. Near the top the range is flat in the pitch: 0.1
/// degree off the top costs a few metres of range at most, which the energy solve then makes up.
const PITCH_TOL_DEG: f64 = 0.3;
/// Half-width of the greatest-range search around a guess, degrees.
const NEAR_DEG: f64 = 6.0;

/// The result of one trial flight.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Outcome {
    range_m: f64,
    apogee_m: f64,
    impact_azimuth_deg: f64,
}

struct Shooter<'a> {
    vehicle: &'a Vehicle,
    earth: &'a EarthModel,
    site: &'a Geodetic,
    base: Program,
    /// (pitch deg, energy) of the previous azimuth pass, to start near.
    hint: Option<(f64, f64)>,
    /// The energy last solved for an apogee, to start the next solve from (secant warm start).
    last_energy: Cell<Option<f64>>,
    /// The last two (pitch deg, energy) solved for an apogee, newest last: the next pitch's energy is
    /// predicted along the line through them.
    apogee_solutions: Cell<[Option<(f64, f64)>; 2]>,
    /// The error control of the trial flights: [`Tolerance::SEARCH`] while searching, then
    /// [`Tolerance::STANDARD`] (the flight flown) to polish.
    tol: Tolerance,
    /// Results that hold across the azimuth passes and the polish.
    memo: &'a Memo,
    /// (pitch deg, energy, outcome) of the last full flights, newest first.
    recent_full: Cell<[Option<(f64, f64, Outcome)>; 6]>,
}

/// What one solve learns once and reuses: the flight plane turns by a fraction of a degree between passes,
/// which moves these by far less than they are needed to.
#[derive(Debug, Default)]
struct Memo {
    /// (pitch deg, range m) of the greatest range at full energy.
    full_max_range: Cell<Option<(f64, f64)>>,
    /// (pitch deg, apogee m) of the greatest apogee at the largest energy allowed.
    top: Cell<Option<(f64, f64)>>,
    /// The Jacobian of (range m, apogee m) in (pitch deg, energy) near the answer, rows range and apogee.
    jacobian: Cell<Option<[[f64; 2]; 2]>>,
}

/// The searches [`Shooter::recalled`] remembers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Search {
    /// (pitch deg, range m) of the greatest range at full energy.
    FullMaxRange,
    /// (pitch deg, apogee m) of the greatest apogee at this energy.
    MaxApogee { energy: f64 },
}

/// Everything a remembered search's result depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SearchKey {
    search: Search,
    vehicle: Vehicle,
    earth: EarthModel,
    site: Geodetic,
    base: Program,
    tol: Tolerance,
}

/// Remembered searches, at most this many (the oldest is forgotten first).
const SEARCHES_KEPT: usize = 16;

thread_local! {
    static SEARCHES: RefCell<Vec<(SearchKey, (f64, f64))>> = const { RefCell::new(Vec::new()) };
}

impl Shooter<'_> {
    fn program(&self, pitch_deg: f64, energy: f64) -> Program {
        Program {
            pitch_final_rad: pitch_deg.to_radians(),
            energy,
            ..self.base
        }
    }

    /// A full flight. A crash in the boost counts as range 0; an orbit as infinite range.
    fn full(&self, pitch_deg: f64, energy: f64) -> Result<Outcome, FlightError> {
        // Solvers fly some trials twice (the answer, which the caller flies again to see where it landed;
        // the best pitch found, from which the energy solve starts): keep the last few.
        let mut recent = self.recent_full.get();
        if let Some((_, _, o)) = recent
            .iter()
            .flatten()
            .find(|(p, e, _)| *p == pitch_deg && *e == energy)
        {
            return Ok(*o);
        }
        let o = self.fly_full(pitch_deg, energy)?;
        recent.rotate_right(1);
        recent[0] = Some((pitch_deg, energy, o));
        self.recent_full.set(recent);
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
                    .find(|e| e.kind == super::EventKind::Apogee)
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
                    range_m: if ahead { range_m } else { -range_m },
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

    /// Apogee only (the flight stops there): cheaper.
    fn apogee_m(&self, pitch_deg: f64, energy: f64) -> Result<f64, FlightError> {
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
                .find(|e| e.kind == super::EventKind::Apogee)
                .map_or(0.0, |e| e.h_m)),
            Err(FlightError::HitGroundInBoost { .. }) => Ok(0.0),
            Err(FlightError::Orbital { .. }) => Ok(f64::INFINITY),
            Err(e) => Err(e),
        }
    }

    /// The pitch of greatest range at this energy, and that range (Brent's search, to [`PITCH_TOL_DEG`]). With `near`, a guess of that pitch, the search starts
    /// in a 12-degree interval around it and widens only if the top is not inside.
    fn max_range(&self, energy: f64, near: Option<f64>) -> Result<(f64, f64), FlightError> {
        let f = |p: f64| -> Result<f64, FlightError> { Ok(self.full(p, energy)?.range_m) };
        if let Some(p0) = near {
            let lo = (p0 - NEAR_DEG).max(PITCH_MIN_DEG);
            let hi = (p0 + NEAR_DEG).min(PITCH_MAX_DEG);
            let (p, r) = maximize(f, lo, hi, p0, PITCH_TOL_DEG, 40)?;
            let inside =
                |end: f64, bound: f64| end == bound || (p - end).abs() > 3.0 * PITCH_TOL_DEG;
            if inside(lo, PITCH_MIN_DEG) && inside(hi, PITCH_MAX_DEG) {
                return Ok((p, r));
            }
        }
        maximize(f, PITCH_MIN_DEG, PITCH_MAX_DEG, 35.0, PITCH_TOL_DEG, 60)
    }

    /// The pitch of greatest range at `energy` near `p0`, whose range `r0_m` is known: the vertex of the
    /// parabola through three flights 3 degrees apart, twice (the range is close to a parabola in the pitch
    /// near its top, and flat there: an error of a few tenths of a degree costs metres).
    fn refine_top(&self, p0: f64, energy: f64, r0_m: f64) -> Result<f64, FlightError> {
        let step_deg = 3.0;
        let (mut p, mut r) = (p0, r0_m);
        for _ in 0..2 {
            let lo = self.full(p - step_deg, energy)?.range_m;
            let hi = self.full(p + step_deg, energy)?.range_m;
            let curvature = hi - 2.0 * r + lo;
            if !(curvature < 0.0 && curvature.is_finite()) {
                // Not a hump here: fall back to the search.
                return Ok(self.max_range(energy, Some(p))?.0);
            }
            let shift =
                (0.5 * step_deg * (lo - hi) / curvature).clamp(-2.0 * step_deg, 2.0 * step_deg);
            p = (p + shift).clamp(PITCH_MIN_DEG, PITCH_MAX_DEG);
            if shift.abs() < PITCH_TOL_DEG {
                break;
            }
            r = self.full(p, energy)?.range_m;
        }
        Ok(p)
    }

    /// [`Self::max_range`] at full energy, searched once per solve (and remembered across solves).
    fn max_range_full(&self) -> Result<(f64, f64), FlightError> {
        if let Some(m) = self.memo.full_max_range.get() {
            return Ok(m);
        }
        let m = self.recalled(Search::FullMaxRange, || self.max_range(1.0, None))?;
        self.memo.full_max_range.set(Some(m));
        Ok(m)
    }

    /// The result of a search that depends on nothing but the missile, the Earth model, the site, the flight
    /// plane and the flights' error control: remembered from an earlier solve with all of those the same
    /// (editing a launch's range or apogee solves again in the same plane), or searched and remembered. The
    /// same inputs give the same result, so a solve comes out the same either way.
    fn recalled(
        &self,
        search: Search,
        run: impl FnOnce() -> Result<(f64, f64), FlightError>,
    ) -> Result<(f64, f64), FlightError> {
        let key = SearchKey {
            search,
            vehicle: *self.vehicle,
            earth: *self.earth,
            site: *self.site,
            base: self.base,
            tol: self.tol,
        };
        if let Some(hit) = SEARCHES.with_borrow(|c| c.iter().find(|(k, _)| *k == key).map(|e| e.1))
        {
            return Ok(hit);
        }
        let found = run()?;
        SEARCHES.with_borrow_mut(|c| {
            if c.len() >= SEARCHES_KEPT {
                c.remove(0);
            }
            c.push((key, found));
        });
        Ok(found)
    }

    /// The energy (up to 1) at which pitch `p` reaches `range_m` (the range grows with the energy at a fixed
    /// pitch), `None` if none does: secant steps from `e0`, falling back to bracketing.
    fn energy_for_range(&self, p: f64, range_m: f64, e0: f64) -> Result<Option<f64>, FlightError> {
        increasing_root(
            |e| -> Result<f64, FlightError> { Ok(self.full(p, e)?.range_m - range_m) },
            e0,
            if e0 > 0.5 { e0 - 0.01 } else { e0 + 0.01 },
            Program::MIN_ENERGY,
            1.0,
            1e-9,
            RANGE_TOL_M,
            12,
        )
    }

    /// Solves `g(x) = 0` for a decreasing `g` on [lo, hi], searching for a bracket outward from `start`
    /// with steps `step`, `2 step`, `4 step`... (in the direction `g`'s sign points), then by Illinois false
    /// position. `Ok(None)` if no sign change is found before a bound.
    #[allow(clippy::too_many_arguments)]
    fn expand_and_solve<G>(
        &self,
        mut g: G,
        start: f64,
        step: f64,
        lo: f64,
        hi: f64,
        tol_x: f64,
        tol_g: f64,
    ) -> Result<Option<f64>, FlightError>
    where
        G: FnMut(f64) -> Result<f64, FlightError>,
    {
        let mut err = None;
        let mut eval = |x: f64| match g(x) {
            Ok(v) if v.abs() < tol_g => 0.0,
            Ok(v) => v,
            Err(e) => {
                err = Some(e);
                0.0
            }
        };
        let mut a = start.clamp(lo, hi);
        let mut ga = eval(a);
        let mut step = step;
        let mut bracket = None;
        for _ in 0..20 {
            if ga == 0.0 {
                bracket = Some(((a, ga), (a, ga)));
                break;
            }
            // g decreasing: a positive value means the root lies at larger x.
            let b = if ga > 0.0 {
                (a + step).min(hi)
            } else {
                (a - step).max(lo)
            };
            let gb = eval(b);
            if gb == 0.0 || gb.signum() != ga.signum() {
                bracket = Some(((a, ga), (b, gb)));
                break;
            }
            if b == lo || b == hi {
                break;
            }
            (a, ga) = (b, gb);
            step *= 2.0;
        }
        let root = bracket.and_then(|(pa, pb)| {
            if pa.0 == pb.0 {
                Some(pa.0)
            } else {
                find_root_from(&mut eval, pa, pb, tol_x)
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        Ok(root)
    }

    /// The energy at which pitch `p` gives `apogee_m` (apogee grows with energy), `None` if none up to
    /// `max_energy` does. Starts with a secant iteration from the last solution, falling back to bracketing.
    fn energy_for_apogee(
        &self,
        p: f64,
        apogee_m: f64,
        max_energy: f64,
    ) -> Result<Option<f64>, FlightError> {
        let g = |e: f64| -> Result<f64, FlightError> { Ok(self.apogee_m(p, e)? - apogee_m) };
        // Along a curve of constant apogee the energy changes smoothly with the pitch: start from the line
        // through the last two solutions, or from the last one.
        let e0 = match self.apogee_solutions.get() {
            [Some((p1, e1)), Some((p2, e2))] if (p2 - p1).abs() > 1e-9 => {
                (e2 + (e2 - e1) / (p2 - p1) * (p - p2)).clamp(Program::MIN_ENERGY, max_energy)
            }
            _ => self.last_energy.get().unwrap_or(max_energy),
        };
        let e1 = if e0 + 0.002 <= max_energy {
            e0 + 0.002
        } else {
            e0 - 0.02
        };
        let e = increasing_root(
            g,
            e0,
            e1,
            Program::MIN_ENERGY,
            max_energy,
            1e-7,
            APOGEE_TOL_M,
            8,
        )?;
        let e = match e {
            Some(e) => e,
            // Out of reach, or reached with even the least energy.
            None if g(max_energy)? < 0.0 => return Ok(None),
            None => Program::MIN_ENERGY,
        };
        self.last_energy.set(Some(e));
        let [_, newest] = self.apogee_solutions.get();
        self.apogee_solutions.set([newest, Some((p, e))]);
        Ok(Some(e))
    }

    /// The pitch of greatest apogee at this energy and that apogee (Brent's search over the steep pitches).
    /// Launching east, it is a little below vertical: the site's eastward speed then adds to the missile's.
    fn max_apogee(&self, energy: f64) -> Result<(f64, f64), FlightError> {
        if let Some(m) = self.memo.top.get() {
            return Ok(m);
        }
        let m = self.recalled(Search::MaxApogee { energy }, || {
            maximize(
                |p| self.apogee_m(p, energy),
                PITCH_MAX_DEG - 40.0,
                PITCH_BACK_DEG - 15.0,
                85.0,
                0.1,
                30,
            )
        })?;
        self.memo.top.set(Some(m));
        Ok(m)
    }
}

/// Finds the program that flies `shape` from `site` to `target`.
pub fn solve(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &Target,
    shape: &Shape,
) -> Result<Program, FlightError> {
    let first_burn_s = vehicle.stages.first().map_or(10.0, |s| s.burn_time_s);
    let mut base = Program {
        azimuth_rad: target.azimuth_deg.to_radians(),
        pitch_final_rad: 45f64.to_radians(),
        rise_s: (0.08 * first_burn_s).clamp(3.0, 10.0),
        energy: 1.0,
        pull_up: matches!(shape, Shape::PullUp),
    };
    let memo = Memo::default();
    let shooter = |base: Program, hint: Option<(f64, f64)>, tol: Tolerance| Shooter {
        vehicle,
        earth,
        site,
        base,
        hint,
        last_energy: Cell::new(hint.map(|h| h.1)),
        apogee_solutions: Cell::new([None; 2]),
        tol,
        memo: &memo,
        recent_full: Cell::new([None; 6]),
    };
    // Search with the cheap flights, turning the flight plane until the impact is on the wanted line, then
    // polish with flights as accurate as the one flown (a step or two of each solver), turning the plane
    // again if the accurate impact is off the line.
    let mut hint: Option<(f64, f64)> = None;
    let mut tol = Tolerance::SEARCH;
    let mut pass = 0;
    // (plane azimuth, impact azimuth miss) of the previous pass, rad.
    let mut previous: Option<(f64, f64)> = None;
    let (s, pitch_deg, energy, flown) = loop {
        pass += 1;
        let s = shooter(base, hint, tol);
        let (pitch_deg, energy) = solve_in_plane(&s, target, shape)?;
        hint = Some((pitch_deg, energy));
        let flown = s.full(pitch_deg, energy)?;
        let miss_deg =
            (target.azimuth_deg - flown.impact_azimuth_deg + 540.0).rem_euclid(360.0) - 180.0;
        // On the line: the impact within a few tens of metres of it.
        let on_line = miss_deg.to_radians().abs() * target.range_m < 30.0 || !miss_deg.is_finite();
        if tol == Tolerance::STANDARD && (on_line || pass >= AZIMUTH_PASSES) {
            break (s, pitch_deg, energy, flown);
        }
        if on_line || pass >= AZIMUTH_PASSES - 1 {
            tol = Tolerance::STANDARD;
        }
        if !on_line {
            // Fixed-point steps converge slowly for steep shots, whose impact azimuth turns by much less than
            // the flight plane (the westward drift stays): secant steps once two passes are known.
            let miss_rad = miss_deg.to_radians();
            let gain = match previous {
                Some((az_rad, m_rad)) if miss_rad != m_rad => {
                    ((base.azimuth_rad - az_rad) / (m_rad - miss_rad)).clamp(0.5, 20.0)
                }
                _ => 1.0,
            };
            previous = Some((base.azimuth_rad, miss_rad));
            base.azimuth_rad += gain * miss_rad;
        }
    };
    let program = s.program(pitch_deg, energy);
    let last = Some(flown);
    if let Shape::Lofted { apogee_m: Some(a) } | Shape::Depressed { apogee_m: Some(a) } = *shape {
        // Which side of the best pitch the answer lies on needs no accurate flights.
        let coarse = shooter(base, hint, Tolerance::SEARCH);
        check_branch(&coarse, shape, target.range_m, a, pitch_deg, energy)?;
    }
    // A solver may stop at a discontinuity (a flight that hits the ground in the boost, say) rather than at
    // a root: never hand back a flight that misses.
    let wanted_apogee_m = match *shape {
        Shape::AsReported { apogee_m } => Some(apogee_m),
        Shape::Lofted { apogee_m } | Shape::Depressed { apogee_m } => apogee_m,
        Shape::PullUp => Some(PULL_UP_APOGEE_M),
        Shape::MinEnergy => None,
    };
    if let Some(flown) = last {
        let range_miss_m = (flown.range_m - target.range_m).abs();
        let apogee_miss_m = wanted_apogee_m.map_or(0.0, |a| (flown.apogee_m - a).abs());
        if !(range_miss_m < MAX_MISS_M && apogee_miss_m < MAX_MISS_M) {
            let apogee = wanted_apogee_m.map_or(String::new(), |a| {
                format!(" with an apogee of {} km", km(a))
            });
            return Err(FlightError::Unreachable {
                missile: vehicle.id.to_string(),
                what: format!(
                    "fly a {} path of {} km{apogee}",
                    shape_name(shape),
                    km(target.range_m)
                ),
                possible: format!(
                    "the nearest flight found went {} km with an apogee of {} km",
                    km(flown.range_m),
                    km(flown.apogee_m)
                ),
            });
        }
    }
    Ok(program)
}

/// A solved flight further than this from the wanted range or apogee is refused, m.
const MAX_MISS_M: f64 = 1_000.0;

fn shape_name(shape: &Shape) -> &'static str {
    match shape {
        Shape::MinEnergy => "minimum-energy",
        Shape::Lofted { .. } => "lofted",
        Shape::Depressed { .. } => "depressed",
        Shape::AsReported { .. } => "reported",
        Shape::PullUp => "pull-up",
    }
}

fn km(m: f64) -> f64 {
    (m / 1000.0).round()
}

fn solve_in_plane(s: &Shooter, target: &Target, shape: &Shape) -> Result<(f64, f64), FlightError> {
    let id = s.vehicle.id.to_string();
    let range_m = target.range_m;
    match *shape {
        Shape::MinEnergy => {
            let too_short = || FlightError::Unreachable {
                missile: id.clone(),
                what: format!(
                    "fly as short as {} km on a minimum-energy path",
                    km(range_m)
                ),
                possible: "use a lofted or depressed shape".into(),
            };
            // The least energy that reaches the range is the one whose best pitch just reaches it. Near the
            // best pitch the range hardly depends on the pitch, so a pitch found once (to 0.02 degrees) and the
            // energy that reaches the range at that pitch are minimal to second order in the pitch error: the
            // energy solve at a fixed pitch (a few secant steps) is all the later passes need.
            let (pitch, e_start) = match s.hint {
                Some(h) => h,
                None => {
                    let (p_full, r_full) = s.max_range_full()?;
                    if r_full < range_m {
                        return Err(unreachable_range(&id, range_m, r_full));
                    }
                    let e = s
                        .energy_for_range(p_full, range_m, 1.0)?
                        .ok_or_else(too_short)?;
                    (s.refine_top(p_full, e, range_m)?, e)
                }
            };
            let energy = s
                .energy_for_range(pitch, range_m, e_start)?
                .ok_or_else(too_short)?;
            Ok((pitch, energy))
        }
        Shape::Lofted { apogee_m: None } | Shape::Depressed { apogee_m: None } => {
            let lofted = matches!(shape, Shape::Lofted { .. });
            let (pitch_opt, r_max) = s.max_range_full()?;
            if r_max < range_m {
                return Err(unreachable_range(&id, range_m, r_max));
            }
            // Range falls with the pitch on the lofted side of the best pitch and grows with it on the
            // depressed side; solved as an increasing function from the previous pass or mid-side.
            let (lo, hi) = if lofted {
                (pitch_opt, PITCH_MAX_DEG)
            } else {
                (PITCH_MIN_DEG, pitch_opt)
            };
            let sign = if lofted { -1.0 } else { 1.0 };
            let p0 = s.hint.map_or(0.5 * (lo + hi), |h| h.0);
            let pitch = increasing_root(
                |p| -> Result<f64, FlightError> { Ok(sign * (s.full(p, 1.0)?.range_m - range_m)) },
                p0,
                p0 + 0.05,
                lo,
                hi,
                1e-9,
                RANGE_TOL_M,
                12,
            )?;
            pitch
                .map(|p| (p, 1.0))
                .ok_or_else(|| FlightError::Unreachable {
                    missile: id,
                    what: format!(
                        "fly a full-burn {} path of {} km",
                        if lofted { "lofted" } else { "depressed" },
                        km(range_m)
                    ),
                    possible: "try a longer range or the minimum-energy shape".into(),
                })
        }
        Shape::Lofted { apogee_m: Some(a) }
        | Shape::Depressed { apogee_m: Some(a) }
        | Shape::AsReported { apogee_m: a } => {
            let max_energy = if matches!(shape, Shape::AsReported { .. }) {
                Program::MAX_ENERGY
            } else {
                1.0
            };
            if let Some(h) = s.hint {
                if let Some(answer) = newton_range_apogee(s, range_m, a, max_energy, h)? {
                    return Ok(answer);
                }
            }
            solve_range_and_apogee(s, range_m, a, max_energy)
        }
        Shape::PullUp => {
            if s.vehicle.payload.lift_to_drag <= 0.0 {
                return Err(FlightError::Unreachable {
                    missile: id,
                    what: "fly a pull-up manoeuvre".into(),
                    possible: "its re-entry vehicle has no lift (only hwasong-11 does)".into(),
                });
            }
            if let Some(h) = s.hint {
                if let Some(answer) = newton_range_apogee(s, range_m, PULL_UP_APOGEE_M, 1.0, h)? {
                    return Ok(answer);
                }
            }
            solve_range_and_apogee(s, range_m, PULL_UP_APOGEE_M, 1.0)
        }
    }
}

fn unreachable_range(id: &str, range_m: f64, max_range_m: f64) -> FlightError {
    FlightError::Unreachable {
        missile: id.to_string(),
        what: format!("reach {} km", km(range_m)),
        possible: format!(
            "its maximum range with this payload is about {} km",
            km(max_range_m)
        ),
    }
}

/// Energy and pitch for a given range and apogee. For a trial pitch the energy that reaches the apogee is
/// solved (apogee grows with energy at a fixed pitch), and then the pitch is solved for the range: along the
/// curve of constant apogee, range falls smoothly as the pitch steepens, through the pitch of greatest
/// apogee (where little energy is needed) and on, leaning back past vertical for ranges short of a steep
/// shot's westward drift. (Solving energy outside and pitch inside instead is ill-conditioned near the pitch
/// of greatest apogee, where the apogee hardly depends on the pitch.)
fn solve_range_and_apogee(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
    max_energy: f64,
) -> Result<(f64, f64), FlightError> {
    let id = s.vehicle.id.to_string();
    if !(apogee_m.is_finite() && apogee_m > 0.0) {
        return Err(FlightError::Invalid(format!(
            "apogee {apogee_m} m must be positive"
        )));
    }
    // The pitch of greatest apogee: searched only when a trial pitch cannot reach the apogee at all (a
    // request above the highest apogee is refused then).
    let top = || -> Result<f64, FlightError> {
        let (p, a_max) = s.max_apogee(max_energy)?;
        if a_max < apogee_m {
            return Err(FlightError::Unreachable {
                missile: id.clone(),
                what: format!("reach an apogee of {} km", km(apogee_m)),
                possible: format!("its highest apogee is about {} km", km(a_max)),
            });
        }
        Ok(p)
    };
    // The best (energy, pitch, |range error|) seen, so the answer is a flight that was actually flown, and the
    // extreme ranges flown, for the error message.
    let mut best: Option<(f64, f64, f64)> = None;
    let (mut r_lo, mut r_hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut range_at = |p: f64| -> Result<f64, FlightError> {
        let energy = s.energy_for_apogee(p, apogee_m, max_energy)?;
        let Some(e) = energy else {
            // The apogee is out of reach at this pitch: flatter than the top is "too far", steeper "too near".
            return Ok(if p < top()? {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            });
        };
        let r = s.full(p, e)?.range_m;
        r_lo = r_lo.min(r);
        r_hi = r_hi.max(r);
        let g = r - range_m;
        if best.is_none_or(|b| g.abs() < b.2) {
            best = Some((e, p, g.abs()));
        }
        Ok(g)
    };
    // Range falls as the pitch steepens: search outward from the previous pass's answer (or the pitch of
    // greatest apogee) with doubling steps for a bracket, then solve in it.
    let (start, step) = match s.hint {
        // From the previous answer: the azimuth passes move it by a fraction of a degree, the polish by less.
        Some((p, _)) if s.tol == Tolerance::STANDARD => (p, 0.02),
        Some((p, _)) => (p, 0.2),
        // First pass: the flight-path angle of the Keplerian ellipse with this apogee and range is a few
        // degrees from the answer (the pitch program ends steeper or flatter than the path it leaves).
        None => (
            kepler::flight_path_angle_rad(apogee_m, range_m.max(1.0), MEAN_RADIUS_M)
                .map_or(60.0, f64::to_degrees),
            4.0,
        ),
    };
    s.expand_and_solve(
        &mut range_at,
        start,
        step,
        PITCH_MIN_DEG,
        PITCH_BACK_DEG,
        1e-9,
        RANGE_TOL_M,
    )?;
    match best {
        Some((e, p, err_m)) if err_m < 1_000.0 => Ok((p, e)),
        _ => Err(FlightError::Unreachable {
            missile: id,
            what: format!(
                "reach {} km with an apogee of {} km",
                km(range_m),
                km(apogee_m)
            ),
            possible: if r_lo <= r_hi {
                format!(
                    "at that apogee its range is about {} to {} km",
                    km(r_lo.max(0.0)),
                    km(r_hi)
                )
            } else {
                "that apogee and range do not go together".to_string()
            },
        }),
    }
}

/// Newton's method for a given range and apogee from a nearby answer (the previous pass's, whose flight
/// plane was turned a little, or the search's, now to be flown accurately): the Jacobian in (pitch, energy)
/// by forward differences once per solve, then chord steps, each one flight. `None` if it does not converge
/// in a few steps or leaves the neighbourhood: the caller then searches.
fn newton_range_apogee(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
    max_energy: f64,
    (p0, e0): (f64, f64),
) -> Result<Option<(f64, f64)>, FlightError> {
    let misses = |p: f64, e: f64| -> Result<[f64; 2], FlightError> {
        let o = s.full(p, e)?;
        Ok([o.range_m - range_m, o.apogee_m - apogee_m])
    };
    let hit = |f: &[f64; 2]| f[0].abs() < RANGE_TOL_M && f[1].abs() < APOGEE_TOL_M;
    let (mut p, mut e) = (p0, e0);
    let mut f = misses(p, e)?;
    if hit(&f) {
        return Ok(Some((p, e)));
    }
    let j = match s.memo.jacobian.get() {
        Some(j) => j,
        None => {
            // Steps well above the search flights' noise (tens of metres), well inside the curvature.
            let dp = 0.05;
            let de = if e + 2e-3 <= max_energy { 2e-3 } else { -2e-3 };
            let fp = misses(p + dp, e)?;
            let fe = misses(p, e + de)?;
            let j = [
                [(fp[0] - f[0]) / dp, (fe[0] - f[0]) / de],
                [(fp[1] - f[1]) / dp, (fe[1] - f[1]) / de],
            ];
            s.memo.jacobian.set(Some(j));
            j
        }
    };
    let det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
    if !(det.is_finite() && det != 0.0) {
        return Ok(None);
    }
    for _ in 0..4 {
        let dp = -(j[1][1] * f[0] - j[0][1] * f[1]) / det;
        let de = -(j[0][0] * f[1] - j[1][0] * f[0]) / det;
        if !(dp.abs() < 2.0 && de.abs() < 0.05) {
            return Ok(None);
        }
        p += dp;
        e += de;
        if !(Program::MIN_ENERGY..=max_energy).contains(&e) {
            return Ok(None);
        }
        f = misses(p, e)?;
        if !(f[0].is_finite() && f[1].is_finite()) {
            return Ok(None);
        }
        if hit(&f) {
            return Ok(Some((p, e)));
        }
    }
    Ok(None)
}

/// A lofted flight must be steeper than the minimum-energy one at its energy (the pitch of greatest range),
/// a depressed one flatter.
fn check_branch(
    s: &Shooter,
    shape: &Shape,
    range_m: f64,
    apogee_m: f64,
    pitch: f64,
    energy: f64,
) -> Result<(), FlightError> {
    let lofted = match shape {
        Shape::Lofted { .. } => true,
        Shape::Depressed { .. } => false,
        _ => return Ok(()),
    };
    // Steeper than the best pitch exactly when the range falls as the pitch steepens.
    let step_deg = 0.5;
    let steeper =
        s.full(pitch + step_deg, energy)?.range_m < s.full(pitch - step_deg, energy)?.range_m;
    if steeper != lofted {
        return Err(FlightError::Unreachable {
            missile: s.vehicle.id.to_string(),
            what: format!(
                "fly a {} path of {} km with an apogee of {} km",
                if lofted { "lofted" } else { "depressed" },
                km(range_m),
                km(apogee_m)
            ),
            possible: format!(
                "that apogee makes it a {} path",
                if lofted { "depressed" } else { "lofted" }
            ),
        });
    }
    Ok(())
}
