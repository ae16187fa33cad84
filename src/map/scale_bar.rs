//! The scale bar: a round ground distance and its length on the screen at the view's centre.

use super::projection::LambertConformal;
use super::viewport::Viewport;

#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBar {
    pub length_px: f64,
    pub distance_km: f64,
    pub label: String,
}

/// The longest round distance (1, 2 or 5 times a power of ten, km) whose bar is at most `max_px` long. It is
/// true at the view's centre: the map's scale factor there converts projected km to ground km.
pub fn scale_bar(proj: &LambertConformal, view: &Viewport, max_px: f64) -> ScaleBar {
    let (lat, _) = proj.inverse(view.center);
    let px_per_ground_km = view.scale_px_per_km * proj.scale_factor(lat.clamp(-80.0, 80.0));
    let max_km = max_px / px_per_ground_km;
    let pow = 10f64.powf(max_km.log10().floor());
    let distance_km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|d| *d <= max_km)
        .unwrap_or(pow);
    ScaleBar {
        length_px: distance_km * px_per_ground_km,
        distance_km,
        label: format!("{distance_km} km"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::MapPoint;

    fn view() -> Viewport {
        Viewport {
            width_px: 800.0,
            height_px: 600.0,
            scale_px_per_km: 1.0,
            center: MapPoint {
                x_km: 0.0,
                y_km: 0.0,
            },
            min_scale_px_per_km: 0.01,
        }
    }

    #[test]
    fn bar_is_round_and_fits() {
        let proj = LambertConformal::theatre();
        for s in [0.02, 0.1, 0.37, 1.0, 2.0] {
            let v = Viewport {
                scale_px_per_km: s,
                ..view()
            };
            let b = scale_bar(&proj, &v, 150.0);
            assert!(
                b.length_px <= 150.0 + 1e-9 && b.length_px > 150.0 / 5.0 - 1e-9,
                "{b:?}"
            );
            let mantissa = b.distance_km / 10f64.powf(b.distance_km.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9),
                "{b:?}"
            );
        }
    }

    #[test]
    fn bar_measures_ground_distance() {
        // At the origin (38 N) the scale factor is below 1: 100 ground km are shorter than 100 projected km.
        let proj = LambertConformal::theatre();
        let v = Viewport {
            scale_px_per_km: 1.0,
            ..view()
        };
        let b = scale_bar(&proj, &v, 150.0);
        assert_eq!(b.distance_km, 100.0);
        assert!((b.length_px - 100.0 * proj.scale_factor(38.0)).abs() < 1e-6);
    }
}
