//! Track error against time, per picture (plotters): how far each picture's best track is from the missile.
//! The error is computed here from the track snapshots and the true flight. Pure, tested natively.

use super::cursor::{CursorAxis, CursorChart};
use super::plot::{hex_colour, legend_upper_right, svg_chart};
use crate::present::flight::FlightView;
use crate::present::pictures::TrackSnap;
use picture_sim::earth::{Ellipsoid, Geodetic};
use plotters::prelude::*;

pub const WIDTH_PX: u32 = 400;
pub const HEIGHT_PX: u32 = 240;
/// One colour per picture, in the pictures' order (Okabe-Ito, after the three nation colours).
pub const PICTURE_COLOURS: [&str; 6] = [
    "#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
];
/// The error axis is logarithmic (errors fall from tens of km to hundreds of metres); these bound it.
const MIN_ERROR_KM: f64 = 0.001;
const MAX_ERROR_KM: f64 = 10_000.0;

/// The position error (km, straight line in ECEF) of the picture's track nearest the missile, at each
/// snapshot that holds a track: `(estimate time s after launch, error km)`, in time order.
///
/// Each track is compared with the truth at the time of its own estimate (not the snapshot's time), so the
/// figure is the tracker's error, not the age of its last update. Snapshots past impact are left out.
pub fn track_error_km(snapshots: &[(f64, Vec<TrackSnap>)], flight: &FlightView) -> Vec<(f64, f64)> {
    let ellipsoid = Ellipsoid::WGS84;
    let end_s = flight.duration_s();
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (_, tracks) in snapshots {
        let best = tracks
            .iter()
            .filter(|t| t.estimate_t_s <= end_s)
            .filter_map(|t| {
                let est = ellipsoid.to_ecef(&Geodetic::from_deg(
                    t.lat_deg,
                    t.lon_deg,
                    t.alt_km * 1000.0,
                )?);
                let truth = flight.flight.trajectory.sample(t.estimate_t_s).pos;
                Some((t.estimate_t_s, (est.0 - truth.0).norm() / 1000.0))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some(p) = best {
            // Two snapshots may hold the same (not yet updated) estimate: keep one point per time.
            if out.last().is_none_or(|q| q.0 < p.0) {
                out.push(p);
            }
        }
    }
    out
}

/// Draws each picture's error series (name, points from [`track_error_km`]) over `0..duration_s`, the
/// error on a logarithmic axis.
pub fn track_error_chart(
    series: &[(String, Vec<(f64, f64)>)],
    duration_s: f64,
) -> Result<CursorChart, String> {
    let duration_s = duration_s.max(1.0);
    let clamp = |e: f64| e.clamp(MIN_ERROR_KM, MAX_ERROR_KM);
    let errors = || {
        series
            .iter()
            .flat_map(|(_, s)| s.iter().map(|p| clamp(p.1)))
    };
    let lo = errors().fold(MAX_ERROR_KM, f64::min).min(0.1);
    let hi = errors().fold(MIN_ERROR_KM, f64::max).max(10.0);
    // Whole decades, so the log axis labels fall on round numbers.
    let (lo, hi) = (
        10f64.powf(lo.log10().floor()),
        10f64.powf(hi.log10().ceil()),
    );
    let mut axis = None;
    let svg = svg_chart(WIDTH_PX, HEIGHT_PX, |root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(56)
            // log10 of the error on a plain axis (labelled in km), rather than plotters' log coordinates:
            // the same coordinate type as every other chart keeps the page's code small.
            .build_cartesian_2d(0.0..duration_s, lo.log10()..hi.log10())?;
        chart
            .configure_mesh()
            .x_desc("time after launch (s)")
            .y_desc("track position error (km)")
            .x_labels(8)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_labels(((hi / lo).log10().round() as usize) + 1)
            .y_label_formatter(&|log_v| {
                let v = 10f64.powf(*log_v);
                if v >= 1.0 {
                    format!("{v:.0}")
                } else {
                    // Decades below 1 km: as many decimals as the decade needs (0.1, 0.01, 0.001).
                    let decimals = (-v.log10()).ceil().max(1.0) as usize;
                    format!("{v:.decimals$}")
                }
            })
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let mut legend = Vec::new();
        for (i, (name, points)) in series.iter().enumerate() {
            if points.is_empty() {
                continue;
            }
            let colour = hex_colour(PICTURE_COLOURS[i % PICTURE_COLOURS.len()]);
            chart.draw_series(LineSeries::new(
                points.iter().map(|&(t, e)| (t, clamp(e).log10())),
                colour.stroke_width(2),
            ))?;
            legend.push((name.as_str(), colour));
        }
        let (x0, bottom) = chart.backend_coord(&(0.0, lo.log10()));
        let (x1, top) = chart.backend_coord(&(duration_s, hi.log10()));
        legend_upper_right(root, (x1, top), &legend)?;
        axis = Some(CursorAxis::from_corners(
            (WIDTH_PX, HEIGHT_PX),
            (0.0, duration_s),
            (x0, top),
            (x1, bottom),
        ));
        Ok(())
    })?;
    let axis = axis.ok_or("Track error chart: not drawn")?;
    Ok(CursorChart { svg, axis })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::flight_chart::tests::polylines;
    use crate::present::launch_form::LaunchForm;
    use crate::present::pictures::GroundEllipse;

    fn snap(id: u64, flight: &FlightView, t_s: f64, up_km: f64) -> TrackSnap {
        let p = flight.at(t_s);
        let e = GroundEllipse {
            semi_major_m: 1.0,
            semi_minor_m: 1.0,
            orientation_deg: 0.0,
        };
        TrackSnap {
            id,
            estimate_t_s: t_s,
            lat_deg: p.lat_deg,
            lon_deg: p.lon_deg,
            alt_km: p.alt_km + up_km,
            position_2sigma: e,
            impact: None,
        }
    }

    #[test]
    fn error_is_the_distance_of_the_nearest_track_at_its_estimate_time() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let snaps = vec![
            (100.0, vec![]),
            (
                200.0,
                vec![snap(1, &f, 198.0, 3.0), snap(2, &f, 198.0, 1.0)],
            ),
            // The same estimate seen again by a later snapshot counts once.
            (202.0, vec![snap(2, &f, 198.0, 1.0)]),
            (300.0, vec![snap(2, &f, 296.0, 0.25)]),
            (
                f.duration_s() + 50.0,
                vec![snap(2, &f, f.duration_s() + 40.0, 0.0)],
            ),
        ];
        let e = track_error_km(&snaps, &f);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].0, 198.0);
        assert!((e[0].1 - 1.0).abs() < 1e-6, "{e:?}");
        assert!((e[1].1 - 0.25).abs() < 1e-6, "{e:?}");
    }

    #[test]
    fn draws_one_line_per_picture_on_a_log_axis() {
        let series = vec![
            (
                "Japan alone".to_string(),
                vec![(300.0, 20.0), (400.0, 5.0), (500.0, 0.5)],
            ),
            ("Trilateral".to_string(), vec![(100.0, 8.0), (300.0, 0.3)]),
            ("Nobody".to_string(), vec![]),
        ];
        let c = track_error_chart(&series, 1000.0).unwrap();
        for text in [
            "Japan alone",
            "Trilateral",
            "track position error (km)",
            "time after launch (s)",
        ] {
            assert!(c.svg.contains(text), "{text}");
        }
        // Decade labels in km, whole decades from 0.1 to 100.
        for label in [">\n0.1\n<", ">\n1\n<", ">\n10\n<", ">\n100\n<"] {
            assert!(c.svg.contains(label), "label {label}");
        }
        let lines = polylines(&c.svg);
        let japan = lines.iter().find(|l| l.len() == 3).expect("Japan's line");
        // Each decade takes the same height: 20 -> 5 -> 0.5 km drop by log10(4) then one decade.
        let (d1, d2) = (japan[1].1 - japan[0].1, japan[2].1 - japan[1].1);
        assert!((d1 / d2 - 4f64.log10()).abs() < 0.02, "{d1} {d2}");
        assert!((c.axis.x_px(400.0) - japan[1].0).abs() <= 1.0);
    }

    #[test]
    fn an_empty_chart_still_draws_its_axes() {
        let c = track_error_chart(&[], 500.0).unwrap();
        assert!(c.svg.contains("track position error (km)"));
    }
}
