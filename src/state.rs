//! The app's state: signals and memos, provided through context. Domain types never hold signals.
//!
//! Four parts, each its own module: the [`ScenarioState`] the user builds (launches, sensors, pictures, seed,
//! start), the [`AnalysisState`] worked out from it (flights, fans, detections, pictures), the [`ClockState`]
//! and the [`ViewState`] (which picture is shown, the fans' altitude and k). The launches are the one source of
//! truth for every launch: the selected launch's form is derived from them, and an edit writes into them.
//! Flights are cached by their launch, so an edit of one launch flies only that one.

pub mod analysis;
pub mod clock;
pub mod scenario;
pub mod view;

pub use analysis::{AnalysisError, AnalysisState, SharedFlight};
pub use clock::ClockState;
pub use scenario::{ScenarioError, ScenarioState};
pub use view::ViewState;

use crate::scenario::model::AppScenario;
use leptos::prelude::*;

/// The app's state: its four parts. Copy: each part is a set of signals and memos.
#[derive(Clone, Copy)]
pub struct AppState {
    pub scenario: ScenarioState,
    pub analysis: AnalysisState,
    pub clock: ClockState,
    pub view: ViewState,
}

impl AppState {
    /// The default scenario at its start, paused.
    pub fn new() -> AppState {
        let scenario = ScenarioState::new(&AppScenario::default());
        let view = ViewState::new();
        AppState {
            scenario,
            analysis: AnalysisState::new(scenario, view),
            clock: ClockState::new(),
            view,
        }
    }

    /// A new state, provided to the components below through context.
    pub fn provide() -> AppState {
        let s = AppState::new();
        provide_context(s);
        s
    }

    /// The state provided by an ancestor ([`AppState::provide`]).
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Replaces the scenario (already validated) and stops the clock at its start. The error says why a
    /// sensor could not be placed; then nothing has changed.
    pub fn load(&self, s: AppScenario) -> Result<(), ScenarioError> {
        self.scenario.load(s)?;
        self.clock.playing.set(false);
        self.clock.time_s.set(0.0);
        Ok(())
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
