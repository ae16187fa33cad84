//! The first-visit tour: a few steps that stop the clock at the moments that matter (the first South Korean
//! detection, the first Japanese one, and what sharing adds to Japan's picture), each told in words from the
//! same events as the "now" line and the picture log (the sensors' first detections, the pictures' first
//! tracks), never written per preset. Pure, tested natively.

use crate::present::detections::{nation_name, SensorRow};
use crate::present::flight::FlightView;
use crate::present::now_line::{altitude, capitalised, clock, possessive};
use picture_sim::sensors::{MissReason, Nation};

/// The nations whose first detections the tour stops at: the one nearest the launch sites, then Japan.
const TOLD: [Nation; 2] = [Nation::KR, Nation::JP];

/// What the tour is made from.
pub struct TourInput<'a> {
    /// The launch the tour is about (the selected one) and its flight.
    pub launch: usize,
    pub flight: &'a FlightView,
    /// Every sensor's row; those of `launch` are used.
    pub rows: &'a [SensorRow],
    /// Japan's picture with sharing and its first track on this launch (s after the scenario start), if the
    /// scenario runs that picture.
    pub shared: Option<(&'a str, Option<f64>)>,
    /// Japan's picture alone and its first track, likewise.
    pub alone: Option<(&'a str, Option<f64>)>,
}

/// One stop of the tour: where the clock goes (s after the scenario start) and what it says there.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStep {
    pub t_s: f64,
    pub title: String,
    pub text: String,
}

/// A length of time in words: "40 s", "2 min", "1 min 05 s", a number never parted from its unit at a line's
/// end (no-break spaces).
pub fn span(s: f64) -> String {
    let t = s.max(0.0).round() as i64;
    match (t / 60, t % 60) {
        (0, s) => format!("{s}\u{a0}s"),
        (m, 0) => format!("{m}\u{a0}min"),
        (m, s) => format!("{m}\u{a0}min {s:02}\u{a0}s"),
    }
}

/// The nation's earliest detecting sensor of `launch` and when it first detected.
fn first_detection(rows: &[SensorRow], launch: usize, nation: Nation) -> Option<(f64, &SensorRow)> {
    rows.iter()
        .filter(|r| r.launch == launch && r.nation == nation)
        .filter_map(|r| r.first_detection_s.map(|t| (t, r)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

/// Whether any of the nation's sensors watched `launch` at all (a nation switched off is not mentioned).
fn watches(rows: &[SensorRow], launch: usize, nation: Nation) -> bool {
    rows.iter()
        .any(|r| r.launch == launch && r.nation == nation)
}

/// The tour's steps for `m`: what the page shows (at the launch), each told nation's first detection in time
/// order, and what sharing adds. Empty without the sensors' rows (the analyses have not answered).
pub fn tour_steps(m: &TourInput) -> Vec<TourStep> {
    if m.rows.is_empty() {
        return Vec::new();
    }
    let launch_s = m.flight.launch_offset_s();
    let end_s = launch_s + m.flight.duration_s();
    let at = |t_s: f64| clock(t_s - launch_s);
    let mut steps = vec![TourStep {
        t_s: launch_s,
        title: "What this page shows".into(),
        text: format!(
            "{}: a missile is launched; it comes down at {}. The map shows its flight and the radars of \
             South Korea, Japan and the United States, each of which sees it only once it clears that radar's \
             horizon. Next stops the clock at the moments that matter.",
            at(launch_s),
            at(end_s)
        ),
    }];
    // The told nations' first detections, earliest first (two of them: no sort needed).
    let mut firsts: Vec<(Nation, Option<(f64, &SensorRow)>)> = TOLD
        .iter()
        .filter(|&&n| watches(m.rows, m.launch, n))
        .map(|&n| (n, first_detection(m.rows, m.launch, n)))
        .collect();
    let when = |f: &Option<(f64, &SensorRow)>| f.map_or(f64::INFINITY, |(t, _)| t);
    if firsts.len() == 2 && when(&firsts[1].1) < when(&firsts[0].1) {
        firsts.swap(0, 1);
    }
    for (i, &(nation, first)) in firsts.iter().enumerate() {
        let Some((t_s, row)) = first else { continue };
        let mut text = format!(
            "{}: {} first detection: {} sees the missile, {}.",
            at(t_s),
            possessive(nation),
            row.name,
            altitude(m.flight.at_scenario(t_s).alt_km)
        );
        for &(other, other_first) in firsts.iter().filter(|(n, _)| *n != nation) {
            let theirs = capitalised(&possessive(other));
            match other_first {
                Some((t, _)) if t > t_s => {
                    let why = match other_first.and_then(|(_, r)| r.held_back_by) {
                        Some(MissReason::BelowHorizon) => ", when it clears their horizon",
                        Some(MissReason::BeyondRange) => ", when it comes within their range",
                        _ => "",
                    };
                    text += &format!(
                        " {theirs} sensors cannot see it until about {}{why}.",
                        at(t)
                    );
                }
                Some((t, _)) => {
                    text += &format!(
                        " {theirs} sensors have had it since {}, {} earlier.",
                        at(t),
                        span(t_s - t)
                    );
                }
                None if i == 0 => {
                    text += &format!(" {theirs} sensors do not see this launch.");
                }
                None => {}
            }
        }
        steps.push(TourStep {
            t_s,
            title: format!("{} sees it", nation_name(nation)),
            text,
        });
    }
    if let (Some((shared, s)), Some((alone, a))) = (m.shared, m.alone) {
        let (t_s, text) = match (s, a) {
            (Some(s), Some(a)) if s < a => (
                a,
                format!(
                    "{}: {alone} has its first track only now; {shared} has had one since {}: {} sooner, \
                     from its partners' radars. That leaves {} of warning before the impact at {} instead of {}.",
                    at(a),
                    at(s),
                    span(a - s),
                    span(end_s - s),
                    at(end_s),
                    span(end_s - a)
                ),
            ),
            (Some(s), Some(a)) => (
                a.max(s),
                format!(
                    "{}: {shared} has its first track at {}, {alone} at {}: on this launch sharing gains \
                     no time.",
                    at(a.max(s)),
                    at(s),
                    at(a)
                ),
            ),
            (Some(s), None) => (
                s,
                format!(
                    "{}: {shared} has its first track, {} before the impact at {}; {alone} never tracks \
                     this launch.",
                    at(s),
                    span(end_s - s),
                    at(end_s)
                ),
            ),
            (None, _) => (
                end_s - 1.0,
                format!("{}: impact. Neither {shared} nor {alone} tracked this launch.", at(end_s)),
            ),
        };
        steps.push(TourStep {
            t_s,
            title: "What sharing adds".into(),
            text,
        });
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::detections::detect_with_every_sensor;
    use crate::present::launch_form::LaunchForm;
    use picture_sim::tracking::picture::{JAPAN, JAPAN_SHARING};

    fn default_flight_rows() -> (FlightView, Vec<SensorRow>) {
        let flight = FlightView::fly(&LaunchForm::default()).expect("the default launch flies");
        let rows = detect_with_every_sensor(&[&flight], 1).rows;
        (flight, rows)
    }

    fn first(rows: &[SensorRow], n: Nation) -> f64 {
        first_detection(rows, 0, n).expect("detected").0
    }

    #[test]
    fn the_default_launch_stops_at_korea_then_japan_then_the_gain() {
        let (flight, rows) = default_flight_rows();
        let (kr, jp) = (first(&rows, Nation::KR), first(&rows, Nation::JP));
        assert!(kr < jp, "South Korea first ({kr} s), Japan later ({jp} s)");
        // The pictures' first tracks: sharing before Japan's own.
        let (s, a) = (kr + 12.0, jp + 30.0);
        let steps = tour_steps(&TourInput {
            launch: 0,
            flight: &flight,
            rows: &rows,
            shared: Some((JAPAN_SHARING, Some(s))),
            alone: Some((JAPAN, Some(a))),
        });
        assert!((3..=5).contains(&steps.len()), "{steps:#?}");
        let times: Vec<f64> = steps.iter().map(|s| s.t_s).collect();
        assert_eq!(times, vec![0.0, kr, jp, a], "the stops, in time order");
        assert_eq!(steps[1].title, "South Korea sees it");
        assert_eq!(steps[2].title, "Japan sees it");
        let end = flight.duration_s();
        assert!(steps[0].text.starts_with("T+00:00: a missile is launched"));
        assert!(steps[0]
            .text
            .contains(&format!("comes down at {}", clock(end))));
        // The moments, in the now line's words and times.
        assert!(
            steps[1]
                .text
                .starts_with(&format!("{}: South Korea's first detection", clock(kr))),
            "{}",
            steps[1].text
        );
        assert!(
            steps[1].text.contains(&format!(
                "Japan's sensors cannot see it until about {}, when it clears their horizon.",
                clock(jp)
            )),
            "{}",
            steps[1].text
        );
        assert!(
            steps[2].text.contains(&format!(
                "South Korea's sensors have had it since {}, {} earlier.",
                clock(kr),
                span(jp - kr)
            )),
            "{}",
            steps[2].text
        );
        let gain = &steps[3].text;
        assert!(gain.starts_with(&format!(
            "{}: Japan alone has its first track only now",
            clock(a)
        )));
        assert!(gain.contains(&format!(
            "Japan with sharing has had one since {}: {} sooner",
            clock(s),
            span(a - s)
        )));
        assert!(gain.contains(&format!(
            "{} of warning before the impact at {} instead of {}.",
            span(end - s),
            clock(end),
            span(end - a)
        )));
        for s in &steps {
            assert!(!s.text.contains("-0"), "{}", s.text);
            assert!(!s.text.contains('<'), "plain text: {}", s.text);
        }
    }

    #[test]
    fn without_the_analyses_there_is_no_tour() {
        let (flight, _) = default_flight_rows();
        let none = tour_steps(&TourInput {
            launch: 0,
            flight: &flight,
            rows: &[],
            shared: Some((JAPAN_SHARING, None)),
            alone: Some((JAPAN, None)),
        });
        assert!(none.is_empty());
    }

    #[test]
    fn a_launch_korea_misses_and_a_picture_without_gain() {
        let (flight, rows) = default_flight_rows();
        let jp_only: Vec<SensorRow> = rows
            .iter()
            .cloned()
            .map(|mut r| {
                if r.nation == Nation::KR {
                    r.first_detection_s = None;
                }
                r
            })
            .collect();
        let jp = first(&rows, Nation::JP);
        let steps = tour_steps(&TourInput {
            launch: 0,
            flight: &flight,
            rows: &jp_only,
            shared: Some((JAPAN_SHARING, Some(jp + 20.0))),
            alone: Some((JAPAN, Some(jp + 20.0))),
        });
        assert_eq!(steps.len(), 3, "{steps:#?}");
        assert!(steps[1]
            .text
            .contains("South Korea's sensors do not see this launch."));
        assert!(steps[2]
            .text
            .ends_with("on this launch sharing gains no time."));
        // Without Japan's own picture in the scenario, no gain step.
        let no_alone = tour_steps(&TourInput {
            launch: 0,
            flight: &flight,
            rows: &rows,
            shared: Some((JAPAN_SHARING, Some(jp))),
            alone: None,
        });
        assert_eq!(no_alone.len(), 3);
        // A launch that neither picture tracks ends at the impact.
        let untracked = tour_steps(&TourInput {
            launch: 0,
            flight: &flight,
            rows: &rows,
            shared: Some((JAPAN_SHARING, None)),
            alone: Some((JAPAN, None)),
        });
        let last = untracked.last().unwrap();
        assert_eq!(last.t_s, flight.duration_s() - 1.0);
        assert!(last
            .text
            .contains("Neither Japan with sharing nor Japan alone tracked"));
    }

    #[test]
    fn spans_in_words() {
        let plain = |s: f64| span(s).replace('\u{a0}', " ");
        assert_eq!(plain(40.2), "40 s");
        assert_eq!(plain(120.0), "2 min");
        assert_eq!(plain(65.0), "1 min 05 s");
        assert_eq!(plain(-3.0), "0 s");
        assert_eq!(span(65.0), "1\u{a0}min 05\u{a0}s");
    }
}
