//! The shared picture as the UI shows it: for each fusion centre (Japan alone, South Korea alone, United
//! States, legacy, trilateral), its scores against the true flight and its confirmed tracks over time with
//! their uncertainty and predicted impact. Pure, tested natively.

use crate::present::flight::FlightView;
use nalgebra::{Matrix2, Matrix3};
use picture_sim::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use picture_sim::measurement::Measurement;
use picture_sim::sensors::Nation;
use picture_sim::tracking::impact::predict_impact;
use picture_sim::tracking::metrics::{
    compare, evaluate_picture_observed, Comparison, MetricsConfig, PictureMetrics, TrueImpact,
};
use picture_sim::tracking::picture::{LatencyDefaults, PictureConfig};
use picture_sim::tracking::predictor::MODE_BALLISTIC;
use picture_sim::tracking::tracker::TrackerConfig;
use picture_sim::truth::Truth;
use picture_sim::SimTime;

/// Track snapshots are kept at most this often (ms of fusion-centre time): enough for smooth playback.
const SNAPSHOT_EVERY_MS: i64 = 2_000;
/// Impact predictions are made at most this often per picture (ms): each is a propagation to the ground.
const IMPACT_EVERY_MS: i64 = 10_000;

/// A horizontal ellipse on the ground.
///
/// # Units
/// Semi-axes in metres; orientation of the major axis in degrees clockwise from north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroundEllipse {
    pub semi_major_m: f64,
    pub semi_minor_m: f64,
    pub orientation_deg: f64,
}

/// A confirmed track at one time.
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
pub struct PictureRun {
    pub name: String,
    pub metrics: PictureMetrics,
    /// (seconds after the scenario start, confirmed tracks) in time order.
    pub snapshots: Vec<(f64, Vec<TrackSnap>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PicturesOutcome {
    pub runs: Vec<PictureRun>,
    pub comparison: Comparison,
}

/// The built-in pictures with the default link latencies.
pub fn builtin_pictures() -> Vec<PictureConfig> {
    PictureConfig::builtin(&LatencyDefaults::default())
}

/// Runs every picture on the sensors' measurements of the scenario's flights. `nations[i]` is the nation of
/// the sensor with index `i` in the measurements. Snapshot times are seconds after the scenario start.
pub fn run_pictures(
    flights: &[&FlightView],
    pictures: &[PictureConfig],
    nations: &[Nation],
    measurements: &[Measurement],
) -> Result<PicturesOutcome, String> {
    let ellipsoid = Ellipsoid::WGS84;
    let config = TrackerConfig::default();
    let truths: Vec<&dyn Truth> = flights
        .iter()
        .map(|f| &f.flight.trajectory as &dyn Truth)
        .collect();
    let impacts: Vec<TrueImpact> = flights
        .iter()
        .map(|f| {
            let s = &f.flight.summary;
            TrueImpact {
                point: Geodetic {
                    lat_rad: s.impact_lat_deg.to_radians(),
                    lon_rad: s.impact_lon_deg.to_radians(),
                    h_m: 0.0,
                },
                time: f.flight.trajectory.end(),
            }
        })
        .collect();
    let launch = SimTime::ZERO;
    let ballistic = config.predictor.models[MODE_BALLISTIC];
    let mut runs = Vec::with_capacity(pictures.len());
    for picture in pictures {
        let mut snapshots: Vec<(f64, Vec<TrackSnap>)> = Vec::new();
        let mut last_snap: Option<SimTime> = None;
        let mut last_impact: Option<SimTime> = None;
        let mut predicted: std::collections::HashMap<u64, (f64, f64, GroundEllipse)> =
            Default::default();
        // Scores and snapshots from the same run of the tracker.
        let metrics = evaluate_picture_observed(
            picture,
            nations,
            measurements,
            &config,
            &ellipsoid,
            &truths,
            &impacts,
            &MetricsConfig::default(),
            |now, _, tracker| {
                if last_snap.is_some_and(|t| now - t < SNAPSHOT_EVERY_MS) {
                    return;
                }
                last_snap = Some(now);
                let predict = last_impact.is_none_or(|t| now - t >= IMPACT_EVERY_MS);
                if predict {
                    last_impact = Some(now);
                }
                let snaps = tracker
                    .confirmed_tracks()
                    .map(|t| {
                        let est = t.estimate();
                        let id = t.id.0;
                        if predict {
                            if let Ok(p) = predict_impact(&est, &ballistic, &ellipsoid, 3600.0) {
                                let e = GroundEllipse {
                                    semi_major_m: p.ellipse.semi_major_m,
                                    semi_minor_m: p.ellipse.semi_minor_m,
                                    orientation_deg: p.ellipse.orientation_deg,
                                };
                                predicted.insert(id, (p.point.lat_deg(), p.point.lon_deg(), e));
                            }
                        }
                        let pos =
                            Ecef(nalgebra::Point3::new(est.mean[0], est.mean[1], est.mean[2]));
                        let g = ellipsoid.to_geodetic(&pos);
                        let cov: Matrix3<f64> = est.covar.fixed_view::<3, 3>(0, 0).into_owned();
                        TrackSnap {
                            id,
                            estimate_t_s: (est.time - launch) as f64 / 1000.0,
                            lat_deg: g.lat_deg(),
                            lon_deg: g.lon_deg(),
                            alt_km: g.h_m / 1000.0,
                            position_2sigma: horizontal_ellipse(&ellipsoid, g, &cov, 2.0),
                            impact: predicted.get(&id).copied(),
                        }
                    })
                    .collect();
                snapshots.push(((now - launch) as f64 / 1000.0, snaps));
            },
        )
        .map_err(|e| e.to_string())?;
        runs.push(PictureRun {
            name: picture.name.clone(),
            metrics,
            snapshots,
        });
    }
    let comparison = compare(&runs.iter().map(|r| r.metrics.clone()).collect::<Vec<_>>());
    Ok(PicturesOutcome { runs, comparison })
}

/// The `k`-sigma ellipse of the horizontal (east-north) part of an ECEF position covariance at a point.
pub fn horizontal_ellipse(
    ellipsoid: &Ellipsoid,
    at: Geodetic,
    cov_ecef_m2: &Matrix3<f64>,
    k: f64,
) -> GroundEllipse {
    let frame = LocalFrame::at(ellipsoid, Geodetic { h_m: 0.0, ..at });
    let r = Matrix3::from_fn(|i, j| {
        frame.vector_to_enu(&Matrix3::<f64>::identity().column(j).into_owned())[i]
    });
    let enu = r * cov_ecef_m2 * r.transpose();
    let en = Matrix2::new(enu[(0, 0)], enu[(0, 1)], enu[(1, 0)], enu[(1, 1)]);
    // Closed-form eigen-decomposition of a symmetric 2x2 matrix.
    let (a, b, c) = (en[(0, 0)], (en[(0, 1)] + en[(1, 0)]) / 2.0, en[(1, 1)]);
    let mean = (a + c) / 2.0;
    let d = (((a - c) / 2.0).powi(2) + b * b).sqrt();
    let (l1, l2) = ((mean + d).max(0.0), (mean - d).max(0.0));
    // Major-axis direction (east, north), as a bearing from north.
    let angle_from_east = 0.5 * (2.0 * b).atan2(a - c);
    GroundEllipse {
        semi_major_m: k * l1.sqrt(),
        semi_minor_m: k * l2.sqrt(),
        orientation_deg: (90.0 - angle_from_east.to_degrees()).rem_euclid(180.0),
    }
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
            .map(|t| (t - launch) as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::launch_form::LaunchForm;

    #[test]
    fn horizontal_ellipse_of_known_covariances() {
        let e = Ellipsoid::WGS84;
        let at = Geodetic::from_deg(38.0, 130.0, 0.0).unwrap();
        let frame = LocalFrame::at(&e, at);
        // 300 m east, 100 m north (sigma), built in ENU and rotated to ECEF.
        let r = Matrix3::from_fn(|i, j| {
            frame.vector_to_ecef(&Matrix3::<f64>::identity().column(j).into_owned())[i]
        });
        let enu = Matrix3::from_diagonal(&nalgebra::Vector3::new(
            300.0f64.powi(2),
            100.0f64.powi(2),
            50.0f64.powi(2),
        ));
        let ecef = r * enu * r.transpose();
        let el = horizontal_ellipse(&e, at, &ecef, 2.0);
        assert!((el.semi_major_m - 600.0).abs() < 1e-6 && (el.semi_minor_m - 200.0).abs() < 1e-6);
        assert!((el.orientation_deg - 90.0).abs() < 1e-6, "{el:?}");
    }

    /// The default launch, every sensor's detections of it (seed 7) and the built-in pictures run on them.
    fn default_pictures() -> (
        FlightView,
        crate::present::detections::Detections,
        PicturesOutcome,
    ) {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let d = crate::present::detections::detect_with_every_sensor(&[&flight], 7);
        let out =
            run_pictures(&[&flight], &builtin_pictures(), &d.nations, &d.measurements).unwrap();
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
        assert_eq!(out.runs.len(), 5);
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
}
