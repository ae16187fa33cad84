//! The "now" line under the map: what the picture says at the clock's time, in plain words, built from the
//! events the models produce (each sensor's first detection and horizon crossing, the picture's first track),
//! never written per preset. Pure, tested natively.

use crate::present::detections::{nation_name, SensorRow};
use crate::present::flight::{format_elapsed, FlightView};
use picture_sim::sensors::{MissReason, Nation};

/// Nations in the order the story is told: the one nearest the launch sites first.
pub(crate) const NATIONS: [Nation; 3] = [Nation::KR, Nation::JP, Nation::US];

/// What the line is made from.
pub struct Moment<'a> {
    /// The clock, seconds after the scenario start.
    pub t_s: f64,
    /// The launch the line is about (the selected one) and its flight.
    pub launch: usize,
    pub flight: &'a FlightView,
    /// Every sensor's row; those of `launch` are used.
    pub rows: &'a [SensorRow],
    /// The picture the map shows and when it first tracked this launch (s after the scenario start).
    pub picture: Option<(&'a str, Option<f64>)>,
    /// The picture it is measured against (the one compared with it, or Japan's own) and its first track.
    pub baseline: Option<(&'a str, Option<f64>)>,
}

/// What one nation's sensors made of the launch.
struct NationView {
    nation: Nation,
    first_s: Option<f64>,
    sees_now: bool,
    /// Why its earliest sensor could not see before its first detection.
    held_back_by: Option<MissReason>,
}

pub(crate) fn possessive(n: Nation) -> String {
    match n {
        Nation::US => "the United States'".into(),
        n => format!("{}'s", nation_name(n)),
    }
}

/// ASCII only (the nations' names are): `char::to_uppercase` would bring Unicode's case tables, 11 kB of
/// the page.
pub(crate) fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// "T+01:35" relative to the launch; "T-00:20" before it.
pub(crate) fn clock(t_after_launch_s: f64) -> String {
    if t_after_launch_s < -0.5 {
        format_elapsed(-t_after_launch_s).replacen('+', "-", 1)
    } else {
        format_elapsed(t_after_launch_s)
    }
}

/// Altitude in plain words, never "-0 km".
pub(crate) fn altitude(alt_km: f64) -> String {
    if alt_km < 0.5 {
        "on the ground".into()
    } else {
        format!("{:.0} km up", alt_km)
    }
}

fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

fn nations(m: &Moment) -> Vec<NationView> {
    NATIONS
        .iter()
        .filter_map(|&nation| {
            let rows: Vec<&SensorRow> = m
                .rows
                .iter()
                .filter(|r| r.launch == m.launch && r.nation == nation)
                .collect();
            if rows.is_empty() {
                return None;
            }
            let first = |r: &&&SensorRow| r.first_detection_s.unwrap_or(f64::INFINITY);
            let earliest = rows
                .iter()
                .filter(|r| r.first_detection_s.is_some())
                .min_by(|a, b| first(a).total_cmp(&first(b)));
            Some(NationView {
                nation,
                first_s: earliest.and_then(|r| r.first_detection_s),
                sees_now: rows.iter().any(|r| r.sees_at(m.t_s)),
                held_back_by: earliest.and_then(|r| r.held_back_by),
            })
        })
        .collect()
}

/// The line for `m`.
pub fn now_line(m: &Moment) -> String {
    let launch_s = m.flight.launch_offset_s();
    let end_s = launch_s + m.flight.duration_s();
    let since = |t_s: f64| clock(t_s - launch_s);
    let now = since(m.t_s);
    let views = nations(m);
    if m.t_s < launch_s - 0.5 {
        return format!("{now}: the missile has not been launched yet.");
    }
    // Within the last second counts as impact: the clock's end is shown, and reached, in whole seconds.
    if m.t_s >= end_s - 1.0 {
        let firsts: Vec<String> = views
            .iter()
            .map(|v| match v.first_s {
                Some(t) => format!("{} at {}", nation_name(v.nation), since(t)),
                None => format!("{} never", nation_name(v.nation)),
            })
            .collect();
        let mut line = format!("{now}: impact at {}.", since(end_s));
        if !firsts.is_empty() {
            line += &format!(" First detections: {}.", list(&firsts));
        }
        if let Some((name, Some(t))) = m.picture {
            line += &format!(" {name}: first track at {}", since(t));
            match m.baseline {
                Some((base, Some(b))) => line += &format!(" ({base}: {}).", since(b)),
                Some((base, None)) => line += &format!(" ({base}: none)."),
                None => line.push('.'),
            }
        }
        return line;
    }
    let alt = altitude(m.flight.at_scenario(m.t_s).alt_km);
    let seeing: Vec<String> = views
        .iter()
        .filter(|v| v.sees_now)
        .map(|v| possessive(v.nation))
        .collect();
    let mut line = if seeing.is_empty() {
        format!("{now}: no sensor has the missile at this moment; it is {alt}.")
    } else {
        format!(
            "{now}: {} sensors have the missile, {alt}.",
            capitalised(&list(&seeing))
        )
    };
    for v in views.iter().filter(|v| !v.sees_now) {
        match v.first_s {
            Some(t) if t > m.t_s => {
                let why = match v.held_back_by {
                    Some(MissReason::BelowHorizon) => ", when it clears their horizon",
                    Some(MissReason::BeyondRange) => ", when it comes within their range",
                    _ => "",
                };
                line += &format!(
                    " {} sensors cannot see it until about {}{why}.",
                    capitalised(&possessive(v.nation)),
                    since(t)
                );
            }
            None => {
                line += &format!(
                    " {} sensors do not see this launch.",
                    capitalised(&possessive(v.nation))
                )
            }
            Some(_) => {}
        }
    }
    match m.picture {
        Some((name, Some(t))) if t <= m.t_s => {
            line += &format!(" {name}: tracked since {}", since(t))
        }
        Some((name, _)) => line += &format!(" {name}: no track yet"),
        None => return line,
    }
    // What sharing (or the other arrangement) changes: the baseline's own first track.
    match m.baseline {
        Some((name, Some(t))) if t <= m.t_s => line += &format!(" ({name}: since {}).", since(t)),
        Some((name, Some(t))) => line += &format!(" ({name}: not until {}).", since(t)),
        Some((name, None)) => line += &format!(" ({name}: no track)."),
        None => line.push('.'),
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::detections::detect_with_every_sensor;
    use crate::present::launch_form::LaunchForm;

    fn default_moment_rows() -> (FlightView, Vec<SensorRow>) {
        let flight = FlightView::fly(&LaunchForm::default()).expect("the default launch flies");
        let rows = detect_with_every_sensor(&[&flight], 1).rows;
        (flight, rows)
    }

    fn line_at(flight: &FlightView, rows: &[SensorRow], t_s: f64, track: Option<f64>) -> String {
        now_line(&Moment {
            t_s,
            launch: 0,
            flight,
            rows,
            picture: Some(("Japan with sharing", track)),
            baseline: Some(("Japan alone", track.map(|t| t + 60.0))),
        })
    }

    #[test]
    fn the_default_launch_tells_the_story_of_the_horizon() {
        let (flight, rows) = default_moment_rows();
        let first = |n: Nation| {
            rows.iter()
                .filter(|r| r.nation == n)
                .filter_map(|r| r.first_detection_s)
                .fold(f64::INFINITY, f64::min)
        };
        let (kr, jp) = (first(Nation::KR), first(Nation::JP));
        assert!(kr < jp, "South Korea first ({kr} s), Japan later ({jp} s)");
        // Between the two: Korea has it, Japan waits for its horizon.
        let t = (kr + jp) / 2.0;
        let line = line_at(&flight, &rows, t, None);
        assert!(line.starts_with(&clock(t)), "{line}");
        assert!(line.contains("South Korea's"), "{line}");
        assert!(
            line.contains(&format!(
                "Japan's sensors cannot see it until about {}",
                clock(jp)
            )),
            "{line}"
        );
        assert!(line.contains("when it clears their horizon"), "{line}");
        assert!(line.contains("no track yet"), "{line}");
        // Once both have tracked: the shown picture's first track and the baseline's, side by side.
        let both = line_at(&flight, &rows, jp + 200.0, Some(jp - 20.0));
        assert!(
            both.ends_with(&format!(
                "Japan with sharing: tracked since {} (Japan alone: since {}).",
                clock(jp - 20.0),
                clock(jp + 40.0)
            )),
            "{both}"
        );
        let early = line_at(&flight, &rows, jp, Some(jp - 20.0));
        assert!(
            early.ends_with(&format!("(Japan alone: not until {}).", clock(jp + 40.0))),
            "{early}"
        );
        assert!(!line.contains("-0"), "{line}");
    }

    #[test]
    fn before_launch_and_after_impact() {
        let (flight, rows) = default_moment_rows();
        // The same launch, 60 s into the scenario.
        let later = FlightView::fly_at(&LaunchForm::default(), 60.0).unwrap();
        let before = line_at(&later, &rows, 20.0, None);
        assert_eq!(before, "T-00:40: the missile has not been launched yet.");
        let end = flight.duration_s();
        let after = line_at(&flight, &rows, end + 5.0, Some(90.0));
        assert!(
            after.contains(&format!("impact at {}", clock(end))),
            "{after}"
        );
        assert!(
            after.contains("First detections: South Korea at"),
            "{after}"
        );
        assert!(
            after.contains("first track at T+01:30 (Japan alone: T+02:30)."),
            "{after}"
        );
    }

    #[test]
    fn words_not_symbols() {
        assert_eq!(altitude(-0.2), "on the ground");
        assert_eq!(altitude(6.4), "6 km up");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
        assert_eq!(possessive(Nation::US), "the United States'");
        assert_eq!(clock(-20.0), "T-00:20");
        assert_eq!(clock(95.0), "T+01:35");
    }
}
