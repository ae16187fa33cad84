//! The uncertainty study against what it must reproduce: the single run when nothing is uncertain, a direct
//! Monte Carlo of the flight alone for the impact dispersion, its own whole when cut into shards and merged,
//! and a spread that grows as the bounds widen.

use picture_sim::flight::uncertain::{Factor, VehicleParameter};
use picture_sim::flight::{catalog, flight_of, EarthModel, Vehicle};
use picture_sim::scenario::Scenario;
use picture_sim::sensors::Nation;
use picture_sim::study::record::{merge, shard};
use picture_sim::study::summary::ImpactEllipse;
use picture_sim::study::{Guidance, Sampling, Study, StudySettings, Uncertainties};
use picture_sim::tracking::picture::{Link, PictureConfig};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn no_clock() -> f64 {
    0.0
}

/// The example with one cheap sensor and picture: the flights are what these tests look at.
fn flight_only() -> Scenario {
    let mut s = Scenario::example();
    s.sensors = vec!["SBIRS / DSP".into()];
    s.pictures = vec![PictureConfig {
        name: "United States".into(),
        links: vec![Link {
            from: Nation::US,
            latency_ms: 2_000,
        }],
    }];
    s
}

#[test]
fn with_nothing_uncertain_every_sample_is_the_single_run() {
    let scenario = Scenario::example();
    let single = scenario.run().unwrap();
    for guidance in [Guidance::Aimed, Guidance::NominalProgram] {
        let study = Study::new(
            &scenario,
            &Uncertainties::zero(),
            StudySettings {
                runs: 2,
                seed: 99,
                sampling: Sampling::LatinHypercube,
                guidance,
            },
        )
        .unwrap();
        for s in study.run_range(0..2, &no_clock) {
            let f = s.figures.expect("ran");
            let rows: Vec<_> = single
                .comparison
                .rows
                .iter()
                .map(|r| r.warning_left_s)
                .collect();
            assert_eq!(f.warning_left_s, rows);
            assert_eq!(f.gains, single.comparison.sharing_gain);
            let nominal = &study.nominal()[0].summary;
            assert_eq!(f.flights[0].range_m, nominal.range_m);
            assert_eq!(f.flights[0].flight_time_s, nominal.flight_time_s);
            assert_eq!(s.detection_seed, scenario.seed);
        }
    }
}

/// A Hwasong-15 perturbed by hand, as the catalog's notes describe each bound (not through the study's code).
fn by_hand(v: &Vehicle, mass: [f64; 2], isp: [f64; 2], burn: [f64; 2], payload: f64) -> Vehicle {
    let mut out = *v;
    for (k, s) in out.stages.as_mut_slice().iter_mut().enumerate() {
        s.mass_kg *= mass[k];
        s.propellant_kg *= mass[k];
        s.isp_s *= isp[k];
        s.burn_time_s *= burn[k];
    }
    out.payload.mass_kg *= payload;
    out.payload.ballistic_coefficient_kg_m2 *= payload;
    out
}

#[test]
fn the_impact_dispersion_is_a_direct_monte_carlo_of_the_flight() {
    let scenario = flight_only();
    let v = catalog::find("hwasong-15").unwrap();
    // Only the stage masses, specific impulses, burn times and payload vary (the propellant fraction is
    // left out so that the hand-made vehicle above covers every bound).
    let spreads: Vec<_> = v
        .uncertainties
        .iter()
        .copied()
        .filter(|s| s.parameter != VehicleParameter::Propellant)
        .collect();
    let mut unc = Uncertainties::zero();
    unc.missiles.retain(|m| m.missile != "hwasong-15");
    unc.missiles
        .push(picture_sim::study::uncertainties::MissileSpreads {
            missile: "hwasong-15".into(),
            spreads: spreads.clone(),
        });
    let runs = 300;
    let study = Study::new(
        &scenario,
        &unc,
        StudySettings {
            runs,
            seed: 5,
            sampling: Sampling::LatinHypercube,
            guidance: Guidance::NominalProgram,
        },
    )
    .unwrap();
    let record = study.record(0, study.run_range(0..runs, &no_clock));
    let summary = record.summary();
    assert_eq!(summary.failed, 0, "{:?}", summary.first_failure);
    let studied = summary.flights[0].impact.unwrap();

    // The direct Monte Carlo: plain uniform draws, another generator, the flight alone.
    let bound = |p: VehicleParameter| -> Factor {
        spreads.iter().find(|s| s.parameter == p).unwrap().factor
    };
    let (m, i, b, p) = (
        bound(VehicleParameter::StageMass),
        bound(VehicleParameter::Isp),
        bound(VehicleParameter::BurnTime),
        bound(VehicleParameter::PayloadMass),
    );
    let program = study.nominal()[0].program;
    let launch = &scenario.launches[0];
    let mut rng = ChaCha8Rng::seed_from_u64(12345);
    let mut points = Vec::new();
    let mut ranges = Vec::new();
    for _ in 0..runs {
        let mut draw = |f: Factor| f.low + (f.high - f.low) * rng.random::<f64>();
        let vehicle = by_hand(
            v,
            [draw(m), draw(m)],
            [draw(i), draw(i)],
            [draw(b), draw(b)],
            draw(p),
        );
        let f = flight_of(
            &vehicle,
            &EarthModel::WGS84,
            &launch.site,
            &program,
            launch.launch_time,
        )
        .unwrap();
        points.push((f.summary.impact_lat_deg, f.summary.impact_lon_deg));
        ranges.push(f.summary.range_m);
    }
    let direct = ImpactEllipse::of(&points).unwrap();
    eprintln!("studied {studied:?}\ndirect  {direct:?}");
    // 300 samples: the standard error of a standard deviation is about 1/sqrt(2 * 300) = 4 %; the semi-axes
    // agree to 15 %, the centres to a tenth of the major semi-axis.
    let ratio = studied.semi_major_m / direct.semi_major_m;
    assert!(
        (0.85..1.15).contains(&ratio),
        "studied {studied:?}, direct {direct:?}"
    );
    let ratio = studied.semi_minor_m / direct.semi_minor_m;
    assert!(
        (0.7..1.3).contains(&ratio),
        "studied {studied:?}, direct {direct:?}"
    );
    let off_m = picture_sim::earth::inverse(
        studied.lat_deg,
        studied.lon_deg,
        direct.lat_deg,
        direct.lon_deg,
    )
    .distance_m;
    assert!(
        off_m < 0.1 * direct.semi_major_m,
        "centres {off_m:.0} m apart; {studied:?} {direct:?}"
    );
    // And the dispersion is real: hundreds of kilometres along the flight for these bounds.
    assert!(direct.semi_major_m > 50_000.0, "{direct:?}");
    assert!((direct.major_azimuth_deg - 95.0).abs() < 15.0, "{direct:?}");
}

#[test]
fn shards_merge_into_the_whole_study() {
    let scenario = flight_only();
    let settings = StudySettings {
        runs: 7,
        seed: 3,
        sampling: Sampling::LatinHypercube,
        guidance: Guidance::Aimed,
    };
    let study = Study::new(&scenario, &Uncertainties::default(), settings).unwrap();
    let whole = study.record(0, study.run_range(0..7, &no_clock));
    let parts: Vec<_> = (1..=3)
        .rev()
        .map(|k| {
            let r = shard(k, 3, 7).unwrap();
            // Each shard as its own process would: a fresh study, only its slice.
            let own = Study::new(&scenario, &Uncertainties::default(), settings).unwrap();
            own.record(r.start, own.run_range(r, &no_clock))
        })
        .collect();
    let merged = merge(parts.clone()).unwrap();
    assert_eq!(merged, whole);
    assert!(merged.is_whole());
    // A gap, an overlap and another study's slice are refused.
    let e = merge(parts[..2].to_vec()).unwrap_err().to_string();
    assert!(e.contains("missing"), "{e}");
    let e = merge(vec![
        parts[0].clone(),
        parts[0].clone(),
        parts[1].clone(),
        parts[2].clone(),
    ])
    .unwrap_err()
    .to_string();
    assert!(e.contains("twice"), "{e}");
    let mut other = parts[1].clone();
    other.settings.seed = 4;
    let e = merge(vec![parts[0].clone(), other, parts[2].clone()])
        .unwrap_err()
        .to_string();
    assert!(e.contains("another study"), "{e}");
    assert!(shard(0, 3, 7).is_err() && shard(4, 3, 7).is_err() && shard(1, 8, 7).is_err());
}

/// The 5-95 % width of the range of a study of the flight-only scenario.
fn range_width_m(seed: u64, scale: f64) -> f64 {
    let study = Study::new(
        &flight_only(),
        &Uncertainties::default().scaled(scale),
        StudySettings {
            runs: 40,
            seed,
            sampling: Sampling::MonteCarlo,
            guidance: Guidance::NominalProgram,
        },
    )
    .unwrap();
    let summary = study.record(0, study.run_range(0..40, &no_clock)).summary();
    assert_eq!(summary.failed, 0, "{:?}", summary.first_failure);
    let r = &summary.flights[0].range_m;
    r.p95.unwrap() - r.p5.unwrap()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// On a fixed seed set (the same unit draws), wider bounds move every sample's parameters farther from the
    /// nominal ones along the same direction. The range responds smoothly and nearly linearly to them, so its
    /// spread grows; warning times are stepped by the radars' revisits and need not (README, "How sure?").
    #[test]
    fn widening_every_bound_never_narrows_the_range_spread(
        seed in 0u64..1_000_000,
        scale in 0.05f64..1.0,
        widen in 1.05f64..2.0,
    ) {
        let narrow = range_width_m(seed, scale);
        let wide = range_width_m(seed, scale * widen);
        proptest::prop_assert!(wide > narrow, "seed {}, scale {} -> {}: {} m then {} m", seed, scale, scale * widen, narrow, wide);
    }
}

#[test]
fn bad_study_settings_name_their_field() {
    let s = flight_only();
    let settings = |runs| StudySettings {
        runs,
        seed: 1,
        sampling: Sampling::MonteCarlo,
        guidance: Guidance::Aimed,
    };
    let one = Study::new(&s, &Uncertainties::default(), settings(1)).unwrap();
    let beyond = one.run_sample(1, &no_clock);
    assert!(beyond.figures.is_none() && beyond.error.unwrap().contains("0..1"));
    let e = Study::new(&s, &Uncertainties::default(), settings(0))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("runs:"), "{e}");
    let e = Study::new(&s, &Uncertainties::default(), settings(1_000_000))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("runs:"), "{e}");
    for (text, field) in [
        (
            r#"{"radar_snr_db": -1, "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 1, "high": 1}, "noise": true}"#,
            "radar_snr_db",
        ),
        (
            r#"{"radar_snr_db": 1, "rcs_db": {"booster_db": 3, "midcourse_db": 1e9, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 1, "high": 1}, "noise": true}"#,
            "rcs_db.midcourse_db",
        ),
        (
            r#"{"radar_snr_db": 1, "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 2, "high": 1}, "noise": true}"#,
            "latency",
        ),
        (
            r#"{"missiles": [{"missile": "nope", "spreads": []}], "radar_snr_db": 1, "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 1, "high": 1}, "noise": true}"#,
            "missiles[0].missile",
        ),
        (
            r#"{"missiles": [{"missile": "kn-25", "spreads": [{"parameter": "isp", "stage": 3, "factor": {"low": 0.9, "high": 1.1}}]}], "radar_snr_db": 1, "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 1, "high": 1}, "noise": true}"#,
            "missiles[0].spreads[0].stage",
        ),
        (r#"{"radar_snr_db": 1, "surprise": 1}"#, "surprise"),
        (
            r#"{"radar_snr_db": 1, "sensors": [{"sensor": "Nowhere", "snr_db": 1}], "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6}, "ship_radius_m": 0, "latency": {"low": 1, "high": 1}, "noise": true}"#,
            "sensors[0].sensor",
        ),
    ] {
        let e = Uncertainties::from_json(text).unwrap_err();
        assert!(e.contains(field), "{field}: {e}");
    }
    let default = serde_json::to_string(&Uncertainties::default()).unwrap();
    assert_eq!(
        Uncertainties::from_json(&default).unwrap(),
        Uncertainties::default()
    );
}

#[test]
fn an_aimed_missile_keeps_its_aim_and_moves_its_timing() {
    let scenario = flight_only();
    let study = Study::new(
        &scenario,
        &Uncertainties::default(),
        StudySettings {
            runs: 60,
            seed: 11,
            sampling: Sampling::LatinHypercube,
            guidance: Guidance::Aimed,
        },
    )
    .unwrap();
    let summary = study.record(0, study.run_range(0..60, &no_clock)).summary();
    assert_eq!(summary.failed, 0, "{:?}", summary.first_failure);
    let f = &summary.flights[0];
    // The aim: 1,000 km; the solver's tolerance is far below a kilometre.
    assert!(
        f.range_m.p5.unwrap() > 995_000.0 && f.range_m.p95.unwrap() < 1_005_000.0,
        "{f:?}"
    );
    // The timing moves: a minimum-energy flight of a heavier or weaker missile is the same flight, but the
    // burn (and so the first moments a radar sees) is not.
    let t = &f.flight_time_s;
    assert!(t.p95.unwrap() - t.p5.unwrap() > 1.0, "{t:?}");
}

#[test]
fn a_radar_can_be_better_known_than_the_rest() {
    let mut unc = Uncertainties::zero();
    unc.radar_snr_db = 3.0;
    unc.sensors
        .push(picture_sim::study::uncertainties::SensorSnr {
            sensor: "J/FPS-5 Sado".into(),
            snr_db: 0.0,
        });
    let study = Study::new(
        &Scenario::example(),
        &unc,
        StudySettings {
            runs: 4,
            seed: 2,
            sampling: Sampling::LatinHypercube,
            guidance: Guidance::Aimed,
        },
    )
    .unwrap();
    let names = study.quantities().to_vec();
    let sado = names
        .iter()
        .position(|n| n.starts_with("J/FPS-5 Sado reference SNR"))
        .unwrap();
    let shariki = names
        .iter()
        .position(|n| n.starts_with("AN/TPY-2 Shariki reference SNR"))
        .unwrap();
    for s in study.run_range(0..4, &no_clock) {
        assert_eq!(s.inputs[sado], 0.0);
        assert!(s.inputs[shariki].abs() <= 3.0 && s.inputs[shariki] != 0.0);
    }
}

include!("shared/browser_study.rs");

/// The study that `tests/web.rs` (at the workspace root) runs in Chromium gives these figures natively.
#[test]
fn the_study_run_in_the_browser_too_gives_these_figures() {
    let study = browser_study();
    check_browser_study(&study.run_range(0..3, &no_clock));
}
