//! The app's state: signals and memos, provided through context. Domain types never hold signals.

use crate::flight_view::FlightView;
use crate::launch_form::LaunchForm;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The launch the user is editing.
    pub form: RwSignal<LaunchForm>,
    /// The flight of that launch, or why it cannot fly (the form is kept as it is either way).
    pub flight: Memo<Result<FlightView, String>>,
    /// The clock: seconds after launch.
    pub time_s: RwSignal<f64>,
    pub playing: RwSignal<bool>,
    /// Playback speed, simulated seconds per real second.
    pub speed: RwSignal<f64>,
}

impl AppState {
    pub fn new() -> AppState {
        let form = RwSignal::new(LaunchForm::default());
        let flight = Memo::new(move |_| form.with(FlightView::fly));
        AppState { form, flight, time_s: RwSignal::new(0.0), playing: RwSignal::new(false), speed: RwSignal::new(32.0) }
    }

    pub fn provide() -> AppState {
        let s = AppState::new();
        provide_context(s);
        s
    }

    pub fn get() -> AppState {
        expect_context::<AppState>()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
