//! Straight rays in the effective-Earth geometry, as heights above the true surface against ground distance.
//!
//! The model (see `picture_sim::sensors::horizon`) keeps heights and ground distances and makes rays straight
//! over a sphere of radius `kR`. A ray leaving a radar at radius `a = kR + h_r` with elevation `el` is the line
//! at distance `p = a cos(el)` from the sphere's centre; at the central angle `phi = s / (kR)` (ground distance
//! `s`) it is `p / cos(phi + el)` from the centre. Drawn at those heights over the true Earth (radius `R`), the
//! ray bends down with the Earth less when `k > 1`: that is refraction made visible.

use picture_sim::sensors::EffectiveEarth;

/// The height (metres) of a ray from a radar at `radar_h_m` with elevation `elevation_rad` above the surface
/// at ground distance `ground_m`; `None` once the ray has turned away from the Earth (it never gets there).
///
/// # Units
/// Metres and radians; elevation above the radar's local horizontal.
pub fn ray_alt_m(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    elevation_rad: f64,
    ground_m: f64,
) -> Option<f64> {
    let kr = earth.effective_radius_m();
    let phi = ground_m / kr;
    let c = (phi + elevation_rad).cos();
    if phi + elevation_rad >= std::f64::consts::FRAC_PI_2 || c <= 0.0 {
        return None;
    }
    Some((kr + radar_h_m) * elevation_rad.cos() / c - kr)
}

/// The point `slant_m` along a ray from a radar at `radar_h_m` with elevation `elevation_rad`, as
/// (ground distance, height), metres.
pub fn ray_point_m(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    elevation_rad: f64,
    slant_m: f64,
) -> (f64, f64) {
    let kr = earth.effective_radius_m();
    let a = kr + radar_h_m;
    let x = slant_m * elevation_rad.cos();
    let z = a + slant_m * elevation_rad.sin();
    (kr * x.atan2(z), x.hypot(z) - kr)
}

/// The elevation of the ray that grazes the horizon (the dip of the horizon), radians, negative.
pub fn grazing_elevation_rad(earth: &EffectiveEarth, radar_h_m: f64) -> f64 {
    -earth.horizon_angle_rad(radar_h_m)
}

/// The grazing ray as (ground km, height km) points from the radar out to `max_ground_km`, `n` segments.
/// Everything under it, beyond the tangent point, is hidden from the radar.
pub fn grazing_ray_km(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    max_ground_km: f64,
    n: usize,
) -> Vec<(f64, f64)> {
    let el = grazing_elevation_rad(earth, radar_h_m);
    let n = n.max(1);
    (0..=n)
        .filter_map(|i| {
            let s_km = max_ground_km * i as f64 / n as f64;
            ray_alt_m(earth, radar_h_m, el, s_km * 1000.0).map(|h| (s_km, h / 1000.0))
        })
        .collect()
}

/// A line of constant elevation out to `max_slant_m`, as (ground km, height km) points, `n` segments, stopping
/// at `max_alt_km`.
pub fn elevation_line_km(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    elevation_rad: f64,
    max_slant_m: f64,
    max_alt_km: f64,
    n: usize,
) -> Vec<(f64, f64)> {
    let n = n.max(1);
    let mut out = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (s, h) = ray_point_m(
            earth,
            radar_h_m,
            elevation_rad,
            max_slant_m * i as f64 / n as f64,
        );
        out.push((s / 1000.0, h / 1000.0));
        if h / 1000.0 > max_alt_km {
            break;
        }
    }
    out
}

/// The region a radar covers in range and height: from the radar along the minimum-elevation ray to the
/// instrumented range, round that range to the maximum elevation, and back. (ground km, height km).
pub fn coverage_outline_km(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    min_el_rad: f64,
    max_el_rad: f64,
    range_m: f64,
    n: usize,
) -> Vec<(f64, f64)> {
    let n = n.max(1);
    let mut out = vec![(0.0, radar_h_m / 1000.0)];
    for i in 0..=n {
        let el = min_el_rad + (max_el_rad - min_el_rad) * i as f64 / n as f64;
        let (s, h) = ray_point_m(earth, radar_h_m, el, range_m);
        out.push((s / 1000.0, h / 1000.0));
    }
    out.push((0.0, radar_h_m / 1000.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grazing_ray_touches_the_ground_at_the_horizon_and_meets_each_height_at_its_horizon_range(
    ) {
        for k in [1.0, 4.0 / 3.0, 2.5] {
            let e = EffectiveEarth::new(k).unwrap();
            for hr in [0.0, 30.0, 680.0, 3000.0] {
                let el = grazing_elevation_rad(&e, hr);
                let to_ground = e.horizon(hr, 0.0).unwrap().ground_range_m;
                let h0 = ray_alt_m(&e, hr, el, to_ground).unwrap();
                assert!(h0.abs() < 1e-6, "k {k} hr {hr}: {h0}");
                for ht in [1_000.0, 100_000.0, 900_000.0] {
                    let s = e.horizon(hr, ht).unwrap().ground_range_m;
                    let h = ray_alt_m(&e, hr, el, s).unwrap();
                    assert!((h - ht).abs() < 1e-3, "k {k} hr {hr} ht {ht}: {h}");
                    // The core's line of sight agrees: just beyond is masked, just inside clear.
                    assert!(e.sight(hr, ht, (s - 10.0) / e.radius_m()).clear());
                    assert!(!e.sight(hr, ht, (s + 10.0) / e.radius_m()).clear());
                }
            }
        }
    }

    #[test]
    fn ray_points_agree_with_the_core_inversions() {
        let e = EffectiveEarth::new(4.0 / 3.0).unwrap();
        let (hr, el) = (150.0, 3f64.to_radians());
        let (s, h) = ray_point_m(&e, hr, el, 800_000.0);
        let back = e.ground_range_at_elevation_m(hr, h, el).unwrap();
        assert!((back - s).abs() < 1e-3, "{back} {s}");
        let back = e.ground_range_at_slant_m(hr, h, 800_000.0).unwrap();
        assert!((back - s).abs() < 1e-3, "{back} {s}");
        assert!((ray_alt_m(&e, hr, el, s).unwrap() - h).abs() < 1e-3);
    }

    #[test]
    fn refraction_lifts_the_horizon_ray_less_far_from_the_ground() {
        // At 800 km from a 30 m radar the grazing ray is lower with k = 4/3 than k = 1: more is seen.
        let ray = |k: f64| {
            let e = EffectiveEarth::new(k).unwrap();
            ray_alt_m(&e, 30.0, grazing_elevation_rad(&e, 30.0), 800_000.0).unwrap()
        };
        assert!(ray(4.0 / 3.0) < ray(1.0));
        let e = EffectiveEarth::standard();
        assert!(ray_alt_m(&e, 30.0, 1.4, 3.0e6).is_none(), "turned away");
    }

    #[test]
    fn coverage_outline_is_closed_and_reaches_the_range() {
        let e = EffectiveEarth::standard();
        let o = coverage_outline_km(&e, 100.0, 0.0, 80f64.to_radians(), 1.0e6, 16);
        assert_eq!(o.first(), o.last());
        let (s, h) = o[1];
        assert!((s - 1000.0).abs() < 5.0 && h > 0.0, "{s} {h}");
        let line = elevation_line_km(&e, 100.0, 0.2, 2.0e6, 100.0, 50);
        assert!(line.last().unwrap().1 > 100.0 && line.len() < 51);
    }
}
