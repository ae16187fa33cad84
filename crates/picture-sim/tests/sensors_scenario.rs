//! The Sunan scenario: a lofted ICBM launch from Sunan seen by the catalog's sensors. South Korean radars,
//! close to the launch site, must detect it before any radar in Japan, which must wait for it to rise above
//! their horizon.

use picture_sim::earth::Geodetic;
use picture_sim::flight::{fly, Aim, LaunchRequest, Shape};
use picture_sim::sensors::{
    catalog, detection_table, run_detections, DetectionConfig, MissReason, Sensor,
};
use picture_sim::truth::Truth;
use picture_sim::SimTime;

/// Radars sited in Japan (Japanese radars and the US TPY-2s at Shariki and Kyogamisaki), not ships at sea.
fn in_japan(s: &Sensor) -> bool {
    s.name.starts_with("J/FPS-5")
        || s.name == "AN/TPY-2 Shariki"
        || s.name == "AN/TPY-2 Kyogamisaki"
}

/// Radars sited in South Korea.
fn in_korea(s: &Sensor) -> bool {
    s.name.starts_with("Green Pine") || s.name.starts_with("THAAD")
}

#[test]
fn sunan_lofted_korea_sees_it_before_japan() {
    // Hwasong-17 from Sunan lofted (full burn, steep branch) to about 1000 km east, as on 2022-11-18.
    let request = LaunchRequest {
        missile: "hwasong-17".into(),
        site: Geodetic::from_deg(39.200, 125.673, 0.0).unwrap(),
        aim: Aim::AzimuthRange {
            azimuth_deg: 80.0,
            range_m: 1_000_000.0,
        },
        shape: Shape::Lofted { apogee_m: None },
        launch_time: SimTime::from_secs(100.0),
    };
    let flight = fly(&request).expect("the flight model flies the Sunan launch");
    let truth: &dyn Truth = &flight.trajectory;
    let sensors = catalog().unwrap();
    let run = run_detections(
        &sensors,
        &[truth],
        &DetectionConfig {
            seed: 20221118,
            ..Default::default()
        },
    );
    println!(
        "Hwasong-17 from Sunan: apogee {:.0} km, range {:.0} km, {:.0} s",
        flight.summary.apogee_m / 1000.0,
        flight.summary.range_m / 1000.0,
        flight.summary.flight_time_s
    );
    println!("{}", detection_table(&run, &[truth.start()]));

    let first = |pick: fn(&Sensor) -> bool| {
        sensors
            .iter()
            .zip(&run.reports)
            .filter(|(s, _)| pick(s))
            .filter_map(|(_, r)| r.first_detection)
            .min()
    };
    let korea = first(in_korea).expect("a South Korean radar detects the launch");
    let japan = first(in_japan).expect("a radar in Japan detects the launch");
    assert!(
        korea < japan,
        "Korea first at {korea:?}, Japan at {japan:?}"
    );

    // Every radar in Japan was first held back by the horizon.
    for (s, r) in sensors
        .iter()
        .zip(&run.reports)
        .filter(|(s, _)| in_japan(s))
    {
        assert_eq!(
            r.misses_before_first.first().map(|m| m.reason),
            Some(MissReason::BelowHorizon),
            "{}",
            s.name
        );
        assert!(r.above_horizon.unwrap() > truth.start(), "{}", s.name);
    }
}
