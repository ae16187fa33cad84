//! `picture fly`: fly one missile and print its figures (or one JSON object with `--json`).

use std::fmt::Write;

use clap::{Args, ValueEnum};
use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, Aim, LaunchRequest, Shape};
use picture_sim::{sites, SimTime};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShapeArg {
    MinEnergy,
    Lofted,
    Depressed,
    PullUp,
}

#[derive(Args)]
pub struct FlyArgs {
    /// Missile id, e.g. hwasong-15 (see `picture missiles`).
    #[arg(long)]
    missile: String,
    /// Launch site as LAT,LON in degrees, or a site name such as sunan or samsok.
    #[arg(long, allow_hyphen_values = true)]
    from: String,
    /// Aim point as LAT,LON in degrees.
    #[arg(long, allow_hyphen_values = true, conflicts_with_all = ["azimuth", "range_km"])]
    to: Option<String>,
    /// Launch azimuth, degrees clockwise from north (with --range-km).
    #[arg(long, allow_hyphen_values = true, requires = "range_km")]
    azimuth: Option<f64>,
    /// Ground range, km (with --azimuth).
    #[arg(long, allow_hyphen_values = true, requires = "azimuth")]
    range_km: Option<f64>,
    /// Apogee, km: alone, fly "as reported" (this apogee and the range); with --shape lofted or depressed,
    /// that shape with this apogee; with --shape pull-up, the glide's apogee (35-60 km; 50 when absent).
    #[arg(long, allow_hyphen_values = true)]
    apogee_km: Option<f64>,
    /// Trajectory shape (default: min-energy, or as reported when --apogee-km is given).
    #[arg(long, value_enum)]
    shape: Option<ShapeArg>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Parses `LAT,LON` in degrees.
fn parse_lat_lon(text: &str, what: &str) -> Result<(f64, f64), String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let bad = || format!("{what} '{text}' is not LAT,LON in degrees (e.g. 39.2,125.7)");
    let [lat, lon] = parts.as_slice() else {
        return Err(bad());
    };
    let lat: f64 = lat.parse().map_err(|_| bad())?;
    let lon: f64 = lon.parse().map_err(|_| bad())?;
    if !(lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(format!(
            "{what} '{text}': latitude must be within -90..90 and both values finite"
        ));
    }
    Ok((lat, lon))
}

fn site_of(text: &str) -> Result<Geodetic, String> {
    if let Some(site) =
        sites::find(text).filter(|_| text.parse::<f64>().is_err() && !text.contains(','))
    {
        return Ok(site.geodetic());
    }
    let (lat, lon) = parse_lat_lon(text, "--from").map_err(|e| {
        let names: Vec<&str> = sites::all().iter().map(|s| s.name).collect();
        format!("{e}, or a launch site name: {}", names.join("; "))
    })?;
    Geodetic::from_deg(lat, lon, 0.0)
        .ok_or_else(|| format!("--from '{text}' is not a valid position"))
}

fn request_of(args: &FlyArgs) -> Result<LaunchRequest, String> {
    if catalog::find(&args.missile).is_none() {
        return Err(format!(
            "unknown missile '{}'; known missiles: {}",
            args.missile,
            catalog::ids().join(", ")
        ));
    }
    let site = site_of(&args.from)?;
    let aim = match (&args.to, args.azimuth, args.range_km) {
        (Some(to), _, _) => {
            let (lat_deg, lon_deg) = parse_lat_lon(to, "--to")?;
            Aim::Point { lat_deg, lon_deg }
        }
        (None, Some(azimuth_deg), Some(range_km)) => {
            if !(azimuth_deg.is_finite() && range_km.is_finite() && range_km > 0.0) {
                return Err("--azimuth must be finite and --range-km positive".into());
            }
            Aim::AzimuthRange {
                azimuth_deg,
                range_m: range_km * 1e3,
            }
        }
        _ => return Err("give an aim: --to LAT,LON, or --azimuth DEG with --range-km KM".into()),
    };
    let apogee_m = match args.apogee_km {
        Some(a) if !(a.is_finite() && a > 0.0) => {
            return Err(format!("--apogee-km {a} must be positive"))
        }
        a => a.map(|km| km * 1e3),
    };
    let shape = match (args.shape, apogee_m) {
        (None, None) | (Some(ShapeArg::MinEnergy), None) => Shape::MinEnergy,
        (None, Some(apogee_m)) => Shape::AsReported { apogee_m },
        (Some(ShapeArg::Lofted), a) => Shape::Lofted { apogee_m: a },
        (Some(ShapeArg::Depressed), a) => Shape::Depressed { apogee_m: a },
        (Some(ShapeArg::PullUp), a) => Shape::PullUp { apogee_m: a },
        (Some(s), Some(_)) => {
            return Err(format!(
                "--apogee-km does not go with --shape {s:?}: its apogee follows from the range"
            ))
        }
    };
    Ok(LaunchRequest {
        missile: args.missile.to_ascii_lowercase(),
        site,
        aim,
        shape,
        launch_time: SimTime::ZERO,
    })
}

pub fn run(args: &FlyArgs) -> Result<String, String> {
    let request = request_of(args)?;
    let flight = flight::fly(&request).map_err(|e| e.to_string())?;
    let s = &flight.summary;
    let mut out = String::new();
    if args.json {
        let value = json!({
            "missile": s.missile,
            "shape": request.shape,
            "flight_time_s": s.flight_time_s,
            "apogee_km": s.apogee_m / 1e3,
            "apogee_time_s": s.apogee_time_s,
            "range_km": s.range_m / 1e3,
            "burnout_time_s": s.burnout_time_s,
            "burnout_speed_m_s": s.burnout_speed_m_s,
            "burnout_height_km": s.burnout_height_m / 1e3,
            "max_speed_m_s": s.max_speed_m_s,
            "impact_speed_m_s": s.impact_speed_m_s,
            "impact_lat": s.impact_lat_deg,
            "impact_lon": s.impact_lon_deg,
            "launch_azimuth_deg": s.launch_azimuth_deg,
            "energy": s.energy,
            "payload_kg": s.payload_kg,
            "pitch_final_deg": s.pitch_final_deg,
            "adjustments": flight.adjustments(),
            "events": s.events,
        });
        return Ok(format!("{value}\n"));
    }
    let name = catalog::find(&s.missile).map_or(s.missile.as_str(), |v| v.name);
    let _ = writeln!(out, "{name}: {:?}", request.shape);
    let _ = writeln!(
        out,
        "  flight time     {:8.0} s  ({:.1} min)",
        s.flight_time_s,
        s.flight_time_s / 60.0
    );
    let _ = writeln!(
        out,
        "  apogee          {:8.1} km at {:.0} s",
        s.apogee_m / 1e3,
        s.apogee_time_s
    );
    let _ = writeln!(out, "  range           {:8.1} km", s.range_m / 1e3);
    let _ = writeln!(
        out,
        "  burnout         {:8.1} s at {:.1} km, {:.0} m/s",
        s.burnout_time_s,
        s.burnout_height_m / 1e3,
        s.burnout_speed_m_s
    );
    let _ = writeln!(out, "  max speed       {:8.0} m/s", s.max_speed_m_s);
    let _ = writeln!(
        out,
        "  impact          {:8.3}, {:.3} deg at {:.0} m/s",
        s.impact_lat_deg, s.impact_lon_deg, s.impact_speed_m_s
    );
    let _ = writeln!(
        out,
        "  launch azimuth  {:8.2} deg, energy {:.3}, payload {:.0} kg",
        s.launch_azimuth_deg, s.energy, s.payload_kg
    );
    if let Some(a) = flight.adjustments() {
        let _ = writeln!(out, "  pitch at burnout {:7.1} deg", a.pitch_final_deg);
        // What the solve changed, in words: a lighter payload changes the missile and must not pass unsaid.
        for sentence in a.sentences() {
            let _ = writeln!(out, "  {sentence}");
        }
    }
    Ok(out)
}
