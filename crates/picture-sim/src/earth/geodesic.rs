//! Geodesics on the ellipsoid (Karney's algorithms through `geographiclib-rs`), in degrees and metres as the
//! map and the launch editor use them.

use super::frames::wrap_lon_deg;
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

/// The result of an inverse geodesic problem.
///
/// # Units
/// Distance in metres; azimuths in degrees clockwise from north, in [0, 360).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeodesicLine {
    pub distance_m: f64,
    pub azimuth_start_deg: f64,
    pub azimuth_end_deg: f64,
}

/// The shortest path on WGS84 from (lat1, lon1) to (lat2, lon2), all in degrees.
pub fn inverse(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> GeodesicLine {
    let (s12, azi1, azi2, _a12): (f64, f64, f64, f64) =
        Geodesic::wgs84().inverse(lat1_deg, lon1_deg, lat2_deg, lon2_deg);
    GeodesicLine {
        distance_m: s12,
        azimuth_start_deg: azi1.rem_euclid(360.0),
        azimuth_end_deg: azi2.rem_euclid(360.0),
    }
}

/// The point reached from (lat, lon) in degrees along an initial azimuth (degrees, north 0, east 90) after
/// `distance_m` metres on WGS84. Returns (lat_deg, lon_deg) with longitude in [-180, 180).
pub fn destination(lat_deg: f64, lon_deg: f64, azimuth_deg: f64, distance_m: f64) -> (f64, f64) {
    let (lat2, lon2): (f64, f64) =
        Geodesic::wgs84().direct(lat_deg, lon_deg, azimuth_deg, distance_m);
    (lat2, wrap_lon_deg(lon2))
}
