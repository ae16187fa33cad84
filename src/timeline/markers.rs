//! The scrubber's markers: each launch and impact, each picture's first detection and first track, and the
//! shown picture's predicted-impact milestones (within 100 km, within 25 km). Pure, tested natively.

use crate::present::pictures::PictureRun;
use picture_sim::tracking::metrics::MissileMetrics;
use picture_sim::tracking::sorted::sort_stable_by;
use picture_sim::SimTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    Launch,
    Impact,
    FirstDetection,
    FirstTrack,
    ImpactWithin100Km,
    ImpactWithin25Km,
}

impl MarkerKind {
    /// A class name for the marker's style.
    pub fn class(self) -> &'static str {
        match self {
            MarkerKind::Launch => "launch",
            MarkerKind::Impact => "impact",
            MarkerKind::FirstDetection => "detection",
            MarkerKind::FirstTrack => "track",
            MarkerKind::ImpactWithin100Km => "impact-100",
            MarkerKind::ImpactWithin25Km => "impact-25",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Seconds after the scenario's start.
    pub t_s: f64,
    pub kind: MarkerKind,
    /// What a reader sees on hover and hears from a screen reader.
    pub label: String,
}

/// The earliest time over the picture's missiles of one event, seconds.
fn earliest(run: &PictureRun, event: impl Fn(&MissileMetrics) -> Option<SimTime>) -> Option<f64> {
    run.metrics
        .missiles
        .iter()
        .filter_map(event)
        .min()
        .map(SimTime::as_secs)
}

/// All markers in time order. `flights` gives each launch's (launch, impact) time in seconds after the start;
/// `shown` names the picture on the map, whose impact milestones are marked.
pub fn markers(flights: &[(f64, f64)], runs: &[PictureRun], shown: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let many = flights.len() > 1;
    for (i, &(launch_s, impact_s)) in flights.iter().enumerate() {
        let which = if many {
            format!(" {}", i + 1)
        } else {
            String::new()
        };
        out.push(Marker {
            t_s: launch_s,
            kind: MarkerKind::Launch,
            label: format!("Launch{which}"),
        });
        out.push(Marker {
            t_s: impact_s,
            kind: MarkerKind::Impact,
            label: format!("Impact{which}"),
        });
    }
    for run in runs {
        let mut push = |t: Option<f64>, kind, what: &str| {
            if let Some(t_s) = t {
                out.push(Marker {
                    t_s,
                    kind,
                    label: format!("{}: {what}", run.name),
                });
            }
        };
        push(
            earliest(run, |m| m.first_detection),
            MarkerKind::FirstDetection,
            "first detection",
        );
        push(
            earliest(run, |m| m.established),
            MarkerKind::FirstTrack,
            "first track",
        );
        if run.name == shown {
            push(
                earliest(run, |m| m.impact_within_100km),
                MarkerKind::ImpactWithin100Km,
                "predicted impact within 100 km",
            );
            push(
                earliest(run, |m| m.impact_within_25km),
                MarkerKind::ImpactWithin25Km,
                "predicted impact within 25 km",
            );
        }
    }
    sort_stable_by(&mut out, |a, b| a.t_s.total_cmp(&b.t_s));
    out
}

/// Where a time sits along the scrubber, as a percentage of its length (clamped to the track).
pub fn position_pct(t_s: f64, duration_s: f64) -> f64 {
    if duration_s > 0.0 && t_s.is_finite() {
        (t_s / duration_s * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use picture_sim::tracking::metrics::PictureMetrics;

    fn run(name: &str, detections_s: &[Option<f64>], tracks_s: &[Option<f64>]) -> PictureRun {
        let t = |s: Option<f64>| s.map(SimTime::from_secs);
        PictureRun {
            name: name.into(),
            metrics: PictureMetrics {
                picture: name.into(),
                missiles: detections_s
                    .iter()
                    .zip(tracks_s)
                    .enumerate()
                    .map(|(i, (&d, &k))| MissileMetrics {
                        missile: i,
                        true_impact_time: SimTime::from_secs(800.0),
                        first_detection: t(d),
                        established: t(k),
                        impact_within_100km: t(k.map(|k| k + 100.0)),
                        impact_within_25km: None,
                        position_error_m: vec![],
                        impact_error_m: vec![],
                    })
                    .collect(),
                stats: Default::default(),
                siap: Default::default(),
            },
            snapshots: vec![],
        }
    }

    #[test]
    fn marks_launches_impacts_and_each_pictures_earliest_events_in_order() {
        let runs = [
            run(
                "Japan alone",
                &[Some(90.0), Some(80.0)],
                &[Some(120.0), None],
            ),
            run("Trilateral", &[Some(20.0), None], &[Some(40.0), None]),
        ];
        let m = markers(&[(0.0, 800.0), (30.0, 820.0)], &runs, "Trilateral");
        let labels: Vec<_> = m.iter().map(|m| (m.t_s, m.label.as_str())).collect();
        assert_eq!(
            labels,
            vec![
                (0.0, "Launch 1"),
                (20.0, "Trilateral: first detection"),
                (30.0, "Launch 2"),
                (40.0, "Trilateral: first track"),
                (80.0, "Japan alone: first detection"),
                (120.0, "Japan alone: first track"),
                (140.0, "Trilateral: predicted impact within 100 km"),
                (800.0, "Impact 1"),
                (820.0, "Impact 2"),
            ]
        );
        assert!(
            !m.iter()
                .any(|m| m.label.starts_with("Japan alone: predicted")),
            "milestones only for the shown picture"
        );
    }

    #[test]
    fn positions_clamp_to_the_track() {
        assert_eq!(position_pct(50.0, 200.0), 25.0);
        assert_eq!(position_pct(-5.0, 200.0), 0.0);
        assert_eq!(position_pct(500.0, 200.0), 100.0);
        assert_eq!(position_pct(5.0, 0.0), 0.0);
    }
}
