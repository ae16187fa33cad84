//! Property tests of the command line's scenario runner (`picture run`: `Scenario::from_json`, then
//! `Scenario::run`): whatever a scenario file holds, it is refused with a reason or it runs to the end, with no
//! panic, no hang and no non-finite figure in the table. The corpus of past crashes is kept below as plain tests.
//!
//! `PICTURE_FUZZ_CASES` sets the number of files per property (default 64 for parsing, half of it for the
//! full runs, for CI); raise it for a longer run.

use picture_sim::limits;
use picture_sim::scenario::Scenario;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::mpsc;
use std::time::Duration;

fn cases() -> u32 {
    std::env::var("PICTURE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn example() -> Value {
    serde_json::to_value(Scenario::example()).unwrap()
}

/// A value that is sometimes sensible and sometimes hostile: the ends of the type, huge, tiny, negative.
fn hostile_f64(sensible: std::ops::Range<f64>) -> impl Strategy<Value = f64> {
    prop_oneof![
        12 => sensible,
        1 => prop::sample::select(vec![0.0, -0.0, f64::MAX, f64::MIN, f64::MIN_POSITIVE, 1e300, -1e300, 1e-300]),
        1 => any::<f64>().prop_filter("JSON carries finite numbers only", |v| v.is_finite()),
    ]
}

fn shape() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            12 => prop::sample::select(vec!["min_energy", "lofted", "depressed", "as_reported", "pull_up"]),
            1 => Just("boost_glide"),
        ],
        prop::option::weighted(0.9, hostile_f64(50_000.0..1_500_000.0)),
    )
        .prop_map(|(kind, apogee_m)| match apogee_m {
            Some(a) => json!({ "kind": kind, "apogee_m": a }),
            None => json!({ "kind": kind }),
        })
}

/// One launch of the example, every field replaced by a drawn one.
fn launch() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            12 => prop::sample::select(picture_sim::flight::catalog::ids()),
            1 => Just("no-such-missile"),
        ],
        hostile_f64(0.6..0.75),
        hostile_f64(2.1..2.3),
        hostile_f64(-400.0..3_000.0),
        hostile_f64(0.0..360.0),
        hostile_f64(50_000.0..3_000_000.0),
        shape(),
        prop_oneof![12 => 0i64..600_000, 1 => any::<i64>()],
    )
        .prop_map(|(missile, lat, lon, h, az, range, shape, t_ms)| {
            json!({
                "missile": missile,
                "site": { "lat_rad": lat, "lon_rad": lon, "h_m": h },
                "aim": { "kind": "azimuth_range", "azimuth_deg": az, "range_m": range },
                "shape": shape,
                "launch_time": t_ms,
            })
        })
}

/// A scenario file: the example with drawn launches, seed, start, picture names and latencies.
fn scenario_file(max_launches: usize) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(launch(), usize::from(max_launches < 8)..=max_launches),
        any::<u64>(),
        prop::option::of(prop_oneof![
            12 => limits::START_UTC_MIN_S..=limits::START_UTC_MAX_S,
            1 => any::<i64>(),
        ]),
        prop_oneof![12 => ".{0,16}", 1 => ".{0,80}"],
        prop_oneof![12 => 0i64..10_000, 1 => any::<i64>()],
    )
        .prop_map(|(launches, seed, start, name, latency_ms)| {
            let mut v = example();
            v["launches"] = Value::Array(launches);
            v["seed"] = seed.into();
            if let Some(s) = start {
                v["start_utc_s"] = s.into();
            }
            v["pictures"][0]["name"] = name.into();
            v["pictures"][1]["links"][0]["latency_ms"] = latency_ms.into();
            v
        })
}

/// Runs `scenario` on its own thread: a hang fails the test with its file instead of stalling the suite. The
/// limit is far above a run's cost (well under a second here) so that a busy machine cannot trip it.
fn runs_to_the_end(scenario: Scenario, file: &str) {
    let (done, wait) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(scenario.run().map(|r| r.comparison.to_string()));
    });
    match wait.recv_timeout(Duration::from_secs(600)) {
        Ok(Ok(table)) => {
            // How Rust prints a non-finite f64: a word of its own, not part of a name like "infrared".
            for w in table.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    w != "NaN" && w != "inf",
                    "{w} in the table of {file}:\n{table}"
                );
            }
        }
        // Refused with a reason (a flight the solver cannot shape, say): the runner prints it and exits.
        Ok(Err(e)) => assert!(!e.to_string().is_empty()),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the run did not end: {file}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the run panicked: {file}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_file_is_refused_with_a_field_or_is_within_the_limits(file in scenario_file(40), junk in ".{0,20}") {
        let text = file.to_string();
        for t in [text.clone(), format!("{text}{junk}"), text.replacen(':', &junk, 1)] {
            match Scenario::from_json(&t) {
                Ok(s) => {
                    prop_assert!(!s.launches.is_empty() && s.launches.len() <= limits::LAUNCHES_MAX);
                    prop_assert!(s.pictures.len() <= limits::PICTURES_MAX);
                    for l in &s.launches {
                        prop_assert!(limits::launch_time_in_range(l.launch_time.as_secs()));
                    }
                    if let Some(start) = s.start_utc_s {
                        prop_assert!(limits::start_in_range(start));
                    }
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

proptest! {
    // Each case flies, senses and tracks in five pictures: half as many as the parsing cases.
    #![proptest_config(ProptestConfig::with_cases((cases() / 2).max(1)))]

    #[test]
    fn an_accepted_file_runs_to_the_end(file in scenario_file(1)) {
        let text = file.to_string();
        if let Ok(s) = Scenario::from_json(&text) {
            runs_to_the_end(s, &text);
        }
    }
}

/// Files that once crashed or hung the runner.
#[test]
fn past_crashes_stay_fixed() {
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = example();
        edit(&mut v);
        v.to_string()
    };
    // A launch time beyond `SimTime`'s milliseconds (overflowed in debug, wrapped in release).
    let far = with(&|v| v["launches"][0]["launch_time"] = i64::MAX.into());
    let e = Scenario::from_json(&far).unwrap_err().to_string();
    assert!(e.contains("launches[0].launch_time"), "{e}");
    // A launch site "inf km" away: a height no missile launches from.
    let high = with(&|v| v["launches"][0]["site"]["h_m"] = 1e300.into());
    match Scenario::from_json(&high) {
        Ok(s) => assert!(s.run().is_err()),
        Err(e) => assert!(e.to_string().contains("h_m"), "{e}"),
    }
    // A salvo of 10,000 launches (tracking cost grew as the square of the concurrent launches).
    let salvo = with(&|v| {
        let one = v["launches"][0].clone();
        v["launches"] = Value::Array(vec![one; 10_000]);
    });
    let e = Scenario::from_json(&salvo).unwrap_err().to_string();
    assert!(e.contains("launches") && e.contains("32"), "{e}");
    // A start in the year 9999 (the clock's calendar panicked).
    let late = with(&|v| v["start_utc_s"] = 253_402_300_000i64.into());
    let e = Scenario::from_json(&late).unwrap_err().to_string();
    assert!(e.contains("start_utc_s"), "{e}");
}
