//! How the cost of tracking and scoring grows with the number of concurrent missiles: the concurrent salvo
//! fixture of 10, 20, 50 and 100 launches run and scored in the five built-in pictures, timed with and without the scoring (median of
//! the repeats: the machine may be shared), and the growth exponent fitted (slope of log time against log N). A
//! digest of the scores is printed with each size, so that a change meant to be fast only can be shown not to
//! change them. `cargo run --release -p picture-sim --example salvo_growth [REPEATS] [N...]`.
use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::{concurrent_salvo_scenario, log_log_slope};
use picture_sim::tracking::metrics::{evaluate_pictures, MetricsConfig};
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::tracker::TrackerConfig;
use std::hash::{Hash, Hasher};
use std::time::Instant;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let repeats = args.first().copied().unwrap_or(3).max(1);
    let sizes: Vec<usize> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        vec![10, 20, 50, 100]
    };
    let e = Ellipsoid::WGS84;
    let pictures = PictureConfig::builtin(&LatencyDefaults::default());
    let mut points = Vec::new();
    for &n in &sizes {
        let s = concurrent_salvo_scenario(7, n, 2000, &e);
        let truths = s.truth_refs();
        let mut times_ms = Vec::new();
        let mut tracking_ms = Vec::new();
        let mut digest = 0;
        for _ in 0..repeats {
            let start = Instant::now();
            for p in &pictures {
                let t = run_picture(
                    p,
                    &s.nations,
                    &s.measurements,
                    &TrackerConfig::default(),
                    &e,
                    |_, _, _| {},
                )
                .expect("the built-in pictures are valid");
                std::hint::black_box(t.stats());
            }
            tracking_ms.push(start.elapsed().as_secs_f64() * 1e3);
            let start = Instant::now();
            let scores = evaluate_pictures(
                &pictures,
                &s.nations,
                &s.measurements,
                &TrackerConfig::default(),
                &e,
                &truths,
                &s.impacts,
                &MetricsConfig::default(),
            )
            .expect("the built-in pictures are valid");
            times_ms.push(start.elapsed().as_secs_f64() * 1e3);
            let mut h = std::collections::hash_map::DefaultHasher::new();
            format!("{scores:?}").hash(&mut h);
            digest = h.finish();
        }
        times_ms.sort_by(f64::total_cmp);
        tracking_ms.sort_by(f64::total_cmp);
        let median_ms = times_ms[times_ms.len() / 2];
        println!(
            "{n:>4} launches, {:>6} measurements: {median_ms:>9.1} ms median of {repeats} (fastest {:.1}; tracking alone {:.1}), scores digest {digest:016x}",
            s.measurements.len(),
            times_ms[0],
            tracking_ms[tracking_ms.len() / 2]
        );
        points.push((n as f64, median_ms));
    }
    if let (Some(p), Some(first), Some(last)) =
        (log_log_slope(&points), points.first(), points.last())
    {
        println!(
            "salvo growth exponent: {p:.2} ({} -> {} launches: {:.1}x)",
            first.0,
            last.0,
            last.1 / first.1
        );
    }
}
