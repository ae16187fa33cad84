//! Truth and measurement fixtures for tests, benchmarks and demonstrations of the tracker, independent of the
//! flight and sensor models: a missile that boosts at constant thrust acceleration along a fixed direction and
//! then coasts under J2 gravity in the rotating frame ([`BallisticTruth`]); a radar that reports every target
//! above its horizon and within its range once per period with Gaussian noise ([`FixtureRadar`]).
//! Everything is seeded: the same seed gives the same plots.
//!
//! Compiled only with the crate's `fixtures` feature (tests, benchmarks, examples), never into the product.

use super::measurement_model::{RadarAerModel, RadarPlot};
use super::transition::ballistic_acceleration_m_s2;
use super::{state_vector, GaussianState, StateCovariance};
use crate::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use crate::measurement::{Measurement, MeasurementKind, SensorIndex};
use crate::time::{Duration, SimTime};
use crate::truth::{FlightPhase, TargetState, Truth};
use nalgebra::{Point3, Vector3};
use rand::{Rng, SeedableRng};
use rand_distr::StandardNormal;

/// A boost-then-coast launch.
///
/// # Units
/// Azimuth and pitch in degrees (azimuth clockwise from north; pitch of the thrust above the launch site's
/// horizontal); burn in seconds; thrust acceleration in m/s^2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaunchSpec {
    pub launch: Geodetic,
    pub launch_time: SimTime,
    pub azimuth_deg: f64,
    pub pitch_deg: f64,
    pub burn_s: f64,
    pub thrust_accel_m_s2: f64,
}

/// A flown trajectory sampled every 100 ms, linearly interpolated.
#[derive(Debug, Clone, PartialEq)]
pub struct BallisticTruth {
    samples: Vec<(Ecef, Vector3<f64>, FlightPhase)>,
    start: SimTime,
    end: SimTime,
    burnout: SimTime,
    impact: Geodetic,
    ellipsoid: Ellipsoid,
}

const STEP_MS: i64 = 100;

impl BallisticTruth {
    /// Flies a launch to impact (at most four hours).
    pub fn fly(spec: &LaunchSpec, ellipsoid: &Ellipsoid) -> BallisticTruth {
        let frame = LocalFrame::at(ellipsoid, spec.launch);
        let (sa, ca) = spec.azimuth_deg.to_radians().sin_cos();
        let (sp, cp) = spec.pitch_deg.to_radians().sin_cos();
        let thrust_dir = frame.vector_to_ecef(&Vector3::new(cp * sa, cp * ca, sp));
        let pos = ellipsoid.to_ecef(&spec.launch);
        let burn_ms = (spec.burn_s * 1000.0).round() as i64;
        let accel = move |t_ms: i64, r: &Vector3<f64>, v: &Vector3<f64>| {
            let thrust = if t_ms < burn_ms {
                thrust_dir * spec.thrust_accel_m_s2
            } else {
                Vector3::zeros()
            };
            ballistic_acceleration_m_s2(r, v) + thrust
        };
        Self::integrate(
            pos,
            Vector3::zeros(),
            spec.launch_time,
            burn_ms,
            accel,
            ellipsoid,
        )
    }

    /// Coasts from a state (no thrust) to impact.
    pub fn coast(start: &TargetState, ellipsoid: &Ellipsoid) -> BallisticTruth {
        Self::integrate(
            start.pos,
            start.vel_ecef_m_s,
            start.time,
            0,
            |_, r, v| ballistic_acceleration_m_s2(r, v),
            ellipsoid,
        )
    }

    fn integrate(
        pos: Ecef,
        vel: Vector3<f64>,
        start: SimTime,
        burn_ms: i64,
        accel: impl Fn(i64, &Vector3<f64>, &Vector3<f64>) -> Vector3<f64>,
        ellipsoid: &Ellipsoid,
    ) -> BallisticTruth {
        let h = STEP_MS as f64 / 1000.0;
        let mut r = pos.0.coords;
        let mut v = vel;
        let phase_of = |t_ms: i64, g: &Geodetic, v: &Vector3<f64>| {
            if t_ms < burn_ms {
                return FlightPhase::Boost { stage: 1 };
            }
            let (sl, cl) = g.lat_rad.sin_cos();
            let (so, co) = g.lon_rad.sin_cos();
            let up = Vector3::new(cl * co, cl * so, sl);
            if v.dot(&up) < 0.0 && g.h_m < 100_000.0 {
                FlightPhase::Reentry
            } else {
                FlightPhase::Midcourse
            }
        };
        let mut samples = vec![(pos, vel, phase_of(0, &ellipsoid.to_geodetic(&pos), &vel))];
        let mut t_ms = 0;
        let start_h = ellipsoid.to_geodetic(&pos).h_m;
        let mut impact = ellipsoid.to_geodetic(&pos);
        while t_ms < 4 * 3_600_000 {
            let tm = t_ms + STEP_MS / 2;
            let (k1r, k1v) = (v, accel(t_ms, &r, &v));
            let (k2r, k2v) = (
                v + k1v * h / 2.0,
                accel(tm, &(r + k1r * h / 2.0), &(v + k1v * h / 2.0)),
            );
            let (k3r, k3v) = (
                v + k2v * h / 2.0,
                accel(tm, &(r + k2r * h / 2.0), &(v + k2v * h / 2.0)),
            );
            let (k4r, k4v) = (
                v + k3v * h,
                accel(t_ms + STEP_MS, &(r + k3r * h), &(v + k3v * h)),
            );
            let r1 = r + (k1r + k2r * 2.0 + k3r * 2.0 + k4r) * (h / 6.0);
            let v1 = v + (k1v + k2v * 2.0 + k3v * 2.0 + k4v) * (h / 6.0);
            t_ms += STEP_MS;
            let g1 = ellipsoid.to_geodetic(&Ecef(Point3::from(r1)));
            if g1.h_m < 0.0 && t_ms > 10_000 {
                // Interpolate the crossing of height 0 within the step.
                let h0 = ellipsoid.to_geodetic(&Ecef(Point3::from(r))).h_m;
                let f = (h0 / (h0 - g1.h_m)).clamp(0.0, 1.0);
                let rc = r + (r1 - r) * f;
                let vc = v + (v1 - v) * f;
                impact = ellipsoid.to_geodetic(&Ecef(Point3::from(rc)));
                impact.h_m = 0.0;
                let end_ms = t_ms - STEP_MS + (f * STEP_MS as f64).round() as i64;
                samples.push((Ecef(Point3::from(rc)), vc, FlightPhase::Reentry));
                let _ = start_h;
                return BallisticTruth {
                    samples,
                    start,
                    end: start + Duration::from_millis(end_ms),
                    burnout: start + Duration::from_millis(burn_ms),
                    impact,
                    ellipsoid: *ellipsoid,
                };
            }
            r = r1;
            v = v1;
            samples.push((Ecef(Point3::from(r)), v, phase_of(t_ms, &g1, &v)));
        }
        BallisticTruth {
            samples,
            start,
            end: start + Duration::from_millis(t_ms),
            burnout: start + Duration::from_millis(burn_ms),
            impact,
            ellipsoid: *ellipsoid,
        }
    }

    /// The true impact point (height 0).
    pub fn impact_point(&self) -> Geodetic {
        self.impact
    }

    pub fn impact_time(&self) -> SimTime {
        self.end
    }

    pub fn burnout_time(&self) -> SimTime {
        self.burnout
    }
}

impl Truth for BallisticTruth {
    fn state_at(&self, time: SimTime) -> Option<TargetState> {
        if time < self.start || time > self.end {
            return None;
        }
        let k = ((time - self.start).as_millis() / STEP_MS) as usize;
        let f = ((time - self.start).as_millis() % STEP_MS) as f64 / STEP_MS as f64;
        let (p0, v0, phase) = self.samples[k.min(self.samples.len() - 1)];
        let (p1, v1, _) = self.samples[(k + 1).min(self.samples.len() - 1)];
        let pos = Ecef(Point3::from(p0.0.coords + (p1.0.coords - p0.0.coords) * f));
        let vel = v0 + (v1 - v0) * f;
        Some(TargetState {
            time,
            pos,
            vel_ecef_m_s: vel,
            phase,
        })
    }

    fn start(&self) -> SimTime {
        self.start
    }

    fn end(&self) -> SimTime {
        self.end
    }
}

/// A fixture radar that reports every target it can see once per period.
///
/// # Units
/// Sigmas in radians and metres; period and phase in milliseconds; range in metres; elevation in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixtureRadar {
    pub sensor: SensorIndex,
    pub site: Geodetic,
    pub sigma_az_rad: f64,
    pub sigma_el_rad: f64,
    pub sigma_range_m: f64,
    pub period_ms: i64,
    pub phase_ms: i64,
    pub max_range_m: f64,
    pub min_el_rad: f64,
}

impl FixtureRadar {
    /// A radar with 0.05 degree angle and 100 m range accuracy, 1 s period, 2000 km range, 0.5 degree floor.
    pub fn standard(sensor: SensorIndex, site: Geodetic) -> FixtureRadar {
        FixtureRadar {
            sensor,
            site,
            sigma_az_rad: 0.05_f64.to_radians(),
            sigma_el_rad: 0.05_f64.to_radians(),
            sigma_range_m: 100.0,
            period_ms: 1000,
            phase_ms: 0,
            max_range_m: 2.0e6,
            min_el_rad: 0.5_f64.to_radians(),
        }
    }

    /// The noisy plots of the targets in `truths` over [from, to].
    pub fn observe(
        &self,
        truths: &[&dyn Truth],
        from: SimTime,
        to: SimTime,
        ellipsoid: &Ellipsoid,
        rng: &mut impl Rng,
    ) -> Vec<Measurement> {
        let frame = LocalFrame::at(ellipsoid, self.site);
        let mut out = Vec::new();
        let first = (from.0 - self.phase_ms).div_euclid(self.period_ms) + 1;
        let mut k = first;
        loop {
            let t = SimTime(self.phase_ms + k * self.period_ms);
            if t > to {
                break;
            }
            k += 1;
            for truth in truths {
                let Some(s) = truth.state_at(t) else { continue };
                let mut aer = frame.aer_of(&s.pos);
                if aer.el_rad < self.min_el_rad || aer.range_m > self.max_range_m {
                    continue;
                }
                let n: [f64; 3] = [
                    rng.sample(StandardNormal),
                    rng.sample(StandardNormal),
                    rng.sample(StandardNormal),
                ];
                aer.az_rad =
                    (aer.az_rad + n[0] * self.sigma_az_rad).rem_euclid(std::f64::consts::TAU);
                aer.el_rad += n[1] * self.sigma_el_rad;
                aer.range_m += n[2] * self.sigma_range_m;
                out.push(Measurement {
                    sensor: self.sensor,
                    time: t,
                    kind: MeasurementKind::Radar {
                        site: self.site,
                        aer,
                        sigma_range_m: self.sigma_range_m,
                        sigma_az_rad: self.sigma_az_rad,
                        sigma_el_rad: self.sigma_el_rad,
                    },
                });
            }
        }
        out
    }
}

/// An infrared launch report of `truth`, taken `delay_ms` after launch, with a launch point displaced by
/// Gaussian noise of `sigma_pos_m` (one sigma per horizontal axis, metres).
pub fn launch_report(
    sensor: SensorIndex,
    spec: &LaunchSpec,
    delay_ms: i64,
    sigma_pos_m: f64,
    rng: &mut impl Rng,
) -> Measurement {
    let e: f64 = rng.sample::<f64, _>(StandardNormal) * sigma_pos_m;
    let n: f64 = rng.sample::<f64, _>(StandardNormal) * sigma_pos_m;
    let (lat, lon) = crate::earth::destination(
        spec.launch.lat_deg(),
        spec.launch.lon_deg(),
        e.atan2(n).to_degrees(),
        e.hypot(n),
    );
    let launch_point = Geodetic::from_deg(lat, lon, 0.0).unwrap_or(spec.launch);
    Measurement {
        sensor,
        time: spec.launch_time + Duration::from_millis(delay_ms),
        kind: MeasurementKind::LaunchReport {
            launch_point,
            sigma_pos_m,
            launch_time: spec.launch_time,
        },
    }
}

/// A fusion scenario: missiles, their impacts, the sensors' nations and every measurement.
#[derive(Debug, Clone)]
pub struct FusionScenario {
    pub truths: Vec<BallisticTruth>,
    pub impacts: Vec<super::metrics::TrueImpact>,
    /// `nations[i]` operates sensor `i`.
    pub nations: Vec<super::picture::Nation>,
    pub measurements: Vec<Measurement>,
}

impl FusionScenario {
    pub fn truth_refs(&self) -> Vec<&dyn Truth> {
        self.truths.iter().map(|t| t as &dyn Truth).collect()
    }
}

/// A salvo of `missiles` launched 5 s apart from near Pyongyang eastwards on near-parallel paths, seen by a
/// South Korean radar close to the launch, a Japanese radar far away (the missiles rise above its horizon
/// late), a United States forward radar in northern Japan (each reporting every `radar_period_ms`), and a
/// United States infrared launch report 20 s after each launch. Sensors 0 KR, 1 JP, 2 US, 3 US (infrared).
pub fn salvo_scenario(
    seed: u64,
    missiles: usize,
    radar_period_ms: i64,
    ellipsoid: &Ellipsoid,
) -> FusionScenario {
    let geo = |lat: f64, lon: f64, h: f64| {
        Geodetic::from_deg(lat, lon, h).unwrap_or(Geodetic {
            lat_rad: 0.0,
            lon_rad: 0.0,
            h_m: 0.0,
        })
    };
    let specs: Vec<LaunchSpec> = (0..missiles)
        .map(|i| LaunchSpec {
            launch: geo(39.0 + 0.02 * i as f64, 125.75, 0.0),
            launch_time: SimTime::from_secs(5.0 * i as f64),
            azimuth_deg: 90.0 + 0.3 * i as f64,
            pitch_deg: 45.0,
            burn_s: 80.0,
            thrust_accel_m_s2: 35.0,
        })
        .collect();
    scenario_of(seed, &specs, radar_period_ms, ellipsoid)
}

/// A salvo of `missiles` launched at the same instant (t = 0) from a spread of sites over North Korea
/// (38.6-41.4 N, 124.8-128.8 E), each distinct: azimuth 60-120 degrees, pitch 40-50 degrees, burn 70-90 s,
/// thrust 30-38 m/s^2, seen by the sensors of [`salvo_scenario`] (radars every `radar_period_ms`, an infrared
/// launch report 20 s after each launch). Sites and shapes come from additive (golden-ratio) sequences of the
/// missile's index, so that the first `n` missiles of a larger salvo are the salvo of `n`, spread over the
/// whole area whatever `n` is; only the noise depends on `seed`. The workload of the growth benchmark: the
/// concurrent missiles, not a stream of them one after the other, are what makes tracking cost grow.
pub fn concurrent_salvo_scenario(
    seed: u64,
    missiles: usize,
    radar_period_ms: i64,
    ellipsoid: &Ellipsoid,
) -> FusionScenario {
    // Fractional parts of k * alpha for irrationals alpha are spread evenly over [0, 1) for every prefix.
    let spread = |k: usize, alpha: f64| (k as f64 * alpha).fract();
    let specs: Vec<LaunchSpec> = (0..missiles)
        .map(|k| LaunchSpec {
            launch: Geodetic::from_deg(
                38.6 + 2.8 * spread(k, 0.618_033_988_75),
                124.8 + 4.0 * spread(k, 0.754_877_666_25),
                0.0,
            )
            .unwrap_or(Geodetic {
                lat_rad: 0.0,
                lon_rad: 0.0,
                h_m: 0.0,
            }),
            launch_time: SimTime::ZERO,
            azimuth_deg: 60.0 + 60.0 * spread(k, 0.569_840_290_99),
            pitch_deg: 40.0 + 10.0 * spread(k, 0.414_213_562_37),
            burn_s: 70.0 + 20.0 * spread(k, 0.302_775_637_73),
            thrust_accel_m_s2: 30.0 + 8.0 * spread(k, 0.236_067_977_5),
        })
        .collect();
    scenario_of(seed, &specs, radar_period_ms, ellipsoid)
}

/// The missiles of `specs` flown, seen by the KR, JP and US radars of [`salvo_scenario`] and reported by the
/// US infrared sensor.
fn scenario_of(
    seed: u64,
    specs: &[LaunchSpec],
    radar_period_ms: i64,
    ellipsoid: &Ellipsoid,
) -> FusionScenario {
    use super::picture::Nation;
    let geo = |lat: f64, lon: f64, h: f64| {
        Geodetic::from_deg(lat, lon, h).unwrap_or(Geodetic {
            lat_rad: 0.0,
            lon_rad: 0.0,
            h_m: 0.0,
        })
    };
    let truths: Vec<BallisticTruth> = specs
        .iter()
        .map(|s| BallisticTruth::fly(s, ellipsoid))
        .collect();
    let impacts = truths
        .iter()
        .map(|t| super::metrics::TrueImpact {
            point: t.impact_point(),
            time: t.impact_time(),
        })
        .collect();
    let refs: Vec<&dyn Truth> = truths.iter().map(|t| t as &dyn Truth).collect();
    let end = truths
        .iter()
        .map(|t| t.end())
        .max()
        .unwrap_or(SimTime::ZERO);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let kr = FixtureRadar {
        period_ms: radar_period_ms,
        ..FixtureRadar::standard(SensorIndex(0), geo(37.5, 127.0, 100.0))
    };
    let jp = FixtureRadar {
        period_ms: radar_period_ms,
        phase_ms: 700 % radar_period_ms,
        ..FixtureRadar::standard(SensorIndex(1), geo(35.5, 139.5, 200.0))
    };
    let us = FixtureRadar {
        period_ms: radar_period_ms,
        phase_ms: 1300 % radar_period_ms,
        ..FixtureRadar::standard(SensorIndex(2), geo(40.9, 140.3, 30.0))
    };
    let mut measurements = Vec::new();
    for r in [kr, jp, us] {
        measurements.extend(r.observe(&refs, SimTime::ZERO, end, ellipsoid, &mut rng));
    }
    for s in specs {
        measurements.push(launch_report(SensorIndex(3), s, 20_000, 2_000.0, &mut rng));
    }
    FusionScenario {
        truths,
        impacts,
        nations: vec![Nation::KR, Nation::JP, Nation::US, Nation::US],
        measurements,
    }
}

/// The standard EKF workload: a 6-state constant-velocity target (30 km up off the Korean coast,
/// 250 m/s east, 150 m/s south), seen by a radar at 37.5 N 127 E giving azimuth, elevation and range at 1 Hz
/// with sigma 0.05 degrees and 100 m; `steps` plots (seeded) and the prior at t = 0. Shared by the benchmark and
/// the `ekf_rate` example.
pub fn cv_workload(steps: usize) -> (GaussianState, Vec<RadarPlot>) {
    let e = Ellipsoid::WGS84;
    let site = Geodetic::from_deg(37.5, 127.0, 100.0).unwrap();
    let frame = LocalFrame::at(&e, site);
    let model = RadarAerModel::new(
        &e,
        SensorIndex(0),
        site,
        0.05_f64.to_radians(),
        0.05_f64.to_radians(),
        100.0,
    )
    .unwrap();
    let start = e.to_ecef(&Geodetic::from_deg(40.0, 127.0, 30_000.0).unwrap());
    let vel = frame.vector_to_ecef(&Vector3::new(250.0, -150.0, 0.0));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let plots = (1..=steps)
        .map(|k| {
            let p = Ecef(start.0 + vel * k as f64);
            let mut z = model.function(&state_vector(&p, &vel));
            z[0] += 0.05_f64.to_radians() * rng.sample::<f64, _>(StandardNormal);
            z[1] += 0.05_f64.to_radians() * rng.sample::<f64, _>(StandardNormal);
            z[2] += 100.0 * rng.sample::<f64, _>(StandardNormal);
            RadarPlot {
                time: SimTime::from_secs(k as f64),
                model,
                z,
            }
        })
        .collect();
    let mut covar = StateCovariance::identity() * 1.0e6;
    for i in 3..6 {
        covar[(i, i)] = 1.0e4;
    }
    (
        GaussianState {
            time: SimTime::ZERO,
            mean: state_vector(&start, &vel),
            covar,
        },
        plots,
    )
}

/// The slope of log `y` against log `x` by least squares over `points` (x, y): the exponent `p` of the power
/// law `y ~ x^p` that fits them best. `None` for fewer than two distinct positive `x` or any non-positive value.
pub fn log_log_slope(points: &[(f64, f64)]) -> Option<f64> {
    if points.iter().any(|&(x, y)| !(x > 0.0 && y > 0.0)) {
        return None;
    }
    let logs: Vec<(f64, f64)> = points.iter().map(|&(x, y)| (x.ln(), y.ln())).collect();
    let n = logs.len() as f64;
    let mx = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = logs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = logs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}
