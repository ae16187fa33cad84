//! What the sensors make of the current flight, as the UI shows it: coverage footprints at a chosen altitude,
//! each sensor's first detection (or why it could not see earlier), and who sees the missile at a given time.
//! Pure, tested natively.

use crate::present::flight::Launched;
use picture_sim::earth::{Ellipsoid, LocalFrame};
use picture_sim::measurement::{Measurement, MeasurementKind};
use picture_sim::scenario::sense;
use picture_sim::sensors::{
    footprints, CoverageError, DetectionConfig, EffectiveEarth, Footprint, MissReason, Nation,
    Sensor,
};
use picture_sim::SimTime;
use serde::{Deserialize, Serialize};

/// Footprint outline resolution, degrees of azimuth: smooth at the closest zoom, under a millisecond for
/// the whole catalog.
const FOOTPRINT_STEP_DEG: f64 = 2.0;

/// A radar "sees" the missile at a time if it detected it within this many update intervals before.
const SEEING_INTERVALS: i64 = 2;

/// Footprints of the enabled sensors for a target at `alt_km`; `None` for a sensor that cannot see that
/// altitude at all (or has no ground footprint: infrared).
pub fn coverage(
    sensors: &[Sensor],
    enabled: &[bool],
    earth: &EffectiveEarth,
    alt_km: f64,
) -> Result<Vec<(usize, Footprint)>, CoverageError> {
    let fps = footprints(sensors, earth, alt_km * 1000.0, FOOTPRINT_STEP_DEG)?;
    Ok(fps
        .into_iter()
        .enumerate()
        .filter(|(i, _)| enabled.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, f)| f.map(|f| (i, f)))
        .collect())
}

/// What one sensor made of one launch: a row of the sensors list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensorRow {
    /// The sensor's index in the catalog.
    pub index: usize,
    /// The launch its detections are of: its index in the scenario's launch list.
    pub launch: usize,
    pub name: String,
    pub nation: Nation,
    pub first_detection_s: Option<f64>,
    pub above_horizon_s: Option<f64>,
    pub detections: usize,
    /// Why it could not see before its first detection, the longest-lasting reason first.
    pub held_back_by: Option<MissReason>,
    /// Times of the detections, s after the scenario start (for the timeline and "who sees now").
    pub detection_times_s: Vec<f64>,
    /// Where each detection put the target, (lat, lon) degrees, in step with `detection_times_s` (`None` for a
    /// report that gives no position).
    pub detection_points: Vec<Option<(f64, f64)>>,
    pub update_interval_s: f64,
}

pub fn reason_text(r: MissReason) -> &'static str {
    match r {
        MissReason::BelowHorizon => "below the horizon",
        MissReason::BelowMinElevation => "below the minimum elevation",
        MissReason::AboveMaxElevation => "above the maximum elevation",
        MissReason::OutsideSector => "outside the sector",
        MissReason::BeyondRange => "beyond range",
        MissReason::InsideMinRange => "inside the minimum range",
        MissReason::PdDrawFailed => "detection draws failed",
        MissReason::NoPlume => "no plume visible",
        MissReason::NotInFlight => "not in flight",
    }
}

/// What the enabled sensors made of a flight.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Detections {
    pub rows: Vec<SensorRow>,
    /// Every measurement, in time order; `measurement.sensor` indexes `nations`.
    pub measurements: Vec<Measurement>,
    /// The nation of each sensor that took part, in the measurements' sensor indexing.
    pub nations: Vec<Nation>,
    /// The catalog index of each sensor that took part, in the measurements' sensor indexing.
    pub catalog_index: Vec<usize>,
}

/// Runs the enabled sensors against every flight of the scenario (each with its launch index), by the core's
/// pipeline (`picture_sim::scenario::sense`, as `picture run` does). Times are seconds after the scenario
/// start (each flight's trajectory starts at its own launch time).
pub fn detect(
    flights: &[Launched],
    sensors: &[Sensor],
    enabled: &[bool],
    earth: EffectiveEarth,
    seed: u64,
) -> Detections {
    let chosen: Vec<(usize, Sensor)> = sensors
        .iter()
        .enumerate()
        .filter(|(i, _)| enabled.get(*i).copied().unwrap_or(true))
        .map(|(i, s)| (i, s.clone()))
        .collect();
    let list: Vec<Sensor> = chosen.iter().map(|(_, s)| s.clone()).collect();
    let flown: Vec<&picture_sim::flight::Flight> = flights.iter().map(|(_, f)| &f.flight).collect();
    let config = DetectionConfig {
        earth,
        seed,
        ..DetectionConfig::default()
    };
    let sensed = sense(&flown, &list, &config);
    let secs = |t: SimTime| t.as_secs();
    let rows = sensed
        .run
        .reports
        .into_iter()
        .filter_map(|r| {
            let index = chosen.get(r.sensor.0)?.0;
            let launch = flights.get(r.target)?.0;
            let held_back_by = r
                .misses_before_first
                .iter()
                .max_by_key(|m| m.to - m.from)
                .map(|m| m.reason);
            let update_interval_s = sensors[index]
                .radar()
                .map(|rd| rd.update_interval_ms() as f64 / 1000.0)
                .unwrap_or(10.0);
            Some(SensorRow {
                index,
                launch,
                name: r.name,
                nation: r.nation,
                first_detection_s: r.first_detection.map(secs),
                above_horizon_s: r.above_horizon.map(secs),
                detections: r.detections,
                held_back_by,
                detection_times_s: r.measurements.iter().map(|m| secs(m.time)).collect(),
                detection_points: r.measurements.iter().map(plot_position).collect(),
                update_interval_s,
            })
        })
        .collect();
    Detections {
        rows,
        measurements: sensed.measurements,
        nations: sensed.nations,
        catalog_index: chosen.iter().map(|(i, _)| *i).collect(),
    }
}

/// Where a radar plot puts the target, (lat, lon) degrees; `None` for a launch report.
fn plot_position(m: &Measurement) -> Option<(f64, f64)> {
    match &m.kind {
        MeasurementKind::Radar { site, aer, .. } => {
            let e = Ellipsoid::WGS84;
            let g = e.to_geodetic(&LocalFrame::at(&e, *site).ecef_of(&aer.to_enu()));
            Some((g.lat_deg(), g.lon_deg()))
        }
        MeasurementKind::LaunchReport { .. } => None,
    }
}

impl SensorRow {
    /// Where the sensor's last detection at or before `t_s` put the target, if it still sees it then.
    pub fn seen_at(&self, t_s: f64) -> Option<(f64, f64)> {
        if !self.sees_at(t_s) {
            return None;
        }
        let i = self.detection_times_s.partition_point(|&d| d <= t_s);
        self.detection_points
            .get(i.checked_sub(1)?)
            .copied()
            .flatten()
    }

    /// Whether the sensor has the missile at `t_s`: a detection within the last two update intervals.
    pub fn sees_at(&self, t_s: f64) -> bool {
        let window = self.update_interval_s * SEEING_INTERVALS as f64;
        let i = self.detection_times_s.partition_point(|&d| d <= t_s);
        i > 0 && t_s - self.detection_times_s[i - 1] <= window
    }
}

/// The nation's colour, from the Okabe-Ito palette (distinct for the common colour-vision deficiencies).
pub fn nation_colour(n: Nation) -> &'static str {
    match n {
        Nation::JP => "#d55e00",
        Nation::KR => "#0072b2",
        Nation::US => "#009e73",
    }
}

pub fn nation_name(n: Nation) -> &'static str {
    match n {
        Nation::JP => "Japan",
        Nation::KR => "South Korea",
        Nation::US => "United States",
    }
}

/// Every catalog sensor, switched on, against `flights` (launches 0, 1, ...) under standard refraction: the
/// tests' usual detections.
#[cfg(test)]
pub fn detect_with_every_sensor(
    flights: &[&crate::present::flight::FlightView],
    seed: u64,
) -> Detections {
    let sensors = picture_sim::sensors::catalog().expect("the sensor catalog");
    let launched: Vec<Launched> = flights.iter().copied().enumerate().collect();
    detect(
        &launched,
        &sensors,
        &vec![true; sensors.len()],
        EffectiveEarth::standard(),
        seed,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::flight::FlightView;
    use crate::present::launch_form::{AimForm, LaunchForm, ShapeChoice};
    use picture_sim::sensors::catalog;

    #[test]
    fn each_detection_says_where_it_put_the_missile() {
        let f = sunan_lofted();
        let d = crate::present::detections::detect_with_every_sensor(&[&f], 3);
        let mut radar_plots = 0;
        for r in &d.rows {
            assert_eq!(r.detection_points.len(), r.detection_times_s.len());
            for (t, p) in r.detection_times_s.iter().zip(&r.detection_points) {
                let Some((lat, lon)) = p else { continue };
                radar_plots += 1;
                // Within a few km of the missile (radar noise), far closer than a second missile would be.
                let truth = f.at_scenario(*t);
                let km = picture_sim::earth::inverse(*lat, *lon, truth.lat_deg, truth.lon_deg)
                    .distance_m
                    / 1e3;
                assert!(km < 20.0, "{} at {t} s: {km:.1} km off", r.name);
            }
            if let Some(t) = r.detection_times_s.first() {
                assert_eq!(r.seen_at(*t), r.detection_points[0]);
            }
            assert_eq!(r.seen_at(-1.0), None);
        }
        assert!(radar_plots > 100, "{radar_plots} radar plots");
    }

    fn sunan_lofted() -> FlightView {
        FlightView::fly(&first_form()).unwrap()
    }

    fn first_form() -> LaunchForm {
        LaunchForm {
            missile: "hwasong-15".into(),
            shape: ShapeChoice::AsReported,
            apogee_km: 4475.0,
            aim: AimForm::AzimuthRange {
                azimuth_deg: 73.9,
                range_km: 950.0,
            },
            ..LaunchForm::default()
        }
    }

    #[test]
    fn fans_shrink_as_the_altitude_falls() {
        let sensors = catalog().unwrap();
        let on = vec![true; sensors.len()];
        let earth = EffectiveEarth::standard();
        let high = coverage(&sensors, &on, &earth, 500.0).unwrap();
        let low = coverage(&sensors, &on, &earth, 10.0).unwrap();
        let reach = |c: &[(usize, Footprint)], i: usize| {
            c.iter()
                .find(|(j, _)| *j == i)
                .map(|(_, f)| f.max_ground_range_m)
                .unwrap_or(0.0)
        };
        let tpy2 = sensors
            .iter()
            .position(|s| s.name.contains("Shariki"))
            .unwrap();
        assert!(reach(&low, tpy2) < reach(&high, tpy2) / 2.0);
        // A disabled sensor has no fan.
        let mut off = on.clone();
        off[tpy2] = false;
        assert!(coverage(&sensors, &off, &earth, 500.0)
            .unwrap()
            .iter()
            .all(|(i, _)| *i != tpy2));
    }

    #[test]
    fn south_korea_sees_a_sunan_launch_first() {
        let sensors = catalog().unwrap();
        let rows = detect(
            &[(0, &sunan_lofted())],
            &sensors,
            &vec![true; sensors.len()],
            EffectiveEarth::standard(),
            7,
        )
        .rows;
        let first = |n: Nation| {
            rows.iter()
                .filter(|r| r.nation == n && !r.name.contains("SBIRS"))
                .filter_map(|r| r.first_detection_s)
                .fold(f64::INFINITY, f64::min)
        };
        assert!(
            first(Nation::KR) < first(Nation::JP),
            "KR {} JP {}",
            first(Nation::KR),
            first(Nation::JP)
        );
        let jp = rows.iter().find(|r| r.name.contains("Ominato")).unwrap();
        assert_eq!(jp.held_back_by.map(reason_text), Some("below the horizon"));
        let seen = rows.iter().find(|r| r.first_detection_s.is_some()).unwrap();
        assert!(seen.sees_at(seen.first_detection_s.unwrap() + 0.1));
        assert!(!seen.sees_at(seen.first_detection_s.unwrap() - 0.1));
    }

    #[test]
    fn a_later_launch_is_seen_later_and_two_are_seen_more() {
        let sensors = catalog().unwrap();
        let on = vec![true; sensors.len()];
        let first = sunan_lofted();
        let later = FlightView::fly_at(&first_form(), 600.0).unwrap();
        let one = detect(&[(0, &first)], &sensors, &on, EffectiveEarth::standard(), 7);
        let shifted = detect(&[(0, &later)], &sensors, &on, EffectiveEarth::standard(), 7);
        let both = detect(
            &[(0, &first), (3, &later)],
            &sensors,
            &on,
            EffectiveEarth::standard(),
            7,
        );
        let earliest = |d: &Detections| {
            d.rows
                .iter()
                .filter_map(|r| r.first_detection_s)
                .fold(f64::INFINITY, f64::min)
        };
        assert!((earliest(&shifted) - earliest(&one) - 600.0).abs() < 30.0);
        assert!(both.measurements.len() > one.measurements.len());
        assert_eq!(earliest(&both), earliest(&one));
        // Each row names the launch its detections are of, by the launch's index in the scenario.
        let of = |launch: usize| both.rows.iter().filter(move |r| r.launch == launch);
        assert_eq!(of(0).count() + of(3).count(), both.rows.len());
        for r in of(3) {
            let alone = shifted.rows.iter().find(|s| s.index == r.index).unwrap();
            // The horizon is geometry: the same for the later launch alone (the draws are per pair and differ).
            assert_eq!(r.above_horizon_s, alone.above_horizon_s, "{}", r.name);
        }
        assert!(of(3).any(|r| r.first_detection_s.is_some()));
        // The catalog index of each sensor of the measurements.
        assert_eq!(both.catalog_index, (0..sensors.len()).collect::<Vec<_>>());
    }
}
