//! CSV tables (RFC 4180, comma separated, header row, SI units named in the headers): the trajectories, the
//! sensors' measurements, the pictures' tracks and the pictures' milestones and quality.

use crate::present::flight::FlightView;
use crate::present::pictures::PictureRun;
use picture_sim::measurement::{Measurement, MeasurementKind};
use picture_sim::sensors::Nation;
use picture_sim::SimTime;
use std::fmt::Write;

/// A text field, quoted when it holds a comma, quote or line break (RFC 4180). A cell that a spreadsheet would
/// read as a formula (OWASP "CSV Injection": it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with a single quote, because names come from links and files we do not trust. Numbers never pass
/// through here, so negative numbers stay numeric.
pub fn field(s: &str) -> String {
    let neutral;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutral = format!("'{s}");
        neutral.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// An optional number: empty when unknown.
fn opt(v: Option<f64>, decimals: usize) -> String {
    v.filter(|x| x.is_finite())
        .map(|x| format!("{x:.decimals$}"))
        .unwrap_or_default()
}

/// Why a CSV table cannot be made. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CsvError {
    /// A sampling step that is not a positive number of seconds.
    #[error("Trajectory CSV: step {step_s} s must be a positive number of seconds")]
    Step { step_s: f64 },
}

/// Every launch sampled each `step_s` seconds from launch to impact (impact included).
///
/// # Units
/// `t_s` seconds after that launch, degrees, metres, metres per second.
pub fn trajectories_csv(
    flights: &[FlightView],
    names: &[String],
    step_s: f64,
) -> Result<String, CsvError> {
    if !(step_s.is_finite() && step_s > 0.0) {
        return Err(CsvError::Step { step_s });
    }
    let mut out = String::from("launch,t_s,lat_deg,lon_deg,alt_m,speed_m_s\n");
    for (f, name) in flights.iter().zip(names) {
        let d = f.duration_s();
        let n = (d / step_s).ceil() as usize;
        for i in 0..=n {
            let p = f.at((i as f64 * step_s).min(d));
            let _ = writeln!(
                out,
                "{},{:.3},{:.6},{:.6},{:.1},{:.1}",
                field(name),
                p.t_s,
                p.lat_deg,
                p.lon_deg,
                p.alt_km * 1000.0,
                p.speed_km_s * 1000.0
            );
        }
    }
    Ok(out)
}

/// Every measurement in time order. `sensor_names[i]` and `nations[i]` name the sensor with index `i` in the
/// measurements; times are seconds after `t0`.
///
/// # Units
/// Seconds, degrees (azimuth clockwise from north), metres.
pub fn measurements_csv(
    measurements: &[Measurement],
    sensor_names: &[String],
    nations: &[Nation],
    t0: SimTime,
) -> String {
    let mut out = String::from(
        "sensor,nation,t_s,kind,az_deg,el_deg,range_m,sigma_az_deg,sigma_el_deg,sigma_range_m,site_lat_deg,site_lon_deg,site_alt_m,launch_lat_deg,launch_lon_deg,sigma_pos_m,launch_t_s\n",
    );
    let secs = |t: SimTime| (t - t0).as_secs_f64();
    for m in measurements {
        let i = m.sensor.0;
        let name = sensor_names.get(i).map(String::as_str).unwrap_or("?");
        let nation = nations.get(i).map(|n| format!("{n:?}")).unwrap_or_default();
        let _ = write!(out, "{},{},{:.3},", field(name), nation, secs(m.time));
        match &m.kind {
            MeasurementKind::Radar {
                site,
                aer,
                sigma_range_m,
                sigma_az_rad,
                sigma_el_rad,
            } => {
                let _ = writeln!(
                    out,
                    "radar,{:.5},{:.5},{:.1},{:.5},{:.5},{:.1},{:.6},{:.6},{:.1},,,,",
                    aer.az_rad.to_degrees(),
                    aer.el_rad.to_degrees(),
                    aer.range_m,
                    sigma_az_rad.to_degrees(),
                    sigma_el_rad.to_degrees(),
                    sigma_range_m,
                    site.lat_deg(),
                    site.lon_deg(),
                    site.h_m
                );
            }
            MeasurementKind::LaunchReport {
                launch_point,
                sigma_pos_m,
                launch_time,
            } => {
                let _ = writeln!(
                    out,
                    "launch-report,,,,,,,,,,{:.6},{:.6},{:.1},{:.3}",
                    launch_point.lat_deg(),
                    launch_point.lon_deg(),
                    sigma_pos_m,
                    secs(*launch_time)
                );
            }
            #[allow(unreachable_patterns)]
            _ => {
                let _ = writeln!(out, "other,,,,,,,,,,,,,");
            }
        }
    }
    out
}

/// Each picture's confirmed tracks at every snapshot.
///
/// # Units
/// Seconds after launch, degrees, metres; the position ellipse is 2-sigma, the impact ellipse 95%.
pub fn tracks_csv(runs: &[PictureRun]) -> String {
    let mut out = String::from(
        "picture,track_id,snapshot_t_s,estimate_t_s,lat_deg,lon_deg,alt_m,pos_2sigma_major_m,pos_2sigma_minor_m,pos_orientation_deg,impact_lat_deg,impact_lon_deg,impact_95_major_m,impact_95_minor_m,impact_orientation_deg\n",
    );
    for r in runs {
        for (t_s, tracks) in &r.snapshots {
            for t in tracks {
                let e = t.position_2sigma;
                let imp = t.impact;
                let _ = writeln!(
                    out,
                    "{},{},{:.3},{:.3},{:.6},{:.6},{:.1},{:.1},{:.1},{:.2},{},{},{},{},{}",
                    field(&r.name),
                    t.id,
                    t_s,
                    t.estimate_t_s,
                    t.lat_deg,
                    t.lon_deg,
                    t.alt_km * 1000.0,
                    e.semi_major_m,
                    e.semi_minor_m,
                    e.orientation_deg,
                    opt(imp.map(|i| i.0), 6),
                    opt(imp.map(|i| i.1), 6),
                    opt(imp.map(|i| i.2.semi_major_m), 1),
                    opt(imp.map(|i| i.2.semi_minor_m), 1),
                    opt(imp.map(|i| i.2.orientation_deg), 2),
                );
            }
        }
    }
    out
}

/// Each picture's worst-case warning time left at each milestone and its SIAP measures over the flight.
///
/// # Units
/// Seconds; the SIAP ratios are plain numbers, the errors metres and metres per second.
pub fn pictures_csv(rows: &[picture_sim::tracking::metrics::ComparisonRow]) -> String {
    use picture_sim::tracking::metrics::Siap;
    let mut out = String::from(
        "picture,warning_left_s_at_first_detection,warning_left_s_at_track_established,\
         warning_left_s_at_impact_within_100_km,warning_left_s_at_impact_within_25_km",
    );
    for (name, _, _) in Siap::default().columns() {
        let _ = write!(out, ",{name}");
    }
    out.push('\n');
    for r in rows {
        out += &field(&r.picture);
        for w in r.warning_left_s {
            let _ = write!(out, ",{}", opt(w, 3));
        }
        for (_, v, decimals) in r.siap.columns() {
            let _ = write!(out, ",{}", opt(v, decimals + 2));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::present::launch_form::LaunchForm;
    use crate::present::pictures::run_pictures;
    use picture_sim::sensors::catalog;
    use picture_sim::truth::Truth;

    /// Rows of a CSV split into cells, quoted fields unquoted (no line breaks inside fields here).
    pub(crate) fn table(csv: &str) -> Vec<Vec<String>> {
        csv.lines()
            .map(|line| {
                let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
                let mut chars = line.chars().peekable();
                while let Some(c) = chars.next() {
                    match (c, quoted) {
                        ('"', true) if chars.peek() == Some(&'"') => {
                            cell.push('"');
                            chars.next();
                        }
                        ('"', _) => quoted = !quoted,
                        (',', false) => cells.push(std::mem::take(&mut cell)),
                        (c, _) => cell.push(c),
                    }
                }
                cells.push(cell);
                cells
            })
            .collect()
    }

    #[test]
    fn neutralises_formula_cells_but_not_plain_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("Hwasong-12"), "Hwasong-12");
        assert_eq!(field(""), "");
    }

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(field("Japan"), "Japan");
        assert_eq!(field("Launch 1, salvo"), "\"Launch 1, salvo\"");
        assert_eq!(field("the \"hub\""), "\"the \"\"hub\"\"\"");
        let row = format!("{},{}", field("a, b"), field("say \"hi\""));
        assert_eq!(
            table(&row),
            vec![vec!["a, b".to_string(), "say \"hi\"".to_string()]]
        );
    }

    #[test]
    fn trajectory_rows_from_launch_to_impact() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let csv = trajectories_csv(std::slice::from_ref(&f), &["Launch 1".into()], 10.0).unwrap();
        let t = table(&csv);
        assert_eq!(
            t[0],
            ["launch", "t_s", "lat_deg", "lon_deg", "alt_m", "speed_m_s"]
        );
        assert!(t.iter().all(|r| r.len() == 6));
        assert_eq!(t.len(), 1 + (f.duration_s() / 10.0).ceil() as usize + 1);
        let last = t.last().unwrap();
        assert!((last[1].parse::<f64>().unwrap() - f.duration_s()).abs() < 1e-3);
        let max_alt = t[1..]
            .iter()
            .map(|r| r[4].parse::<f64>().unwrap())
            .fold(0.0, f64::max);
        assert!(
            (max_alt - f.flight.summary.apogee_m).abs() < 5_000.0,
            "{max_alt}"
        );
        assert_eq!(
            trajectories_csv(&[], &[], 0.0).unwrap_err().to_string(),
            "Trajectory CSV: step 0 s must be a positive number of seconds"
        );
    }

    #[test]
    fn measurement_and_track_rows_have_every_column() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let sensors = catalog().unwrap();
        let d = crate::present::detections::detect_with_every_sensor(&[&f], 7);
        let names: Vec<String> = sensors.iter().map(|s| s.name.clone()).collect();
        let csv = measurements_csv(
            &d.measurements,
            &names,
            &d.nations,
            f.flight.trajectory.start(),
        );
        let t = table(&csv);
        assert_eq!(t.len(), d.measurements.len() + 1);
        assert!(
            t.iter().all(|r| r.len() == t[0].len()),
            "same column count in every row"
        );
        assert!(t[1..].iter().any(|r| r[3] == "radar" && !r[6].is_empty()));
        let out = run_pictures(
            &[(0, &f)],
            &crate::present::pictures::builtin_pictures(),
            &d.nations,
            &d.measurements,
        )
        .unwrap();
        let csv = tracks_csv(&out.runs);
        let t = table(&csv);
        let rows: usize = out
            .runs
            .iter()
            .flat_map(|r| &r.snapshots)
            .map(|s| s.1.len())
            .sum();
        assert!(rows > 0);
        assert_eq!(t.len(), rows + 1);
        assert!(t.iter().all(|r| r.len() == t[0].len()));
        assert!(t[1..].iter().any(|r| r[0].starts_with("Trilateral")));
        // The pictures' table: one row per picture, the milestones then the SIAP measures, as the core has them.
        let p = table(&pictures_csv(&out.comparison.rows));
        assert_eq!(p.len(), out.comparison.rows.len() + 1);
        assert_eq!(p[0].len(), 1 + 4 + 7);
        assert_eq!(p[0][5], "siap_completeness");
        for (row, r) in p[1..].iter().zip(&out.comparison.rows) {
            assert_eq!(row[0], r.picture);
            let c: f64 = row[5].parse().unwrap();
            assert!((c - r.siap.completeness.unwrap()).abs() < 1e-4, "{row:?}");
        }
    }
}
