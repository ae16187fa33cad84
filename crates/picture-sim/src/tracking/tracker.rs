//! The multi-target tracker of one fusion centre: for each scan of plots it predicts every track to the scan
//! time, gates ([`DistanceHypothesiser`]), assigns ([`GlobalNearestNeighbour`]), updates ([`ImmUpdater`]),
//! starts new tracks from what is left ([`TwoPointInitiator`]), confirms tentative tracks by M-of-N, merges
//! confirmed tracks that have agreed on one missile for some updates ([`TrackMerger`]), and deletes
//! ([`CoastDeleter`]).
//!
//! **Late plots.** A plot older than a track's last update (it came over a slower link) is neither dropped nor
//! applied out of order: each track keeps a short history of checkpoints (the posterior after each update and
//! the plot that made it); the late plot is gated against the checkpoint before it, inserted there, and the
//! later plots are replayed on top. Only a plot older than the whole history of the track it falls to (found by
//! predicting the oldest checkpoint back to it) is dropped, and counted in [`TrackerStats::too_late`]; it does
//! not start a duplicate track.

use super::associator::GlobalNearestNeighbour;
use super::deleter::{CoastDeleter, DeletionReason};
use super::hypothesiser::{DistanceHypothesiser, Hypothesis};
use super::initiator::{InitiatorConfig, TwoPointInitiator};
use super::measurement_model::{RadarAerModel, RadarPlot};
use super::merger::{merge_imm, Sketch, TrackMerger};
use super::predictor::{ImmPredictor, ImmState, MODE_BOOST};
use super::updater::ImmUpdater;
use super::GaussianState;
use crate::earth::Ellipsoid;
use crate::measurement::{Measurement, MeasurementKind, SensorIndex};
use crate::time::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum TrackerError {
    #[error("tracker config: {field} {reason}")]
    Config {
        field: &'static str,
        reason: &'static str,
    },
}

/// Identifies a track within one tracker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TrackId(pub u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrackStatus {
    Tentative,
    Confirmed,
}

/// The posterior after one update and the plot that made it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Checkpoint {
    posterior: ImmState,
    plot: RadarPlot,
}

/// One track.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub id: TrackId,
    pub status: TrackStatus,
    /// The estimate after the last update (at `state.time`, the time of the latest plot applied).
    pub state: ImmState,
    /// Fusion-centre time at which the last plot arrived.
    pub last_arrival: SimTime,
    /// When it was started and confirmed (fusion-centre time).
    pub started_at: SimTime,
    pub confirmed_at: Option<SimTime>,
    /// Plots applied, and scans of its sensors seen while tentative.
    pub hits: u32,
    pub opportunities: u32,
    pub cued: bool,
    /// NIS of the last update.
    pub last_nis: f64,
    sensors: Vec<SensorIndex>,
    history: VecDeque<Checkpoint>,
}

impl Track {
    /// The single-Gaussian estimate at the last update.
    pub fn estimate(&self) -> GaussianState {
        self.state.combined()
    }

    /// Probability of the boost mode.
    pub fn boost_probability(&self) -> f64 {
        self.state.probabilities[MODE_BOOST]
    }

    pub fn is_confirmed(&self) -> bool {
        self.status == TrackStatus::Confirmed
    }
}

/// Tracker parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrackerConfig {
    pub predictor: ImmPredictor,
    pub hypothesiser: DistanceHypothesiser,
    pub initiator: InitiatorConfig,
    pub deleter: CoastDeleter,
    /// M-of-N confirmation: a tentative track is confirmed at `confirm_m` plots (the initiating ones count)
    /// within its first `confirm_n` opportunities, and deleted once that is impossible.
    pub confirm_m: u32,
    pub confirm_n: u32,
    /// Checkpoints kept per track for late plots.
    pub history_len: usize,
    /// Initial mode probabilities [boost, ballistic] of a new track.
    pub initial_probabilities: [f64; 2],
    /// Track-to-track merge of duplicate confirmed tracks.
    #[serde(default)]
    pub merger: TrackMerger,
}

impl Default for TrackerConfig {
    fn default() -> Self {
        TrackerConfig {
            predictor: ImmPredictor::default(),
            hypothesiser: DistanceHypothesiser::default(),
            initiator: InitiatorConfig::default(),
            deleter: CoastDeleter::default(),
            confirm_m: 3,
            confirm_n: 4,
            history_len: 32,
            initial_probabilities: [0.7, 0.3],
            merger: TrackMerger::default(),
        }
    }
}

impl TrackerConfig {
    pub fn validate(&self) -> Result<(), TrackerError> {
        if self.confirm_m == 0 || self.confirm_m > self.confirm_n {
            return Err(TrackerError::Config {
                field: "confirm_m",
                reason: "must be in 1..=confirm_n",
            });
        }
        if self.history_len < 2 {
            return Err(TrackerError::Config {
                field: "history_len",
                reason: "must be at least 2",
            });
        }
        self.merger
            .validate()
            .map_err(|(field, reason)| TrackerError::Config { field, reason })?;
        if !(self.hypothesiser.gate_chi2.is_finite() && self.hypothesiser.gate_chi2 > 0.0) {
            return Err(TrackerError::Config {
                field: "hypothesiser.gate_chi2",
                reason: "must be positive",
            });
        }
        Ok(())
    }
}

/// Counters over a tracker's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TrackerStats {
    pub plots: u64,
    pub updates: u64,
    /// Late plots applied by replaying from a checkpoint.
    pub late_replayed: u64,
    /// Late plots older than every checkpoint of the track they would go to, or of every track.
    pub too_late: u64,
    pub rejected: u64,
    pub failed_updates: u64,
    pub initiated: u64,
    pub confirmed: u64,
    pub deleted: u64,
    pub cues: u64,
    /// Confirmed tracks merged into an older track on the same missile.
    #[serde(default)]
    pub merged: u64,
}

/// What happened in one call to [`Tracker::process`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepReport {
    pub initiated: Vec<TrackId>,
    pub confirmed: Vec<TrackId>,
    pub deleted: Vec<(TrackId, DeletionReason)>,
    /// (kept, merged into it and removed).
    pub merged: Vec<(TrackId, TrackId)>,
}

/// The tracker of one fusion centre.
#[derive(Debug, Clone)]
pub struct Tracker {
    pub config: TrackerConfig,
    ellipsoid: Ellipsoid,
    tracks: Vec<Track>,
    initiator: TwoPointInitiator,
    next_id: u64,
    stats: TrackerStats,
    /// Pairs of confirmed tracks (older id, younger id) inside the merge gate at their latest checks, and for
    /// how many consecutive checks.
    merge_streaks: Vec<(TrackId, TrackId, u32)>,
}

/// Where a track stands relative to a scan.
enum Base {
    /// Predict from the current state.
    Current,
    /// Late: predict from checkpoint `k`.
    Checkpoint(usize),
}

impl Tracker {
    pub fn new(config: TrackerConfig, ellipsoid: Ellipsoid) -> Result<Tracker, TrackerError> {
        config.validate()?;
        Ok(Tracker {
            config,
            ellipsoid,
            tracks: Vec::new(),
            initiator: TwoPointInitiator::new(config.initiator),
            next_id: 1,
            stats: TrackerStats::default(),
            merge_streaks: Vec::new(),
        })
    }

    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    pub fn confirmed_tracks(&self) -> impl Iterator<Item = &Track> {
        self.tracks.iter().filter(|t| t.is_confirmed())
    }

    pub fn stats(&self) -> TrackerStats {
        self.stats
    }

    /// Processes measurements that arrived at fusion-centre time `time` (in any order, possibly older than
    /// earlier ones). Radar plots are grouped into scans by (measurement time, sensor) and processed in
    /// measurement-time order; launch reports become cues. Invalid measurements are counted and skipped.
    pub fn process(&mut self, measurements: &[Measurement], time: SimTime) -> StepReport {
        let mut report = StepReport::default();
        let mut plots = Vec::with_capacity(measurements.len());
        for m in measurements {
            match &m.kind {
                MeasurementKind::LaunchReport {
                    launch_point,
                    sigma_pos_m,
                    launch_time,
                } => {
                    self.initiator.add_cue(
                        &self.ellipsoid,
                        launch_point,
                        *sigma_pos_m,
                        *launch_time,
                    );
                    self.stats.cues += 1;
                }
                MeasurementKind::Radar { .. } => {
                    match RadarAerModel::from_measurement(&self.ellipsoid, m) {
                        Ok((model, z)) => plots.push(RadarPlot {
                            time: m.time,
                            model,
                            z,
                        }),
                        Err(_) => self.stats.rejected += 1,
                    }
                }
            }
        }
        self.stats.plots += plots.len() as u64;
        plots.sort_by_key(|p| (p.time, p.model.sensor));
        let mut start = 0;
        while start < plots.len() {
            let key = (plots[start].time, plots[start].model.sensor);
            let mut end = start + 1;
            while end < plots.len() && (plots[end].time, plots[end].model.sensor) == key {
                end += 1;
            }
            self.process_scan(&plots[start..end], time, &mut report);
            start = end;
        }
        self.merge(time, &mut report);
        self.delete(time, &mut report);
        report
    }

    /// Checks every pair of confirmed tracks of which one was updated in this call, and merges those that
    /// have agreed for [`TrackMerger::consecutive`] checks: the older id is kept (it is the one the picture
    /// has shown longer), its state becomes the merged one, and the younger track is removed.
    fn merge(&mut self, time: SimTime, report: &mut StepReport) {
        let merger = self.config.merger;
        if !merger.enabled {
            return;
        }
        let confirmed: Vec<usize> = (0..self.tracks.len())
            .filter(|&i| self.tracks[i].is_confirmed())
            .collect();
        let sketches: Vec<Sketch> = confirmed
            .iter()
            .map(|&i| Sketch::of_imm(&self.tracks[i].state))
            .collect();
        let mut streaks = std::mem::take(&mut self.merge_streaks);
        // Streaks of tracks deleted since are forgotten.
        streaks.retain(|(a, b, _)| {
            self.tracks.iter().any(|t| t.id == *a) && self.tracks.iter().any(|t| t.id == *b)
        });
        let mut due = Vec::new();
        for (x, &i) in confirmed.iter().enumerate() {
            for (y, &j) in confirmed.iter().enumerate().skip(x + 1) {
                let (a, b) = (&self.tracks[i], &self.tracks[j]);
                if a.last_arrival != time && b.last_arrival != time {
                    continue;
                }
                let key = if a.id < b.id {
                    (a.id, b.id)
                } else {
                    (b.id, a.id)
                };
                let agree = merger.may_agree(&sketches[x], &sketches[y]) && {
                    let (early, late) = if a.state.time <= b.state.time {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    self.same_time_pair(early, late)
                        .is_some_and(|(e, l)| merger.agree(&e, &l) == Some(true))
                };
                let k = streaks.iter().position(|s| (s.0, s.1) == key);
                match (agree, k) {
                    (true, Some(k)) => streaks[k].2 += 1,
                    (true, None) => streaks.push((key.0, key.1, 1)),
                    (false, Some(k)) => {
                        streaks.swap_remove(k);
                    }
                    (false, None) => {}
                }
                if let Some(s) = streaks.iter().find(|s| (s.0, s.1) == key) {
                    if s.2 >= merger.consecutive {
                        due.push(key);
                    }
                }
            }
        }
        for (keep, gone) in due {
            if self.merge_pair(keep, gone) {
                streaks.retain(|s| s.0 != gone && s.1 != gone);
                self.stats.merged += 1;
                report.merged.push((keep, gone));
            }
        }
        self.merge_streaks = streaks;
    }

    /// Two tracks' estimates at one time, the time of `early` (the one updated less recently): `late` is taken
    /// from its checkpoint at or before that time, or its oldest checkpoint predicted back to it (a track
    /// started after `early` lost its plots), so that `early` is not predicted over a long gap (a duplicate
    /// that lost its plots may have coasted for tens of seconds through a boost it does not know of).
    fn same_time_pair(
        &self,
        early: &Track,
        late: &Track,
    ) -> Option<(GaussianState, GaussianState)> {
        let t = early.state.time;
        let k = late
            .history
            .iter()
            .rposition(|c| c.posterior.time <= t)
            .unwrap_or(0);
        let base = late.history.get(k)?;
        Some((
            early.estimate(),
            self.config.predictor.predict(&base.posterior, t).combined(),
        ))
    }

    /// Merges track `gone` into track `keep`: the merged track has the older id `keep` and the estimate and
    /// checkpoints of whichever of the two was updated more recently (late plots replay on them). When the two
    /// were updated within [`TrackMerger::max_fuse_gap_ms`] of each other the other's estimate is predicted to
    /// that time and fused in; an older one adds little, and it may have coasted through thrust it did not
    /// see. False if either track is gone already.
    fn merge_pair(&mut self, keep: TrackId, gone: TrackId) -> bool {
        let (Some(k), Some(g)) = (
            self.tracks.iter().position(|t| t.id == keep),
            self.tracks.iter().position(|t| t.id == gone),
        ) else {
            return false;
        };
        let (fresh, stale) = if self.tracks[k].state.time >= self.tracks[g].state.time {
            (k, g)
        } else {
            (g, k)
        };
        let (fresh_time, stale_time) =
            (self.tracks[fresh].state.time, self.tracks[stale].state.time);
        let fused = if fresh_time - stale_time <= self.config.merger.max_fuse_gap_ms {
            let other = self
                .config
                .predictor
                .predict_modes(&self.tracks[stale].state, fresh_time);
            merge_imm(&self.tracks[fresh].state, &other)
        } else {
            None
        };
        let other = self.tracks[stale].clone();
        let track = &mut self.tracks[fresh];
        if let Some(fused) = fused {
            track.state = fused;
            // The last checkpoint holds the current state (late plots replay from it).
            if let Some(last) = track.history.back_mut() {
                debug_assert_eq!(last.posterior.time, fused.time);
                last.posterior = fused;
            }
        }
        track.id = keep;
        track.status = TrackStatus::Confirmed;
        track.last_arrival = track.last_arrival.max(other.last_arrival);
        track.started_at = track.started_at.min(other.started_at);
        track.hits += other.hits;
        track.cued |= other.cued;
        track.confirmed_at = match (track.confirmed_at, other.confirmed_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for s in other.sensors {
            if !track.sensors.contains(&s) {
                track.sensors.push(s);
            }
        }
        self.tracks.remove(stale);
        true
    }

    fn process_scan(&mut self, scan: &[RadarPlot], arrival: SimTime, report: &mut StepReport) {
        let t = scan[0].time;
        let sensor = scan[0].model.sensor;
        let predictor = self.config.predictor;
        let mut hyps: Vec<Hypothesis> = Vec::new();
        let mut bases = Vec::with_capacity(self.tracks.len());
        let mut preds = Vec::with_capacity(self.tracks.len());
        let mut any_base = false;
        let mut stale: Vec<Hypothesis> = Vec::new();
        // Coarse positions of the plots and their 5-sigma reach, for a cheap pre-gate.
        let coarse: Vec<(nalgebra::Vector3<f64>, f64)> = scan
            .iter()
            .map(|p| {
                let (pos, cov) = p.model.inverse(&p.z);
                (pos.0.coords, 5.0 * cov.trace().sqrt())
            })
            .collect();
        for (i, track) in self.tracks.iter().enumerate() {
            // Borrowed, not copied: most tracks are far from the scan's plots and are never predicted.
            let base = if t >= track.state.time {
                Some((Base::Current, &track.state))
            } else {
                track
                    .history
                    .iter()
                    .rposition(|c| c.posterior.time <= t)
                    .map(|k| (Base::Checkpoint(k), &track.history[k].posterior))
            };
            any_base |= base.is_some();
            match base.filter(|(_, state)| near_any(state, t, &coarse)) {
                Some((b, state)) => {
                    let pred = predictor.predict(state, t);
                    self.config.hypothesiser.hypothesise_near(
                        i,
                        &pred.combined(),
                        scan,
                        Some(&coarse),
                        &mut hyps,
                    );
                    bases.push(Some(b));
                    preds.push(Some(pred));
                }
                None => {
                    // Older than the whole history: predict the oldest checkpoint back to the scan, only to
                    // recognise this track's plots (they are dropped as too late, not made into new tracks).
                    if let Some(oldest) = track.history.front() {
                        if t < oldest.posterior.time && near_any(&oldest.posterior, t, &coarse) {
                            let back = predictor.predict(&oldest.posterior, t);
                            self.config.hypothesiser.hypothesise(
                                i,
                                &back.combined(),
                                scan,
                                &mut stale,
                            );
                        }
                    }
                    bases.push(None);
                    preds.push(None);
                }
            }
        }
        let gnn = GlobalNearestNeighbour {
            miss_cost: self.config.hypothesiser.gate_chi2,
        };
        let assignment = gnn.associate(self.tracks.len(), scan.len(), &hyps);
        let mut taken = vec![false; scan.len()];
        for (i, a) in assignment.iter().enumerate() {
            let track_sees_sensor = self.tracks[i].sensors.contains(&sensor);
            if let (Some(j), Some(pred), Some(base)) = (a, preds[i].as_ref(), bases[i].take()) {
                taken[*j] = true;
                let ok = match base {
                    Base::Current => self.apply(i, pred, &scan[*j], arrival),
                    Base::Checkpoint(k) => self.replay(i, k, pred, &scan[*j], arrival),
                };
                if ok {
                    let track = &mut self.tracks[i];
                    track.hits += 1;
                    track.opportunities += 1;
                    if !track_sees_sensor {
                        track.sensors.push(sensor);
                    }
                } else {
                    self.stats.failed_updates += 1;
                }
            } else if track_sees_sensor && preds[i].is_some() {
                self.tracks[i].opportunities += 1;
            }
        }
        // Plots of tracks whose history does not reach back to them are dropped, and counted.
        for h in &stale {
            if !taken[h.plot] {
                taken[h.plot] = true;
                self.stats.too_late += 1;
            }
        }
        let _ = any_base;
        let leftover: Vec<RadarPlot> = scan
            .iter()
            .zip(&taken)
            .filter(|(_, &t)| !t)
            .map(|(p, _)| *p)
            .collect();
        if !leftover.is_empty() {
            for init in self.initiator.initiate(&leftover, t) {
                let id = TrackId(self.next_id);
                self.next_id += 1;
                let state = ImmState::from_gaussian(init.state, self.config.initial_probabilities);
                self.tracks.push(Track {
                    id,
                    status: TrackStatus::Tentative,
                    state,
                    last_arrival: arrival,
                    started_at: arrival,
                    confirmed_at: None,
                    hits: init.hits,
                    opportunities: init.hits,
                    cued: init.cued,
                    last_nis: f64::NAN,
                    sensors: vec![sensor],
                    history: VecDeque::from([Checkpoint {
                        posterior: state,
                        plot: init.plot,
                    }]),
                });
                self.stats.initiated += 1;
                report.initiated.push(id);
            }
        }
        self.confirm(arrival, report);
    }

    /// Applies an in-order plot to track `i`.
    fn apply(&mut self, i: usize, pred: &ImmState, plot: &RadarPlot, arrival: SimTime) -> bool {
        let Ok(u) = ImmUpdater.update(pred, plot) else {
            return false;
        };
        let history_len = self.config.history_len;
        let track = &mut self.tracks[i];
        track.state = u.posterior;
        track.last_nis = u.nis;
        track.last_arrival = arrival;
        track.history.push_back(Checkpoint {
            posterior: u.posterior,
            plot: *plot,
        });
        while track.history.len() > history_len {
            track.history.pop_front();
        }
        self.stats.updates += 1;
        true
    }

    /// Inserts a late plot after checkpoint `k` of track `i` and replays the later plots.
    fn replay(
        &mut self,
        i: usize,
        k: usize,
        pred: &ImmState,
        plot: &RadarPlot,
        arrival: SimTime,
    ) -> bool {
        let Ok(u) = ImmUpdater.update(pred, plot) else {
            return false;
        };
        let predictor = self.config.predictor;
        let history_len = self.config.history_len;
        let track = &mut self.tracks[i];
        track.history.insert(
            k + 1,
            Checkpoint {
                posterior: u.posterior,
                plot: *plot,
            },
        );
        let mut state = u.posterior;
        for c in track.history.iter_mut().skip(k + 2) {
            let p = predictor.predict(&state, c.plot.time);
            if let Ok(u) = ImmUpdater.update(&p, &c.plot) {
                state = u.posterior;
            } else {
                state = p;
            }
            c.posterior = state;
        }
        while track.history.len() > history_len {
            track.history.pop_front();
        }
        track.state = state;
        track.last_arrival = track.last_arrival.max(arrival);
        self.stats.updates += 1;
        self.stats.late_replayed += 1;
        true
    }

    fn confirm(&mut self, arrival: SimTime, report: &mut StepReport) {
        let (m, n) = (self.config.confirm_m, self.config.confirm_n);
        let mut failed = Vec::new();
        for track in &mut self.tracks {
            if track.status == TrackStatus::Tentative {
                if track.hits >= m {
                    track.status = TrackStatus::Confirmed;
                    track.confirmed_at = Some(arrival);
                    self.stats.confirmed += 1;
                    report.confirmed.push(track.id);
                } else if track.opportunities - track.hits > n - m {
                    failed.push(track.id);
                }
            }
        }
        for id in failed {
            self.tracks.retain(|t| t.id != id);
            self.stats.deleted += 1;
            report.deleted.push((id, DeletionReason::Coasted));
        }
    }

    fn delete(&mut self, time: SimTime, report: &mut StepReport) {
        let deleter = self.config.deleter;
        let mut deleted = Vec::new();
        self.tracks.retain(|t| match deleter.check(t, time) {
            Some(reason) => {
                deleted.push((t.id, reason));
                false
            }
            None => true,
        });
        self.stats.deleted += deleted.len() as u64;
        report.deleted.extend(deleted);
    }
}

/// Whether any plot could be near the track at `t`: a coarse test before the full prediction and gate, with
/// generous bounds (5 sigma of position and velocity, 60 m/s^2 of unmodelled gravity and thrust, 2 km).
fn near_any(state: &ImmState, t: SimTime, plots: &[(nalgebra::Vector3<f64>, f64)]) -> bool {
    let dt_s = (t - state.time) as f64 / 1000.0;
    let mut reach_m = 2_000.0 + 30.0 * dt_s * dt_s;
    let mut centre = nalgebra::Vector3::zeros();
    for (k, g) in state.modes.iter().enumerate() {
        let pos_sd = (g.covar[(0, 0)] + g.covar[(1, 1)] + g.covar[(2, 2)]).sqrt();
        let vel_sd = (g.covar[(3, 3)] + g.covar[(4, 4)] + g.covar[(5, 5)]).sqrt();
        reach_m = reach_m.max(2_000.0 + 30.0 * dt_s * dt_s + 5.0 * (pos_sd + vel_sd * dt_s.abs()));
        if k == 0 {
            centre = g.position().0.coords + g.velocity_m_s() * dt_s;
        }
    }
    if !reach_m.is_finite() {
        return true;
    }
    plots
        .iter()
        .any(|(p, r)| (p - centre).norm() <= reach_m + r)
}
