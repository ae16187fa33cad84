//! `picture horizon`: the radar horizon for a radar height and a target altitude, by the constant-k
//! effective-Earth model or by a ray traced through ITU-R P.453's exponential atmosphere.

use clap::{Args, ValueEnum};
use picture_sim::sensors::{EffectiveEarth, HorizonError};
use serde::Serialize;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum HorizonCliError {
    #[error("{flag} {value}: {what} must be finite and in [{min}, {max}]{unit}")]
    Flag {
        flag: &'static str,
        what: &'static str,
        value: String,
        min: f64,
        max: f64,
        unit: &'static str,
    },
    #[error(transparent)]
    Horizon(#[from] HorizonError),
    #[error("--k goes with --refraction k: the traced ray's bending follows from the atmosphere")]
    KWithRay,
    #[error("no finite horizon for these arguments; please report it")]
    NotFinite,
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The farthest line of sight between a radar and a target, over an Earth of radius k * 6371 km.
#[derive(Debug, Args)]
pub struct HorizonArgs {
    /// Radar antenna height above the surface, metres.
    #[arg(long, allow_negative_numbers = true)]
    radar_height_m: f64,
    /// Target altitude, kilometres.
    #[arg(long, allow_negative_numbers = true)]
    target_alt_km: f64,
    /// How rays bend: `ray` (the default, as the page's fans and detections), traced through ITU-R P.453's
    /// exponential atmosphere (N0 = 315, h0 = 7.35 km), which bends rays only where the air is; `k`, a
    /// constant effective-Earth factor (--k alone means this).
    #[arg(long, value_enum)]
    refraction: Option<Refraction>,
    /// Effective-Earth-radius factor, with --refraction k (default 4/3, the standard atmosphere; 1 geometric).
    /// The model bends rays at every height, which overstates refraction for targets far above the lower
    /// atmosphere: about 100 km of horizon for a target at 100 km.
    #[arg(long, allow_negative_numbers = true)]
    k: Option<f64>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// How the horizon's rays bend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Refraction {
    /// A constant effective-Earth factor k.
    K,
    /// A ray traced through ITU-R P.453's exponential reference atmosphere.
    Ray,
}

/// The refraction the flags ask for: `ray` unless `--refraction k` or a `--k` is given; `--k` with
/// `--refraction ray` is an error.
pub fn refraction_of(
    refraction: Option<Refraction>,
    k: Option<f64>,
) -> Result<Refraction, HorizonCliError> {
    match (refraction, k) {
        (Some(Refraction::Ray), Some(_)) => Err(HorizonCliError::KWithRay),
        (Some(r), _) => Ok(r),
        (None, Some(_)) => Ok(Refraction::K),
        (None, None) => Ok(Refraction::Ray),
    }
}

/// The core's refraction for the flags, with the k checked.
pub fn core_refraction(
    refraction: Option<Refraction>,
    k: Option<f64>,
) -> Result<picture_sim::sensors::Refraction, HorizonCliError> {
    match refraction_of(refraction, k)? {
        Refraction::Ray => Ok(picture_sim::sensors::Refraction::Ray),
        Refraction::K => {
            let k = k.unwrap_or(4.0 / 3.0);
            check(
                "--k",
                "the effective-Earth factor",
                k,
                (EffectiveEarth::K_MIN, EffectiveEarth::K_MAX),
                "",
            )?;
            Ok(picture_sim::sensors::Refraction::K(k))
        }
    }
}

#[derive(Debug, Serialize)]
struct HorizonOut {
    radar_height_m: f64,
    target_alt_km: f64,
    refraction: Refraction,
    /// The constant-k model's factor; `null` for a traced ray.
    k: Option<f64>,
    slant_range_km: f64,
    ground_range_km: f64,
}

/// The highest radar antenna accepted: above the stratosphere's balloons a sensor is not horizon-limited in the
/// sense this model means, and the bound keeps every figure printed finite.
const RADAR_HEIGHT_MAX_M: f64 = 50_000.0;
/// The highest target accepted: well past geostationary orbit (35,786 km).
const TARGET_ALT_MAX_KM: f64 = 100_000.0;

/// A number as a reader would write it: plain where that is short, in scientific notation otherwise.
fn shown(value: f64) -> String {
    let a = value.abs();
    if a != 0.0 && a.is_finite() && !(1e-4..1e6).contains(&a) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

fn check(
    flag: &'static str,
    what: &'static str,
    value: f64,
    (min, max): (f64, f64),
    unit: &'static str,
) -> Result<(), HorizonCliError> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(HorizonCliError::Flag {
            flag,
            what,
            value: shown(value),
            min,
            max,
            unit,
        })
    }
}

pub fn run(args: &HorizonArgs) -> Result<String, HorizonCliError> {
    check(
        "--radar-height-m",
        "the radar height",
        args.radar_height_m,
        (0.0, RADAR_HEIGHT_MAX_M),
        " m",
    )?;
    check(
        "--target-alt-km",
        "the target altitude",
        args.target_alt_km,
        (0.0, TARGET_ALT_MAX_KM),
        " km",
    )?;
    let target_h_m = args.target_alt_km * 1000.0;
    let refraction = refraction_of(args.refraction, args.k)?;
    // The page's figures: the same Earth, traced or of constant k.
    let bending = core_refraction(args.refraction, args.k)?;
    let h = bending.earth()?.horizon(args.radar_height_m, target_h_m)?;
    let (slant_range_m, ground_range_m) = (h.slant_range_m, h.ground_range_m);
    let k = match bending {
        picture_sim::sensors::Refraction::Ray => None,
        picture_sim::sensors::Refraction::K(k) => Some(k),
    };
    let out = HorizonOut {
        radar_height_m: args.radar_height_m,
        target_alt_km: args.target_alt_km,
        refraction,
        k,
        slant_range_km: slant_range_m / 1000.0,
        ground_range_km: ground_range_m / 1000.0,
    };
    if !(out.slant_range_km.is_finite() && out.ground_range_km.is_finite()) {
        return Err(HorizonCliError::NotFinite);
    }
    if args.json {
        return Ok(serde_json::to_string_pretty(&out)? + "\n");
    }
    let bending = match out.k {
        Some(k) => format!("k = {k:.4}"),
        None => "ray traced through ITU-R P.453's exponential atmosphere".to_string(),
    };
    Ok(format!(
        "radar {} m, target {} km, {bending}\nslant_range_km  {:.1}\nground_range_km {:.1}\n",
        out.radar_height_m, out.target_alt_km, out.slant_range_km, out.ground_range_km
    ))
}
