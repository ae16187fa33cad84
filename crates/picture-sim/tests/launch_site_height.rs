//! A launch site's height is validated where a request enters the core: a huge one used to fly from space and
//! report "the nearest flight found went inf km".

use picture_sim::earth::Geodetic;
use picture_sim::flight::{
    fly, Aim, FlightError, LaunchRequest, Shape, SITE_HEIGHT_MAX_M, SITE_HEIGHT_MIN_M,
};
use picture_sim::time::SimTime;

fn request(h_m: f64) -> LaunchRequest {
    LaunchRequest {
        missile: "hwasong-11".into(),
        site: Geodetic {
            lat_rad: 39.4f64.to_radians(),
            lon_rad: 127.5f64.to_radians(),
            h_m,
        },
        aim: Aim::AzimuthRange {
            azimuth_deg: 60.0,
            range_m: 400_000.0,
        },
        shape: Shape::MinEnergy,
        launch_time: SimTime::ZERO,
    }
}

#[test]
fn site_heights_outside_the_range_are_refused_by_name() {
    for h_m in [
        1e7,
        1e300,
        -1000.0,
        f64::NAN,
        f64::INFINITY,
        SITE_HEIGHT_MAX_M + 1.0,
        SITE_HEIGHT_MIN_M - 1.0,
    ] {
        match fly(&request(h_m)) {
            Err(FlightError::Invalid(msg)) => {
                assert!(
                    msg.contains("h_m") && msg.contains("[-500, 10000] m"),
                    "{h_m}: {msg}"
                );
            }
            other => panic!("{h_m}: {other:?}"),
        }
    }
}

#[test]
fn site_heights_inside_the_range_fly() {
    for h_m in [SITE_HEIGHT_MIN_M, 0.0, 1500.0] {
        let flight = fly(&request(h_m)).unwrap_or_else(|e| panic!("{h_m}: {e}"));
        let range_km = flight.summary.range_m / 1000.0;
        assert!(
            range_km.is_finite() && (range_km - 400.0).abs() < 20.0,
            "{h_m}: {range_km} km"
        );
    }
}
