//! Simulation time as an integer tick, so that time never drifts by accumulated float error (as
//! nyx-space/hifitime does): [`SimTime`], an instant in integer milliseconds from the scenario epoch, and
//! [`Duration`], a signed span between two instants, also in integer milliseconds.
//!
//! Arithmetic never wraps silently: the operators panic on overflow (as `i64` does in debug builds, here in
//! every build), and the `checked_` methods return `None` instead. Milliseconds span ±292 million years, so
//! only bad input reaches the limits.

use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// Simulation time: integer milliseconds from the scenario epoch (t = 0 is the scenario start).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct SimTime(pub i64);

/// A signed span of simulation time: integer milliseconds. Serialised as the bare number of milliseconds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Duration(i64);

impl Duration {
    pub const ZERO: Duration = Duration(0);

    /// # Units
    /// Milliseconds.
    pub const fn from_millis(ms: i64) -> Duration {
        Duration(ms)
    }

    /// The duration nearest to `s` seconds (rounded to the millisecond, half away from zero), as
    /// [`SimTime::from_secs`] does: beyond the range it saturates, and NaN gives zero. See
    /// [`Duration::try_from_secs_f64`] to refuse those.
    ///
    /// # Units
    /// Seconds.
    pub fn from_secs_f64(s: f64) -> Duration {
        Duration((s * 1000.0).round() as i64)
    }

    /// The duration nearest to `s` seconds; `None` if `s` is not finite or out of range.
    ///
    /// # Units
    /// Seconds.
    pub fn try_from_secs_f64(s: f64) -> Option<Duration> {
        let ms = (s * 1000.0).round();
        // i64::MAX as f64 rounds up to 2^63, itself out of range: hence the strict bound.
        (ms.is_finite() && ms >= i64::MIN as f64 && ms < i64::MAX as f64)
            .then_some(Duration(ms as i64))
    }

    /// # Units
    /// Milliseconds.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// # Units
    /// Seconds.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub const fn abs(self) -> Duration {
        Duration(self.0.abs())
    }

    pub const fn checked_add(self, rhs: Duration) -> Option<Duration> {
        match self.0.checked_add(rhs.0) {
            Some(ms) => Some(Duration(ms)),
            None => None,
        }
    }

    pub const fn checked_sub(self, rhs: Duration) -> Option<Duration> {
        match self.0.checked_sub(rhs.0) {
            Some(ms) => Some(Duration(ms)),
            None => None,
        }
    }

    pub const fn checked_neg(self) -> Option<Duration> {
        match self.0.checked_neg() {
            Some(ms) => Some(Duration(ms)),
            None => None,
        }
    }
}

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);

    pub fn from_secs(t_s: f64) -> SimTime {
        SimTime((t_s * 1000.0).round() as i64)
    }

    pub fn from_millis(t_ms: i64) -> SimTime {
        SimTime(t_ms)
    }

    /// The instant nearest to `t_s` seconds; `None` if `t_s` is not finite or beyond the millisecond range,
    /// where [`SimTime::from_secs`] would saturate. For values from outside (files, links, arguments).
    ///
    /// # Units
    /// Seconds.
    pub fn try_from_secs(t_s: f64) -> Option<SimTime> {
        Duration::try_from_secs_f64(t_s).map(|d| SimTime(d.0))
    }

    /// The instant `t_s` whole seconds from the epoch; `None` if it overflows the millisecond range.
    ///
    /// # Units
    /// Seconds.
    pub const fn checked_from_secs_i64(t_s: i64) -> Option<SimTime> {
        match t_s.checked_mul(1000) {
            Some(ms) => Some(SimTime(ms)),
            None => None,
        }
    }

    pub fn as_secs(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// This time plus `d`; `None` on overflow.
    pub const fn checked_add(self, d: Duration) -> Option<SimTime> {
        match self.0.checked_add(d.0) {
            Some(ms) => Some(SimTime(ms)),
            None => None,
        }
    }

    /// This time minus `d`; `None` on overflow.
    pub const fn checked_sub(self, d: Duration) -> Option<SimTime> {
        match self.0.checked_sub(d.0) {
            Some(ms) => Some(SimTime(ms)),
            None => None,
        }
    }

    /// The span from `earlier` to this time (negative if `earlier` is later); `None` on overflow.
    pub const fn checked_since(self, earlier: SimTime) -> Option<Duration> {
        match self.0.checked_sub(earlier.0) {
            Some(ms) => Some(Duration(ms)),
            None => None,
        }
    }
}

const OVERFLOW: &str = "simulation time overflow";

impl Add for Duration {
    type Output = Duration;
    /// # Panics
    /// On overflow (see [`Duration::checked_add`]).
    fn add(self, rhs: Duration) -> Duration {
        self.checked_add(rhs).expect(OVERFLOW)
    }
}

impl Sub for Duration {
    type Output = Duration;
    /// # Panics
    /// On overflow (see [`Duration::checked_sub`]).
    fn sub(self, rhs: Duration) -> Duration {
        self.checked_sub(rhs).expect(OVERFLOW)
    }
}

impl Neg for Duration {
    type Output = Duration;
    /// # Panics
    /// For the most negative duration (see [`Duration::checked_neg`]).
    fn neg(self) -> Duration {
        self.checked_neg().expect(OVERFLOW)
    }
}

impl AddAssign for Duration {
    fn add_assign(&mut self, rhs: Duration) {
        *self = *self + rhs;
    }
}

impl SubAssign for Duration {
    fn sub_assign(&mut self, rhs: Duration) {
        *self = *self - rhs;
    }
}

impl Add<Duration> for SimTime {
    type Output = SimTime;
    /// # Panics
    /// On overflow (see [`SimTime::checked_add`]).
    fn add(self, d: Duration) -> SimTime {
        self.checked_add(d).expect(OVERFLOW)
    }
}

impl Sub<Duration> for SimTime {
    type Output = SimTime;
    /// # Panics
    /// On overflow (see [`SimTime::checked_sub`]).
    fn sub(self, d: Duration) -> SimTime {
        self.checked_sub(d).expect(OVERFLOW)
    }
}

impl AddAssign<Duration> for SimTime {
    fn add_assign(&mut self, d: Duration) {
        *self = *self + d;
    }
}

impl SubAssign<Duration> for SimTime {
    fn sub_assign(&mut self, d: Duration) {
        *self = *self - d;
    }
}

impl Sub for SimTime {
    type Output = Duration;
    /// The span from `rhs` to `self`.
    ///
    /// # Panics
    /// On overflow (see [`SimTime::checked_since`]).
    fn sub(self, rhs: SimTime) -> Duration {
        self.checked_since(rhs).expect(OVERFLOW)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for ms in [0, 1, -1, 999, 1_000, -61_500, 86_400_000] {
            let d = Duration::from_millis(ms);
            assert_eq!(d.as_millis(), ms);
            assert_eq!(Duration::from_secs_f64(d.as_secs_f64()), d);
            assert_eq!(Duration::try_from_secs_f64(d.as_secs_f64()), Some(d));
        }
        assert_eq!(Duration::from_secs_f64(1.2345).as_millis(), 1_235);
        assert_eq!(Duration::from_secs_f64(-1.2345).as_millis(), -1_235);
        assert_eq!(Duration::from_secs_f64(0.0004), Duration::ZERO);
        let t = SimTime::from_millis(5_000);
        let d = Duration::from_millis(2_500);
        assert_eq!((t + d) - t, d);
        assert_eq!((t - d) + d, t);
        assert_eq!(t + d - d, t);
        let mut u = t;
        u += d;
        u -= d;
        assert_eq!(u, t);
    }

    #[test]
    fn sign_and_order() {
        let (a, b) = (SimTime::from_millis(1_000), SimTime::from_millis(4_000));
        assert_eq!(b - a, Duration::from_millis(3_000));
        assert_eq!(a - b, -Duration::from_millis(3_000));
        assert_eq!((a - b).abs(), b - a);
        assert!(a - b < Duration::ZERO && Duration::ZERO < b - a);
        assert_eq!((a - b).as_secs_f64(), -3.0);
        assert_eq!(
            Duration::from_millis(2) - Duration::from_millis(5),
            Duration::from_millis(-3)
        );
        assert_eq!(
            Duration::from_millis(2) + Duration::from_millis(-5),
            Duration::from_millis(-3)
        );
    }

    #[test]
    fn overflow_is_none_never_a_wrap() {
        let max = Duration::from_millis(i64::MAX);
        let min = Duration::from_millis(i64::MIN);
        let one = Duration::from_millis(1);
        assert_eq!(max.checked_add(one), None);
        assert_eq!(min.checked_sub(one), None);
        assert_eq!(min.checked_neg(), None);
        assert_eq!(
            max.checked_sub(one),
            Some(Duration::from_millis(i64::MAX - 1))
        );
        assert_eq!(SimTime(i64::MAX).checked_add(one), None);
        assert_eq!(SimTime(i64::MIN).checked_sub(one), None);
        assert_eq!(SimTime(i64::MAX).checked_since(SimTime(-1)), None);
        assert_eq!(SimTime(i64::MIN).checked_since(SimTime(1)), None);
        assert_eq!(Duration::try_from_secs_f64(f64::NAN), None);
        assert_eq!(Duration::try_from_secs_f64(f64::INFINITY), None);
        assert_eq!(Duration::try_from_secs_f64(1e17), None);
        assert_eq!(Duration::try_from_secs_f64(-1e17), None);
        // The infallible conversion saturates rather than wraps.
        assert_eq!(Duration::from_secs_f64(1e17), max);
    }

    #[test]
    #[should_panic(expected = "simulation time overflow")]
    fn an_operator_that_would_wrap_panics() {
        let _ = SimTime(i64::MAX) + Duration::from_millis(1);
    }

    #[test]
    fn serialises_as_bare_milliseconds() {
        let d = Duration::from_millis(-1_500);
        assert_eq!(serde_json::to_string(&d).unwrap(), "-1500");
        assert_eq!(serde_json::from_str::<Duration>("-1500").unwrap(), d);
    }

    #[test]
    fn checked_construction_refuses_what_would_overflow() {
        assert_eq!(SimTime::try_from_secs(1.5), Some(SimTime(1500)));
        assert_eq!(SimTime::try_from_secs(-0.0004), Some(SimTime(0)));
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e17,
            -1e17,
            1.79e308,
        ] {
            assert_eq!(SimTime::try_from_secs(bad), None, "{bad}");
        }
        assert_eq!(SimTime::checked_from_secs_i64(2), Some(SimTime(2000)));
        assert_eq!(SimTime::checked_from_secs_i64(i64::MAX), None);
        assert_eq!(SimTime::checked_from_secs_i64(i64::MIN / 999), None);
    }
}
