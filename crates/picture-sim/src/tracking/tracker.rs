//! The multi-target tracker of one fusion centre: the scan loop. For each scan of plots it predicts every
//! track to the scan time, gates ([`DistanceHypothesiser`]), assigns ([`GlobalNearestNeighbour`]), updates
//! ([`ImmUpdater`](super::updater::ImmUpdater)), starts new tracks from what is left ([`TwoPointInitiator`]) and
//! confirms tentative tracks by M-of-N ([`MOfN`]); after the scans of one delivery it merges confirmed tracks
//! that have agreed on one missile for some updates ([`merge_duplicates`], [`TrackMerger`]) and deletes
//! ([`CoastDeleter`]).
//!
//! **Late plots.** A plot older than a track's last update (it came over a slower link) is neither dropped nor
//! applied out of order: it is inserted at the track's checkpoint before it and the later plots are replayed
//! on top ([`super::replay`]). Only a plot older than the whole history of the track it falls to (found by
//! predicting the oldest checkpoint back to it) is dropped, and counted in [`TrackerStats::too_late`]; it does
//! not start a duplicate track.
//!
//! The roles are Stone Soup's (Barr et al., Proc. SPIE 11018, 2019): this module only sequences them.

use super::associator::GlobalNearestNeighbour;
use super::confirmation::MOfN;
use super::deleter::{CoastDeleter, DeletionReason};
use super::hypothesiser::{DistanceHypothesiser, Hypothesis};
use super::initiator::{InitiatorConfig, TwoPointInitiator};
use super::measurement_model::{RadarAerModel, RadarPlot};
use super::merger::TrackMerger;
use super::merging::{merge_duplicates, MergeStreaks};
use super::predictor::{ImmPredictor, ImmState};
use super::replay::{self, Base};
use crate::earth::Ellipsoid;
use crate::measurement::{Measurement, MeasurementKind};
use crate::time::SimTime;
use serde::{Deserialize, Serialize};
use thiserror::Error;

// The track is its own module (the deleter and the merger read it too); named here as well, where the
// tracker's users have always found it.
pub use super::track::{Track, TrackId, TrackStatus};

#[derive(Debug, Error, PartialEq)]
pub enum TrackerError {
    #[error("tracker config: {field} {reason}")]
    Config {
        field: &'static str,
        reason: &'static str,
    },
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
    /// The M-of-N confirmation rule of `confirm_m` and `confirm_n`.
    pub fn confirmation(&self) -> MOfN {
        MOfN {
            m: self.confirm_m,
            n: self.confirm_n,
        }
    }

    pub fn validate(&self) -> Result<(), TrackerError> {
        self.confirmation()
            .validate()
            .map_err(|(field, reason)| TrackerError::Config { field, reason })?;
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

/// The work of a tracker's association, for tests that it grows as the number of targets and not its
/// square (not in [`TrackerStats`], which the pictures report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrackerWork {
    /// Scans processed.
    pub scans: u64,
    /// Weight cells of the plot-to-track assignment problems solved.
    pub assignment_cells: u64,
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
    /// Agreement streaks of pairs of confirmed tracks, for the merge.
    merge_streaks: MergeStreaks,
    work: TrackerWork,
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
            merge_streaks: MergeStreaks::default(),
            work: TrackerWork::default(),
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

    pub fn work(&self) -> TrackerWork {
        self.work
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
        super::sorted::sort_stable_by(&mut plots, |a, b| {
            (a.time, a.model.sensor).cmp(&(b.time, b.model.sensor))
        });
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

    /// Merges duplicate confirmed tracks ([`merge_duplicates`]), after the scans of one delivery.
    fn merge(&mut self, time: SimTime, report: &mut StepReport) {
        let merged = merge_duplicates(
            &self.config.merger,
            &self.config.predictor,
            &mut self.tracks,
            &mut self.merge_streaks,
            time,
        );
        self.stats.merged += merged.len() as u64;
        report.merged.extend(merged);
    }

    fn process_scan(&mut self, scan: &[RadarPlot], arrival: SimTime, report: &mut StepReport) {
        let t = scan[0].time;
        let sensor = scan[0].model.sensor;
        let predictor = self.config.predictor;
        let mut hyps: Vec<Hypothesis> = Vec::new();
        let mut bases = Vec::with_capacity(self.tracks.len());
        let mut preds = Vec::with_capacity(self.tracks.len());
        let mut stale: Vec<Hypothesis> = Vec::new();
        // Coarse positions of the plots and their 5-sigma reach, for a cheap pre-gate.
        let coarse: Vec<(nalgebra::Vector3<f64>, f64)> = scan
            .iter()
            .map(|p| {
                let (pos, cov) = p.model.inverse(&p.z);
                (pos.0.coords, 5.0 * cov.trace().sqrt())
            })
            .collect();
        let index = PlotIndex::new(&coarse);
        for (i, track) in self.tracks.iter().enumerate() {
            // Borrowed, not copied: most tracks are far from the scan's plots and are never predicted.
            let base = replay::base(track, t);
            match base.filter(|(_, state)| near_any(state, t, &coarse, &index)) {
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
                    if let Some(oldest) = replay::oldest_after(track, t) {
                        if near_any(oldest, t, &coarse, &index) {
                            let back = predictor.predict(oldest, t);
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
        self.work.scans += 1;
        let assignment = gnn.associate_counted(
            self.tracks.len(),
            scan.len(),
            &hyps,
            &mut self.work.assignment_cells,
        );
        let mut taken = vec![false; scan.len()];
        for (i, a) in assignment.iter().enumerate() {
            let track_sees_sensor = self.tracks[i].sensors.contains(&sensor);
            if let (Some(j), Some(pred), Some(base)) = (a, preds[i].as_ref(), bases[i].take()) {
                taken[*j] = true;
                let history_len = self.config.history_len;
                let track = &mut self.tracks[i];
                let ok = match base {
                    Base::Current => replay::apply(track, pred, &scan[*j], arrival, history_len),
                    Base::Checkpoint(k) => {
                        replay::replay(track, k, pred, &scan[*j], arrival, &predictor, history_len)
                    }
                };
                if ok {
                    self.stats.updates += 1;
                    if matches!(base, Base::Checkpoint(_)) {
                        self.stats.late_replayed += 1;
                    }
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
                self.tracks.push(Track::tentative(
                    id, state, init.plot, sensor, init.hits, init.cued, arrival,
                ));
                self.stats.initiated += 1;
                report.initiated.push(id);
            }
        }
        self.confirm(arrival, report);
    }

    /// Confirms or rejects tentative tracks by M-of-N ([`MOfN`]) at fusion-centre time `arrival`.
    fn confirm(&mut self, arrival: SimTime, report: &mut StepReport) {
        let outcome = self.config.confirmation().apply(&mut self.tracks, arrival);
        self.stats.confirmed += outcome.confirmed.len() as u64;
        report.confirmed.extend(outcome.confirmed);
        self.stats.deleted += outcome.rejected.len() as u64;
        report.deleted.extend(
            outcome
                .rejected
                .into_iter()
                .map(|id| (id, DeletionReason::NotConfirmed)),
        );
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

/// The plots of a scan in increasing order of their ECEF x coordinate, so that the plots that could be near a
/// track are found by bisection instead of by looking at all of them: a salvo of `n` missiles gives scans of
/// about `n` plots and about `n` tracks, and the exhaustive test grew as `n^2`.
struct PlotIndex {
    /// (x, plot) of the plots with a finite position and reach.
    by_x: Vec<(f64, usize)>,
    /// The largest reach among them, metres.
    max_reach_m: f64,
    /// Plots with a non-finite position or reach: always looked at.
    odd: Vec<usize>,
}

impl PlotIndex {
    fn new(plots: &[(nalgebra::Vector3<f64>, f64)]) -> PlotIndex {
        let mut by_x = Vec::with_capacity(plots.len());
        let mut odd = Vec::new();
        let mut max_reach_m: f64 = 0.0;
        for (j, (p, r)) in plots.iter().enumerate() {
            if p.iter().all(|v| v.is_finite()) && r.is_finite() {
                by_x.push((p.x, j));
                max_reach_m = max_reach_m.max(*r);
            } else {
                odd.push(j);
            }
        }
        super::sorted::by_key_then_index(&mut by_x);
        PlotIndex {
            by_x,
            max_reach_m,
            odd,
        }
    }

    /// The plots that may lie within `reach_m` plus their own reach of `centre`: every plot whose x is within
    /// that of the centre's (a distance is at least its x component), and the odd ones.
    fn candidates(
        &self,
        centre: &nalgebra::Vector3<f64>,
        reach_m: f64,
    ) -> impl Iterator<Item = usize> + '_ {
        let half_width_m = reach_m + self.max_reach_m;
        let lo = self.by_x.partition_point(|e| e.0 < centre.x - half_width_m);
        let hi = self
            .by_x
            .partition_point(|e| e.0 <= centre.x + half_width_m);
        self.by_x[lo..hi.max(lo)]
            .iter()
            .map(|e| e.1)
            .chain(self.odd.iter().copied())
    }
}

/// Whether any plot could be near the track at `t`: a coarse test before the full prediction and gate, with
/// generous bounds (5 sigma of position and velocity, 60 m/s^2 of unmodelled gravity and thrust, 2 km).
fn near_any(
    state: &ImmState,
    t: SimTime,
    plots: &[(nalgebra::Vector3<f64>, f64)],
    index: &PlotIndex,
) -> bool {
    let dt_s = (t - state.time).as_secs_f64();
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
    let near = |(p, r): &(nalgebra::Vector3<f64>, f64)| (p - centre).norm() <= reach_m + r;
    if !centre.iter().all(|v| v.is_finite()) {
        // The bisection needs a finite centre; the exhaustive test is exact (and rare).
        return plots.iter().any(near);
    }
    index.candidates(&centre, reach_m).any(|j| near(&plots[j]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::earth::{Aer, Geodetic};
    use crate::measurement::SensorIndex;
    use crate::tracking::{state_vector, GaussianState, StateCovariance};
    use nalgebra::Vector3;

    /// A tentative track with two plots (the initiating pair) and two missed opportunities.
    fn hopeless_track(id: TrackId) -> Track {
        let e = Ellipsoid::WGS84;
        let m = Measurement {
            sensor: SensorIndex(0),
            time: SimTime::from_secs(10.0),
            kind: MeasurementKind::Radar {
                site: Geodetic::from_deg(37.5, 127.0, 100.0).unwrap(),
                aer: Aer {
                    az_rad: 5.5,
                    el_rad: 0.3,
                    range_m: 300e3,
                },
                sigma_range_m: 50.0,
                sigma_az_rad: 1e-3,
                sigma_el_rad: 1e-3,
            },
        };
        let (model, z) = RadarAerModel::from_measurement(&e, &m).unwrap();
        let (pos, _) = model.inverse(&z);
        let g = GaussianState {
            time: m.time,
            mean: state_vector(&pos, &Vector3::new(0.0, 0.0, 1_000.0)),
            covar: StateCovariance::identity() * 1e4,
        };
        let plot = RadarPlot {
            time: m.time,
            model,
            z,
        };
        let state = ImmState::from_gaussian(g, [0.7, 0.3]);
        let mut track = Track::tentative(id, state, plot, SensorIndex(0), 2, false, m.time);
        track.opportunities = 4;
        track
    }

    #[test]
    fn a_track_never_confirmed_is_deleted_as_not_confirmed_not_coasted() {
        let mut tracker = Tracker::new(TrackerConfig::default(), Ellipsoid::WGS84).unwrap();
        tracker.tracks.push(hopeless_track(TrackId(7)));
        let mut report = StepReport::default();
        // Just after its last plot: it has not coasted; it has missed 2 of 4 opportunities of a 3-of-4 rule.
        tracker.confirm(SimTime::from_secs(10.5), &mut report);
        assert_eq!(
            report.deleted,
            vec![(TrackId(7), DeletionReason::NotConfirmed)]
        );
        assert!(tracker.tracks().is_empty());
        assert_eq!(tracker.stats().deleted, 1);
        assert!(report.confirmed.is_empty());
    }
}
