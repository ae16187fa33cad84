//! Runs the 20-missile salvo fixture through the five built-in pictures and prints each tracker's counters
//! and the wall time (the fastest and the median of the runs: the machine may be shared, and the fastest run
//! is the one least disturbed). `cargo run --release -p picture-sim --example salvo_stats [REPEATS]`.
use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::salvo_scenario;
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::tracker::TrackerConfig;

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1)
        .max(1);
    let e = Ellipsoid::WGS84;
    let s = salvo_scenario(42, 20, 2000, &e);
    let pictures = PictureConfig::builtin(&LatencyDefaults::default());
    let mut per_picture_ms = vec![Vec::new(); pictures.len()];
    let mut total_ms = Vec::new();
    for r in 0..repeats {
        let start = std::time::Instant::now();
        for (k, p) in pictures.iter().enumerate() {
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
            per_picture_ms[k].push(t0.elapsed().as_secs_f64() * 1e3);
            if r == 0 {
                println!("{:26} {:?}", p.name, t.stats());
                println!(
                    "{:26} confirmed tracks at the end: {}",
                    "",
                    t.confirmed_tracks().count()
                );
            }
        }
        total_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[0], v[v.len() / 2])
    };
    for (p, v) in pictures.iter().zip(&mut per_picture_ms) {
        let (min, med) = stats(v);
        println!("{:26} {min:>7.1} ms fastest, {med:>7.1} ms median", p.name);
    }
    let (min, med) = stats(&mut total_ms);
    println!("five pictures: {min:.1} ms fastest, {med:.1} ms median of {repeats} runs (wall)");
}
