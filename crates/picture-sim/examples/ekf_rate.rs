//! The standard EKF workload of `benches/tracking.rs` (6-state constant velocity, radar AER at 1 Hz, sigma 0.05
//! degrees and 100 m, 2000 steps) repeated; prints predict-update pairs per second of wall time. Run under
//! `/usr/bin/time` to compare with CPU time on a loaded machine.
//! `cargo run --release -p picture-sim --example ekf_rate [REPEATS]`.
use picture_sim::tracking::fixtures::cv_workload;
use picture_sim::tracking::predictor::ExtendedKalmanPredictor;
use picture_sim::tracking::transition::ConstantVelocity;
use picture_sim::tracking::updater::ExtendedKalmanUpdater;

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let (prior, plots) = cv_workload(2000);
    let predictor = ExtendedKalmanPredictor::new(ConstantVelocity { q_m2_s3: 1.0 });
    let t0 = std::time::Instant::now();
    let mut last = prior;
    for _ in 0..repeats {
        let mut g = prior;
        for plot in &plots {
            let pred = predictor.predict(&g, plot.time);
            g = ExtendedKalmanUpdater
                .update(&pred, plot)
                .map_or(pred, |u| u.posterior);
        }
        last = std::hint::black_box(g);
    }
    let pairs = (repeats * plots.len()) as f64;
    println!(
        "{pairs} predict-update pairs in {:.3} s: {:.2} M pairs/s (wall); final x {:.1}",
        t0.elapsed().as_secs_f64(),
        pairs / t0.elapsed().as_secs_f64() / 1e6,
        last.mean[0]
    );
}
