//! Flight-model speed: one integrated lofted ICBM flight (the 70-minute Hwasong-17 flight of 2022-11-18) and
//! one "as reported" solve (apogee and range), which flies a few hundred trial trajectories.

use criterion::{criterion_group, criterion_main, Criterion};
use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, Aim, EarthModel, LaunchRequest, Shape};
use picture_sim::SimTime;
use std::hint::black_box;

fn hwasong_17_as_reported() -> LaunchRequest {
    LaunchRequest {
        missile: "hwasong-17".into(),
        site: Geodetic::from_deg(39.2, 125.673, 0.0).expect("valid site"),
        aim: Aim::AzimuthRange {
            azimuth_deg: 71.5,
            range_m: 999.2e3,
        },
        shape: Shape::AsReported { apogee_m: 6040.9e3 },
        launch_time: SimTime::ZERO,
    }
}

fn benches(c: &mut Criterion) {
    let request = hwasong_17_as_reported();
    let solved = flight::fly(&request).expect("the reported flight solves");
    let vehicle = catalog::find("hwasong-17").expect("in the catalog");
    c.bench_function("lofted hwasong-17 flight, 69 min, integrate", |b| {
        b.iter(|| {
            flight::flight_of(
                vehicle,
                &EarthModel::WGS84,
                &request.site,
                black_box(&solved.program),
                SimTime::ZERO,
            )
            .expect("flies")
        })
    });
    c.bench_function("as-reported solve, hwasong-17 2022-11-18", |b| {
        b.iter(|| flight::fly(black_box(&request)).expect("solves"))
    });
}

criterion_group! {
    name = flight_benches;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(flight_benches);
