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
    // The pairs that may pass the pre-gate, and those with a streak to end if they no longer agree: every
    // other pair would find `may_agree` false and no streak, and change nothing.
    let fresh: Vec<usize> = (0..confirmed.len())
        .filter(|&x| tracks[confirmed[x]].last_arrival == time)
        .collect();
    let mut pairs = SketchIndex::new(&sketches, merger).pairs_near(&fresh);
    // Streaks are few (pairs that agreed at their last look): a search each costs less than a map, in time
    // and in the browser build's size.
    let position = |id: TrackId| confirmed.iter().position(|&i| tracks[i].id == id);
    for s in streaks.iter() {
        if let (Some(x), Some(y)) = (position(s.0), position(s.1)) {
            pairs.push((x.min(y), x.max(y)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (x, y) in pairs {
        let (i, j) = (confirmed[x], confirmed[y]);
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
    for (keep, gone) in due {
        if merge_pair(merger, predictor, tracks, keep, gone) {
            streaks.retain(|s| s.0 != gone && s.1 != gone);
            merged.push((keep, gone));
        }
    }
    merged
}

/// The sketches of the confirmed tracks grouped by time, each group in increasing order of ECEF x, with the
/// largest uncertainties, speed and acceleration in it: bounds from which the pairs that may pass the
/// pre-gate ([`TrackMerger::may_agree`]) are found by bisection instead of by testing all `n^2 / 2` pairs of a
/// salvo of `n` missiles. Tracks of a salvo are updated by the same few scans, so the groups are few.
struct SketchIndex<'a> {
    sketches: &'a [Sketch],
    merger: &'a TrackMerger,
    groups: Vec<SketchGroup>,
}

struct SketchGroup {
    time: SimTime,
    /// (x, sketch) of the sketches whose numbers are finite.
    by_x: Vec<(f64, usize)>,
    /// Sketches with a non-finite number: always candidates.
    odd: Vec<usize>,
    max_pos_sd_m: f64,
    max_vel_sd_m_s: f64,
    max_speed_m_s: f64,
    max_acc_m_s2: f64,
}

impl<'a> SketchIndex<'a> {
    fn new(sketches: &'a [Sketch], merger: &'a TrackMerger) -> Self {
        // The groups are few (one per scan time of the tracks' last updates): found by a search.
        let mut groups: Vec<SketchGroup> = Vec::new();
        for (x, s) in sketches.iter().enumerate() {
            let at = match groups.iter().position(|g| g.time == s.time) {
                Some(at) => at,
                None => {
                    groups.push(SketchGroup {
                        time: s.time,
                        by_x: Vec::new(),
                        odd: Vec::new(),
                        max_pos_sd_m: 0.0,
                        max_vel_sd_m_s: 0.0,
                        max_speed_m_s: 0.0,
                        max_acc_m_s2: 0.0,
                    });
                    groups.len() - 1
                }
            };
            let g = &mut groups[at];
            let finite = s
                .pos_m
                .iter()
                .chain(s.vel_m_s.iter())
                .chain(s.acc_m_s2.iter())
                .all(|v| v.is_finite())
                && s.pos_sd_m.is_finite()
                && s.vel_sd_m_s.is_finite();
            if finite {
                g.by_x.push((s.pos_m.x, x));
                g.max_pos_sd_m = g.max_pos_sd_m.max(s.pos_sd_m);
                g.max_vel_sd_m_s = g.max_vel_sd_m_s.max(s.vel_sd_m_s);
                g.max_speed_m_s = g.max_speed_m_s.max(s.vel_m_s.norm());
                g.max_acc_m_s2 = g.max_acc_m_s2.max(s.acc_m_s2.norm());
            } else {
                g.odd.push(x);
            }
        }
        for g in &mut groups {
            super::sorted::by_key_then_index(&mut g.by_x);
        }
        SketchIndex {
            sketches,
            merger,
            groups,
        }
    }

    /// Pairs (lower index, higher index) of one of `fresh` and another sketch that may pass the pre-gate in
    /// either order (a superset: the pre-gate itself is applied to them).
    fn pairs_near(&self, fresh: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let max_gap = Duration::from_millis(self.merger.max_time_gap_ms);
        for &u in fresh {
            let a = &self.sketches[u];
            for g in &self.groups {
                if (g.time - a.time).abs() > max_gap {
                    continue;
                }
                let dt_s = (g.time - a.time).as_secs_f64();
                let dt2 = dt_s * dt_s;
                // `a` carried to the group's time and compared with each member `b` (`a` first in the pair):
                // the pre-gate's gap to the member is at most its reach, bounded over the group.
                let centre = a.pos_m + a.vel_m_s * dt_s + a.acc_m_s2 * (0.5 * dt2);
                let reach_m =
                    5.0 * (a.pos_sd_m + g.max_pos_sd_m + a.vel_sd_m_s * dt_s.abs()) + 2.5 * dt2;
                // A member `b` carried to `a`'s time (`b` first): its gap to `a` is at least its distance
                // from `a` less how far it can move, both bounded over the group.
                let back_m = 5.0 * (g.max_pos_sd_m + a.pos_sd_m + g.max_vel_sd_m_s * dt_s.abs())
                    + 2.5 * dt2
                    + g.max_speed_m_s * dt_s.abs()
                    + g.max_acc_m_s2 * 0.5 * dt2;
                let finite = centre.iter().chain(a.pos_m.iter()).all(|v| v.is_finite())
                    && reach_m.is_finite()
                    && back_m.is_finite();
                let mut take = |v: usize| {
                    if v != u {
                        out.push((u.min(v), u.max(v)));
                    }
                };
                if !finite {
                    g.by_x.iter().for_each(|e| take(e.1));
                } else {
                    for (x, half_m) in [(centre.x, reach_m), (a.pos_m.x, back_m)] {
                        // A hair wider than the bound: the pre-gate rounds its own sums differently.
                        let half_m = half_m * (1.0 + 1.0e-9) + 1.0e-6;
                        let lo = g.by_x.partition_point(|e| e.0 < x - half_m);
                        let hi = g.by_x.partition_point(|e| e.0 <= x + half_m);
                        g.by_x[lo..hi.max(lo)].iter().for_each(|e| take(e.1));
                    }
                }
                g.odd.iter().for_each(|&v| take(v));
            }
        }
        out
    }
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
