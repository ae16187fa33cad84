//! Runs the 20-missile salvo fixture through the five built-in pictures and prints each tracker's counters
//! and the wall time. `cargo run --release -p picture-sim --example salvo_stats [REPEATS]`.
use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::salvo_scenario;
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::tracker::TrackerConfig;

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let e = Ellipsoid::WGS84;
    let s = salvo_scenario(42, 20, 2000, &e);
    let pictures = PictureConfig::builtin(&LatencyDefaults::default());
    let start = std::time::Instant::now();
    for r in 0..repeats {
        for p in &pictures {
            let t0 = std::time::Instant::now();
            let t = run_picture(
                p,
                &s.nations,
                &s.measurements,
                &TrackerConfig::default(),
                &e,
                |_, _, _| {},
            )
            .unwrap();
            if r == 0 {
                println!(
                    "{:26} {:>8.1} ms {:?}",
                    p.name,
                    t0.elapsed().as_secs_f64() * 1e3,
                    t.stats()
                );
            }
        }
    }
    println!(
        "five pictures: {:.1} ms per run (wall)",
        start.elapsed().as_secs_f64() * 1e3 / repeats as f64
    );
}
