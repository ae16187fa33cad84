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
        [374.691, 370.691, 336.691, 316.691],
        [428.250, 423.250, 338.250, 338.250],
        [413.565, 409.565, 343.565, 337.565],
        [427.460, 422.460, 342.752, 337.460],
        [427.922, 422.922, 343.628, 337.922],
        [427.560, 422.560, 343.561, 335.561],
        [407.021, 403.021, 337.886, 335.021],
        [427.361, 422.361, 342.669, 337.361],
    ],
    [
        [315.307, 311.307, 283.307, 249.307],
        [367.993, 362.993, 277.993, 255.993],
        [354.945, 350.945, 288.945, 262.945],
        [367.865, 362.865, 287.865, 270.905],
        [367.614, 362.614, 287.614, 270.759],
        [369.120, 364.120, 281.053, 263.053],
        [345.557, 341.557, 283.624, 251.557],
        [367.900, 362.900, 287.900, 262.577],
    ],
    [
        [347.573, 343.573, 309.573, 295.573],
        [398.212, 393.212, 308.212, 291.212],
        [381.169, 377.169, 313.169, 311.169],
        [399.106, 394.106, 313.287, 311.287],
        [398.717, 393.717, 313.055, 311.055],
        [397.933, 392.933, 312.798, 310.798],
        [369.629, 365.629, 309.678, 303.678],
        [399.034, 394.034, 314.156, 312.156],
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
