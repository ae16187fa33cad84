//! The warning-time comparison (plotters): for each picture, the warning time left (true impact minus the
//! moment) when it first tracks the missile, as a bar. The cursor marks the time left to impact now, so a bar
//! that reaches past it belongs to a picture that already holds a track. Pure, tested natively.

use super::cursor::{CursorAxis, CursorChart};
use super::plot::{hex_colour, svg_chart};
use super::track_error::PICTURE_COLOURS;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const WIDTH_PX: u32 = 400;
const ROW_PX: u32 = 28;
const LABEL_PX: u32 = 170;

/// Draws one bar per picture: (name, warning time left at first track, s). `max_s` is the axis' end (the
/// flight time: the most warning there can be). With a `baseline` picture, each other bar's value says its
/// gain over it ("1280 s, +40 s"): a 40 s gain on 1,280 s cannot be seen in the bars' lengths.
pub fn warning_chart(
    rows: &[(String, Option<f64>)],
    max_s: f64,
    baseline: Option<&str>,
) -> Result<CursorChart, String> {
    if rows.is_empty() {
        return Err("Warning-time chart: no picture".into());
    }
    let max_s = rows
        .iter()
        .filter_map(|r| r.1)
        .fold(max_s, f64::max)
        .max(1.0)
        // Room after the longest bar for its value and gain.
        * 1.3;
    let n = rows.len();
    let height_px = 20 + ROW_PX * n as u32 + 40;
    let mut axis = None;
    let svg = svg_chart(WIDTH_PX, height_px, |root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(LABEL_PX)
            .build_cartesian_2d(0.0..max_s, 0.0..n as f64)?;
        chart
            .configure_mesh()
            .x_desc(match baseline {
                Some(b) => format!("warning time left at first track (s), and the gain over {b}"),
                None => "warning time left at first track (s)".to_string(),
            })
            .x_labels(8)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_labels(0)
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let ink = RGBColor(0x33, 0x41, 0x55);
        let name_style = ("sans-serif", 12)
            .into_font()
            .color(&ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let value_style = ("sans-serif", 12)
            .into_font()
            .color(&ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (i, (name, warning_s)) in rows.iter().enumerate() {
            let y_mid = (n - i) as f64 - 0.5;
            let colour = hex_colour(PICTURE_COLOURS[i % PICTURE_COLOURS.len()]);
            let w = warning_s.unwrap_or(0.0).max(0.0);
            if w > 0.0 {
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(0.0, y_mid - 0.32), (w, y_mid + 0.32)],
                    colour.filled(),
                )))?;
            }
            let (x, y) = chart.backend_coord(&(0.0, y_mid));
            let short: String = name.chars().take(26).collect();
            root.draw(&Text::new(short, (x - 6, y), name_style.clone()))?;
            let (xv, yv) = chart.backend_coord(&(w, y_mid));
            let base = baseline
                .filter(|b| b != name)
                .and_then(|b| rows.iter().find(|r| r.0 == b)?.1);
            let value = match (warning_s, base) {
                (Some(s), Some(b)) => format!("{s:.0} s, {:+.0} s", s - b),
                (Some(s), None) => format!("{s:.0} s"),
                (None, _) => "no track".into(),
            };
            root.draw(&Text::new(value, (xv + 4, yv), value_style.clone()))?;
        }
        let (x0, bottom) = chart.backend_coord(&(0.0, 0.0));
        let (x1, top) = chart.backend_coord(&(max_s, n as f64));
        axis = Some(CursorAxis::from_corners(
            (WIDTH_PX, height_px),
            (0.0, max_s),
            (x0, top),
            (x1, bottom),
        ));
        Ok(())
    })?;
    let axis = axis.ok_or("Warning-time chart: not drawn")?;
    Ok(CursorChart { svg, axis })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(x, width)` of each `<rect>` with the given fill.
    fn bars(svg: &str, fill: &str) -> Vec<(f64, f64)> {
        let attr = |el: &str, name: &str| -> f64 {
            let key = format!(" {name}=\"");
            let i = el.find(&key).unwrap() + key.len();
            el[i..i + el[i..].find('"').unwrap()].parse().unwrap()
        };
        svg.split("<rect")
            .skip(1)
            .filter(|el| el.contains(&format!("fill=\"{fill}\"")))
            .map(|el| (attr(el, "x"), attr(el, "width")))
            .collect()
    }

    #[test]
    fn bars_are_as_long_as_the_warning_time() {
        let rows = vec![
            ("Japan alone".to_string(), Some(400.0)),
            ("South Korea alone".to_string(), Some(800.0)),
            ("Legacy".to_string(), None),
        ];
        let c = warning_chart(&rows, 1000.0, None).unwrap();
        for text in [
            "Japan alone",
            "South Korea alone",
            "400 s",
            "800 s",
            "no track",
        ] {
            assert!(c.svg.contains(text), "{text}");
        }
        assert!(c.svg.contains("warning time left at first track (s)"));
        let japan = bars(&c.svg, "#D55E00");
        let korea = bars(&c.svg, "#0072B2");
        assert_eq!(
            (japan.len(), korea.len()),
            (1, 1),
            "one bar each, none for no track"
        );
        assert!((korea[0].1 / japan[0].1 - 2.0).abs() < 0.02);
        // The cursor at 400 s of warning left lines up with the end of Japan's bar.
        assert!((c.axis.x_px(400.0) - (japan[0].0 + japan[0].1)).abs() <= 1.0);
    }

    #[test]
    fn each_bar_says_its_gain_over_the_baseline() {
        let rows = vec![
            ("Japan alone".to_string(), Some(1280.0)),
            ("Japan with sharing".to_string(), Some(1320.4)),
            ("Legacy".to_string(), None),
        ];
        let c = warning_chart(&rows, 1500.0, Some("Japan alone")).unwrap();
        assert!(c.svg.contains("1320 s, +40 s"), "{}", c.svg);
        // The baseline itself has no gain, nor a picture without a track.
        assert!(c.svg.contains("\n1280 s\n"), "{}", c.svg);
        assert!(!c.svg.contains("1280 s, "));
        assert!(c.svg.contains("the gain over Japan alone"));
    }

    #[test]
    fn no_picture_is_a_message() {
        assert!(warning_chart(&[], 100.0, None).is_err());
    }
}
