//! The app's state: signals and memos, provided through context. Domain types never hold signals.

use crate::detection_view::{coverage, detect, Detections};
use crate::flight_view::FlightView;
use crate::launch_form::LaunchForm;
use crate::picture_view::{run_pictures, PicturesOutcome};
use leptos::prelude::*;
use picture_sim::sensors::{catalog, EffectiveEarth, Footprint, Sensor};

/// The seed of the detection draws: fixed, so that the same launch always gives the same detections.
pub const DETECTION_SEED: u64 = 20_231_219;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The launch the user is editing.
    pub form: RwSignal<LaunchForm>,
    /// The flight of that launch, or why it cannot fly (the form is kept as it is either way).
    pub flight: Memo<Result<FlightView, String>>,
    /// The clock: seconds after launch.
    pub time_s: RwSignal<f64>,
    /// The scenario's start (launch) instant, seconds since 1970-01-01T00:00Z: the clock's UTC, JST and KST.
    pub start_utc_s: RwSignal<i64>,
    pub playing: RwSignal<bool>,
    /// Playback speed, simulated seconds per real second.
    pub speed: RwSignal<f64>,
    /// The sensor catalog (or why it could not be built).
    pub sensors: RwSignal<Result<Vec<Sensor>, String>>,
    /// Which sensors take part, by catalog index.
    pub enabled: RwSignal<Vec<bool>>,
    /// The target altitude the radar fans are drawn for, km.
    pub fan_alt_km: RwSignal<f64>,
    /// The effective-Earth-radius factor k (1 geometric, 4/3 standard).
    pub k: RwSignal<f64>,
    /// The fans at that altitude and k.
    pub coverage: Memo<Result<Vec<(usize, Footprint)>, String>>,
    /// Each enabled sensor against the current flight.
    pub detections: Memo<Detections>,
    /// Every picture's tracks and scores for the current flight and sensors.
    pub pictures: Memo<Result<PicturesOutcome, String>>,
    /// The picture shown on the map, and the one compared with it (by name).
    pub picture: RwSignal<String>,
    pub compare_with: RwSignal<Option<String>>,
    /// Show the compared picture on a second map beside the first (otherwise dashed on the same map).
    pub side_by_side: RwSignal<bool>,
}

impl AppState {
    pub fn new() -> AppState {
        let form = RwSignal::new(LaunchForm::default());
        let flight = Memo::new(move |_| form.with(FlightView::fly));
        // Detections and tracking follow the flight one task later, so an edited launch's arc and figures
        // paint in the next frame and the slower analyses fill in after it.
        let settled = RwSignal::new(0u64);
        Effect::new(move |_| {
            flight.track();
            set_timeout(
                move || settled.update(|n| *n += 1),
                std::time::Duration::ZERO,
            );
        });
        let sensors = RwSignal::new(catalog().map_err(|e| format!("Sensor catalog: {e}")));
        let enabled = RwSignal::new(vec![
            true;
            sensors.with_untracked(|s| s
                .as_ref()
                .map(Vec::len)
                .unwrap_or(0))
        ]);
        let fan_alt_km = RwSignal::new(100.0);
        let k = RwSignal::new(4.0 / 3.0);
        let earth = move || EffectiveEarth::new(k.get()).map_err(|e| format!("Refraction k: {e}"));
        let coverage = Memo::new(move |_| {
            let earth = earth()?;
            sensors.with(|s| {
                let s = s.as_ref().map_err(Clone::clone)?;
                enabled.with(|on| coverage(s, on, &earth, fan_alt_km.get()))
            })
        });
        let detections = Memo::new(move |_| {
            let Ok(earth) = earth() else {
                return Detections::default();
            };
            settled.track();
            flight.with_untracked(|f| {
                let Ok(f) = f else {
                    return Detections::default();
                };
                sensors.with(|s| match s {
                    Ok(s) => enabled.with(|on| detect(f, s, on, earth, DETECTION_SEED)),
                    Err(_) => Detections::default(),
                })
            })
        });
        let pictures = Memo::new(move |_| {
            settled.track();
            flight.with_untracked(|f| {
                let f = f
                    .as_ref()
                    .map_err(|_| crate::panels::pictures::NO_FLIGHT.to_string())?;
                detections.with(|d| run_pictures(f, &d.nations, &d.measurements))
            })
        });
        AppState {
            form,
            flight,
            time_s: RwSignal::new(0.0),
            start_utc_s: RwSignal::new(crate::timeline::zones::DEFAULT_START_UTC_S),
            playing: RwSignal::new(false),
            speed: RwSignal::new(32.0),
            sensors,
            enabled,
            fan_alt_km,
            k,
            coverage,
            detections,
            pictures,
            picture: RwSignal::new(picture_sim::tracking::picture::TRILATERAL.to_string()),
            compare_with: RwSignal::new(None),
            side_by_side: RwSignal::new(false),
        }
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
