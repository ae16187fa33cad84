//! Validation of the flight model against public figures: every reported launch in
//! `../shared/reference/launches.csv` flown "as reported" (its site, azimuth, apogee and range) must take the
//! reported time within 2 %, and no flight may be shorter than the Keplerian bound.

mod common;

use picture_sim::earth::{Geodetic, MEAN_RADIUS_M};
use picture_sim::flight::{self, kepler, Aim, LaunchRequest, Shape};
use picture_sim::SimTime;
use std::fmt::Write;

/// Reports the model cannot match within 2 % with any one set of vehicle parameters, with the reason. Each is
/// still held to a wider bound so that a regression shows.
///
/// 2017-08-29 Hwasong-12: JMOD timed it from 05:58 to 06:12 JST (whole minutes: 13 to 15 min, "about 14
/// min"). Its reported time exceeds the Keplerian bound by only 34 s, against 107 s and 115 s for the
/// 2017-09-15 and 2022-10-04 flights of the same missile on similar paths (KCNA- or minute-timed); no burn
/// time fits all three. The model (about 100 s over the bound, like the other two) is 8 % long here.
const KNOWN_OUTLIERS: [(&str, f64); 1] = [("2017-08-29", 10.0)];

#[test]
fn reported_launches_fly_within_two_percent_of_the_reported_time() {
    let mut table = String::new();
    writeln!(
        table,
        "{:<11} {:<11} {:>9} {:>8} {:>9} {:>9} {:>7} {:>9} {:>8} {:>8}",
        "date",
        "missile",
        "apogee_km",
        "range_km",
        "report_s",
        "model_s",
        "err_%",
        "kepler_s",
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
        match flight::fly(&request) {
            Ok(f) => {
                let s = &f.summary;
                let err = 100.0 * (s.flight_time_s - l.flight_time_s) / l.flight_time_s;
                writeln!(
                    table,
                    "{:<11} {:<11} {:>9.1} {:>8.1} {:>9.0} {:>9.0} {:>7.2} {:>9.0} {:>8.3} {:>8.2}",
                    l.date,
                    l.missile,
                    s.apogee_m / 1e3,
                    s.range_m / 1e3,
                    l.flight_time_s,
                    s.flight_time_s,
                    err,
                    kepler_s,
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
                if s.flight_time_s < kepler_s {
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
