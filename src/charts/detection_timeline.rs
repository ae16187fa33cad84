//! The detection timeline (plotters): one row per sensor, a bar in the nation's colour wherever the sensor
//! was detecting the missile, a ring where it rose above the radar horizon. Pure, tested natively.

use super::cursor::{CursorAxis, CursorChart};
use super::plot::{hex_colour, svg_chart};
use crate::present::detections::{nation_colour, SensorRow};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const WIDTH_PX: u32 = 400;
const ROW_PX: u32 = 22;
const LABEL_PX: u32 = 170;
/// Detections closer together than this many update intervals are one continuous bar: the same look at the
/// scale of the chart, and one SVG element instead of hundreds.
pub const JOIN_INTERVALS: f64 = 2.5;
/// A lone detection still shows: bars are at least this fraction of the time axis wide.
const MIN_BAR_FRACTION: f64 = 0.004;

/// Groups detection times (s, ascending) into spans `(first, last)` wherever consecutive detections are at
/// most `max_gap_s` apart.
pub fn detection_spans(times_s: &[f64], max_gap_s: f64) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for &t in times_s {
        match spans.last_mut() {
            Some((_, end)) if t - *end <= max_gap_s => *end = t,
            _ => spans.push((t, t)),
        }
    }
    spans
}

/// Draws one row per sensor (in the order given) over `0..duration_s` seconds after launch.
pub fn detection_timeline(rows: &[SensorRow], duration_s: f64) -> Result<CursorChart, String> {
    if rows.is_empty() {
        return Err("Detection timeline: no sensor is on".into());
    }
    let duration_s = duration_s.max(1.0);
    let n = rows.len();
    let height_px = 20 + ROW_PX * n as u32 + 40;
    let mut axis = None;
    let svg = svg_chart(WIDTH_PX, height_px, |root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(LABEL_PX)
            .build_cartesian_2d(0.0..duration_s, 0.0..n as f64)?;
        chart
            .configure_mesh()
            .x_desc("time after launch (s)")
            .x_labels(8)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_labels(0)
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let min_w_s = duration_s * MIN_BAR_FRACTION;
        let label = ("sans-serif", 12)
            .into_font()
            .color(&RGBColor(0x33, 0x41, 0x55))
            .pos(Pos::new(HPos::Right, VPos::Center));
        for (i, r) in rows.iter().enumerate() {
            // Row 0 at the top.
            let y_mid = (n - i) as f64 - 0.5;
            let colour = hex_colour(nation_colour(r.nation));
            let spans = detection_spans(&r.detection_times_s, JOIN_INTERVALS * r.update_interval_s);
            chart.draw_series(spans.into_iter().map(|(a, b)| {
                let pad = ((min_w_s - (b - a)) / 2.0).max(0.0);
                Rectangle::new(
                    [(a - pad, y_mid - 0.3), (b + pad, y_mid + 0.3)],
                    colour.filled(),
                )
            }))?;
            if let Some(t) = r.above_horizon_s {
                chart.draw_series(std::iter::once(Circle::new(
                    (t, y_mid),
                    4,
                    BLACK.mix(0.7).stroke_width(1),
                )))?;
            }
            let (x, y) = chart.backend_coord(&(0.0, y_mid));
            let name: String = r.name.chars().take(26).collect();
            root.draw(&Text::new(name, (x - 6, y), label.clone()))?;
        }
        let (x0, bottom) = chart.backend_coord(&(0.0, 0.0));
        let (x1, top) = chart.backend_coord(&(duration_s, n as f64));
        axis = Some(CursorAxis::from_corners(
            (WIDTH_PX, height_px),
            (0.0, duration_s),
            (x0, top),
            (x1, bottom),
        ));
        Ok(())
    })?;
    let axis = axis.ok_or("Detection timeline: not drawn")?;
    Ok(CursorChart { svg, axis })
}

#[cfg(test)]
mod tests {
    use super::*;
    use picture_sim::sensors::Nation;

    fn row(name: &str, nation: Nation, times: Vec<f64>, horizon: Option<f64>) -> SensorRow {
        SensorRow {
            index: 0,
            launch: 0,
            name: name.into(),
            nation,
            first_detection_s: times.first().copied(),
            above_horizon_s: horizon,
            detections: times.len(),
            held_back_by: None,
            detection_points: vec![None; times.len()],
            detection_times_s: times,
            update_interval_s: 10.0,
        }
    }

    #[test]
    fn spans_join_close_detections_and_split_at_gaps() {
        assert_eq!(
            detection_spans(&[10.0, 20.0, 30.0, 100.0, 110.0, 300.0], 25.0),
            vec![(10.0, 30.0), (100.0, 110.0), (300.0, 300.0)]
        );
        assert!(detection_spans(&[], 25.0).is_empty());
    }

    #[test]
    fn one_row_per_sensor_in_nation_colours_with_labels() {
        let rows = vec![
            row("Green Pine", Nation::KR, vec![60.0, 70.0, 80.0], Some(40.0)),
            row("TPY-2 Shariki", Nation::JP, vec![400.0, 410.0], Some(380.0)),
            row("Idle radar", Nation::US, vec![], None),
        ];
        let c = detection_timeline(&rows, 1000.0).unwrap();
        for text in [
            "Green Pine",
            "TPY-2 Shariki",
            "Idle radar",
            "time after launch (s)",
        ] {
            assert!(c.svg.contains(text), "{text}");
        }
        let fill = |hex: &str| {
            let rgb = hex_colour(hex);
            format!("fill=\"#{:02X}{:02X}{:02X}\"", rgb.0, rgb.1, rgb.2)
        };
        assert_eq!(c.svg.matches(&fill(nation_colour(Nation::KR))).count(), 1);
        assert_eq!(c.svg.matches(&fill(nation_colour(Nation::JP))).count(), 1);
        assert_eq!(c.svg.matches("<circle").count(), 2, "two horizon rings");
        // The cursor at 500 s is half way along the time axis.
        let mid = c.axis.x_px(500.0);
        assert!((mid - (c.axis.x0_px + c.axis.x1_px) / 2.0).abs() < 0.5);
        assert!(c.axis.top_px < c.axis.bottom_px);
    }

    #[test]
    fn no_sensor_is_a_message() {
        assert!(detection_timeline(&[], 100.0)
            .unwrap_err()
            .contains("no sensor"));
    }
}
