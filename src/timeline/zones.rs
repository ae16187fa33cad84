//! The clock in UTC, JST and KST: the scenario's start instant plus the time after launch, as each reader
//! names it. Japan and Korea keep no daylight saving, so both are a fixed UTC+9. Pure, tested natively.

use time::{OffsetDateTime, UtcOffset};

/// The default scenario start: the 2017-08-29 Hwasong-12, launched at 05:58 JST (JMOD, see
/// `data/reference/launches.csv`), which is 20:58 UTC on 28 August.
pub const DEFAULT_START_UTC_S: i64 = 1_503_953_880;

/// A named time zone of the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    pub offset_h: i8,
}

pub const UTC: Zone = Zone {
    name: "UTC",
    offset_h: 0,
};
pub const JST: Zone = Zone {
    name: "JST",
    offset_h: 9,
};
pub const KST: Zone = Zone {
    name: "KST",
    offset_h: 9,
};
pub const ZONES: [Zone; 3] = [UTC, JST, KST];

/// Why a clock reading cannot be shown. The message takes the reading's place on the clock.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ZoneError {
    /// A time after the start that is not a number.
    #[error("time: {t_s} is not a number of seconds")]
    NotANumber { t_s: f64 },
    /// A zone whose offset is not a valid UTC offset.
    #[error("{zone}: {reason}")]
    Offset { zone: &'static str, reason: String },
    /// An instant outside the calendar's range.
    #[error("time: {0}")]
    OutOfRange(String),
}

/// `start_utc_s + t_s` in `zone` as `YYYY-MM-DD hh:mm:ss`, or why it cannot be shown.
///
/// # Units
/// `start_utc_s`: seconds since 1970-01-01T00:00Z; `t_s`: seconds after the start (floored to the second).
pub fn wall_clock(start_utc_s: i64, t_s: f64, zone: Zone) -> Result<String, ZoneError> {
    if !t_s.is_finite() {
        return Err(ZoneError::NotANumber { t_s });
    }
    let at = start_utc_s.saturating_add(t_s.floor() as i64);
    let offset = UtcOffset::from_hms(zone.offset_h, 0, 0).map_err(|e| ZoneError::Offset {
        zone: zone.name,
        reason: e.to_string(),
    })?;
    // `to_offset` panics when the shifted date leaves the calendar (year 9999 + 9 h): shift the instant
    // ourselves, checked, and read the shifted instant's calendar fields as UTC.
    let local = at
        .checked_add(i64::from(offset.whole_seconds()))
        .ok_or_else(|| ZoneError::OutOfRange(format!("{at} s is beyond the calendar")))?;
    let dt = OffsetDateTime::from_unix_timestamp(local)
        .map_err(|e| ZoneError::OutOfRange(e.to_string()))?;
    Ok(format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        dt.year(),
        u8::from(dt.month()),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    ))
}

/// Only the time of day (`hh:mm:ss`) of [`wall_clock`], for a narrow clock bar.
pub fn time_of_day(start_utc_s: i64, t_s: f64, zone: Zone) -> Result<String, ZoneError> {
    wall_clock(start_utc_s, t_s, zone).map(|s| s.get(11..).unwrap_or(&s).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_start_is_the_reported_launch_time() {
        // JMOD: launched 05:58 JST on 29 August 2017.
        assert_eq!(
            wall_clock(DEFAULT_START_UTC_S, 0.0, JST).unwrap(),
            "2017-08-29 05:58:00"
        );
        assert_eq!(
            wall_clock(DEFAULT_START_UTC_S, 0.0, UTC).unwrap(),
            "2017-08-28 20:58:00"
        );
        // And it overflew Hokkaido and fell 14 minutes later, 06:12 JST.
        assert_eq!(
            time_of_day(DEFAULT_START_UTC_S, 14.0 * 60.0, KST).unwrap(),
            "06:12:00"
        );
    }

    #[test]
    fn crosses_midnight_and_the_date_line_of_the_offset() {
        // 23:59:59 UTC on 31 Dec 2023 is 08:59:59 on 1 Jan 2024 in Tokyo and Seoul.
        let start = 1_704_067_199;
        assert_eq!(wall_clock(start, 0.0, UTC).unwrap(), "2023-12-31 23:59:59");
        assert_eq!(wall_clock(start, 0.0, JST).unwrap(), "2024-01-01 08:59:59");
        assert_eq!(wall_clock(start, 1.9, UTC).unwrap(), "2024-01-01 00:00:00");
    }

    #[test]
    fn bad_times_are_messages() {
        let e = wall_clock(0, f64::NAN, UTC).unwrap_err();
        assert_eq!(e.to_string(), "time: NaN is not a number of seconds");
        assert!(wall_clock(i64::MAX, 0.0, UTC).is_err());
    }

    #[test]
    fn no_instant_panics_in_any_zone() {
        // 9999-12-31T23:59:59Z: valid in UTC, beyond the calendar nine hours later (used to panic).
        let last = 253_402_300_799;
        assert_eq!(wall_clock(last, 0.0, UTC).unwrap(), "9999-12-31 23:59:59");
        assert!(wall_clock(last, 0.0, JST).is_err());
        for start in [
            i64::MIN,
            i64::MIN + 1,
            -377_705_116_800,
            last - 1,
            last + 1,
            i64::MAX,
        ] {
            for t in [0.0, -1.0, 1.0, 1.79e308, -1.79e308, f64::MAX, f64::MIN] {
                for zone in ZONES {
                    let _ = wall_clock(start, t, zone);
                    let _ = time_of_day(start, t, zone);
                }
            }
        }
    }
}
