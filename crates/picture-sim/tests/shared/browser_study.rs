// The study run natively (`crates/picture-sim/tests/study.rs`) and in Chromium (`tests/web.rs`), and the
// figures both must give. Included by both tests (`include!`), so the two cannot drift apart.
//
// The browser's `sin`, `atan2`, `exp` and `ln` (Rust's libm port) differ from the native ones (glibc) in the last
// bits; the aimed solver stops within its tolerance at a flight some centimetres and microseconds away, whose
// impact time then rounds to another millisecond. So the browser's figures equal the native ones to within
// a millisecond of warning time and a millisecond of flight time, not bit for bit.

/// The example scenario, three samples of every default bound, seed 2024.
fn browser_study() -> picture_sim::study::Study {
    use picture_sim::scenario::Scenario;
    use picture_sim::study::{Guidance, Sampling, Study, StudySettings, Uncertainties};
    Study::new(
        &Scenario::example(),
        &Uncertainties::default(),
        StudySettings {
            runs: 3,
            seed: 2024,
            sampling: Sampling::LatinHypercube,
            guidance: Guidance::Aimed,
        },
    )
    .unwrap()
}

/// Per sample, per picture (the example's eight), the warning time left at each event, seconds: the native
/// study's figures.
const STUDY_WARNING_LEFT_S: [[[f64; 4]; 8]; 3] = [
    [
        [367.323, 363.323, 327.323, 307.323],
        [418.882, 413.882, 328.882, 306.882],
        [406.197, 402.197, 332.197, 328.197],
        [418.092, 413.092, 331.384, 328.092],
        [418.554, 413.554, 332.260, 328.554],
        [418.192, 413.192, 332.193, 328.758],
        [399.653, 395.653, 328.518, 325.653],
        [417.993, 412.993, 331.301, 327.993],
    ],
    [
        [331.401, 327.401, 297.401, 261.401],
        [380.087, 375.087, 290.087, 284.087],
        [367.039, 363.039, 301.039, 285.039],
        [379.959, 374.959, 300.999, 280.999],
        [379.708, 374.708, 300.853, 280.853],
        [381.214, 376.214, 301.147, 289.147],
        [357.651, 353.651, 297.718, 271.718],
        [379.994, 374.994, 300.671, 287.994],
    ],
    [
        [335.918, 331.918, 289.918, 279.918],
        [384.557, 379.557, 294.557, 277.557],
        [369.514, 365.514, 295.514, 281.514],
        [385.451, 380.451, 295.632, 281.157],
        [385.062, 380.062, 295.469, 281.400],
        [384.278, 379.278, 295.757, 281.143],
        [357.974, 353.974, 290.023, 288.023],
        [385.379, 380.379, 296.648, 282.501],
    ],
];
/// Each sample's flight time, seconds.
const STUDY_FLIGHT_TIME_S: [f64; 3] = [459.923975830830, 412.547871629999, 421.879223939245];

/// Checks a run of [`browser_study`] against the native figures: warning times within 1.5 ms (one millisecond
/// of rounding), flight times within 1 ms.
fn check_browser_study(samples: &[picture_sim::study::SampleResult]) {
    assert_eq!(samples.len(), 3);
    for (k, s) in samples.iter().enumerate() {
        let f = s.figures.as_ref().expect("the sample flew");
        assert!(
            (f.flights[0].flight_time_s - STUDY_FLIGHT_TIME_S[k]).abs() < 1e-3,
            "sample {k}: flight time {} s",
            f.flights[0].flight_time_s
        );
        assert_eq!(f.warning_left_s.len(), 8);
        for (p, row) in f.warning_left_s.iter().enumerate() {
            for (e, w) in row.iter().enumerate() {
                let w = w.expect("every event reached");
                let want = STUDY_WARNING_LEFT_S[k][p][e];
                assert!((w - want).abs() < 1.5e-3, "sample {k}, picture {p}, event {e}: {w} s, native {want} s");
            }
        }
    }
}
