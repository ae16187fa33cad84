//! The uncertainty study: how much each warning-time figure could move, given that every input is a public
//! estimate.
//!
//! A study draws `runs` samples of every uncertain input ([`Uncertainties`], and each missile's bounds from the
//! catalog) with [`draws`] and runs the whole chain per sample: flight, detections, every picture, the
//! metrics ([`Study::run_sample`]). [`summary`] turns the samples into distributions: for each picture and
//! event the warning time left, for each nation the trilateral picture's gain, for each launch its flight
//! time, range, apogee and impact point (with the 95 % ellipse).
//!
//! What a sample varies and what it keeps. By default ([`Guidance::Aimed`]) each sample's missile is solved to
//! the launch's aim and shape, so the impact point stays and the timing moves; with
//! [`Guidance::NominalProgram`] it flies the nominal missile's program, and range, apogee and impact point
//! scatter as an unguided cut-off's would. Launches of one missile type share its draws (the bounds are
//! what is not known about the type, not the scatter between rounds). Each sample draws its own detections
//! and measurement noise unless [`Uncertainties::noise`] is off.
//!
//! Same scenario, uncertainties, seed, sampling and sample count give the same samples in any order of
//! evaluation (each sample depends on its index only), so a study can be cut into shards and the shards merged
//! ([`record::merge`]): bit for bit on one platform, and to a millisecond of every warning time between the
//! command line and the browser, whose mathematical functions round differently in the last bit
//! (`tests/shared/browser_study.rs`).

pub mod draws;
pub mod record;
mod sample;
pub mod summary;
pub mod uncertainties;

pub use draws::Sampling;
pub use sample::{CostSplit, FlightFigures, SampleFigures, SampleResult};
pub use uncertainties::Uncertainties;

use crate::flight::{catalog, uncertain, Flight, Vehicle};
use crate::scenario::{Scenario, ScenarioError};
use crate::sensors::{Sensor, SensorKind};
use draws::Draws;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most samples in one study.
pub const RUNS_MAX: usize = 100_000;

#[derive(Debug, Error)]
pub enum StudyError {
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    #[error("{0}")]
    Settings(String),
}

/// How a study samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudySettings {
    /// How many samples.
    pub runs: usize,
    /// The seed of the draws (and of each sample's noise).
    pub seed: u64,
    #[serde(default)]
    pub sampling: Sampling,
    #[serde(default)]
    pub guidance: Guidance,
}

/// How a sample's missile is steered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Guidance {
    /// Each sample's missile is solved afresh to the launch's aim and shape, as a guided missile cuts its
    /// thrust when it has the speed for its aim: the impact point stays, the flight time, apogee and the
    /// moments each radar sees it move. What the warning-time figures of a given launch depend on.
    #[default]
    Aimed,
    /// Each sample's missile flies the nominal missile's program (the same pitch and the same cut-off time):
    /// the classic dispersion analysis of an unguided cut-off, whose impact points scatter along the flight.
    NominalProgram,
}

impl StudySettings {
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=RUNS_MAX).contains(&self.runs) {
            return Err(format!(
                "runs: {} samples; between 1 and {RUNS_MAX} are allowed",
                self.runs
            ));
        }
        Ok(())
    }
}

/// One missile type of the scenario and where its draws sit.
#[derive(Debug, Clone)]
struct MissileType {
    vehicle: &'static Vehicle,
    spreads: Vec<uncertain::VehicleSpread>,
    first: usize,
    count: usize,
}

/// Where each kind of quantity's draws sit in a sample's row.
#[derive(Debug, Clone, Default)]
struct Layout {
    types: Vec<MissileType>,
    /// Per launch, its type.
    launch_type: Vec<usize>,
    /// (sensor index, draw index) of each radar's reference SNR.
    radar_snr: Vec<(usize, usize)>,
    /// First of the three cross-section draws (booster, midcourse, re-entry).
    rcs: usize,
    /// (sensor index, first of its two draws) of each ship radar.
    ships: Vec<(usize, usize)>,
    /// Per picture, per link, its draw.
    latency: Vec<Vec<usize>>,
    /// Names of the quantities, in draw order.
    names: Vec<String>,
}

impl Layout {
    fn push(&mut self, name: String) -> usize {
        self.names.push(name);
        self.names.len() - 1
    }
}

/// A study, ready to run its samples.
#[derive(Debug, Clone)]
pub struct Study {
    scenario: Scenario,
    uncertainties: Uncertainties,
    settings: StudySettings,
    layout: Layout,
    draws: Draws,
    /// The nominal flights (their programs fly every sample).
    nominal: Vec<Flight>,
    /// The scenario's sensors as selected (ships on their stations).
    sensors: Vec<Sensor>,
}

impl Study {
    /// Validates everything, flies the nominal launches (solving each program once) and draws every sample.
    pub fn new(
        scenario: &Scenario,
        uncertainties: &Uncertainties,
        settings: StudySettings,
    ) -> Result<Study, StudyError> {
        scenario.validate()?;
        uncertainties.validate().map_err(StudyError::Settings)?;
        settings.validate().map_err(StudyError::Settings)?;
        let nominal = scenario.fly()?;
        let sensors = scenario.selected_sensors()?;
        let mut layout = Layout::default();
        for l in &scenario.launches {
            let vehicle = catalog::find(&l.missile)
                .ok_or_else(|| StudyError::Settings(format!("unknown missile `{}`", l.missile)))?;
            let t = match layout.types.iter().position(|t| t.vehicle.id == vehicle.id) {
                Some(t) => t,
                None => {
                    let spreads = uncertainties.spreads_of(vehicle.id);
                    let first = layout.names.len();
                    for s in &spreads {
                        let stages: Vec<Option<usize>> = match (s.parameter.per_stage(), s.stage) {
                            (true, None) => (0..vehicle.stages.len()).map(Some).collect(),
                            (true, Some(k)) => vec![Some(k as usize)],
                            (false, _) => vec![None],
                        };
                        for k in stages {
                            let name = match k {
                                Some(k) => format!(
                                    "{} stage {} {} factor",
                                    vehicle.id,
                                    k + 1,
                                    s.parameter.label()
                                ),
                                None => format!("{} {} factor", vehicle.id, s.parameter.label()),
                            };
                            layout.push(name);
                        }
                    }
                    let count = layout.names.len() - first;
                    debug_assert_eq!(count, uncertain::factor_count(vehicle, &spreads));
                    layout.types.push(MissileType {
                        vehicle,
                        spreads,
                        first,
                        count,
                    });
                    layout.types.len() - 1
                }
            };
            layout.launch_type.push(t);
        }
        for (i, s) in sensors.iter().enumerate() {
            if s.radar().is_some() {
                let d = layout.push(format!("{} reference SNR offset dB", s.name));
                layout.radar_snr.push((i, d));
            }
        }
        layout.rcs = layout.push("booster cross-section offset dB".into());
        layout.push("midcourse cross-section offset dB".into());
        layout.push("re-entry cross-section offset dB".into());
        for (i, s) in sensors.iter().enumerate() {
            if matches!(s.kind, SensorKind::ShipRadar(_)) {
                let d = layout.push(format!("{} station offset m", s.name));
                layout.push(format!("{} station offset bearing deg", s.name));
                layout.ships.push((i, d));
            }
        }
        for p in &scenario.pictures {
            let links = p
                .links
                .iter()
                .map(|l| layout.push(format!("{} link from {:?} latency ms", p.name, l.from)))
                .collect();
            layout.latency.push(links);
        }
        let draws = Draws::new(
            settings.sampling,
            settings.seed,
            settings.runs,
            layout.names.len(),
        );
        Ok(Study {
            scenario: scenario.clone(),
            uncertainties: uncertainties.clone(),
            settings,
            layout,
            draws,
            nominal,
            sensors,
        })
    }

    pub fn settings(&self) -> &StudySettings {
        &self.settings
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn uncertainties(&self) -> &Uncertainties {
        &self.uncertainties
    }

    /// The names of the sampled quantities, in the order of a sample's `inputs`.
    pub fn quantities(&self) -> &[String] {
        &self.layout.names
    }

    /// The nominal flights.
    pub fn nominal(&self) -> &[Flight] {
        &self.nominal
    }
}

impl Study {
    /// Runs samples `range` one after another (a caller with threads runs [`Study::run_sample`] on each).
    pub fn run_range(
        &self,
        range: std::ops::Range<usize>,
        clock: &dyn Fn() -> f64,
    ) -> Vec<SampleResult> {
        range.map(|i| self.run_sample(i, clock)).collect()
    }

    /// The record of samples starting at `first`.
    pub fn record(&self, first: usize, samples: Vec<SampleResult>) -> record::StudyRecord {
        record::StudyRecord {
            version: record::RECORD_VERSION,
            scenario: self.scenario.clone(),
            uncertainties: self.uncertainties.clone(),
            settings: self.settings,
            quantities: self.layout.names.clone(),
            first,
            samples,
        }
    }
}
