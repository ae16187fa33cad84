//! `picture horizon`: the radar horizon for a radar height and a target altitude (effective-Earth model).

use clap::Args;
use picture_sim::sensors::{EffectiveEarth, HorizonError};
use serde::Serialize;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum HorizonCliError {
    #[error(transparent)]
    Horizon(#[from] HorizonError),
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

pub fn run(args: &HorizonArgs) -> Result<String, HorizonCliError> {
    let earth = EffectiveEarth::new(args.k)?;
    let h = earth.horizon(args.radar_height_m, args.target_alt_km * 1000.0)?;
    let out = HorizonOut {
        radar_height_m: args.radar_height_m,
        target_alt_km: args.target_alt_km,
        k: args.k,
        slant_range_km: h.slant_range_m / 1000.0,
        ground_range_km: h.ground_range_m / 1000.0,
    };
    if args.json {
        return Ok(serde_json::to_string_pretty(&out)? + "\n");
    }
    Ok(format!(
        "radar {} m, target {} km, k = {:.4}\nslant_range_km  {:.1}\nground_range_km {:.1}\n",
        out.radar_height_m, out.target_alt_km, out.k, out.slant_range_km, out.ground_range_km
    ))
}
