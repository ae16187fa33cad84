//! Validation of the flight model against public figures: every reported launch in
//! `../shared/reference/launches.csv` flown "as reported" (its site, azimuth, apogee and range) must take the
//! reported time within 2 %, and no flight may be shorter than the Keplerian bound.

mod common;

use picture_sim::earth::{Geodetic, EARTH_ROTATION_RAD_S, MEAN_RADIUS_M};
use picture_sim::flight::{self, kepler, Aim, LaunchRequest, Shape};
use picture_sim::SimTime;
use std::fmt::Write;

/// Reports the model cannot match within 2 % with any one set of vehicle parameters, with the reason. Each is
/// still held to a wider bound so that a regression shows.
///
/// 2017-08-29 Hwasong-12: JMOD timed it from 05:58 to 06:12 JST (whole minutes: 13 to 15 min, "about 14
/// min"; JCS gave the launch as 05:57, which makes it nearer 15 min). The reported 840 s is only about 15 s
/// above the rotating-Earth Keplerian bound (the `rot_bound_s` column: the free flight with that apogee to a
/// target carried east by the Earth's rotation), for a missile that burns for about 110 s, and while the
/// missile burns it covers at most half the ground a free flight at its burnout speed would: no powered
/// flight of a Hwasong-12 can take under about 880 s (bound plus half the burn). The 2017-09-15 and
/// 2022-10-04 flights of the same missile on similar paths are 80 s above that bound, and the model matches
/// them within 1 %. The model (908 s) is 8 % long here: the report, not the model, is off.
const KNOWN_OUTLIERS: [(&str, f64); 1] = [("2017-08-29", 10.0)];

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
        "{:<11} {:<11} {:>9} {:>8} {:>9} {:>9} {:>7} {:>9} {:>12} {:>8} {:>8}",
        "date",
        "missile",
        "apogee_km",
        "range_km",
        "report_s",
        "model_s",
        "err_%",
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
                writeln!(
                    table,
                    "{:<11} {:<11} {:>9.1} {:>8.1} {:>9.0} {:>9.0} {:>7.2} {:>9.0} {:>12.0} {:>8.3} {:>8.2}",
                    l.date,
                    l.missile,
                    s.apogee_m / 1e3,
                    s.range_m / 1e3,
                    l.flight_time_s,
                    s.flight_time_s,
                    err,
                    kepler_s,
                    rot_bound_s,
                    s.energy,
                    s.pitch_final_deg
                )
                .unwrap();
                let allowed = KNOWN_OUTLIERS
                    .iter()
                    .find(|o| o.0 == l.date)
                    .map_or(2.0, |o| o.1);
                if err.abs() > allowed {
                    failures.push(format!("{} {}: {err:.2} %", l.date, l.missile));
                }
                if (s.apogee_m / 1e3 - l.apogee_km).abs() > 1.0
                    || (s.range_m / 1e3 - l.range_km).abs() > 1.0
                {
                    failures.push(format!(
                        "{} {}: apogee/range not matched",
                        l.date, l.missile
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
        "known outliers (wider bound, see KNOWN_OUTLIERS): {:?}",
        KNOWN_OUTLIERS
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
