//! The absolute time of a launch, for exports that need calendar time (CZML). Integer milliseconds since the
//! Unix epoch (UTC), formatted as ISO 8601 without a time-zone library (Howard Hinnant's civil-from-days).

/// A UTC instant.
///
/// # Units
/// Milliseconds since 1970-01-01T00:00:00Z, leap seconds ignored (as Unix time and ISO 8601 strings do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcMs(pub i64);

impl UtcMs {
    /// The instant `utc_s` seconds after the Unix epoch. Saturates at the ends of `i64` rather than wrapping:
    /// the start is validated where it enters, this only keeps a bypassed check from panicking.
    pub fn from_secs(utc_s: i64) -> UtcMs {
        UtcMs(utc_s.saturating_mul(1000))
    }

    /// The instant `dt_s` seconds later (rounded to the millisecond), saturating like [`UtcMs::from_secs`].
    pub fn plus_s(self, dt_s: f64) -> UtcMs {
        // `as` saturates a float (NaN gives 0); the add is the part that could overflow.
        UtcMs(self.0.saturating_add((dt_s * 1000.0).round() as i64))
    }

    /// "2017-11-28T18:17:00Z", with milliseconds when there are any.
    pub fn iso(self) -> String {
        let days = self.0.div_euclid(86_400_000);
        let ms_of_day = self.0.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(days);
        let (h, min, s, ms) = (
            ms_of_day / 3_600_000,
            ms_of_day / 60_000 % 60,
            ms_of_day / 1000 % 60,
            ms_of_day % 1000,
        );
        if ms == 0 {
            format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z")
        } else {
            format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{ms:03}Z")
        }
    }
}

/// (year, month 1-12, day 1-31) of a count of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(UtcMs(0).iso(), "1970-01-01T00:00:00Z");
        // 2017-11-28T18:17:00Z, the Hwasong-15 launch (date -u -d ... +%s).
        assert_eq!(UtcMs(1_511_893_020_000).iso(), "2017-11-28T18:17:00Z");
        assert_eq!(
            UtcMs(951_782_400_000).iso(),
            "2000-02-29T00:00:00Z",
            "leap day"
        );
        assert_eq!(
            UtcMs(1_511_893_020_000).plus_s(61.25).iso(),
            "2017-11-28T18:18:01.250Z"
        );
        assert_eq!(UtcMs(-1000).iso(), "1969-12-31T23:59:59Z");
    }
}
