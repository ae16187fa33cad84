//! GeoJSON (RFC 7946): a FeatureCollection of the arcs (LineStrings with altitude), fans and impact ellipses
//! (Polygons), each with its name, kind and figures as properties.

use super::features::{Feature, Geometry, Value};
use serde_json::{json, Map};

/// RFC 7946 positions are longitude, latitude, optional altitude; six decimals is 0.1 m.
fn pos(p: &[f64; 3]) -> serde_json::Value {
    let r = |v: f64, d: i32| (v * 10f64.powi(d)).round() / 10f64.powi(d);
    json!([r(p[0], 6), r(p[1], 6), r(p[2], 1)])
}

pub fn geojson(features: &[Feature]) -> String {
    let features: Vec<_> = features
        .iter()
        .map(|f| {
            let geometry = match &f.geometry {
                Geometry::LineString(points) => json!({
                    "type": "LineString",
                    "coordinates": points.iter().map(pos).collect::<Vec<_>>(),
                }),
                Geometry::Polygon(rings) => json!({
                    "type": "Polygon",
                    "coordinates": rings
                        .iter()
                        .map(|r| r.iter().map(pos).collect::<Vec<_>>())
                        .collect::<Vec<_>>(),
                }),
            };
            let mut props = Map::new();
            props.insert("name".into(), json!(f.name));
            props.insert("kind".into(), json!(f.kind));
            for (k, v) in &f.properties {
                let v = match v {
                    Value::Text(s) => json!(s),
                    // JSON has no NaN or infinity: an unknown figure is null.
                    Value::Number(x) if x.is_finite() => json!(x),
                    Value::Number(_) => serde_json::Value::Null,
                };
                props.insert((*k).into(), v);
            }
            json!({ "type": "Feature", "geometry": geometry, "properties": props })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features }).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::features::tests::ellipse;
    use super::super::features::{arcs, impact_ellipses, ImpactInput};
    use super::*;
    use crate::present::flight::FlightView;
    use crate::present::launch_form::LaunchForm;

    #[test]
    fn a_feature_collection_of_lines_and_polygons_with_properties() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let mut features = arcs(std::slice::from_ref(&f), &["Launch 1".to_string()]);
        features.extend(impact_ellipses(&[ImpactInput {
            picture: "Trilateral",
            track_id: 3,
            lat_deg: 41.0,
            lon_deg: 140.0,
            ellipse: ellipse(),
        }]));
        let v: serde_json::Value = serde_json::from_str(&geojson(&features)).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let fs = v["features"].as_array().unwrap();
        assert_eq!(fs.len(), 2);
        assert_eq!(fs[0]["geometry"]["type"], "LineString");
        assert_eq!(fs[0]["properties"]["kind"], "arc");
        let coords = fs[0]["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(coords.len(), f.track.len());
        assert_eq!(
            coords[0][0].as_f64().unwrap(),
            (f.site_lon_deg * 1e6).round() / 1e6
        );
        assert_eq!(fs[1]["geometry"]["type"], "Polygon");
        assert_eq!(fs[1]["properties"]["picture"], "Trilateral");
        assert_eq!(fs[1]["properties"]["semi_major_km"], 40.0);
        let ring = fs[1]["geometry"]["coordinates"][0].as_array().unwrap();
        assert_eq!(ring.first(), ring.last());
    }
}
