//! The tracker's merge of duplicate tracks: which pairs of confirmed tracks are compared and when, the streaks
//! of consecutive agreement that a merge waits for, and how two tracks become one (identity, estimate,
//! checkpoints, counts). The test of agreement and the fused estimate are [`super::merger`]'s (track-to-track
//! association test, covariance intersection; references there).

use super::merger::{merge_imm, Sketch, TrackMerger};
use super::predictor::ImmPredictor;
use super::replay::checkpoint_at_or_before;
use super::track::{Track, TrackId, TrackStatus};
use super::GaussianState;
use crate::time::{Duration, SimTime};

/// Pairs of confirmed tracks (older id, younger id) inside the merge gate at their latest checks, and for how
/// many consecutive checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeStreaks(Vec<(TrackId, TrackId, u32)>);

/// Checks every pair of confirmed tracks of which one took a plot at fusion-centre time `time`, and merges
/// those that have agreed for [`TrackMerger::consecutive`] checks: the older id is kept (it is the one the
/// picture has shown longer), its state becomes the merged one, and the younger track is removed from
/// `tracks`. Returns the merges made, (kept, merged into it and removed), in order.
pub fn merge_duplicates(
    merger: &TrackMerger,
    predictor: &ImmPredictor,
    tracks: &mut Vec<Track>,
    streaks: &mut MergeStreaks,
    time: SimTime,
) -> Vec<(TrackId, TrackId)> {
    let mut merged = Vec::new();
    if !merger.enabled {
        return merged;
    }
    let confirmed: Vec<usize> = (0..tracks.len())
        .filter(|&i| tracks[i].is_confirmed())
        .collect();
    let sketches: Vec<Sketch> = confirmed
        .iter()
        .map(|&i| Sketch::of_imm(&tracks[i].state))
        .collect();
    let streaks = &mut streaks.0;
    // Streaks of tracks deleted since are forgotten.
    streaks
        .retain(|(a, b, _)| tracks.iter().any(|t| t.id == *a) && tracks.iter().any(|t| t.id == *b));
    let mut due = Vec::new();
    for (x, &i) in confirmed.iter().enumerate() {
        for (y, &j) in confirmed.iter().enumerate().skip(x + 1) {
            let (a, b) = (&tracks[i], &tracks[j]);
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
                same_time_pair(predictor, early, late)
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
        if merge_pair(merger, predictor, tracks, keep, gone) {
            streaks.retain(|s| s.0 != gone && s.1 != gone);
            merged.push((keep, gone));
        }
    }
    merged
}

/// Two tracks' estimates at one time, the time of `early` (the one updated less recently): `late` is taken
/// from its checkpoint at or before that time, or its oldest checkpoint predicted back to it (a track started
/// after `early` lost its plots), so that `early` is not predicted over a long gap (a duplicate that lost its
/// plots may have coasted for tens of seconds through a boost it does not know of).
fn same_time_pair(
    predictor: &ImmPredictor,
    early: &Track,
    late: &Track,
) -> Option<(GaussianState, GaussianState)> {
    let t = early.state.time;
    let base = checkpoint_at_or_before(late, t)?;
    Some((early.estimate(), predictor.predict(base, t).combined()))
}

/// Merges track `gone` into track `keep`: the merged track has the older id `keep` and the estimate and
/// checkpoints of whichever of the two was updated more recently (late plots replay on them). When the two
/// were updated within [`TrackMerger::max_fuse_gap_ms`] of each other the other's estimate is predicted to
/// that time and fused in; an older one adds little, and it may have coasted through thrust it did not see.
/// False if either track is gone already.
fn merge_pair(
    merger: &TrackMerger,
    predictor: &ImmPredictor,
    tracks: &mut Vec<Track>,
    keep: TrackId,
    gone: TrackId,
) -> bool {
    let (Some(k), Some(g)) = (
        tracks.iter().position(|t| t.id == keep),
        tracks.iter().position(|t| t.id == gone),
    ) else {
        return false;
    };
    let (fresh, stale) = if tracks[k].state.time >= tracks[g].state.time {
        (k, g)
    } else {
        (g, k)
    };
    let (fresh_time, stale_time) = (tracks[fresh].state.time, tracks[stale].state.time);
    let fused = if fresh_time - stale_time <= Duration::from_millis(merger.max_fuse_gap_ms) {
        let other = predictor.predict_modes(&tracks[stale].state, fresh_time);
        merge_imm(&tracks[fresh].state, &other)
    } else {
        None
    };
    let other = tracks[stale].clone();
    let track = &mut tracks[fresh];
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
    tracks.remove(stale);
    true
}
