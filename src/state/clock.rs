//! The clock: where the story is (seconds after the scenario start), whether it plays, and how fast.

use leptos::prelude::*;

/// Playback speed at start, simulated seconds per real second.
const DEFAULT_SPEED: f64 = 32.0;

/// The clock's signals. Copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct ClockState {
    /// Seconds after the scenario start.
    pub time_s: RwSignal<f64>,
    pub playing: RwSignal<bool>,
    /// Playback speed, simulated seconds per real second.
    pub speed: RwSignal<f64>,
}

impl ClockState {
    /// A paused clock at the scenario start.
    pub fn new() -> ClockState {
        ClockState {
            time_s: RwSignal::new(0.0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
        }
    }

    /// Moves the clock back to the launch (an edit starts the story again). Setting a signal notifies even
    /// when the value is the same, so a clock already at 0 is left alone.
    pub fn rewind(&self) {
        if self.time_s.get_untracked() != 0.0 {
            self.time_s.set(0.0);
        }
    }
}

impl Default for ClockState {
    fn default() -> Self {
        ClockState::new()
    }
}
