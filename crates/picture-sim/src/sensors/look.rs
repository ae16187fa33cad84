//! One radar look at one target: is the line of sight clear of the Earth (effective-Earth model), is the target
//! inside the radar's elevation limits, azimuth sector and range window, and, if so, does the detection draw at
//! the look's probability of detection succeed. The first failing test is the reason for a miss.

use super::horizon::{EffectiveEarth, Sight};
use super::pd::{ratio_to_db, DetectionModel};
use super::radar::Radar;
use crate::earth::{Aer, Ellipsoid, Geodetic};
use crate::truth::TargetState;
use nalgebra::Vector3;
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A target state with what every look needs precomputed once: its geodetic position and local vertical.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetSample {
    pub state: TargetState,
    pub geodetic: Geodetic,
    /// The ellipsoid normal under the target, ECEF unit vector.
    pub up_ecef: Vector3<f64>,
}

impl TargetSample {
    pub fn new(state: TargetState) -> TargetSample {
        let geodetic = Ellipsoid::WGS84.to_geodetic(&state.pos);
        let (sl, cl) = geodetic.lat_rad.sin_cos();
        let (so, co) = geodetic.lon_rad.sin_cos();
        TargetSample {
            state,
            geodetic,
            up_ecef: Vector3::new(cl * co, cl * so, sl),
        }
    }

    /// Height above the ellipsoid, metres.
    pub fn altitude_m(&self) -> f64 {
        self.geodetic.h_m
    }
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

/// The effective-Earth line of sight from a radar to a target sample.
pub fn sight(radar: &Radar, earth: &EffectiveEarth, target: &TargetSample) -> Sight {
    let cos_angle = radar.up_ecef().dot(&target.up_ecef).clamp(-1.0, 1.0);
    earth.sight(
        radar.antenna_height_m(),
        target.altitude_m(),
        cos_angle.acos(),
    )
}

/// The coverage tests of a look, without the detection draw: `Ok` with the geometric azimuth, elevation and
/// range if the target is in coverage, else the first reason it is not.
pub fn coverage_check(
    radar: &Radar,
    earth: &EffectiveEarth,
    target: &TargetSample,
) -> Result<Aer, MissReason> {
    let los = sight(radar, earth, target);
    if !los.clear() {
        return Err(MissReason::BelowHorizon);
    }
    let (min_el, max_el) = radar.elevation_limits_rad();
    if los.elevation_rad < min_el {
        return Err(MissReason::BelowMinElevation);
    }
    if los.elevation_rad > max_el {
        return Err(MissReason::AboveMaxElevation);
    }
    let aer = radar.frame().aer_of(&target.state.pos);
    if !radar.in_sector(aer.az_rad) {
        return Err(MissReason::OutsideSector);
    }
    let spec = radar.spec();
    if aer.range_m > spec.instrumented_range_m {
        return Err(MissReason::BeyondRange);
    }
    if aer.range_m < spec.min_range_m {
        return Err(MissReason::InsideMinRange);
    }
    Ok(aer)
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
    let aer = match coverage_check(radar, earth, target) {
        Ok(aer) => aer,
        Err(reason) => return LookOutcome::Missed(reason),
    };
    let snr = radar.snr(rcs_m2, aer.range_m);
    let pd = radar.detector().pd(model, snr);
    if rng.random::<f64>() < pd {
        LookOutcome::Detected {
            aer,
            snr_db: ratio_to_db(snr),
            pd,
        }
    } else {
        LookOutcome::Missed(MissReason::PdDrawFailed)
    }
}
