//! The briefing figure: one SVG document that stands alone on a slide, with the caption (the scenario's title
//! and what the picture shows at the clock's time), the clock, the map, its legend and the sources. The map and
//! the legend's swatches are the page's own, copied with their styles inlined (`download::standalone_copy`);
//! every text is set as a text node, never parsed as markup (a scenario's names are a reader's).
//!
//! The layout is a pure function, tested natively; putting it into elements needs a browser.

/// The figure's words, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureText {
    /// The preset's title, or what stands for the reader's own scenario.
    pub title: String,
    /// The picture shown and the one compared with it.
    pub shows: String,
    /// The clock: UTC with its date, the local zones and the time after launch.
    pub clock: String,
    /// The "now" line: the picture at the clock's time in plain words.
    pub now: String,
    /// "Sources: ..."
    pub sources: String,
    /// The app and the model that drew it.
    pub credit: String,
}

/// One line of text, at its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub px: f64,
    pub bold: bool,
    pub text: String,
}

/// Where everything goes, px.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The map's box: x, y, width, height.
    pub map: (f64, f64, f64, f64),
    /// Each legend row's swatch, top left (24 x 16).
    pub swatches: Vec<(f64, f64)>,
    pub lines: Vec<Line>,
}

pub const SWATCH_W: f64 = 24.0;
pub const SWATCH_H: f64 = 16.0;
const MARGIN: f64 = 20.0;
const GAP: f64 = 16.0;
const LEGEND_W: f64 = 260.0;
const TITLE_PX: f64 = 20.0;
const TEXT_PX: f64 = 14.0;
const LEGEND_PX: f64 = 12.0;
const SMALL_PX: f64 = 11.0;
/// Line height, in ems.
const LEADING: f64 = 1.35;
/// The widest average advance of a character in the usual system sans-serifs, in ems: lines wrapped to it fit
/// without measuring text (which a file read elsewhere, in another font, could not rely on anyway).
const CHAR_EM: f64 = 0.56;

/// `text` broken at spaces into lines of at most `width_px` at `font_px` (a word longer than that gets a line
/// of its own).
pub fn wrap(text: &str, width_px: f64, font_px: f64) -> Vec<String> {
    let max_chars = ((width_px / (font_px * CHAR_EM)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays out a figure around a map of `map_w` x `map_h` px with a legend of `legend` rows (their words).
pub fn layout(text: &FigureText, map_w: f64, map_h: f64, legend: &[String]) -> Layout {
    let width = MARGIN + map_w + GAP + LEGEND_W + MARGIN;
    let full = width - 2.0 * MARGIN;
    let mut lines = Vec::new();
    let mut y = MARGIN;
    let block =
        |lines: &mut Vec<Line>, y: &mut f64, x: f64, w: f64, words: &str, px: f64, bold: bool| {
            for l in wrap(words, w, px) {
                *y += px * LEADING;
                lines.push(Line {
                    x,
                    y: *y - px * (LEADING - 1.0),
                    px,
                    bold,
                    text: l,
                });
            }
        };
    block(
        &mut lines,
        &mut y,
        MARGIN,
        full,
        &text.title,
        TITLE_PX,
        true,
    );
    block(
        &mut lines,
        &mut y,
        MARGIN,
        full,
        &text.shows,
        TEXT_PX,
        false,
    );
    block(&mut lines, &mut y, MARGIN, full, &text.clock, TEXT_PX, true);
    let top = y + GAP / 2.0;
    let map = (MARGIN, top, map_w, map_h);

    let lx = MARGIN + map_w + GAP;
    let mut ly = top;
    block(&mut lines, &mut ly, lx, LEGEND_W, "Legend", TEXT_PX, true);
    let mut swatches = Vec::new();
    let text_x = lx + SWATCH_W + 8.0;
    for row in legend {
        ly += 4.0;
        swatches.push((lx, ly + (LEGEND_PX * LEADING - SWATCH_H) / 2.0));
        let before = ly;
        block(
            &mut lines,
            &mut ly,
            text_x,
            LEGEND_W - SWATCH_W - 8.0,
            row,
            LEGEND_PX,
            false,
        );
        ly = ly.max(before + SWATCH_H);
    }

    y = (top + map_h).max(ly) + GAP / 2.0;
    block(&mut lines, &mut y, MARGIN, full, &text.now, TEXT_PX, false);
    y += 4.0;
    block(
        &mut lines,
        &mut y,
        MARGIN,
        full,
        &text.sources,
        SMALL_PX,
        false,
    );
    block(
        &mut lines,
        &mut y,
        MARGIN,
        full,
        &text.credit,
        SMALL_PX,
        false,
    );
    Layout {
        width,
        height: (y + MARGIN).ceil(),
        map,
        swatches,
        lines,
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::figure_svg;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{layout, FigureText, SWATCH_H, SWATCH_W};
    use crate::export::download::{standalone_copy, DownloadError};
    use wasm_bindgen::JsValue;
    use web_sys::{Document, Element};

    const SVG_NS: &str = "http://www.w3.org/2000/svg";
    const INK: &str = "#1b2733";

    fn failed(e: JsValue) -> DownloadError {
        DownloadError::Browser {
            what: "Export figure",
            reason: e.as_string().unwrap_or_else(|| format!("{e:?}")),
        }
    }

    fn element(
        doc: &Document,
        name: &str,
        attrs: &[(&str, String)],
    ) -> Result<Element, DownloadError> {
        let el = doc.create_element_ns(Some(SVG_NS), name).map_err(failed)?;
        for (k, v) in attrs {
            el.set_attribute(k, v).map_err(failed)?;
        }
        Ok(el)
    }

    /// The figure as an SVG document around the live `map` and the rows of the live `legend`, and its size
    /// in px.
    pub fn figure_svg(
        map: &Element,
        legend: &[Element],
        text: &FigureText,
    ) -> Result<(String, f64, f64), DownloadError> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or(DownloadError::NoDocument)?;
        let (map_copy, map_w, map_h) = standalone_copy(map)?;
        let mut rows = Vec::new();
        for row in legend {
            let swatch = row.query_selector("svg").ok().flatten();
            let copy = swatch.map(|s| standalone_copy(&s)).transpose()?;
            rows.push((copy, row.text_content().unwrap_or_default()));
        }
        let words: Vec<String> = rows.iter().map(|(_, w)| w.clone()).collect();
        let at = layout(text, map_w, map_h, &words);

        let root = element(
            &doc,
            "svg",
            &[
                ("xmlns", SVG_NS.to_string()),
                ("width", at.width.to_string()),
                ("height", at.height.to_string()),
                ("viewBox", format!("0 0 {} {}", at.width, at.height)),
                (
                    "font-family",
                    "system-ui, 'Segoe UI', Roboto, sans-serif".to_string(),
                ),
            ],
        )?;
        let add = |parent: &Element, child: &Element| {
            parent.append_child(child).map(|_| ()).map_err(failed)
        };
        let size = [
            ("width", at.width.to_string()),
            ("height", at.height.to_string()),
        ];
        add(
            &root,
            &element(
                &doc,
                "rect",
                &[&size[..], &[("fill", "#ffffff".to_string())]].concat(),
            )?,
        )?;
        let (x, y, w, h) = at.map;
        for (k, v) in [("x", x), ("y", y)] {
            map_copy.set_attribute(k, &v.to_string()).map_err(failed)?;
        }
        add(&root, &map_copy)?;
        let frame = [
            ("x", x.to_string()),
            ("y", y.to_string()),
            ("width", w.to_string()),
            ("height", h.to_string()),
            ("fill", "none".to_string()),
            ("stroke", "#8a6f55".to_string()),
        ];
        add(&root, &element(&doc, "rect", &frame)?)?;
        for ((copy, _), (sx, sy)) in rows.into_iter().zip(at.swatches) {
            let Some((copy, _, _)) = copy else { continue };
            for (k, v) in [
                ("x", sx),
                ("y", sy),
                ("width", SWATCH_W),
                ("height", SWATCH_H),
            ] {
                copy.set_attribute(k, &v.to_string()).map_err(failed)?;
            }
            add(&root, &copy)?;
        }
        for line in at.lines {
            let mut attrs = vec![
                ("x", line.x.to_string()),
                ("y", line.y.to_string()),
                ("font-size", line.px.to_string()),
                ("fill", INK.to_string()),
            ];
            if line.bold {
                attrs.push(("font-weight", "600".to_string()));
            }
            let t = element(&doc, "text", &attrs)?;
            t.set_text_content(Some(&line.text));
            add(&root, &t)?;
        }
        let text = web_sys::XmlSerializer::new()
            .and_then(|s| s.serialize_to_string(&root))
            .map_err(failed)?;
        Ok((text, at.width, at.height))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> FigureText {
        FigureText {
            title: "2017-08-29 Hwasong-12 over Hokkaido".into(),
            shows: "Japan with sharing, compared with Japan alone (dashed)".into(),
            clock: "2017-08-28 21:03:00 UTC · 06:03:00 JST · 06:03:00 KST · T+05:00".into(),
            now: "South Korea's radars have had the missile since T+00:41; Japan's since T+02:13, when it cleared their horizon, at 320 km.".into(),
            sources: "Sources: JMOD press release 2017-08-29; CNS North Korea Missile Test Database (site coordinates, +-5 km); ".repeat(3),
            credit: "Shared Picture, model 2".into(),
        }
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_in_order() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = wrap(text, 100.0, 10.0);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(l.chars().count() as f64 * 10.0 * CHAR_EM <= 100.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
        // A word wider than the line is kept whole, alone.
        assert_eq!(
            wrap("a supercalifragilistic b", 50.0, 10.0),
            ["a", "supercalifragilistic", "b"]
        );
        assert!(wrap("   ", 100.0, 10.0).is_empty());
    }

    #[test]
    fn the_caption_the_map_the_legend_and_the_footer_do_not_overlap() {
        let legend: Vec<String> = (0..13)
            .map(|i| {
                format!(
                    "Legend row {i}: what a mark on the map means, in words long enough to wrap"
                )
            })
            .collect();
        let at = layout(&words(), 800.0, 500.0, &legend);
        let (mx, my, mw, mh) = at.map;
        assert_eq!((mw, mh), (800.0, 500.0));
        let lines_of = |t: &str| {
            at.lines
                .iter()
                .filter(|l| t.contains(l.text.as_str()))
                .collect::<Vec<_>>()
        };
        // The caption and clock above the map, the footer below it and below the legend.
        for l in lines_of(&words().title)
            .into_iter()
            .chain(lines_of(&words().clock))
        {
            assert!(l.y <= my, "{l:?} above the map at {my}");
        }
        let legend_bottom = at.swatches.last().unwrap().1 + SWATCH_H;
        for l in lines_of(&words().now)
            .into_iter()
            .chain(lines_of(&words().sources))
        {
            assert!(
                l.y - l.px >= my + mh && l.y - l.px >= legend_bottom,
                "{l:?}"
            );
        }
        // The legend right of the map, a swatch per row, within the figure.
        assert_eq!(at.swatches.len(), legend.len());
        for (sx, _) in &at.swatches {
            assert!(*sx >= mx + mw && sx + SWATCH_W <= at.width);
        }
        for l in &at.lines {
            let right = l.x + l.text.chars().count() as f64 * l.px * CHAR_EM;
            assert!(
                right <= at.width - MARGIN + 0.5,
                "{l:?} runs off the figure"
            );
            assert!(l.y <= at.height, "{l:?} below the figure");
        }
        // Every word of the sources is there, wrapped.
        let sources: Vec<&str> = lines_of(&words().sources)
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(sources.join(" "), words().sources.trim());
        // Rows do not overlap: each swatch below the one before.
        for pair in at.swatches.windows(2) {
            assert!(pair[1].1 >= pair[0].1 + SWATCH_H, "{pair:?}");
        }
    }

    #[test]
    fn a_legend_taller_than_the_map_pushes_the_footer_down() {
        let legend: Vec<String> = (0..13).map(|i| format!("Row {i}")).collect();
        let at = layout(&words(), 300.0, 120.0, &legend);
        let legend_bottom = at.swatches.last().unwrap().1 + SWATCH_H;
        assert!(legend_bottom > at.map.1 + at.map.3);
        let first_now = at
            .lines
            .iter()
            .find(|l| words().now.starts_with(l.text.as_str()))
            .unwrap();
        assert!(first_now.y - first_now.px >= legend_bottom);
    }
}
