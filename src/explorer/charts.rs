//! The explorer's plotters charts, drawn to SVG text by `crate::charts::plot::svg_chart`: the horizon range
//! against target altitude (for the traced atmosphere, k = 1, 4/3 and the user's k), and the Blake chart (range against height above
//! the curved Earth, with the radar's elevation limits, its instrumented range, the horizon ray and the
//! missile's path across it).

use super::formula::{k_text, refraction_text};
use super::profile::SeenPoint;
use super::rays::{coverage_outline_km, elevation_line_km, grazing_elevation_rad, grazing_ray_km};
use crate::charts::plot::{legend_lower_right, legend_upper_right, svg_chart, ChartResult};
use picture_sim::sensors::{EffectiveEarth, Radar, Refraction};
use plotters::prelude::*;

/// The altitude axis of the horizon chart, km (the slider's range).
pub const MAX_TARGET_ALT_KM: f64 = 1000.0;

const K_GEOMETRIC: RGBColor = RGBColor(0x99, 0x99, 0x99);
const K_STANDARD: RGBColor = RGBColor(0x00, 0x72, 0xb2);
const K_USER: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
const TRACED: RGBColor = RGBColor(0x00, 0x9e, 0x73);
const COVER: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
const MISSILE: RGBColor = RGBColor(0xcc, 0x79, 0xa7);
const HORIZON: RGBColor = RGBColor(0x1b, 0x27, 0x33);

/// The ground range to the horizon (km) against target altitude for a radar at `radar_h_m`, one line per
/// refraction (the traced atmosphere, k = 1, 4/3, and the user's k if it is none of these), with the current
/// altitude marked.
pub fn horizon_chart(
    radar_h_m: f64,
    user: Refraction,
    target_alt_km: f64,
    width_px: u32,
    height_px: u32,
) -> ChartResult {
    let mut lines = Vec::new();
    for (i, k) in horizon_refractions(user).into_iter().enumerate() {
        let colour = [TRACED, K_GEOMETRIC, K_STANDARD, K_USER][i];
        let earth = k.earth().map_err(|e| format!("Refraction: {e}"))?;
        let pts = (0..=100)
            .map(|i| {
                let alt_km = MAX_TARGET_ALT_KM * i as f64 / 100.0;
                earth
                    .horizon(radar_h_m, alt_km * 1000.0)
                    .map(|h| (alt_km, h.ground_range_m / 1000.0))
                    .map_err(|e| format!("Horizon: {e}"))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let now = earth
            .horizon(radar_h_m, target_alt_km.max(0.0) * 1000.0)
            .map_err(|e| format!("Horizon: {e}"))?
            .ground_range_m
            / 1000.0;
        lines.push((k, colour, pts, now));
    }
    let max_y = lines
        .iter()
        .flat_map(|l| l.2.iter().map(|p| p.1))
        .fold(100.0, f64::max)
        * 1.05;
    svg_chart(width_px, height_px, |root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(52)
            .build_cartesian_2d(0.0..MAX_TARGET_ALT_KM, 0.0..max_y)?;
        chart
            .configure_mesh()
            .x_desc("target altitude (km)")
            // Whole kilometres: "1000.0" at the axis's end was cut to "1000.(" by the chart's edge.
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .y_desc("horizon ground range (km)")
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let mut names = Vec::new();
        for (k, colour, pts, now) in &lines {
            chart.draw_series(LineSeries::new(pts.iter().copied(), colour.stroke_width(2)))?;
            chart.draw_series(std::iter::once(Circle::new(
                (target_alt_km, *now),
                4,
                colour.filled(),
            )))?;
            names.push((refraction_label(*k), *colour));
        }
        let legend: Vec<(&str, RGBColor)> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        legend_lower_right(
            root,
            chart.backend_coord(&(MAX_TARGET_ALT_KM, 0.0)),
            &legend,
        )?;
        Ok(())
    })
}

/// The refractions the horizon chart draws, in its order: the traced atmosphere, k = 1, 4/3, and the
/// user's k if it is none of these.
pub fn horizon_refractions(user: Refraction) -> Vec<Refraction> {
    let mut ks = vec![
        Refraction::Ray,
        Refraction::K(1.0),
        Refraction::K(4.0 / 3.0),
    ];
    if let Refraction::K(k) = user {
        if (k - 1.0).abs() > 1e-9 && (k - 4.0 / 3.0).abs() > 1e-9 {
            ks.push(user);
        }
    }
    ks
}

/// A refraction as a chart's legend (and its table's heading) names it.
pub fn refraction_label(r: Refraction) -> String {
    match r {
        Refraction::Ray => "traced atmosphere".to_string(),
        Refraction::K(k) => format!("k = {}", k_text(k)),
    }
}

/// The Blake chart's inputs.
///
/// # Units
/// Metres for the radar height, km for the axes.
pub struct BlakeInput<'a> {
    pub earth: &'a EffectiveEarth,
    pub radar: &'a Radar,
    pub radar_h_m: f64,
    /// The missile's path (ground distance from the radar, height); empty for none.
    pub path: &'a [SeenPoint],
    pub rise: Option<SeenPoint>,
    pub max_ground_km: f64,
    pub max_alt_km: f64,
}

/// Elevations drawn as guide lines, degrees.
const GUIDE_EL_DEG: [f64; 6] = [0.0, 1.0, 2.0, 5.0, 10.0, 30.0];

/// Range against height over the curved Earth: the covered region (elevation limits and instrumented range),
/// lines of constant elevation, the horizon ray, and the missile's path with its rise into view.
pub fn blake_chart(input: &BlakeInput, width_px: u32, height_px: u32) -> ChartResult {
    let (min_el, max_el) = input.radar.elevation_limits_rad();
    let range_m = input.radar.spec().instrumented_range_m;
    let (e, hr) = (input.earth, input.radar_h_m);
    let (max_s, max_h) = (input.max_ground_km.max(10.0), input.max_alt_km.max(1.0));
    let clip = |pts: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        pts.into_iter()
            .map(|(s, h)| (s.min(max_s * 1.5), h.clamp(-max_h, max_h * 1.5)))
            .collect()
    };
    // One traced ray per point of the arc in the traced atmosphere: 2 degrees apart is smooth enough.
    let cover = clip(coverage_outline_km(e, hr, min_el, max_el, range_m, 45));
    let long_m = (max_s.hypot(max_h) * 1000.0) * 1.2;
    let limits: Vec<(f64, Vec<(f64, f64)>)> = [min_el, max_el]
        .into_iter()
        .map(|el| {
            (
                el.to_degrees(),
                elevation_line_km(e, hr, el, range_m, max_h, 200),
            )
        })
        .collect();
    let guides: Vec<(f64, Vec<(f64, f64)>)> = GUIDE_EL_DEG
        .iter()
        .map(|&d| {
            (
                d,
                elevation_line_km(e, hr, d.to_radians(), long_m, max_h, 200),
            )
        })
        .collect();
    let horizon = grazing_ray_km(e, hr, max_s, 200);
    let dip_deg = grazing_elevation_rad(e, hr).to_degrees();
    svg_chart(width_px, height_px, |root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(52)
            .build_cartesian_2d(0.0..max_s, 0.0..max_h)?;
        chart
            .configure_mesh()
            .x_desc("ground range from the radar (km)")
            // Whole kilometres: "1000.0" at the axis's end was cut to "1000.(" by the chart's edge.
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .y_desc("height above the surface (km)")
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        chart.draw_series(std::iter::once(Polygon::new(
            cover.clone(),
            COVER.mix(0.25),
        )))?;
        for (deg, pts) in &guides {
            chart.draw_series(LineSeries::new(pts.iter().copied(), BLACK.mix(0.2)))?;
            if let Some(&(s, h)) = pts
                .iter()
                .rev()
                .find(|p| p.0 < max_s * 0.97 && p.1 < max_h * 0.97)
            {
                chart.draw_series(std::iter::once(Text::new(
                    format!("{deg}°"),
                    (s, h),
                    ("sans-serif", 11).into_font().color(&BLACK.mix(0.6)),
                )))?;
            }
        }
        for (deg, pts) in &limits {
            chart.draw_series(LineSeries::new(pts.iter().copied(), COVER.stroke_width(2)))?;
            if let Some(&(s, h)) = pts.last() {
                let (s, h) = (s.min(max_s * 0.9), h.min(max_h * 0.95));
                chart.draw_series(std::iter::once(Text::new(
                    format!("{deg:.1}° limit"),
                    (s, h),
                    ("sans-serif", 11).into_font().color(&K_STANDARD),
                )))?;
            }
        }
        chart.draw_series(LineSeries::new(
            horizon.iter().copied(),
            HORIZON.stroke_width(2),
        ))?;
        let horizon_name = format!(
            "horizon ray (dip {dip_deg:.2}°, {})",
            refraction_text(e.refraction())
        );
        let mut legend = vec![
            ("covered (elevation limits, instrumented range)", COVER),
            (horizon_name.as_str(), HORIZON),
        ];
        if !input.path.is_empty() {
            chart.draw_series(LineSeries::new(
                input.path.iter().map(|p| (p.ground_km, p.alt_km)),
                MISSILE.stroke_width(3),
            ))?;
            legend.push(("missile", MISSILE));
        }
        if let Some(r) = input.rise {
            chart.draw_series(std::iter::once(Circle::new(
                (r.ground_km, r.alt_km),
                5,
                MISSILE.filled(),
            )))?;
            chart.draw_series(std::iter::once(Text::new(
                format!("in view T+{:.0} s, {:.0} km", r.t_s, r.alt_km),
                (r.ground_km, r.alt_km),
                ("sans-serif", 12).into_font(),
            )))?;
        }
        legend_upper_right(root, chart.backend_coord(&(max_s, max_h)), &legend)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::profile::{find_radar, profile, rise};
    use crate::present::flight::FlightView;
    use crate::present::launch_form::LaunchForm;
    use picture_sim::sensors::catalog;

    #[test]
    fn the_horizon_chart_has_a_line_per_k() {
        let svg = horizon_chart(30.0, Refraction::K(1.6), 100.0, 640, 300).unwrap();
        // Each k's line and legend mark are drawn in its colour, the traced atmosphere's too.
        for colour in ["#999999", "#0072B2", "#D55E00", "#009E73"] {
            assert!(svg.matches(colour).count() >= 2, "{colour}");
        }
        assert!(
            svg.contains(
                "
k = 4/3
"
            ) && svg.contains(
                "
k = 1.6
"
            ) && svg.contains(
                "
k = 1
"
            ) && svg.contains(
                "
traced atmosphere
"
            )
        );
        let two = horizon_chart(30.0, Refraction::Ray, 100.0, 640, 300).unwrap();
        assert!(!two.contains("#D55E00") && two.contains("#0072B2") && two.contains("#009E73"));
        assert!(horizon_chart(-5.0, Refraction::K(1.0), 100.0, 640, 300).is_err());
        // Whole-kilometre ticks: the axis's last label is "1000", not a "1000.0" the edge cuts.
        assert!(svg.contains("\n1000\n") && !svg.contains("1000.0"), "ticks");
    }

    #[test]
    fn the_blake_chart_draws_coverage_horizon_and_missile() {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let sensors = catalog().unwrap();
        let radar = find_radar(&sensors, "J/FPS-5 Sado")
            .unwrap()
            .radar()
            .unwrap();
        let earth = EffectiveEarth::standard();
        let path = profile(&flight, radar);
        let input = BlakeInput {
            earth: &earth,
            radar,
            radar_h_m: radar.antenna_height_m(),
            path: &path,
            rise: rise(&flight, radar, &earth),
            max_ground_km: 2000.0,
            max_alt_km: 600.0,
        };
        let svg = blake_chart(&input, 640, 360).unwrap();
        assert!(svg.contains("<polygon"), "coverage");
        assert!(
            svg.contains("horizon ray") && svg.contains("missile") && svg.contains("in view T+")
        );
        assert!(svg.contains("° limit"));
    }

    /// What one slider move costs natively: the rise search, the profile and both charts (the browser's wasm
    /// is slower by a small factor). Printed, not asserted.
    #[test]
    fn measured_update_time() {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let sensors = catalog().unwrap();
        let radar = find_radar(&sensors, "J/FPS-5 Sado")
            .unwrap()
            .radar()
            .unwrap();
        let earth = EffectiveEarth::traced();
        let n = 20;
        let start = std::time::Instant::now();
        for i in 0..n {
            let path = profile(&flight, radar);
            let r = rise(&flight, radar, &earth);
            let input = BlakeInput {
                earth: &earth,
                radar,
                radar_h_m: 200.0 + i as f64,
                path: &path,
                rise: r,
                max_ground_km: 2000.0,
                max_alt_km: 600.0,
            };
            blake_chart(&input, 640, 360).unwrap();
            horizon_chart(200.0 + i as f64, Refraction::Ray, 100.0, 640, 300).unwrap();
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / n as f64;
        eprintln!("explorer update (rise + profile + Blake + horizon charts): {ms:.2} ms natively");
    }
}
