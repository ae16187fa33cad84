//! The map viewport: which part of the projected plane the screen shows, and the pan and zoom maths.
//! Pure, no web dependency (tested natively).

use super::projection::MapPoint;

/// Closest zoom, pixels per projected kilometre (0.5 km a pixel: the map data's simplification is finer).
pub const MAX_SCALE: f64 = 2.0;
/// How far out from the fitted theatre the user may zoom: beyond this the map data's edge would show.
pub const ZOOM_OUT_FROM_FIT: f64 = 2.0;

/// # Units
/// Screen coordinates in CSS pixels from the top-left corner, y down; map coordinates in projected km, y north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width_px: f64,
    pub height_px: f64,
    pub scale_px_per_km: f64,
    /// The map point at the centre of the screen.
    pub center: MapPoint,
    /// The widest zoom allowed, px per km (set by [`Viewport::fit`]).
    pub min_scale_px_per_km: f64,
}

/// A box in projected km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapBounds {
    pub min: MapPoint,
    pub max: MapPoint,
}

impl MapBounds {
    pub fn center(&self) -> MapPoint {
        MapPoint {
            x_km: (self.min.x_km + self.max.x_km) / 2.0,
            y_km: (self.min.y_km + self.max.y_km) / 2.0,
        }
    }
}

impl Viewport {
    /// The view that shows `bounds` whole, centred, on a screen of the given size.
    pub fn fit(bounds: MapBounds, width_px: f64, height_px: f64) -> Viewport {
        let w = width_px.max(1.0);
        let h = height_px.max(1.0);
        let sx = w / (bounds.max.x_km - bounds.min.x_km).max(1e-9);
        let sy = h / (bounds.max.y_km - bounds.min.y_km).max(1e-9);
        let scale = sx.min(sy).min(MAX_SCALE);
        Viewport {
            width_px: w,
            height_px: h,
            scale_px_per_km: scale,
            center: bounds.center(),
            min_scale_px_per_km: scale / ZOOM_OUT_FROM_FIT,
        }
    }

    pub fn to_screen(&self, p: MapPoint) -> (f64, f64) {
        (
            self.width_px / 2.0 + (p.x_km - self.center.x_km) * self.scale_px_per_km,
            self.height_px / 2.0 - (p.y_km - self.center.y_km) * self.scale_px_per_km,
        )
    }

    pub fn to_map(&self, x_px: f64, y_px: f64) -> MapPoint {
        MapPoint {
            x_km: self.center.x_km + (x_px - self.width_px / 2.0) / self.scale_px_per_km,
            y_km: self.center.y_km - (y_px - self.height_px / 2.0) / self.scale_px_per_km,
        }
    }

    /// Moves the map with the pointer: the map point under the pointer follows it.
    pub fn pan(&self, dx_px: f64, dy_px: f64) -> Viewport {
        let s = self.scale_px_per_km;
        Viewport {
            center: MapPoint {
                x_km: self.center.x_km - dx_px / s,
                y_km: self.center.y_km + dy_px / s,
            },
            ..*self
        }
    }

    /// Zooms by `factor` (>1 zooms in) keeping the map point under (x_px, y_px) where it is on the screen.
    /// The scale is clamped to [min_scale_px_per_km, MAX_SCALE].
    pub fn zoom_about(&self, x_px: f64, y_px: f64, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.to_map(x_px, y_px);
        let s = (self.scale_px_per_km * factor)
            .clamp(self.min_scale_px_per_km.min(MAX_SCALE), MAX_SCALE);
        Viewport {
            scale_px_per_km: s,
            center: MapPoint {
                x_km: anchor.x_km - (x_px - self.width_px / 2.0) / s,
                y_km: anchor.y_km + (y_px - self.height_px / 2.0) / s,
            },
            ..*self
        }
    }

    /// The same view on a resized screen: the centre and scale stay.
    pub fn resized(&self, width_px: f64, height_px: f64) -> Viewport {
        Viewport {
            width_px: width_px.max(1.0),
            height_px: height_px.max(1.0),
            ..*self
        }
    }

    /// Keeps the screen centre inside `bounds`, so the map cannot be lost off-screen.
    pub fn clamped_to(&self, bounds: MapBounds) -> Viewport {
        Viewport {
            center: MapPoint {
                x_km: self.center.x_km.clamp(bounds.min.x_km, bounds.max.x_km),
                y_km: self.center.y_km.clamp(bounds.min.y_km, bounds.max.y_km),
            },
            ..*self
        }
    }

    /// This view (fitted to its screen) moved to `center` and zoomed by `zoom` (1: as fitted), kept within the
    /// zoom limits and `limits`.
    pub fn at(&self, center: MapPoint, zoom: f64, limits: MapBounds) -> Viewport {
        Viewport {
            center,
            scale_px_per_km: (self.scale_px_per_km * zoom)
                .clamp(self.min_scale_px_per_km, MAX_SCALE),
            ..*self
        }
        .clamped_to(limits)
    }

    /// The SVG transform that draws map km on this screen (y flipped: north is up).
    pub fn svg_transform(&self) -> String {
        let s = self.scale_px_per_km;
        let (tx, ty) = self.to_screen(MapPoint {
            x_km: 0.0,
            y_km: 0.0,
        });
        format!("matrix({s} 0 0 {} {tx} {ty})", -s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Viewport {
        Viewport {
            width_px: 800.0,
            height_px: 600.0,
            scale_px_per_km: 0.2,
            center: MapPoint {
                x_km: 100.0,
                y_km: -50.0,
            },
            min_scale_px_per_km: 0.05,
        }
    }

    #[test]
    fn screen_map_round_trip() {
        let v = view();
        let (x, y) = v.to_screen(MapPoint {
            x_km: 321.0,
            y_km: 77.0,
        });
        let p = v.to_map(x, y);
        assert!((p.x_km - 321.0).abs() < 1e-9 && (p.y_km - 77.0).abs() < 1e-9);
        assert_eq!(v.to_screen(v.center), (400.0, 300.0));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = view();
        for (x, y, f) in [
            (10.0, 20.0, 2.0),
            (790.0, 590.0, 0.5),
            (400.0, 300.0, 1.7),
            (123.0, 456.0, 1.1),
        ] {
            let before = v.to_map(x, y);
            let z = v.zoom_about(x, y, f);
            let after = z.to_map(x, y);
            assert!(
                (before.x_km - after.x_km).abs() < 1e-9 && (before.y_km - after.y_km).abs() < 1e-9
            );
            assert!((z.scale_px_per_km - 0.2 * f).abs() < 1e-12);
        }
    }

    #[test]
    fn a_requested_view_keeps_within_the_zoom_limits_and_the_data() {
        let v = view();
        let limits = MapBounds {
            min: MapPoint {
                x_km: -1000.0,
                y_km: -1000.0,
            },
            max: MapPoint {
                x_km: 1000.0,
                y_km: 1000.0,
            },
        };
        let c = MapPoint {
            x_km: 300.0,
            y_km: 200.0,
        };
        let at = v.at(c, 2.0, limits);
        assert_eq!((at.center, at.scale_px_per_km), (c, 0.4));
        assert_eq!(v.at(c, 64.0, limits).scale_px_per_km, MAX_SCALE);
        assert_eq!(v.at(c, 0.01, limits).scale_px_per_km, 0.05);
        let far = MapPoint {
            x_km: 9e9,
            y_km: -9e9,
        };
        assert_eq!(
            v.at(far, 1.0, limits).center,
            MapPoint {
                x_km: 1000.0,
                y_km: -1000.0
            }
        );
    }

    #[test]
    fn zoom_is_clamped_and_ignores_bad_factors() {
        let v = view();
        assert_eq!(v.zoom_about(0.0, 0.0, 1e9).scale_px_per_km, MAX_SCALE);
        assert_eq!(v.zoom_about(0.0, 0.0, 1e-9).scale_px_per_km, 0.05);
        assert_eq!(v.zoom_about(0.0, 0.0, f64::NAN), v);
        assert_eq!(v.zoom_about(0.0, 0.0, -2.0), v);
    }

    #[test]
    fn pan_moves_the_map_with_the_pointer() {
        let v = view();
        let p = MapPoint {
            x_km: 0.0,
            y_km: 0.0,
        };
        let (x0, y0) = v.to_screen(p);
        let (x1, y1) = v.pan(30.0, -40.0).to_screen(p);
        assert!((x1 - x0 - 30.0).abs() < 1e-9 && (y1 - y0 + 40.0).abs() < 1e-9);
    }

    #[test]
    fn fit_shows_the_whole_box() {
        let b = MapBounds {
            min: MapPoint {
                x_km: -2000.0,
                y_km: -1500.0,
            },
            max: MapPoint {
                x_km: 2000.0,
                y_km: 1500.0,
            },
        };
        let v = Viewport::fit(b, 1000.0, 500.0);
        assert!((v.min_scale_px_per_km - v.scale_px_per_km / ZOOM_OUT_FROM_FIT).abs() < 1e-12);
        let (x0, y0) = v.to_screen(b.min);
        let (x1, y1) = v.to_screen(b.max);
        assert!(x0 >= -1e-9 && x1 <= 1000.0 + 1e-9 && y1 >= -1e-9 && y0 <= 500.0 + 1e-9);
    }

    #[test]
    fn svg_transform_agrees_with_to_screen() {
        let v = view();
        let p = MapPoint {
            x_km: 250.0,
            y_km: 400.0,
        };
        let (sx, sy) = v.to_screen(p);
        let s = v.scale_px_per_km;
        let (tx, ty) = v.to_screen(MapPoint {
            x_km: 0.0,
            y_km: 0.0,
        });
        assert!((s * p.x_km + tx - sx).abs() < 1e-9 && (-s * p.y_km + ty - sy).abs() < 1e-9);
    }
}
