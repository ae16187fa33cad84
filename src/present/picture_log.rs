//! The picture log: the events of the selected launch in time order (launch, each nation's first detection,
//! the shown picture's milestones, impact), for a reader who cannot watch the map (a screen reader hears them
//! as the clock passes them) or wants them as a list. Built from the same events as the "now" line, never
//! written per preset. Pure, tested natively.

use crate::present::detections::SensorRow;
use crate::present::flight::FlightView;
use crate::present::now_line::{altitude, capitalised, clock, possessive, NATIONS};
use picture_sim::tracking::metrics::MissileMetrics;

/// What the log is made from.
pub struct LogInput<'a> {
    /// The launch the log is about (the selected one) and its flight.
    pub launch: usize,
    pub flight: &'a FlightView,
    /// Every sensor's row; those of `launch` are used.
    pub rows: &'a [SensorRow],
    /// The picture the map shows and its milestones for this launch (none while they are computed).
    pub picture: Option<(&'a str, Option<&'a MissileMetrics>)>,
}

/// One event: when it counts as passed (s after the scenario start) and what, in words that begin with its T+
/// time.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEvent {
    pub t_s: f64,
    pub text: String,
}

/// Every event of the launch, in time order (ties keep the order of the story: detection before track).
pub fn picture_log(m: &LogInput) -> Vec<LogEvent> {
    let launch_s = m.flight.launch_offset_s();
    let end_s = launch_s + m.flight.duration_s();
    let at = |t_s: f64| clock(t_s - launch_s);
    let mut events = vec![LogEvent {
        t_s: launch_s,
        text: format!("{}: launch.", at(launch_s)),
    }];
    for nation in NATIONS {
        let first = m
            .rows
            .iter()
            .filter(|r| r.launch == m.launch && r.nation == nation)
            .filter_map(|r| r.first_detection_s.map(|t| (t, r)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((t_s, row)) = first {
            events.push(LogEvent {
                t_s,
                text: format!(
                    "{}: {} first detection, by {}; the missile is {}.",
                    at(t_s),
                    capitalised(&possessive(nation)),
                    row.name,
                    altitude(m.flight.at_scenario(t_s).alt_km)
                ),
            });
        }
    }
    if let Some((name, Some(mm))) = m.picture {
        let milestones = [
            (
                mm.established,
                "a track is established and kept".to_string(),
            ),
            (
                mm.impact_within_100km,
                "the predicted impact stays within 100 km of the true one".to_string(),
            ),
            (
                mm.impact_within_25km,
                "the predicted impact stays within 25 km of the true one".to_string(),
            ),
        ];
        for (t, what) in milestones {
            if let Some(t) = t {
                let t_s = t.as_secs();
                events.push(LogEvent {
                    t_s,
                    text: format!("{}: {name}: {what}.", at(t_s)),
                });
            }
        }
    }
    // Within the last second counts as impact, as on the "now" line: the clock's end is reached in whole
    // seconds.
    events.push(LogEvent {
        t_s: end_s - 1.0,
        text: format!("{}: impact.", at(end_s)),
    });
    in_time_order(events)
}

/// A stable insertion sort: a dozen events, and `sort_by` would add about 5 kB gzip of sorting code to the
/// page (measured).
fn in_time_order(events: Vec<LogEvent>) -> Vec<LogEvent> {
    let mut out: Vec<LogEvent> = Vec::with_capacity(events.len());
    for e in events {
        let at = out
            .iter()
            .rposition(|o| o.t_s <= e.t_s)
            .map_or(0, |i| i + 1);
        out.insert(at, e);
    }
    out
}

/// How many of `events` (in time order) have happened by `t_s`.
pub fn passed(events: &[LogEvent], t_s: f64) -> usize {
    events.iter().take_while(|e| e.t_s <= t_s + 1e-9).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::detections::detect_with_every_sensor;
    use crate::present::launch_form::LaunchForm;
    use picture_sim::SimTime;

    #[test]
    fn the_default_launch_logs_korea_before_japan_and_the_pictures_milestones() {
        let flight = FlightView::fly(&LaunchForm::default()).expect("the default launch flies");
        let rows = detect_with_every_sensor(&[&flight], 1).rows;
        let metrics = MissileMetrics {
            missile: 0,
            true_impact_time: SimTime::from_secs(flight.duration_s()),
            first_detection: Some(SimTime::from_secs(20.0)),
            established: Some(SimTime::from_secs(30.0)),
            impact_within_100km: Some(SimTime::from_secs(140.0)),
            impact_within_25km: None,
            position_error_m: Vec::new(),
            impact_error_m: Vec::new(),
        };
        let events = picture_log(&LogInput {
            launch: 0,
            flight: &flight,
            rows: &rows,
            picture: Some(("Japan with sharing", Some(&metrics))),
        });
        let texts: Vec<&str> = events.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts.first(), Some(&"T+00:00: launch."), "{texts:#?}");
        assert!(
            texts.last().is_some_and(|t| t.ends_with(": impact.")),
            "{texts:#?}"
        );
        assert!(
            events.windows(2).all(|w| w[0].t_s <= w[1].t_s),
            "in time order"
        );
        let position = |needle: &str| {
            texts
                .iter()
                .position(|t| t.contains(needle))
                .unwrap_or_else(|| panic!("{needle} in {texts:#?}"))
        };
        assert!(position("South Korea's first detection") < position("Japan's first detection"));
        assert!(texts.contains(&"T+00:30: Japan with sharing: a track is established and kept."));
        assert!(texts.iter().any(|t| t
            .starts_with("T+02:20: Japan with sharing: the predicted impact stays within 100 km")));
        assert!(
            !texts.iter().any(|t| t.contains("25 km")),
            "a milestone not reached is not logged"
        );
        // Every first detection names its sensor and the missile's height, never "-0 km".
        for t in texts.iter().filter(|t| t.contains("first detection")) {
            assert!(
                t.contains(", by ") && (t.contains(" km up") || t.contains("on the ground")),
                "{t}"
            );
            assert!(!t.contains("-0"), "{t}");
        }
        assert_eq!(passed(&events, -1.0), 0);
        assert_eq!(passed(&events, 0.0), 1);
        assert_eq!(passed(&events, 30.0), position("track is established") + 1);
        assert_eq!(passed(&events, flight.duration_s()), events.len());
        // The clock's end, in whole seconds, reaches the impact.
        assert_eq!(passed(&events, flight.duration_s().floor()), events.len());
    }
}
