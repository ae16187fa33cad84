//! The standard EKF workload of `benches/tracking.rs` (6-state constant velocity, radar AER at 1 Hz, sigma 0.05
//! degrees and 100 m, 2000 steps) repeated; prints predict-update pairs per second of wall time. Run under
//! `/usr/bin/time` to compare with CPU time on a loaded machine.
//! `cargo run --release -p picture-sim --example ekf_rate [REPEATS]`.
use nalgebra::Vector3;
use picture_sim::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use picture_sim::measurement::SensorIndex;
use picture_sim::time::SimTime;
use picture_sim::tracking::measurement_model::{RadarAerModel, RadarPlot};
use picture_sim::tracking::predictor::ExtendedKalmanPredictor;
use picture_sim::tracking::transition::ConstantVelocity;
use picture_sim::tracking::updater::ExtendedKalmanUpdater;
use picture_sim::tracking::{state_vector, GaussianState, StateCovariance};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let e = Ellipsoid::WGS84;
    let site = Geodetic::from_deg(37.5, 127.0, 100.0).unwrap();
    let frame = LocalFrame::at(&e, site);
    let sigma_rad = 0.05_f64.to_radians();
    let model = RadarAerModel::new(&e, SensorIndex(0), site, sigma_rad, sigma_rad, 100.0).unwrap();
    let start = e.to_ecef(&Geodetic::from_deg(40.0, 127.0, 30_000.0).unwrap());
    let vel = frame.vector_to_ecef(&Vector3::new(250.0, -150.0, 0.0));
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let plots: Vec<RadarPlot> = (1..=2000)
        .map(|k| {
            let p = Ecef(start.0 + vel * k as f64);
            let mut z = model.function(&state_vector(&p, &vel));
            z[0] += sigma_rad * rng.sample::<f64, _>(StandardNormal);
            z[1] += sigma_rad * rng.sample::<f64, _>(StandardNormal);
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
    let prior = GaussianState {
        time: SimTime::ZERO,
        mean: state_vector(&start, &vel),
        covar,
    };
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
