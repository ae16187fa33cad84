//! The app's state: signals and memos, provided through context. Domain types never hold signals.
//!
//! The state is a scenario (several launches with their launch times, the sensors, the pictures, the seed).
//! `form` stays the editor of the selected launch, and `flight` that launch's flight, so panels written for
//! one launch keep working; `flights` holds every launch's flight. Flights are cached by their launch, so an
//! edit of one launch flies only that one.

use crate::detection_view::{coverage, detect, Detections};
use crate::flight_view::FlightView;
use crate::launch_form::LaunchForm;
use crate::picture_view::{run_pictures, PicturesOutcome};
use crate::scenario::model::{AppScenario, ScenarioLaunch};
use leptos::prelude::*;
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
    pub pictures: Memo<Result<PicturesOutcome, String>>,
    /// The picture shown on the map, and the one compared with it (by name).
    pub picture: RwSignal<String>,
    pub compare_with: RwSignal<Option<String>>,
    /// Show the compared picture on a second map beside the first (otherwise dashed on the same map).
    pub side_by_side: RwSignal<bool>,
}

/// Flies a launch, reusing an earlier flight of the same launch.
fn fly_cached(
    cache: StoredValue<Vec<(ScenarioLaunch, SharedFlight)>>,
    launch: &ScenarioLaunch,
) -> SharedFlight {
    if let Some(hit) =
        cache.with_value(|c| c.iter().find(|(l, _)| l == launch).map(|(_, f)| f.clone()))
    {
        return hit;
    }
    let flown: SharedFlight = Arc::new(FlightView::fly_at(&launch.form, launch.offset_s));
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
        // The editor writes into the selected launch...
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
            launches.with(|l| l.iter().map(|l| fly_cached(cache, l)).collect::<Vec<_>>())
        });
        // The selected flight follows the form directly, so an edit re-flies at once without waiting for
        // the write-back into the scenario (which then finds it in the cache).
        // Right after the selection changes the form still holds the previous launch: that one run takes the
        // selected launch as it is in the scenario instead.
        let last_selected = StoredValue::new(usize::MAX);
        let flight = Memo::new(move |_| {
            let i = selected.get();
            let stored = launches.with(|l| l.get(i).cloned());
            let form = form.get();
            let changed = last_selected.get_value() != i;
            last_selected.set_value(i);
            let launch = match stored {
                Some(l) if changed => l,
                Some(l) => ScenarioLaunch {
                    form,
                    offset_s: l.offset_s,
                },
                None => ScenarioLaunch {
                    form,
                    offset_s: 0.0,
                },
            };
            (*fly_cached(cache, &launch)).clone()
        });
        let end_s = Memo::new(move |_| {
            flights.with(|fs| {
                fs.iter()
                    .filter_map(|f| f.as_ref().as_ref().ok())
                    .map(|f| f.launch_offset_s() + f.duration_s())
                    .fold(0.0, f64::max)
            })
        });
        // Detections and tracking follow the flights one task later, so an edited launch's arc and figures
        // paint in the next frame and the slower analyses fill in after it.
        let settled = RwSignal::new(0u64);
        Effect::new(move |_| {
            flights.track();
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
        let seed = RwSignal::new(initial.seed);
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
            let seed = seed.get();
            flights.with_untracked(|fs| {
                let flown: Vec<&FlightView> =
                    fs.iter().filter_map(|f| f.as_ref().as_ref().ok()).collect();
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
                let flown: Vec<&FlightView> =
                    fs.iter().filter_map(|f| f.as_ref().as_ref().ok()).collect();
                if flown.is_empty() {
                    return Err(crate::panels::pictures::NO_FLIGHT.to_string());
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
