//! The shapes given by the range alone: minimum-energy, and full-burn lofted or depressed.
//!
//! - Minimum-energy: the best pitch at full energy (Brent), the energy that reaches the range there
//!   (secant), the best pitch at that energy, and the energy again: minimal to second order in the pitch.
//! - Full-burn lofted or depressed: the pitch steeper or flatter than the best one that reaches the range.

use super::error::{Branch, Unreachable};
use super::trial::Shooter;
use super::{PitchEnergy, PitchRange, PITCH_MAX_DEG, PITCH_MIN_DEG, RANGE_TOL_M};
use crate::flight::search::{increasing_root, maximize, Maximum};
use crate::flight::simulate::Program;
use crate::flight::FlightError;

/// Pitch tolerance of the greatest-range search, degrees. Near the top the range is flat in the pitch: 0.1
/// degree off the top costs a few metres of range at most, which the energy solve then makes up.
const PITCH_TOL_DEG: f64 = 0.3;
/// How far either side of a minimum-energy answer's pitch a flight must not reach further, degrees: more
/// than [`PITCH_TOL_DEG`], so that an answer within the search's tolerance of the top passes.
const SETTLE_DEG: f64 = 1.0;
/// Searches of the top at a new energy, at most.
const SETTLE_ROUNDS: usize = 4;
/// Half-width of the greatest-range search around a guess, degrees.
const NEAR_DEG: f64 = 6.0;

/// The least energy that reaches `range_m`, and its pitch.
///
/// # Units
/// Metres.
pub(super) fn min_energy(s: &Shooter, range_m: f64) -> Result<PitchEnergy, FlightError> {
    let too_short = || s.unreachable(Unreachable::MinEnergyTooShort { range_m });
    // The least energy that reaches the range is the one whose best pitch just reaches it. Near the best
    // pitch the range hardly depends on the pitch, so a pitch found once (to 0.02 degrees) and the energy that
    // reaches the range at that pitch are minimal to second order in the pitch error: the energy solve at a
    // fixed pitch (a few secant steps) is all the later passes need.
    let start = match s.hint {
        Some(h) => h,
        None => {
            let full = s.max_range_full()?;
            let e = energy_below_top(s, full, range_m)?;
            let pitch_deg = s.refine_top(full.pitch_deg, e, range_m)?;
            return s.settle_top(pitch_deg, range_m, e);
        }
    };
    match s.energy_for_range(start.pitch_deg, range_m, start.energy)? {
        Some(energy) => Ok(PitchEnergy {
            pitch_deg: start.pitch_deg,
            energy,
        }),
        // The flight plane turned (the Earth's rotation) and at the previous pass's pitch even full energy
        // falls short: the top of this plane, if it reaches.
        None if s.full(start.pitch_deg, 1.0)?.range_m < range_m => {
            let top = s.max_range(1.0, None)?;
            let e = energy_below_top(s, top, range_m)?;
            s.settle_top(top.pitch_deg, range_m, e)
        }
        None => Err(too_short()),
    }
}

/// The energy at which the pitch of `top` (the greatest range at full energy) reaches `range_m`; refused
/// beyond that greatest range, or when even the least energy flies past.
fn energy_below_top(s: &Shooter, top: PitchRange, range_m: f64) -> Result<f64, FlightError> {
    if top.range_m < range_m {
        return Err(s.unreachable(Unreachable::Range {
            range_m,
            max_range_m: top.range_m,
        }));
    }
    s.energy_for_range(top.pitch_deg, range_m, 1.0)?
        .ok_or_else(|| s.unreachable(Unreachable::MinEnergyTooShort { range_m }))
}

/// The flight at `energy` on `branch` that reaches `range_m` (full burn at energy 1).
///
/// # Units
/// Metres; energy as [`Program::energy`].
pub(super) fn full_burn(
    s: &Shooter,
    branch: Branch,
    range_m: f64,
    energy: f64,
) -> Result<PitchEnergy, FlightError> {
    let best = if energy == 1.0 {
        s.max_range_full()?
    } else {
        s.max_range(energy, None)?
    };
    if best.range_m < range_m {
        return Err(s.unreachable(Unreachable::Range {
            range_m,
            max_range_m: best.range_m,
        }));
    }
    // Range falls with the pitch on the lofted side of the best pitch and grows with it on the depressed
    // side; solved as an increasing function from the previous pass or mid-side.
    let (lo, hi, sign) = match branch {
        Branch::Lofted => (best.pitch_deg, PITCH_MAX_DEG, -1.0),
        Branch::Depressed => (PITCH_MIN_DEG, best.pitch_deg, 1.0),
    };
    let p0 = s.hint.map_or(0.5 * (lo + hi), |h| h.pitch_deg);
    let pitch = increasing_root(
        |p| -> Result<f64, FlightError> { Ok(sign * (s.full(p, energy)?.range_m - range_m)) },
        p0,
        p0 + 0.05,
        lo,
        hi,
        1e-9,
        RANGE_TOL_M,
        12,
    )?;
    pitch
        .map(|pitch_deg| PitchEnergy { pitch_deg, energy })
        .ok_or_else(|| s.unreachable(Unreachable::FullBurn { branch, range_m }))
}

/// The top of the range over the pitch.
fn pitch_range(top: Maximum) -> PitchRange {
    PitchRange {
        pitch_deg: top.x,
        range_m: top.value,
    }
}

impl Shooter<'_, '_> {
    /// The pitch of greatest range at this energy, and that range (Brent's search, to [`PITCH_TOL_DEG`]).
    /// With `near`, a guess of that pitch (degrees), the search starts in a 12-degree interval around it and
    /// widens only if the top is not inside.
    pub(super) fn max_range(
        &self,
        energy: f64,
        near: Option<f64>,
    ) -> Result<PitchRange, FlightError> {
        let f = |p: f64| -> Result<f64, FlightError> { Ok(self.full(p, energy)?.range_m) };
        if let Some(p0) = near {
            let lo = (p0 - NEAR_DEG).max(PITCH_MIN_DEG);
            let hi = (p0 + NEAR_DEG).min(PITCH_MAX_DEG);
            let top = pitch_range(maximize(f, lo, hi, p0, PITCH_TOL_DEG, 40)?);
            let inside = |end: f64, bound: f64| {
                end == bound || (top.pitch_deg - end).abs() > 3.0 * PITCH_TOL_DEG
            };
            if inside(lo, PITCH_MIN_DEG) && inside(hi, PITCH_MAX_DEG) {
                return Ok(top);
            }
        }
        maximize(f, PITCH_MIN_DEG, PITCH_MAX_DEG, 35.0, PITCH_TOL_DEG, 60).map(pitch_range)
    }

    /// The pitch of greatest range at `energy` near `p0_deg`, whose range `r0_m` is known: the vertex of the
    /// parabola through three flights 3 degrees apart, twice (the range is close to a parabola in the pitch
    /// near its top, and flat there: an error of a few tenths of a degree costs metres).
    fn refine_top(&self, p0_deg: f64, energy: f64, r0_m: f64) -> Result<f64, FlightError> {
        let step_deg = 3.0;
        let (mut p, mut r) = (p0_deg, r0_m);
        for _ in 0..2 {
            let lo = self.full(p - step_deg, energy)?.range_m;
            let hi = self.full(p + step_deg, energy)?.range_m;
            let curvature = hi - 2.0 * r + lo;
            if !(curvature < 0.0 && curvature.is_finite()) {
                // Not a hump here: fall back to the search.
                return Ok(self.max_range(energy, Some(p))?.pitch_deg);
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

    /// The least energy's pitch and energy from a pitch `p_deg` whose energy `e` reaches `range_m`: if a
    /// pitch [`SETTLE_DEG`] either side reaches further at `e`, `p_deg` is not the top (near orbital speed
    /// the range is lopsided in the pitch and the top moves with the energy), so the top is searched at `e`
    /// and the energy solved there again, a few times at most.
    fn settle_top(&self, p_deg: f64, range_m: f64, e: f64) -> Result<PitchEnergy, FlightError> {
        let too_short = || self.unreachable(Unreachable::MinEnergyTooShort { range_m });
        let (mut pitch_deg, mut energy) = (p_deg, e);
        for _ in 0..SETTLE_ROUNDS {
            let further = |p: f64| -> Result<bool, FlightError> {
                let p = p.clamp(PITCH_MIN_DEG, PITCH_MAX_DEG);
                Ok(p != pitch_deg && self.full(p, energy)?.range_m > range_m + RANGE_TOL_M)
            };
            if !(further(pitch_deg - SETTLE_DEG)? || further(pitch_deg + SETTLE_DEG)?) {
                break;
            }
            pitch_deg = self.max_range(energy, Some(pitch_deg))?.pitch_deg;
            energy = self
                .energy_for_range(pitch_deg, range_m, energy)?
                .ok_or_else(too_short)?;
        }
        Ok(PitchEnergy { pitch_deg, energy })
    }

    /// [`Self::max_range`] at full energy, searched once per solve (and remembered across solves).
    fn max_range_full(&self) -> Result<PitchRange, FlightError> {
        self.memo
            .full_max_range(self.plane(), || self.max_range(1.0, None))
    }

    /// The energy (up to 1) at which pitch `p_deg` reaches `range_m` (the range grows with the energy at a
    /// fixed pitch), `None` if none does: secant steps from `e0`, falling back to bracketing.
    fn energy_for_range(
        &self,
        p_deg: f64,
        range_m: f64,
        e0: f64,
    ) -> Result<Option<f64>, FlightError> {
        increasing_root(
            |e| -> Result<f64, FlightError> { Ok(self.full(p_deg, e)?.range_m - range_m) },
            e0,
            if e0 > 0.5 { e0 - 0.01 } else { e0 + 0.01 },
            Program::MIN_ENERGY,
            1.0,
            1e-9,
            RANGE_TOL_M,
            12,
        )
    }
}
