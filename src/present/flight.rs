//! A flown launch as the UI draws it: the ground track with altitude and ground range, the events, and the
//! state at any time. Pure, tested natively.

use picture_sim::earth;
use picture_sim::flight::{fly_with, EventKind, Flight, ShapingMemory};

use crate::present::launch_form::LaunchForm;

/// Polyline points for drawing: more than enough for a smooth arc at the closest zoom.
const TRACK_POINTS: usize = 240;

/// # Units
/// Seconds after launch, degrees, km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrackPoint {
    pub t_s: f64,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub alt_km: f64,
    /// Ground range from the launch site along the WGS84 geodesic.
    pub range_km: f64,
    pub speed_km_s: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlightView {
    pub flight: Flight,
    pub site_lat_deg: f64,
    pub site_lon_deg: f64,
    pub track: Vec<TrackPoint>,
}

impl FlightView {
    /// Flies the form's launch at the scenario start; the error names the field or says why the flight is
    /// impossible.
    pub fn fly(form: &LaunchForm) -> Result<FlightView, String> {
        FlightView::fly_at(form, 0.0)
    }

    /// Flies the form's launch `offset_s` seconds after the scenario start: the trajectory's times are
    /// scenario times, its samples (and [`FlightView::at`]) seconds after its own launch.
    pub fn fly_at(form: &LaunchForm, offset_s: f64) -> Result<FlightView, String> {
        FlightView::fly_at_with(form, offset_s, &mut ShapingMemory::new())
    }

    /// [`FlightView::fly_at`] with the solvers' memory of earlier flights (the same flight, sooner when an
    /// earlier one was aimed from the same site in the same direction).
    pub fn fly_at_with(
        form: &LaunchForm,
        offset_s: f64,
        memory: &mut ShapingMemory,
    ) -> Result<FlightView, String> {
        let mut request = form.to_request()?;
        request.launch_time = picture_sim::SimTime::from_secs(offset_s);
        let flight = fly_with(&request, memory).map_err(|e| e.to_string())?;
        Ok(FlightView::new(
            flight,
            request.site.lat_deg(),
            request.site.lon_deg(),
        ))
    }

    pub fn new(flight: Flight, site_lat_deg: f64, site_lon_deg: f64) -> FlightView {
        let mut v = FlightView {
            flight,
            site_lat_deg,
            site_lon_deg,
            track: Vec::new(),
        };
        let d = v.duration_s();
        v.track = (0..TRACK_POINTS)
            .map(|i| v.at(d * i as f64 / (TRACK_POINTS - 1) as f64))
            .collect();
        v
    }

    /// Launch time, seconds after the scenario start.
    pub fn launch_offset_s(&self) -> f64 {
        self.flight.trajectory.launch_time().as_secs()
    }

    /// The missile at scenario time `t_s` (seconds after the scenario start, clamped to the flight).
    pub fn at_scenario(&self, t_s: f64) -> TrackPoint {
        self.at(t_s - self.launch_offset_s())
    }

    /// Whether the missile is in the air at scenario time `t_s`.
    pub fn in_flight_at(&self, t_s: f64) -> bool {
        let t = t_s - self.launch_offset_s();
        (0.0..=self.duration_s()).contains(&t)
    }

    pub fn duration_s(&self) -> f64 {
        self.flight.summary.flight_time_s
    }

    /// The missile at `t_s` seconds after launch (clamped to the flight).
    pub fn at(&self, t_s: f64) -> TrackPoint {
        let s = self.flight.trajectory.sample(t_s);
        let (lat_deg, lon_deg) = (s.geodetic.lat_deg(), s.geodetic.lon_deg());
        TrackPoint {
            t_s: s.t_s,
            lat_deg,
            lon_deg,
            alt_km: s.geodetic.h_m / 1000.0,
            range_km: earth::inverse(self.site_lat_deg, self.site_lon_deg, lat_deg, lon_deg)
                .distance_m
                / 1000.0,
            speed_km_s: s.speed_m_s / 1000.0,
        }
    }

    /// The events worth marking on the map: (label, point).
    pub fn markers(&self) -> Vec<(String, TrackPoint)> {
        self.flight
            .summary
            .events
            .iter()
            .filter_map(|e| {
                let label = match e.kind {
                    EventKind::Burnout { stage } => format!("Stage {stage} burnout"),
                    EventKind::Apogee => "Apogee".to_string(),
                    EventKind::Impact => "Impact".to_string(),
                    EventKind::Launch | EventKind::Reentry => return None,
                };
                Some((label, self.at(e.t_s)))
            })
            .collect()
    }
}

/// A flown launch with its identity: (its index in the scenario's launch list, its flight). The presenters
/// carry the index through to what they report, so the map and panels never guess which launch a detection
/// or a track belongs to.
pub type Launched<'a> = (usize, &'a FlightView);

/// "123 km" to the nearest km, never "-0 km" (a missile on the pad may sit a few metres below the ellipsoid).
/// The altitude-and-speed chart as a table, for readers who cannot see the chart: a row every `step_s`
/// seconds after launch and one at impact (time, altitude km, ground range km, speed km/s).
pub fn chart_rows(f: &FlightView, step_s: f64) -> Vec<[String; 4]> {
    let d = f.duration_s();
    let n = (d / step_s.max(1.0)).floor() as usize;
    (0..=n)
        .map(|i| i as f64 * step_s)
        .chain((d > n as f64 * step_s).then_some(d))
        .map(|t| {
            let p = f.at(t);
            [
                format_elapsed(t),
                format!("{:.1}", p.alt_km.max(0.0)),
                format!("{:.0}", p.range_km),
                format!("{:.2}", p.speed_km_s),
            ]
        })
        .collect()
}

pub fn km_label(km: f64) -> String {
    let whole = km.round();
    format!("{:.0} km", if whole == 0.0 { 0.0 } else { whole })
}

/// The fans' altitude that follows the missile at scenario time `t_s`: its altitude in steps of 10 km (the
/// slider's), so that the fans are redrawn a few dozen times a flight, not every frame; 0 to 1,000 km.
pub fn following_fan_alt_km(f: &FlightView, t_s: f64) -> f64 {
    ((f.at_scenario(t_s).alt_km / 10.0).round() * 10.0).clamp(0.0, 1000.0)
}

/// "T+12:34" for seconds after launch.
pub fn format_elapsed(t_s: f64) -> String {
    let t = t_s.max(0.0).round() as i64;
    format!("T+{:02}:{:02}", t / 60, t % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_fans_take_the_missiles_altitude_in_ten_km_steps() {
        let v = FlightView::fly(&crate::present::launch_form::LaunchForm::default()).unwrap();
        assert_eq!(following_fan_alt_km(&v, -5.0), 0.0);
        let top = v
            .flight
            .trajectory
            .samples(400)
            .into_iter()
            .map(|s| s.geodetic.h_m / 1000.0)
            .fold(0.0, f64::max);
        let apogee = (0..=400)
            .map(|i| {
                following_fan_alt_km(&v, v.launch_offset_s() + v.duration_s() * i as f64 / 400.0)
            })
            .fold(0.0, f64::max);
        assert!(
            (apogee - top).abs() <= 5.0 + 1e-9 && apogee % 10.0 == 0.0,
            "{apogee} {top}"
        );
    }

    #[test]
    fn the_chart_as_a_table_has_a_row_a_minute_and_one_at_impact() {
        let v = FlightView::fly(&crate::present::launch_form::LaunchForm::default()).unwrap();
        let rows = chart_rows(&v, 60.0);
        let d = v.duration_s();
        assert_eq!(rows.len(), (d / 60.0).floor() as usize + 2, "{d} s");
        assert_eq!(rows[0][0], "T+00:00");
        assert_eq!(rows[1][0], "T+01:00");
        assert_eq!(rows.last().unwrap()[0], format_elapsed(d));
        // The table's highest altitude is within a minute's climb of the apogee the figures give.
        let top = rows
            .iter()
            .map(|r| r[1].parse::<f64>().unwrap())
            .fold(0.0, f64::max);
        let apogee_km = v.flight.summary.apogee_m / 1e3;
        assert!(
            top <= apogee_km + 0.05 && top > apogee_km - 60.0,
            "{top} vs {apogee_km}"
        );
    }

    #[test]
    fn kilometres_never_read_minus_zero() {
        assert_eq!(km_label(-0.3), "0 km");
        assert_eq!(km_label(-0.0), "0 km");
        assert_eq!(km_label(0.4), "0 km");
        assert_eq!(km_label(549.6), "550 km");
        assert_eq!(km_label(-2.0), "-2 km");
    }

    #[test]
    fn the_default_launch_flies_as_reported() {
        let v = FlightView::fly(&LaunchForm::default()).expect("default flies");
        let s = &v.flight.summary;
        assert!(
            (s.apogee_m / 1000.0 - 550.0).abs() < 5.0,
            "apogee {}",
            s.apogee_m
        );
        assert!(
            (s.range_m / 1000.0 - 2700.0).abs() < 10.0,
            "range {}",
            s.range_m
        );
        assert_eq!(v.track.len(), TRACK_POINTS);
        let last = v.track.last().unwrap();
        assert!((last.range_km - s.range_m / 1000.0).abs() < 1.0);
        assert!(last.alt_km.abs() < 0.5);
        assert!(v.markers().iter().any(|(l, _)| l == "Apogee"));
        assert!(v.markers().iter().any(|(l, _)| l == "Impact"));
    }

    #[test]
    fn an_impossible_launch_says_why() {
        let form = LaunchForm {
            missile: "hwasong-11".into(),
            shape: crate::present::launch_form::ShapeChoice::MinEnergy,
            aim: crate::present::launch_form::AimForm::AzimuthRange {
                azimuth_deg: 90.0,
                range_km: 3000.0,
            },
            ..LaunchForm::default()
        };
        let e = FlightView::fly(&form).unwrap_err();
        assert!(e.contains("cannot"), "{e}");
    }

    #[test]
    fn elapsed_format() {
        assert_eq!(format_elapsed(0.0), "T+00:00");
        assert_eq!(format_elapsed(754.4), "T+12:34");
    }
}
