//! The explorer's charts as tables, for a reader who cannot see them (WCAG 1.1.1): the horizon chart's lines
//! at round altitudes, and the Blake chart's missile path with whether the radar's horizon hides it. The
//! figures come from the core's horizon and line of sight, as the charts' do.

use super::charts::{horizon_refractions, refraction_label};
use super::profile::SeenPoint;
use crate::present::flight::format_elapsed;
use picture_sim::sensors::{EffectiveEarth, Refraction};

/// The altitudes the horizon table lists, km (the chart's axis runs to 1,000 km).
const HORIZON_ALTS_KM: [f64; 10] = [
    0.0, 10.0, 20.0, 50.0, 100.0, 200.0, 300.0, 500.0, 750.0, 1000.0,
];
/// The missile-path table lists a point this often, s (and the rise into view).
const PATH_STEP_S: f64 = 30.0;

/// The horizon table's headings: the altitude, then one per line of the chart.
pub fn horizon_heads(user: Refraction) -> Vec<String> {
    std::iter::once("Target altitude (km)".to_string())
        .chain(
            horizon_refractions(user)
                .into_iter()
                .map(|r| format!("Horizon range, {} (km)", refraction_label(r))),
        )
        .collect()
}

/// The horizon chart as rows: the ground range to the horizon of a radar `radar_h_m` up, for a target at
/// each of [`HORIZON_ALTS_KM`] and at the slider's `target_alt_km` (marked), one column per refraction.
pub fn horizon_rows(
    radar_h_m: f64,
    user: Refraction,
    target_alt_km: f64,
) -> Result<Vec<Vec<String>>, String> {
    let earths = horizon_refractions(user)
        .into_iter()
        .map(|r| r.earth().map_err(|e| format!("Refraction: {e}")))
        .collect::<Result<Vec<EffectiveEarth>, String>>()?;
    let slider_km = target_alt_km.clamp(0.0, HORIZON_ALTS_KM[HORIZON_ALTS_KM.len() - 1]);
    let mut alts: Vec<(f64, bool)> = HORIZON_ALTS_KM.iter().map(|&a| (a, false)).collect();
    // In order, without a sort (each sort's code costs the page kilobytes).
    match alts.iter_mut().find(|(a, _)| (*a - slider_km).abs() < 0.5) {
        Some(row) => row.1 = true,
        None => {
            let at = alts
                .iter()
                .position(|(a, _)| *a > slider_km)
                .unwrap_or(alts.len());
            alts.insert(at, (slider_km, true));
        }
    }
    alts.into_iter()
        .map(|(alt_km, slider)| {
            let mut row = vec![if slider {
                format!("{alt_km:.0} (the slider's)")
            } else {
                format!("{alt_km:.0}")
            }];
            for earth in &earths {
                let h = earth
                    .horizon(radar_h_m, alt_km * 1000.0)
                    .map_err(|e| format!("Horizon: {e}"))?;
                row.push(format!("{:.0}", h.ground_range_m / 1000.0));
            }
            Ok(row)
        })
        .collect()
}

/// The missile-path table's headings.
pub fn path_heads() -> Vec<String> {
    [
        "Time after launch",
        "Distance from the radar (km)",
        "Height (km)",
        "Above the radar's horizon",
    ]
    .map(String::from)
    .to_vec()
}

/// The Blake chart's missile path as rows: a point every [`PATH_STEP_S`] and the rise into view, each with
/// whether it is above the horizon of a radar `radar_h_m` up in `earth` (the core's line of sight).
pub fn path_rows(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    path: &[SeenPoint],
    rise: Option<SeenPoint>,
) -> Vec<Vec<String>> {
    let mut points: Vec<(SeenPoint, bool)> = Vec::new();
    let mut next_s = 0.0;
    for p in path {
        if p.t_s + 1e-9 >= next_s {
            points.push((*p, false));
            next_s = (p.t_s / PATH_STEP_S).floor() * PATH_STEP_S + PATH_STEP_S;
        }
    }
    if let Some(last) = path.last() {
        if points.last().is_some_and(|(p, _)| p.t_s < last.t_s) {
            points.push((*last, false));
        }
    }
    if let Some(r) = rise {
        let at = points
            .iter()
            .position(|(p, _)| p.t_s > r.t_s)
            .unwrap_or(points.len());
        points.insert(at, (r, true));
    }
    points
        .into_iter()
        .map(|(p, is_rise)| {
            let above = if is_rise {
                "yes: rises into view".to_string()
            } else {
                let angle_rad = p.ground_km * 1000.0 / earth.radius_m();
                let clear = earth.sight(radar_h_m, p.alt_km * 1000.0, angle_rad).clear();
                if clear { "yes" } else { "no" }.to_string()
            };
            vec![
                format_elapsed(p.t_s),
                format!("{:.0}", p.ground_km),
                format!("{:.0}", p.alt_km),
                above,
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizon_table_has_the_charts_lines_and_marks_the_sliders_altitude() {
        let heads = horizon_heads(Refraction::K(1.2));
        assert_eq!(heads.len(), 5, "{heads:?}");
        assert_eq!(heads[1], "Horizon range, traced atmosphere (km)");
        assert_eq!(heads[4], "Horizon range, k = 1.2 (km)");
        let rows = horizon_rows(10.0, Refraction::Ray, 137.0).unwrap();
        assert_eq!(rows.len(), HORIZON_ALTS_KM.len() + 1);
        assert!(rows.iter().all(|r| r.len() == 4));
        let slider = rows.iter().find(|r| r[0].contains("slider")).unwrap();
        assert_eq!(slider[0], "137 (the slider's)");
        // The core's horizon: a target 100 km up is about 1,100-1,250 km away; k = 1 sees least, 4/3 most.
        let at_100: Vec<f64> = rows
            .iter()
            .find(|r| r[0] == "100")
            .unwrap()
            .iter()
            .skip(1)
            .map(|c| c.parse().unwrap())
            .collect();
        let want = EffectiveEarth::traced()
            .horizon(10.0, 100e3)
            .unwrap()
            .ground_range_m
            / 1000.0;
        assert!((at_100[0] - want).abs() <= 0.5, "{at_100:?} {want}");
        assert!(at_100[1] < at_100[0] && at_100[0] < at_100[2], "{at_100:?}");
        // An altitude already listed is marked, not repeated.
        let rows = horizon_rows(10.0, Refraction::Ray, 100.2).unwrap();
        assert_eq!(rows.len(), HORIZON_ALTS_KM.len());
        assert!(rows.iter().any(|r| r[0] == "100 (the slider's)"));
    }

    #[test]
    fn the_path_table_lists_the_flight_each_half_minute_and_its_rise() {
        let earth = EffectiveEarth::traced();
        // A climb straight away from a radar: 2 km/s out, 1 km/s up.
        let path: Vec<SeenPoint> = (0..=200)
            .map(|i| {
                let t_s = i as f64;
                SeenPoint {
                    t_s,
                    ground_km: 800.0 + 2.0 * t_s,
                    alt_km: t_s,
                }
            })
            .collect();
        let rise = path
            .iter()
            .find(|p| {
                earth
                    .sight(
                        10.0,
                        p.alt_km * 1000.0,
                        p.ground_km * 1000.0 / earth.radius_m(),
                    )
                    .clear()
            })
            .copied();
        let rows = path_rows(&earth, 10.0, &path, rise);
        // 0, 30, ... 180 s, the end (200 s) and the rise.
        assert_eq!(rows.len(), 9, "{rows:?}");
        assert_eq!(rows[0][0], format_elapsed(0.0));
        assert_eq!(rows[0][3], "no", "{rows:?}");
        let risen = rows
            .iter()
            .position(|r| r[3] == "yes: rises into view")
            .unwrap();
        assert!(rows[..risen].iter().all(|r| r[3] == "no"), "{rows:?}");
        assert!(rows[risen + 1..].iter().all(|r| r[3] == "yes"), "{rows:?}");
        assert_eq!(rows.last().unwrap()[0], format_elapsed(200.0));
    }
}
