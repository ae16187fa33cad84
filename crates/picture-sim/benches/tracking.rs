//! Tracking benchmarks.
//!
//! - `ekf_cv_2000`: the standard EKF workload: a 6-state constant-velocity target, radar azimuth-elevation-
//!   range plots at 1 Hz (sigma 0.05 degrees and 100 m), 2000 predict-update pairs. Throughput in elements is
//!   predict-update pairs per second.
//! - `salvo20_five_pictures`: a 20-missile salvo (KR, JP and US radars at 0.5 Hz, US infrared reports) tracked in
//!   the five built-in pictures (tracking only), and the same with the metrics.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::{cv_workload, salvo_scenario};
use picture_sim::tracking::metrics::{evaluate_pictures, MetricsConfig};
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::predictor::ExtendedKalmanPredictor;
use picture_sim::tracking::tracker::TrackerConfig;
use picture_sim::tracking::transition::ConstantVelocity;
use picture_sim::tracking::updater::ExtendedKalmanUpdater;
use std::hint::black_box;

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

criterion_group!(benches, ekf, salvo);
criterion_main!(benches);
