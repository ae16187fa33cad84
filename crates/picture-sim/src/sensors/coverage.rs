//! Radar coverage on the map: the ground footprint of a radar for a target at a chosen altitude, bounded by the
//! azimuth sector, the horizon (effective-Earth model), the instrumented range and blind range, and the
//! elevation limits. The app draws these as fans that shrink as the altitude falls. Distances are true ground
//! distances laid out along geodesics on WGS84 ([`destination`]).

use super::horizon::EffectiveEarth;
use super::radar::Radar;
use super::sensor::Sensor;
use crate::earth::destination;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum CoverageError {
    #[error("target altitude {alt_m} m must be finite and in [0, 50000000] m")]
    Altitude { alt_m: f64 },
    #[error("polygon step {step_deg} deg must be in [0.1, 45]")]
    Step { step_deg: f64 },
}

/// A point on the map.
///
/// # Units
/// Degrees; longitude in [-180, 180).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat_deg: f64,
    pub lon_deg: f64,
}

/// The ground area over which a radar can see a target at one altitude.
///
/// # Units
/// Ground ranges in metres from the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footprint {
    /// The boundary, closed (the last point repeats the first). For a sector: the outer arc clockwise, then the
    /// inner arc back (or the site itself when there is no inner limit).
    pub outer: Vec<LatLon>,
    /// For an all-round radar with an inner limit (cone of silence, blind range), the hole, closed.
    pub hole: Option<Vec<LatLon>>,
    pub min_ground_range_m: f64,
    pub max_ground_range_m: f64,
    /// The horizon ground range at this altitude, for reference (the outer limit may be shorter).
    pub horizon_ground_range_m: f64,
}

/// The nearest and farthest ground ranges at which a radar can see a target at `target_alt_m`, whatever the
/// azimuth, and the horizon ground range; `None` if it cannot see that altitude at all.
///
/// # Units
/// `target_alt_m`: metres above the surface. Returns `(min, max, horizon)` ground ranges in metres along the
/// Earth's surface.
pub fn ground_range_limits_m(
    radar: &Radar,
    earth: &EffectiveEarth,
    target_alt_m: f64,
) -> Option<(f64, f64, f64)> {
    let spec = radar.spec();
    let hr = radar.antenna_height_m();
    let (min_el, max_el) = radar.elevation_limits_rad();
    let horizon_m = earth.ground_range_m_of_horizon(hr, target_alt_m);
    // Ranges are straight-line distances (what the radar measures, as the look tests them), so they are laid
    // out on the true sphere, not the refracting one.
    let true_earth = EffectiveEarth::with_radius(1.0, earth.radius_m())
        .unwrap_or_else(|_| EffectiveEarth::geometric());
    let by_range =
        true_earth.ground_range_at_slant_m(hr, target_alt_m, spec.instrumented_range_m)?;
    let by_min_el = earth.ground_range_at_elevation_m(hr, target_alt_m, min_el)?;
    let outer = horizon_m.min(by_range).min(by_min_el);
    let inner_by_range = true_earth
        .ground_range_at_slant_m(hr, target_alt_m, spec.min_range_m)
        .unwrap_or(0.0);
    let inner_by_el = earth
        .ground_range_at_elevation_m(hr, target_alt_m, max_el)
        .unwrap_or(0.0);
    let inner = inner_by_range.max(inner_by_el);
    (outer > inner).then_some((inner, outer, horizon_m))
}

/// The footprint of a radar for a target at `target_alt_m` (metres above the surface), with boundary points
/// every `step_deg` degrees of azimuth on the outer limit (or closer, to fit the sector) and every
/// `4 * step_deg` on the inner limit, which is only kilometres across.
///
/// # Units
/// `target_alt_m`: metres above the surface, in [0, 5e7]; `step_deg`: degrees of azimuth, in [0.1, 45].
/// Polygon points in degrees (see [`LatLon`]). `Ok(None)` if the radar cannot see a
/// target at that altitude anywhere.
pub fn footprint(
    radar: &Radar,
    earth: &EffectiveEarth,
    target_alt_m: f64,
    step_deg: f64,
) -> Result<Option<Footprint>, CoverageError> {
    if !(target_alt_m.is_finite() && (0.0..=5.0e7).contains(&target_alt_m)) {
        return Err(CoverageError::Altitude {
            alt_m: target_alt_m,
        });
    }
    if !(step_deg.is_finite() && (0.1..=45.0).contains(&step_deg)) {
        return Err(CoverageError::Step { step_deg });
    }
    let Some((inner_m, outer_m, horizon_m)) = ground_range_limits_m(radar, earth, target_alt_m)
    else {
        return Ok(None);
    };
    let site = radar.site();
    let (lat, lon) = (site.lat_deg(), site.lon_deg());
    let point = |az_deg: f64, d_m: f64| {
        let (lat_deg, lon_deg) = destination(lat, lon, az_deg, d_m);
        LatLon { lat_deg, lon_deg }
    };
    let spec = radar.spec();
    let extent = if radar.all_round() {
        360.0
    } else {
        spec.az_extent_deg
    };
    let n = (extent / step_deg).ceil().max(1.0) as usize;
    let az_start = if radar.all_round() {
        0.0
    } else {
        spec.boresight_az_deg - 0.5 * extent
    };
    let azimuths = |n: usize| (0..=n).map(move |i| az_start + extent * i as f64 / n as f64);
    // The inner limit is a few kilometres across: a quarter of the points draws it as well.
    let n_inner = n.div_ceil(4).max(1);
    let has_inner = inner_m > 1.0;
    let ring =
        |n: usize, d_m: f64| -> Vec<LatLon> { azimuths(n).map(|az| point(az, d_m)).collect() };
    let footprint = if radar.all_round() {
        let mut outer = ring(n, outer_m);
        close(&mut outer);
        let hole = has_inner.then(|| {
            let mut h = ring(n_inner, inner_m);
            close(&mut h);
            h
        });
        Footprint {
            outer,
            hole,
            min_ground_range_m: inner_m,
            max_ground_range_m: outer_m,
            horizon_ground_range_m: horizon_m,
        }
    } else {
        let mut outer = ring(n, outer_m);
        if has_inner {
            let mut inner = ring(n_inner, inner_m);
            inner.reverse();
            outer.extend(inner);
        } else {
            outer.push(LatLon {
                lat_deg: lat,
                lon_deg: lon,
            });
        }
        close(&mut outer);
        Footprint {
            outer,
            hole: None,
            min_ground_range_m: inner_m,
            max_ground_range_m: outer_m,
            horizon_ground_range_m: horizon_m,
        }
    };
    Ok(Some(footprint))
}

fn close(ring: &mut Vec<LatLon>) {
    if let (Some(&first), Some(&last)) = (ring.first(), ring.last()) {
        if first != last {
            ring.push(first);
        }
    }
}

/// The footprints of all sensors (in order) for one altitude; `None` for sensors without one (infrared, or
/// radars that cannot see that altitude).
///
/// # Units
/// As [`footprint`].
pub fn footprints(
    sensors: &[Sensor],
    earth: &EffectiveEarth,
    target_alt_m: f64,
    step_deg: f64,
) -> Result<Vec<Option<Footprint>>, CoverageError> {
    sensors
        .iter()
        .map(|s| match s.radar() {
            Some(radar) => footprint(radar, earth, target_alt_m, step_deg),
            None => Ok(None),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::earth::inverse;
    use crate::sensors::radar::{tests::spec, RadarSpec};

    #[test]
    fn fan_shrinks_as_altitude_falls() {
        let radar = Radar::new(RadarSpec {
            instrumented_range_m: 3.0e6,
            min_el_deg: -1.0,
            ..spec()
        })
        .unwrap();
        let e = EffectiveEarth::standard();
        let high = footprint(&radar, &e, 300_000.0, 2.0).unwrap().unwrap();
        let low = footprint(&radar, &e, 10_000.0, 2.0).unwrap().unwrap();
        assert!(low.max_ground_range_m < high.max_ground_range_m);
        // At 10 km the horizon bounds it.
        assert!((low.max_ground_range_m - low.horizon_ground_range_m).abs() < 1e-6);
        // Boundary points lie at the stated ground range.
        let p = low.outer[0];
        let d = inverse(36.0, 128.0, p.lat_deg, p.lon_deg).distance_m;
        assert!((d - low.max_ground_range_m).abs() < 1.0, "{d}");
        assert_eq!(low.outer.first(), low.outer.last());
    }

    #[test]
    fn all_round_radar_has_a_ring_and_hole() {
        let radar = Radar::new(RadarSpec {
            az_extent_deg: 360.0,
            max_el_deg: 60.0,
            ..spec()
        })
        .unwrap();
        let fp = footprint(&radar, &EffectiveEarth::standard(), 200_000.0, 5.0)
            .unwrap()
            .unwrap();
        assert_eq!(fp.outer.len(), 73);
        assert!(fp.hole.is_some());
        assert!(fp.min_ground_range_m > 100_000.0);
    }

    #[test]
    fn invisible_altitude_gives_none_and_bad_input_errors() {
        let radar = Radar::new(RadarSpec {
            min_el_deg: 5.0,
            ..spec()
        })
        .unwrap();
        assert_eq!(
            footprint(&radar, &EffectiveEarth::standard(), 0.0, 2.0).unwrap(),
            None
        );
        assert!(footprint(&radar, &EffectiveEarth::standard(), -5.0, 2.0).is_err());
        assert!(footprint(&radar, &EffectiveEarth::standard(), 5.0, 0.0).is_err());
    }
}
