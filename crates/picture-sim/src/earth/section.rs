//! A vertical cross-section of a spherical Earth: the plane through the Earth's centre and two points on the
//! surface (a radar and a launch, or a launch and its impact). A point of the section is given by its ground
//! distance `s` along the surface from the section's origin and its height `h`; it lies at the central angle
//! `theta = s / R` from the origin's vertical, `R + h` from the centre. In the plane, with x along the
//! origin's horizontal and y up from the surface at the origin, that is
//! `x = (R + h) sin(theta)`, `y = (R + h) cos(theta) - R`: the ground drops below the origin's horizontal by
//! `R (1 - cos(theta))`, about `s^2 / (2R)`.
//!
//! The ground distance between two points comes from the angle between their verticals (the ellipsoid
//! normals), as the line of sight does ([`crate::sensors::look`]): on the mean sphere ([`super::MEAN_RADIUS_M`])
//! it is that angle times the radius.

use nalgebra::Vector3;

/// The central angle (radians) subtended by a ground distance on a sphere.
///
/// # Units
/// `ground` and `radius` in the same length unit.
pub fn central_angle_rad(radius: f64, ground: f64) -> f64 {
    ground / radius
}

/// The position in the section's plane of a point at ground distance `ground` from the origin and height
/// `height` above the surface, on a sphere of radius `radius`: `(x, y)`, x along the origin's horizontal
/// (towards the point), y up from the surface at the origin.
///
/// # Units
/// Any one length unit for `radius`, `ground`, `height` and the result (the charts use km; the core m).
pub fn plane_position(radius: f64, ground: f64, height: f64) -> (f64, f64) {
    let theta = central_angle_rad(radius, ground);
    (
        (radius + height) * theta.sin(),
        (radius + height) * theta.cos() - radius,
    )
}

/// The local vertical (ellipsoid normal) at a geodetic latitude and longitude, as an ECEF unit vector.
///
/// # Units
/// Radians, latitude north and longitude east positive.
pub fn vertical_ecef(lat_rad: f64, lon_rad: f64) -> Vector3<f64> {
    Vector3::new(
        lat_rad.cos() * lon_rad.cos(),
        lat_rad.cos() * lon_rad.sin(),
        lat_rad.sin(),
    )
}

/// The ground distance between two points with verticals `a` and `b` (ECEF unit vectors) on a sphere of radius
/// `radius_m`: the angle between the verticals times the radius, the central angle the line of sight uses.
///
/// # Units
/// Metres (`radius_m` and the result).
pub fn ground_range_between_m(radius_m: f64, a: &Vector3<f64>, b: &Vector3<f64>) -> f64 {
    // Written out (not `dot`) to keep the order of the sums of the figures the app has always shown.
    let cos = (a.x * b.x + a.y * b.y + a.z * b.z).clamp(-1.0, 1.0);
    cos.acos() * radius_m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::earth::{Ellipsoid, Geodetic, LocalFrame, MEAN_RADIUS_M};
    use std::f64::consts::FRAC_PI_2;

    #[test]
    fn a_quarter_of_the_way_round_is_straight_down_from_the_origin_horizontal() {
        let r = 6371.0;
        let (x, y) = plane_position(r, r * FRAC_PI_2, 0.0);
        assert!((x - r).abs() < 1e-9 && (y + r).abs() < 1e-9, "{x} {y}");
        // At the origin a height is straight up.
        assert_eq!(plane_position(r, 0.0, 550.0), (0.0, 550.0));
        // Half-way round, a height is straight down past the centre.
        let (x, y) = plane_position(r, r * std::f64::consts::PI, 100.0);
        assert!(
            x.abs() < 1e-9 && (y + 2.0 * r + 100.0).abs() < 1e-9,
            "{x} {y}"
        );
    }

    #[test]
    fn the_ground_drops_by_the_sagitta() {
        // 100 km out on the 6371 km sphere the surface is R (1 - cos(100/6371)) = 0.784790 km below the
        // horizontal (s^2 / 2R = 0.784806 km), and R sin(100/6371) = 99.99589 km along it.
        let (x, y) = plane_position(6371.0, 100.0, 0.0);
        assert!((y + 0.784_790).abs() < 1e-6, "{y}");
        assert!((x - 99.995_89).abs() < 1e-5, "{x}");
        // The same in metres, to the metre's rounding.
        let (_, y_m) = plane_position(MEAN_RADIUS_M, 100_000.0, 0.0);
        assert!((y_m / 1000.0 - y).abs() < 1e-9);
    }

    #[test]
    fn verticals_are_the_ellipsoid_normals() {
        let e = Ellipsoid::WGS84;
        for (lat, lon) in [(0.0, 0.0), (38.1, 138.4), (-45.0, -120.0), (89.0, 10.0)] {
            let g = Geodetic::from_deg(lat, lon, 0.0).unwrap();
            let up = LocalFrame::at(&e, g).up_ecef();
            let v = vertical_ecef(g.lat_rad, g.lon_rad);
            assert!((up - v).norm() < 1e-12, "{lat} {lon}");
        }
    }

    #[test]
    fn ground_ranges_between_verticals() {
        // A quarter of the equator, and one degree of a meridian (111.19 km on the 6371 km sphere).
        let a = vertical_ecef(0.0, 0.0);
        let b = vertical_ecef(0.0, FRAC_PI_2);
        let s = ground_range_between_m(MEAN_RADIUS_M, &a, &b);
        assert!((s - MEAN_RADIUS_M * FRAC_PI_2).abs() < 1e-6, "{s}");
        let c = vertical_ecef(1f64.to_radians(), 0.0);
        let s = ground_range_between_m(MEAN_RADIUS_M, &a, &c);
        assert!((s - 111_194.927).abs() < 0.001, "{s}");
        assert_eq!(ground_range_between_m(MEAN_RADIUS_M, &a, &a), 0.0);
    }
}
