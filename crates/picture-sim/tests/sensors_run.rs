//! The detection run against a stand-in trajectory (the flight model is tested with real flights in
//! `sensors_scenario.rs`).

use picture_sim::measurement::MeasurementKind;
use picture_sim::sensors::fixture::SineArc;
use picture_sim::sensors::rise::{first_above_horizon, horizon_margin_rad};
use picture_sim::sensors::{
    catalog, detection_table, run_detections, DetectionConfig, EffectiveEarth, MissReason,
};
use picture_sim::time::Duration;
use picture_sim::truth::Truth;
use picture_sim::SimTime;

const SUNAN: (f64, f64) = (39.200, 125.673);

/// A lofted-looking arc from Sunan into the Sea of Japan: 1000 km, apogee 1500 km, 40 minutes, 300 s boost.
fn arc() -> SineArc {
    SineArc::new(
        SUNAN,
        (39.5, 137.2),
        1_500_000.0,
        SimTime::from_secs(12.3),
        2400.0,
        300.0,
    )
    .unwrap()
}

#[test]
fn same_seed_same_detections() {
    let sensors = catalog().unwrap();
    let flight = arc();
    let config = DetectionConfig::default();
    let a = run_detections(&sensors, &[&flight], &config);
    let b = run_detections(&sensors, &[&flight], &config);
    assert_eq!(a, b);
    let c = run_detections(&sensors, &[&flight], &DetectionConfig { seed: 2, ..config });
    assert_ne!(a.measurements(), c.measurements());
    assert_eq!(a.reports.len(), sensors.len());
}

#[test]
fn above_horizon_is_found_to_the_millisecond() {
    let sensors = catalog().unwrap();
    let flight = arc();
    let earth = EffectiveEarth::traced();
    let run = run_detections(&sensors, &[&flight], &DetectionConfig::default());
    for (sensor, report) in sensors.iter().zip(&run.reports) {
        let Some(radar) = sensor.radar() else {
            continue;
        };
        let rise = report
            .above_horizon
            .expect("the arc rises above every radar's horizon");
        assert_eq!(
            Some(rise),
            first_above_horizon(&flight, radar, &earth, 500),
            "{}",
            sensor.name
        );
        if rise > flight.start() {
            let before = horizon_margin_rad(&flight, radar, &earth, SimTime(rise.0 - 1)).unwrap();
            let after = horizon_margin_rad(&flight, radar, &earth, rise).unwrap();
            assert!(
                before < 0.0 && after >= 0.0,
                "{}: {before} {after}",
                sensor.name
            );
        }
        // No detection before the target is above the horizon.
        if let Some(first) = report.first_detection {
            assert!(first >= rise, "{}", sensor.name);
        }
        assert_eq!(
            report.detections,
            report.measurements.len(),
            "{}",
            sensor.name
        );
    }
}

#[test]
fn korean_radar_sees_it_before_japanese_ones_and_table_explains() {
    let sensors = catalog().unwrap();
    let flight = arc();
    let run = run_detections(&sensors, &[&flight], &DetectionConfig::default());
    let first = |pred: &dyn Fn(&str) -> bool| {
        run.reports
            .iter()
            .filter(|r| pred(&r.name))
            .filter_map(|r| r.first_detection)
            .min()
    };
    let kr = first(&|n| n.starts_with("Green Pine")).unwrap();
    let jp = first(&|n| n.starts_with("J/FPS-5") || n.starts_with("AN/TPY-2 ")).unwrap();
    assert!(kr < jp, "Korea {kr:?} vs Japan {jp:?}");
    let table = detection_table(&run, &[flight.start()]);
    println!("{table}");
    assert_eq!(table.lines().count(), sensors.len() + 1);
    assert!(table.contains("below horizon"));
    // Japanese radars failed first because of the horizon.
    let sado = run
        .reports
        .iter()
        .find(|r| r.name == "J/FPS-5 Sado")
        .unwrap();
    assert_eq!(
        sado.misses_before_first.first().map(|s| s.reason),
        Some(MissReason::BelowHorizon)
    );
}

#[test]
fn infrared_reports_the_launch_after_its_delay() {
    let sensors = catalog().unwrap();
    let flight = arc();
    let run = run_detections(&sensors, &[&flight], &DetectionConfig::default());
    let ir = run
        .reports
        .iter()
        .find(|r| r.name == "SBIRS / DSP")
        .unwrap();
    let first = ir.first_detection.unwrap();
    assert_eq!(ir.measurements.len(), 1);
    let report = &ir.measurements[0];
    assert_eq!(report.time, first + Duration::from_millis(30_000));
    let MeasurementKind::LaunchReport { launch_time, .. } = report.kind else {
        panic!("not a launch report")
    };
    assert!((launch_time - flight.start()).abs() < Duration::from_millis(15_000));
    // Seen only during boost.
    assert!(first - flight.start() <= Duration::from_millis(300_000));
    assert!(ir.above_horizon.unwrap() <= first);
}

#[test]
fn scenario_json_round_trip() {
    let sensors = catalog().unwrap();
    let json = serde_json::to_string(&sensors).unwrap();
    let back: Vec<picture_sim::sensors::Sensor> = serde_json::from_str(&json).unwrap();
    // serde_json's parser may round the last bit of a float, so compare what matters, not bit patterns.
    assert_eq!(back.len(), sensors.len());
    for (b, s) in back.iter().zip(&sensors) {
        assert_eq!(
            (&b.name, b.nation, &b.provenance),
            (&s.name, s.nation, &s.provenance)
        );
        assert_eq!(b.update_interval_ms(), s.update_interval_ms());
        if let (Some(rb), Some(rs)) = (b.radar(), s.radar()) {
            assert!(
                (rb.snr(1.0, 1e6) / rs.snr(1.0, 1e6) - 1.0).abs() < 1e-12,
                "{}",
                s.name
            );
            assert_eq!(rb.site(), rs.site());
        }
    }
    let flight = arc();
    let first = |ss: &[picture_sim::sensors::Sensor]| {
        let run = run_detections(ss, &[&flight], &DetectionConfig::default());
        run.reports
            .iter()
            .map(|r| r.first_detection)
            .collect::<Vec<_>>()
    };
    assert_eq!(first(&back), first(&sensors));
    let config = DetectionConfig {
        earth: EffectiveEarth::new(1.2).unwrap(),
        seed: 99,
        ..Default::default()
    };
    let back: DetectionConfig =
        serde_json::from_str(&serde_json::to_string(&config).unwrap()).unwrap();
    assert_eq!(back, config);
    // An invalid sensor in a scenario is refused with the field named.
    let bad = json.replacen("\"update_interval_ms\":2000", "\"update_interval_ms\":0", 1);
    let err = serde_json::from_str::<Vec<picture_sim::sensors::Sensor>>(&bad).unwrap_err();
    assert!(err.to_string().contains("update_interval_ms"), "{err}");
}

#[test]
fn coprime_update_intervals_still_run() {
    let mut sensors = catalog().unwrap();
    let mut odd = sensors[0].clone();
    if let picture_sim::sensors::SensorKind::GroundRadar(r) = &odd.kind {
        let spec = picture_sim::sensors::RadarSpec {
            update_interval_ms: 3_333,
            ..r.spec().clone()
        };
        odd.kind = picture_sim::sensors::SensorKind::GroundRadar(
            picture_sim::sensors::Radar::new(spec).unwrap(),
        );
    }
    sensors.push(odd);
    let flight = arc();
    let run = run_detections(&sensors, &[&flight], &DetectionConfig::default());
    let odd = run.reports.last().unwrap();
    assert!(odd.detections > 0);
    // Looks on the multiples of 3333 ms within the flight.
    let multiples =
        flight.end().0.div_euclid(3_333) - (flight.start().0 + 3_332).div_euclid(3_333) + 1;
    assert_eq!(odd.looks as i64, multiples);
}
