//! One radar look at one target: is the line of sight clear of the Earth (effective-Earth model), is the target
//! inside the radar's range window, azimuth sector and elevation limits, and, if so, does the detection draw at
//! the look's probability of detection succeed. The first failing test, in that order, is the reason for a miss.

use super::horizon::{EffectiveEarth, Sight};
use super::pd::{ratio_to_db, DetectionModel};
use super::radar::Radar;
use super::ray::{ExponentialAtmosphere, Reach};
use crate::earth::{Aer, Ecef, Ellipsoid, Enu, Geodetic};
use crate::truth::TargetState;
use nalgebra::Vector3;
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A target state with what every look needs precomputed once: its height and local vertical.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetSample {
    pub state: TargetState,
    /// Height above the WGS84 ellipsoid, metres.
    pub altitude_m: f64,
    /// The ellipsoid normal under the target, ECEF unit vector.
    pub up_ecef: Vector3<f64>,
}

impl TargetSample {
    pub fn new(state: TargetState) -> TargetSample {
        let (altitude_m, up_ecef) = height_and_up(&Ellipsoid::WGS84, &state.pos);
        TargetSample {
            state,
            altitude_m,
            up_ecef,
        }
    }

    /// Height above the ellipsoid, metres.
    pub fn altitude_m(&self) -> f64 {
        self.altitude_m
    }

    /// The geodetic position (latitude and longitude from the local vertical).
    pub fn geodetic(&self) -> Geodetic {
        let u = self.up_ecef;
        Geodetic {
            lat_rad: u.z.atan2(u.x.hypot(u.y)),
            lon_rad: u.y.atan2(u.x),
            h_m: self.altitude_m,
        }
    }
}

/// ECEF to geodetic in closed form (Vermeille, "An analytical method to transform geocentric into geodetic
/// coordinates", J. Geodesy 85, 2011), with the ellipsoid normal, which falls out of it without trigonometry.
/// Exact (to rounding) anywhere outside the evolute of the ellipsoid, a region within about 43 km of the
/// Earth's centre; about five times faster than the iterative [`Ellipsoid::to_geodetic`], which matters in
/// the detection loop.
pub fn geodetic_and_up(ellipsoid: &Ellipsoid, p: &Ecef) -> (Geodetic, Vector3<f64>) {
    let (h_m, up) = height_and_up(ellipsoid, p);
    let lat_rad = up.z.atan2(up.x.hypot(up.y));
    let lon_rad = if up.x == 0.0 && up.y == 0.0 {
        0.0
    } else {
        p.0.y.atan2(p.0.x)
    };
    (
        Geodetic {
            lat_rad,
            lon_rad,
            h_m,
        },
        up,
    )
}

/// The height above the ellipsoid (metres) and the ellipsoid normal (ECEF unit vector) of a point, by
/// Vermeille's closed form without any trigonometry (see [`geodetic_and_up`]).
pub fn height_and_up(ellipsoid: &Ellipsoid, p: &Ecef) -> (f64, Vector3<f64>) {
    let (x, y, z) = (p.0.x, p.0.y, p.0.z);
    let a = ellipsoid.a_m;
    let e2 = ellipsoid.e2();
    let e4 = e2 * e2;
    let rho2 = x * x + y * y;
    let rho = rho2.sqrt();
    if rho < 1e-9 * a {
        // On the polar axis.
        let sign = if z >= 0.0 { 1.0 } else { -1.0 };
        return (z.abs() - ellipsoid.b_m(), Vector3::new(0.0, 0.0, sign));
    }
    let pp = rho2 / (a * a);
    let q = (1.0 - e2) / (a * a) * z * z;
    let r = (pp + q - e4) / 6.0;
    let s = e4 * pp * q / (4.0 * r * r * r);
    let t = (1.0 + s + (s * (2.0 + s)).sqrt()).cbrt();
    let u = r * (1.0 + t + 1.0 / t);
    let v = (u * u + e4 * q).sqrt();
    let w = e2 * (u + v - q) / (2.0 * v);
    let k = (u + v + w * w).sqrt() - w;
    let d = k * rho / (k + e2);
    let n = d.hypot(z);
    let h_m = (k + e2 - 1.0) / k * n;
    (h_m, Vector3::new(d / n * x / rho, d / n * y / rho, z / n))
}

/// Why a look did not detect the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissReason {
    /// The Earth blocks the line of sight.
    BelowHorizon,
    /// Above the horizon but below the radar's lowest search elevation.
    BelowMinElevation,
    /// Above the radar's highest elevation (the cone over the radar).
    AboveMaxElevation,
    /// Outside the azimuth sector.
    OutsideSector,
    /// Farther than the instrumented range.
    BeyondRange,
    /// Nearer than the blind range.
    InsideMinRange,
    /// In coverage, but the random detection draw failed at this look's Pd.
    PdDrawFailed,
    /// Infrared: no visible plume (below the cloud tops, or after burnout).
    NoPlume,
    /// The target is on the ground or gone.
    NotInFlight,
}

impl fmt::Display for MissReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MissReason::BelowHorizon => "below horizon",
            MissReason::BelowMinElevation => "below min elevation",
            MissReason::AboveMaxElevation => "above max elevation",
            MissReason::OutsideSector => "outside sector",
            MissReason::BeyondRange => "beyond range",
            MissReason::InsideMinRange => "inside min range",
            MissReason::PdDrawFailed => "Pd draw failed",
            MissReason::NoPlume => "no plume in view",
            MissReason::NotInFlight => "not in flight",
        })
    }
}

/// The result of one look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LookOutcome {
    /// Detected: the true geometric azimuth, elevation and range, the SNR (dB) and the Pd of the look.
    Detected {
        aer: Aer,
        snr_db: f64,
        pd: f64,
    },
    Missed(MissReason),
}

/// How far inside the horizon a target sample is from a radar (radians of central angle; negative: masked).
pub fn horizon_margin_rad(radar: &Radar, earth: &EffectiveEarth, target: &TargetSample) -> f64 {
    let cos_angle = radar.up_ecef().dot(&target.up_ecef).clamp(-1.0, 1.0);
    earth.margin_rad(
        radar.antenna_height_m(),
        target.altitude_m(),
        cos_angle.acos(),
    )
}

/// The line of sight from a radar to a target sample.
pub fn sight(radar: &Radar, earth: &EffectiveEarth, target: &TargetSample) -> Sight {
    let cos_angle = radar.up_ecef().dot(&target.up_ecef).clamp(-1.0, 1.0);
    earth.sight(
        radar.antenna_height_m(),
        target.altitude_m(),
        cos_angle.acos(),
    )
}

/// The horizon of one height in one refracting Earth, with what the fast horizon test needs: the central
/// angle at the Earth's centre from that height to where its grazing ray touches the surface
/// ([`EffectiveEarth::horizon_true_angle_rad`]), and its cosine and sine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HorizonAngle {
    pub true_angle_rad: f64,
    cos_true: f64,
    sin_true: f64,
    /// For a radar in the traced atmosphere: the reach of its rays at the lowest and highest elevations it
    /// searches (`None`: the limit cuts nothing off).
    min_reach: Option<&'static Reach>,
    max_reach: Option<&'static Reach>,
}

impl HorizonAngle {
    /// # Units
    /// `h_m`: height above the surface, metres.
    pub fn new(earth: &EffectiveEarth, h_m: f64) -> HorizonAngle {
        let true_angle_rad = earth.horizon_true_angle_rad(h_m);
        let (sin_true, cos_true) = true_angle_rad.sin_cos();
        HorizonAngle {
            true_angle_rad,
            cos_true,
            sin_true,
            min_reach: None,
            max_reach: None,
        }
    }

    /// A radar's horizon, with the reach of its elevation limits in the traced atmosphere.
    pub fn of_radar(earth: &EffectiveEarth, radar: &Radar) -> HorizonAngle {
        let h_m = radar.antenna_height_m();
        let mut horizon = HorizonAngle::new(earth, h_m);
        if earth.is_traced() {
            let (min_el, max_el) = radar.elevation_limits_rad();
            horizon.min_reach = ExponentialAtmosphere::reach_itu(h_m, min_el);
            horizon.max_reach = (max_el < std::f64::consts::FRAC_PI_2)
                .then(|| ExponentialAtmosphere::reach_itu(h_m, max_el))
                .flatten();
        }
        horizon
    }
}

/// Whether the Earth leaves the line of sight clear, from the cosine of the true central angle between radar and
/// target: the same test as [`Sight::clear`], `theta <= phi_r + phi_t`, without an inverse cosine.
pub fn clear_of_earth(radar: &HorizonAngle, target: &HorizonAngle, cos_true_angle: f64) -> bool {
    radar.true_angle_rad + target.true_angle_rad >= std::f64::consts::PI
        || cos_true_angle >= radar.cos_true * target.cos_true - radar.sin_true * target.sin_true
}

/// The coverage tests of a look, without the detection draw: `Ok` with the geometric azimuth, elevation and
/// range if the target is in coverage, else the first reason it is not, tested in this order: horizon, range
/// (instrumented, then blind), sector, elevation limits.
pub fn coverage_check(
    radar: &Radar,
    earth: &EffectiveEarth,
    target: &TargetSample,
) -> Result<Aer, MissReason> {
    let radar_horizon = HorizonAngle::of_radar(earth, radar);
    let target_horizon = HorizonAngle::new(earth, target.altitude_m());
    coverage_enu(radar, earth, &radar_horizon, target, &target_horizon).map(|(enu, _)| enu.to_aer())
}

/// The coverage tests, returning the target's east-north-up offset from the site and its slant range. The
/// cheap tests come first (the horizon by cosines, range and sector from the ENU offset), the trigonometry of
/// the apparent elevation last, and the arctangents of azimuth and elevation are left until a detection
/// needs them.
fn coverage_enu(
    radar: &Radar,
    earth: &EffectiveEarth,
    radar_horizon: &HorizonAngle,
    target: &TargetSample,
    target_horizon: &HorizonAngle,
) -> Result<(Enu, f64), MissReason> {
    let cos_true_angle = radar.up_ecef().dot(&target.up_ecef).clamp(-1.0, 1.0);
    if !clear_of_earth(radar_horizon, target_horizon, cos_true_angle) {
        return Err(MissReason::BelowHorizon);
    }
    let enu = radar.frame().enu_of(&target.state.pos);
    let range_m = enu.0.norm();
    let spec = radar.spec();
    if range_m > spec.instrumented_range_m {
        return Err(MissReason::BeyondRange);
    }
    if range_m < spec.min_range_m {
        return Err(MissReason::InsideMinRange);
    }
    if !radar.in_sector_en(enu.0.x, enu.0.y) {
        return Err(MissReason::OutsideSector);
    }
    let true_angle_rad = cos_true_angle.acos();
    if earth.is_traced() {
        let h_m = target.altitude_m();
        if matches!(radar_horizon.min_reach, Some(r) if !r.at_or_above(h_m, true_angle_rad)) {
            return Err(MissReason::BelowMinElevation);
        }
        if matches!(radar_horizon.max_reach, Some(r) if r.at_or_above(h_m, true_angle_rad)) {
            return Err(MissReason::AboveMaxElevation);
        }
        return Ok((enu, range_m));
    }
    let los = earth.sight_with_horizons(
        radar.antenna_height_m(),
        target.altitude_m(),
        true_angle_rad,
        radar_horizon.true_angle_rad,
        target_horizon.true_angle_rad,
    );
    if radar.below_min_elevation(los.rise_m, los.run_m) {
        return Err(MissReason::BelowMinElevation);
    }
    if radar.above_max_elevation(los.rise_m, los.run_m) {
        return Err(MissReason::AboveMaxElevation);
    }
    Ok((enu, range_m))
}

/// One look: the coverage tests, then a Bernoulli draw at the probability of detection for the target's
/// cross-section `rcs_m2` (square metres) under `model`.
pub fn radar_look(
    radar: &Radar,
    earth: &EffectiveEarth,
    target: &TargetSample,
    rcs_m2: f64,
    model: DetectionModel,
    rng: &mut impl Rng,
) -> LookOutcome {
    let radar_horizon = HorizonAngle::of_radar(earth, radar);
    let target_horizon = HorizonAngle::new(earth, target.altitude_m());
    radar_look_cached(
        radar,
        earth,
        &radar_horizon,
        target,
        &target_horizon,
        rcs_m2,
        model,
        rng,
    )
}

/// [`radar_look`] with the horizon angles of the radar and the target already known (the detection run caches
/// them).
#[allow(clippy::too_many_arguments)]
pub fn radar_look_cached(
    radar: &Radar,
    earth: &EffectiveEarth,
    radar_horizon: &HorizonAngle,
    target: &TargetSample,
    target_horizon: &HorizonAngle,
    rcs_m2: f64,
    model: DetectionModel,
    rng: &mut impl Rng,
) -> LookOutcome {
    let (enu, range_m) = match coverage_enu(radar, earth, radar_horizon, target, target_horizon) {
        Ok(found) => found,
        Err(reason) => return LookOutcome::Missed(reason),
    };
    let snr = radar.snr(rcs_m2, range_m);
    let pd = radar.detector().pd(model, snr);
    if rng.random::<f64>() < pd {
        LookOutcome::Detected {
            aer: enu.to_aer(),
            snr_db: ratio_to_db(snr),
            pd,
        }
    } else {
        LookOutcome::Missed(MissReason::PdDrawFailed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_horizon_test_agrees_with_the_margin() {
        let e = EffectiveEarth::new(1.25).unwrap();
        for hr in [0.0, 30.0, 700.0] {
            for ht in [0.0, 1_000.0, 100_000.0, 3_000_000.0] {
                let r = HorizonAngle::new(&e, hr);
                let t = HorizonAngle::new(&e, ht);
                for i in 0..2000 {
                    let theta = i as f64 * 0.0005;
                    let margin = e.sight(hr, ht, theta).margin_rad;
                    if margin.abs() > 1e-9 {
                        assert_eq!(
                            clear_of_earth(&r, &t, theta.cos()),
                            margin >= 0.0,
                            "{hr} {ht} {theta}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn closed_form_geodetic_matches_iteration() {
        let e = Ellipsoid::WGS84;
        for lat in [-89.9, -60.0, -1.0, 0.0, 0.5, 35.0, 39.2, 80.0, 89.99] {
            for h in [
                -100.0,
                0.0,
                30.0,
                10_000.0,
                500_000.0,
                6_000_000.0,
                40_000_000.0,
            ] {
                let g = Geodetic::from_deg(lat, 125.7, h).unwrap();
                let p = e.to_ecef(&g);
                let (fast, up) = geodetic_and_up(&e, &p);
                assert!((fast.lat_rad - g.lat_rad).abs() < 1e-12, "lat {lat} h {h}");
                assert!((fast.lon_rad - g.lon_rad).abs() < 1e-12, "lat {lat} h {h}");
                assert!((fast.h_m - h).abs() < 1e-6, "lat {lat} h {h}: {}", fast.h_m);
                let frame_up = crate::earth::LocalFrame::at(&e, g).up_ecef();
                assert!((up - frame_up).norm() < 1e-12, "lat {lat} h {h}");
            }
        }
        let (pole, up) = geodetic_and_up(&e, &Ecef(nalgebra::Point3::new(0.0, 0.0, 7.0e6)));
        assert!((pole.h_m - (7.0e6 - e.b_m())).abs() < 1e-6 && up.z == 1.0);
    }
}
