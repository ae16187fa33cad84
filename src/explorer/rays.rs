//! Rays as the explorer draws them: point lists of heights above the true surface against ground distance, in
//! km. The rays themselves are the core's (`picture_sim::sensors::EffectiveEarth::ray_polyline_m`,
//! `ray_points_m`, `grazing_elevation_rad`): straight over the sphere of radius `kR` for a constant k (heights
//! and ground distances kept, so a ray drawn here bends down with the true Earth less when `k > 1`), or traced
//! through the atmosphere, bent low down and straight above: refraction made visible.

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
    earth.ray_height_m(radar_h_m, elevation_rad, ground_m)
}

/// The elevation of the ray that grazes the horizon (the dip of the horizon), radians, negative.
pub fn grazing_elevation_rad(earth: &EffectiveEarth, radar_h_m: f64) -> f64 {
    earth.grazing_elevation_rad(radar_h_m)
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
    earth
        .ray_polyline_m(radar_h_m, el, max_ground_km * 1000.0, n)
        .into_iter()
        .map(|(s, h)| (s / 1000.0, h / 1000.0))
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
    let slants: Vec<f64> = (0..=n).map(|i| max_slant_m * i as f64 / n as f64).collect();
    let mut out = Vec::with_capacity(n + 1);
    for (s, h) in earth.ray_points_m(radar_h_m, elevation_rad, &slants) {
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
        let (s, h) = earth.ray_point_m(radar_h_m, el, range_m);
        out.push((s / 1000.0, h / 1000.0));
    }
    out.push((0.0, radar_h_m / 1000.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grazing_ray_runs_from_the_radar_to_the_ground_at_the_horizon() {
        let e = EffectiveEarth::standard();
        let to_ground_km = e.horizon(30.0, 0.0).unwrap().ground_range_m / 1000.0;
        let ray = grazing_ray_km(&e, 30.0, to_ground_km, 50);
        assert_eq!(ray.len(), 51);
        assert!((ray[0].1 - 0.03).abs() < 1e-9, "{:?}", ray[0]);
        let (s, h) = *ray.last().unwrap();
        assert!((s - to_ground_km).abs() < 1e-9 && h.abs() < 1e-6, "{s} {h}");
        assert!(ray.windows(2).all(|w| w[1].0 > w[0].0));
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
