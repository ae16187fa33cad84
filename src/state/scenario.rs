//! What the user builds: the launches (and which one the launch editor shows), the sensors that take part
//! (ships on their stations), the pictures, the seed and the start instant. Everything here is in the scenario
//! file, the share link and local storage; [`ScenarioState::snapshot`] reads it out as an [`AppScenario`].
//!
//! The launches are the one source of truth for every launch's form: the selected launch's form is a memo of
//! `launches[selected]`, and [`ScenarioState::edit_form`] is the one way an edit of it is written.

use crate::present::launch_form::LaunchForm;
use crate::scenario::model::{AppScenario, ScenarioLaunch};
use leptos::prelude::*;
use picture_sim::scenario::ShipStation;
use picture_sim::sensors::{catalog, Sensor, SensorKind};
use picture_sim::tracking::picture::PictureConfig;

/// Why the sensors or a scenario's ships could not be set up. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// The built-in sensor catalog could not be built.
    #[error("Sensor catalog: {0}")]
    Catalog(String),
    /// A ship station names a sensor the catalog does not hold.
    #[error("ships[{index}].sensor: no sensor named `{sensor}`")]
    NoSuchShip { index: usize, sensor: String },
    /// A ship station the ship cannot be moved to.
    #[error("ships[{index}]: {reason}")]
    Station { index: usize, reason: String },
    /// A scenario with no launch.
    #[error("launches: must list at least one launch")]
    NoLaunch,
}

/// The sensor catalog, or why it could not be built.
fn fresh_catalog() -> Result<Vec<Sensor>, ScenarioError> {
    catalog().map_err(|e| ScenarioError::Catalog(e.to_string()))
}

/// The sensor catalog with each ship on its station: the one way the page and the analyses' worker set up
/// the sensors, so both hold the same sensors bit for bit.
pub fn place_ships(ships: &[ShipStation]) -> Result<Vec<Sensor>, ScenarioError> {
    let mut all = fresh_catalog()?;
    for (index, st) in ships.iter().enumerate() {
        let ship = all
            .iter_mut()
            .find(|x| x.name == st.sensor)
            .ok_or_else(|| ScenarioError::NoSuchShip {
                index,
                sensor: st.sensor.clone(),
            })?;
        ship.move_to(st.lat_deg, st.lon_deg)
            .map_err(|e| ScenarioError::Station {
                index,
                reason: e.to_string(),
            })?;
    }
    Ok(all)
}

/// Every ship's station as it was given (the radar's own specification, not its site read back), so that
/// [`place_ships`] sets the same sensors up again.
pub fn ship_stations(sensors: &[Sensor]) -> Vec<ShipStation> {
    sensors
        .iter()
        .filter(|s| matches!(s.kind, SensorKind::ShipRadar(_)))
        .filter_map(|s| {
            let spec = s.radar()?.spec();
            Some(ShipStation {
                sensor: s.name.clone(),
                lat_deg: spec.lat_deg,
                lon_deg: spec.lon_deg,
            })
        })
        .collect()
}

/// The scenario's signals. Copy: every field is a signal or a memo.
#[derive(Clone, Copy)]
pub struct ScenarioState {
    /// Every launch of the scenario, with its launch time. Never empty.
    pub launches: RwSignal<Vec<ScenarioLaunch>>,
    /// Index of the selected launch in `launches`.
    pub selected: RwSignal<usize>,
    /// The selected launch's form, read from `launches` (write it with [`ScenarioState::edit_form`]).
    pub form: Memo<LaunchForm>,
    /// Seed of the detection draws.
    pub seed: RwSignal<u64>,
    /// The scenario's start (launch) instant, seconds since 1970-01-01T00:00Z: the clock's UTC, JST and KST.
    pub start_utc_s: RwSignal<i64>,
    /// The sensor catalog, ships on their current stations (or why it could not be built).
    pub sensors: RwSignal<Result<Vec<Sensor>, ScenarioError>>,
    /// Which sensors take part, by catalog index.
    pub enabled: RwSignal<Vec<bool>>,
    /// The fusion centres and their links.
    pub picture_configs: RwSignal<Vec<PictureConfig>>,
}

/// The index `selected` names in a list of `len` launches: the last one if it is past the end (a launch
/// removed before the selection caught up).
pub fn clamp_selection(selected: usize, len: usize) -> usize {
    selected.min(len.saturating_sub(1))
}

impl ScenarioState {
    /// The signals of `initial`, with its first launch selected and every catalog sensor on its station.
    pub fn new(initial: &AppScenario) -> ScenarioState {
        let launches = RwSignal::new(initial.launches.clone());
        let selected = RwSignal::new(0usize);
        let form = Memo::new(move |_| {
            let i = selected.get();
            launches.with(|l| {
                l.get(clamp_selection(i, l.len()))
                    .map(|l| l.form.clone())
                    .unwrap_or_default()
            })
        });
        let sensors = RwSignal::new(fresh_catalog());
        let enabled = RwSignal::new(vec![
            true;
            sensors.with_untracked(|s| s
                .as_ref()
                .map(Vec::len)
                .unwrap_or(0))
        ]);
        ScenarioState {
            launches,
            selected,
            form,
            seed: RwSignal::new(initial.seed),
            start_utc_s: RwSignal::new(initial.start_utc_s),
            sensors,
            enabled,
            picture_configs: RwSignal::new(initial.pictures.clone()),
        }
    }

    /// Edits the selected launch's form in `launches`: the one write path of a launch edit, so the edit
    /// re-flies (that launch only: flights are cached per launch) and redraws in one reactive pass. An edit
    /// that changes nothing notifies nobody.
    pub fn edit_form(&self, edit: impl FnOnce(&mut LaunchForm)) {
        let i = self.selected.get_untracked();
        let Some(was) = self
            .launches
            .with_untracked(|l| l.get(clamp_selection(i, l.len())).map(|l| l.form.clone()))
        else {
            return;
        };
        let mut f = was.clone();
        edit(&mut f);
        if f == was {
            return;
        }
        self.launches.update(|l| {
            let i = clamp_selection(i, l.len());
            if let Some(launch) = l.get_mut(i) {
                launch.form = f;
            }
        });
    }

    /// Selects launch `i` (an index past the end is ignored).
    pub fn select(&self, i: usize) {
        if self.launches.with_untracked(|l| i < l.len()) {
            self.selected.set(i);
        }
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

    /// Replaces the scenario (already validated), selecting its first launch. The error says why a sensor
    /// could not be placed; then nothing has changed.
    pub fn load(&self, s: AppScenario) -> Result<(), ScenarioError> {
        let all = place_ships(&s.ships)?;
        if s.launches.is_empty() {
            return Err(ScenarioError::NoLaunch);
        }
        let on: Vec<bool> = all.iter().map(|x| s.uses_sensor(&x.name)).collect();
        self.selected.set(0);
        self.launches.set(s.launches);
        self.seed.set(s.seed);
        self.start_utc_s.set(s.start_utc_s);
        self.picture_configs.set(s.pictures);
        self.enabled.set(on);
        self.sensors.set(Ok(all));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_past_the_end_names_the_last_launch() {
        assert_eq!(clamp_selection(0, 3), 0);
        assert_eq!(clamp_selection(2, 3), 2);
        assert_eq!(clamp_selection(3, 3), 2);
        assert_eq!(clamp_selection(0, 0), 0);
    }

    #[test]
    fn the_messages_name_the_field() {
        let e = ScenarioError::NoSuchShip {
            index: 1,
            sensor: "JS Kongo".into(),
        };
        assert_eq!(e.to_string(), "ships[1].sensor: no sensor named `JS Kongo`");
        assert_eq!(
            ScenarioError::NoLaunch.to_string(),
            "launches: must list at least one launch"
        );
        assert_eq!(
            ScenarioError::Catalog("bad".into()).to_string(),
            "Sensor catalog: bad"
        );
    }
}
