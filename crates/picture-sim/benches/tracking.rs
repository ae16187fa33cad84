//! Tracking benchmarks.
//!
//! - `ekf_cv_2000`: the standard EKF workload: a 6-state constant-velocity target, radar azimuth-elevation-
//!   range plots at 1 Hz (sigma 0.05 degrees and 100 m), 2000 predict-update pairs. Throughput in elements is
//!   predict-update pairs per second.
//! - `salvo20_five_pictures`: a 20-missile salvo (KR, JP and US radars at 0.5 Hz, US infrared reports) tracked in
//!   the five built-in pictures (tracking only), and the same with the metrics.
//! - `salvo_growth/N`: concurrent salvos of N = 10, 20, 50 and 100 launches from a spread of sites (the
//!   concurrent salvo fixture), tracked and scored in the five built-in pictures. Each iteration's time is
//!   kept as well, and the growth exponent (slope of log time against log N by least squares over the four
//!   medians) is printed: about 1 when the cost grows as the number of missiles, 2 if as its square. One
//!   iteration per sample (the 100-launch case takes seconds), so that the group keeps within about a minute.

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::{
    concurrent_salvo_scenario, cv_workload, log_log_slope, salvo_scenario,
};
use picture_sim::tracking::metrics::{evaluate_pictures, MetricsConfig};
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::predictor::ExtendedKalmanPredictor;
use picture_sim::tracking::tracker::TrackerConfig;
use picture_sim::tracking::transition::ConstantVelocity;
use picture_sim::tracking::updater::ExtendedKalmanUpdater;
use std::hint::black_box;
use std::time::{Duration, Instant};

const STEPS: usize = 2000;

fn ekf(c: &mut Criterion) {
    let (prior, plots) = cv_workload(STEPS);
    let predictor = ExtendedKalmanPredictor::new(ConstantVelocity { q_m2_s3: 1.0 });
    let updater = ExtendedKalmanUpdater;
    let mut group = c.benchmark_group("ekf");
    group.throughput(Throughput::Elements(STEPS as u64));
    group.bench_function("ekf_cv_2000", |b| {
        b.iter(|| {
            let mut g = prior;
            for plot in &plots {
                let pred = predictor.predict(&g, plot.time);
                g = match updater.update(&pred, plot) {
                    Ok(u) => u.posterior,
                    Err(_) => pred,
                };
            }
            black_box(g)
        })
    });
    group.finish();
}

fn salvo(c: &mut Criterion) {
    let e = Ellipsoid::WGS84;
    let scenario = salvo_scenario(42, 20, 2000, &e);
    let pictures = PictureConfig::builtin(&LatencyDefaults::default());
    let cfg = TrackerConfig::default();
    let mut group = c.benchmark_group("salvo");
    group.sample_size(10);
    group.bench_function("salvo20_five_pictures_tracking", |b| {
        b.iter(|| {
            for p in &pictures {
                let t = run_picture(
                    p,
                    &scenario.nations,
                    &scenario.measurements,
                    &cfg,
                    &e,
                    |_, _, _| {},
                )
                .unwrap();
                black_box(t.stats());
            }
        })
    });
    let truths = scenario.truth_refs();
    group.bench_function("salvo20_five_pictures_with_metrics", |b| {
        b.iter(|| {
            black_box(
                evaluate_pictures(
                    &pictures,
                    &scenario.nations,
                    &scenario.measurements,
                    &cfg,
                    &e,
                    &truths,
                    &scenario.impacts,
                    &MetricsConfig::default(),
                )
                .unwrap(),
            )
        })
    });
    group.finish();
    eprintln!("salvo20: {} measurements", scenario.measurements.len());
}

fn salvo_growth(c: &mut Criterion) {
    let e = Ellipsoid::WGS84;
    let pictures = PictureConfig::builtin(&LatencyDefaults::default());
    let cfg = TrackerConfig::default();
    let mut group = c.benchmark_group("salvo_growth");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    let mut medians = Vec::new();
    for n in [10usize, 20, 50, 100] {
        let scenario = concurrent_salvo_scenario(7, n, 2000, &e);
        let truths = scenario.truth_refs();
        let mut per_iteration_ms: Vec<f64> = Vec::new();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    black_box(
                        evaluate_pictures(
                            &pictures,
                            &scenario.nations,
                            &scenario.measurements,
                            &cfg,
                            &e,
                            &truths,
                            &scenario.impacts,
                            &MetricsConfig::default(),
                        )
                        .unwrap(),
                    );
                    let took = start.elapsed();
                    per_iteration_ms.push(took.as_secs_f64() * 1e3);
                    total += took;
                }
                total
            })
        });
        per_iteration_ms.sort_by(f64::total_cmp);
        let median_ms = per_iteration_ms[per_iteration_ms.len() / 2];
        eprintln!(
            "salvo_growth: {n} launches, {} measurements: {median_ms:.1} ms median of {} runs",
            scenario.measurements.len(),
            per_iteration_ms.len()
        );
        medians.push((n as f64, median_ms));
    }
    group.finish();
    if let Some(p) = log_log_slope(&medians) {
        let (first, last) = (medians[0], medians[medians.len() - 1]);
        eprintln!(
            "salvo growth exponent: {p:.2} ({} -> {} launches: {:.1}x)",
            first.0,
            last.0,
            last.1 / first.1
        );
    }
}

criterion_group!(benches, ekf, salvo, salvo_growth);
criterion_main!(benches);
