//! The model's version guard: the example scenario's figures, written out, must equal the golden text of the
//! current model version. A change that moves any of them fails here until `MODEL_VERSION` is bumped, its
//! change is described in `MODEL_CHANGES`, and the golden text is written again (see `picture_sim::model`).

use picture_sim::model::MODEL_VERSION;
use picture_sim::scenario::Scenario;
use picture_sim::tracking::metrics::Event;

/// The golden figures of the current model.
const GOLDEN: &str = include_str!("golden/model.txt");

/// The figures as text: rounded (0.1 s, 0.1 km, 1e-4 degree, 1 ms) so that a platform's last-bit differences
/// in `sin` or `exp` do not read as a change of model.
fn figures() -> String {
    let mut out = format!("model {MODEL_VERSION}\n");
    // The example as it is, then with noise seed 29: there a duplicate track starts late in the flight (the
    // metrics' continuity rule shows in its figures), so the guard sees the tracker and the scoring through
    // more than one draw of the noise.
    let example = Scenario::example();
    for seed in [example.seed, 29] {
        let scenario = Scenario {
            seed,
            ..example.clone()
        };
        out += &format!("seed {seed}\n");
        out += &figures_of(&scenario);
    }
    out
}

fn figures_of(scenario: &Scenario) -> String {
    let mut out = String::new();
    for f in scenario.fly().expect("the example flies") {
        let s = &f.summary;
        out += &format!(
            "flight {}: {:.1} s, apogee {:.1} km, range {:.1} km, impact {:.4} {:.4}\n",
            s.missile,
            s.flight_time_s,
            s.apogee_m / 1000.0,
            s.range_m / 1000.0,
            s.impact_lat_deg,
            s.impact_lon_deg
        );
    }
    let run = scenario.run().expect("the example runs");
    for row in &run.comparison.rows {
        let cells: Vec<String> = [
            Event::FirstDetection,
            Event::Established,
            Event::ImpactWithin100Km,
            Event::ImpactWithin25Km,
        ]
        .iter()
        .map(|e| match row.warning_left_s_at(*e) {
            Some(s) => format!("{s:.3}"),
            None => "-".into(),
        })
        .collect();
        out += &format!("picture {}: {}\n", row.picture, cells.join(" "));
    }
    for row in &run.comparison.rows {
        out += &format!("siap {}:{}\n", row.picture, row.siap);
    }
    out += &format!("measurements {}\n", run.measurements);
    out
}

#[test]
fn the_models_figures_are_those_of_its_version() {
    let now = figures();
    assert!(
        now == GOLDEN,
        "the model's figures changed:\n--- golden (model {MODEL_VERSION})\n{GOLDEN}--- now\n{now}\n\
         Bump MODEL_VERSION in crates/picture-sim/src/model.rs, say what changed in MODEL_CHANGES, and write \
         the figures above into crates/picture-sim/tests/golden/model.txt."
    );
}
