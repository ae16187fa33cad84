//! Late plots: a plot older than a track's last update (it came over a slower link) is neither dropped nor
//! applied out of order. Each track keeps a short history of checkpoints (the posterior after each update and
//! the plot that made it); a late plot is gated against the checkpoint before it,
//! inserted there, and the later plots are replayed on top, so that the track ends as if every plot had come in
//! time order. Only a plot older than the whole history of the track it falls to is dropped (the tracker
//! counts it in [`super::tracker::TrackerStats::too_late`]).
//!
//! This is reprocessing (filtering again from stored data), the plain exact treatment of out-of-sequence
//! measurements, of which the one-step update of Bar-Shalom ("Update with out-of-sequence measurements in
//! tracking: exact solution", IEEE Trans. AES 38(3), 2002) is an economy; its cost is bounded here by the
//! history length.

use super::measurement_model::RadarPlot;
use super::predictor::{ImmPredictor, ImmState};
use super::track::{Checkpoint, Track};
use super::updater::ImmUpdater;
use crate::time::SimTime;

/// Where a track is predicted from to meet a plot.
#[derive(Debug, Clone, Copy)]
pub(super) enum Base {
    /// In order: from the current state.
    Current,
    /// Late: from checkpoint `k` (the latest at or before the plot).
    Checkpoint(usize),
}

/// The state `track` is predicted from to meet a plot at `t`: its current state if the plot is not older,
/// else its latest checkpoint at or before `t`; `None` if `t` is older than its whole history.
pub(super) fn base(track: &Track, t: SimTime) -> Option<(Base, &ImmState)> {
    if t >= track.state.time {
        Some((Base::Current, &track.state))
    } else {
        track
            .history
            .iter()
            .rposition(|c| c.posterior.time <= t)
            .map(|k| (Base::Checkpoint(k), &track.history[k].posterior))
    }
}

/// The oldest checkpoint of `track` if `t` is older than it: the plots of a track whose history does not
/// reach back to them are recognised from it (and dropped as too late rather than made into new tracks).
pub(super) fn oldest_after(track: &Track, t: SimTime) -> Option<&ImmState> {
    track
        .history
        .front()
        .map(|c| &c.posterior)
        .filter(|p| t < p.time)
}

/// The latest checkpoint of `track` at or before `t`, or its oldest one if none is.
pub(super) fn checkpoint_at_or_before(track: &Track, t: SimTime) -> Option<&ImmState> {
    let k = track
        .history
        .iter()
        .rposition(|c| c.posterior.time <= t)
        .unwrap_or(0);
    track.history.get(k).map(|c| &c.posterior)
}

/// Applies an in-order plot to `track` from its prediction `pred`, arrived at fusion-centre time `arrival`,
/// keeping at most `history_len` checkpoints. False (and the track unchanged) if the update failed.
pub(super) fn apply(
    track: &mut Track,
    pred: &ImmState,
    plot: &RadarPlot,
    arrival: SimTime,
    history_len: usize,
) -> bool {
    let Ok(u) = ImmUpdater.update(pred, plot) else {
        return false;
    };
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
    true
}

/// Inserts a late plot after checkpoint `k` of `track` (`pred` is checkpoint `k` predicted to the plot) and
/// replays the later plots on top; a replayed plot whose update fails leaves its prediction. Keeps at most
/// `history_len` checkpoints. False (and the track unchanged) if the late plot's update failed.
pub(super) fn replay(
    track: &mut Track,
    k: usize,
    pred: &ImmState,
    plot: &RadarPlot,
    arrival: SimTime,
    predictor: &ImmPredictor,
    history_len: usize,
) -> bool {
    let Ok(u) = ImmUpdater.update(pred, plot) else {
        return false;
    };
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
    true
}
