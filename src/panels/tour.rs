//! The first-visit tour (`present::tour`): a card between the page and the clock bar (it covers nothing) that
//! moves the clock to each of its stops. Shown on a first visit once the analyses have answered, never in an
//! embed; skipping or finishing it is remembered, and the header's "Tour" button starts it again.

use crate::present::tour::{tour_steps, TourInput, TourStep};
use crate::scenario::browser;
use crate::state::AppState;
use leptos::prelude::*;
use picture_sim::tracking::picture::{JAPAN, JAPAN_SHARING};

/// Where the page remembers that the reader has seen (skipped or finished) the tour.
const TOUR_KEY: &str = "shared-picture-tour";

/// The tour's step, or `None` while it is closed.
pub type TourStepSignal = RwSignal<Option<usize>>;

/// Open at its first step on a first visit (nothing stored); where storage is refused, as on a first visit.
/// Not when the page opens a shared link: its reader came for the scenario and moment the link holds, which
/// the tour's stops would move (the header's button still starts it).
pub fn first_visit() -> Option<usize> {
    (browser::preference(TOUR_KEY).is_none() && !holds_scenario(&browser::fragment())).then_some(0)
}

/// Whether a URL fragment carries a scenario (`s=`), as a share link does.
fn holds_scenario(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .split('&')
        .any(|part| part.starts_with("s="))
}

/// The steps for the selected launch, from the analyses shown; none until they have answered.
fn steps(app: AppState) -> Vec<TourStep> {
    let launch = app.scenario.selected.get();
    app.analysis.flight.with(|f| {
        let Ok(flight) = f else { return Vec::new() };
        app.analysis.pictures.with(|p| {
            let Ok(p) = p else { return Vec::new() };
            let picture = |name: &'static str| {
                p.run(name)
                    .map(|_| (name, p.established(name, launch).map(|t| t.as_secs())))
            };
            app.analysis.detections.with(|d| {
                tour_steps(&TourInput {
                    launch,
                    flight,
                    rows: &d.rows,
                    shared: picture(JAPAN_SHARING),
                    alone: picture(JAPAN),
                })
            })
        })
    })
}

/// Moves the tour to step `i` and the clock, paused, to its moment (a jump: nothing moves on its own).
fn go(app: AppState, tour: TourStepSignal, i: usize) {
    if let Some(step) = steps(app).get(i) {
        app.clock.playing.set(false);
        app.clock.time_s.set(step.t_s);
    }
    tour.set(Some(i));
}

/// The header's button: starts the tour again from its first step.
#[component]
pub fn TourButton(tour: TourStepSignal) -> impl IntoView {
    let app = AppState::get();
    let start = move |_| {
        go(app, tour, 0);
        request_animation_frame(|| browser::focus(".tour .tour-next"));
    };
    view! {
        <button type="button" class="open-tour" aria-controls="tour" aria-expanded=move || tour.get().is_some().to_string()
            on:click=start>"Tour"</button>
    }
}

/// The card's markup: fixed (its words are set as text by [`TourCard`], never as markup). As a string it costs
/// the page far less code than as Leptos views, as the legend does (`map::legend`).
const CARD_HTML: &str = concat!(
    "<p class=\"tour-count\"></p><h2 id=\"tour-title\"></h2><p id=\"tour-text\" aria-live=\"polite\"></p>",
    "<div class=\"tour-buttons\"><button type=\"button\" class=\"tour-back\">Back</button>",
    "<button type=\"button\" class=\"tour-next\">Next</button>",
    "<button type=\"button\" class=\"tour-skip\">Skip tour</button></div>"
);

/// Sets the text of the card's element that matches `selector`.
fn set_text(card: &web_sys::Element, selector: &str, text: &str) {
    if let Ok(Some(el)) = card.query_selector(selector) {
        el.set_text_content(Some(text));
    }
}

/// The tour's card: a non-modal dialog (the page stays usable) above the clock bar, hidden while the tour is
/// closed or the analyses have not answered. Escape or "Skip tour" closes it.
#[component]
pub fn TourCard(tour: TourStepSignal) -> impl IntoView {
    let app = AppState::get();
    let close = move || {
        let inside = document()
            .active_element()
            .is_some_and(|el| el.closest(".tour").ok().flatten().is_some());
        tour.set(None);
        browser::set_preference(TOUR_KEY, "seen");
        if inside {
            browser::focus(".open-tour");
        }
    };
    // The step's words and buttons follow the tour's step and the analyses. Set by DOM calls (the card is
    // mounted before any effect runs): reactive attributes and a node reference would cost the page more code.
    Effect::new(move |_| {
        let steps = steps(app);
        let open = tour.get();
        let Some(card) = document().get_element_by_id("tour") else {
            return;
        };
        // An edit can leave fewer steps (a launch Korea does not see): the last one stands for those gone.
        let step = open.and_then(|i| {
            let i = i.min(steps.len().checked_sub(1)?);
            Some((i, steps.get(i)?))
        });
        let _ = card.toggle_attribute_with_force("hidden", step.is_none());
        let Some((i, step)) = step else { return };
        set_text(
            &card,
            ".tour-count",
            &format!("Tour: step {} of {}", i + 1, steps.len()),
        );
        set_text(&card, "#tour-title", &step.title);
        set_text(&card, "#tour-text", &step.text);
        set_text(
            &card,
            ".tour-next",
            if i + 1 < steps.len() { "Next" } else { "Done" },
        );
        if let Ok(Some(back)) = card.query_selector(".tour-back") {
            let _ = back.toggle_attribute_with_force("disabled", i == 0);
        }
    });
    let click = move |e: leptos::ev::MouseEvent| {
        let Some(button) = event_target::<web_sys::Element>(&e)
            .closest("button")
            .ok()
            .flatten()
        else {
            return;
        };
        let i = tour.get_untracked().unwrap_or(0);
        match button.class_name().as_str() {
            "tour-next" if i + 1 < steps(app).len() => go(app, tour, i + 1),
            "tour-next" | "tour-skip" => close(),
            "tour-back" if i > 0 => {
                go(app, tour, i - 1);
                // The Back button is disabled at the first step: its focus passes to Next.
                if i == 1 {
                    browser::focus(".tour .tour-next");
                }
            }
            _ => {}
        }
    };
    let keydown = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    };
    view! {
        <section class="tour" id="tour" role="dialog" aria-labelledby="tour-title" aria-describedby="tour-text"
            hidden inner_html=CARD_HTML on:click=click on:keydown=keydown></section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_link_is_not_a_first_visit() {
        assert!(holds_scenario("#s=1.eyJz&m=4&t=700"));
        assert!(holds_scenario("t=700&s=1.eyJz"));
        assert!(!holds_scenario(""));
        assert!(!holds_scenario("#v=1&p=3"));
        assert!(!holds_scenario("#sx=1"));
    }

    #[test]
    fn the_card_is_fixed_markup_with_its_three_buttons() {
        for class in ["tour-back", "tour-next", "tour-skip"] {
            assert_eq!(
                CARD_HTML.matches(&format!("class=\"{class}\"")).count(),
                1,
                "{class}"
            );
        }
        assert_eq!(
            CARD_HTML.matches("<button").count(),
            CARD_HTML.matches("</button>").count()
        );
        assert!(CARD_HTML.contains("id=\"tour-title\"") && CARD_HTML.contains("id=\"tour-text\""));
        assert!(
            !CARD_HTML.contains("style="),
            "the page's policy refuses style attributes"
        );
    }
}
