//! The map's legend: what each colour and mark means. Open on a first visit (on a wide screen) and one click
//! away after; the reader's choice is remembered. Swatches are drawn with the map's own shapes and colours.
//!
//! The legend never changes, so it is one string of markup (no user text in it): as Leptos views its dozen
//! rows and their shapes cost the page 8 kB gzip of code, as a string a few hundred bytes.

use crate::scenario::browser;
use leptos::prelude::*;

/// Where the reader's choice (open or closed) is kept.
const LEGEND_KEY: &str = "shared-picture-legend";

/// The layout's narrow-screen width (`style/app.css`, its panels section), px: below it the map sits above the panels.
const NARROW_PX: f64 = 800.0;

/// A row: a 24 x 16 swatch and its meaning.
macro_rules! row {
    ($attrs:literal, $shape:literal, $text:literal) => {
        concat!(
            "<li", $attrs, "><svg class=\"legend-swatch\" viewBox=\"0 0 24 16\" width=\"24\" height=\"16\" aria-hidden=\"true\">",
            $shape,
            "</svg>",
            $text,
            "</li>"
        )
    };
}

/// The nations' colours are `present::detections::nation_colour`'s (a test holds them equal).
const LEGEND_HTML: &str = concat!(
    "<summary>Legend</summary><ul>",
    row!(" data-nation=\"KR\"", "<rect x=\"2\" y=\"3\" width=\"20\" height=\"10\" rx=\"2\" fill=\"#0072b2\"></rect>", "South Korea"),
    row!(" data-nation=\"JP\"", "<rect x=\"2\" y=\"3\" width=\"20\" height=\"10\" rx=\"2\" fill=\"#d55e00\"></rect>", "Japan"),
    row!(" data-nation=\"US\"", "<rect x=\"2\" y=\"3\" width=\"20\" height=\"10\" rx=\"2\" fill=\"#009e73\"></rect>", "United States"),
    row!("", "<path class=\"lg-site\" d=\"M12 2L18 13L6 13Z\"></path>", "Radar site, in its nation&#39;s colour"),
    row!("", "<circle class=\"lg-site\" cx=\"12\" cy=\"8\" r=\"5\"></circle>", "Ship&#39;s radar: drag it to move the ship"),
    row!("", "<path class=\"lg-fan\" d=\"M3 14L12 2L21 14Z\"></path>", "Fan: where a radar can see a missile at the fans&#39; altitude (Sensors panel)"),
    row!("", "<line class=\"lg-sight\" x1=\"2\" y1=\"12\" x2=\"22\" y2=\"4\"></line>", "Line of sight: a sensor that has the missile now"),
    row!("", "<path class=\"lg-arc\" d=\"M2 14Q12 -4 22 14\"></path>", "The flight, coloured by altitude (dark low, yellow high)"),
    row!("", "<rect class=\"lg-launch\" x=\"7\" y=\"3\" width=\"10\" height=\"10\"></rect>", "Launch site"),
    row!("", "<circle class=\"lg-missile\" cx=\"12\" cy=\"8\" r=\"4.5\"></circle>", "The missile now, with its altitude"),
    row!("", "<ellipse class=\"lg-sigma\" cx=\"12\" cy=\"8\" rx=\"10\" ry=\"5\"></ellipse><path class=\"lg-track\" d=\"M12 2l6 6l-6 6l-6 -6Z\"></path>", "Track in the picture shown, with its position&#39;s 2-sigma ellipse"),
    row!("", "<ellipse class=\"lg-sigma lg-dashed\" cx=\"12\" cy=\"8\" rx=\"10\" ry=\"5\"></ellipse><path class=\"lg-track lg-hollow\" d=\"M12 2l6 6l-6 6l-6 -6Z\"></path>", "The same for the picture compared with it"),
    row!("", "<ellipse class=\"lg-impact\" cx=\"12\" cy=\"8\" rx=\"10\" ry=\"5\"></ellipse><path class=\"lg-impact-x\" d=\"M8 4L16 12M16 4L8 12\"></path>", "Predicted impact and its 95 % ellipse"),
    "</ul>"
);

#[component]
pub fn MapLegend() -> impl IntoView {
    // A first visit opens it where the map has room beside it; on a phone it would cover the map, so there it
    // waits, closed, one tap away.
    let roomy = web_sys::window()
        .and_then(|w| w.inner_width().ok()?.as_f64())
        .is_some_and(|w| w > NARROW_PX);
    let open = browser::preference(LEGEND_KEY).map_or(roomy, |v| v != "closed");
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        browser::set_preference(LEGEND_KEY, if open { "open" } else { "closed" });
    };
    view! { <details class="map-legend" open=open on:toggle=on_toggle inner_html=LEGEND_HTML></details> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::detections::nation_colour;
    use picture_sim::sensors::Nation;

    #[test]
    fn the_legend_shows_each_nation_in_its_map_colour() {
        for (key, n) in [("KR", Nation::KR), ("JP", Nation::JP), ("US", Nation::US)] {
            let row = LEGEND_HTML
                .split("<li")
                .find(|r| r.contains(&format!("data-nation=\"{key}\"")))
                .unwrap_or_else(|| panic!("no row for {key}"));
            assert!(
                row.contains(&format!("fill=\"{}\"", nation_colour(n))),
                "{row}"
            );
        }
        // Well formed enough for the browser's parser to keep every row inside the list.
        let opened = LEGEND_HTML.matches("<li>").count() + LEGEND_HTML.matches("<li ").count();
        assert_eq!(opened, LEGEND_HTML.matches("</li>").count());
        assert_eq!(
            LEGEND_HTML.matches("<svg").count(),
            LEGEND_HTML.matches("</svg>").count()
        );
        assert!(
            !LEGEND_HTML.contains("style="),
            "the page's policy refuses style attributes"
        );
    }
}
