//! Altitude and speed against time after launch (plotters), one pair of lines per launch: altitude above,
//! speed below, on one time axis. Pure, tested natively.

use super::cursor::{CursorAxis, CursorChart};
use super::plot::svg_chart;
use crate::present::flight::FlightView;
use plotters::prelude::*;

pub const WIDTH_PX: u32 = 400;
pub const HEIGHT_PX: u32 = 260;
/// Both panels give their y labels the same width, so their time axes line up to the pixel.
const Y_LABEL_PX: u32 = 48;
/// Altitude dark blue, speed orange (Okabe-Ito): told apart with any colour vision.
const ALTITUDE: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
const SPEED: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

/// Draws altitude (km) and speed (km/s) against time after launch (s) for each flight.
pub fn flight_chart(flights: &[FlightView]) -> Result<CursorChart, String> {
    if flights.is_empty() {
        return Err("Flight chart: no flight to draw".into());
    }
    let duration_s = flights
        .iter()
        .map(FlightView::duration_s)
        .fold(1.0, f64::max);
    let max_alt_km = flights
        .iter()
        .flat_map(|f| f.track.iter().map(|p| p.alt_km))
        .fold(1.0, f64::max)
        * 1.05;
    let max_speed_km_s = flights
        .iter()
        .flat_map(|f| f.track.iter().map(|p| p.speed_km_s))
        .fold(0.1, f64::max)
        * 1.05;
    let mut axis = None;
    let svg = svg_chart(WIDTH_PX, HEIGHT_PX, |root| {
        root.fill(&WHITE)?;
        // Two panels over one time axis (rather than a second y axis): both use the same plain coordinates
        // as every other chart, which keeps the page's code small, and each line gets its own scale.
        let (upper, lower) = root.split_vertically(HEIGHT_PX / 2 - 10);
        let mut alt = ChartBuilder::on(&upper)
            .margin(10)
            .margin_bottom(4)
            .x_label_area_size(0)
            .y_label_area_size(Y_LABEL_PX)
            .build_cartesian_2d(0.0..duration_s, 0.0..max_alt_km)?;
        alt.configure_mesh()
            .y_desc("altitude (km)")
            .x_labels(8)
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let mut speed = ChartBuilder::on(&lower)
            .margin(10)
            .margin_top(4)
            .x_label_area_size(34)
            .y_label_area_size(Y_LABEL_PX)
            .build_cartesian_2d(0.0..duration_s, 0.0..max_speed_km_s)?;
        speed
            .configure_mesh()
            .x_desc("time after launch (s)")
            .y_desc("speed (km/s)")
            .x_labels(8)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_labels(5)
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        for f in flights {
            alt.draw_series(LineSeries::new(
                f.track.iter().map(|p| (p.t_s, p.alt_km.max(0.0))),
                ALTITUDE.stroke_width(2),
            ))?;
            speed.draw_series(LineSeries::new(
                f.track.iter().map(|p| (p.t_s, p.speed_km_s)),
                SPEED.stroke_width(2),
            ))?;
        }
        let (x0, top) = alt.backend_coord(&(0.0, max_alt_km));
        let (x1, bottom) = speed.backend_coord(&(duration_s, 0.0));
        axis = Some(CursorAxis::from_corners(
            (WIDTH_PX, HEIGHT_PX),
            (0.0, duration_s),
            (x0, top),
            (x1, bottom),
        ));
        Ok(())
    })?;
    let axis = axis.ok_or("Flight chart: not drawn")?;
    Ok(CursorChart { svg, axis })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::present::launch_form::LaunchForm;

    /// The `points` of every `<polyline>` in an SVG, as pixel pairs.
    pub(crate) fn polylines(svg: &str) -> Vec<Vec<(f64, f64)>> {
        svg.match_indices("<polyline")
            .filter_map(|(i, _)| {
                let rest = &svg[i..];
                let p = rest.find("points=\"")? + "points=\"".len();
                let end = rest[p..].find('"')?;
                Some(
                    rest[p..p + end]
                        .split_whitespace()
                        .filter_map(|xy| {
                            let (x, y) = xy.split_once(',')?;
                            Some((x.parse().ok()?, y.parse().ok()?))
                        })
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn draws_altitude_and_speed_with_axes_and_a_cursor_on_the_time_axis() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let c = flight_chart(std::slice::from_ref(&f)).unwrap();
        for text in ["time after launch (s)", "altitude (km)", "speed (km/s)"] {
            assert!(c.svg.contains(text), "axis label {text}");
        }
        let lines = polylines(&c.svg);
        let series: Vec<_> = lines.iter().filter(|l| l.len() == f.track.len()).collect();
        assert_eq!(series.len(), 2, "altitude and speed");
        // The cursor at a sample's time sits on that sample's x (plotters rounds to whole pixels).
        for k in [0, f.track.len() / 3, f.track.len() - 1] {
            let x = c.axis.x_px(f.track[k].t_s);
            assert!(
                (x - series[0][k].0).abs() <= 1.0,
                "k {k}: {x} vs {}",
                series[0][k].0
            );
        }
        // The apogee is the highest point of the altitude line (smallest y).
        let top_y = series[0].iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        assert!(top_y >= c.axis.top_px - 1.0 && top_y < c.axis.bottom_px);
        assert!(c.axis.x0_px < c.axis.x1_px && c.axis.x1_px <= WIDTH_PX as f64);
    }

    #[test]
    fn no_flight_is_a_message() {
        assert!(flight_chart(&[]).unwrap_err().contains("no flight"));
    }
}
