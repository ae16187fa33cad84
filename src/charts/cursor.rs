//! A chart whose x axis follows the clock, and where its cursor goes. The chart body (plotters' SVG) depends
//! only on the data; the cursor is a separate one-line SVG laid over it with the same `viewBox`, placed by
//! [`CursorAxis::x_px`], so moving the clock moves one attribute instead of re-running plotters. Pure.

/// A plotters chart (an SVG document) and the mapping of its x axis to pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CursorChart {
    pub svg: String,
    pub axis: CursorAxis,
}

/// The x axis of a drawn chart: values `v0..v1` (seconds, or whatever the chart plots) across the plotting
/// area's pixels `x0_px..x1_px`; the cursor spans `top_px..bottom_px`.
///
/// # Units
/// Pixels of the chart's `viewBox` (its drawing size), origin top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CursorAxis {
    pub width_px: u32,
    pub height_px: u32,
    pub v0: f64,
    pub v1: f64,
    pub x0_px: f64,
    pub x1_px: f64,
    pub top_px: f64,
    pub bottom_px: f64,
}

impl CursorAxis {
    /// The axis of a chart of `width_px` x `height_px` whose time runs from `v0` to `v1` between the plotted
    /// corners `(x0, top)` and `(x1, bottom)`, as plotters' `backend_coord` gives them.
    pub fn from_corners(
        (width_px, height_px): (u32, u32),
        (v0, v1): (f64, f64),
        (x0, top): (i32, i32),
        (x1, bottom): (i32, i32),
    ) -> CursorAxis {
        CursorAxis {
            width_px,
            height_px,
            v0,
            v1,
            x0_px: x0 as f64,
            x1_px: x1 as f64,
            top_px: top as f64,
            bottom_px: bottom as f64,
        }
    }

    /// The cursor's x for `v`, clamped to the plotting area (a clock before or after the data pins the
    /// cursor to the edge rather than drawing it outside the chart).
    pub fn x_px(&self, v: f64) -> f64 {
        let span = self.v1 - self.v0;
        let f = if span.abs() < f64::EPSILON || !v.is_finite() {
            0.0
        } else {
            ((v - self.v0) / span).clamp(0.0, 1.0)
        };
        self.x0_px + f * (self.x1_px - self.x0_px)
    }

    /// The `viewBox` shared by the chart body and its cursor overlay.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width_px, self.height_px)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis() -> CursorAxis {
        CursorAxis {
            width_px: 600,
            height_px: 200,
            v0: 0.0,
            v1: 100.0,
            x0_px: 50.0,
            x1_px: 550.0,
            top_px: 10.0,
            bottom_px: 170.0,
        }
    }

    #[test]
    fn maps_values_linearly_and_clamps() {
        let a = axis();
        assert_eq!(a.x_px(0.0), 50.0);
        assert_eq!(a.x_px(50.0), 300.0);
        assert_eq!(a.x_px(100.0), 550.0);
        assert_eq!(a.x_px(-5.0), 50.0);
        assert_eq!(a.x_px(1e9), 550.0);
        assert_eq!(a.x_px(f64::NAN), 50.0);
        assert_eq!(a.view_box(), "0 0 600 200");
    }

    #[test]
    fn an_empty_axis_keeps_the_cursor_at_its_start() {
        let a = CursorAxis { v1: 0.0, ..axis() };
        assert_eq!(a.x_px(10.0), 50.0);
    }
}
