use nalgebra::Vector3;
use picture_sim::earth::{self, Aer, Ecef, Ellipsoid, Geodetic, LocalFrame};
use proptest::prelude::*;

const WGS84: Ellipsoid = Ellipsoid::WGS84;

#[test]
fn known_ecef_of_a_known_point() {
    // Equator, prime meridian, on the ellipsoid: x = a.
    let p = WGS84.to_ecef(&Geodetic::from_deg(0.0, 0.0, 0.0).unwrap());
    assert!((p.0.x - 6_378_137.0).abs() < 1e-6 && p.0.y.abs() < 1e-6 && p.0.z.abs() < 1e-6);
    // North pole: z = b.
    let p = WGS84.to_ecef(&Geodetic::from_deg(90.0, 0.0, 0.0).unwrap());
    assert!((p.0.z - 6_356_752.314_245).abs() < 1e-3);
}

#[test]
fn invalid_geodetic_is_refused() {
    assert!(Geodetic::from_deg(91.0, 0.0, 0.0).is_none());
    assert!(Geodetic::from_deg(f64::NAN, 0.0, 0.0).is_none());
    assert!(Ellipsoid::sphere(-1.0).is_none());
}

#[test]
fn gravity_at_the_equator_and_pole() {
    // Gravitation alone (no centrifugal term): about 9.814 m/s^2 at the equator, 9.832 m/s^2 at the pole.
    let g_eq = earth::gravity_j2_m_s2(&Vector3::new(6_378_137.0, 0.0, 0.0)).norm();
    let g_pole = earth::gravity_j2_m_s2(&Vector3::new(0.0, 0.0, 6_356_752.3)).norm();
    assert!((g_eq - 9.814).abs() < 0.002, "{g_eq}");
    assert!((g_pole - 9.832).abs() < 0.002, "{g_pole}");
}

#[test]
fn geodesic_seoul_tokyo() {
    // Seoul (37.5665 N, 126.9780 E) to Tokyo (35.6762 N, 139.6503 E): about 1152 km on WGS84.
    let g = earth::inverse(37.5665, 126.9780, 35.6762, 139.6503);
    assert!(
        (g.distance_m / 1000.0 - 1152.0).abs() < 5.0,
        "{}",
        g.distance_m
    );
    let (lat, lon) = earth::destination(37.5665, 126.9780, g.azimuth_start_deg, g.distance_m);
    assert!((lat - 35.6762).abs() < 1e-9 && (lon - 139.6503).abs() < 1e-9);
}

proptest! {
    #[test]
    fn geodetic_ecef_round_trip(lat in -90.0f64..90.0, lon in -180.0f64..180.0, h in -500.0f64..4.0e7) {
        for e in [WGS84, Ellipsoid::sphere(6_371_000.0).unwrap()] {
            let g = Geodetic::from_deg(lat, lon, h).unwrap();
            let back = e.to_geodetic(&e.to_ecef(&g));
            prop_assert!((back.lat_rad - g.lat_rad).abs() < 1e-11);
            prop_assert!((back.h_m - g.h_m).abs() < 1e-4 * (1.0 + h.abs() / 1e7));
            if lat.abs() < 89.999 {
                let dlon = (back.lon_rad - g.lon_rad + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI;
                prop_assert!(dlon.abs() < 1e-11);
            }
        }
    }

    #[test]
    fn enu_aer_round_trip(lat in -89.0f64..89.0, lon in -180.0f64..180.0, h in 0.0f64..3000.0,
                          az in 0.0f64..359.9, el in -80.0f64..89.0, r in 1.0f64..5.0e6) {
        let frame = LocalFrame::at(&WGS84, Geodetic::from_deg(lat, lon, h).unwrap());
        let aer = Aer { az_rad: az.to_radians(), el_rad: el.to_radians(), range_m: r };
        let p: Ecef = frame.ecef_of(&aer.to_enu());
        let back = frame.aer_of(&p);
        prop_assert!((back.range_m - r).abs() < 1e-6 * r.max(1.0));
        prop_assert!((back.el_rad - aer.el_rad).abs() < 1e-9);
        prop_assert!((back.az_rad - aer.az_rad).abs() < 1e-9);
    }

    #[test]
    fn up_is_the_ellipsoid_normal(lat in -89.0f64..89.0, lon in -180.0f64..180.0) {
        let g = Geodetic::from_deg(lat, lon, 0.0).unwrap();
        let frame = LocalFrame::at(&WGS84, g);
        let above = WGS84.to_ecef(&Geodetic { h_m: 1000.0, ..g });
        let aer = frame.aer_of(&above);
        prop_assert!((aer.el_rad.to_degrees() - 90.0).abs() < 1e-6);
    }
}
