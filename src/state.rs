//! The app's state: signals and memos, provided through context. Domain types never hold signals.
//!
//! The state is a scenario (several launches with their launch times, the sensors, the pictures, the seed).
//! `form` stays the editor of the selected launch, and `flight` that launch's flight, so panels written for
//! one launch keep working; `flights` holds every launch's flight. Flights are cached by their launch, so an
//! edit of one launch flies only that one.

use crate::detection_view::{coverage, detect, Detections};
use crate::flight_view::{FlightView, Launched};
use crate::launch_form::LaunchForm;
use crate::picture_view::{run_pictures, PicturesError, PicturesOutcome};
use crate::scenario::model::{AppScenario, ScenarioLaunch};
use crate::schedule::after_next_paint;
use leptos::prelude::*;
use picture_sim::flight::ShapingMemory;
use picture_sim::scenario::ShipStation;
use picture_sim::sensors::{catalog, EffectiveEarth, Footprint, Sensor, SensorKind};
use picture_sim::tracking::picture::PictureConfig;
use std::sync::Arc;

/// The default seed of the detection draws: fixed, so that the same launch always gives the same detections.
pub const DETECTION_SEED: u64 = 20_231_219;

/// Flights kept for reuse: the scenario's launches plus a few recent edits.
const FLIGHT_CACHE: usize = 48;

/// A flown launch, shared between the scenario's list and the selected-launch memo.
pub type SharedFlight = Arc<Result<FlightView, String>>;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The selected launch, as the launch editor edits it (writes go back into `launches`).
    pub form: RwSignal<LaunchForm>,
    /// The flight of the selected launch, or why it cannot fly (the form is kept as it is either way).
    pub flight: Memo<Result<FlightView, String>>,
    /// Every launch of the scenario, with its launch time.
    pub launches: RwSignal<Vec<ScenarioLaunch>>,
    /// Index of the selected launch in `launches`.
    pub selected: RwSignal<usize>,
    /// The flight of each launch, in `launches` order.
    pub flights: Memo<Vec<SharedFlight>>,
    /// When the last flight ends, seconds after the scenario start.
    pub end_s: Memo<f64>,
    /// Counts the frames painted after a change of the flights: what follows the flights but need not
    /// be in the frame that shows an edit (the analyses, the scrubber's markers) tracks this instead.
    pub settled: ReadSignal<u64>,
    /// Seed of the detection draws.
    pub seed: RwSignal<u64>,
    /// The clock: seconds after the scenario start.
    pub time_s: RwSignal<f64>,
    /// The scenario's start (launch) instant, seconds since 1970-01-01T00:00Z: the clock's UTC, JST and KST.
    pub start_utc_s: RwSignal<i64>,
    pub playing: RwSignal<bool>,
    /// Playback speed, simulated seconds per real second.
    pub speed: RwSignal<f64>,
    /// The sensor catalog, ships on their current stations (or why it could not be built).
    pub sensors: RwSignal<Result<Vec<Sensor>, String>>,
    /// Which sensors take part, by catalog index.
    pub enabled: RwSignal<Vec<bool>>,
    /// The target altitude the radar fans are drawn for, km.
    pub fan_alt_km: RwSignal<f64>,
    /// The effective-Earth-radius factor k (1 geometric, 4/3 standard).
    pub k: RwSignal<f64>,
    /// The fans at that altitude and k.
    pub coverage: Memo<Result<Vec<(usize, Footprint)>, String>>,
    /// Each enabled sensor against every flight.
    pub detections: Memo<Detections>,
    /// The fusion centres and their links.
    pub picture_configs: RwSignal<Vec<PictureConfig>>,
    /// Every picture's tracks and scores for the flights and sensors.
    pub pictures: Memo<Result<PicturesOutcome, PicturesError>>,
    /// The picture shown on the map, and the one compared with it (by name).
    pub picture: RwSignal<String>,
    pub compare_with: RwSignal<Option<String>>,
    /// Show the compared picture on a second map beside the first (otherwise dashed on the same map).
    pub side_by_side: RwSignal<bool>,
}

/// Flies a launch, reusing an earlier flight of the same launch.
fn fly_cached(
    cache: StoredValue<Vec<(ScenarioLaunch, SharedFlight)>>,
    memory: StoredValue<ShapingMemory>,
    launch: &ScenarioLaunch,
) -> SharedFlight {
    if let Some(hit) =
        cache.with_value(|c| c.iter().find(|(l, _)| l == launch).map(|(_, f)| f.clone()))
    {
        return hit;
    }
    // The solvers' memory makes an edit of a launch's range or apogee skip the searches of its flight plane.
    let fly = |m: &mut ShapingMemory| FlightView::fly_at_with(&launch.form, launch.offset_s, m);
    let flown = memory
        .try_update_value(fly)
        .unwrap_or_else(|| fly(&mut ShapingMemory::new()));
    let flown: SharedFlight = Arc::new(flown);
    cache.update_value(|c| {
        if c.len() >= FLIGHT_CACHE {
            c.remove(0);
        }
        c.push((launch.clone(), flown.clone()));
    });
    flown
}

impl AppState {
    pub fn new() -> AppState {
        let initial = AppScenario::default();
        let launches = RwSignal::new(initial.launches.clone());
        let selected = RwSignal::new(0usize);
        let form = RwSignal::new(initial.launches[0].form.clone());
        let cache = StoredValue::new(Vec::<(ScenarioLaunch, SharedFlight)>::new());
        let memory = StoredValue::new(ShapingMemory::new());
        // A write of the form that did not go through `edit_form` still reaches the selected launch...
        Effect::new(move |_| {
            let f = form.get();
            let i = selected.get_untracked();
            if launches.with_untracked(|l| l.get(i).is_some_and(|l| l.form != f)) {
                launches.update(|l| l[i].form = f);
            }
        });
        // ...and shows the selected launch when the selection or the scenario changes.
        Effect::new(move |_| {
            let i = selected.get();
            let f = launches.with(|l| l.get(i).map(|l| l.form.clone()));
            if let Some(f) = f {
                if form.with_untracked(|cur| *cur != f) {
                    form.set(f);
                }
            }
        });
        let flights = Memo::new(move |_| {
            launches.with(|l| {
                l.iter()
                    .map(|l| fly_cached(cache, memory, l))
                    .collect::<Vec<_>>()
            })
        });
        // The selected launch's flight is its entry in `flights`: the editor writes the form and the scenario
        // together (`edit_form`), so one pass re-flies it and redraws everything that shows it.
        let flight = Memo::new(move |_| {
            let i = selected.get();
            flights
                .with(|fs| fs.get(i).map(|f| (**f).clone()))
                .unwrap_or_else(|| {
                    (*fly_cached(
                        cache,
                        memory,
                        &ScenarioLaunch {
                            form: form.get(),
                            offset_s: 0.0,
                        },
                    ))
                    .clone()
                })
        });
        let end_s = Memo::new(move |_| {
            flights.with(|fs| {
                fs.iter()
                    .filter_map(|f| f.as_ref().as_ref().ok())
                    .map(|f| f.launch_offset_s() + f.duration_s())
                    .fold(0.0, f64::max)
            })
        });
        // Detections and tracking follow the flights once the next frame has painted, so an edited launch's
        // arc and figures show at once and the slower analyses fill in after. (A zero timeout alone is not
        // enough: the browser runs it before the frame, which then waits for the analyses.)
        let settled = RwSignal::new(0u64);
        Effect::new(move |_| {
            flights.track();
            after_next_paint(move || settled.update(|n| *n += 1));
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
        let seed = RwSignal::new(initial.seed);
        let earth = move || EffectiveEarth::new(k.get()).map_err(|e| format!("Refraction k: {e}"));
        let coverage = Memo::new(move |_| {
            let earth = earth()?;
            sensors.with(|s| {
                let s = s.as_ref().map_err(Clone::clone)?;
                enabled
                    .with(|on| coverage(s, on, &earth, fan_alt_km.get()).map_err(|e| e.to_string()))
            })
        });
        let detections = Memo::new(move |_| {
            let Ok(earth) = earth() else {
                return Detections::default();
            };
            settled.track();
            let seed = seed.get();
            flights.with_untracked(|fs| {
                let flown: Vec<Launched> = fs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| f.as_ref().as_ref().ok().map(|f| (i, f)))
                    .collect();
                if flown.is_empty() {
                    return Detections::default();
                }
                sensors.with(|s| match s {
                    Ok(s) => enabled.with(|on| detect(&flown, s, on, earth, seed)),
                    Err(_) => Detections::default(),
                })
            })
        });
        let picture_configs = RwSignal::new(initial.pictures.clone());
        let pictures = Memo::new(move |_| {
            settled.track();
            flights.with_untracked(|fs| {
                let flown: Vec<Launched> = fs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| f.as_ref().as_ref().ok().map(|f| (i, f)))
                    .collect();
                if flown.is_empty() {
                    return Err(PicturesError::NoFlight);
                }
                picture_configs.with(|p| {
                    detections.with(|d| run_pictures(&flown, p, &d.nations, &d.measurements))
                })
            })
        });
        AppState {
            form,
            flight,
            launches,
            selected,
            flights,
            end_s,
            settled: settled.read_only(),
            seed,
            time_s: RwSignal::new(0.0),
            start_utc_s: RwSignal::new(initial.start_utc_s),
            playing: RwSignal::new(false),
            speed: RwSignal::new(32.0),
            sensors,
            enabled,
            fan_alt_km,
            k,
            coverage,
            detections,
            picture_configs,
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

    /// The scenario as it stands (for export, links and storage).
    pub fn snapshot(&self) -> AppScenario {
        let fresh = catalog().unwrap_or_default();
        let (sensors, ships) = self.sensors.with_untracked(|s| {
            let Ok(s) = s else {
                return (Vec::new(), Vec::new());
            };
            let on = self.enabled.get_untracked();
            let all_on = on.iter().all(|x| *x);
            let names = if all_on {
                Vec::new()
            } else {
                s.iter()
                    .zip(&on)
                    .filter(|(_, on)| **on)
                    .map(|(s, _)| s.name.clone())
                    .collect()
            };
            let ships = s
                .iter()
                .filter(|s| matches!(s.kind, SensorKind::ShipRadar(_)))
                .filter(|s| !fresh.contains(s))
                .filter_map(|s| {
                    let site = s.radar()?.site();
                    Some(ShipStation {
                        sensor: s.name.clone(),
                        lat_deg: site.lat_deg(),
                        lon_deg: site.lon_deg(),
                    })
                })
                .collect();
            (names, ships)
        });
        AppScenario {
            seed: self.seed.get_untracked(),
            launches: self.launches.get_untracked(),
            sensors,
            ships,
            pictures: self.picture_configs.get_untracked(),
            start_utc_s: self.start_utc_s.get_untracked(),
        }
    }

    /// Replaces the scenario (already validated), selecting its first launch. The error says why a
    /// sensor could not be placed; then nothing has changed.
    pub fn load(&self, s: AppScenario) -> Result<(), String> {
        let mut all = catalog().map_err(|e| format!("Sensor catalog: {e}"))?;
        for (i, st) in s.ships.iter().enumerate() {
            let ship = all
                .iter_mut()
                .find(|x| x.name == st.sensor)
                .ok_or_else(|| format!("ships[{i}].sensor: no sensor named `{}`", st.sensor))?;
            ship.move_to(st.lat_deg, st.lon_deg)
                .map_err(|e| format!("ships[{i}]: {e}"))?;
        }
        if s.launches.is_empty() {
            return Err("launches: must list at least one launch".into());
        }
        let on: Vec<bool> = all.iter().map(|x| s.uses_sensor(&x.name)).collect();
        self.playing.set(false);
        self.selected.set(0);
        self.form.set(s.launches[0].form.clone());
        self.launches.set(s.launches);
        self.seed.set(s.seed);
        self.start_utc_s.set(s.start_utc_s);
        self.picture_configs.set(s.pictures);
        self.enabled.set(on);
        self.sensors.set(Ok(all));
        self.time_s.set(0.0);
        Ok(())
    }

    /// Edits the selected launch: the form and the scenario's launch change together, so the edit re-flies
    /// and redraws in one pass (a write-back one task later would redraw the map a second time).
    pub fn edit_form(&self, edit: impl FnOnce(&mut LaunchForm)) {
        let mut f = self.form.get_untracked();
        edit(&mut f);
        if self.form.with_untracked(|cur| *cur == f) {
            return;
        }
        let i = self.selected.get_untracked();
        if self
            .launches
            .with_untracked(|l| l.get(i).is_some_and(|l| l.form != f))
        {
            self.launches.update(|l| l[i].form = f.clone());
        }
        self.form.set(f);
    }

    /// Moves the clock back to the launch (an edit starts the story again). Setting a signal notifies even
    /// when the value is the same, so a clock already at 0 is left alone.
    pub fn rewind(&self) {
        if self.time_s.get_untracked() != 0.0 {
            self.time_s.set(0.0);
        }
    }

    /// Selects launch `i`.
    pub fn select(&self, i: usize) {
        if self.launches.with_untracked(|l| i < l.len()) {
            self.selected.set(i);
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
