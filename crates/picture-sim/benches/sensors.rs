//! Sensor benchmarks: a detection run of 15 sensors over a 70-minute flight at their update rates (target
//! under 2 ms), and the coverage footprints of 15 sensors at one altitude (target under 1 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use picture_sim::earth::Geodetic;
use picture_sim::flight::{fly, Aim, LaunchRequest, Shape};
use picture_sim::sensors::fixture::{Sampled, SineArc};
use picture_sim::sensors::{
    catalog, footprints, run_detections, DetectionConfig, EffectiveEarth, Sensor,
};
use picture_sim::truth::Truth;
use picture_sim::SimTime;
use std::hint::black_box;

/// The catalog's 14 sensors and a second Korean Aegis destroyer off Busan: 15.
fn fifteen_sensors() -> Vec<Sensor> {
    let mut sensors = catalog().expect("catalog builds");
    let mut second = sensors
        .iter()
        .find(|s| s.name.starts_with("KDX-III"))
        .expect("KDX-III in the catalog")
        .clone();
    second.name = "KDX-III Aegis (Korea Strait)".into();
    second.move_to(35.0, 129.6).expect("a valid station");
    sensors.push(second);
    sensors
}

/// A 70-minute lofted stand-in from Sunan (apogee 6000 km), stored at 1 s like a flown trajectory.
fn seventy_minute_flight() -> Sampled {
    let arc = SineArc::new(
        (39.2, 125.673),
        (40.5, 137.0),
        6_000_000.0,
        SimTime::ZERO,
        4200.0,
        330.0,
    )
    .expect("valid arc");
    Sampled::new(&arc, 1000).expect("sampled")
}

fn bench(c: &mut Criterion) {
    let sensors = fifteen_sensors();
    let config = DetectionConfig::default();

    let stand_in = seventy_minute_flight();
    c.bench_function("detections: 15 sensors, 70 min stand-in flight", |b| {
        b.iter(|| run_detections(black_box(&sensors), &[&stand_in as &dyn Truth], &config))
    });

    let request = LaunchRequest {
        missile: "hwasong-17".into(),
        site: Geodetic::from_deg(39.2, 125.673, 0.0).expect("valid site"),
        aim: Aim::AzimuthRange {
            azimuth_deg: 80.0,
            range_m: 1_000_000.0,
        },
        shape: Shape::Lofted { apogee_m: None },
        launch_time: SimTime::ZERO,
    };
    if let Ok(flight) = fly(&request) {
        let minutes = flight.summary.flight_time_s / 60.0;
        c.bench_function(
            &format!("detections: 15 sensors, flown hwasong-17 lofted ({minutes:.0} min)"),
            |b| {
                b.iter(|| {
                    run_detections(
                        black_box(&sensors),
                        &[&flight.trajectory as &dyn Truth],
                        &config,
                    )
                })
            },
        );
    }

    let earth = EffectiveEarth::standard();
    c.bench_function("coverage: 15 footprints at 100 km, 2 deg step", |b| {
        b.iter(|| footprints(black_box(&sensors), &earth, black_box(100_000.0), 2.0))
    });
    c.bench_function("coverage: 15 footprints at 100 km, 5 deg step", |b| {
        b.iter(|| footprints(black_box(&sensors), &earth, black_box(100_000.0), 5.0))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
