//! Property tests of the horizon and detection models.

use picture_sim::sensors::{probability_of_detection, DetectionModel, EffectiveEarth};
use proptest::prelude::*;

proptest! {
    #[test]
    fn horizon_grows_with_heights_and_k(
        hr in 0.0..5_000.0f64,
        ht in 0.0..2_000_000.0f64,
        dh in 1.0..10_000.0f64,
        k in 0.5..3.0f64,
        dk in 0.01..1.0f64,
    ) {
        let e = EffectiveEarth::new(k).unwrap();
        let base = e.horizon(hr, ht).unwrap();
        let higher_radar = e.horizon(hr + dh, ht).unwrap();
        let higher_target = e.horizon(hr, ht + dh).unwrap();
        prop_assert!(higher_radar.slant_range_m > base.slant_range_m);
        prop_assert!(higher_radar.ground_range_m > base.ground_range_m);
        prop_assert!(higher_target.slant_range_m > base.slant_range_m);
        prop_assert!(higher_target.ground_range_m > base.ground_range_m);
        let bent = EffectiveEarth::new(k + dk).unwrap().horizon(hr.max(1.0), ht.max(1.0)).unwrap();
        let base = e.horizon(hr.max(1.0), ht.max(1.0)).unwrap();
        prop_assert!(bent.slant_range_m > base.slant_range_m);
        prop_assert!(bent.ground_range_m > base.ground_range_m);
    }

    #[test]
    fn target_just_inside_the_horizon_is_visible(hr in 0.0..2_000.0f64, ht in 100.0..1_000_000.0f64, k in 0.7..2.0f64) {
        let e = EffectiveEarth::new(k).unwrap();
        let s_m = e.horizon(hr, ht).unwrap().ground_range_m;
        let inside = e.sight(hr, ht, 0.999 * s_m / e.radius_m());
        let outside = e.sight(hr, ht, 1.001 * s_m / e.radius_m());
        prop_assert!(inside.clear());
        prop_assert!(!outside.clear());
    }

    #[test]
    fn pd_grows_with_snr(
        snr_db in -10.0..30.0f64,
        d_db in 0.1..5.0f64,
        log_pfa in -10.0..-2.0f64,
        pulses in 1u32..20,
    ) {
        let pfa = 10f64.powf(log_pfa);
        for model in [DetectionModel::Swerling1, DetectionModel::NonFluctuating, DetectionModel::Albersheim] {
            let lo = probability_of_detection(model, snr_db, pfa, pulses).unwrap();
            let hi = probability_of_detection(model, snr_db + d_db, pfa, pulses).unwrap();
            prop_assert!((0.0..=1.0).contains(&lo) && (0.0..=1.0).contains(&hi));
            prop_assert!(hi >= lo - 1e-12, "{:?}: Pd({}) = {} > Pd({}) = {}", model, snr_db, lo, snr_db + d_db, hi);
        }
    }
}

mod coverage_agrees_with_looks {
    use nalgebra::Vector3;
    use picture_sim::earth::{destination, Ellipsoid, Geodetic};
    use picture_sim::sensors::coverage::ground_range_limits_m;
    use picture_sim::sensors::look::{coverage_check, TargetSample};
    use picture_sim::sensors::{catalog, EffectiveEarth};
    use picture_sim::truth::{FlightPhase, TargetState};
    use picture_sim::SimTime;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// A target inside a radar's footprint (away from its edges) passes the look's coverage tests; one
        /// beyond the outer edge does not.
        #[test]
        fn footprint_edges_match_the_look(
            index in 0usize..13,
            alt_m in 1_000.0..1_500_000.0f64,
            az_frac in 0.02..0.98f64,
            range_frac in 0.0..1.0f64,
            k in 0.8..2.0f64,
        ) {
            let sensors = catalog().unwrap();
            let radar = sensors[index].radar().unwrap();
            let earth = EffectiveEarth::new(k).unwrap();
            let Some((inner_m, outer_m, _)) = ground_range_limits_m(radar, &earth, alt_m) else {
                return Ok(());
            };
            let spec = radar.spec();
            let extent = spec.az_extent_deg.min(360.0);
            let az_deg = spec.boresight_az_deg - 0.5 * extent + az_frac * extent;
            let site = radar.site();
            let target_at = |d_m: f64| {
                let (lat, lon) = destination(site.lat_deg(), site.lon_deg(), az_deg, d_m);
                let pos = Ellipsoid::WGS84.to_ecef(&Geodetic::from_deg(lat, lon, alt_m).unwrap());
                let state = TargetState {
                    time: SimTime::ZERO,
                    pos,
                    vel_ecef_m_s: Vector3::zeros(),
                    phase: FlightPhase::Midcourse,
                };
                coverage_check(radar, &earth, &TargetSample::new(state))
            };
            // The footprint uses a spherical Earth of mean radius for the geometry, the look the ellipsoid's
            // normals: keep 1% clear of the edges.
            let span = outer_m - inner_m;
            let inside_m = inner_m + span * (0.01 + 0.98 * range_frac);
            if span > 20_000.0 {
                prop_assert!(target_at(inside_m).is_ok(), "{} at {} km: {:?}", sensors[index].name, inside_m / 1e3, target_at(inside_m));
            }
            prop_assert!(target_at(outer_m * 1.01 + 2_000.0).is_err(), "{}", sensors[index].name);
        }
    }
}
