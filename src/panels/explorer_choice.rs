//! The horizon explorer's own choices, shared by the explorer and its walk-through (which sets them). The
//! target altitude, k, launch and clock are the app's (`crate::state`).

use leptos::prelude::*;

/// The explorer's own choices. Copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct ExplorerChoice {
    /// The radar shown, by name.
    pub radar: RwSignal<String>,
    /// The radar's height above the ground, m.
    pub radar_h_m: RwSignal<f64>,
    /// The target's ground distance from the radar, km.
    pub distance_km: RwSignal<f64>,
    /// `None`: the smallest exaggeration that shows the scene.
    pub exaggeration: RwSignal<Option<f64>>,
    /// The walk-through step shown, if any.
    pub step: RwSignal<Option<usize>>,
}
