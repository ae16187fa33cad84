//! A flight seen from one radar: each point's ground distance from the radar and height (the two numbers the
//! line of sight depends on, with the radar's height), and the moment the flight rises above the radar's
//! horizon, found by the core (`picture_sim::sensors::rise`), as `picture detect` reports it.

use crate::present::flight::FlightView;
use picture_sim::earth::section::{ground_range_between_m, vertical_ecef};
use picture_sim::earth::MEAN_RADIUS_M;
use picture_sim::sensors::rise::first_above_horizon;
use picture_sim::sensors::{EffectiveEarth, Radar, RadarSpec, Sensor};
use picture_sim::truth::Truth;

/// The rise search scans at this step, then bisects to the millisecond.
const RISE_SCAN_MS: i64 = 1_000;

/// The radars of a catalog (infrared sensors have no horizon), by name.
pub fn radars(sensors: &[Sensor]) -> Vec<(&str, &Radar)> {
    sensors
        .iter()
        .filter_map(|s| s.radar().map(|r| (s.name.as_str(), r)))
        .collect()
}

/// The named radar of a catalog, or a message naming it.
pub fn find_radar<'a>(sensors: &'a [Sensor], name: &str) -> Result<&'a Sensor, String> {
    sensors
        .iter()
        .find(|s| s.name == name && s.radar().is_some())
        .ok_or_else(|| format!("Radar: '{name}' is not a radar in the catalog"))
}

/// The same radar with its antenna at `height_m` above the surface.
pub fn at_height(radar: &Radar, height_m: f64) -> Result<Radar, String> {
    if !(height_m.is_finite() && height_m >= 0.0) {
        return Err(format!(
            "Radar height: {height_m} m must be a number of metres, 0 or more"
        ));
    }
    Radar::new(RadarSpec {
        antenna_height_m: height_m,
        ..radar.spec().clone()
    })
    .map_err(|e| format!("Radar height: {e}"))
}

/// Ground distance (km, on the mean sphere) from the radar to a point, by the angle between the two
/// ellipsoid normals: the central angle the core's line of sight uses.
pub fn ground_km_from(radar: &Radar, lat_deg: f64, lon_deg: f64) -> f64 {
    let up = vertical_ecef(lat_deg.to_radians(), lon_deg.to_radians());
    ground_range_between_m(MEAN_RADIUS_M, &radar.up_ecef(), &up) / 1000.0
}

/// A point of the flight as the radar sees it.
///
/// # Units
/// Seconds after launch, km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeenPoint {
    pub t_s: f64,
    pub ground_km: f64,
    pub alt_km: f64,
}

/// The flight's track as (time, ground distance from the radar, height).
pub fn profile(flight: &FlightView, radar: &Radar) -> Vec<SeenPoint> {
    flight
        .track
        .iter()
        .map(|p| SeenPoint {
            t_s: p.t_s,
            ground_km: ground_km_from(radar, p.lat_deg, p.lon_deg),
            alt_km: p.alt_km.max(0.0),
        })
        .collect()
}

/// The flight at a time, as the radar sees it.
pub fn seen_at(flight: &FlightView, radar: &Radar, t_s: f64) -> SeenPoint {
    let p = flight.at(t_s);
    SeenPoint {
        t_s: p.t_s,
        ground_km: ground_km_from(radar, p.lat_deg, p.lon_deg),
        alt_km: p.alt_km.max(0.0),
    }
}

/// When the flight rises into the radar's view (above its horizon in the effective Earth), or `None` if it
/// never does.
pub fn rise(flight: &FlightView, radar: &Radar, earth: &EffectiveEarth) -> Option<SeenPoint> {
    let truth: &dyn Truth = &flight.flight.trajectory;
    let t = first_above_horizon(truth, radar, earth, RISE_SCAN_MS)?;
    let t_s = (t - truth.start()).as_secs_f64();
    Some(seen_at(flight, radar, t_s))
}

/// "rises into view at T+97 s, altitude 62 km" (or why not).
pub fn rise_text(rise: Option<&SeenPoint>) -> String {
    match rise {
        Some(r) => format!(
            "rises into view at T+{:.0} s, altitude {:.0} km, {:.0} km away",
            r.t_s, r.alt_km, r.ground_km
        ),
        None => "never rises above this radar's horizon".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::launch_form::LaunchForm;
    use picture_sim::sensors::catalog;

    #[test]
    fn a_korean_radar_sees_the_sunan_launch_long_before_one_in_japan() {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let sensors = catalog().unwrap();
        let earth = EffectiveEarth::standard();
        let kr = find_radar(&sensors, "Green Pine (Chungcheong N)")
            .unwrap()
            .radar()
            .unwrap();
        let jp = find_radar(&sensors, "J/FPS-5 Sado")
            .unwrap()
            .radar()
            .unwrap();
        let (rk, rj) = (
            rise(&flight, kr, &earth).unwrap(),
            rise(&flight, jp, &earth).unwrap(),
        );
        assert!(rk.t_s < 60.0 && rk.alt_km < 15.0, "{rk:?}");
        assert!(rj.t_s > rk.t_s + 30.0 && rj.alt_km > 30.0, "{rj:?}");
        // At the rise the missile is at the horizon range for its height.
        let h = earth
            .horizon(jp.antenna_height_m(), rj.alt_km * 1000.0)
            .unwrap();
        assert!(
            (h.ground_range_m / 1000.0 - rj.ground_km).abs() < 15.0,
            "{h:?} {rj:?}"
        );
        // Geometric rays see less: later.
        let later = rise(&flight, jp, &EffectiveEarth::geometric()).unwrap();
        assert!(later.t_s > rj.t_s && later.alt_km > rj.alt_km);
        assert!(rise_text(Some(&rj)).starts_with("rises into view at T+"));
    }

    #[test]
    fn a_higher_antenna_sees_earlier_and_bad_heights_are_named() {
        let flight = FlightView::fly(&LaunchForm::default()).unwrap();
        let sensors = catalog().unwrap();
        let jp = find_radar(&sensors, "J/FPS-5 Sado")
            .unwrap()
            .radar()
            .unwrap();
        let earth = EffectiveEarth::standard();
        let high = at_height(jp, 3000.0).unwrap();
        assert!(rise(&flight, &high, &earth).unwrap().t_s < rise(&flight, jp, &earth).unwrap().t_s);
        assert!(at_height(jp, -1.0)
            .unwrap_err()
            .starts_with("Radar height:"));
        assert!(find_radar(&sensors, "SBIRS / DSP").is_err());
        assert!(radars(&sensors).len() >= 13);
    }

    #[test]
    fn distances_from_a_radar() {
        let sensors = catalog().unwrap();
        let r = find_radar(&sensors, "J/FPS-5 Sado")
            .unwrap()
            .radar()
            .unwrap();
        assert!(ground_km_from(r, 38.1, 138.4) < 1.0);
        let sunan = ground_km_from(r, 39.224, 125.67);
        assert!((1050.0..1150.0).contains(&sunan), "{sunan}");
    }
}
