//! When a target first rises above a radar's horizon: a scan for the first sample with a clear line of sight,
//! then bisection on the horizon margin (a continuous function of time along a flight) to the millisecond.
//! A window of visibility shorter than the scan step can be missed; the detection run scans at each sensor's
//! update interval, so such a window could not have given a detection either.

use super::horizon::EffectiveEarth;
use super::look::{self, TargetSample};
use super::radar::Radar;
use crate::time::SimTime;
use crate::truth::Truth;

/// The first time in `(before, after]` at which `margin(t) >= 0`, given that it is negative at `before` and
/// non-negative at `after`, found by bisection to 1 ms. `margin` returns `None` when there is no target; that
/// counts as negative.
///
/// # Units
/// Times as [`SimTime`] (milliseconds); the margin in any unit, its sign is what counts.
pub fn bisect_rise(
    mut before: SimTime,
    mut after: SimTime,
    mut margin: impl FnMut(SimTime) -> Option<f64>,
) -> SimTime {
    while after.0 - before.0 > 1 {
        let mid = SimTime(before.0 + (after.0 - before.0) / 2);
        match margin(mid) {
            Some(m) if m >= 0.0 => after = mid,
            _ => before = mid,
        }
    }
    after
}

/// The first time at which `margin(t) >= 0` over `[from, to]`, scanning at `scan_step_ms` and then bisecting.
///
/// # Units
/// Times as [`SimTime`] (milliseconds), `scan_step_ms` in milliseconds (at least 1).
pub fn first_rise(
    from: SimTime,
    to: SimTime,
    scan_step_ms: i64,
    mut margin: impl FnMut(SimTime) -> Option<f64>,
) -> Option<SimTime> {
    let step = scan_step_ms.max(1);
    let mut t = from;
    let mut previous: Option<SimTime> = None;
    while t <= to {
        if matches!(margin(t), Some(m) if m >= 0.0) {
            return Some(match previous {
                None => t,
                Some(p) => bisect_rise(p, t, &mut margin),
            });
        }
        previous = Some(t);
        if t == to {
            break;
        }
        t = SimTime((t.0 + step).min(to.0));
    }
    None
}

/// The horizon margin (radians; >= 0 when the Earth leaves the line of sight clear) of a flight seen from a
/// radar at time `t`, or `None` when the target is not in the air.
pub fn horizon_margin_rad(
    truth: &dyn Truth,
    radar: &Radar,
    earth: &EffectiveEarth,
    t: SimTime,
) -> Option<f64> {
    let state = truth.state_at(t)?;
    Some(look::horizon_margin_rad(
        radar,
        earth,
        &TargetSample::new(state),
    ))
}

/// The first time a flight rises above a radar's horizon (effective-Earth model), to the millisecond; `None` if
/// it never does. Scans at `scan_step_ms` (a step of a few seconds is ample for ballistic flights) and bisects.
///
/// # Units
/// `scan_step_ms` in milliseconds; the result is a [`SimTime`] (milliseconds from the scenario epoch).
pub fn first_above_horizon(
    truth: &dyn Truth,
    radar: &Radar,
    earth: &EffectiveEarth,
    scan_step_ms: i64,
) -> Option<SimTime> {
    first_rise(truth.start(), truth.end(), scan_step_ms, |t| {
        horizon_margin_rad(truth, radar, earth, t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_crossing_to_the_millisecond() {
        // margin(t) = t - 12.3456 s
        let f = |t: SimTime| Some(t.as_secs() - 12.3456);
        let t = first_rise(SimTime(0), SimTime(100_000), 5_000, f).unwrap();
        assert_eq!(t, SimTime(12_346));
        assert_eq!(first_rise(SimTime(0), SimTime(10_000), 5_000, f), None);
        assert_eq!(
            first_rise(SimTime(20_000), SimTime(30_000), 5_000, f),
            Some(SimTime(20_000))
        );
    }
}
