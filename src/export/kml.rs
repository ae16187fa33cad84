//! KML 2.2: the same features as the GeoJSON, as Placemarks in folders by kind; arcs at their true altitude
//! (altitudeMode absolute), fans and ellipses clamped to the ground; properties as ExtendedData.

use super::features::{Feature, Geometry, Position, Value};
use std::fmt::Write;

/// XML text with the five special characters escaped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn coords(points: &[Position]) -> String {
    points
        .iter()
        .map(|p| format!("{:.6},{:.6},{:.1}", p[0], p[1], p[2]))
        .collect::<Vec<_>>()
        .join(" ")
}

const FOLDERS: [(&str, &str); 3] = [
    ("arc", "Flights"),
    ("fan", "Radar fans"),
    ("impact-ellipse", "Predicted impacts"),
];

pub fn kml(title: &str, features: &[Feature]) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
    let _ = writeln!(out, "<name>{}</name>", xml_escape(title));
    // Translucent polygons, opaque arcs (colours are aabbggrr).
    out.push_str("<Style id=\"arc\"><LineStyle><color>ff00a5ff</color><width>3</width></LineStyle></Style>\n");
    out.push_str("<Style id=\"fan\"><LineStyle><color>ffb27200</color></LineStyle><PolyStyle><color>40b27200</color></PolyStyle></Style>\n");
    out.push_str("<Style id=\"impact-ellipse\"><LineStyle><color>ff2020d0</color><width>2</width></LineStyle><PolyStyle><color>302020d0</color></PolyStyle></Style>\n");
    for (kind, folder) in FOLDERS {
        let of_kind: Vec<_> = features.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<Folder><name>{folder}</name>");
        for f in of_kind {
            let _ = writeln!(
                out,
                "<Placemark><name>{}</name><styleUrl>#{}</styleUrl>",
                xml_escape(&f.name),
                f.kind
            );
            out.push_str("<ExtendedData>");
            for (k, v) in &f.properties {
                let v = match v {
                    Value::Text(s) => xml_escape(s),
                    Value::Number(x) => format!("{x}"),
                };
                let _ = write!(out, "<Data name=\"{k}\"><value>{v}</value></Data>");
            }
            out.push_str("</ExtendedData>\n");
            match &f.geometry {
                Geometry::LineString(points) => {
                    let _ = writeln!(
                        out,
                        "<LineString><altitudeMode>absolute</altitudeMode><coordinates>{}</coordinates></LineString>",
                        coords(points)
                    );
                }
                Geometry::Polygon(rings) => {
                    out.push_str("<Polygon><altitudeMode>clampToGround</altitudeMode>");
                    for (i, r) in rings.iter().enumerate() {
                        let tag = if i == 0 {
                            "outerBoundaryIs"
                        } else {
                            "innerBoundaryIs"
                        };
                        let _ = write!(
                            out,
                            "<{tag}><LinearRing><coordinates>{}</coordinates></LinearRing></{tag}>",
                            coords(r)
                        );
                    }
                    out.push_str("</Polygon>\n");
                }
            }
            out.push_str("</Placemark>\n");
        }
        out.push_str("</Folder>\n");
    }
    out.push_str("</Document>\n</kml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::tests::ellipse;
    use super::super::features::{arcs, impact_ellipses, ImpactInput};
    use super::*;
    use crate::present::flight::FlightView;
    use crate::present::launch_form::LaunchForm;

    #[test]
    fn placemarks_for_each_feature_with_escaped_names() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let mut features = arcs(std::slice::from_ref(&f), &["Launch <1> & co".to_string()]);
        features.extend(impact_ellipses(&[ImpactInput {
            picture: "Japan",
            track_id: 1,
            lat_deg: 41.0,
            lon_deg: 140.0,
            ellipse: ellipse(),
        }]));
        let k = kml("Shared Picture", &features);
        assert!(k.starts_with("<?xml"));
        assert_eq!(k.matches("<Placemark>").count(), 2);
        assert_eq!(
            k.matches("<Placemark>").count(),
            k.matches("</Placemark>").count()
        );
        assert!(k.contains("<name>Launch &lt;1&gt; &amp; co</name>"));
        assert!(k.contains("<LineString><altitudeMode>absolute</altitudeMode>"));
        assert!(k.contains("<outerBoundaryIs><LinearRing>"));
        assert!(k.contains("<Data name=\"picture\"><value>Japan</value></Data>"));
        let line = k
            .split("<coordinates>")
            .nth(1)
            .unwrap()
            .split("</coordinates>")
            .next()
            .unwrap();
        assert_eq!(line.split(' ').count(), f.track.len());
    }

    #[test]
    fn escapes_xml() {
        assert_eq!(xml_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}
