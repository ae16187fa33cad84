//! `picture horizon`: the radar horizon for a radar height and a target altitude (effective-Earth model).

use clap::Args;
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
    /// Effective-Earth-radius factor: 4/3 standard atmosphere, 1 geometric. The model bends rays at every
    /// height, which overstates refraction for targets far above the lower atmosphere.
    #[arg(long, default_value_t = 4.0 / 3.0, allow_negative_numbers = true)]
    k: f64,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct HorizonOut {
    radar_height_m: f64,
    target_alt_km: f64,
    k: f64,
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
    check(
        "--k",
        "the effective-Earth factor",
        args.k,
        (EffectiveEarth::K_MIN, EffectiveEarth::K_MAX),
        "",
    )?;
    let earth = EffectiveEarth::new(args.k)?;
    let h = earth.horizon(args.radar_height_m, args.target_alt_km * 1000.0)?;
    let out = HorizonOut {
        radar_height_m: args.radar_height_m,
        target_alt_km: args.target_alt_km,
        k: args.k,
        slant_range_km: h.slant_range_m / 1000.0,
        ground_range_km: h.ground_range_m / 1000.0,
    };
    if !(out.slant_range_km.is_finite() && out.ground_range_km.is_finite()) {
        return Err(HorizonCliError::NotFinite);
    }
    if args.json {
        return Ok(serde_json::to_string_pretty(&out)? + "\n");
    }
    Ok(format!(
        "radar {} m, target {} km, k = {:.4}\nslant_range_km  {:.1}\nground_range_km {:.1}\n",
        out.radar_height_m, out.target_alt_km, out.k, out.slant_range_km, out.ground_range_km
    ))
}
