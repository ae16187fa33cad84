//! The side view of a flight: altitude against ground range in the flight's vertical plane, over the curved
//! Earth, to scale. A flat flight (a 50 km apogee over 600 km) would be a line at true scale, so the picture may
//! be stretched vertically by a round factor, which the chart states. The stretch is applied to the true plane
//! geometry (Earth and flight alike): an affine map keeps straight lines straight and keeps a point on the same
//! side of a line, so what is above a horizon stays above it at any exaggeration.

use picture_sim::earth::section::plane_position;
use picture_sim::earth::MEAN_RADIUS_M;

const R_KM: f64 = MEAN_RADIUS_M / 1000.0;
const EXAGGERATIONS: [f64; 7] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];

/// A chart point in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Px {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SideView {
    /// Vertical exaggeration (1 = true scale).
    pub exaggeration: f64,
    /// Pixels per km.
    pub px_per_km: f64,
    pub width_px: f64,
    pub height_px: f64,
    pub margin_px: f64,
    /// The left margin, wider: it holds the altitude labels.
    pub left_px: f64,
    pub max_alt_km: f64,
    /// The highest plane y (km, after the stretch) in the chart, at the top margin.
    top_km: f64,
}

/// Position in the flight plane, km: x along the launch point's horizontal, y up, before the stretch.
/// The core's cross-section of the mean sphere (`picture_sim::earth::section`).
fn plane_km(range_km: f64, alt_km: f64) -> (f64, f64) {
    plane_position(R_KM, range_km, alt_km)
}

impl SideView {
    /// Fits points of (ground range km, altitude km) and the ground beneath them into a chart of the given
    /// size, with the smallest exaggeration of 1, 2, 5, 10, 20, 50, 100 that makes the flight at least a
    /// quarter of the chart's inner height.
    pub fn fit(points: &[(f64, f64)], width_px: f64, height_px: f64) -> SideView {
        let margin_px = 36.0;
        let left_px = 96.0;
        let max_range_km = points.iter().map(|p| p.0).fold(1.0, f64::max);
        let max_alt_km = points.iter().map(|p| p.1).fold(1.0, f64::max);
        let inner_w = (width_px - left_px - margin_px).max(10.0);
        let inner_h = (height_px - 2.0 * margin_px).max(10.0);
        let ground: Vec<(f64, f64)> = (0..=20)
            .map(|i| (max_range_km * i as f64 / 20.0, 0.0))
            .collect();
        let mut chosen = None;
        for e in EXAGGERATIONS {
            let (mut x0, mut x1, mut y0, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
            for &(r, a) in points.iter().chain(&ground) {
                let (x, y) = plane_km(r, a);
                x0 = x0.min(x);
                x1 = x1.max(x);
                y0 = y0.min(y * e);
                y1 = y1.max(y * e);
            }
            let s = (inner_w / (x1 - x0).max(1e-9)).min(inner_h / (y1 - y0).max(1e-9));
            chosen = Some((e, s, y1));
            if max_alt_km * e * s >= inner_h / 4.0 {
                break;
            }
        }
        let (exaggeration, px_per_km, top_km) = chosen.unwrap_or((1.0, 1.0, max_alt_km));
        SideView {
            exaggeration,
            px_per_km,
            width_px,
            height_px,
            margin_px,
            left_px,
            max_alt_km,
            top_km,
        }
    }

    /// Where a point of (ground range km, altitude km) is drawn.
    pub fn to_px(&self, range_km: f64, alt_km: f64) -> Px {
        let (x, y) = plane_km(range_km, alt_km);
        Px {
            x: self.left_px + x * self.px_per_km,
            y: self.margin_px + (self.top_km - y * self.exaggeration) * self.px_per_km,
        }
    }

    /// Altitude ticks on the vertical axis above the launch point: (y px, label).
    pub fn ticks(&self) -> Vec<(f64, String)> {
        let target = self.max_alt_km / 4.0;
        let pow = 10f64.powf(target.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * pow)
            .find(|s| *s >= target)
            .unwrap_or(pow * 10.0);
        (0..=8)
            .map(|i| i as f64 * step)
            .take_while(|h| *h <= self.max_alt_km * 1.05)
            .map(|h| (self.to_px(0.0, h).y, format!("{h} km")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lofted_flight_is_to_scale_and_flat_one_is_exaggerated() {
        let lofted = SideView::fit(&[(0.0, 0.0), (500.0, 6000.0), (1000.0, 0.0)], 600.0, 300.0);
        assert_eq!(lofted.exaggeration, 1.0);
        let flat = SideView::fit(&[(0.0, 0.0), (300.0, 50.0), (600.0, 0.0)], 600.0, 300.0);
        assert!(flat.exaggeration > 1.0, "{flat:?}");
        let flatter = SideView::fit(&[(0.0, 0.0), (300.0, 5.0), (600.0, 0.0)], 600.0, 300.0);
        assert!(flatter.exaggeration > flat.exaggeration, "{flatter:?}");
    }

    #[test]
    fn everything_fits_inside_the_chart() {
        for pts in [
            vec![(0.0, 0.0), (1350.0, 550.0), (2700.0, 0.0)],
            vec![(0.0, 0.0), (500.0, 6000.0), (1000.0, 0.0)],
            vec![(0.0, 0.0), (300.0, 50.0), (600.0, 0.0)],
        ] {
            let v = SideView::fit(&pts, 600.0, 300.0);
            for &(r, a) in &pts {
                let p = v.to_px(r, a);
                assert!(
                    p.x >= 95.9 && p.x <= 564.1 && p.y >= 35.9 && p.y <= 264.1,
                    "{p:?} {v:?}"
                );
            }
        }
    }

    #[test]
    fn the_ground_curves_away_and_true_scale_is_isotropic() {
        let v = SideView::fit(&[(0.0, 0.0), (1350.0, 550.0), (2700.0, 0.0)], 600.0, 300.0);
        assert!(v.to_px(2700.0, 0.0).y > v.to_px(0.0, 0.0).y);
        assert!(v.to_px(0.0, 100.0).y < v.to_px(0.0, 0.0).y);
        let lofted = SideView::fit(&[(0.0, 0.0), (500.0, 6000.0), (1000.0, 0.0)], 600.0, 300.0);
        // At true scale 100 km up is as many pixels as 100 km along, near the launch point.
        let up = lofted.to_px(0.0, 0.0).y - lofted.to_px(0.0, 100.0).y;
        let along = lofted.to_px(100.0, 0.0).x - lofted.to_px(0.0, 0.0).x;
        assert!((up / along - 1.0).abs() < 1e-3);
    }

    #[test]
    fn stretch_keeps_sides_of_a_line() {
        // A point above the chord between two others stays above it at any exaggeration.
        let pts = [(0.0, 0.0), (300.0, 50.0), (600.0, 0.0)];
        let v = SideView::fit(&pts, 600.0, 300.0);
        let (a, b, c) = (v.to_px(0.0, 0.0), v.to_px(600.0, 0.0), v.to_px(300.0, 1.0));
        let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        assert!(cross < 0.0, "above the chord (screen y down)");
    }

    #[test]
    fn ticks_are_round_and_on_the_axis() {
        let v = SideView::fit(&[(0.0, 0.0), (500.0, 6000.0), (1000.0, 0.0)], 600.0, 300.0);
        let t = v.ticks();
        assert_eq!(t[0].1, "0 km");
        assert!(t.len() >= 3);
        assert!(
            (t[1].0
                - v.to_px(0.0, t[1].1.trim_end_matches(" km").parse().unwrap())
                    .y)
                .abs()
                < 1e-9
        );
    }
}
