//! Validation of the flight model against public figures: every reported launch in
//! `data/reference/launches.csv` flown "as reported" (its site, azimuth, apogee and range) must take the
//! reported time within 2 %, and no flight may be shorter than the Keplerian bound.
//!
//! "The reported time" is what the report allows (see [`report_window_s`]). That matters for one row:
//! 2017-08-29, which JMOD timed from 05:58 to 06:12 JST in whole minutes, so anywhere from 13 to 15 minutes.
//! The figure 840 s is only 15 s above the rotating-Earth Keplerian bound for that apogee and range, while the
//! same missile's 2017-09-15 and 2022-10-04 flights are about 80 s above theirs (the time a Hwasong-12 needs to
//! burn and to fall through the air), and the model matches both within 1 %. The model's 908 s is 8 % above the
//! figure and within 1 % of the longest flight the two clock times allow.

mod common;

use picture_sim::earth::{Geodetic, EARTH_ROTATION_RAD_S, MEAN_RADIUS_M};
use picture_sim::flight::{self, kepler, Aim, LaunchRequest, Shape};
use picture_sim::SimTime;
use std::fmt::Write;

/// The flight times a report allows, s: `(earliest, latest)`.
///
/// Most reports give one figure, and the model is held to 2 % of it. Where the notes give the launch and
/// impact as whole-minute clock times that make the reported minutes ("~14 min (05:58-06:12 JST)"), the report
/// is those two times: each is somewhere within its minute, so the flight took more than one minute less and
/// less than one minute more than their difference. The model is then held to 2 % of that window. (Other
/// clock times in the notes, such as when a missile passed over Hokkaido, do not make the reported minutes and
/// change nothing.)
fn report_window_s(l: &common::Launch) -> (f64, f64) {
    let clock_min = |t: &str| -> Option<f64> {
        let (h, m) = t.trim().split_once(':')?;
        Some(h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?)
    };
    let window = l.notes.split('(').skip(1).find_map(|part| {
        let inner = part.split(')').next()?.strip_suffix(" JST")?;
        let (from, to) = inner.split_once('-')?;
        let minutes = clock_min(to)? - clock_min(from)?;
        ((minutes * 60.0 - l.flight_time_s).abs() < 0.5)
            .then_some((l.flight_time_s - 60.0, l.flight_time_s + 60.0))
    });
    window.unwrap_or((l.flight_time_s, l.flight_time_s))
}

#[test]
fn a_report_in_clock_minutes_allows_the_minute_either_side() {
    let l = |notes: &str| common::Launch {
        date: "2017-08-29".into(),
        missile: "hwasong-12".into(),
        site_lat: 39.2,
        site_lon: 125.673,
        azimuth_deg: 75.4,
        apogee_km: 550.0,
        range_km: 2700.0,
        flight_time_s: 840.0,
        notes: notes.into(),
    };
    assert_eq!(
        report_window_s(&l("JMOD ~14 min (05:58-06:12 JST); overflew Hokkaido")),
        (780.0, 900.0)
    );
    // Clock times that are not the launch and impact (an overflight) leave the single figure.
    assert_eq!(
        report_window_s(&l("~14 min; over Hokkaido (07:04-07:06 JST)")),
        (840.0, 840.0)
    );
    assert_eq!(report_window_s(&l("KCNA 840 s")), (840.0, 840.0));
}

/// The Keplerian bound of [`kepler::bound_time_s`] for a launch from latitude `lat_deg` on azimuth
/// `azimuth_deg` over the rotating Earth: the target moves east while the missile flies, so in inertial
/// space the range is longer by the target's eastward travel along the path (fixed-point iteration), s.
fn rotating_bound_s(apogee_m: f64, range_m: f64, lat_deg: f64, azimuth_deg: f64) -> Option<f64> {
    let east_m_s = EARTH_ROTATION_RAD_S * MEAN_RADIUS_M * lat_deg.to_radians().cos();
    let along_m_s = east_m_s * azimuth_deg.to_radians().sin();
    let mut t_s = kepler::bound_time_s(apogee_m, range_m, MEAN_RADIUS_M)?;
    for _ in 0..30 {
        t_s = kepler::bound_time_s(apogee_m, range_m + along_m_s * t_s, MEAN_RADIUS_M)?;
    }
    Some(t_s)
}

#[test]
fn reported_launches_fly_within_two_percent_of_the_reported_time() {
    let mut table = String::new();
    writeln!(
        table,
        "{:<11} {:<11} {:>9} {:>8} {:>9} {:>9} {:>9} {:>7} {:>9} {:>9} {:>12} {:>8} {:>8}",
        "date",
        "missile",
        "apogee_km",
        "range_km",
        "report_s",
        "window_s",
        "model_s",
        "err_%",
        "vs_win_%",
        "kepler_s",
        "rot_bound_s",
        "energy",
        "pitch"
    )
    .unwrap();
    let mut failures = Vec::new();
    for l in common::launches() {
        let request = LaunchRequest {
            missile: l.missile.clone(),
            site: Geodetic::from_deg(l.site_lat, l.site_lon, 0.0).expect("valid site"),
            aim: Aim::AzimuthRange {
                azimuth_deg: l.azimuth_deg,
                range_m: l.range_km * 1e3,
            },
            shape: Shape::AsReported {
                apogee_m: l.apogee_km * 1e3,
            },
            launch_time: SimTime::ZERO,
        };
        let kepler_s = kepler::bound_time_s(l.apogee_km * 1e3, l.range_km * 1e3, MEAN_RADIUS_M)
            .expect("valid bound");
        let rot_bound_s = rotating_bound_s(
            l.apogee_km * 1e3,
            l.range_km * 1e3,
            l.site_lat,
            l.azimuth_deg,
        )
        .expect("valid bound");
        match flight::fly(&request) {
            Ok(f) => {
                let s = &f.summary;
                let err = 100.0 * (s.flight_time_s - l.flight_time_s) / l.flight_time_s;
                let (lo, hi) = report_window_s(&l);
                // Distance from the window, as a percentage of its nearer end (0 inside it).
                let err_window = if s.flight_time_s > hi {
                    100.0 * (s.flight_time_s - hi) / hi
                } else if s.flight_time_s < lo {
                    100.0 * (s.flight_time_s - lo) / lo
                } else {
                    0.0
                };
                writeln!(
                    table,
                    "{:<11} {:<11} {:>9.1} {:>8.1} {:>9.0} {:>9} {:>9.0} {:>7.2} {:>9.2} {:>9.0} {:>12.0} {:>8.3} {:>8.2}",
                    l.date,
                    l.missile,
                    s.apogee_m / 1e3,
                    s.range_m / 1e3,
                    l.flight_time_s,
                    if lo < hi { format!("{lo:.0}-{hi:.0}") } else { "-".to_string() },
                    s.flight_time_s,
                    err,
                    err_window,
                    kepler_s,
                    rot_bound_s,
                    s.energy,
                    s.pitch_final_deg
                )
                .unwrap();
                if err_window.abs() > 2.0 {
                    failures.push(format!(
                        "{} {}: {err_window:.2} % from the reported {lo:.0}-{hi:.0} s",
                        l.date, l.missile
                    ));
                }
                if (s.apogee_m / 1e3 - l.apogee_km).abs() > 1.0
                    || (s.range_m / 1e3 - l.range_km).abs() > 1.0
                {
                    failures.push(format!(
                        "{} {}: apogee/range not matched",
                        l.date, l.missile
                    ));
                }
                if f.adjustments().is_some_and(|a| a.contradicts_catalog()) {
                    failures.push(format!(
                        "{} {}: flown outside the catalog's bounds: {:?}",
                        l.date,
                        l.missile,
                        f.adjustments()
                    ));
                }
                if s.flight_time_s < kepler_s.max(rot_bound_s) {
                    failures.push(format!(
                        "{} {}: shorter than the Keplerian bound",
                        l.date, l.missile
                    ));
                }
            }
            Err(e) => {
                writeln!(table, "{:<11} {:<11} error: {e}", l.date, l.missile).unwrap();
                failures.push(format!("{} {}: {e}", l.date, l.missile));
            }
        }
    }
    writeln!(
        table,
        "err_%: against the reported figure; vs_win_%: against the flight times the report allows (the test, 2 %)"
    )
    .unwrap();
    // Straight to the process's stdout, not through `println!`, which the test harness captures: the table
    // shows in every `cargo test` run (and CI logs), with or without `--nocapture`.
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "\nflight model vs reported launches (as-reported solve)\n{table}"
        );
        let _ = out.flush();
    }
    let out = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/flight_validation.txt"
    ));
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(out, &table);
    assert!(
        failures.is_empty(),
        "validation failures:\n{}\n{table}",
        failures.join("\n")
    );
}

/// A report that no flight inside the catalog's bounds matches is flown as near as they allow: at the
/// reported range, with the lightest payload the sources state, on the side of the minimum-energy path the
/// report lies on; and it is the nearest, since a report 20 km nearer that flight is met inside the bounds.
#[test]
fn a_report_beyond_the_catalogs_bounds_flies_the_nearest_flight_inside_them() {
    let fly = |missile: &str, range_km: f64, apogee_km: f64| {
        flight::fly(&LaunchRequest {
            missile: missile.into(),
            site: Geodetic::from_deg(39.2, 125.673, 0.0).expect("valid site"),
            aim: Aim::AzimuthRange {
                azimuth_deg: 90.0,
                range_m: range_km * 1e3,
            },
            shape: Shape::AsReported {
                apogee_m: apogee_km * 1e3,
            },
            launch_time: SimTime::ZERO,
        })
        .unwrap_or_else(|e| panic!("{missile} {range_km} km, {apogee_km} km apogee: {e}"))
    };
    // Too high: a Hwasong-19 to 9,000 km over 1,000 km. Too low: a Hwasong-12 to 100 km over 2,700 km.
    for (missile, range_km, reported_km, sign) in [
        ("hwasong-19", 1_000.0, 9_000.0, -1.0),
        ("hwasong-12", 2_700.0, 100.0, 1.0),
    ] {
        let f = fly(missile, range_km, reported_km);
        let miss = f.report_miss.expect("the report is not met");
        assert_eq!(miss.reported_apogee_m, reported_km * 1e3);
        assert!((miss.flown_apogee_m - f.summary.apogee_m).abs() < 1e-6);
        assert_eq!(miss.apogee_error_m().signum(), sign, "{missile}: {miss:?}");
        assert!(
            (f.summary.range_m / 1e3 - range_km).abs() < 1.0,
            "{missile}: {} m",
            f.summary.range_m
        );
        let a = f.adjustments().expect("a catalog missile");
        assert!(a.contradicts_catalog());
        let payload = a.payload.expect("the lightest payload");
        let low = payload.allowed.expect("bounds").low;
        assert!(
            (payload.factor - low).abs() < 1e-9,
            "{missile}: {payload:?}"
        );
        assert!(payload.within_catalog());
        assert!(a
            .sentences()
            .iter()
            .any(|s| s.starts_with("The report does not fit")));
        // The boundary: 20 km nearer the flown flight, the report is met inside the bounds.
        let nearer_km = miss.flown_apogee_m / 1e3 + sign * 20.0;
        let met = fly(missile, range_km, nearer_km);
        assert!(
            met.report_miss.is_none(),
            "{missile} at {nearer_km} km: {:?}",
            met.report_miss
        );
        assert!((met.summary.apogee_m / 1e3 - nearer_km).abs() < 1.0);
    }
}
