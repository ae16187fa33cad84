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
        [378.691, 374.691, 336.691, 316.691],
        [428.250, 423.250, 338.250, 338.250],
        [415.565, 411.565, 341.565, 341.565],
        [427.460, 422.460, 343.460, 340.752],
        [427.922, 422.922, 343.922, 341.628],
        [427.560, 422.560, 344.126, 341.561],
        [409.021, 405.021, 339.021, 337.886],
        [427.361, 422.361, 343.361, 340.669],
    ],
    [
        [321.307, 317.307, 281.307, 249.307],
        [367.993, 362.993, 277.993, 255.993],
        [354.945, 350.945, 288.945, 272.945],
        [367.865, 362.865, 280.905, 266.905],
        [367.614, 362.614, 280.759, 266.759],
        [369.120, 364.120, 281.053, 275.120],
        [345.557, 341.557, 285.624, 263.624],
        [367.900, 362.900, 280.577, 266.577],
    ],
    [
        [351.573, 347.573, 305.573, 285.573],
        [398.212, 393.212, 308.212, 291.212],
        [383.169, 379.169, 313.169, 309.169],
        [399.106, 394.106, 314.106, 309.287],
        [398.717, 393.717, 313.717, 311.124],
        [397.933, 392.933, 313.412, 311.412],
        [371.629, 367.629, 311.678, 297.629],
        [399.034, 394.034, 314.303, 312.303],
    ],
];
/// Each sample's flight time, seconds.
const STUDY_FLIGHT_TIME_S: [f64; 3] = [469.291282073568, 400.453576019878, 435.534158212440];

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
