//! Plotters charts as SVG text: every chart in the app is drawn by plotters' SVG backend into a string, which
//! the page inserts as markup (so it scales, prints, exports as SVG and needs no canvas or font file). Pure,
//! tested natively.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The result of drawing a chart: the SVG document, or why it could not be drawn.
pub type ChartResult = Result<String, String>;

/// Draws a chart of `width_px` x `height_px` with `draw` and returns the SVG document.
///
/// The SVG carries a `viewBox` so the page can scale it to its container.
pub fn svg_chart<F>(width_px: u32, height_px: u32, draw: F) -> ChartResult
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), Box<dyn std::error::Error>>,
{
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width_px, height_px)).into_drawing_area();
        draw(&root).map_err(|e| format!("chart: {e}"))?;
        root.present().map_err(|e| format!("chart: {e}"))?;
    }
    Ok(with_view_box(&out, width_px, height_px))
}

/// Plotters writes a fixed width and height; a `viewBox` lets CSS size the chart to its container.
fn with_view_box(svg: &str, width_px: u32, height_px: u32) -> String {
    match svg.find("<svg ") {
        Some(i) => {
            let at = i + "<svg ".len();
            format!(
                "{}viewBox=\"0 0 {width_px} {height_px}\" preserveAspectRatio=\"xMidYMid meet\" {}",
                &svg[..at],
                &svg[at..]
            )
        }
        None => svg.to_string(),
    }
}

/// Parses `#rrggbb` into a plotters colour; grey for anything else.
pub fn hex_colour(hex: &str) -> RGBColor {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(128)
    };
    if h.len() == 6 {
        RGBColor(byte(0), byte(2), byte(4))
    } else {
        RGBColor(128, 128, 128)
    }
}

/// Average advance of a 12 px sans-serif character, px: enough to size a legend box without measuring.
const LEGEND_CHAR_PX: i32 = 7;

/// Draws a legend (a line in each series' colour and its name) in the upper-right corner of the plot whose
/// top-right pixel is `top_right`.
///
/// Plotters' own series legend measures its text, which in the browser lays out a hidden element on every
/// draw (a forced layout of the whole page) and gives that element a `style` attribute, which the page's
/// Content-Security-Policy refuses; this sizes the box from the names' lengths instead.
pub fn legend_upper_right<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    top_right: (i32, i32),
    entries: &[(&str, RGBColor)],
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    legend_box(root, (top_right.0 - 6, top_right.1 + 6), entries)
}

/// [`legend_upper_right`] in the lower-right corner of the plot whose bottom-right pixel is `bottom_right`.
pub fn legend_lower_right<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bottom_right: (i32, i32),
    entries: &[(&str, RGBColor)],
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let height = LEGEND_PAD_PX * 2 + LEGEND_ROW_PX * entries.len() as i32;
    legend_box(
        root,
        (bottom_right.0 - 6, bottom_right.1 - 6 - height),
        entries,
    )
}

const LEGEND_ROW_PX: i32 = 16;
const LEGEND_PAD_PX: i32 = 6;

/// The legend box with its top-right corner at `(x1, y0)`.
fn legend_box<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x1, y0): (i32, i32),
    entries: &[(&str, RGBColor)],
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    if entries.is_empty() {
        return Ok(());
    }
    let (row_px, pad_px, line_px) = (LEGEND_ROW_PX, LEGEND_PAD_PX, 16);
    let longest = entries
        .iter()
        .map(|e| e.0.chars().count())
        .max()
        .unwrap_or(0) as i32;
    let width = pad_px * 3 + line_px + longest * LEGEND_CHAR_PX;
    let height = pad_px * 2 + row_px * entries.len() as i32;
    let x0 = x1 - width;
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y0 + height)],
        WHITE.mix(0.8).filled(),
    ))?;
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y0 + height)],
        BLACK.mix(0.3),
    ))?;
    let style =
        TextStyle::from(("sans-serif", 12).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (name, colour)) in entries.iter().enumerate() {
        let y = y0 + pad_px + row_px * i as i32 + row_px / 2;
        root.draw(&PathElement::new(
            [(x0 + pad_px, y), (x0 + pad_px + line_px, y)],
            colour.stroke_width(2),
        ))?;
        root.draw(&Text::new(
            name.to_string(),
            (x0 + pad_px * 2 + line_px, y),
            style.clone(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_line_chart_with_axes_and_a_view_box() {
        let svg = svg_chart(320, 200, |root| {
            root.fill(&WHITE)?;
            let mut chart = ChartBuilder::on(root)
                .margin(8)
                .x_label_area_size(24)
                .y_label_area_size(36)
                .build_cartesian_2d(0.0..10.0, 0.0..100.0)?;
            chart.configure_mesh().x_desc("time (s)").draw()?;
            chart.draw_series(LineSeries::new(
                (0..=10).map(|i| (i as f64, (i * i) as f64)),
                &BLUE,
            ))?;
            Ok(())
        })
        .expect("chart");
        assert!(svg.starts_with("<svg "), "{}", &svg[..40.min(svg.len())]);
        assert!(svg.contains("viewBox=\"0 0 320 200\""));
        assert!(svg.contains("<polyline"), "a line series");
        assert!(svg.contains("time (s)"), "axis description as text");
    }

    #[test]
    fn a_drawing_error_is_a_message_not_a_panic() {
        let r = svg_chart(100, 100, |_| Err("no data".into()));
        assert_eq!(r, Err("chart: no data".to_string()));
    }

    #[test]
    fn parses_hex_colours() {
        assert_eq!(hex_colour("#e69f00"), RGBColor(0xe6, 0x9f, 0x00));
        assert_eq!(hex_colour("bad"), RGBColor(128, 128, 128));
    }
}
