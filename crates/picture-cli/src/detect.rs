//! `picture detect`: fly a launch (the same launch arguments as `picture fly`) and run every catalog sensor
//! against it: per sensor, the first detection, when the missile rose above its horizon, how many looks
//! detected it, and why it could not see earlier.

use clap::{ArgGroup, Args, ValueEnum};
use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, Aim, FlightError, LaunchRequest, Shape};
use picture_sim::sensors::run::SensorReport;
use picture_sim::sensors::table::why_not_earlier;
use picture_sim::sensors::{
    catalog, detection_table, run_detections, CatalogError, DetectionConfig, HorizonError,
    Refraction,
};
use picture_sim::sites;
use picture_sim::truth::Truth;
use picture_sim::SimTime;
use serde::Serialize;
use thiserror::Error;

use crate::pd::Model;

#[derive(Debug, Error)]
pub enum DetectError {
    #[error("--from `{0}`: expected LAT,LON in degrees or a launch site name (e.g. Sunan)")]
    From(String),
    #[error("--apogee-km does not go with --shape {shape}: its apogee follows from the range")]
    ApogeeNotAllowed { shape: &'static str },
    #[error("--apogee-km {apogee_km} must be finite and positive")]
    Apogee { apogee_km: f64 },
    #[error("flight: {0}")]
    Flight(#[from] FlightError),
    #[error("sensor catalog: {0}")]
    Catalog(#[from] CatalogError),
    #[error("--k: {0}")]
    Horizon(#[from] HorizonError),
    #[error(transparent)]
    Refraction(#[from] crate::horizon::HorizonCliError),
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The flight shapes, as `picture fly` takes them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShapeArg {
    /// The least-energy flight to the aim.
    MinEnergy,
    /// Steeper than minimum energy (with --apogee-km: that apogee).
    Lofted,
    /// Flatter than minimum energy (with --apogee-km: that apogee).
    Depressed,
    /// Depressed with a pull-up and glide (KN-23; with --apogee-km: that apogee, 35-60 km, else 50).
    PullUp,
}

/// Parses `LAT,LON` in degrees.
pub fn parse_lat_lon(s: &str) -> Result<(f64, f64), String> {
    let (lat, lon) = s
        .split_once(',')
        .ok_or_else(|| format!("`{s}`: expected LAT,LON in degrees"))?;
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("`{lat}` is not a latitude in degrees"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("`{lon}` is not a longitude in degrees"))?;
    if Geodetic::from_deg(lat, lon, 0.0).is_none() {
        return Err(format!("({lat}, {lon}) is not a valid position"));
    }
    Ok((lat, lon))
}

/// Fly a launch and run the sensor catalog against it.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("aim").required(true).args(["to", "azimuth"])))]
#[command(group(ArgGroup::new("shape_or_apogee").args(["shape", "apogee_km"]).multiple(true)))]
pub struct DetectArgs {
    /// Missile id from the flight catalog, e.g. hwasong-17.
    #[arg(long)]
    missile: String,
    /// Launch point: LAT,LON in degrees, or a launch site name (e.g. Sunan).
    #[arg(long, allow_hyphen_values = true)]
    from: String,
    /// Aim point, LAT,LON in degrees.
    #[arg(long, value_parser = parse_lat_lon, allow_hyphen_values = true)]
    to: Option<(f64, f64)>,
    /// Launch azimuth, degrees clockwise from north (with --range-km).
    #[arg(long, requires = "range_km", allow_negative_numbers = true)]
    azimuth: Option<f64>,
    /// Ground range to the aim, km (with --azimuth).
    #[arg(long, requires = "azimuth")]
    range_km: Option<f64>,
    /// Apogee, km: alone, fly "as reported" (this apogee and the range); with --shape lofted or depressed,
    /// that shape with this apogee.
    #[arg(long)]
    apogee_km: Option<f64>,
    /// Trajectory shape (default: min-energy, or as reported when --apogee-km is given).
    #[arg(long, value_enum)]
    shape: Option<ShapeArg>,
    /// Launch time, seconds after the scenario epoch.
    #[arg(long, default_value_t = 0.0)]
    launch_time_s: f64,
    /// How rays bend: `ray` (the default), traced through ITU-R P.453's exponential atmosphere; `k`, a
    /// constant effective-Earth factor (--k alone means this).
    #[arg(long, value_enum)]
    refraction: Option<crate::horizon::Refraction>,
    /// Effective-Earth-radius factor with --refraction k (default 4/3, the low-altitude rule; 1 geometric).
    #[arg(long, allow_negative_numbers = true)]
    k: Option<f64>,
    /// Seed of the detection draws and measurement noise.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Target fluctuation model for the detection draws.
    #[arg(long, value_enum, default_value = "swerling1")]
    model: Model,
    /// Print JSON: an array with one object per sensor.
    #[arg(long)]
    json: bool,
}

impl DetectArgs {
    /// The launch request these arguments describe.
    pub fn request(&self) -> Result<LaunchRequest, DetectError> {
        let site = match parse_lat_lon(&self.from) {
            Ok((lat, lon)) => Geodetic::from_deg(lat, lon, 0.0),
            Err(_) => sites::find(&self.from).map(|s| s.geodetic()),
        }
        .ok_or_else(|| DetectError::From(self.from.clone()))?;
        let aim = match (self.to, self.azimuth, self.range_km) {
            (Some((lat_deg, lon_deg)), _, _) => Aim::Point { lat_deg, lon_deg },
            (None, Some(azimuth_deg), Some(range_km)) => Aim::AzimuthRange {
                azimuth_deg,
                range_m: range_km * 1000.0,
            },
            // clap requires --to or --azimuth with --range-km; this is what fly() reports for a bad aim.
            _ => {
                return Err(
                    FlightError::Invalid("give --to, or --azimuth with --range-km".into()).into(),
                )
            }
        };
        let apogee_m = match self.apogee_km {
            Some(km) if !(km.is_finite() && km > 0.0) => {
                return Err(DetectError::Apogee { apogee_km: km })
            }
            other => other.map(|km| km * 1000.0),
        };
        // As `picture fly`: an apogee alone means "as reported"; with lofted or depressed, that apogee.
        let shape = match (self.shape, apogee_m) {
            (None, None) | (Some(ShapeArg::MinEnergy), None) => Shape::MinEnergy,
            (None, Some(apogee_m)) => Shape::AsReported { apogee_m },
            (Some(ShapeArg::Lofted), apogee_m) => Shape::Lofted { apogee_m },
            (Some(ShapeArg::Depressed), apogee_m) => Shape::Depressed { apogee_m },
            (Some(ShapeArg::PullUp), apogee_m) => Shape::PullUp { apogee_m },
            (Some(ShapeArg::MinEnergy), Some(_)) => {
                return Err(DetectError::ApogeeNotAllowed {
                    shape: "min-energy",
                })
            }
        };
        Ok(LaunchRequest {
            missile: self.missile.to_ascii_lowercase(),
            site,
            aim,
            shape,
            launch_time: SimTime::from_secs(self.launch_time_s),
        })
    }
}

/// One row of `--json` output. Times in seconds after launch; `null` for never.
#[derive(Debug, Serialize)]
struct DetectRow {
    sensor: String,
    nation: String,
    first_detection_s: Option<f64>,
    above_horizon_s: Option<f64>,
    detections: usize,
    looks: usize,
    why_not_earlier: String,
}

fn row(r: &SensorReport, launch: SimTime) -> DetectRow {
    let s = |t: Option<SimTime>| t.map(|t| (t - launch).as_secs_f64());
    DetectRow {
        sensor: r.name.clone(),
        nation: r.nation.to_string(),
        first_detection_s: s(r.first_detection),
        above_horizon_s: s(r.above_horizon),
        detections: r.detections,
        looks: r.looks,
        why_not_earlier: why_not_earlier(r, launch, usize::MAX),
    }
}

/// Runs the catalog against any target, with the run's settings from the arguments.
pub fn detect_truth(
    args: &DetectArgs,
    truth: &dyn Truth,
    title: &str,
) -> Result<String, DetectError> {
    let refraction = crate::horizon::core_refraction(args.refraction, args.k)?;
    let config = DetectionConfig {
        earth: refraction.earth()?,
        model: args.model.into(),
        seed: args.seed,
        ..DetectionConfig::default()
    };
    let sensors = catalog()?;
    let run = run_detections(&sensors, &[truth], &config);
    let launch = truth.start();
    if args.json {
        let rows: Vec<DetectRow> = run.reports.iter().map(|r| row(r, launch)).collect();
        return Ok(serde_json::to_string_pretty(&rows)? + "\n");
    }
    Ok(format!(
        "{title}\n{}, seed {}, {:?}; times in s after launch\n{}",
        match refraction {
            Refraction::Ray => "rays traced through ITU-R P.453's atmosphere".to_string(),
            Refraction::K(k) => format!("k = {k:.4}"),
        },
        args.seed,
        config.model,
        detection_table(&run, &[launch])
    ))
}

pub fn run(args: &DetectArgs) -> Result<String, DetectError> {
    let request = args.request()?;
    let flight = flight::fly(&request)?;
    let s = &flight.summary;
    let title = format!(
        "{}: apogee {:.0} km, range {:.0} km, flight {:.0} s",
        s.missile,
        s.apogee_m / 1000.0,
        s.range_m / 1000.0,
        s.flight_time_s
    );
    detect_truth(args, &flight.trajectory, &title)
}
