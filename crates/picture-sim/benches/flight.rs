//! Flight-model speed: one integrated lofted ICBM flight (the 70-minute Hwasong-17 flight of 2022-11-18) and
//! one solve of each shape, which flies tens of trial trajectories (the browser re-solves on every edit of a
//! launch and must redraw within a 16 ms frame: each solve should take under 3 ms natively).

use criterion::{criterion_group, criterion_main, Criterion};
use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, Aim, EarthModel, LaunchRequest, Shape, ShapingMemory};
use picture_sim::SimTime;
use std::hint::black_box;

fn request(missile: &str, azimuth_deg: f64, range_km: f64, shape: Shape) -> LaunchRequest {
    LaunchRequest {
        missile: missile.into(),
        // Sunan, Pyongyang.
        site: Geodetic::from_deg(39.2, 125.673, 0.0).expect("valid site"),
        aim: Aim::AzimuthRange {
            azimuth_deg,
            range_m: range_km * 1e3,
        },
        shape,
        launch_time: SimTime::ZERO,
    }
}

fn benches(c: &mut Criterion) {
    let as_reported = request(
        "hwasong-17",
        71.5,
        999.2,
        Shape::AsReported { apogee_m: 6040.9e3 },
    );
    let solved = flight::fly(&as_reported).expect("the reported flight solves");
    let vehicle = catalog::find("hwasong-17").expect("in the catalog");
    c.bench_function("lofted hwasong-17 flight, 69 min, integrate", |b| {
        b.iter(|| {
            flight::flight_of(
                vehicle,
                &EarthModel::WGS84,
                &as_reported.site,
                black_box(&solved.program),
                SimTime::ZERO,
            )
            .expect("flies")
        })
    });
    let solves = [
        (
            "as-reported solve, hwasong-17 2022-11-18",
            as_reported.clone(),
        ),
        (
            "min_energy_solve, hwasong-15 8000 km",
            request("hwasong-15", 75.0, 8000.0, Shape::MinEnergy),
        ),
        (
            "min_energy_solve, hwasong-12 2700 km",
            request("hwasong-12", 75.0, 2700.0, Shape::MinEnergy),
        ),
        (
            "lofted_solve, hwasong-12 2500 km, full burn",
            request("hwasong-12", 75.0, 2500.0, Shape::Lofted { apogee_m: None }),
        ),
        (
            "lofted_solve, hwasong-12 2500 km, apogee 1500 km",
            request(
                "hwasong-12",
                75.0,
                2500.0,
                Shape::Lofted {
                    apogee_m: Some(1.5e6),
                },
            ),
        ),
        (
            "depressed_solve, hwasong-12 2500 km, apogee 300 km",
            request(
                "hwasong-12",
                75.0,
                2500.0,
                Shape::Depressed {
                    apogee_m: Some(3.0e5),
                },
            ),
        ),
        (
            "pull_up_solve, hwasong-11 400 km",
            request("hwasong-11", 75.0, 400.0, Shape::PullUp { apogee_m: None }),
        ),
    ];
    // The solves repeat one request with one memory, as the editor re-solves in the same flight plane when a
    // launch's range is edited: the searches that depend only on the missile, site and plane are remembered
    // after the first.
    let mut memory = ShapingMemory::new();
    for (name, req) in solves {
        flight::fly_with(&req, &mut memory).expect("the benchmark request solves");
        c.bench_function(name, |b| {
            b.iter(|| flight::fly_with(black_box(&req), &mut memory).expect("solves"))
        });
    }
    // A launch aimed in a new direction has none remembered: each solve here turns the plane by a thousandth
    // of a degree.
    let mut azimuth_deg = 75.0;
    c.bench_function(
        "min_energy_solve, hwasong-12 2700 km, new flight plane",
        |b| {
            b.iter(|| {
                azimuth_deg += 1e-3;
                let req = request("hwasong-12", azimuth_deg, 2700.0, Shape::MinEnergy);
                flight::fly_with(black_box(&req), &mut memory).expect("solves")
            })
        },
    );
}

criterion_group! {
    name = flight_benches;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(flight_benches);
