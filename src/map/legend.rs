//! The map's legend: what each colour and mark means. Open on a first visit and one click away after; the
//! reader's choice is remembered. Swatches are drawn with the map's own shapes and colours.

use crate::present::detections::{nation_colour, nation_name};
use crate::scenario::browser;
use leptos::prelude::*;
use picture_sim::sensors::Nation;

/// Where the reader's choice (open or closed) is kept.
const LEGEND_KEY: &str = "shared-picture-legend";

#[component]
pub fn MapLegend() -> impl IntoView {
    let open = browser::preference(LEGEND_KEY).is_none_or(|v| v != "closed");
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        browser::set_preference(LEGEND_KEY, if open { "open" } else { "closed" });
    };
    let swatch = |shape: AnyView| {
        view! { <svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">{shape}</svg> }
    };
    let nations = [Nation::KR, Nation::JP, Nation::US].map(|n| {
        let c = nation_colour(n);
        view! {
            <li data-nation=format!("{n:?}")>
                {swatch(view! { <rect x="2" y="3" width="20" height="10" rx="2" fill=c></rect> }.into_any())}
                {nation_name(n)}
            </li>
        }
    });
    view! {
        <details class="map-legend" open=open on:toggle=on_toggle>
            <summary>"Legend"</summary>
            <ul>
                {nations.into_iter().collect_view()}
                <li>{swatch(view! { <path class="lg-site" d="M12 2L18 13L6 13Z"></path> }.into_any())}"Radar site, in its nation's colour"</li>
                <li>{swatch(view! { <circle class="lg-site" cx="12" cy="8" r="5"></circle> }.into_any())}"Ship's radar: drag it to move the ship"</li>
                <li>{swatch(view! { <path class="lg-fan" d="M3 14L12 2L21 14Z"></path> }.into_any())}"Fan: where a radar can see a missile at the fans' altitude (Sensors panel)"</li>
                <li>{swatch(view! { <line class="lg-sight" x1="2" y1="12" x2="22" y2="4"></line> }.into_any())}"Line of sight: a sensor that has the missile now"</li>
                <li>{swatch(view! { <path class="lg-arc" d="M2 14Q12 -4 22 14"></path> }.into_any())}"The flight, coloured by altitude (dark low, yellow high)"</li>
                <li>{swatch(view! { <rect class="lg-launch" x="7" y="3" width="10" height="10"></rect> }.into_any())}"Launch site"</li>
                <li>{swatch(view! { <circle class="lg-missile" cx="12" cy="8" r="4.5"></circle> }.into_any())}"The missile now, with its altitude"</li>
                <li>{swatch(view! { <ellipse class="lg-sigma" cx="12" cy="8" rx="10" ry="5"></ellipse><path class="lg-track" d="M12 2l6 6l-6 6l-6 -6Z"></path> }.into_any())}"Track in the picture shown, with its position's 2-sigma ellipse"</li>
                <li>{swatch(view! { <ellipse class="lg-sigma lg-dashed" cx="12" cy="8" rx="10" ry="5"></ellipse><path class="lg-track lg-hollow" d="M12 2l6 6l-6 6l-6 -6Z"></path> }.into_any())}"The same for the picture compared with it"</li>
                <li>{swatch(view! { <ellipse class="lg-impact" cx="12" cy="8" rx="10" ry="5"></ellipse><path class="lg-impact-x" d="M8 4L16 12M16 4L8 12"></path> }.into_any())}"Predicted impact and its 95 % ellipse"</li>
            </ul>
        </details>
    }
}
