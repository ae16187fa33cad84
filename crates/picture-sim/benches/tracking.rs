//! Tracking benchmarks.
//!
//! - `ekf_cv_2000`: the standard EKF workload: a 6-state constant-velocity target, radar azimuth-elevation-
//!   range plots at 1 Hz (sigma 0.05 degrees and 100 m), 2000 predict-update pairs. Throughput in elements is
//!   predict-update pairs per second.
//! - `salvo20_five_pictures`: a 20-missile salvo (KR, JP and US radars at 0.5 Hz, US infrared reports) tracked in
//!   the five built-in pictures (tracking only), and the same with the metrics.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nalgebra::Vector3;
use picture_sim::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use picture_sim::measurement::SensorIndex;
use picture_sim::time::SimTime;
use picture_sim::tracking::fixtures::salvo_scenario;
use picture_sim::tracking::measurement_model::{RadarAerModel, RadarPlot};
use picture_sim::tracking::metrics::{evaluate_pictures, MetricsConfig};
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::predictor::ExtendedKalmanPredictor;
use picture_sim::tracking::tracker::TrackerConfig;
use picture_sim::tracking::transition::ConstantVelocity;
use picture_sim::tracking::updater::ExtendedKalmanUpdater;
use picture_sim::tracking::{state_vector, GaussianState, StateCovariance};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use std::hint::black_box;

const STEPS: usize = 2000;

fn cv_workload() -> (GaussianState, Vec<RadarPlot>) {
    let e = Ellipsoid::WGS84;
    let site = Geodetic::from_deg(37.5, 127.0, 100.0).unwrap();
    let frame = LocalFrame::at(&e, site);
    let model = RadarAerModel::new(
        &e,
        SensorIndex(0),
        site,
        0.05_f64.to_radians(),
        0.05_f64.to_radians(),
        100.0,
    )
    .unwrap();
    let start = e.to_ecef(&Geodetic::from_deg(40.0, 127.0, 30_000.0).unwrap());
    let vel = frame.vector_to_ecef(&Vector3::new(250.0, -150.0, 0.0));
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let plots = (1..=STEPS)
        .map(|k| {
            let p = Ecef(start.0 + vel * k as f64);
            let mut z = model.function(&state_vector(&p, &vel));
            z[0] += 0.05_f64.to_radians() * rng.sample::<f64, _>(StandardNormal);
            z[1] += 0.05_f64.to_radians() * rng.sample::<f64, _>(StandardNormal);
            z[2] += 100.0 * rng.sample::<f64, _>(StandardNormal);
            RadarPlot {
                time: SimTime::from_secs(k as f64),
                model,
                z,
            }
        })
        .collect();
    let mut covar = StateCovariance::identity() * 1.0e6;
    for i in 3..6 {
        covar[(i, i)] = 1.0e4;
    }
    (
        GaussianState {
            time: SimTime::ZERO,
            mean: state_vector(&start, &vel),
            covar,
        },
        plots,
    )
}

fn ekf(c: &mut Criterion) {
    let (prior, plots) = cv_workload();
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
