//! The explorer's guided walk-through: each step sets the launch (from Sunan), the clock, the radar, k, the
//! target altitude and distance, and shows its fact. The steps are data (`crate::explorer::steps`).

use super::explorer_choice::ExplorerChoice;
use crate::explorer::steps::{launch, resolve, steps};
use crate::state::{AppState, ScenarioError};
use leptos::prelude::*;

/// Why a walk-through step cannot be shown. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WalkError {
    /// The step's launch does not fly.
    #[error("The walk-through's launch: {0}")]
    Launch(String),
    /// The sensors could not be set up.
    #[error(transparent)]
    Sensors(#[from] ScenarioError),
    /// The step cannot be resolved on this flight and these sensors.
    #[error("{0}")]
    Step(String),
}

#[component]
pub fn WalkThrough(
    /// The explorer's choices, which a step sets.
    choice: ExplorerChoice,
) -> impl IntoView {
    let app = AppState::get();
    let fact = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<WalkError>);
    let all = steps();
    let count = all.len();
    let apply = move |i: usize| {
        let Some(step) = steps().into_iter().nth(i) else {
            return;
        };
        app.clock.playing.set(false);
        if app.scenario.form.with_untracked(|f| *f != launch()) {
            app.scenario.edit_form(|f| *f = launch());
        }
        let view = app.analysis.flight.with_untracked(|f| {
            let f = f.as_ref().map_err(|e| WalkError::Launch(e.to_string()))?;
            app.scenario.sensors.with_untracked(|s| {
                let s = s.as_ref().map_err(|e| WalkError::Sensors(e.clone()))?;
                resolve(&step, f, s).map_err(|e| WalkError::Step(e.to_string()))
            })
        });
        match view {
            Ok(v) => {
                choice.radar.set(v.radar);
                choice.radar_h_m.set(v.radar_h_m);
                choice.distance_km.set(v.distance_km);
                app.view.refraction.set(v.refraction);
                app.view.fans_follow.set(false);
                app.view.fan_alt_km.set(v.target_alt_km);
                app.clock.time_s.set(v.time_s);
                fact.set(Some(v.fact));
                error.set(None);
                choice.step.set(Some(i));
            }
            Err(e) => {
                error.set(Some(e));
                choice.step.set(None);
            }
        }
    };
    let titles: Vec<(usize, &'static str, &'static str)> = all
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.id, s.title))
        .collect();
    view! {
        <nav class="walk-through" aria-label="Guided walk-through">
            <ol class="walk-steps">
                {titles.into_iter().map(|(i, id, title)| view! {
                    <li>
                        <button type="button" class="walk-step" data-step=id
                            aria-pressed=move || (choice.step.get() == Some(i)).to_string()
                            on:click=move |_| apply(i)>{title}</button>
                    </li>
                }).collect_view()}
            </ol>
            {move || choice.step.get().and_then(|i| steps().into_iter().nth(i)).map(|s| view! {
                <div class="walk-card" data-step=s.id aria-live="polite">
                    <h3>{s.title}</h3>
                    <p>{s.text}</p>
                    <p class="walk-fact">{move || fact.get()}</p>
                    <div class="walk-nav">
                        <button type="button" class="walk-prev" disabled=move || choice.step.get() == Some(0)
                            on:click=move |_| if let Some(i) = choice.step.get_untracked() { apply(i.saturating_sub(1)) }>"Back"</button>
                        <button type="button" class="walk-next" disabled=move || choice.step.get() == Some(count - 1)
                            on:click=move |_| if let Some(i) = choice.step.get_untracked() { apply((i + 1).min(count - 1)) }>"Next"</button>
                    </div>
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
        </nav>
    }
}
