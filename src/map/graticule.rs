//! The graticule: parallels and meridians every few degrees, and where to label them on the screen.

use super::projection::{LambertConformal, MapPoint};
use super::viewport::Viewport;

/// Latitudes and longitudes the graticule spans (the map data's extent), degrees.
pub const LAT_RANGE_DEG: (f64, f64) = (8.0, 62.0);
pub const LON_RANGE_DEG: (f64, f64) = (88.0, 180.0);

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GraticuleKind {
    Parallel { lat_deg: f64 },
    Meridian { lon_deg: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct GraticuleLine {
    pub kind: GraticuleKind,
    pub points: Vec<MapPoint>,
}

/// Lines every `step_deg` degrees, sampled every half degree (parallels are arcs on a conic projection).
pub fn lines(proj: &LambertConformal, step_deg: f64) -> Vec<GraticuleLine> {
    let mut out = Vec::new();
    let first_lat = (LAT_RANGE_DEG.0 / step_deg).ceil() * step_deg;
    let mut lat = first_lat;
    while lat <= LAT_RANGE_DEG.1 {
        let n = ((LON_RANGE_DEG.1 - LON_RANGE_DEG.0) * 2.0) as usize;
        let points = (0..=n)
            .map(|i| proj.forward(lat, LON_RANGE_DEG.0 + i as f64 * 0.5))
            .collect();
        out.push(GraticuleLine {
            kind: GraticuleKind::Parallel { lat_deg: lat },
            points,
        });
        lat += step_deg;
    }
    let mut lon = (LON_RANGE_DEG.0 / step_deg).ceil() * step_deg;
    while lon <= LON_RANGE_DEG.1 {
        let points = vec![
            proj.forward(LAT_RANGE_DEG.0, lon),
            proj.forward(LAT_RANGE_DEG.1, lon),
        ];
        out.push(GraticuleLine {
            kind: GraticuleKind::Meridian { lon_deg: lon },
            points,
        });
        lon += step_deg;
    }
    out
}

/// A graticule label placed on the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeLabel {
    pub text: String,
    pub x_px: f64,
    pub y_px: f64,
}

/// Labels for parallels along the left edge and meridians along the top edge of the view, where each line
/// crosses `inset_px` inside that edge. Found by bisection: on this projection, a parallel's screen x grows
/// with longitude and a meridian's screen y falls with latitude. The bottom edge is left to the scale bar and
/// the readout.
pub fn edge_labels(
    proj: &LambertConformal,
    view: &Viewport,
    step_deg: f64,
    inset_px: f64,
) -> Vec<EdgeLabel> {
    let mut out = Vec::new();
    let mut lat = (LAT_RANGE_DEG.0 / step_deg).ceil() * step_deg;
    while lat <= LAT_RANGE_DEG.1 {
        let x_of = |lon: f64| view.to_screen(proj.forward(lat, lon)).0;
        if let Some(lon) = bisect(x_of, inset_px, LON_RANGE_DEG.0, LON_RANGE_DEG.1) {
            let (x, y) = view.to_screen(proj.forward(lat, lon));
            if y > 30.0 && y < view.height_px - 70.0 {
                out.push(EdgeLabel {
                    text: format_lat(lat),
                    x_px: x,
                    y_px: y,
                });
            }
        }
        lat += step_deg;
    }
    let mut lon = (LON_RANGE_DEG.0 / step_deg).ceil() * step_deg;
    while lon <= LON_RANGE_DEG.1 {
        // Screen y falls as latitude grows: bisect on the negated value to keep it increasing.
        let y_of = |lat: f64| -view.to_screen(proj.forward(lat, lon)).1;
        if let Some(lat) = bisect(y_of, -(inset_px + 8.0), LAT_RANGE_DEG.0, LAT_RANGE_DEG.1) {
            let (x, y) = view.to_screen(proj.forward(lat, lon));
            if x > 48.0 && x < view.width_px - 60.0 {
                out.push(EdgeLabel {
                    text: format_lon(lon),
                    x_px: x,
                    y_px: y,
                });
            }
        }
        lon += step_deg;
    }
    out
}

/// The `v` in [lo, hi] where the increasing function `f` equals `target`, if it is crossed there.
fn bisect(f: impl Fn(f64) -> f64, target: f64, mut lo: f64, mut hi: f64) -> Option<f64> {
    if f(lo) > target || f(hi) < target {
        return None;
    }
    for _ in 0..50 {
        let mid = (lo + hi) / 2.0;
        if f(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some((lo + hi) / 2.0)
}

/// A graticule step that keeps lines about 60 to 200 pixels apart at this zoom.
pub fn step_for_scale(scale_px_per_km: f64) -> f64 {
    // One degree of latitude is about 111 km.
    let px_per_deg = scale_px_per_km * 111.0;
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|s| s * px_per_deg >= 60.0)
        .unwrap_or(10.0)
}

pub fn format_lat(lat_deg: f64) -> String {
    format!(
        "{:.0}°{}",
        lat_deg.abs(),
        if lat_deg >= 0.0 { "N" } else { "S" }
    )
}

pub fn format_lon(lon_deg: f64) -> String {
    format!(
        "{:.0}°{}",
        lon_deg.abs(),
        if lon_deg >= 0.0 { "E" } else { "W" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::viewport::MapBounds;

    #[test]
    fn labels_sit_on_their_lines_at_the_edges() {
        let proj = LambertConformal::theatre();
        let b = MapBounds {
            min: proj.forward(22.0, 115.0),
            max: proj.forward(50.0, 160.0),
        };
        let view = Viewport::fit(b, 1200.0, 800.0);
        let labels = edge_labels(&proj, &view, 5.0, 6.0);
        assert!(labels.iter().any(|l| l.text == "35°N"));
        assert!(labels.iter().any(|l| l.text == "130°E"));
        for l in &labels {
            let (lat, lon) = proj.inverse(view.to_map(l.x_px, l.y_px));
            if l.text.ends_with('N') {
                assert!((l.x_px - 6.0).abs() < 1e-6);
                assert!((lat - l.text.trim_end_matches("°N").parse::<f64>().unwrap()).abs() < 1e-6);
            } else {
                assert!((l.y_px - 14.0).abs() < 1e-6);
                assert!((lon - l.text.trim_end_matches("°E").parse::<f64>().unwrap()).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn step_grows_as_the_map_zooms_out() {
        assert_eq!(step_for_scale(2.0), 1.0);
        assert_eq!(step_for_scale(0.15), 5.0);
        assert_eq!(step_for_scale(0.05), 10.0);
    }
}
