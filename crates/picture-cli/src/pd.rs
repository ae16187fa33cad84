//! `picture pd`: probability of detection for a signal-to-noise ratio, or the SNR needed for a probability.

use clap::{ArgGroup, Args, ValueEnum};
use picture_sim::sensors::pd::MAX_PULSES;
use picture_sim::sensors::{probability_of_detection, required_snr_db, DetectionModel, PdError};
use serde::Serialize;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PdCliError {
    #[error("{flag} {value}: {allowed}")]
    Flag {
        flag: &'static str,
        value: String,
        allowed: String,
    },
    #[error(transparent)]
    Pd(PdError),
    #[error("no finite result for these arguments (pd {pd}, snr_db {snr_db}); please report it")]
    NotFinite { pd: f64, snr_db: f64 },
    #[error("give either --snr-db or --pd")]
    Missing,
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Model {
    /// Swerling 1 (Rayleigh fluctuation, constant within a look), exact.
    Swerling1,
    /// Non-fluctuating target (Marcum), exact.
    Nonfluctuating,
    /// Non-fluctuating target by Albersheim's approximation.
    Albersheim,
}

impl From<Model> for DetectionModel {
    fn from(m: Model) -> DetectionModel {
        match m {
            Model::Swerling1 => DetectionModel::Swerling1,
            Model::Nonfluctuating => DetectionModel::NonFluctuating,
            Model::Albersheim => DetectionModel::Albersheim,
        }
    }
}

/// Pd for an SNR (--snr-db), or the SNR needed for a Pd (--pd), for a square-law detector integrating pulses
/// non-coherently.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("given").required(true).args(["snr_db", "pd"])))]
pub struct PdArgs {
    /// Per-pulse signal-to-noise ratio, dB: prints the probability of detection.
    #[arg(long, allow_negative_numbers = true)]
    snr_db: Option<f64>,
    /// Probability of detection: prints the per-pulse SNR needed, dB.
    #[arg(long)]
    pd: Option<f64>,
    /// Probability of false alarm.
    #[arg(long)]
    pfa: f64,
    #[arg(long, value_enum)]
    model: Model,
    /// Pulses integrated non-coherently.
    #[arg(long, default_value_t = 1)]
    pulses: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct PdOut {
    model: DetectionModel,
    pfa: f64,
    pulses: u32,
    snr_db: f64,
    pd: f64,
}

/// A number as a reader would write it: plain where that is short, in scientific notation otherwise.
fn shown(value: f64) -> String {
    let a = value.abs();
    if a != 0.0 && a.is_finite() && !(1e-4..1e6).contains(&a) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// The core's refusals restated with the flag that carried the value, so that the reader knows what to change.
impl From<PdError> for PdCliError {
    fn from(e: PdError) -> PdCliError {
        let flag = |flag, value: f64, allowed: String| PdCliError::Flag {
            flag,
            value: shown(value),
            allowed,
        };
        match e {
            PdError::Pfa { pfa } => flag(
                "--pfa",
                pfa,
                "the probability of false alarm must be in (0, 1)".into(),
            ),
            PdError::Pd { pd } => flag(
                "--pd",
                pd,
                "the probability of detection must be in (0, 1)".into(),
            ),
            PdError::PdBelowPfa { pd, pfa } => flag(
                "--pd",
                pd,
                format!(
                    "the probability of detection must be in (--pfa, 1) = ({}, 1)",
                    shown(pfa)
                ),
            ),
            PdError::AlbersheimPd { pd, pfa, min_pd } => flag(
                "--pd",
                pd,
                format!(
                    "Albersheim's equation needs a probability of detection in ({min_pd:.6}, 1) at --pfa {}",
                    shown(pfa)
                ),
            ),
            PdError::Pulses { pulses } => PdCliError::Flag {
                flag: "--pulses",
                value: pulses.to_string(),
                allowed: format!("the number of pulses must be in 1..={MAX_PULSES}"),
            },
            PdError::Snr { snr_db } => flag(
                "--snr-db",
                snr_db,
                "the signal-to-noise ratio must be a finite number of dB".into(),
            ),
            other => PdCliError::Pd(other),
        }
    }
}

pub fn run(args: &PdArgs) -> Result<String, PdCliError> {
    let model = DetectionModel::from(args.model);
    let (snr_db, pd) = match (args.snr_db, args.pd) {
        (Some(snr_db), _) => (
            snr_db,
            probability_of_detection(model, snr_db, args.pfa, args.pulses)?,
        ),
        (None, Some(pd)) => (required_snr_db(model, pd, args.pfa, args.pulses)?, pd),
        (None, None) => return Err(PdCliError::Missing),
    };
    // The core refuses what has no value; this only keeps a NaN from ever reaching the page or a JSON reader.
    if !(snr_db.is_finite() && pd.is_finite()) {
        return Err(PdCliError::NotFinite { pd, snr_db });
    }
    let out = PdOut {
        model,
        pfa: args.pfa,
        pulses: args.pulses,
        snr_db,
        pd,
    };
    if args.json {
        return Ok(serde_json::to_string_pretty(&out)? + "\n");
    }
    let given_snr = args.snr_db.is_some();
    Ok(if given_snr {
        format!(
            "{model:?}, Pfa {}, {} pulse(s): SNR {snr_db} dB -> pd {pd:.6}\n",
            args.pfa, args.pulses
        )
    } else {
        format!(
            "{model:?}, Pfa {}, {} pulse(s): pd {pd} needs snr_db {snr_db:.3}\n",
            args.pfa, args.pulses
        )
    })
}
