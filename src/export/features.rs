//! The map's features as plain geometry with properties, shared by the GeoJSON and KML writers: each
//! launch's arc (a 3-D line), each radar fan (a polygon, with its hole) and each predicted-impact ellipse (a
//! polygon on the ground).

use crate::present::flight::FlightView;
use crate::present::pictures::GroundEllipse;
use picture_sim::earth::destination;
use picture_sim::sensors::{Footprint, LatLon};

/// Points around an ellipse outline: smooth at any map zoom.
const ELLIPSE_POINTS: usize = 72;

/// # Units
/// Degrees and metres above the ellipsoid; longitude first as GeoJSON and KML write it.
pub type Position = [f64; 3];

#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    LineString(Vec<Position>),
    /// The outer ring then any holes, each closed (last point = first).
    Polygon(Vec<Vec<Position>>),
}

/// A property value: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    /// "arc", "fan" or "impact-ellipse".
    pub kind: &'static str,
    pub geometry: Geometry,
    pub properties: Vec<(&'static str, Value)>,
}

/// A radar fan to export: the sensor, its nation and its footprint at `target_alt_km`.
pub struct FanInput<'a> {
    pub sensor: &'a str,
    pub nation: &'a str,
    pub target_alt_km: f64,
    pub footprint: &'a Footprint,
}

/// A predicted impact to export: which picture and track predicted it, and where.
///
/// # Units
/// Degrees; the ellipse is the 95% region (semi-axes in metres, orientation clockwise from north).
pub struct ImpactInput<'a> {
    pub picture: &'a str,
    pub track_id: u64,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub ellipse: GroundEllipse,
}

/// Each launch's arc (named by `names[i]`), sampled as the flight view's track.
pub fn arcs(flights: &[FlightView], names: &[String]) -> Vec<Feature> {
    flights
        .iter()
        .zip(names)
        .map(|(f, name)| {
            let s = &f.flight.summary;
            Feature {
                name: name.clone(),
                kind: "arc",
                geometry: Geometry::LineString(
                    f.track
                        .iter()
                        .map(|p| [p.lon_deg, p.lat_deg, p.alt_km.max(0.0) * 1000.0])
                        .collect(),
                ),
                properties: vec![
                    ("apogee_km", Value::Number(s.apogee_m / 1000.0)),
                    ("range_km", Value::Number(s.range_m / 1000.0)),
                    ("flight_time_s", Value::Number(s.flight_time_s)),
                    ("impact_lat_deg", Value::Number(s.impact_lat_deg)),
                    ("impact_lon_deg", Value::Number(s.impact_lon_deg)),
                ],
            }
        })
        .collect()
}

fn ring(points: &[LatLon]) -> Vec<Position> {
    let mut r: Vec<Position> = points.iter().map(|p| [p.lon_deg, p.lat_deg, 0.0]).collect();
    close(&mut r);
    r
}

fn close(r: &mut Vec<Position>) {
    if let (Some(first), Some(last)) = (r.first().copied(), r.last()) {
        if first != *last {
            r.push(first);
        }
    }
}

pub fn fans(fans: &[FanInput]) -> Vec<Feature> {
    fans.iter()
        .map(|f| {
            let mut rings = vec![ring(&f.footprint.outer)];
            rings.extend(f.footprint.hole.as_deref().map(ring));
            Feature {
                name: f.sensor.to_string(),
                kind: "fan",
                geometry: Geometry::Polygon(rings),
                properties: vec![
                    ("nation", Value::Text(f.nation.to_string())),
                    ("target_alt_km", Value::Number(f.target_alt_km)),
                    (
                        "max_ground_range_km",
                        Value::Number(f.footprint.max_ground_range_m / 1000.0),
                    ),
                    (
                        "horizon_ground_range_km",
                        Value::Number(f.footprint.horizon_ground_range_m / 1000.0),
                    ),
                ],
            }
        })
        .collect()
}

/// The outline of a ground ellipse centred at a point, on the WGS84 ellipsoid.
pub fn ellipse_ring(lat_deg: f64, lon_deg: f64, e: &GroundEllipse) -> Vec<Position> {
    let mut r: Vec<Position> = (0..ELLIPSE_POINTS)
        .map(|i| {
            let theta = std::f64::consts::TAU * i as f64 / ELLIPSE_POINTS as f64;
            let (along_m, across_m) = (e.semi_major_m * theta.cos(), e.semi_minor_m * theta.sin());
            let distance_m = along_m.hypot(across_m);
            // Clockwise from north, so the ring turns clockwise on the map as KML and GeoJSON readers accept.
            let bearing_deg = e.orientation_deg + across_m.atan2(along_m).to_degrees();
            let (lat, lon) = destination(lat_deg, lon_deg, bearing_deg, distance_m);
            [lon, lat, 0.0]
        })
        .collect();
    close(&mut r);
    r
}

pub fn impact_ellipses(impacts: &[ImpactInput]) -> Vec<Feature> {
    impacts
        .iter()
        .map(|i| Feature {
            name: format!("{} track {} predicted impact", i.picture, i.track_id),
            kind: "impact-ellipse",
            geometry: Geometry::Polygon(vec![ellipse_ring(i.lat_deg, i.lon_deg, &i.ellipse)]),
            properties: vec![
                ("picture", Value::Text(i.picture.to_string())),
                ("track_id", Value::Number(i.track_id as f64)),
                ("impact_lat_deg", Value::Number(i.lat_deg)),
                ("impact_lon_deg", Value::Number(i.lon_deg)),
                (
                    "semi_major_km",
                    Value::Number(i.ellipse.semi_major_m / 1000.0),
                ),
                (
                    "semi_minor_km",
                    Value::Number(i.ellipse.semi_minor_m / 1000.0),
                ),
                ("orientation_deg", Value::Number(i.ellipse.orientation_deg)),
                ("probability", Value::Number(0.95)),
            ],
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use picture_sim::earth;

    pub(crate) fn ellipse() -> GroundEllipse {
        GroundEllipse {
            semi_major_m: 40_000.0,
            semi_minor_m: 10_000.0,
            orientation_deg: 90.0,
        }
    }

    #[test]
    fn an_ellipse_ring_is_closed_and_has_its_axes() {
        let r = ellipse_ring(40.0, 135.0, &ellipse());
        assert_eq!(r.len(), ELLIPSE_POINTS + 1);
        assert_eq!(r.first(), r.last());
        let dist = |p: &Position| earth::inverse(40.0, 135.0, p[1], p[0]).distance_m;
        let far = r.iter().map(dist).fold(0.0, f64::max);
        let near = r.iter().map(dist).fold(f64::INFINITY, f64::min);
        assert!(
            (far - 40_000.0).abs() < 1.0 && (near - 10_000.0).abs() < 1.0,
            "{far} {near}"
        );
        // The major axis points east (orientation 90 degrees): the first point is east of the centre.
        assert!(
            r[0][0] > 135.3 && (r[0][1] - 40.0).abs() < 0.01,
            "{:?}",
            r[0]
        );
    }

    #[test]
    fn fan_rings_are_closed_and_holes_kept() {
        let fp = Footprint {
            outer: vec![
                LatLon {
                    lat_deg: 35.0,
                    lon_deg: 130.0,
                },
                LatLon {
                    lat_deg: 36.0,
                    lon_deg: 131.0,
                },
                LatLon {
                    lat_deg: 35.0,
                    lon_deg: 132.0,
                },
            ],
            hole: Some(vec![
                LatLon {
                    lat_deg: 35.2,
                    lon_deg: 130.9,
                },
                LatLon {
                    lat_deg: 35.4,
                    lon_deg: 131.0,
                },
                LatLon {
                    lat_deg: 35.2,
                    lon_deg: 131.1,
                },
            ]),
            min_ground_range_m: 1000.0,
            max_ground_range_m: 200_000.0,
            horizon_ground_range_m: 300_000.0,
        };
        let f = fans(&[FanInput {
            sensor: "Test radar",
            nation: "JP",
            target_alt_km: 100.0,
            footprint: &fp,
        }]);
        let Geometry::Polygon(rings) = &f[0].geometry else {
            panic!("a fan is a polygon")
        };
        assert_eq!(rings.len(), 2);
        assert!(rings.iter().all(|r| r.len() == 4 && r.first() == r.last()));
        assert_eq!(rings[0][1], [131.0, 36.0, 0.0], "longitude first");
    }
}
