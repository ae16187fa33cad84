//! One sample: the draws turned into a missile, sensors, a target and links, then the whole chain.

use super::{Guidance, Study};
use crate::earth::destination;
use crate::flight::{self, uncertain, EarthModel, Flight};
use crate::limits;
use crate::scenario::{pipeline_models, score_pictures_with, sense};
use crate::sensors::radar::{Radar, RadarSpec};
use crate::sensors::rcs::{RcsModel, RcsSpec};
use crate::sensors::{DetectionConfig, SensorKind};
use crate::tracking::metrics::{compare, Gain, MetricsConfig};
use serde::{Deserialize, Serialize};

/// A flight's figures in one sample.
///
/// # Units
/// Seconds, metres, degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FlightFigures {
    pub flight_time_s: f64,
    pub range_m: f64,
    pub apogee_m: f64,
    pub impact_lat_deg: f64,
    pub impact_lon_deg: f64,
}

/// What one sample found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleFigures {
    /// Per launch.
    pub flights: Vec<FlightFigures>,
    /// Per picture (the scenario's order), the worst-case warning time left at each event, seconds.
    pub warning_left_s: Vec<[Option<f64>; 4]>,
    /// The trilateral picture's gain over each nation alone.
    pub gains: Vec<Gain>,
}

/// Where a sample's time went, seconds of the clock given to [`Study::run_sample`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CostSplit {
    pub flight_s: f64,
    pub detection_s: f64,
    /// Per picture: its tracking and its scoring.
    pub pictures_s: Vec<f64>,
}

/// One sample: its index, the values its inputs took (in the order of [`Study::quantities`]), the seed of its
/// detections, and its figures or why it could not be run (a sample missile that cannot fly its program).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleResult {
    pub index: usize,
    pub inputs: Vec<f64>,
    pub detection_seed: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<SampleFigures>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub cost: CostSplit,
}

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): a sample's noise seed from the study's seed and its index,
/// well mixed so that neighbouring samples share nothing.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn db_ratio(db: f64) -> f64 {
    10f64.powf(db / 10.0)
}

impl Study {
    /// Runs sample `index` (below the settings' `runs`). `clock` reads a monotonic clock in seconds (the
    /// caller's: `Instant` natively, `performance.now()` in a page); it only fills the cost split.
    pub fn run_sample(&self, index: usize, clock: &dyn Fn() -> f64) -> SampleResult {
        if index >= self.settings.runs {
            return SampleResult {
                index,
                inputs: Vec::new(),
                detection_seed: 0,
                figures: None,
                error: Some(format!(
                    "sample {index}: the study has samples 0..{}",
                    self.settings.runs
                )),
                cost: CostSplit::default(),
            };
        }
        let u = self.draws.sample(index);
        let unc = &self.uncertainties;
        let mut inputs = vec![0.0; u.len()];
        let detection_seed = if unc.noise {
            mix(self.settings.seed ^ mix(self.scenario.seed.wrapping_add(index as u64)))
        } else {
            self.scenario.seed
        };
        let mut cost = CostSplit::default();
        let mut result = SampleResult {
            index,
            inputs: Vec::new(),
            detection_seed,
            figures: None,
            error: None,
            cost: CostSplit::default(),
        };

        // The missiles.
        let t0 = clock();
        let vehicles: Vec<flight::Vehicle> = self
            .layout
            .types
            .iter()
            .map(|t| {
                let mut factors = Vec::with_capacity(t.count);
                let mut d = t.first;
                for s in &t.spreads {
                    for _ in 0..uncertain::factor_count(t.vehicle, std::slice::from_ref(s)) {
                        let f = s.factor.at(u[d]);
                        inputs[d] = f;
                        factors.push(f);
                        d += 1;
                    }
                }
                uncertain::perturbed(t.vehicle, &t.spreads, &factors)
            })
            .collect();
        let mut flights: Vec<Flight> = Vec::with_capacity(self.nominal.len());
        // Launches of one sample share its missiles: their searches too.
        let mut memory = flight::ShapingMemory::new();
        for (i, (nominal, l)) in self.nominal.iter().zip(&self.scenario.launches).enumerate() {
            let vehicle = &vehicles[self.layout.launch_type[i]];
            let flown = match self.settings.guidance {
                Guidance::Aimed => {
                    flight::fly_vehicle_on(vehicle, l, &EarthModel::WGS84, &mut memory)
                }
                Guidance::NominalProgram => flight::flight_of(
                    vehicle,
                    &EarthModel::WGS84,
                    &l.site,
                    &nominal.program,
                    l.launch_time,
                ),
            };
            match flown {
                Ok(f) => flights.push(f),
                Err(e) => {
                    result.error = Some(format!("launches[{i}]: {e}"));
                    result.inputs = inputs;
                    return result;
                }
            }
        }
        cost.flight_s = clock() - t0;

        // The sensors and the target.
        let t0 = clock();
        let mut sensors = self.sensors.clone();
        for &(s, d) in &self.layout.radar_snr {
            let sensor = &mut sensors[s];
            let delta_db = (2.0 * u[d] - 1.0) * unc.snr_db_of(&sensor.name);
            inputs[d] = delta_db;
            if delta_db == 0.0 {
                continue;
            }
            if let SensorKind::GroundRadar(r) | SensorKind::ShipRadar(r) = &mut sensor.kind {
                let mut spec: RadarSpec = r.spec().clone();
                spec.reference.snr_db += delta_db;
                match Radar::new(spec) {
                    Ok(moved) => *r = moved,
                    Err(e) => {
                        result.error = Some(format!("{}: {e}", sensor.name));
                        result.inputs = inputs;
                        return result;
                    }
                }
            }
        }
        for &(s, d) in &self.layout.ships {
            let r_m = unc.ship_radius_m * u[d].sqrt();
            let bearing_deg = 360.0 * u[d + 1];
            inputs[d] = r_m;
            inputs[d + 1] = bearing_deg;
            if r_m == 0.0 {
                continue;
            }
            let sensor = &mut sensors[s];
            let Some(radar) = sensor.radar() else {
                continue;
            };
            let spec = radar.spec();
            let (lat_deg, lon_deg) = destination(spec.lat_deg, spec.lon_deg, bearing_deg, r_m);
            if let Err(e) = sensor.move_to(lat_deg, lon_deg) {
                result.error = Some(format!("{}: {e}", sensor.name));
                result.inputs = inputs;
                return result;
            }
        }
        let base = *DetectionConfig::default().rcs.spec();
        let rcs_db = [
            unc.rcs_db.booster_db,
            unc.rcs_db.midcourse_db,
            unc.rcs_db.reentry_db,
        ];
        let offsets: Vec<f64> = (0..3)
            .map(|k| {
                let d = self.layout.rcs + k;
                inputs[d] = (2.0 * u[d] - 1.0) * rcs_db[k];
                inputs[d]
            })
            .collect();
        let rcs = match RcsModel::new(RcsSpec {
            booster_m2: base.booster_m2 * db_ratio(offsets[0]),
            midcourse_m2: base.midcourse_m2 * db_ratio(offsets[1]),
            reentry_m2: base.reentry_m2 * db_ratio(offsets[2]),
        }) {
            Ok(m) => m,
            Err(e) => {
                result.error = Some(format!("cross-section: {e}"));
                result.inputs = inputs;
                return result;
            }
        };
        let detection = DetectionConfig {
            seed: detection_seed,
            rcs,
            // Validated with the scenario when the study was made.
            earth: self.scenario.earth().unwrap_or_default(),
            ..DetectionConfig::default()
        };
        let refs: Vec<&Flight> = flights.iter().collect();
        let sensed = sense(&refs, &sensors, &detection);
        cost.detection_s = clock() - t0;

        // The links and the pictures.
        let mut pictures = self.scenario.pictures.clone();
        for (p, dims) in pictures.iter_mut().zip(&self.layout.latency) {
            for (link, &d) in p.links.iter_mut().zip(dims) {
                let f = unc.latency.at(u[d]);
                link.latency_ms =
                    ((link.latency_ms as f64 * f).round() as i64).clamp(0, limits::LATENCY_MAX_MS);
                inputs[d] = link.latency_ms as f64;
            }
        }
        // The events need no impact-error series: predictions stop at the 25 km event.
        let metrics = MetricsConfig {
            error_series: false,
            ..pipeline_models().2
        };
        let mut scored = Vec::with_capacity(pictures.len());
        for p in &pictures {
            let t0 = clock();
            match score_pictures_with(
                &refs,
                std::slice::from_ref(p),
                &sensed.nations,
                &sensed.measurements,
                &metrics,
                |_, _, _| {},
            ) {
                Ok(s) => scored.extend(s.pictures),
                Err(e) => {
                    result.error = Some(e.to_string());
                    result.inputs = inputs;
                    return result;
                }
            }
            cost.pictures_s.push(clock() - t0);
        }
        let comparison = compare(&scored);
        result.figures = Some(SampleFigures {
            flights: flights
                .iter()
                .map(|f| FlightFigures {
                    flight_time_s: f.summary.flight_time_s,
                    range_m: f.summary.range_m,
                    apogee_m: f.summary.apogee_m,
                    impact_lat_deg: f.summary.impact_lat_deg,
                    impact_lon_deg: f.summary.impact_lon_deg,
                })
                .collect(),
            warning_left_s: comparison.rows.iter().map(|r| r.warning_left_s).collect(),
            gains: comparison.sharing_gain,
        });
        result.inputs = inputs;
        result.cost = cost;
        result
    }
}
