//! The detection run: every sensor looks at every target at its update interval over the flight, and reports
//! when it first detected it, when it could first have seen it (the horizon, or for infrared the cloud tops),
//! how many looks detected it, its measurements, and why the looks before its first detection failed.
//!
//! Looks fall on multiples of the sensor's update interval from the scenario epoch (t = 0), so they do not
//! depend on the launch time. Randomness is deterministic: each (sensor, target) pair draws from its own
//! ChaCha8 stream of the scenario seed, so the same scenario and seed give the same detections, and adding a
//! sensor does not change what the others see.

use super::horizon::EffectiveEarth;
use super::infrared::Infrared;
use super::look::{
    clear_of_earth, coverage_check, horizon_margin_rad, radar_look_cached, HorizonAngle,
    LookOutcome, MissReason, TargetSample,
};
use super::measure::radar_measurement;
use super::pd::DetectionModel;
use super::radar::Radar;
use super::rcs::RcsModel;
use super::rise::bisect_rise;
use super::sensor::{Nation, Sensor, SensorKind};
use crate::earth::Ellipsoid;
use crate::measurement::{Measurement, SensorIndex};
use crate::time::{Duration, SimTime};
use crate::truth::{FlightPhase, Truth};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The models a detection run uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DetectionConfig {
    pub earth: EffectiveEarth,
    pub rcs: RcsModel,
    pub model: DetectionModel,
    pub seed: u64,
}

impl Default for DetectionConfig {
    /// The traced atmosphere (ITU-R P.453), the default cross-sections, Swerling 1, seed 1.
    fn default() -> Self {
        DetectionConfig {
            earth: EffectiveEarth::traced(),
            rcs: RcsModel::default(),
            model: DetectionModel::Swerling1,
            seed: 1,
        }
    }
}

/// A run of consecutive looks that failed for the same reason.
///
/// # Units
/// Times of the first and last look of the run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MissSpan {
    pub reason: MissReason,
    pub from: SimTime,
    pub to: SimTime,
    pub looks: usize,
}

/// What one sensor saw of one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensorReport {
    pub sensor: SensorIndex,
    /// Index of the target in the run's target list.
    pub target: usize,
    pub name: String,
    pub nation: Nation,
    /// The first look that detected the target (for infrared, the first sighting of the plume; the report
    /// follows after the reporting delay).
    pub first_detection: Option<SimTime>,
    /// When the target first rose above the radar's horizon (to 1 ms); for infrared, when the plume first
    /// cleared the cloud tops.
    pub above_horizon: Option<SimTime>,
    pub looks: usize,
    pub detections: usize,
    /// Why the looks before the first detection (all looks, if none) failed, in time order.
    pub misses_before_first: Vec<MissSpan>,
    pub measurements: Vec<Measurement>,
}

impl SensorReport {
    fn new(index: usize, sensor: &Sensor, target: usize) -> SensorReport {
        SensorReport {
            sensor: SensorIndex(index),
            target,
            name: sensor.name.clone(),
            nation: sensor.nation,
            first_detection: None,
            above_horizon: None,
            looks: 0,
            detections: 0,
            misses_before_first: Vec::new(),
            measurements: Vec::new(),
        }
    }

    fn miss(&mut self, t: SimTime, reason: MissReason) {
        if self.first_detection.is_some() {
            return;
        }
        match self.misses_before_first.last_mut() {
            Some(span) if span.reason == reason => {
                span.to = t;
                span.looks += 1;
            }
            _ => self.misses_before_first.push(MissSpan {
                reason,
                from: t,
                to: t,
                looks: 1,
            }),
        }
    }

    fn hit(&mut self, t: SimTime) {
        self.detections += 1;
        self.first_detection.get_or_insert(t);
    }
}

/// The result of a detection run: one report per (sensor, target), sensors in order, targets within each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetectionRun {
    pub reports: Vec<SensorReport>,
}

impl DetectionRun {
    /// All measurements of all sensors, in time order (ties by sensor).
    pub fn measurements(&self) -> Vec<Measurement> {
        let mut all: Vec<Measurement> = self
            .reports
            .iter()
            .flat_map(|r| r.measurements.iter().cloned())
            .collect();
        crate::tracking::sorted::sort_stable_by(&mut all, |a, b| {
            (a.time, a.sensor).cmp(&(b.time, b.sensor))
        });
        all
    }
}

/// Largest sample cache per target (about 30 MB).
const MAX_GRID_SLOTS: usize = 200_000;

/// A target sample with its horizon angle in the run's effective-Earth model.
#[derive(Debug, Clone, Copy)]
struct GridSample {
    sample: TargetSample,
    horizon: HorizonAngle,
}

/// Target samples on a time grid shared by all sensors (the greatest common divisor of their update
/// intervals), computed when first needed.
struct SampleGrid<'a> {
    truth: &'a dyn Truth,
    earth: EffectiveEarth,
    t0_ms: i64,
    step_ms: i64,
    slots: Vec<Option<Option<GridSample>>>,
}

impl<'a> SampleGrid<'a> {
    fn new(truth: &'a dyn Truth, earth: EffectiveEarth, step_ms: i64) -> SampleGrid<'a> {
        let step_ms = step_ms.max(1);
        let t0_ms = truth.start().0.div_euclid(step_ms) * step_ms;
        let n = ((truth.end().0 - t0_ms).max(0) / step_ms + 1) as usize;
        // Update intervals with a small common divisor (say 2000 and 3333 ms) would make a fine, mostly unused
        // grid: past this size nothing is cached and each look computes its own sample.
        let n = if n <= MAX_GRID_SLOTS { n } else { 0 };
        SampleGrid {
            truth,
            earth,
            t0_ms,
            step_ms,
            slots: vec![None; n],
        }
    }

    fn compute(&self, t: SimTime) -> Option<GridSample> {
        let sample = TargetSample::new(self.truth.state_at(t)?);
        Some(GridSample {
            sample,
            horizon: HorizonAngle::new(&self.earth, sample.altitude_m()),
        })
    }

    /// The sample at `t`; cached when `t` lies on the grid (a multiple of an update interval).
    fn at(&mut self, t: SimTime) -> Option<GridSample> {
        let offset = t.0 - self.t0_ms;
        let index = (offset / self.step_ms) as usize;
        let on_grid = offset >= 0 && offset % self.step_ms == 0 && index < self.slots.len();
        if !on_grid {
            return self.compute(t);
        }
        if let Some(cached) = self.slots[index] {
            return cached;
        }
        let computed = self.compute(t);
        self.slots[index] = Some(computed);
        computed
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// The first multiple of `interval_ms` at or after `t`.
fn first_look(t: SimTime, interval_ms: i64) -> SimTime {
    SimTime(
        t.0.div_euclid(interval_ms) * interval_ms
            + if t.0.rem_euclid(interval_ms) == 0 {
                0
            } else {
                interval_ms
            },
    )
}

/// Runs every sensor against every target over each target's flight.
///
/// # Units
/// All times in the reports are [`SimTime`]s (milliseconds from the scenario epoch, not from launch); the
/// measurements are as [`Measurement`] documents them (radians and metres).
pub fn run_detections(
    sensors: &[Sensor],
    targets: &[&dyn Truth],
    config: &DetectionConfig,
) -> DetectionRun {
    let step_ms = sensors
        .iter()
        .map(Sensor::update_interval_ms)
        .fold(0, gcd)
        .max(1);
    let mut grids: Vec<SampleGrid> = targets
        .iter()
        .map(|t| SampleGrid::new(*t, config.earth, step_ms))
        .collect();
    let mut reports = Vec::with_capacity(sensors.len() * targets.len());
    for (index, sensor) in sensors.iter().enumerate() {
        for (target, grid) in grids.iter_mut().enumerate() {
            let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
            rng.set_stream(((index as u64) << 32) | target as u64);
            let mut report = SensorReport::new(index, sensor, target);
            match &sensor.kind {
                SensorKind::GroundRadar(radar) | SensorKind::ShipRadar(radar) => {
                    radar_run(radar, config, grid, &mut report, &mut rng)
                }
                SensorKind::SpaceInfrared(ir) => infrared_run(ir, grid, &mut report, &mut rng),
            }
            reports.push(report);
        }
    }
    DetectionRun { reports }
}

fn radar_run(
    radar: &Radar,
    config: &DetectionConfig,
    grid: &mut SampleGrid,
    report: &mut SensorReport,
    rng: &mut ChaCha8Rng,
) {
    let truth = grid.truth;
    let (start, end) = (truth.start(), truth.end());
    let interval = radar.update_interval_ms();
    let earth = &config.earth;
    let radar_horizon = HorizonAngle::of_radar(earth, radar);
    let margin = |t: SimTime| {
        truth
            .state_at(t)
            .map(|s| horizon_margin_rad(radar, earth, &TargetSample::new(s)))
    };
    let mut last_masked = start;
    let mut t = first_look(start, interval);
    while t <= end {
        report.looks += 1;
        let Some(GridSample { sample, horizon }) = grid.at(t) else {
            report.miss(t, MissReason::NotInFlight);
            t += Duration::from_millis(interval);
            continue;
        };
        if report.above_horizon.is_none() {
            let cos_true_angle = radar.up_ecef().dot(&sample.up_ecef);
            if clear_of_earth(&radar_horizon, &horizon, cos_true_angle) {
                let rose = if matches!(margin(start), Some(m) if m >= 0.0) {
                    start
                } else {
                    bisect_rise(last_masked, t, margin)
                };
                report.above_horizon = Some(rose);
            } else {
                last_masked = t;
            }
        }
        let outcome = match config.rcs.rcs_m2(sample.state.phase) {
            Some(rcs_m2) => radar_look_cached(
                radar,
                earth,
                &radar_horizon,
                &sample,
                &horizon,
                rcs_m2,
                config.model,
                rng,
            ),
            None => LookOutcome::Missed(MissReason::NotInFlight),
        };
        match outcome {
            LookOutcome::Detected { aer, .. } => {
                report.hit(t);
                report
                    .measurements
                    .push(radar_measurement(report.sensor, radar, t, aer, rng));
            }
            LookOutcome::Missed(reason) => report.miss(t, reason),
        }
        t += Duration::from_millis(interval);
    }
}

fn infrared_run(
    ir: &Infrared,
    grid: &mut SampleGrid,
    report: &mut SensorReport,
    rng: &mut ChaCha8Rng,
) {
    let truth = grid.truth;
    let (start, end) = (truth.start(), truth.end());
    let interval = ir.update_interval_ms();
    let cloud_top_m = ir.spec().cloud_top_m;
    let margin = |t: SimTime| {
        truth.state_at(t).map(|s| {
            let alt_m = Ellipsoid::WGS84.to_geodetic(&s.pos).h_m;
            if matches!(s.phase, FlightPhase::Boost { .. }) {
                alt_m - cloud_top_m
            } else {
                -1.0
            }
        })
    };
    let mut last_unseen = start;
    let mut t = first_look(start, interval);
    while t <= end {
        report.looks += 1;
        let Some(GridSample { sample, .. }) = grid.at(t) else {
            report.miss(t, MissReason::NotInFlight);
            t += Duration::from_millis(interval);
            continue;
        };
        if ir.sees_plume(&sample.state, sample.altitude_m()) {
            if report.above_horizon.is_none() {
                let rose = if matches!(margin(start), Some(m) if m >= 0.0) {
                    start
                } else {
                    bisect_rise(last_unseen, t, margin)
                };
                report.above_horizon = Some(rose);
            }
            if report.first_detection.is_none() {
                if let Some(pad) = truth.state_at(start) {
                    let pad = Ellipsoid::WGS84.to_geodetic(&pad.pos);
                    report
                        .measurements
                        .push(ir.launch_report(report.sensor, t, pad, start, rng));
                }
            }
            report.hit(t);
        } else {
            if report.above_horizon.is_none() {
                last_unseen = t;
            }
            report.miss(t, MissReason::NoPlume);
        }
        t += Duration::from_millis(interval);
    }
}

/// A report's coverage tests at one instant, for explaining a miss without a draw (used by the table and the
/// app's tooltips): `None` if the target is in coverage.
pub fn coverage_reason(
    radar: &Radar,
    earth: &EffectiveEarth,
    truth: &dyn Truth,
    t: SimTime,
) -> Option<MissReason> {
    match truth.state_at(t) {
        None => Some(MissReason::NotInFlight),
        Some(state) => coverage_check(radar, earth, &TargetSample::new(state)).err(),
    }
}
