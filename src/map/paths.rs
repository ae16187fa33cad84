//! SVG path data for map geometry in projected km. Built once per geometry; the viewport moves it with one
//! transform, so panning and zooming never rebuild a path.

use super::projection::{LambertConformal, MapPoint};
use std::fmt::Write;

/// "M x y L x y ..." (with "Z" when closed) in projected km; the viewport's transform flips y so north is up.
/// One decimal (100 m) is finer than a pixel at the closest zoom.
pub fn path_data(points: impl IntoIterator<Item = MapPoint>, closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.into_iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_tenths(&mut d, p.x_km);
        d.push(' ');
        push_tenths(&mut d, p.y_km);
    }
    if closed && !d.is_empty() {
        d.push('Z');
    }
    d
}

/// `v` to one decimal, as `{:.1}` writes it but through integers: the map writes every coastline vertex at
/// load, and float formatting was a sixth of the page's start-up script.
fn push_tenths(d: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        let _ = write!(d, "{v:.1}");
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        d.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = write!(d, "{}.{}", t / 10, t % 10);
}

/// Projects (lon, lat) degree pairs, as the map data stores them.
pub fn project_ring<'a>(
    proj: &'a LambertConformal,
    ring: &'a [(f64, f64)],
) -> impl Iterator<Item = MapPoint> + 'a {
    ring.iter().map(|&(lon, lat)| proj.forward(lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_data_format() {
        let pts = [
            MapPoint {
                x_km: 0.0,
                y_km: 1.26,
            },
            MapPoint {
                x_km: -3.04,
                y_km: 5.0,
            },
        ];
        assert_eq!(path_data(pts, false), "M0.0 1.3L-3.0 5.0");
        assert_eq!(path_data(pts, true), "M0.0 1.3L-3.0 5.0Z");
        assert_eq!(path_data([], true), "");
    }

    #[test]
    fn tenths_read_as_float_formatting_does() {
        for v in [0.0, 0.04, -0.06, 1.25, -1234.56, 9_999.95, 123_456.7, -0.5] {
            let mut d = String::new();
            push_tenths(&mut d, v);
            let parsed: f64 = d.parse().unwrap();
            assert!((parsed - v).abs() <= 0.05 + 1e-9, "{v} -> {d}");
            assert!(
                !d.contains('e') && d.split('.').nth(1).is_some_and(|f| f.len() == 1),
                "{d}"
            );
        }
        let mut d = String::new();
        push_tenths(&mut d, f64::NAN);
        assert_eq!(d, "NaN");
    }
}
