//! SVG path data for map geometry in projected km. Built once per geometry; the viewport moves it with one
//! transform, so panning and zooming never rebuild a path.

use super::projection::{LambertConformal, MapPoint};
use std::fmt::Write;

/// "M x y L x y ..." (with "Z" when closed) in projected km; the viewport's transform flips y so north is up.
/// One decimal (100 m) is finer than a pixel at the closest zoom.
pub fn path_data(points: impl IntoIterator<Item = MapPoint>, closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.into_iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { "L" },
            p.x_km,
            p.y_km
        );
    }
    if closed && !d.is_empty() {
        d.push('Z');
    }
    d
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
}
