//! How the user looks at the scenario, none of it in the scenario file: the picture shown on the map and the
//! one compared with it, and the altitude and refraction the radar fans are drawn for (the horizon explorer
//! sets these; the refraction is also the detections').

use leptos::prelude::*;
use picture_sim::sensors::Refraction;
use picture_sim::tracking::picture::{JAPAN, JAPAN_SHARING};

/// The target altitude the fans are drawn for at start, km.
const DEFAULT_FAN_ALT_KM: f64 = 100.0;

/// The view settings' signals. Copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// The picture shown on the map (by name).
    pub picture: RwSignal<String>,
    /// The picture compared with it (by name), if any.
    pub compare_with: RwSignal<Option<String>>,
    /// Show the compared picture on a second map beside the first (otherwise dashed on the same map).
    pub side_by_side: RwSignal<bool>,
    /// The target altitude the radar fans are drawn for, km.
    pub fan_alt_km: RwSignal<f64>,
    /// The fans follow the selected missile's altitude as the clock runs (moving the altitude by hand stops it).
    pub fans_follow: RwSignal<bool>,
    /// How rays bend: traced through the ITU-R P.453 atmosphere (the default), or a constant effective-Earth
    /// factor k (1 geometric, 4/3 the low-altitude rule).
    pub refraction: RwSignal<Refraction>,
    /// Whether each nation's fans are shown, in [`FAN_NATIONS`] order.
    pub fans_shown: [RwSignal<bool>; 3],
    /// The preset the scenario came from (its id), whose note and sources are shown.
    pub preset: RwSignal<Option<String>>,
    /// Whether the horizon explorer is open.
    pub explorer_open: RwSignal<bool>,
}

/// The nations of the fans' filter, in the order the story is told.
pub const FAN_NATIONS: [picture_sim::sensors::Nation; 3] = [
    picture_sim::sensors::Nation::KR,
    picture_sim::sensors::Nation::JP,
    picture_sim::sensors::Nation::US,
];

impl ViewState {
    /// Japan's picture with sharing compared with Japan alone (what the arrangement adds to Japan's own
    /// picture), fans at 100 km under standard refraction.
    pub fn new() -> ViewState {
        ViewState {
            picture: RwSignal::new(JAPAN_SHARING.to_string()),
            compare_with: RwSignal::new(Some(JAPAN.to_string())),
            side_by_side: RwSignal::new(false),
            fan_alt_km: RwSignal::new(DEFAULT_FAN_ALT_KM),
            fans_follow: RwSignal::new(false),
            refraction: RwSignal::new(Refraction::Ray),
            fans_shown: [
                RwSignal::new(true),
                RwSignal::new(true),
                RwSignal::new(true),
            ],
            preset: RwSignal::new(None),
            explorer_open: RwSignal::new(false),
        }
    }
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState::new()
    }
}
