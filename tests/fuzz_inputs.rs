//! Property tests: whatever a link, a scenario file or stored state holds (stored state is a scenario file, read
//! by the same `AppScenario::from_json`), opening it never panics, and what is accepted survives what the page
//! does next (the clock in every zone, the CZML time arithmetic, and for small scenarios the flights and the
//! pictures).
//!
//! `PICTURE_FUZZ_CASES` sets the number of cases per property (default 64, for CI); raise it for a longer run.
#![cfg(not(target_arch = "wasm32"))]

use picture_sim::limits;
use proptest::prelude::*;
use shared_picture::export::epoch::UtcMs;
use shared_picture::present::flight::FlightView;
use shared_picture::scenario::link::{decode, encode};
use shared_picture::scenario::model::AppScenario;
use shared_picture::scenario::presets::PRESETS;
use shared_picture::timeline::zones::{wall_clock, ZONES};

fn cases() -> u32 {
    std::env::var("PICTURE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn catalog() -> Vec<String> {
    picture_sim::sensors::catalog()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect()
}

/// What the page does with an accepted scenario at clock `t_s`, short of flying it.
fn the_page_uses(s: &AppScenario, t_s: f64) {
    assert!(limits::start_in_range(s.start_utc_s), "{}", s.start_utc_s);
    for zone in ZONES {
        wall_clock(s.start_utc_s, t_s, zone).expect("an accepted start and time show on the clock");
    }
    let start = UtcMs::from_secs(s.start_utc_s);
    for l in &s.launches {
        let _ = start.plus_s(l.offset_s + t_s).iso();
    }
    assert!(s.launches.len() <= limits::LAUNCHES_MAX);
    assert!(s.pictures.len() <= limits::PICTURES_MAX);
}

/// What the page does next with a small accepted scenario: flies each launch as the launch list does, then
/// senses and tracks in every picture (the core's run, the pipeline the page's analyses call). Either may
/// refuse with a reason (a launch the solver cannot shape); neither may panic or give a non-finite figure.
fn the_page_flies_and_tracks(s: &AppScenario) {
    if s.launches.len() > 2 {
        return;
    }
    for l in &s.launches {
        match FlightView::fly_at(&l.form, l.offset_s) {
            Ok(f) => {
                assert!(f.duration_s().is_finite() && f.duration_s() > 0.0);
                assert!(f
                    .track
                    .iter()
                    .all(|p| p.range_km.is_finite() && p.alt_km.is_finite()));
            }
            Err(e) => assert!(!e.is_empty()),
        }
    }
    if let Ok(file) = s.to_file() {
        match file.run() {
            Ok(run) => {
                let table = run.comparison.to_string();
                for w in table.split(|c: char| !c.is_alphanumeric()) {
                    assert!(w != "NaN" && w != "inf", "{table}");
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_fragment_opens_or_explains(fragment in ".{0,300}") {
        let catalog = catalog();
        if let Ok(Some(link)) = decode(&fragment, &catalog) {
            the_page_uses(&link.scenario, link.time_s.unwrap_or(0.0));
        }
    }

    #[test]
    fn a_mutated_link_opens_or_explains(
        preset in 0..PRESETS.len(),
        t_s in prop_oneof![3 => 0.0..limits::CLOCK_MAX_S, 1 => any::<f64>()],
        start in prop_oneof![3 => limits::START_UTC_MIN_S..=limits::START_UTC_MAX_S, 1 => any::<i64>()],
        cut in any::<usize>(),
        byte in any::<u8>(),
    ) {
        let catalog = catalog();
        let mut s = PRESETS[preset].scenario();
        s.start_utc_s = start;
        let link = encode(&s, t_s, &catalog).unwrap();
        // The link as written, and with one byte replaced.
        let mut bytes = link.clone().into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let mutated = String::from_utf8_lossy(&bytes).into_owned();
        for text in [link, mutated] {
            if let Ok(Some(opened)) = decode(&text, &catalog) {
                the_page_uses(&opened.scenario, opened.time_s.unwrap_or(0.0));
                the_page_flies_and_tracks(&opened.scenario);
            }
        }
    }

    #[test]
    fn any_scenario_file_imports_or_explains(
        start in prop_oneof![3 => limits::START_UTC_MIN_S..=limits::START_UTC_MAX_S, 1 => any::<i64>()],
        launch_ms in prop_oneof![3 => 0i64..600_000, 1 => any::<i64>()],
        copies in prop_oneof![3 => 1usize..=2, 1 => 0usize..40],
        seed in any::<u64>(),
        junk in ".{0,40}",
    ) {
        let mut v = serde_json::to_value(PRESETS[0].scenario().to_file().unwrap()).unwrap();
        v["start_utc_s"] = start.into();
        v["seed"] = seed.into();
        let mut one = v["launches"][0].clone();
        one["launch_time"] = launch_ms.into();
        v["launches"] = serde_json::Value::Array(vec![one; copies]);
        let text = v.to_string();
        for t in [text.clone(), format!("{text}{junk}"), text.replacen('{', &junk, 1)] {
            if let Ok(s) = AppScenario::from_json(&t) {
                the_page_uses(&s, 0.0);
                the_page_flies_and_tracks(&s);
            }
        }
    }
}

#[test]
fn past_crashes_stay_fixed() {
    let catalog = catalog();
    let base = PRESETS[0].scenario();
    let mut late = base.clone();
    late.start_utc_s = 253_402_300_000;
    assert!(late.to_file().is_err());
    assert!(decode(&encode(&late, 0.0, &catalog).unwrap(), &catalog).is_err());
    let link = encode(&base, 0.0, &catalog).unwrap();
    assert!(decode(&link.replace("&t=0", "&t=1.79e308"), &catalog).is_err());
    let mut salvo = base.clone();
    salvo.launches = vec![base.launches[0].clone(); 10_000];
    assert!(salvo.to_file().is_err());
    let mut huge = base;
    huge.launches[0].offset_s = 9.2e15;
    assert!(huge.to_file().is_err());
}
