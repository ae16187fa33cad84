//! The work of tracking and scoring a salvo grows as the number of concurrent missiles, not its square: counts
//! of truth states sampled, distances computed and assignment cells solved per delivery, on the concurrent
//! salvo fixture of 10 and 40 launches. Counts, not times: they do not depend on the machine being idle.

use picture_sim::earth::Ellipsoid;
use picture_sim::tracking::fixtures::concurrent_salvo_scenario;
use picture_sim::tracking::metrics::{evaluate_picture_counted, MetricsConfig, MetricsWork};
use picture_sim::tracking::picture::{LatencyDefaults, PictureConfig};
use picture_sim::tracking::tracker::{TrackerConfig, TrackerWork};

const E: Ellipsoid = Ellipsoid::WGS84;

/// The scoring and association work of the trilateral picture (every sensor) on a concurrent salvo of `n`.
fn work(n: usize) -> (MetricsWork, TrackerWork) {
    let s = concurrent_salvo_scenario(7, n, 2000, &E);
    let truths = s.truth_refs();
    let picture = PictureConfig::trilateral(&LatencyDefaults::default());
    let mut tracker_work = TrackerWork::default();
    let (_, work) = evaluate_picture_counted(
        &picture,
        &s.nations,
        &s.measurements,
        &TrackerConfig::default(),
        &E,
        &truths,
        &s.impacts,
        &MetricsConfig::default(),
        |_, _, tracker| tracker_work = tracker.work(),
    )
    .unwrap();
    (work, tracker_work)
}

#[test]
fn scoring_work_per_delivery_grows_as_the_salvo() {
    let ((small, small_tracker), (large, large_tracker)) = (work(10), work(40));
    println!("10 launches: {small:?} {small_tracker:?}\n40 launches: {large:?} {large_tracker:?}");
    let per_delivery = |w: &MetricsWork, x: u64| x as f64 / w.batches as f64;
    // Truth states: each missile in flight once per time asked for. Linear growth gives about 4 for 4 times
    // the missiles; sampling every missile for every track gave about 16.
    let ratio =
        per_delivery(&large, large.truth_samples) / per_delivery(&small, small.truth_samples);
    println!("truth samples per delivery: {ratio:.2} times as many for 4 times the missiles");
    assert!(ratio < 6.0, "truth samples: {ratio:.2}");
    // Distances and assignment cells depend on how many missiles fly within the association distance of
    // each other, which grows with a salvo crowded into one area; they stay far below the exhaustive
    // comparison of every track with every missile (at least 40 x 40 per delivery) and the dense assignment
    // (at least 40 x 80 cells per delivery).
    let n = 40.0;
    let distances = per_delivery(&large, large.distance_tests);
    let cells = per_delivery(&large, large.assignment_cells);
    println!("per delivery at 40 launches: {distances:.0} distances, {cells:.0} assignment cells");
    assert!(
        distances < n * n / 4.0,
        "{distances:.0} distances per delivery"
    );
    assert!(cells < n * 2.0 * n / 4.0, "{cells:.0} cells per delivery");
    assert!(small.distance_tests > 0 && small.assignment_cells > 0);
    // The tracker's association, cluster by cluster: its cells per scan grow about as the plots of a scan
    // (4 times); one dense problem of every track against every plot of a scan grew as their product.
    let per_scan = |w: &TrackerWork| w.assignment_cells as f64 / w.scans as f64;
    let ratio = per_scan(&large_tracker) / per_scan(&small_tracker);
    println!("association cells per scan: {ratio:.2} times as many for 4 times the missiles");
    assert!(ratio < 8.0, "association cells per scan: {ratio:.2}");
    // Every missile's impact is predicted: the scoring ran.
    assert!(large.impact_predictions >= 40 && small.impact_predictions >= 10);
}
