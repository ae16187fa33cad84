//! The shared picture as the UI shows it: for each fusion centre (each nation alone and with sharing, legacy,
//! trilateral), its scores against the true flight and its confirmed tracks over time with
//! their uncertainty and predicted impact. Pure, tested natively.

use crate::present::flight::Launched;
use nalgebra::Matrix3;
use picture_sim::earth::{Ecef, Geodetic};
use picture_sim::measurement::Measurement;
use picture_sim::scenario::{pipeline_models, score_pictures};
use picture_sim::sensors::Nation;
use picture_sim::tracking::impact::{predict_impact, ErrorEllipse};
use picture_sim::tracking::metrics::{Comparison, Event, MissileMetrics, PictureMetrics};
use picture_sim::tracking::picture::{LatencyDefaults, PictureConfig, PictureError};
use picture_sim::tracking::predictor::MODE_BALLISTIC;
use picture_sim::SimTime;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use thiserror::Error;

/// Track snapshots are kept at most this often (ms of fusion-centre time): enough for smooth playback.
const SNAPSHOT_EVERY_MS: i64 = 2_000;
/// Impact predictions are made at most this often per picture (ms): each is a propagation to the ground.
const IMPACT_EVERY_MS: i64 = 10_000;
/// The track marks' position ellipse: this many standard deviations.
const POSITION_SIGMAS: f64 = 2.0;

/// Why there are no pictures to show.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum PicturesError {
    /// No launch of the scenario flies: nothing to track (the launch editor says why).
    #[error("no flight")]
    NoFlight,
    /// A picture could not be run (its configuration or the measurements are refused). Shared, so that the
    /// pictures memo can hand out copies.
    #[error(transparent)]
    Tracking(Arc<PictureError>),
}

impl From<PictureError> for PicturesError {
    fn from(e: PictureError) -> PicturesError {
        PicturesError::Tracking(Arc::new(e))
    }
}

/// A horizontal ellipse on the ground.
///
/// # Units
/// Semi-axes in metres; orientation of the major axis in degrees clockwise from north.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GroundEllipse {
    pub semi_major_m: f64,
    pub semi_minor_m: f64,
    pub orientation_deg: f64,
}

impl From<ErrorEllipse> for GroundEllipse {
    fn from(e: ErrorEllipse) -> GroundEllipse {
        GroundEllipse {
            semi_major_m: e.semi_major_m,
            semi_minor_m: e.semi_minor_m,
            orientation_deg: e.orientation_deg,
        }
    }
}

/// A confirmed track at one time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackSnap {
    pub id: u64,
    /// When the estimate was made (its last update), s after launch: behind the snapshot's time by the
    /// link latency and the update interval, so errors against the truth compare like with like.
    pub estimate_t_s: f64,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub alt_km: f64,
    /// The 2-sigma horizontal position uncertainty.
    pub position_2sigma: GroundEllipse,
    /// Predicted impact point (lat, lon) and its 95% ellipse, if predicted.
    pub impact: Option<(f64, f64, GroundEllipse)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PictureRun {
    pub name: String,
    pub metrics: PictureMetrics,
    /// (seconds after the scenario start, confirmed tracks) in time order.
    pub snapshots: Vec<(f64, Vec<TrackSnap>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PicturesOutcome {
    pub runs: Vec<PictureRun>,
    pub comparison: Comparison,
    /// The launch of each scored missile: `metrics.missiles[k]` of every run is the launch `launches[k]` (its
    /// index in the scenario's launch list).
    pub launches: Vec<usize>,
}

impl PicturesOutcome {
    /// The picture of that name.
    pub fn run(&self, name: &str) -> Option<&PictureRun> {
        self.runs.iter().find(|r| r.name == name)
    }

    /// When the named picture first had a confirmed track on the missile of `launch` (index in the scenario's
    /// launch list), fusion-centre time.
    pub fn established(&self, name: &str, launch: usize) -> Option<SimTime> {
        self.missile(name, launch)?.established
    }

    /// The named picture's milestones for the missile of `launch` (index in the scenario's launch list).
    pub fn missile(&self, name: &str, launch: usize) -> Option<&MissileMetrics> {
        let k = self.launches.iter().position(|l| *l == launch)?;
        self.run(name)?.metrics.missiles.get(k)
    }

    /// Each picture's worst-case warning time left at `event`, s, by picture name in the order of the runs.
    pub fn warning_left_s(&self, event: Event) -> Vec<(String, Option<f64>)> {
        self.runs
            .iter()
            .map(|run| {
                let left = self
                    .comparison
                    .rows
                    .iter()
                    .find(|row| row.picture == run.name)
                    .and_then(|row| row.warning_left_s_at(event));
                (run.name.clone(), left)
            })
            .collect()
    }
}

/// The nations whose sensors feed the picture named `name`, `None` if there is no such picture.
pub fn picture_nations(configs: &[PictureConfig], name: &str) -> Option<Vec<Nation>> {
    configs
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.links.iter().map(|l| l.from).collect())
}

/// Whether a picture holds a track at `t_s` (s after the scenario start), given when it established one:
/// what a side-by-side map says under its name.
pub fn track_status(established_s: Option<f64>, t_s: f64) -> String {
    match established_s {
        Some(e) if e <= t_s => format!("track since {}", super::flight::format_elapsed(e)),
        _ => "no track yet".to_string(),
    }
}

/// The built-in pictures with the default link latencies.
pub fn builtin_pictures() -> Vec<PictureConfig> {
    PictureConfig::builtin(&LatencyDefaults::default())
}

/// What a picture's observer keeps between deliveries.
#[derive(Default)]
struct Snapshots {
    snapshots: Vec<(f64, Vec<TrackSnap>)>,
    last_snap: Option<SimTime>,
    last_impact: Option<SimTime>,
    predicted: std::collections::HashMap<u64, (f64, f64, GroundEllipse)>,
}

/// Runs every picture on the sensors' measurements of the scenario's flights (each with its launch index), by
/// the core's pipeline (`picture_sim::scenario::score_pictures`, as `picture run` does), keeping snapshots of
/// the confirmed tracks on the way. `nations[i]` is the nation of the sensor with index `i` in the
/// measurements. Snapshot times are seconds after the scenario start.
pub fn run_pictures(
    flights: &[Launched],
    pictures: &[PictureConfig],
    nations: &[Nation],
    measurements: &[Measurement],
) -> Result<PicturesOutcome, PicturesError> {
    if flights.is_empty() {
        return Err(PicturesError::NoFlight);
    }
    let (config, ellipsoid, _) = pipeline_models();
    let flown: Vec<&picture_sim::flight::Flight> = flights.iter().map(|(_, f)| &f.flight).collect();
    let launch = SimTime::ZERO;
    let ballistic = config.predictor.models[MODE_BALLISTIC];
    let mut kept: Vec<Snapshots> = pictures.iter().map(|_| Snapshots::default()).collect();
    // Pictures with the same links share one run (`same_links`): their snapshots are taken once and copied.
    let first = picture_sim::tracking::picture::same_links(pictures);
    // Scores and snapshots from the same run of each tracker.
    let scored = score_pictures(
        &flown,
        pictures,
        nations,
        measurements,
        |i, now, tracker| {
            if first[i] != i {
                return;
            }
            let k = &mut kept[i];
            if k.last_snap
                .is_some_and(|t| (now - t).as_millis() < SNAPSHOT_EVERY_MS)
            {
                return;
            }
            k.last_snap = Some(now);
            let predict = k
                .last_impact
                .is_none_or(|t| (now - t).as_millis() >= IMPACT_EVERY_MS);
            if predict {
                k.last_impact = Some(now);
            }
            let snaps = tracker
                .confirmed_tracks()
                .map(|t| {
                    let est = t.estimate();
                    let id = t.id.0;
                    if predict {
                        if let Ok(p) = predict_impact(&est, &ballistic, &ellipsoid, 3600.0) {
                            k.predicted.insert(
                                id,
                                (p.point.lat_deg(), p.point.lon_deg(), p.ellipse.into()),
                            );
                        }
                    }
                    let pos = Ecef(nalgebra::Point3::new(est.mean[0], est.mean[1], est.mean[2]));
                    let g = ellipsoid.to_geodetic(&pos);
                    let cov: Matrix3<f64> = est.covar.fixed_view::<3, 3>(0, 0).into_owned();
                    TrackSnap {
                        id,
                        estimate_t_s: (est.time - launch).as_secs_f64(),
                        lat_deg: g.lat_deg(),
                        lon_deg: g.lon_deg(),
                        alt_km: g.h_m / 1000.0,
                        position_2sigma: position_ellipse(g, &cov),
                        impact: k.predicted.get(&id).copied(),
                    }
                })
                .collect();
            k.snapshots.push(((now - launch).as_secs_f64(), snaps));
        },
    )?;
    let mut snapshots: Vec<_> = kept.into_iter().map(|k| k.snapshots).collect();
    for (i, &f) in first.iter().enumerate() {
        if f < i {
            snapshots[i] = snapshots[f].clone();
        }
    }
    let runs = pictures
        .iter()
        .zip(scored.pictures)
        .zip(snapshots)
        .map(|((picture, metrics), snapshots)| PictureRun {
            name: picture.name.clone(),
            metrics,
            snapshots,
        })
        .collect();
    Ok(PicturesOutcome {
        runs,
        comparison: scored.comparison,
        launches: flights.iter().map(|(launch, _)| *launch).collect(),
    })
}

/// The track mark's ellipse: the core's horizontal ellipse of the position covariance, at
/// [`POSITION_SIGMAS`].
fn position_ellipse(at: Geodetic, cov_ecef_m2: &Matrix3<f64>) -> GroundEllipse {
    let (_, ellipsoid, _) = pipeline_models();
    ErrorEllipse::horizontal_of_ecef(
        &ellipsoid,
        at,
        cov_ecef_m2,
        POSITION_SIGMAS * POSITION_SIGMAS,
        ErrorEllipse::sigma_confidence(POSITION_SIGMAS),
    )
    .into()
}

impl PictureRun {
    /// The confirmed tracks as they stood at `t_s` (the last snapshot at or before it).
    pub fn tracks_at(&self, t_s: f64) -> &[TrackSnap] {
        let i = self.snapshots.partition_point(|(t, _)| *t <= t_s);
        if i == 0 {
            &[]
        } else {
            &self.snapshots[i - 1].1
        }
    }

    /// First track established, s after launch.
    pub fn first_track_s(&self, launch: SimTime) -> Option<f64> {
        self.metrics
            .missiles
            .iter()
            .filter_map(|m| m.established)
            .min()
            .map(|t| (t - launch).as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::flight::FlightView;
    use crate::present::launch_form::LaunchForm;
    use picture_sim::earth::Ellipsoid;
    use picture_sim::tracking::metrics::{MetricsConfig, TrueImpact};
    use picture_sim::tracking::tracker::TrackerConfig;
    use picture_sim::truth::Truth;

    #[test]
    fn a_side_by_side_map_names_its_nations_and_says_when_it_has_a_track() {
        let b = builtin_pictures();
        assert_eq!(picture_nations(&b, "Japan alone"), Some(vec![Nation::JP]));
        let shared = picture_nations(&b, "Japan with sharing").unwrap();
        assert!(shared.contains(&Nation::JP) && shared.contains(&Nation::KR));
        assert_eq!(picture_nations(&b, "Atlantis"), None);
        assert_eq!(track_status(None, 100.0), "no track yet");
        assert_eq!(track_status(Some(76.0), 70.0), "no track yet");
        assert_eq!(track_status(Some(76.0), 76.0), "track since T+01:16");
    }

    /// The default launch, every sensor's detections of it (seed 7) and the built-in pictures run on them.
    fn default_pictures() -> (
        FlightView,
        crate::present::detections::Detections,
        PicturesOutcome,
    ) {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let d = crate::present::detections::detect_with_every_sensor(&[&flight], 7);
        let out = run_pictures(
            &[(0, &flight)],
            &builtin_pictures(),
            &d.nations,
            &d.measurements,
        )
        .unwrap();
        (flight, d, out)
    }

    #[test]
    fn one_run_per_picture_scores_as_the_core_does() {
        // The snapshots ride on the scoring run: the scores must be the core's own, run for run.
        let (flight, d, out) = default_pictures();
        let s = &flight.flight.summary;
        let core = picture_sim::tracking::metrics::evaluate_pictures(
            &builtin_pictures(),
            &d.nations,
            &d.measurements,
            &TrackerConfig::default(),
            &Ellipsoid::WGS84,
            &[&flight.flight.trajectory as &dyn Truth],
            &[TrueImpact {
                point: Geodetic::from_deg(s.impact_lat_deg, s.impact_lon_deg, 0.0).unwrap(),
                time: flight.flight.trajectory.end(),
            }],
            &MetricsConfig::default(),
        )
        .unwrap();
        let ours: Vec<_> = out.runs.iter().map(|r| r.metrics.clone()).collect();
        assert_eq!(ours, core);
        assert!(out.runs.iter().all(|r| !r.snapshots.is_empty()));
    }

    #[test]
    fn the_trilateral_picture_tracks_no_later_than_japan_alone() {
        let (flight, _, out) = default_pictures();
        assert_eq!(out.runs.len(), 8);
        // Pictures with the same links share their run: the same snapshots.
        let shared = |name: &str| out.runs.iter().find(|r| r.name == name).unwrap();
        assert_eq!(
            shared("Japan with sharing").snapshots,
            shared("Trilateral (Hawaii hub)").snapshots
        );
        let launch = flight.flight.trajectory.start();
        let first = |name: &str| {
            out.runs
                .iter()
                .find(|r| r.name.starts_with(name))
                .unwrap()
                .first_track_s(launch)
        };
        let (japan, tri) = (first("Japan").unwrap(), first("Trilateral").unwrap());
        assert!(tri < japan, "trilateral {tri} s, Japan {japan} s");
        let run = out
            .runs
            .iter()
            .find(|r| r.name.starts_with("Trilateral"))
            .unwrap();
        let mid = flight.duration_s() / 2.0;
        let tracks = run.tracks_at(mid);
        // Every confirmed track is on the missile (snapshots are up to 2 s old: a few km behind at 4 km/s).
        // The tracker has no track-to-track merge yet, so a fused picture may hold a duplicate.
        let truth = flight.at(mid);
        assert!(!tracks.is_empty());
        for t in tracks {
            assert!(
                (t.lat_deg - truth.lat_deg).abs() < 0.3 && (t.lon_deg - truth.lon_deg).abs() < 0.3,
                "{t:?}"
            );
            assert!(t.impact.is_some());
        }
    }

    #[test]
    fn missiles_and_warning_times_are_found_by_launch_and_picture_not_by_position() {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let d = crate::present::detections::detect_with_every_sensor(&[&flight], 7);
        // The only flying launch is the scenario's third (the first two could not fly).
        let out = run_pictures(
            &[(2, &flight)],
            &builtin_pictures(),
            &d.nations,
            &d.measurements,
        )
        .unwrap();
        assert_eq!(out.launches, vec![2]);
        let tri = picture_sim::tracking::picture::TRILATERAL;
        let established = out.run(tri).unwrap().metrics.missiles[0].established;
        assert!(established.is_some());
        assert_eq!(out.established(tri, 2), established);
        assert_eq!(out.established(tri, 0), None);
        assert_eq!(out.established("no such picture", 2), None);
        // The warning rows follow the runs, each matched to its comparison row by name.
        let rows = out.warning_left_s(Event::Established);
        assert_eq!(rows.len(), out.runs.len());
        for (name, left) in &rows {
            let row = out
                .comparison
                .rows
                .iter()
                .find(|r| &r.picture == name)
                .unwrap();
            assert_eq!(*left, row.warning_left_s_at(Event::Established));
        }
    }

    #[test]
    fn no_flight_is_a_status_not_a_message() {
        let e = run_pictures(&[], &builtin_pictures(), &[], &[]).unwrap_err();
        assert_eq!(e, PicturesError::NoFlight);
        assert_eq!(e.to_string(), "no flight");
    }
}
