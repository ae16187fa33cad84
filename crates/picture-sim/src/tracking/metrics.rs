//! Scoring pictures against truth: for each missile, when the picture first heard of it, when it had a
//! confirmed track, when its predicted impact point came within 100 km and within 25 km of the true impact,
//! the warning time left at each (true impact time minus that time), and the position error over time; then a
//! comparison across pictures and the warning time each nation gains from sharing (its picture with sharing
//! against its picture alone).
//!
//! Milestones that luck cannot win. A milestone counts from the time after which it holds:
//! - **track established**: the missile has a confirmed track from then on, at every delivery that brings the
//!   picture a plot of it until its impact (a track that is dropped while the missile is still seen, or swapped
//!   for none, does not count; deliveries without a plot of it, when the track coasts, neither make nor break
//!   the milestone);
//! - **predicted impact within X km**: every impact prediction from then until the impact is within X km (a
//!   prediction that passes within X km and moves away again does not count). Predictions are made at every
//!   delivery while the prediction is not yet within 25 km, then every `impact_interval_ms` (5 s): a prediction
//!   that strays for less than that between two checks is not seen, the stated resolution of the milestone.
//!
//! Attribution: a radar plot belongs to the nearest missile at its time (within `association_distance_m`), a
//! launch report to the missile launched nearest its launch point; confirmed tracks are assigned to missiles by
//! optimal assignment (within `association_distance_m`). Of several tracks near one missile, the picture's is
//! a current one, then the one of best quality, as a Link 16 network gives reporting responsibility for a
//! target to the unit whose track has the highest track quality, a measure of its position's uncertainty
//! (MIL-STD-6016; NATO STANAG 5516); nearness counts for less (see `QUALITY_COST`). Otherwise a duplicate track confirmed late in
//! the flight, a few hundred metres nearer but with a velocity from three plots, took the missile for one
//! delivery and its wild impact prediction broke the milestone of a picture whose own track never lost it.
//! All times are fusion-centre arrival times.
//!
//! Cost. Scoring looks at every missile only where it can matter: the missiles in flight are sampled once per
//! time a track or a plot refers to (in ECEF, the frame the distances are taken in), and kept in a grid of
//! cubes of the association distance, so that a track or a plot is compared with the missiles of its own and
//! the neighbouring cubes only (all those within the association distance, so the attribution is the one of the
//! exhaustive comparison); the assignment is solved cluster by cluster ([`assign_min_cost_counted`]). The work
//! per delivery grows as the number of missiles, not its square ([`MetricsWork`] counts it).

use super::associator::assign_min_cost_counted;
use super::impact::predict_impact_point;
use super::picture::{run_picture, same_links, Nation, PictureConfig, PictureError, SHARING_PAIRS};
use super::tracker::{Tracker, TrackerConfig, TrackerStats};
use crate::earth::{inverse, Ecef, Ellipsoid, Geodetic, LocalFrame};
use crate::measurement::{Measurement, MeasurementKind};
use crate::time::{Duration, SimTime};
use crate::truth::Truth;
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A missile's true impact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrueImpact {
    pub point: Geodetic,
    pub time: SimTime,
}

/// Scoring parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetricsConfig {
    /// Largest distance at which a plot or track is attributed to a missile, metres.
    pub association_distance_m: f64,
    /// Once the predicted impact is within 25 km, impact predictions are scored at most this often per missile,
    /// milliseconds (before, after every delivery).
    pub impact_interval_ms: i64,
    /// Longest impact propagation, seconds.
    pub impact_horizon_s: f64,
    /// Whether to keep the impact-error series (the page's chart); a study needs only the milestones. The
    /// predictions are made either way: the milestones hold only while they stay within their distance.
    #[serde(default = "yes")]
    pub error_series: bool,
}

fn yes() -> bool {
    true
}

impl Default for MetricsConfig {
    fn default() -> Self {
        MetricsConfig {
            association_distance_m: 50_000.0,
            impact_interval_ms: 5_000,
            impact_horizon_s: 3_600.0,
            error_series: true,
        }
    }
}

/// One missile's scores in one picture. Times are fusion-centre times; `None` means never.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissileMetrics {
    pub missile: usize,
    pub true_impact_time: SimTime,
    pub first_detection: Option<SimTime>,
    pub established: Option<SimTime>,
    pub impact_within_100km: Option<SimTime>,
    pub impact_within_25km: Option<SimTime>,
    /// (time, position error in metres) of the missile's track after each delivery.
    pub position_error_m: Vec<(SimTime, f64)>,
    /// (time, predicted-impact error in metres).
    pub impact_error_m: Vec<(SimTime, f64)>,
}

impl MissileMetrics {
    /// Warning time left at an event, seconds (true impact time minus the event's time).
    pub fn warning_left_s(&self, event: Option<SimTime>) -> Option<f64> {
        event.map(|t| (self.true_impact_time - t).as_secs_f64())
    }
}

/// One picture's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PictureMetrics {
    pub picture: String,
    pub missiles: Vec<MissileMetrics>,
    pub stats: TrackerStats,
    /// The picture's quality over the scenario, as the SIAP measures define it.
    #[serde(default)]
    pub siap: Siap,
}

/// The single-integrated-air-picture (SIAP) measures of a picture over the deliveries at which some missile
/// is in flight, as Stone Soup's `SIAPMetrics` computes them (after Votruba et al., "Single Integrated Air
/// Picture (SIAP) Metrics Implementation", 2001): sums over the deliveries of each count, then ratios of the
/// sums. A confirmed track is associated with the nearest missile within the association distance (at the
/// track's estimate time); a missile may have several tracks. `None` where a ratio has nothing to divide by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Siap {
    /// Completeness C: the share of missiles in flight that some track is associated with (target 1).
    pub completeness: Option<f64>,
    /// Ambiguity A: associated tracks per tracked missile (target 1; above 1, duplicate tracks).
    pub ambiguity: Option<f64>,
    /// Spuriousness S: the share of confirmed tracks associated with no missile (target 0).
    pub spuriousness: Option<f64>,
    /// Positional accuracy PA: mean position error of the associations, metres.
    pub position_accuracy_m: Option<f64>,
    /// Velocity accuracy VA: mean velocity error of the associations, metres per second.
    pub velocity_accuracy_m_s: Option<f64>,
    /// Rate of track number changes R: per missile, the tracks that held it (the picture's track of the
    /// missile, delivery by delivery) less one, over the time it was tracked; per second (target 0).
    pub track_changes_per_s: Option<f64>,
    /// Longest track segment LS: per missile, the longest time one track held it, over its flight time
    /// (target 1).
    pub longest_segment: Option<f64>,
}

/// Time integrals for [`Siap`]: what a delivery finds holds until the next one.
#[derive(Debug, Default)]
struct SiapSums {
    /// Integrals over time, track-seconds: confirmed tracks, tracks associated with a missile, and the
    /// associations' position (metre-seconds) and velocity errors.
    tracks_s: f64,
    associated_s: f64,
    position_error_m_s: f64,
    velocity_error_m: f64,
    /// What the last delivery found (tracks, associated, position error sum, velocity error sum), and when.
    now: (f64, f64, f64, f64),
    last: Option<SimTime>,
    held: Vec<Hold>,
}

/// How one missile was held: the track holding it since the last delivery and since when, the distinct tracks
/// that held it, the time tracked and the longest hold, seconds.
#[derive(Debug, Clone, Default)]
struct Hold {
    by: Option<(u64, SimTime)>,
    tracks: Vec<u64>,
    tracked_s: f64,
    longest_s: f64,
}

impl SiapSums {
    fn new(missiles: usize) -> Self {
        SiapSums {
            held: vec![Hold::default(); missiles],
            ..SiapSums::default()
        }
    }

    /// Closes the interval since the last delivery at `now`.
    fn advance(&mut self, now: SimTime) {
        let dt_s = self.last.map_or(0.0, |t| (now - t).as_secs_f64().max(0.0));
        self.tracks_s += self.now.0 * dt_s;
        self.associated_s += self.now.1 * dt_s;
        self.position_error_m_s += self.now.2 * dt_s;
        self.velocity_error_m += self.now.3 * dt_s;
        self.last = Some(now);
    }

    /// The picture's track of missile `k` (its assignment) from `now` on, until `end` at the latest (its
    /// impact); `previous` is the last delivery's time.
    fn hold(&mut self, k: usize, track: Option<u64>, previous: Option<SimTime>, now: SimTime) {
        let h = &mut self.held[k];
        if let (Some((_, since)), Some(p)) = (h.by, previous) {
            h.tracked_s += (now - p).as_secs_f64().max(0.0);
            h.longest_s = h.longest_s.max((now - since).as_secs_f64());
        }
        match (h.by, track) {
            (Some((id, _)), Some(t)) if id == t => {}
            (_, Some(t)) => {
                h.by = Some((t, now));
                if !h.tracks.contains(&t) {
                    h.tracks.push(t);
                }
            }
            (_, None) => h.by = None,
        }
    }

    /// The measures, the last delivery's findings holding until each missile's impact.
    fn finish(mut self, starts: &[SimTime], impacts: &[SimTime]) -> Siap {
        if let Some(last) = self.last {
            let end = impacts.iter().copied().max().unwrap_or(last).max(last);
            self.advance(end);
            for (h, &impact) in self.held.iter_mut().zip(impacts) {
                if let Some((_, since)) = h.by {
                    h.tracked_s += (impact - last).as_secs_f64().max(0.0);
                    h.longest_s = h.longest_s.max((impact - since).as_secs_f64());
                }
            }
        }
        let ratio = |a: f64, b: f64| (b > 0.0).then(|| a / b);
        let changes: f64 = self
            .held
            .iter()
            .map(|h| h.tracks.len().saturating_sub(1) as f64)
            .sum();
        let tracked_s: f64 = self.held.iter().map(|h| h.tracked_s).sum();
        let longest_s: f64 = self.held.iter().map(|h| h.longest_s).sum();
        let flight_s: f64 = starts
            .iter()
            .zip(impacts)
            .map(|(s, i)| (*i - *s).as_secs_f64().max(0.0))
            .sum();
        Siap {
            completeness: ratio(tracked_s, flight_s),
            ambiguity: ratio(self.associated_s, tracked_s),
            spuriousness: ratio(self.tracks_s - self.associated_s, self.tracks_s),
            position_accuracy_m: ratio(self.position_error_m_s, self.associated_s),
            velocity_accuracy_m_s: ratio(self.velocity_error_m, self.associated_s),
            track_changes_per_s: ratio(changes, tracked_s),
            longest_segment: ratio(longest_s, flight_s),
        }
    }
}

/// The events scored, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    FirstDetection,
    Established,
    ImpactWithin100Km,
    ImpactWithin25Km,
}

impl Event {
    pub const ALL: [Event; 4] = [
        Event::FirstDetection,
        Event::Established,
        Event::ImpactWithin100Km,
        Event::ImpactWithin25Km,
    ];

    /// The event's place in [`Event::ALL`], and so in the per-event arrays of [`ComparisonRow`] and [`Gain`].
    pub fn index(self) -> usize {
        match self {
            Event::FirstDetection => 0,
            Event::Established => 1,
            Event::ImpactWithin100Km => 2,
            Event::ImpactWithin25Km => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Event::FirstDetection => "first detection",
            Event::Established => "track established",
            Event::ImpactWithin100Km => "impact within 100 km",
            Event::ImpactWithin25Km => "impact within 25 km",
        }
    }
}

impl PictureMetrics {
    /// The picture's worst case over missiles: the least warning time left at `event`; `None` if some missile
    /// never reached it.
    pub fn worst_warning_left_s(&self, event: Event) -> Option<f64> {
        let mut worst: Option<f64> = None;
        for m in &self.missiles {
            let t = match event {
                Event::FirstDetection => m.first_detection,
                Event::Established => m.established,
                Event::ImpactWithin100Km => m.impact_within_100km,
                Event::ImpactWithin25Km => m.impact_within_25km,
            };
            let w = m.warning_left_s(t)?;
            worst = Some(worst.map_or(w, |x: f64| x.min(w)));
        }
        worst
    }
}

fn distance_m(a: &Geodetic, b: &Geodetic) -> f64 {
    inverse(a.lat_deg(), a.lon_deg(), b.lat_deg(), b.lon_deg()).distance_m
}

/// The work of scoring one picture: how many truth states were sampled and how big the problems solved
/// were, for tests that it grows as the number of missiles and not its square.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MetricsWork {
    /// Deliveries scored.
    pub batches: u64,
    /// Truth states computed ([`Truth::state_at`] calls).
    pub truth_samples: u64,
    /// Distances computed between a track or a plot and a missile.
    pub distance_tests: u64,
    /// Weight cells of the track-to-missile assignment problems solved.
    pub assignment_cells: u64,
    /// Impact predictions made (one per missile and delivery at most).
    pub impact_predictions: u64,
}

/// Runs `config` over `measurements` and scores it against `truths` (one per missile) and their `impacts`,
/// calling `observe` after each delivery as [`run_picture`] does: a caller that wants the tracks over time as
/// well as the scores (the app's snapshots) runs the tracker once, not twice.
#[allow(clippy::too_many_arguments)]
pub fn evaluate_picture_observed(
    config: &PictureConfig,
    sensor_nations: &[Nation],
    measurements: &[Measurement],
    tracker_config: &TrackerConfig,
    ellipsoid: &Ellipsoid,
    truths: &[&dyn Truth],
    impacts: &[TrueImpact],
    metrics_config: &MetricsConfig,
    observe: impl FnMut(SimTime, &[Measurement], &Tracker),
) -> Result<PictureMetrics, PictureError> {
    evaluate_picture_counted(
        config,
        sensor_nations,
        measurements,
        tracker_config,
        ellipsoid,
        truths,
        impacts,
        metrics_config,
        observe,
    )
    .map(|(metrics, _)| metrics)
}

/// As [`evaluate_picture_observed`], with the work the scoring did.
#[allow(clippy::too_many_arguments)]
pub fn evaluate_picture_counted(
    config: &PictureConfig,
    sensor_nations: &[Nation],
    measurements: &[Measurement],
    tracker_config: &TrackerConfig,
    ellipsoid: &Ellipsoid,
    truths: &[&dyn Truth],
    impacts: &[TrueImpact],
    metrics_config: &MetricsConfig,
    mut observe: impl FnMut(SimTime, &[Measurement], &Tracker),
) -> Result<(PictureMetrics, MetricsWork), PictureError> {
    let mc = *metrics_config;
    let mut missiles: Vec<MissileMetrics> = impacts
        .iter()
        .enumerate()
        .map(|(missile, imp)| MissileMetrics {
            missile,
            true_impact_time: imp.time,
            first_detection: None,
            established: None,
            impact_within_100km: None,
            impact_within_25km: None,
            position_error_m: Vec::new(),
            impact_error_m: Vec::new(),
        })
        .collect();
    let n = truths.len().min(impacts.len());
    let mut work = MetricsWork::default();
    let launch_points: Vec<Option<Ecef>> = truths
        .iter()
        .map(|t| t.state_at(t.start()).map(|s| s.pos))
        .collect();
    work.truth_samples += truths.len() as u64;
    let mut snapshots = Snapshots::new(truths, mc.association_distance_m * (1.0 + 1.0e-9));
    let mut last_impact_check: Vec<Option<SimTime>> = vec![None; n];
    // Whether each missile had a plot in the current delivery (for the established milestone).
    let mut seen = vec![false; n];
    let mut siap = SiapSums::new(n);
    let ballistic = tracker_config.predictor.models[super::predictor::MODE_BALLISTIC];
    let coast_s = tracker_config.deleter.max_coast_ms as f64 / 1000.0;
    let tracker = run_picture(
        config,
        sensor_nations,
        measurements,
        tracker_config,
        ellipsoid,
        |now, batch, tracker| {
            work.batches += 1;
            seen.iter_mut().for_each(|s| *s = false);
            // First detection.
            for m in batch {
                if let Some(k) = attribute(
                    m,
                    truths,
                    &launch_points,
                    &mut snapshots,
                    ellipsoid,
                    mc.association_distance_m,
                ) {
                    if k < n {
                        seen[k] |= matches!(m.kind, MeasurementKind::Radar { .. });
                        if missiles[k].first_detection.is_none() {
                            missiles[k].first_detection = Some(now);
                        }
                    }
                }
            }
            // Track-to-missile assignment, on the pairs within the association distance.
            let tracks: Vec<_> = tracker.confirmed_tracks().collect();
            let mut costs = Vec::new();
            // Each missile's distances to the tracks near it (few): lists, not a map, which keeps the browser
            // build smaller.
            let mut errors: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
            // SIAP: each track's nearest missile, with the position and velocity errors.
            let mut nearest: Vec<Option<(usize, f64, f64)>> = vec![None; tracks.len()];
            for (i, tr) in tracks.iter().enumerate() {
                let g = tr.estimate();
                let pos = g.position();
                // Of two tracks on one missile, the picture's is a current one (a track built from plots a
                // slow link delivered minutes after they were measured, its estimate older than the longest a
                // track may coast, describes the missile as it was then), then the one of best quality (see the
                // module's notes), then the nearer.
                let stale = (now - g.time).as_secs_f64() > coast_s;
                let staleness = if stale { STALE_COST } else { 0.0 };
                let quality = QUALITY_COST * unit_interval(position_sigma_m(&g), QUALITY_SCALE_M);
                let vel = g.velocity_m_s();
                let best = &mut nearest[i];
                snapshots
                    .at(g.time)
                    .near(&pos, mc.association_distance_m, |k, d, v| {
                        if k < n {
                            if best.is_none_or(|(bk, bd, _)| d < bd || (d == bd && k < bk)) {
                                *best = Some((k, d, (vel - v).norm()));
                            }
                            let nearness = (d / mc.association_distance_m).powi(2);
                            costs.push((k, i, NEAR_COST * nearness + quality + staleness));
                            errors[k].push((i, d));
                        }
                    });
            }
            let assignment =
                assign_min_cost_counted(n, tracks.len(), &costs, 1.0, &mut work.assignment_cells);
            let in_flight: Vec<bool> = (0..n)
                .map(|k| truths[k].start() <= now && now < impacts[k].time)
                .collect();
            if in_flight.iter().any(|f| *f) {
                let previous = siap.last;
                siap.advance(now);
                let mut found = (tracks.len() as f64, 0.0, 0.0, 0.0);
                for &(_, d, dv) in nearest.iter().flatten() {
                    found.1 += 1.0;
                    found.2 += d;
                    found.3 += dv;
                }
                siap.now = found;
                for k in (0..n).filter(|&k| in_flight[k]) {
                    siap.hold(k, assignment[k].map(|i| tracks[i].id.0), previous, now);
                }
            }
            for (k, a) in assignment.iter().enumerate() {
                let mm = &mut missiles[k];
                let Some(i) = a else {
                    // Seen but held by no confirmed track: the track so far was not kept.
                    if seen[k] && now < mm.true_impact_time {
                        mm.established = None;
                    }
                    continue;
                };
                if mm.established.is_none() {
                    mm.established = Some(now);
                }
                if let Some(&(_, d)) = errors[k].iter().find(|e| e.0 == *i) {
                    mm.position_error_m.push((now, d));
                }
                // Every delivery while the prediction is not within 25 km (so that the milestone's time does
                // not depend on a sampling phase), then at the interval, until the impact: the milestones hold
                // only if the predictions stay within their distance.
                let due = mm.impact_within_25km.is_none()
                    || last_impact_check[k]
                        .is_none_or(|t| now - t >= Duration::from_millis(mc.impact_interval_ms));
                if due && now < mm.true_impact_time {
                    last_impact_check[k] = Some(now);
                    work.impact_predictions += 1;
                    if let Ok((_, point)) = predict_impact_point(
                        &tracks[*i].estimate(),
                        &ballistic,
                        ellipsoid,
                        mc.impact_horizon_s,
                    ) {
                        let d = distance_m(&point, &impacts[k].point);
                        if mc.error_series {
                            mm.impact_error_m.push((now, d));
                        }
                        hold(&mut mm.impact_within_100km, d <= 100_000.0, now);
                        hold(&mut mm.impact_within_25km, d <= 25_000.0, now);
                    }
                }
            }
            snapshots.end_batch();
            observe(now, batch, tracker);
        },
    )?;
    work.truth_samples += snapshots.samples;
    work.distance_tests = snapshots.distance_tests;
    Ok((
        PictureMetrics {
            picture: config.name.clone(),
            missiles,
            stats: tracker.stats(),
            siap: siap.finish(
                &truths[..n].iter().map(|t| t.start()).collect::<Vec<_>>(),
                &impacts[..n].iter().map(|i| i.time).collect::<Vec<_>>(),
            ),
        },
        work,
    ))
}

/// The track-to-missile assignment's costs (against 1 for leaving a missile without a track): a stale track
/// costs more than any current one; among current ones, quality (the position's uncertainty, mapped into
/// [0, 1) about `QUALITY_SCALE_M`) weighs most and nearness (the square of the distance over the association
/// distance) next. The sum stays below 1, so a lone track near a missile is always its track.
const STALE_COST: f64 = 0.5;
const QUALITY_COST: f64 = 0.3;
const NEAR_COST: f64 = 0.19;
/// The position uncertainty at which a track's quality cost is half its weight: a track updated by radars
/// at hundreds of kilometres is known to some hundred metres, a new track from three plots to kilometres.
const QUALITY_SCALE_M: f64 = 100.0;

/// The root-mean-square position standard deviation of an estimate, metres.
fn position_sigma_m(g: &super::GaussianState) -> f64 {
    ((g.covar[(0, 0)] + g.covar[(1, 1)] + g.covar[(2, 2)]) / 3.0)
        .max(0.0)
        .sqrt()
}

/// `x / (x + scale)`: 0 at 0, 1/2 at `scale`, below 1 always (and 1 for an infinite or NaN `x`, the worst).
fn unit_interval(x: f64, scale: f64) -> f64 {
    let u = x / (x + scale);
    if u.is_finite() {
        u
    } else {
        1.0
    }
}

/// A milestone that counts from the time after which it holds: set when it first holds, cleared when it fails.
fn hold(since: &mut Option<SimTime>, holds: bool, now: SimTime) {
    if !holds {
        *since = None;
    } else if since.is_none() {
        *since = Some(now);
    }
}

/// A grid cell: the ECEF coordinates divided by the cell's side, floored.
type Cell = (i64, i64, i64);

/// The missiles in flight at one time: their ECEF positions, by grid cell.
struct Snapshot {
    /// (cell, missile, position) in increasing order of cell, then missile: a cell's missiles are found by
    /// bisection (a sorted list rather than a hash map keeps the browser build smaller).
    cells: Vec<(Cell, usize, Ecef, Vector3<f64>)>,
    /// The side of a cell, metres: a hair over the association distance, so that every missile within it of a
    /// point lies in the point's cell or one of its 26 neighbours whatever the rounding of the division. Not
    /// finite or not positive: one cell for all.
    side_m: f64,
    /// The batch that last used it.
    used: u64,
}

impl Snapshot {
    fn cell(side_m: f64, p: &Ecef) -> Cell {
        if !(side_m.is_finite() && side_m > 0.0) {
            return (0, 0, 0);
        }
        let c = p.0.coords / side_m;
        (c.x.floor() as i64, c.y.floor() as i64, c.z.floor() as i64)
    }

    /// Calls `found(missile, distance_m)` for each missile within `max_m` of `pos`, each once, in no
    /// particular order; returns how many distances it computed.
    fn near(
        &self,
        pos: &Ecef,
        max_m: f64,
        mut found: impl FnMut(usize, f64, &Vector3<f64>),
    ) -> u64 {
        let mut tests = 0;
        let (x, y, z) = Self::cell(self.side_m, pos);
        for dx in -1..=1 {
            for dy in -1..=1 {
                // The three cells along z are adjacent in the sorted list: one bisection finds all three,
                // visited in the same order as cell by cell.
                let (cx, cy) = (x.saturating_add(dx), y.saturating_add(dy));
                let (first, last) = ((cx, cy, z.saturating_sub(1)), (cx, cy, z.saturating_add(1)));
                let from = self.cells.partition_point(|e| e.0 < first);
                for (_, k, p, v) in self.cells[from..].iter().take_while(|e| e.0 <= last) {
                    tests += 1;
                    let d = (p.0 - pos.0).norm();
                    if d <= max_m {
                        found(*k, d, v);
                    }
                }
            }
        }
        tests
    }
}

/// Snapshots of the missiles in flight at the times tracks and plots refer to, each computed once and kept
/// while some delivery uses it (a track that coasts keeps the time of its last plot for many deliveries).
struct Snapshots<'a> {
    truths: &'a [&'a dyn Truth],
    side_m: f64,
    /// In increasing order of time.
    by_time: Vec<(SimTime, Snapshot)>,
    batch: u64,
    samples: u64,
    distance_tests: u64,
}

impl<'a> Snapshots<'a> {
    fn new(truths: &'a [&'a dyn Truth], side_m: f64) -> Self {
        Snapshots {
            truths,
            side_m,
            by_time: Vec::new(),
            batch: 0,
            samples: 0,
            distance_tests: 0,
        }
    }

    /// The snapshot at `time`, sampled now if no delivery has asked for it since it was last used.
    fn at(&mut self, time: SimTime) -> SnapshotRef<'_> {
        let (truths, side_m, batch) = (self.truths, self.side_m, self.batch);
        let samples = &mut self.samples;
        let at = match self.by_time.binary_search_by(|e| e.0.cmp(&time)) {
            Ok(at) => at,
            Err(at) => {
                let mut cells = Vec::new();
                // Only the missiles in flight: a truth has no state before its launch or after its impact.
                for (k, t) in truths.iter().enumerate() {
                    if time < t.start() || time > t.end() {
                        continue;
                    }
                    *samples += 1;
                    if let Some(s) = t.state_at(time) {
                        cells.push((Snapshot::cell(side_m, &s.pos), k, s.pos, s.vel_ecef_m_s));
                    }
                }
                // One entry per track per batch: (cell, track) is unique, so stable and unstable agree.
                super::sorted::sort_stable_by(&mut cells, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
                let snapshot = Snapshot {
                    cells,
                    side_m,
                    used: batch,
                };
                self.by_time.insert(at, (time, snapshot));
                at
            }
        };
        let snapshot = &mut self.by_time[at].1;
        snapshot.used = batch;
        SnapshotRef {
            snapshot,
            distance_tests: &mut self.distance_tests,
        }
    }

    /// Forgets the snapshots the delivery just scored did not use.
    fn end_batch(&mut self) {
        let batch = self.batch;
        self.by_time.retain(|(_, s)| s.used == batch);
        self.batch += 1;
    }
}

/// A snapshot, counting the distances asked of it.
struct SnapshotRef<'s> {
    snapshot: &'s Snapshot,
    distance_tests: &'s mut u64,
}

impl SnapshotRef<'_> {
    fn near(self, pos: &Ecef, max_m: f64, found: impl FnMut(usize, f64, &Vector3<f64>)) {
        *self.distance_tests += self.snapshot.near(pos, max_m, found);
    }
}

/// The missile a measurement is of, if any.
fn attribute(
    m: &Measurement,
    truths: &[&dyn Truth],
    launch_points: &[Option<Ecef>],
    snapshots: &mut Snapshots,
    ellipsoid: &Ellipsoid,
    max_m: f64,
) -> Option<usize> {
    match &m.kind {
        MeasurementKind::Radar { site, aer, .. } => {
            let pos = LocalFrame::at(ellipsoid, *site).ecef_of(&aer.to_enu());
            // The nearest; of equally near ones the first, as the exhaustive search would find.
            let mut best: Option<(usize, f64)> = None;
            snapshots.at(m.time).near(&pos, max_m, |k, d, _| {
                if best.is_none_or(|(bk, b)| d < b || (d == b && k < bk)) {
                    best = Some((k, d));
                }
            });
            best.map(|(k, _)| k)
        }
        MeasurementKind::LaunchReport {
            launch_point,
            launch_time,
            ..
        } => {
            let p = ellipsoid.to_ecef(launch_point);
            launch_points
                .iter()
                .enumerate()
                .filter_map(|(k, lp)| {
                    lp.map(|lp| {
                        (
                            k,
                            (lp.0 - p.0).norm()
                                + (truths[k].start() - *launch_time).abs().as_millis() as f64,
                        )
                    })
                })
                .filter(|(_, d)| *d <= max_m)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(k, _)| k)
        }
    }
}

/// Runs and scores every picture; pictures with the same links ([`same_links`]) are run once.
#[allow(clippy::too_many_arguments)]
pub fn evaluate_pictures(
    pictures: &[PictureConfig],
    sensor_nations: &[Nation],
    measurements: &[Measurement],
    tracker_config: &TrackerConfig,
    ellipsoid: &Ellipsoid,
    truths: &[&dyn Truth],
    impacts: &[TrueImpact],
    metrics_config: &MetricsConfig,
) -> Result<Vec<PictureMetrics>, PictureError> {
    evaluate_pictures_observed(
        pictures,
        sensor_nations,
        measurements,
        tracker_config,
        ellipsoid,
        truths,
        impacts,
        metrics_config,
        |_, _, _| {},
    )
}

/// As [`evaluate_pictures`], calling `observe(picture, arrival_time, tracker)` after each delivery: a run that
/// serves several pictures with the same links is observed as each of them.
#[allow(clippy::too_many_arguments)]
pub fn evaluate_pictures_observed(
    pictures: &[PictureConfig],
    sensor_nations: &[Nation],
    measurements: &[Measurement],
    tracker_config: &TrackerConfig,
    ellipsoid: &Ellipsoid,
    truths: &[&dyn Truth],
    impacts: &[TrueImpact],
    metrics_config: &MetricsConfig,
    mut observe: impl FnMut(usize, SimTime, &Tracker),
) -> Result<Vec<PictureMetrics>, PictureError> {
    let first = same_links(pictures);
    let mut out: Vec<PictureMetrics> = Vec::with_capacity(pictures.len());
    for (i, p) in pictures.iter().enumerate() {
        let metrics = if first[i] < i {
            PictureMetrics {
                picture: p.name.clone(),
                ..out[first[i]].clone()
            }
        } else {
            let twins: Vec<usize> = (i..pictures.len()).filter(|&j| first[j] == i).collect();
            evaluate_picture_observed(
                p,
                sensor_nations,
                measurements,
                tracker_config,
                ellipsoid,
                truths,
                impacts,
                metrics_config,
                |now, _, t| twins.iter().for_each(|&j| observe(j, now, t)),
            )?
        };
        out.push(metrics);
    }
    Ok(out)
}

/// One row of the comparison: a picture's worst-case warning time left at each event, seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    pub picture: String,
    pub warning_left_s: [Option<f64>; 4],
    #[serde(default)]
    pub siap: Siap,
}

impl ComparisonRow {
    /// The worst-case warning time left at `event`, seconds.
    pub fn warning_left_s_at(&self, event: Event) -> Option<f64> {
        self.warning_left_s[event.index()]
    }
}

/// The warning time a nation's picture with sharing gains over the same nation alone at each event, seconds
/// (`None` where either never reached the event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gain {
    /// The picture with sharing.
    pub picture: String,
    /// The same nation's picture alone.
    pub over: String,
    pub gain_s: [Option<f64>; 4],
}

impl Gain {
    /// "Japan: gain from sharing" for the built-in pictures, else "gain of <picture> over <picture>".
    pub fn label(&self) -> String {
        match self.picture.strip_suffix(" with sharing") {
            Some(nation) if self.over.strip_suffix(" alone") == Some(nation) => {
                format!("{nation}: gain from sharing")
            }
            _ => format!("gain of {} over {}", self.picture, self.over),
        }
    }

    /// The gain at `event`, seconds.
    pub fn gain_s_at(&self, event: Event) -> Option<f64> {
        self.gain_s[event.index()]
    }
}

/// The comparison table across pictures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub rows: Vec<ComparisonRow>,
    /// Each nation's gain from sharing, for the nations whose pictures alone and with sharing are both present
    /// ([`SHARING_PAIRS`]).
    pub sharing_gain: Vec<Gain>,
}

/// Compares pictures, with each nation's gain from sharing.
pub fn compare(results: &[PictureMetrics]) -> Comparison {
    let rows: Vec<ComparisonRow> = results
        .iter()
        .map(|r| ComparisonRow {
            picture: r.picture.clone(),
            warning_left_s: Event::ALL.map(|e| r.worst_warning_left_s(e)),
            siap: r.siap,
        })
        .collect();
    let row = |name: &str| rows.iter().find(|r| r.picture == name);
    let sharing_gain = SHARING_PAIRS
        .iter()
        .filter_map(|(_, alone, shared)| Some((row(alone)?, row(shared)?)))
        .map(|(alone, shared)| Gain {
            picture: shared.picture.clone(),
            over: alone.picture.clone(),
            gain_s: std::array::from_fn(|i| {
                Some(shared.warning_left_s[i]? - alone.warning_left_s[i]?)
            }),
        })
        .collect();
    Comparison { rows, sharing_gain }
}

fn cell(v: Option<f64>) -> String {
    v.map_or_else(|| "never".to_string(), |s| format!("{s:.0} s"))
}

impl fmt::Display for Comparison {
    /// A plain-text table: warning time left (worst missile) at each event.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<36}", "picture (warning left)")?;
        for e in Event::ALL {
            write!(f, " | {:>20}", e.label())?;
        }
        writeln!(f)?;
        for r in &self.rows {
            write!(f, "{:<36}", r.picture)?;
            for v in r.warning_left_s {
                write!(f, " | {:>20}", cell(v))?;
            }
            writeln!(f)?;
        }
        for g in &self.sharing_gain {
            write!(f, "{:<36}", g.label())?;
            for v in g.gain_s {
                write!(
                    f,
                    " | {:>20}",
                    v.map_or_else(|| "n/a".to_string(), |s| format!("{s:+.0} s"))
                )?;
            }
            writeln!(f)?;
        }
        writeln!(
            f,
            "\npicture quality (SIAP){}",
            " ".repeat(14) + Siap::HEADER
        )?;
        for r in &self.rows {
            writeln!(f, "{:<36}{}", r.picture, r.siap)?;
        }
        Ok(())
    }
}

impl Siap {
    /// The column heads of [`Siap`]'s `Display`.
    pub const HEADER: &'static str =
        " | complete | ambiguity | spurious | pos. error | vel. error | changes/min | longest";

    /// (name, value, decimals, unit) of each measure, in the order of [`Siap::HEADER`]: what the tables and
    /// CSV files show.
    pub fn columns(&self) -> [(&'static str, Option<f64>, usize); 7] {
        [
            ("siap_completeness", self.completeness, 2),
            ("siap_ambiguity", self.ambiguity, 2),
            ("siap_spuriousness", self.spuriousness, 2),
            ("siap_position_error_m", self.position_accuracy_m, 0),
            ("siap_velocity_error_m_s", self.velocity_accuracy_m_s, 1),
            (
                "siap_track_changes_per_min",
                self.track_changes_per_s.map(|r| r * 60.0),
                2,
            ),
            ("siap_longest_segment", self.longest_segment, 2),
        ]
    }
}

impl fmt::Display for Siap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let widths = [8, 9, 8, 10, 10, 11, 7];
        for ((_, v, decimals), w) in self.columns().into_iter().zip(widths) {
            match v {
                Some(v) => write!(f, " | {v:>w$.decimals$}")?,
                None => write!(f, " | {:>w$}", "n/a")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-worked case of the time integrals: one missile flying 0-100 s; one track (5) from 10 s, a
    /// duplicate beside it from 20 s, then only another track (7) from 40 s.
    #[test]
    fn siap_integrates_what_each_delivery_finds_until_the_next() {
        let t = SimTime::from_secs;
        let mut sums = SiapSums::new(1);
        for (now, found, held) in [
            (10.0, (1.0, 1.0, 100.0, 10.0), 5),
            (20.0, (2.0, 2.0, 400.0, 30.0), 5),
            (40.0, (1.0, 1.0, 50.0, 5.0), 7),
        ] {
            let previous = sums.last;
            sums.advance(t(now));
            sums.now = found;
            sums.hold(0, Some(held), previous, t(now));
        }
        let q = sums.finish(&[t(0.0)], &[t(100.0)]);
        let close =
            |a: Option<f64>, b: f64| assert!((a.unwrap() - b).abs() < 1e-9, "{a:?} against {b}");
        // Tracked 10-100 s of 100 s; track-seconds 1x10 + 2x20 + 1x60 = 110, all associated.
        close(q.completeness, 0.9);
        close(q.ambiguity, 110.0 / 90.0);
        close(q.spuriousness, 0.0);
        close(
            q.position_accuracy_m,
            (100.0 * 10.0 + 400.0 * 20.0 + 50.0 * 60.0) / 110.0,
        );
        close(
            q.velocity_accuracy_m_s,
            (10.0 * 10.0 + 30.0 * 20.0 + 5.0 * 60.0) / 110.0,
        );
        // Two tracks held it: one change in 90 s tracked; the longest hold is track 7's 60 s.
        close(q.track_changes_per_s, 1.0 / 90.0);
        close(q.longest_segment, 0.6);
    }

    #[test]
    fn each_event_indexes_its_own_column() {
        for (i, e) in Event::ALL.into_iter().enumerate() {
            assert_eq!(e.index(), i, "{e:?}");
        }
        let row = ComparisonRow {
            picture: "p".into(),
            warning_left_s: [Some(1.0), Some(2.0), None, Some(4.0)],
            siap: Siap::default(),
        };
        assert_eq!(row.warning_left_s_at(Event::Established), Some(2.0));
        assert_eq!(row.warning_left_s_at(Event::ImpactWithin100Km), None);
        let gain = Gain {
            picture: "p".into(),
            over: "q".into(),
            gain_s: [None, None, None, Some(-3.0)],
        };
        assert_eq!(gain.gain_s_at(Event::ImpactWithin25Km), Some(-3.0));
    }
}
