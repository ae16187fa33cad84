//! Track-to-track merge: on the 20-missile reference salvo no picture holds two confirmed tracks on one
//! missile for longer than the merge needs to act, and on a two-missile salvo the two tracks are never merged.

use picture_sim::earth::Ellipsoid;
use picture_sim::time::SimTime;
use picture_sim::tracking::fixtures::{salvo_scenario, FusionScenario};
use picture_sim::tracking::merger::TrackMerger;
use picture_sim::tracking::picture::{run_picture, LatencyDefaults, PictureConfig};
use picture_sim::tracking::tracker::{Tracker, TrackerConfig};
use picture_sim::truth::Truth;
use std::collections::BTreeMap;

const E: Ellipsoid = Ellipsoid::WGS84;
/// A confirmed track is "on" the missile nearest to it when within this distance (the salvo's missiles are
/// launched 2.2 km and 5 s apart, and fly some 10 km apart after burnout).
const ON_MISSILE_M: f64 = 5_000.0;

/// Duplicates seen while running one picture.
#[derive(Debug, Default)]
struct Duplicates {
    /// Fusion-centre instants at which some missile had two or more confirmed tracks on it, summed over
    /// missiles.
    instants: usize,
    /// Longest stretch of fusion-centre time over which one missile kept two or more tracks, seconds.
    longest_s: f64,
}

/// The missile each confirmed track is on, if any.
fn owners(tracker: &Tracker, truths: &[&dyn Truth]) -> Vec<Option<usize>> {
    tracker
        .confirmed_tracks()
        .map(|t| {
            let g = t.estimate();
            truths
                .iter()
                .enumerate()
                .filter_map(|(k, tr)| {
                    tr.state_at(g.time)
                        .map(|s| (k, (s.pos.0 - g.position().0).norm()))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .filter(|(_, d)| *d < ON_MISSILE_M)
                .map(|(k, _)| k)
        })
        .collect()
}

fn run(f: &FusionScenario, picture: &PictureConfig, config: &TrackerConfig) -> (Duplicates, u64) {
    let truths = f.truth_refs();
    let mut dup = Duplicates::default();
    // Missile -> when its current stretch of duplicates began.
    let mut since: BTreeMap<usize, SimTime> = BTreeMap::new();
    let tracker = run_picture(
        picture,
        &f.nations,
        &f.measurements,
        config,
        &E,
        |t, _, tracker| {
            let mut count = vec![0usize; truths.len()];
            for k in owners(tracker, &truths).into_iter().flatten() {
                count[k] += 1;
            }
            for (k, &n) in count.iter().enumerate() {
                if n >= 2 {
                    dup.instants += 1;
                    let start = *since.entry(k).or_insert(t);
                    dup.longest_s = dup.longest_s.max((t - start).as_secs_f64());
                } else {
                    since.remove(&k);
                }
            }
        },
    )
    .unwrap();
    (dup, tracker.stats().merged)
}

#[test]
fn reference_salvo_has_no_lasting_duplicates_after_merge() {
    let f = salvo_scenario(42, 20, 2000, &E);
    let with = TrackerConfig::default();
    let without = TrackerConfig {
        merger: TrackMerger {
            enabled: false,
            ..TrackMerger::default()
        },
        ..with
    };
    for p in PictureConfig::builtin(&LatencyDefaults::default()) {
        let (before, _) = run(&f, &p, &without);
        let (after, merged) = run(&f, &p, &with);
        eprintln!(
            "{:26} duplicates before merge: {:5} instants (longest {:6.1} s); after: {:5} instants (longest {:6.1} s), {merged} merges",
            p.name, before.instants, before.longest_s, after.instants, after.longest_s
        );
        assert!(after.instants <= before.instants, "{}", p.name);
        // Three consecutive agreeing checks at scans 2 s apart from three radars take a few seconds.
        assert!(
            after.longest_s <= 10.0,
            "{}: one missile kept two tracks for {} s after merge",
            p.name,
            after.longest_s
        );
    }
}

/// Two missiles launched 4 s and 5.5 km apart on near-parallel paths, seen by one radar: the two tracks are
/// never merged (no merge at all, and no track ever moves from one missile to the other).
#[test]
fn two_missile_salvo_is_never_merged() {
    use picture_sim::earth::Geodetic;
    use picture_sim::measurement::{Measurement, SensorIndex};
    use picture_sim::tracking::fixtures::{BallisticTruth, FixtureRadar, LaunchSpec};
    use rand::SeedableRng;
    let launch = |lat: f64, t_s: f64, az: f64| LaunchSpec {
        launch: Geodetic::from_deg(lat, 125.75, 0.0).unwrap(),
        launch_time: SimTime::from_secs(t_s),
        azimuth_deg: az,
        pitch_deg: 45.0,
        burn_s: 80.0,
        thrust_accel_m_s2: 35.0,
    };
    let a = BallisticTruth::fly(&launch(39.0, 0.0, 90.0), &E);
    let b = BallisticTruth::fly(&launch(39.05, 4.0, 90.5), &E);
    let truths: [&dyn Truth; 2] = [&a, &b];
    let radar = FixtureRadar::standard(
        SensorIndex(0),
        Geodetic::from_deg(37.5, 127.0, 100.0).unwrap(),
    );
    for seed in 0..10 {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let plots = radar.observe(&truths, SimTime::ZERO, a.end().max(b.end()), &E, &mut rng);
        let mut tracker = Tracker::new(TrackerConfig::default(), E).unwrap();
        let mut owner: BTreeMap<u64, usize> = BTreeMap::new();
        let mut merges = Vec::new();
        let mut start = 0;
        while start < plots.len() {
            let t = plots[start].time;
            let end = start + plots[start..].iter().take_while(|m| m.time == t).count();
            let scan: Vec<Measurement> = plots[start..end].to_vec();
            merges.extend(tracker.process(&scan, t).merged);
            for (track, k) in tracker.confirmed_tracks().zip(owners(&tracker, &truths)) {
                if let Some(k) = k {
                    let first = *owner.entry(track.id.0).or_insert(k);
                    assert_eq!(
                        first, k,
                        "seed {seed}: track {} moved to missile {k}",
                        track.id.0
                    );
                }
            }
            start = end;
        }
        let mut missiles: Vec<usize> = owner.values().copied().collect();
        missiles.sort();
        missiles.dedup();
        assert_eq!(missiles, vec![0, 1], "seed {seed}: both missiles tracked");
        assert!(merges.is_empty(), "seed {seed}: merged {merges:?}");
    }
}
