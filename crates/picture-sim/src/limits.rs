//! The bounds on every value a link, a scenario file, stored state or a command-line argument can carry. One
//! set, shared by the page and the command line, so that a scenario one accepts the other opens.
//!
//! Each bound is generous for a real scenario and small enough that the page stays responsive and no time
//! arithmetic (milliseconds in `i64`, the calendar of the clock) can overflow.

/// The earliest scenario start: 1950-01-01T00:00:00Z (before the first ballistic-missile warning radars).
pub const START_UTC_MIN_S: i64 = -631_152_000;
/// The latest scenario start: 2100-01-01T00:00:00Z.
pub const START_UTC_MAX_S: i64 = 4_102_444_800;

/// The most launches in one scenario. North Korea has fired more than 20 missiles in a day (2 November
/// 2022): 32 leaves room for such a salvo while every launch is flown, sensed and tracked in the page.
pub const LAUNCHES_MAX: usize = 32;
/// The latest launch after the scenario start: one day, the span of the largest salvo on record.
pub const LAUNCH_TIME_MAX_S: f64 = 86_400.0;

/// The most pictures compared at once (each is a full tracking run).
pub const PICTURES_MAX: usize = 16;
/// The most sensors selected (the catalogue holds fewer; duplicates beyond this are refused too).
pub const SENSORS_MAX: usize = 64;
/// The most ship stations.
pub const SHIPS_MAX: usize = 16;
/// The longest name (a picture's, a sensor's, a missile's), in bytes of UTF-8.
pub const NAME_MAX_BYTES: usize = 64;

/// The clock of a link: at most this long after the start (the latest launch plus a long flight).
pub const CLOCK_MAX_S: f64 = LAUNCH_TIME_MAX_S + 7_200.0;

/// The longest link latency of a picture, milliseconds: an hour, far beyond any real relay (the hub's is
/// seconds), short enough that a delayed plot still lands inside the clock's span.
pub const LATENCY_MAX_MS: i64 = 3_600_000;
/// The lowest launch-site height accepted, metres above the ellipsoid: below the Dead Sea shore (-430 m),
/// room for a submarine's launch depth.
pub const SITE_HEIGHT_MIN_M: f64 = -500.0;
/// The highest launch-site height accepted, metres above the ellipsoid: above every mountain, so that a
/// mistyped height is refused instead of flying a missile from orbit.
pub const SITE_HEIGHT_MAX_M: f64 = 10_000.0;
/// The pull-up's apogee, m: the KN-23 flights' reported apogees (JCS: 37 km on 2019-08-06, 50 km on
/// 2019-07-25, 60 km on 2021-09-15) with a little room. Outside it the glide is not the KN-23's.
pub const PULL_UP_APOGEE_MIN_M: f64 = 35_000.0;
pub const PULL_UP_APOGEE_MAX_M: f64 = 60_000.0;

/// The longest aim, metres along the geodesic: 2,000 km short of the antipode (about 20,000 km away). Near
/// the antipode every direction from the site meets, so the Earth's turning under a long flight (a few
/// hundred kilometres at the impact) swings the impact's azimuth by tens of degrees and the aim's line is
/// ill-conditioned. No target of a North Korean missile is that far (the farthest US territory, Puerto Rico,
/// is about 13,600 km from Pyongyang); a missile that could fly further along its line (near orbital speed,
/// eastward) reaches every range up to this.
pub const AIM_RANGE_MAX_M: f64 = 18_000e3;

/// Whether `start_utc_s` is an allowed scenario start.
pub fn start_in_range(start_utc_s: i64) -> bool {
    (START_UTC_MIN_S..=START_UTC_MAX_S).contains(&start_utc_s)
}

/// Whether a launch `launch_time_s` after the start is allowed (finite, not negative, at most a day).
pub fn launch_time_in_range(launch_time_s: f64) -> bool {
    (0.0..=LAUNCH_TIME_MAX_S).contains(&launch_time_s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_bounds_are_the_named_years() {
        assert!(start_in_range(0));
        assert!(start_in_range(START_UTC_MIN_S) && start_in_range(START_UTC_MAX_S));
        assert!(!start_in_range(START_UTC_MIN_S - 1) && !start_in_range(START_UTC_MAX_S + 1));
        // Year 9999 and the ends of i64 are refused.
        assert!(
            !start_in_range(253_402_300_799)
                && !start_in_range(i64::MIN)
                && !start_in_range(i64::MAX)
        );
    }

    #[test]
    fn launch_times_are_finite_and_within_a_day() {
        assert!(launch_time_in_range(0.0) && launch_time_in_range(LAUNCH_TIME_MAX_S));
        for bad in [
            -1.0,
            f64::NAN,
            f64::INFINITY,
            1e300,
            LAUNCH_TIME_MAX_S + 0.001,
        ] {
            assert!(!launch_time_in_range(bad), "{bad}");
        }
    }
}
