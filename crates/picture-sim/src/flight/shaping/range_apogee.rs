//! The shapes given by a range and an apogee: as reported, lofted or depressed with an apogee, and the
//! pull-up (50 km apogee unless given: [`super::PULL_UP_APOGEE_M`]).
//!
//! For each trial pitch the energy that reaches the apogee is solved (secant, bracketing as fallback), and
//! the pitch for the range (outward bracket search from the Keplerian flight-path angle, then Illinois);
//! later passes take Newton steps in (pitch, energy) from the previous answer.

use super::error::{Branch, Unreachable};
use super::trial::Shooter;
use super::{PitchApogee, PitchEnergy, PITCH_BACK_DEG, PITCH_MAX_DEG, PITCH_MIN_DEG, RANGE_TOL_M};
use crate::earth::MEAN_RADIUS_M;
use crate::flight::integrator::Tolerance;
use crate::flight::kepler;
use crate::flight::search::{decreasing_root_outward, increasing_root, maximize};
use crate::flight::simulate::Program;
use crate::flight::{FlightError, Shape};

/// Apogee tolerance, m.
const APOGEE_TOL_M: f64 = 50.0;
/// The search's best flight is the answer only within this of the range, m.
const BEST_MISS_M: f64 = 1_000.0;

/// The Jacobian of the misses (range and apogee) in the unknowns (pitch and energy).
///
/// # Units
/// Metres per degree of pitch; metres per unit of [`Program::energy`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Jacobian {
    pub range_m_per_pitch_deg: f64,
    pub range_m_per_energy: f64,
    pub apogee_m_per_pitch_deg: f64,
    pub apogee_m_per_energy: f64,
}

/// How far a trial lands from the wanted range and apogee (flown minus wanted), m.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Miss {
    range_m: f64,
    apogee_m: f64,
}

/// The pull-up flight to `range_m` with `apogee_m`, if the re-entry vehicle has lift.
///
/// # Units
/// Metres.
pub(super) fn pull_up(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
) -> Result<PitchEnergy, FlightError> {
    if s.vehicle.payload.lift_to_drag <= 0.0 {
        return Err(s.unreachable(Unreachable::PullUpWithoutLift));
    }
    range_and_apogee(s, range_m, apogee_m, 1.0)
}

/// The flight to `range_m` with `apogee_m`, at most `max_energy`: Newton steps from the previous pass's
/// answer, or else the search.
///
/// # Units
/// Metres; energy as [`Program::energy`].
pub(super) fn range_and_apogee(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
    max_energy: f64,
) -> Result<PitchEnergy, FlightError> {
    if let Some(h) = s.hint {
        if let Some(answer) = newton(s, range_m, apogee_m, max_energy, h)? {
            return Ok(answer);
        }
    }
    search(s, range_m, apogee_m, max_energy)
}

/// Energy and pitch for a given range and apogee. For a trial pitch the energy that reaches the apogee is
/// solved (apogee grows with energy at a fixed pitch), and then the pitch is solved for the range: along the
/// curve of constant apogee, range falls smoothly as the pitch steepens, through the pitch of greatest
/// apogee (where little energy is needed) and on, leaning back past vertical for ranges short of a steep
/// shot's westward drift. (Solving energy outside and pitch inside instead is ill-conditioned near the pitch
/// of greatest apogee, where the apogee hardly depends on the pitch.)
fn search(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
    max_energy: f64,
) -> Result<PitchEnergy, FlightError> {
    if !(apogee_m.is_finite() && apogee_m > 0.0) {
        return Err(FlightError::Invalid(format!(
            "apogee {apogee_m} m must be positive"
        )));
    }
    // The pitch of greatest apogee: searched only when a trial pitch cannot reach the apogee at all (a
    // request above the highest apogee is refused then).
    let top_deg = || -> Result<f64, FlightError> {
        let top = s.max_apogee(max_energy)?;
        if top.apogee_m < apogee_m {
            return Err(s.unreachable(Unreachable::Apogee {
                apogee_m,
                max_apogee_m: top.apogee_m,
            }));
        }
        Ok(top.pitch_deg)
    };
    // The best flight seen and its range miss, so the answer is a flight that was actually flown, and the
    // extreme ranges flown, for the error message.
    let mut best: Option<(PitchEnergy, f64)> = None;
    let (mut r_lo_m, mut r_hi_m) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut range_at = |p: f64| -> Result<f64, FlightError> {
        let energy = s.energy_for_apogee(p, apogee_m, max_energy)?;
        let Some(e) = energy else {
            // The apogee is out of reach at this pitch: flatter than the top is "too far", steeper "too near".
            return Ok(if p < top_deg()? {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            });
        };
        let r = s.full(p, e)?.range_m;
        r_lo_m = r_lo_m.min(r);
        r_hi_m = r_hi_m.max(r);
        let g = r - range_m;
        if best.is_none_or(|(_, miss_m)| g.abs() < miss_m) {
            best = Some((
                PitchEnergy {
                    pitch_deg: p,
                    energy: e,
                },
                g.abs(),
            ));
        }
        Ok(g)
    };
    // Range falls as the pitch steepens: search outward from the previous pass's answer (or the pitch of
    // greatest apogee) with doubling steps for a bracket, then solve in it.
    let (start_deg, step_deg) = match s.hint {
        // From the previous answer: the azimuth passes move it by a fraction of a degree, the polish by less.
        Some(h) if s.tol == Tolerance::STANDARD => (h.pitch_deg, 0.02),
        Some(h) => (h.pitch_deg, 0.2),
        // First pass: the flight-path angle of the Keplerian ellipse with this apogee and range is a few
        // degrees from the answer (the pitch program ends steeper or flatter than the path it leaves).
        None => (
            kepler::flight_path_angle_rad(apogee_m, range_m.max(1.0), MEAN_RADIUS_M)
                .map_or(60.0, f64::to_degrees),
            4.0,
        ),
    };
    decreasing_root_outward(
        &mut range_at,
        start_deg,
        step_deg,
        PITCH_MIN_DEG,
        PITCH_BACK_DEG,
        1e-9,
        RANGE_TOL_M,
    )?;
    match best {
        Some((answer, miss_m)) if miss_m < BEST_MISS_M => Ok(answer),
        _ if r_lo_m <= r_hi_m => Err(s.unreachable(Unreachable::RangeAtApogee {
            range_m,
            apogee_m,
            min_range_m: r_lo_m,
            max_range_m: r_hi_m,
        })),
        _ => Err(s.unreachable(Unreachable::RangeWithApogee { range_m, apogee_m })),
    }
}

/// Newton's method for a given range and apogee from a nearby answer (the previous pass's, whose flight
/// plane was turned a little, or the search's, now to be flown accurately): the Jacobian in (pitch, energy)
/// by forward differences once per solve, then chord steps, each one flight. `None` if it does not converge
/// in a few steps or leaves the neighbourhood: the caller then searches.
fn newton(
    s: &Shooter,
    range_m: f64,
    apogee_m: f64,
    max_energy: f64,
    from: PitchEnergy,
) -> Result<Option<PitchEnergy>, FlightError> {
    let misses = |p: f64, e: f64| -> Result<Miss, FlightError> {
        let o = s.full(p, e)?;
        Ok(Miss {
            range_m: o.range_m - range_m,
            apogee_m: o.apogee_m - apogee_m,
        })
    };
    let hit = |f: &Miss| f.range_m.abs() < RANGE_TOL_M && f.apogee_m.abs() < APOGEE_TOL_M;
    let (mut p, mut e) = (from.pitch_deg, from.energy);
    let answer = |p: f64, e: f64| {
        Some(PitchEnergy {
            pitch_deg: p,
            energy: e,
        })
    };
    let mut f = misses(p, e)?;
    if hit(&f) {
        return Ok(answer(p, e));
    }
    let j = s.memo.jacobian(|| {
        // Steps well above the search flights' noise (tens of metres), well inside the curvature.
        let dp = 0.05;
        let de = if e + 2e-3 <= max_energy { 2e-3 } else { -2e-3 };
        let fp = misses(p + dp, e)?;
        let fe = misses(p, e + de)?;
        Ok(Jacobian {
            range_m_per_pitch_deg: (fp.range_m - f.range_m) / dp,
            range_m_per_energy: (fe.range_m - f.range_m) / de,
            apogee_m_per_pitch_deg: (fp.apogee_m - f.apogee_m) / dp,
            apogee_m_per_energy: (fe.apogee_m - f.apogee_m) / de,
        })
    })?;
    let det = j.range_m_per_pitch_deg * j.apogee_m_per_energy
        - j.range_m_per_energy * j.apogee_m_per_pitch_deg;
    if !(det.is_finite() && det != 0.0) {
        return Ok(None);
    }
    for _ in 0..4 {
        let dp = -(j.apogee_m_per_energy * f.range_m - j.range_m_per_energy * f.apogee_m) / det;
        let de =
            -(j.range_m_per_pitch_deg * f.apogee_m - j.apogee_m_per_pitch_deg * f.range_m) / det;
        if !(dp.abs() < 2.0 && de.abs() < 0.05) {
            return Ok(None);
        }
        p += dp;
        e += de;
        if !(Program::MIN_ENERGY..=max_energy).contains(&e) {
            return Ok(None);
        }
        f = misses(p, e)?;
        if !(f.range_m.is_finite() && f.apogee_m.is_finite()) {
            return Ok(None);
        }
        if hit(&f) {
            return Ok(answer(p, e));
        }
    }
    Ok(None)
}

/// A lofted flight must be steeper than the minimum-energy one at its energy (the pitch of greatest range),
/// a depressed one flatter: refused otherwise. Other shapes pass.
///
/// # Units
/// Metres.
pub(super) fn check_branch(
    s: &Shooter,
    shape: &Shape,
    range_m: f64,
    apogee_m: f64,
    answer: PitchEnergy,
) -> Result<(), FlightError> {
    let Some(branch) = Branch::of(shape) else {
        return Ok(());
    };
    // Steeper than the best pitch exactly when the range falls as the pitch steepens.
    let step_deg = 0.5;
    let PitchEnergy { pitch_deg, energy } = answer;
    let steeper = s.full(pitch_deg + step_deg, energy)?.range_m
        < s.full(pitch_deg - step_deg, energy)?.range_m;
    if steeper != (branch == Branch::Lofted) {
        return Err(s.unreachable(Unreachable::WrongBranch {
            branch,
            range_m,
            apogee_m,
        }));
    }
    Ok(())
}

impl Shooter<'_, '_> {
    /// The energy at which pitch `p_deg` gives `apogee_m` (apogee grows with energy), `None` if none up to
    /// `max_energy` does. Starts with a secant iteration from the last solution, falling back to bracketing.
    fn energy_for_apogee(
        &self,
        p_deg: f64,
        apogee_m: f64,
        max_energy: f64,
    ) -> Result<Option<f64>, FlightError> {
        let g = |e: f64| -> Result<f64, FlightError> { Ok(self.apogee_m(p_deg, e)? - apogee_m) };
        // Along a curve of constant apogee the energy changes smoothly with the pitch: start from the line
        // through the last two solutions, or from the last one.
        let e0 = match self.apogee_solutions.get() {
            [Some(a), Some(b)] if (b.pitch_deg - a.pitch_deg).abs() > 1e-9 => (b.energy
                + (b.energy - a.energy) / (b.pitch_deg - a.pitch_deg) * (p_deg - b.pitch_deg))
                .clamp(Program::MIN_ENERGY, max_energy),
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
        self.apogee_solutions.set([
            newest,
            Some(PitchEnergy {
                pitch_deg: p_deg,
                energy: e,
            }),
        ]);
        Ok(Some(e))
    }

    /// The pitch of greatest apogee at this energy and that apogee (Brent's search over the steep pitches),
    /// searched once per solve (and remembered across solves). Launching east, it is a little below
    /// vertical: the site's eastward speed then adds to the missile's.
    fn max_apogee(&self, energy: f64) -> Result<PitchApogee, FlightError> {
        self.memo.max_apogee(self.plane(), energy, || {
            let top = maximize(
                |p| self.apogee_m(p, energy),
                PITCH_MAX_DEG - 40.0,
                PITCH_BACK_DEG - 15.0,
                85.0,
                0.1,
                30,
            )?;
            Ok(PitchApogee {
                pitch_deg: top.x,
                apogee_m: top.value,
            })
        })
    }
}
