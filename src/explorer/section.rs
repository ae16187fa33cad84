//! The cross-section's layout: the plane through the Earth's centre, the radar and the launch, with the radar
//! at the origin and ground distance from the radar along the surface. The Earth is drawn to scale; heights
//! (and the Earth's drop below the radar's horizontal, so that what is above a line stays above it) are
//! stretched by the vertical exaggeration, which the chart labels.

use picture_sim::earth::section::plane_position;
use picture_sim::earth::MEAN_RADIUS_M;

const R_KM: f64 = MEAN_RADIUS_M / 1000.0;

/// The exaggerations the control offers.
pub const EXAGGERATIONS: [f64; 7] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];

/// A point in the chart, pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Px {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub exaggeration: f64,
    pub px_per_km: f64,
    pub width_px: f64,
    pub height_px: f64,
    left_px: f64,
    top_px: f64,
    /// The plane x (km) at the left edge, and the stretched plane y (km) at the top.
    x0_km: f64,
    top_km: f64,
    /// With a chosen exaggeration that cuts the tallest points: the height above the radar at the top edge,
    /// km (what is higher is off the chart).
    pub cut_above_km: Option<f64>,
}

/// The plane position (km) of a point at ground distance `ground_km` from the radar and height `alt_km`: x
/// along the radar's horizontal, y up from the surface under the radar, before the stretch.
/// The core's cross-section of the mean sphere (`picture_sim::earth::section`).
fn plane_km(ground_km: f64, alt_km: f64) -> (f64, f64) {
    plane_position(R_KM, ground_km, alt_km)
}

impl Section {
    /// Fits the points (ground km, height km) and the ground beneath them into a chart of the given size with
    /// the given exaggeration, or, with `None`, the smallest offered one that makes the tallest point at least
    /// a quarter of the chart's height.
    pub fn fit(
        points: &[(f64, f64)],
        width_px: f64,
        height_px: f64,
        exaggeration: Option<f64>,
    ) -> Section {
        let (left_px, top_px, right_px, bottom_px) = (64.0, 28.0, 16.0, 28.0);
        let inner_w = (width_px - left_px - right_px).max(10.0);
        let inner_h = (height_px - top_px - bottom_px).max(10.0);
        let min_s = points.iter().map(|p| p.0).fold(0.0, f64::min);
        let max_s = points.iter().map(|p| p.0).fold(1.0, f64::max);
        let max_alt = points.iter().map(|p| p.1).fold(0.1, f64::max);
        let ground: Vec<(f64, f64)> = (0..=20)
            .map(|i| (min_s + (max_s - min_s) * i as f64 / 20.0, 0.0))
            .collect();
        let fit_one = |e: f64| {
            let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
            for &(s, a) in points.iter().chain(&ground) {
                let (x, y) = plane_km(s, a);
                x0 = x0.min(x);
                x1 = x1.max(x);
                y0 = y0.min(y * e);
                y1 = y1.max(y * e);
            }
            let px = (inner_w / (x1 - x0).max(1e-9)).min(inner_h / (y1 - y0).max(1e-9));
            (e, px, x0, y1)
        };
        let chosen = match exaggeration {
            // A chosen exaggeration zooms the heights: the width still fits, and the chart shows the ground
            // at the radar 40% down, with the height above it and the Earth's drop below that fit (the rest is cut).
            Some(e) if e.is_finite() && e >= 1.0 => {
                let (e, _, x0, y1) = fit_one(e);
                let (_, x1) = points
                    .iter()
                    .chain(&ground)
                    .map(|&(s, a)| plane_km(s, a).0)
                    .fold((x0, x0), |(lo, hi), x| (lo.min(x), hi.max(x)));
                let px = inner_w / (x1 - x0).max(1e-9);
                (e, px, x0, y1.min(0.4 * inner_h / px))
            }
            _ => EXAGGERATIONS
                .iter()
                .map(|&e| fit_one(e))
                .find(|&(e, px, _, _)| max_alt * e * px >= inner_h / 4.0)
                .unwrap_or_else(|| fit_one(EXAGGERATIONS[EXAGGERATIONS.len() - 1])),
        };
        let tallest_km = points
            .iter()
            .map(|&(s, a)| plane_km(s, a).1)
            .fold(f64::MIN, f64::max);
        let (exaggeration, px_per_km, x0_km, top_km) = chosen;
        let cut_above_km =
            (tallest_km * exaggeration > top_km * (1.0 + 1e-9)).then(|| top_km / exaggeration);
        Section {
            exaggeration,
            px_per_km,
            width_px,
            height_px,
            left_px,
            top_px,
            x0_km,
            top_km,
            cut_above_km,
        }
    }

    /// What a chosen exaggeration cuts off, in words (none when everything fits).
    pub fn cut_note(&self) -> Option<String> {
        self.cut_above_km.map(|h| {
            format!(
                "Heights above about {} km are off the top: a smaller exaggeration, or Automatic, shows them",
                nice_round(h)
            )
        })
    }

    /// Where a point at ground distance `ground_km` from the radar and height `alt_km` is drawn.
    pub fn to_px(&self, ground_km: f64, alt_km: f64) -> Px {
        let (x, y) = plane_km(ground_km, alt_km);
        Px {
            x: self.left_px + (x - self.x0_km) * self.px_per_km,
            y: self.top_px + (self.top_km - y * self.exaggeration) * self.px_per_km,
        }
    }

    /// An SVG path through the points (ground km, height km).
    pub fn path(&self, points: &[(f64, f64)]) -> String {
        let mut d = String::with_capacity(points.len() * 16);
        for (i, &(s, a)) in points.iter().enumerate() {
            let p = self.to_px(s, a);
            d.push_str(&format!(
                "{}{:.1} {:.1}",
                if i == 0 { "M" } else { "L" },
                p.x,
                p.y
            ));
        }
        d
    }

    /// The label of the vertical scale.
    pub fn scale_label(&self) -> String {
        if self.exaggeration == 1.0 {
            "True scale (heights ×1)".to_string()
        } else {
            format!("Heights ×{} (vertical exaggeration)", self.exaggeration)
        }
    }

    /// Height ticks above the radar: (y px, label), about four of them up to `max_alt_km`.
    pub fn height_ticks(&self, max_alt_km: f64) -> Vec<(f64, String)> {
        // Up to the highest height in view above the radar, when heights are zoomed and the top is cut.
        let max_alt_km = max_alt_km.min(self.top_km / self.exaggeration).max(0.1);
        let step = nice_step(max_alt_km / 4.0);
        (0..=8)
            .map(|i| i as f64 * step)
            .take_while(|h| *h <= max_alt_km * 1.05)
            .map(|h| (self.to_px(0.0, h).y, format!("{h} km")))
            .collect()
    }

    /// Ground-distance ticks along the surface: (point px, label). None at the radar, where the height axis
    /// has its own 0.
    pub fn ground_ticks(&self, max_ground_km: f64) -> Vec<(Px, String)> {
        let step = nice_step(max_ground_km / 5.0);
        (1..=10)
            .map(|i| i as f64 * step)
            .take_while(|s| *s <= max_ground_km * 1.001)
            .map(|s| (self.to_px(s, 0.0), format!("{s} km")))
            .collect()
    }
}

/// A height for a sentence: whole kilometres, to two significant figures above 100 km.
fn nice_round(km: f64) -> String {
    let step = if km >= 100.0 {
        10f64.powf(km.log10().floor() - 1.0)
    } else {
        1.0
    };
    format!("{:.0}", (km / step).round() * step)
}

/// 1, 2 or 5 times a power of ten, at least `rough` (and positive).
pub fn nice_step(rough: f64) -> f64 {
    let rough = if rough.is_finite() && rough > 0.0 {
        rough
    } else {
        1.0
    };
    let pow = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= rough)
        .unwrap_or(pow * 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_fits_and_the_ground_curves_away() {
        let pts = [(0.0, 0.03), (300.0, 10.0), (1100.0, 550.0), (3000.0, 0.0)];
        let inside = |p: Px| p.x >= 63.9 && p.x <= 884.1 && p.y >= 27.9 && p.y <= 352.1;
        let v = Section::fit(&pts, 900.0, 380.0, None);
        for &(s, a) in &pts {
            assert!(inside(v.to_px(s, a)), "{:?}", v.to_px(s, a));
        }
        for e in [1.0, 10.0, 100.0] {
            // A chosen exaggeration keeps the width and the radar in view, and may cut the highest points.
            let v = Section::fit(&pts, 900.0, 380.0, Some(e));
            assert!(inside(v.to_px(0.0, 0.0)), "{e}");
            assert!(
                v.to_px(0.0, 0.0).y > 27.9 + 0.4 * 324.0 - 1.0 || e == 1.0,
                "{e}"
            );
            for &(s, a) in &pts {
                let p = v.to_px(s, a);
                assert!(p.x >= 63.9 && p.x <= 884.1, "{e} {p:?}");
            }
            assert!(v.to_px(3000.0, 0.0).y > v.to_px(0.0, 0.0).y);
        }
        let high = Section::fit(&pts, 900.0, 380.0, Some(100.0));
        assert!(
            high.to_px(1100.0, 550.0).y < 0.0,
            "the apogee is cut at x100"
        );
        // And the chart says so: the height at its top edge, which the apogee is above.
        let cut_km = high.cut_above_km.expect("cut");
        assert!(cut_km < 550.0 && cut_km > 0.0, "{cut_km}");
        assert!(
            (high.to_px(0.0, cut_km).y - 28.0).abs() < 1.0,
            "{:?}",
            high.to_px(0.0, cut_km)
        );
        assert!(high.cut_note().unwrap().starts_with("Heights above about "));
        // Automatic and true scale fit everything: nothing is cut, nothing said.
        for e in [None, Some(1.0)] {
            let v = Section::fit(&pts, 900.0, 380.0, e);
            assert_eq!(v.cut_above_km, None, "{e:?}");
            assert_eq!(v.cut_note(), None);
        }
    }

    #[test]
    fn exaggeration_stretches_heights_only() {
        let pts = [(0.0, 0.0), (500.0, 50.0), (1000.0, 0.0)];
        let v = Section::fit(&pts, 900.0, 380.0, Some(10.0));
        assert_eq!(v.exaggeration, 10.0);
        let up = v.to_px(0.0, 0.0).y - v.to_px(0.0, 10.0).y;
        assert!((up - 100.0 * v.px_per_km).abs() < 1e-9);
        assert!(v.scale_label().contains("×10"));
        let auto = Section::fit(&pts, 900.0, 380.0, None);
        assert!(auto.exaggeration > 1.0, "a flat scene is stretched");
        assert!(Section::fit(&pts, 900.0, 380.0, Some(1.0))
            .scale_label()
            .starts_with("True scale"));
    }

    #[test]
    fn heights_for_a_sentence() {
        assert_eq!(nice_round(37.4), "37");
        assert_eq!(nice_round(137.0), "140");
        assert_eq!(nice_round(1234.0), "1200");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(130.0), 200.0);
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }
}
