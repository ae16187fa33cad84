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
        [472.579, 468.579, 430.579, 410.579],
        [522.138, 517.138, 438.138, 428.138],
        [509.453, 505.453, 439.453, 435.453],
        [521.348, 516.348, 438.640, 437.348],
        [521.810, 516.810, 439.516, 437.810],
        [521.448, 516.448, 439.449, 437.448],
        [502.909, 498.909, 432.909, 431.774],
        [521.249, 516.249, 438.557, 437.249],
    ],
    [
        [472.522, 468.522, 440.522, 420.522],
        [519.208, 514.208, 447.208, 444.208],
        [506.160, 502.160, 448.160, 442.160],
        [519.080, 514.080, 448.120, 445.080],
        [518.829, 513.829, 447.974, 444.829],
        [520.335, 515.335, 448.335, 324.931],
        [496.772, 492.772, 440.839, 438.839],
        [519.115, 514.115, 447.792, 445.115],
    ],
    [
        [475.467, 471.467, 437.467, 427.467],
        [522.106, 517.106, 439.106, 432.106],
        [507.063, 503.063, 441.063, 435.063],
        [523.000, 518.000, 443.181, 440.000],
        [522.611, 517.611, 442.949, 439.611],
        [521.827, 516.827, 442.692, 438.827],
        [495.523, 491.523, 437.572, 427.572],
        [522.928, 517.928, 443.928, 439.928],
    ],
];
/// Each sample's flight time, seconds.
const STUDY_FLIGHT_TIME_S: [f64; 3] = [563.179594954132, 551.668918952120, 559.428677196908];

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
